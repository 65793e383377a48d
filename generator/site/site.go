// Package site makes the site's pages from the dataset and the computed
// indicators: one page per indicator, unit and quarter, and the home,
// list, search, open-data and chart-embed pages, in Vietnamese and
// English. For each page it writes the front matter Hugo reads and, in
// Go, the HTML body and the parts of the head that are the page's own
// (body.go and head.go, through the one escaping writer of html.go).
// [WriteContent] hands the pages to a Hugo project; [HugoConfig] is the
// configuration the site's templates need. Package build runs the whole
// build.
package site

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"minhbach/generator/breakdown"
	"minhbach/generator/calendar"
	"minhbach/generator/dataset"
	"minhbach/generator/hugosite"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/markdown"
	"minhbach/generator/opendata"
)

// Languages are the site's languages; the first is at the site root.
var Languages = []string{"vi", "en"}

// Config is where the site's pages find what is not data.
type Config struct {
	// Root is the project folder: templates/i18n for interface strings,
	// content/ for report commentary.
	Root string
	// BaseURL is the address the site is served from, for links.
	BaseURL string
	// PDF says that the reports are printed to PDF, so they link their PDF.
	PDF bool
	// TemplateHeads leaves the heads and language switches of the
	// generated pages to Hugo's templates too, as for hand-written pages:
	// the tests compare the two.
	TemplateHeads bool
	// Breakdowns are the indicators' figures per breakdown cell; nil
	// when the data has none.
	Breakdowns *breakdown.Set
}

// WriteContent writes the pages of every language into the source folder
// src of a Hugo project: their JSON front matter through a
// hugosite.PageList each, and their HTML bodies, and the parts of their
// heads that are their own, into bodies. Files that are not pages (the
// search index) go straight to staging, the folder being published. The
// languages are written at the same time, each by a pager of its own;
// added is told of every page written, from both.
//
// The open-data pages list the downloads, which are written while Hugo
// runs: their bodies are only reserved, for Content.MakeLater to make.
// WriteContent stops, with ctx's error, when ctx is done.
func WriteContent(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, cfg Config, bodies *hugosite.Bodies, src, staging string, added func(n int)) (*Content, error) {
	if err := hugosite.WriteContentAdapter(src); err != nil {
		return nil, err
	}
	errs := make([]error, len(Languages))
	langs := make([]Content, len(Languages))
	var wg sync.WaitGroup
	for i, lang := range Languages {
		wg.Go(func() { langs[i], errs[i] = writeLanguage(ctx, ds, res, cfg, bodies, lang, src, staging, added) })
	}
	wg.Wait()
	all := new(Content)
	for _, c := range langs {
		all.later = append(all.later, c.later...)
		all.Unlisted += c.Unlisted
	}
	return all, errors.Join(errs...)
}

// Content is what WriteContent tells the rest of the build about the
// pages it wrote.
type Content struct {
	// Unlisted counts the pages kept out of Hugo's page lists (the
	// embeds), which Hugo renders but does not count.
	Unlisted int
	// later are the bodies to be made once the downloads are written.
	later []laterBody
}

// laterBody is a page body made once the downloads are written: its number
// in the body store, and what makes it.
type laterBody struct {
	id   int
	make func(*opendata.Catalogue) (string, error)
}

// MakeLater makes the bodies reserved for the pages that list the
// downloads, from open, the downloads as written, and gives them to
// bodies. When the downloads failed with openErr, the bodies fail with it,
// and so does MakeLater.
func (c *Content) MakeLater(bodies *hugosite.Bodies, open *opendata.Catalogue, openErr error) error {
	var errs []error
	for _, l := range c.later {
		err := openErr
		if err == nil {
			var body string
			if body, err = l.make(open); err == nil {
				bodies.Give(l.id, body)
				continue
			}
			errs = append(errs, err)
		}
		bodies.Fail(l.id, err)
	}
	return cmp.Or(openErr, errors.Join(errs...))
}

// writeLanguage writes the front matter of the pages of one language.
func writeLanguage(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, cfg Config, bodies *hugosite.Bodies, lang, src, staging string, added func(n int)) (Content, error) {
	p, err := newPager(ds, res, lang, cfg, markdown.New())
	if err != nil {
		return Content{}, err
	}
	index, err := p.searchIndex()
	if err != nil {
		return Content{}, err
	}
	if err := writeFile(filepath.Join(staging, langPrefix(lang), "search", "index.json"), index); err != nil {
		return Content{}, err
	}
	var w Content
	list := hugosite.NewPageList(src, lang, Languages[0])
	err = p.pages(func(pg page) error {
		if err := ctx.Err(); err != nil { // the build failed elsewhere
			return err
		}
		defer added(1)
		if pg.FM.Build != nil && pg.FM.Build.List == "never" {
			w.Unlisted++
		}
		if pg.later != nil {
			pg.FM.Params.Body = bodies.Reserve()
			w.later = append(w.later, laterBody{id: pg.FM.Params.Body, make: pg.later})
		} else {
			pg.FM.Params.Body = bodies.Add(pg.Body)
		}
		if pg.FM.Params.Kind != "embed" && !cfg.TemplateHeads { // embeds have a layout of their own
			pg.FM.Params.Head = bodies.Add(p.headFragment(pg))
			pg.FM.Params.LangSwitch = bodies.Add(p.langSwitchFragment(pg))
		}
		fm, err := json.Marshal(pg.FM)
		if err != nil {
			return fmt.Errorf("page %s: %w", pg.Path, err)
		}
		return list.Add(pg.Path, fm)
	})
	if err != nil {
		return w, err
	}
	return w, list.Close()
}

