// Package site builds the static site: it turns the dataset and the computed
// indicators into Hugo content (one page per indicator, unit and quarter, in
// Vietnamese and English), runs Hugo in this process with the templates of
// templates/, and publishes the result atomically.
package site

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
)

// Languages are the site's languages; the first is at the site root.
var Languages = []string{"vi", "en"}

// Options say where a build reads and writes.
type Options struct {
	// Root is the project folder: content/, templates/, node_modules/ and
	// the work folder .minhbach/ are found there.
	Root string
	// Out is the folder the site is published to; it is replaced only when
	// the whole build succeeded.
	Out string
	// BaseURL is the address the site is served from ("/" when empty).
	BaseURL string
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// Stats describe a finished build.
type Stats struct {
	Pages    int
	Duration time.Duration
}

// Build generates the site from ds and res and publishes it to opts.Out.
// On any error the previous contents of opts.Out are left as they were.
func Build(ds *dataset.Dataset, res *indicator.Result, opts Options) (Stats, error) {
	start := time.Now()
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	if opts.BaseURL == "" {
		opts.BaseURL = "/"
	}
	root, err := filepath.Abs(opts.Root)
	if err != nil {
		return Stats{}, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return Stats{}, err
	}
	if err := EnsureNodeModules(root, opts.Log); err != nil {
		return Stats{}, err
	}
	work := filepath.Join(root, ".minhbach")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return Stats{}, err
	}
	src, err := os.MkdirTemp(work, "source-")
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(src)
	if err := writeColumnDocs(filepath.Join(src, "data")); err != nil {
		return Stats{}, err
	}
	if err := writeContent(ds, res, src); err != nil {
		return Stats{}, err
	}
	cfg := filepath.Join(src, "hugo.toml")
	if err := os.WriteFile(cfg, []byte(hugoConfig(ds, root, src, work, opts.BaseURL)), 0o644); err != nil {
		return Stats{}, err
	}
	staging, err := stagingDir(out)
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(staging) // a no-op once published
	fmt.Fprintln(opts.Log, "rendering pages with Hugo")
	pages, err := runHugo(root, cfg, staging)
	if err != nil {
		return Stats{}, err
	}
	if err := writeDownloads(ds, res, staging); err != nil {
		return Stats{}, fmt.Errorf("writing downloads: %w", err)
	}
	// Hugo's library leaves static files to its command line; copy them here.
	if err := os.CopyFS(staging, os.DirFS(filepath.Join(root, "templates", "static"))); err != nil {
		return Stats{}, fmt.Errorf("copying static files: %w", err)
	}
	if err := publish(staging, out); err != nil {
		return Stats{}, fmt.Errorf("publishing %s: %w", out, err)
	}
	return Stats{Pages: pages, Duration: time.Since(start)}, nil
}

// writeContent writes one content file per page and language below src/content.
func writeContent(ds *dataset.Dataset, res *indicator.Result, src string) error {
	md := newMarkdown()
	for _, lang := range Languages {
		p, err := newPager(ds, res, lang, md)
		if err != nil {
			return err
		}
		pages, err := p.pages()
		if err != nil {
			return err
		}
		for _, pg := range pages {
			name := pg.Path + ".md"
			if lang != Languages[0] {
				name = pg.Path + "." + lang + ".md"
			}
			if err := writePage(filepath.Join(src, "content", filepath.FromSlash(name)), pg); err != nil {
				return err
			}
		}
	}
	return nil
}

// writePage writes a content file: JSON front matter, then the body.
func writePage(path string, pg page) error {
	fm, err := json.MarshalIndent(pg.FM, "", " ")
	if err != nil {
		return fmt.Errorf("page %s: %w", pg.Path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, append(append(fm, '\n'), pg.Body...), 0o644)
}

// hugoConfig writes Hugo's configuration. Every folder is mounted by its
// absolute path, so Hugo reads the templates and the hand-written content of
// the project and the generated content of src, and nothing else.
func hugoConfig(ds *dataset.Dataset, root, src, work, baseURL string) string {
	var b strings.Builder
	q := func(s string) string { v, _ := json.Marshal(s); return string(v) }
	fmt.Fprintf(&b, "baseURL = %s\n", q(baseURL))
	fmt.Fprintf(&b, "title = %s\n", q(ds.Meta.Title.Get("vi")))
	b.WriteString(`defaultContentLanguage = "vi"
disableKinds = ["taxonomy", "term", "rss"]
enableRobotsTXT = true
noBuildLock = true
disableHugoGeneratorInject = true
timeZone = "Asia/Ho_Chi_Minh"
`)
	fmt.Fprintf(&b, "cacheDir = %s\nresourceDir = %s\n", q(filepath.Join(work, "cache")), q(filepath.Join(work, "resources")))
	fmt.Fprintf(&b, `
[params]
sample = %t

[languages.vi]
weight = 1
locale = "vi"
label = "Tiếng Việt"
title = %s

[languages.en]
weight = 2
locale = "en"
label = "English"
title = %s

[markup.goldmark.renderer]
unsafe = false

[minify]
minifyOutput = true

[sitemap]
changeFreq = ""
priority = -1
`, ds.Meta.Sample, q(ds.Meta.Title.Get("vi")), q(ds.Meta.Title.Get("en")))
	mount := func(source, target string) {
		fmt.Fprintf(&b, "\n[[module.mounts]]\nsource = %s\ntarget = %q\n", q(source), target)
	}
	mount(filepath.Join(root, "templates", "layouts"), "layouts")
	mount(filepath.Join(root, "templates", "assets"), "assets")
	mount(filepath.Join(root, "templates", "i18n"), "i18n")
	mount(filepath.Join(root, "content"), "content")
	mount(filepath.Join(src, "content"), "content")
	mount(filepath.Join(src, "data"), "data")
	return b.String()
}
