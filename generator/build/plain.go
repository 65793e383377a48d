package build

import (
	"path/filepath"
	"time"

	"minhbach/generator/hugosite"
	"minhbach/generator/publish"
)

// Plain is the yardstick of the benchmark: Hugo alone building pages
// plain Markdown pages (hugosite.WritePlain) through the same in-process
// Hugo, configuration style and atomic publish as Site. The difference
// between Site and Plain of the same number of pages is the cost of the
// generator and of the site's templates.
func Plain(pages int, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Progress == nil {
		opts.Progress = silent{}
	}
	if err := CheckOut(opts); err != nil {
		return Stats{}, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Stats{}, err
	}
	proj, err := hugosite.NewProject(opts.Root, "plain-")
	if err != nil {
		return Stats{}, err
	}
	defer proj.Remove()
	opts.Progress.Begin("pages, charts", "pages", pages) // the stage of Site that writes content; no charts here
	config, err := hugosite.WritePlain(proj, pages, opts.Progress.Add)
	if err != nil {
		return Stats{}, err
	}
	stage, _, err := publish.Stage(out)
	if err != nil {
		return Stats{}, err
	}
	defer stage.Remove()
	staging := stage.Path()
	opts.Progress.Begin("hugo", "pages", 0)
	built, err := hugosite.Run(proj.Src, config, staging, nil)
	if err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(built)
	opts.Progress.Begin("publish", "files", 0)
	stats := Stats{Pages: built}
	if err := swapIn(stage, out, opts.Progress, &stats); err != nil {
		return Stats{}, err
	}
	stats.Duration = time.Since(start)
	return stats, nil
}
