package view

import (
	"net/url"
	"strings"

	texts "minhbach/generator/i18n"
)

// Writer writes the HTML body of a generated page. Hugo lays every page
// out (head, navigation, footer, scripts) from templates/layouts; the bodies
// of generated pages, made of tables and charts, are written here, because a
// national site has millions of table cells and Go writes them far faster
// than templates do.
//
// Markup comes only from the generator's own constants, through raw. Text
// from the data (names, figures, captions, descriptions) goes through text,
// which escapes it. Hugo never reads a body as content: it is spliced into
// the page Hugo lays out as the page is published (hugosite/splice.go), so
// a unit named "{{< x >}}" is text, not a shortcode.
type Writer struct {
	b []byte
	// root is the site's path ("/" or "/sub/"), lang the language's path
	// below it ("" or "en/"), so links match Hugo's relURL and relLangURL.
	root, lang string
	// base is the site's base URL with a trailing slash, for absolute links.
	base  string
	Words *Words
}

// NewWriter makes a writer for the pages of a language, whose pages are
// at langPath below the root ("" or "en/"), on a site published at
// baseURL ("/" or "https://example.org/sub/"), in the words of tr.
//
// Links are written as Hugo writes them: an absolute one with the base
// URL's path escaped ("/c%E1%BB%95ng/"), as Permalink does, a
// site-relative one with the escapes in lower case ("/c%e1%bb%95ng/"), as
// relURL and RelPermalink do.
func NewWriter(baseURL, langPath string, tr *Words) *Writer {
	base := strings.TrimSuffix(baseURL, "/") + "/"
	root := base
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		base = u.String()
		root = lowerEscapes(u.EscapedPath())
		if !strings.HasSuffix(root, "/") {
			root += "/"
		}
	}
	return &Writer{root: root, lang: langPath, base: base, Words: tr}
}

// lowerEscapes writes the hex digits of the percent escapes in path in
// lower case.
func lowerEscapes(path string) string {
	b := []byte(path)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == '%' {
			b[i+1], b[i+2] = lowerHex(b[i+1]), lowerHex(b[i+2])
			i += 2
		}
	}
	return string(b)
}

func lowerHex(c byte) byte {
	if 'A' <= c && c <= 'F' {
		return c + ('a' - 'A')
	}
	return c
}

// raw writes markup that the generator wrote itself.
func (w *Writer) raw(s string) { w.b = append(w.b, s...) }

// text writes text from the data, escaped for HTML text and for quoted
// attribute values.
func (w *Writer) text(s string) { w.Escape(s, false) }

// Escape writes s with &, <, >, " and ' as entities. asTemplates also
// escapes as Hugo's html/template does besides: "+" as "&#43;", and NUL
// as U+FFFD (see templateText).
func (w *Writer) Escape(s string, asTemplates bool) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch c := s[i]; {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '"':
			esc = "&#34;"
		case c == '\'':
			esc = "&#39;"
		case c == '+' && asTemplates:
			esc = "&#43;"
		case c == 0 && asTemplates:
			esc = "\uFFFD"
		default:
			continue
		}
		w.b = append(w.b, s[start:i]...)
		w.b = append(w.b, esc...)
		start = i + 1
	}
	w.b = append(w.b, s[start:]...)
}

// T writes the interface string key of the page's language, escaped.
func (w *Writer) T(key string) { w.text(w.Words.Get(key)) }

// Raw, Text and Word let package annot write through this writer.
func (w *Writer) Raw(s string)           { w.raw(s) }
func (w *Writer) Text(s string)          { w.text(s) }
func (w *Writer) Word(key string) string { return w.Words.Get(key) }

// langURL writes the link to a site-relative path within the page's
// language ("units/an-an/" → "/en/units/an-an/"), like Hugo's relLangURL.
func (w *Writer) langURL(path string) {
	w.text(w.root)
	w.text(w.lang)
	w.text(path)
}

// url writes the link to a site-relative path outside any language (a
// download), like Hugo's relURL.
func (w *Writer) url(path string) {
	w.text(w.root)
	w.text(path)
}

// absLangURL writes the absolute link to a path within the page's language,
// for pages that other sites frame.
func (w *Writer) absLangURL(path string) {
	w.text(w.base)
	w.text(w.lang)
	w.text(path)
}

// html writes HTML that a trusted writer made from data: goldmark's
// rendering of Markdown (without raw HTML) or a chart's static SVG.
func (w *Writer) html(s string) { w.b = append(w.b, s...) }

// json writes JSON for a <script type="application/json"> element. The JSON
// comes from encoding/json, which escapes <, > and &, so nothing in it can
// close the element.
func (w *Writer) json(s string) { w.b = append(w.b, s...) }

// String returns the HTML written so far.
func (w *Writer) String() string { return string(w.b) }

// Reset empties the writer for the next page, keeping its memory.
func (w *Writer) Reset() { w.b = w.b[:0] }

// Words holds the interface strings of one language (see texts.Lookup).
type Words = texts.Lookup
