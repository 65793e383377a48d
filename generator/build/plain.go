package build

import (
	"os"
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
	staging, err := publish.Stage(out)
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(staging)
	opts.Progress.Begin("hugo", "pages", 0)
	built, err := hugosite.Run(proj.Src, config, staging, nil)
	if err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(built)
	opts.Progress.Begin("publish", "files", 0)
	files, bytes, err := swapIn(staging, out, opts.Progress)
	if err != nil {
		return Stats{}, err
	}
	return Stats{Pages: built, Duration: time.Since(start), Files: files, Bytes: bytes}, nil
}
