package hugosite

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
)

// How the generated pages reach Hugo: home and section pages (_index) as
// content files, every other page as an entry of its language's page list
// (data/pages/<lang>.json), which a Hugo content adapter adds. For a
// national site that is 13,000 pages Hugo gets from two files rather than
// from as many content files, each written, opened and read. Each page is
// front matter only; its body is spliced in as Hugo publishes it (see
// splice.go).

// contentAdapter is the Hugo content adapter that adds the generated pages
// listed in data/pages/<lang>.json, one list per language.
//
// A page map takes its date in a "dates" map, as a time: an entry's "date"
// is made one, in the site's time zone, as Hugo reads a front-matter date.
const contentAdapter = `{{- .EnableAllLanguages }}
{{- range index hugo.Data.pages .Site.Language.Lang }}
{{- if .date }}{{ $.AddPage (merge . (dict "dates" (dict "date" (time.AsTime .date)))) }}
{{- else }}{{ $.AddPage . }}
{{- end }}
{{- end }}
`

// WriteContentAdapter writes the content adapter that adds the pages of
// every PageList into the source folder src.
func WriteContentAdapter(src string) error {
	return writeFile(filepath.Join(src, "content", "_content.gotmpl"), []byte(contentAdapter))
}

// A PageList writes the front matter of one language's generated pages
// into a source folder. It is not safe for concurrent use: each language
// has a PageList of its own.
type PageList struct {
	src, lang string
	// suffix ends the name of a content file: ".md" in the default
	// language, ".en.md" in English.
	suffix string
	list   []byte
	made   map[string]bool // folders made so far
}

// NewPageList starts the page list of lang in the source folder src.
// defaultLang is the site's default content language.
func NewPageList(src, lang, defaultLang string) *PageList {
	l := &PageList{src: src, lang: lang, suffix: ".md", list: []byte{'['}, made: map[string]bool{}}
	if lang != defaultLang {
		l.suffix = "." + lang + ".md"
	}
	return l
}

// Add adds the page at path, below content/ and without extension
// ("units/an-an", or "units/_index" for a section), whose front matter is
// the JSON object fm. In the page list, the page's path comes first in
// its entry.
func (l *PageList) Add(pagePath string, fm []byte) error {
	if path.Base(pagePath) != "_index" {
		if len(l.list) > 1 {
			l.list = append(l.list, ',', '\n')
		}
		p, _ := json.Marshal(pagePath) // a string always marshals
		l.list = append(append(append(append(l.list, `{"path":`...), p...), ','), fm[1:]...)
		return nil
	}
	name := filepath.Join(l.src, "content", filepath.FromSlash(pagePath+l.suffix))
	if dir := filepath.Dir(name); !l.made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		l.made[dir] = true
	}
	return os.WriteFile(name, append(fm, '\n'), 0o644)
}

// Close writes the page list, data/pages/<lang>.json.
func (l *PageList) Close() error {
	return writeFile(filepath.Join(l.src, "data", "pages", l.lang+".json"), append(l.list, ']', '\n'))
}

// writeFile writes data to path, making the folders on the way.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
