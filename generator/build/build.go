// Package build runs one build of the site, from the computed indicators
// to the published folder: the pages (package site) and the open-data
// downloads (package opendata) are written at the same time, Hugo lays the
// pages out in this process (package hugosite), the reports are printed to
// PDF when asked (package chromium), and the result replaces the
// published site all at once (package publish).
package build

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/generator/breakdown"

	"golang.org/x/sync/errgroup"

	"minhbach/generator/chromium"
	"minhbach/generator/dataset"
	"minhbach/generator/dataset/input"
	"minhbach/generator/hugosite"
	"minhbach/generator/indicator"
	"minhbach/generator/opendata"
	"minhbach/generator/publish"
	"minhbach/generator/script"
	"minhbach/generator/site"
)

// Options say where a build reads and writes.
type Options struct {
	// Root is the project folder: content/, templates/, node_modules/ and
	// the work folder .minhbach/ are found there.
	Root string
	// Out is the folder the site is published to; it is replaced only when
	// the whole build succeeded, and only if it may be (see CheckOut).
	Out string
	// Data is the data folder the site is built from, which Out may not
	// be, hold or lie in.
	Data string
	// BaseURL is the address the site is served from ("/" when empty).
	BaseURL string
	// PDF also prints every report to PDF with headless Chromium.
	PDF bool
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// Progress is told about the stages of the build; nil tells nobody.
	Progress Progress
	// Scripts is the bundling of the site's scripts, which a caller can
	// start before it reads the data (script.Start); nil starts it here.
	Scripts *script.Bundling

	// templateHeads: see SiteWithTemplateHeads.
	templateHeads bool
}

// Stats describe a finished build.
type Stats struct {
	Pages    int
	Duration time.Duration
	// Files and Bytes count what was published.
	Files int
	Bytes int64
	// Warnings are problems that did not stop the build: a previous site
	// that could not be removed once the new one was live.
	Warnings []error
	// Swept lists what killed builds had left, which this one removed.
	Swept []string
}

// CheckOut says whether the build may publish to opts.Out: an absent or
// empty folder, or a site this program published, and never the project
// folder (or one above it), nor its data, content or templates folders
// (publish.CheckOut). Site checks it too; callers check it first to refuse
// before reading any data.
func CheckOut(opts Options) error {
	inputs := []string{filepath.Join(opts.Root, "content"), filepath.Join(opts.Root, "templates")}
	if opts.Data != "" {
		inputs = append(inputs, opts.Data)
	}
	return publish.CheckOut(opts.Out, opts.Root, inputs...)
}

// Site generates the site from ds and res and publishes it to opts.Out.
// On any error the previous contents of opts.Out are left as they were.
func Site(ds *dataset.Dataset, res *indicator.Result, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "/"
	}
	if opts.Progress == nil {
		opts.Progress = silent{}
	}
	if err := CheckOut(opts); err != nil {
		return Stats{}, err
	}
	// Hugo reads these folders itself: nothing in them may lead elsewhere.
	for _, dir := range []string{"content", "templates"} {
		if err := input.CheckTree(filepath.Join(opts.Root, dir)); err != nil {
			return Stats{}, err
		}
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Stats{}, err
	}
	proj, err := hugosite.NewProject(opts.Root, "source-")
	if err != nil {
		return Stats{}, err
	}
	defer proj.Remove()
	stats := Stats{Swept: proj.Swept}
	if opts.Scripts == nil {
		opts.Scripts = script.Start(proj.Root, opts.Log)
	}
	// Whatever happens, no npm ci or bundling is left running: the next
	// build (a preview's) would start another in the same folder.
	defer opts.Scripts.Wait()
	stage, swept, err := publish.Stage(out)
	stats.Swept = append(stats.Swept, swept...)
	if err != nil {
		return Stats{}, err
	}
	defer stage.Remove() // a no-op once published
	staging := stage.Path()
	opts.Progress.Begin("pages, charts", "pages", 0)
	pages, err := render(ds, res, opts, proj, out, staging)
	if err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(pages)
	opts.Progress.Begin("publish", "files", 0)
	// Hugo's library leaves static files to its command line; copy them here.
	if err := os.CopyFS(staging, os.DirFS(filepath.Join(proj.Root, "templates", "static"))); err != nil {
		return Stats{}, fmt.Errorf("copying static files: %w", err)
	}
	if opts.PDF {
		fmt.Fprintln(opts.Log, "printing the reports to PDF with Chromium")
		prints, err := reportPrints(ds, res, proj.Root)
		if err != nil {
			return Stats{}, err
		}
		if err := chromium.PrintPDFs(staging, prints); err != nil {
			return Stats{}, fmt.Errorf("--pdf: %w", err)
		}
	}
	if err := publish.WriteHeaders(staging, site.Languages); err != nil {
		return Stats{}, err
	}
	if err := swapIn(stage, out, opts.Progress, &stats); err != nil {
		return Stats{}, err
	}
	stats.Pages, stats.Duration = pages, time.Since(start)
	return stats, nil
}

