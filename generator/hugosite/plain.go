package hugosite

import (
	"fmt"
	"path/filepath"
)

// WritePlain writes the yardstick of the benchmark into p's source folder:
// a Hugo project of pages plain Markdown pages (a title and a paragraph
// each, half in Vietnamese and half in English) with trivial layouts, and
// its configuration, in the style of the site's. It returns the path of
// the configuration, for Run, and tells added of each page written. The
// difference between building the site and building as many plain pages
// is the cost of the generator and of the site's templates.
func WritePlain(p *Project, pages int, added func(n int)) (configFile string, err error) {
	files := map[string]string{
		"layouts/baseof.html":  `<!doctype html><html lang="{{ site.Language.Locale }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>`,
		"layouts/page.html":    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/section.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
		"layouts/home.html":    `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
	}
	for rel, text := range files {
		if err := writeFile(filepath.Join(p.Src, filepath.FromSlash(rel)), []byte(text)); err != nil {
			return "", err
		}
	}
	langs := []string{"vi", "en"}
	for i := range pages {
		lang, suffix := langs[i%len(langs)], ""
		if lang != langs[0] {
			suffix = "." + lang
		}
		name := fmt.Sprintf("content/p/%05d%s.md", i/2, suffix)
		text := fmt.Sprintf("---\ntitle: Page %d\n---\n\nPlain page number %d, in %s.\n", i/2, i/2, lang)
		if err := writeFile(filepath.Join(p.Src, filepath.FromSlash(name)), []byte(text)); err != nil {
			return "", err
		}
		added(1)
	}
	configFile = filepath.Join(p.Src, "hugo.toml")
	return configFile, WriteConfig(configFile, &Config{
		BaseURL:                "/",
		Title:                  "Plain",
		DefaultContentLanguage: langs[0],
		DisableKinds:           []string{"taxonomy", "term", "rss"},
		NoBuildLock:            true,
		CacheDir:               filepath.Join(p.Work, "cache"),
		ResourceDir:            filepath.Join(p.Work, "resources"),
		Languages:              map[string]Language{"vi": {Weight: 1}, "en": {Weight: 2}},
		Minify:                 Minify{MinifyOutput: true},
	})
}
