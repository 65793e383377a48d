// Package site builds the static site: it turns the dataset and the computed
// indicators into Hugo content (one page per indicator, unit and quarter, in
// Vietnamese and English), runs Hugo in this process with the templates of
// templates/, and publishes the result atomically.
package site

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"minhbach/generator/chromium"
	"minhbach/generator/dataset"
	"minhbach/generator/hugosite"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/opendata"
	"minhbach/generator/period"
	"minhbach/generator/publish"
	"minhbach/generator/script"
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
	// PDF also prints every report to PDF with headless Chromium.
	PDF bool
	// Log receives progress lines; nil discards them.
	Log io.Writer
	// Progress is told about the stages of the build; nil tells nobody.
	Progress Progress
	// Scripts is the bundling of the site's scripts, which a caller can
	// start before it reads the data (script.Start); nil starts it here.
	Scripts *script.Bundling

	// templateHeads leaves the heads and language switches of generated
	// pages to Hugo's templates too, as for hand-written pages: the tests
	// compare the two.
	templateHeads bool
}

// Stats describe a finished build.
type Stats struct {
	Pages    int
	Duration time.Duration
	// Files and Bytes count what was published.
	Files int
	Bytes int64
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
	if opts.Progress == nil {
		opts.Progress = silent{}
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
	root, src := proj.Root, proj.Src
	if opts.Scripts == nil {
		opts.Scripts = script.Start(root, opts.Log)
	}
	// Whatever happens, no npm ci or bundling is left running: the next
	// build (a preview's) would start another in the same folder.
	defer opts.Scripts.Wait()
	staging, err := publish.Stage(out)
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(staging) // a no-op once published
	if err := opendata.WriteColumnDocs(filepath.Join(src, "data")); err != nil {
		return Stats{}, err
	}
	// The downloads are written while the pages are made and Hugo runs:
	// only the open-data pages list them, and their bodies are made once
	// the downloads are written. Hugo waits for those bodies when it
	// publishes those pages (see hugosite.Bodies).
	opts.Progress.Begin("pages, charts", "pages", 0)
	var (
		open     *opendata.Catalogue
		openErr  error
		openDone = make(chan struct{})
	)
	go func() {
		defer close(openDone)
		open, openErr = opendata.Write(ds, res, out, staging)
	}()
	cfg := pagerConfig{root: root, baseURL: opts.BaseURL, pdf: opts.PDF, templateHeads: opts.templateHeads}
	bodies := new(hugosite.Bodies)
	content, err := writeContent(ds, res, cfg, bodies, src, staging, opts.Progress)
	if err != nil {
		<-openDone
		return Stats{}, err
	}
	laterErr := make(chan error, 1)
	go func() {
		<-openDone
		laterErr <- giveLaterBodies(bodies, content.later, open, openErr)
	}()
	config := filepath.Join(src, "hugo.toml")
	err = hugosite.WriteConfig(config, hugoConfig(ds, proj, opts.BaseURL, opts.PDF))
	if err == nil {
		err = writeScripts(opts.Scripts, filepath.Join(src, "scripts"))
	}
	var pages int
	if err == nil {
		fmt.Fprintln(opts.Log, "rendering pages with Hugo")
		opts.Progress.Begin("hugo", "pages", 0)
		pages, err = hugosite.Run(root, config, staging, bodies)
		pages += content.unlisted
	}
	// An error writing the downloads comes first: it is why Hugo could not
	// publish the open-data pages.
	if err := cmp.Or(<-laterErr, err); err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(pages)
	opts.Progress.Begin("publish", "files", 0)
	// Hugo's library leaves static files to its command line; copy them here.
	if err := os.CopyFS(staging, os.DirFS(filepath.Join(root, "templates", "static"))); err != nil {
		return Stats{}, fmt.Errorf("copying static files: %w", err)
	}
	if opts.PDF {
		fmt.Fprintln(opts.Log, "printing the reports to PDF with Chromium")
		if err := chromium.PrintPDFs(staging, reportPrints(ds, res)); err != nil {
			return Stats{}, fmt.Errorf("--pdf: %w", err)
		}
	}
	if err := publish.WriteHeaders(staging, Languages); err != nil {
		return Stats{}, err
	}
	files, bytes, err := publish.Measure(staging)
	if err != nil {
		return Stats{}, err
	}
	if err := publish.Swap(staging, out); err != nil {
		return Stats{}, err
	}
	opts.Progress.Add(files)
	return Stats{Pages: pages, Duration: time.Since(start), Files: files, Bytes: bytes}, nil
}

// writeContent writes the JSON front matter of every page and language
// below src: the page lists that the content adapter adds
// (data/pages/<lang>.json, content/_content.gotmpl) and content files for
// home and section pages. The pages' HTML bodies go into bodies (see
// splice.go); it returns those to be made once the downloads are
// written. Files that are not pages (the search index) go straight to
// staging. The languages are written at the same time, each by a pager of
// its own.
func writeContent(ds *dataset.Dataset, res *indicator.Result, cfg pagerConfig, bodies *hugosite.Bodies, src, staging string, progress Progress) (written, error) {
	if err := hugosite.WriteContentAdapter(src); err != nil {
		return written{}, err
	}
	errs := make([]error, len(Languages))
	langs := make([]written, len(Languages))
	var wg sync.WaitGroup
	for i, lang := range Languages {
		wg.Go(func() { langs[i], errs[i] = writeLanguage(ds, res, cfg, bodies, lang, src, staging, progress) })
	}
	wg.Wait()
	var all written
	for _, w := range langs {
		all.later = append(all.later, w.later...)
		all.unlisted += w.unlisted
	}
	return all, errors.Join(errs...)
}

// written is what writeContent tells the rest of the build about the
// pages it wrote.
type written struct {
	// later are the bodies to be made once the downloads are written.
	later []laterBody
	// unlisted counts the pages kept out of Hugo's page lists (the
	// embeds), which Hugo renders but does not count.
	unlisted int
}

// laterBody is a page body made once the downloads are written: its number
// in the body store, and what makes it.
type laterBody struct {
	id   int
	make func(*opendata.Catalogue) (string, error)
}

// giveLaterBodies makes the bodies in later from open, the downloads as
// written, and gives them to the store. When the downloads failed with
// openErr, the bodies fail with it, and so does giveLaterBodies.
func giveLaterBodies(bodies *hugosite.Bodies, later []laterBody, open *opendata.Catalogue, openErr error) error {
	var errs []error
	for _, l := range later {
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
func writeLanguage(ds *dataset.Dataset, res *indicator.Result, cfg pagerConfig, bodies *hugosite.Bodies, lang, src, staging string, progress Progress) (written, error) {
	p, err := newPager(ds, res, lang, cfg, newMarkdown())
	if err != nil {
		return written{}, err
	}
	index, err := p.searchIndex()
	if err != nil {
		return written{}, err
	}
	if err := writeFile(filepath.Join(staging, langPrefix(lang), "search", "index.json"), index); err != nil {
		return written{}, err
	}
	var w written
	list := hugosite.NewPageList(src, lang, Languages[0])
	err = p.pages(func(pg page) error {
		defer progress.Add(1)
		if pg.FM.Build != nil && pg.FM.Build.List == "never" {
			w.unlisted++
		}
		if pg.later != nil {
			pg.FM.Params.Body = bodies.Reserve()
			w.later = append(w.later, laterBody{id: pg.FM.Params.Body, make: pg.later})
		} else {
			pg.FM.Params.Body = bodies.Add(pg.Body)
		}
		if pg.FM.Params.Kind != "embed" && !cfg.templateHeads { // embeds have a layout of their own
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

// hugoConfig is Hugo's configuration for the site. Every folder is
// mounted by its absolute path, so Hugo reads the templates and the
// hand-written content of the project and the generated content of the
// project's source folder, and nothing else.
func hugoConfig(ds *dataset.Dataset, proj *hugosite.Project, baseURL string, pdf bool) *hugosite.Config {
	c := &hugosite.Config{
		BaseURL:                    baseURL,
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
		}{ds.Meta.Sample, pdf},
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
		c.Languages[lang] = hugosite.Language{
			Weight: i + 1,
			Locale: languageInfo[lang].locale,
			Label:  languageInfo[lang].label,
			Title:  ds.Meta.Title.Get(lang),
			Params: map[string]string{"sample_note": ds.Meta.SampleNote.Get(lang)},
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
	// The bundled scripts (see writeScripts), which the templates
	// fingerprint and publish.
	mount(filepath.Join(proj.Src, "scripts"), "assets/js/bundled")
	return c
}

// writeScripts waits for the bundled scripts and writes them to dir, for
// Hugo (assets/js/bundled).
func writeScripts(scripts *script.Bundling, dir string) error {
	files, err := scripts.Wait()
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.Name), f.Contents); err != nil {
			return err
		}
	}
	return nil
}

// reportPrints lists the reports to print to PDF, each beside its page
// (/reports/2025-q1.pdf, /en/reports/2025-q1.pdf), with its running header.
func reportPrints(ds *dataset.Dataset, res *indicator.Result) []chromium.Print {
	titles := reportTitles(ds, res)
	var prints []chromium.Print
	for _, lang := range Languages {
		for _, q := range res.Periods(period.Quarter) {
			report := langPrefix(lang) + "reports/" + q.Slug()
			prints = append(prints, chromium.Print{Page: report + "/", PDF: report + ".pdf", Header: titles[langPrefix(lang)+q.Slug()]})
		}
	}
	return prints
}

// reportTitles names each report for the running header of its PDF, by
// language prefix and period slug ("2025-q1", "en/2025-q1").
func reportTitles(ds *dataset.Dataset, res *indicator.Result) map[string]string {
	titles := map[string]string{}
	top := ""
	for _, u := range ds.Units {
		if u.Parent == "" {
			top = u.Name
			break
		}
	}
	for _, lang := range Languages {
		f := locale.MustNew(lang)
		prefix, word := "", "Báo cáo"
		if lang != Languages[0] {
			prefix, word = lang+"/", "Report"
		}
		for _, q := range res.Periods(period.Quarter) {
			titles[prefix+q.Slug()] = fmt.Sprintf("%s %s — %s — %s", word, f.Period(q), top, ds.Meta.Title.Get(lang))
		}
	}
	return titles
}

// writeFile writes data to path, making the folders on the way.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