// render writes the pages and the downloads, and has Hugo lay the pages
// out into staging. It returns how many pages Hugo rendered.
//
// Three things run at once, in one group: the downloads; the pages, then
// Hugo; and, once both the pages and the downloads are written, the bodies
// of the open-data pages, which list the downloads. Hugo waits for those
// bodies when it publishes those pages (see hugosite.Bodies). The first to
// fail cancels the others, and render returns only once all have ended.
func render(ds *dataset.Dataset, res *indicator.Result, opts Options, proj *hugosite.Project, out, staging string) (pages int, err error) {
	if err := opendata.WriteColumnDocs(filepath.Join(proj.Src, "data")); err != nil {
		return 0, err
	}
	bd, err := breakdown.Compute(ds)
	if err != nil {
		return 0, err
	}
	g, ctx := errgroup.WithContext(context.Background())
	var open *opendata.Catalogue
	opened := make(chan error, 1) // how writing the downloads ended
	g.Go(func() error {
		var err error
		open, err = opendata.Write(ctx, ds, res, bd, out, staging)
		opened <- err
		return err
	})
	cfg := site.Config{Breakdowns: bd, Root: proj.Root, BaseURL: opts.BaseURL, PDF: opts.PDF, TemplateHeads: opts.templateHeads}
	bodies := new(hugosite.Bodies)
	g.Go(func() error {
		content, err := site.WriteContent(ctx, ds, res, cfg, bodies, proj.Src, staging, opts.Progress.Add)
		if err != nil {
			return err
		}
		g.Go(func() error {
			err := <-opened // open is written once this is received
			return content.MakeLater(bodies, open, err)
		})
		config := filepath.Join(proj.Src, "hugo.toml")
		if err := hugosite.WriteConfig(config, site.HugoConfig(ds, proj, cfg)); err != nil {
			return err
		}
		if err := writeScripts(opts.Scripts, filepath.Join(proj.Src, "scripts")); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil { // the downloads failed
			return err
		}
		fmt.Fprintln(opts.Log, "rendering pages with Hugo")
		opts.Progress.Begin("hugo", "pages", 0)
		n, err := hugosite.Run(proj.Root, config, staging, bodies)
		pages = n + content.Unlisted
		return err
	})
	// When the downloads fail, theirs is the error returned: the open-data
	// pages fail for want of their bodies only after it, with it.
	err = g.Wait()
	return pages, err
}

// swapIn counts the files of the finished build in stage into stats, and
// publishes it to out.
func swapIn(stage *publish.Staging, out string, progress Progress, stats *Stats) (err error) {
	stats.Files, stats.Bytes, err = publish.Measure(stage.Path())
	if err != nil {
		return err
	}
	warn := func(err error) { stats.Warnings = append(stats.Warnings, err) }
	if err := publish.Swap(stage, out, warn); err != nil {
		return err
	}
	progress.Add(stats.Files)
	return nil
}

// SiteWithTemplateHeads builds as Site does, but leaves the heads and
// language switches of the generated pages to Hugo's templates too, as for
// hand-written pages (site.Config.TemplateHeads). It is slower and makes
// the same bytes, which the tests check.
func SiteWithTemplateHeads(ds *dataset.Dataset, res *indicator.Result, opts Options) (Stats, error) {
	opts.templateHeads = true
	return Site(ds, res, opts)
}

// writeScripts waits for the bundled scripts and writes them to dir, for
// Hugo (assets/js/bundled).
func writeScripts(scripts *script.Bundling, dir string) error {
	files, err := scripts.Wait()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Contents, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// reportPrints lists the reports to print to PDF, each beside its page
// (/reports/2025-q1.pdf, /en/reports/2025-q1.pdf), with its title as the
// running header.
func reportPrints(ds *dataset.Dataset, res *indicator.Result, root string) ([]chromium.Print, error) {
	reports, err := site.Reports(ds, res, root)
	if err != nil {
		return nil, err
	}
	var prints []chromium.Print
	for _, r := range reports {
		prints = append(prints, chromium.Print{Page: r.Page, PDF: strings.TrimSuffix(r.Page, "/") + ".pdf", Header: r.Title})
	}
	return prints, nil
}
