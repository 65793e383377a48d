package cli

import (
	"fmt"
	"io"

	"minhbach/generator/build"
	"minhbach/generator/dataset"
	"minhbach/generator/progress"
	"minhbach/generator/script"
)

// buildSite runs the whole pipeline — read and check the data, compute the
// indicators, build and publish the site — telling meter about each stage.
// Findings and warnings go to stderr, one a line. It returns the build's
// figures, or the exit status when it failed.
func buildSite(data string, opts build.Options, meter *progress.Meter, stdout, stderr io.Writer) (build.Stats, int) {
	opts.Data = data
	// An --out that may not be replaced is refused before anything is read
	// or written.
	if err := build.CheckOut(opts); err != nil {
		fmt.Fprintf(stderr, "minhbach: %s\n", oneLine(err))
		return build.Stats{}, ExitBadInput
	}
	// The site's scripts need no data, so they are bundled while it is
	// read, on the processor core the reader leaves idle.
	if opts.Scripts == nil {
		opts.Scripts = script.Start(opts.Root, meter.Writer())
	}
	meter.Begin("read, validate", "observations", 0)
	// load also computes the indicators: their roll-up warnings are findings
	// of the check, printed once, with the others.
	ds, res, code := load(data, stdout, stderr, func(ds *dataset.Dataset) {
		meter.Add(len(ds.Observations))
		meter.Begin("compute", "indicators", len(ds.Catalogue.Indicators))
	})
	if ds == nil {
		opts.Scripts.Wait() // leave no npm ci or bundling running
		meter.Finish()
		return build.Stats{}, code
	}
	meter.Add(len(ds.Catalogue.Indicators))
	opts.Progress, opts.Log = meter, meter.Writer()
	stats, err := build.Site(ds, res, opts)
	meter.Finish()
	if err != nil {
		fmt.Fprintf(stderr, "minhbach: %s\n", oneLine(err))
		return build.Stats{}, ExitBadInput
	}
	for _, dir := range stats.Swept {
		fmt.Fprintf(stderr, "minhbach: removed %s, left by a build that was stopped\n", dir)
	}
	for _, w := range stats.Warnings {
		fmt.Fprintf(stderr, "minhbach: warning: %s\n", oneLine(w))
	}
	return stats, ExitOK
}

// summary prints the stages of a build and what it published, like Hugo's
// build summary.
func summary(w io.Writer, meter *progress.Meter, stats build.Stats) {
	progress.Summary(w, meter.Stages(), []progress.Total{
		{Name: "pages", Value: progress.Count(stats.Pages)},
		{Name: "files", Value: progress.Count(stats.Files)},
		{Name: "bytes", Value: progress.Bytes(stats.Bytes)},
	}, meter.Elapsed())
}