// HugoConfig is Hugo's configuration for the site, built in proj. Every folder is
// mounted by its absolute path, so Hugo reads the templates and the
// hand-written content of the project and the generated content of the
// project's source folder, and nothing else.
func HugoConfig(ds *dataset.Dataset, proj *hugosite.Project, cfg Config) *hugosite.Config {
	c := &hugosite.Config{
		BaseURL:                    cfg.BaseURL,
		Title:                      ds.Meta.Title.Get(Languages[0]),
		DefaultContentLanguage:     Languages[0],
		DisableKinds:               []string{"taxonomy", "term", "rss"},
		EnableRobotsTXT:            true,
		NoBuildLock:                true,
		DisableHugoGeneratorInject: true,
		TimeZone:                   "Asia/Ho_Chi_Minh",
		CacheDir:                   filepath.Join(proj.Work, "cache"),
		ResourceDir:                filepath.Join(proj.Work, "resources"),
		Params: struct {
			Sample bool `toml:"sample"`
			PDF    bool `toml:"pdf"`
		}{ds.Meta.Sample, cfg.PDF},
		Languages: map[string]hugosite.Language{},
		// Hand-written Markdown is rendered without raw HTML (no forged
		// body marker, no script).
		Markup:        &hugosite.Markup{},
		MediaTypes:    map[string]hugosite.MediaType{"application/atom+xml": {Suffixes: []string{"xml"}}},
		OutputFormats: map[string]hugosite.OutputFormat{"atom": {MediaType: "application/atom+xml", BaseName: "index", Rel: "alternate"}},
		// Pages are not minified: their bodies, the bulk of every page,
		// are written compact by the generator, and minifying a national
		// site's HTML again would cost seconds for a few bytes. CSS and
		// scripts are minified in their pipelines
		// (templates/layouts/_partials).
		Minify:  hugosite.Minify{MinifyOutput: true, DisableHTML: true},
		Sitemap: &hugosite.Sitemap{ChangeFreq: "", Priority: -1},
	}
	for i, lang := range Languages {
		texts := ds.Meta.Texts(lang)                         // read by the partials over T's defaults
		if tr, err := loadI18n(cfg.Root, lang); err == nil { // else the pages fail the build
			texts = siteTexts(ds, lang, tr)
		}
		c.Languages[lang] = hugosite.Language{
			Weight: i + 1,
			Locale: languageInfo[lang].locale,
			Label:  languageInfo[lang].label,
			Title:  ds.Meta.Title.Get(lang),
			Params: texts,
		}
	}
	mount := func(source, target string, files ...string) {
		c.Module.Mounts = append(c.Module.Mounts, hugosite.Mount{Source: source, Target: target, Files: files})
	}
	mount(filepath.Join(proj.Root, "templates", "layouts"), "layouts")
	mount(filepath.Join(proj.Root, "templates", "assets"), "assets")
	mount(filepath.Join(proj.Root, "templates", "i18n"), "i18n")
	// Report commentary is read by the generator, not published as pages.
	mount(filepath.Join(proj.Root, "content"), "content", "! reports/**")
	mount(filepath.Join(proj.Src, "content"), "content")
	mount(filepath.Join(proj.Src, "data"), "data")
	// The bundled scripts (package script), which the templates
	// fingerprint and publish.
	mount(filepath.Join(proj.Src, "scripts"), "assets/js/bundled")
	return c
}

// A Report is a report page, of a quarter or a year, for build --pdf to print.
type Report struct {
	// Page is the page's site-relative URL: "reports/2025-q1/",
	// "en/reports/2025-q1/", "reports/2024/".
	Page string
	// Title names the report, for the running header of its PDF.
	Title string
}

// Reports lists the report pages of every language, each titled for the
// running header of its PDF in the words of templates/i18n below root.
func Reports(ds *dataset.Dataset, res *indicator.Result, root string) ([]Report, error) {
	top := ds.Top()
	if top == nil {
		return nil, fmt.Errorf("units.csv has no top unit (a unit without parent)")
	}
	var reports []Report
	for _, lang := range Languages {
		tr, err := loadI18n(root, lang)
		if err != nil {
			return nil, err
		}
		f := locale.MustNew(lang)
		word := tr.Get("section_report")
		if err := tr.Err(); err != nil {
			return nil, err
		}
		for _, q := range calendar.New(ds.Observations).Reports() {
			reports = append(reports, Report{Page: langPrefix(lang) + "reports/" + q.Slug() + "/",
				Title: fmt.Sprintf("%s %s — %s — %s", word, f.Period(q), top.NameIn(lang), ds.Meta.Title.Get(lang))})
		}
	}
	return reports, nil
}

// Check runs, building nothing, what would make a build of ds refuse to publish:
// the pages' words (templates/i18n below root) and every report's commentary.
func Check(ds *dataset.Dataset, res *indicator.Result, root string) error {
	var errs []error
	for _, lang := range Languages {
		p, err := newPager(ds, res, lang, Config{Root: root}, markdown.New())
		for i := 0; err == nil && i < len(p.reports); i++ {
			_, err = p.commentary(p.reports[i])
		}
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// writeFile writes data to path, making the folders on the way.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
