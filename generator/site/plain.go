package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/generator/publish"
)

// BuildPlain is the yardstick of the benchmark: Hugo alone building pages
// plain Markdown pages (a title and a paragraph each, half in Vietnamese
// and half in English) with trivial layouts, through the same in-process
// Hugo, configuration style and atomic publish as Build. The difference
// between Build and BuildPlain of the same number of pages is the cost of
// the generator and of the site's templates.
func BuildPlain(pages int, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Progress == nil {
		opts.Progress = silent{}
	}
	dirs, err := newFolders(opts, "plain-")
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(dirs.src)
	out, work, src := dirs.out, dirs.work, dirs.src

	opts.Progress.Begin("pages, charts", "pages", pages) // the stage of Build that writes content; no charts here
	files := map[string]string{
		"layouts/baseof.html":  `<!doctype html><html lang="{{ site.Language.Locale }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>`,
		"layouts/page.html":    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/section.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/home.html":    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
	}
	for rel, text := range files {
		if err := writeText(filepath.Join(src, filepath.FromSlash(rel)), text); err != nil {
			return Stats{}, err
		}
	}
	for i := range pages {
		lang, suffix := Languages[i%len(Languages)], ""
		if lang != Languages[0] {
			suffix = "." + lang
		}
		name := fmt.Sprintf("content/p/%05d%s.md", i/2, suffix)
		text := fmt.Sprintf("---\ntitle: Page %d\n---\n\nPlain page number %d, in %s.\n", i/2, i/2, lang)
		if err := writeText(filepath.Join(src, filepath.FromSlash(name)), text); err != nil {
			return Stats{}, err
		}
		opts.Progress.Add(1)
	}
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "baseURL = %q\n", "/")
	cfg.WriteString(`title = "Plain"
defaultContentLanguage = "vi"
disableKinds = ["taxonomy", "term", "rss"]
noBuildLock = true
`)
	fmt.Fprintf(&cfg, "cacheDir = %q\nresourceDir = %q\n", filepath.Join(work, "cache"), filepath.Join(work, "resources"))
	cfg.WriteString(`
[languages.vi]
weight = 1
[languages.en]
weight = 2

[minify]
minifyOutput = true
`)
	config := filepath.Join(src, "hugo.toml")
	if err := writeText(config, cfg.String()); err != nil {
		return Stats{}, err
	}
	staging, err := publish.Stage(out)
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(staging)
	opts.Progress.Begin("hugo", "pages", 0)
	built, err := runHugo(src, config, staging, nil)
	if err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(built)
	opts.Progress.Begin("publish", "files", 0)
	n, bytes, err := publish.Measure(staging)
	if err != nil {
		return Stats{}, err
	}
	if err := publish.Swap(staging, out); err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(n)
	return Stats{Pages: built, Duration: time.Since(start), Files: n, Bytes: bytes}, nil
}

// writeText writes text to path, making its folder first.
func writeText(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
