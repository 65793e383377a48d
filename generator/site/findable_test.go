package site_test

import (
	"encoding/xml"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"minhbach/generator/build"
	"minhbach/generator/dataset"
	"minhbach/generator/internal/browser"
)

// pageHead is what search engines and link previews read from a page.
type pageHead struct {
	lang, title, description, canonical, robots string
	// meta holds the Open Graph properties.
	meta map[string]string
	// alternates maps hreflang to the address of that version.
	alternates map[string]string
	// switchTo is the target of the language switch.
	switchTo []string
}

func readHead(t *testing.T, dir, path string) pageHead {
	t.Helper()
	doc := parsePage(t, dir, path)
	h := pageHead{meta: map[string]string{}, alternates: map[string]string{}}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		get := func(name string) string { v, _ := attr(n, name); return v }
		switch {
		case n.Data == "html":
			h.lang = get("lang")
		case n.Data == "title" && n.Parent.Data == "head" && n.FirstChild != nil:
			h.title = n.FirstChild.Data
		case n.Data == "meta" && get("name") == "description":
			h.description = get("content")
		case n.Data == "meta" && get("name") == "robots":
			h.robots = get("content")
		case n.Data == "meta" && strings.HasPrefix(get("property"), "og:"):
			h.meta[get("property")] = get("content")
		case n.Data == "link" && get("rel") == "canonical":
			h.canonical = get("href")
		case n.Data == "link" && get("rel") == "alternate" && get("hreflang") != "":
			h.alternates[get("hreflang")] = get("href")
		case n.Data == "a" && n.Parent != nil && strings.Contains(attrOf(n.Parent, "class"), "lang-switch"):
			h.switchTo = append(h.switchTo, get("href"))
		}
	}
	return h
}

func attrOf(n *html.Node, name string) string { v, _ := attr(n, name); return v }

// TestSampleFindable checks what search engines read on every page of the
// sample: a title and a description of its own, a canonical address that
// is the page's own, both languages as alternates, Open Graph tags, and a
// language switch that lands on the same page in the other language.
func TestSampleFindable(t *testing.T) {
	dir := sampleSite(t)
	titles, descriptions := map[string]string{}, map[string]string{}
	indexed := 0
	for _, p := range sitePages(t, dir) {
		h := readHead(t, dir, p)
		url := "/" + p
		if h.robots == "noindex" {
			continue // the 404 pages and the chart embeds
		}
		indexed++
		if h.title == "" || h.description == "" {
			t.Errorf("%s: title %q, description %q", url, h.title, h.description)
		}
		if other, dup := titles[h.title]; dup {
			t.Errorf("%s and %s have the same title %q", other, url, h.title)
		}
		titles[h.title] = url
		if other, dup := descriptions[h.description]; dup {
			t.Errorf("%s and %s have the same description %q", other, url, h.description)
		}
		descriptions[h.description] = url
		if h.canonical != url {
			t.Errorf("%s: canonical %q", url, h.canonical)
		}
		lang, other := "vi", "en"
		counterpart := "/en" + url
		if strings.HasPrefix(p, "en/") {
			lang, other = "en", "vi"
			counterpart = strings.TrimPrefix(url, "/en")
		}
		if h.lang != lang {
			t.Errorf("%s: lang %q, want %q", url, h.lang, lang)
		}
		want := map[string]string{lang: url, other: counterpart, "x-default": map[bool]string{true: url, false: counterpart}[lang == "vi"]}
		if !mapsEqual(h.alternates, want) {
			t.Errorf("%s: hreflang alternates %v, want %v", url, h.alternates, want)
		}
		for _, prop := range []string{"og:title", "og:description", "og:type", "og:url", "og:locale", "og:site_name"} {
			if h.meta[prop] == "" {
				t.Errorf("%s: no %s", url, prop)
			}
		}
		if h.meta["og:url"] != url || h.meta["og:title"] != h.title {
			t.Errorf("%s: og:url %q, og:title %q", url, h.meta["og:url"], h.meta["og:title"])
		}
		// The language switch lands on the same page, whose switch
		// leads back here.
		if !slices.Equal(h.switchTo, []string{counterpart}) {
			t.Errorf("%s: language switch to %q, want %q", url, h.switchTo, counterpart)
			continue
		}
		if back := readHead(t, dir, strings.TrimPrefix(counterpart, "/")).switchTo; !slices.Equal(back, []string{url}) {
			t.Errorf("%s: the switch of %s leads to %q, not back", url, counterpart, back)
		}
	}
	if indexed < 200 {
		t.Errorf("%d indexed pages, want the whole sample (over 200)", indexed)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestSampleNotFoundPages checks the 404 page of each language, and that
// the static host answers a missing page with status 404 and the
// Vietnamese page (the site's first language).
func TestSampleNotFoundPages(t *testing.T) {
	dir := sampleSite(t)
	for _, tc := range []struct{ path, lang, h1, home string }{
		{"404.html", "vi", "Không tìm thấy trang", "/"},
		{"en/404.html", "en", "Page not found", "/en/"},
	} {
		h := readHead(t, dir, tc.path)
		doc := parsePage(t, dir, tc.path)
		var h1 string
		if els := elements(doc, tag("h1")); len(els) == 1 && els[0].FirstChild != nil {
			h1 = els[0].FirstChild.Data
		}
		links := elements(doc, func(n *html.Node) bool { return n.Data == "a" && attrOf(n, "href") == tc.home })
		if h.lang != tc.lang || h1 != tc.h1 || h.robots != "noindex" || len(links) == 0 ||
			!strings.HasPrefix(h.title, tc.h1+" — ") {
			t.Errorf("/%s: lang %q, h1 %q, robots %q, title %q, %d links home; want %s, %q, noindex, %q…, a link to %s",
				tc.path, h.lang, h1, h.robots, h.title, len(links), tc.lang, tc.h1, tc.h1, tc.home)
		}
	}
	h, err := browser.NewStaticHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/no/such/page/", nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "Không tìm thấy trang") {
		t.Errorf("a missing page: status %d, want 404 with the 404 page", rec.Code)
	}
}

// sitemapURLs returns the addresses a sitemap (or sitemap index) lists.
func sitemapURLs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		URLs     []string `xml:"url>loc"`
		Sitemaps []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return append(doc.URLs, doc.Sitemaps...)
}

// TestBuildWithBaseURL builds the sample for a real address and checks what
// needs one: canonical and Open Graph addresses are absolute, robots.txt
// names the sitemap, and the sitemaps list every indexed page of both
// languages.
func TestBuildWithBaseURL(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the sample site a second time")
	}
	const base = "https://data.example.vn/minhbach/"
	ds, res := loadSample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: root, Out: out, BaseURL: base}); err != nil {
		t.Fatal(err)
	}
	robots, err := os.ReadFile(filepath.Join(out, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "User-agent: *\nAllow: /\nSitemap: " + base + "sitemap.xml"; strings.TrimSpace(string(robots)) != want {
		t.Errorf("robots.txt:\n%s\nwant:\n%s", robots, want)
	}
	listed := map[string]bool{}
	for _, sm := range sitemapURLs(t, filepath.Join(out, "sitemap.xml")) {
		if !strings.HasPrefix(sm, base) {
			t.Fatalf("sitemap index lists %q, not below %s", sm, base)
		}
		for _, u := range sitemapURLs(t, filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(sm, base)))) {
			listed[u] = true
		}
	}
	for _, p := range sitePages(t, out) {
		h := readHead(t, out, p)
		if h.robots == "noindex" {
			if listed[base+p] {
				t.Errorf("the sitemap lists /%s, which is not indexed", p)
			}
			continue
		}
		if h.canonical != base+p || h.meta["og:url"] != base+p {
			t.Errorf("/%s: canonical %q, og:url %q, want %s", p, h.canonical, h.meta["og:url"], base+p)
		}
		if !listed[base+p] {
			t.Errorf("the sitemaps do not list /%s", p)
		}
	}
}

// TestSampleNoteReplacesNotice builds the sample with a sample_note of its
// own, as the national benchmark data has, and checks that every page's
// notice says it in the page's language instead of the default text, and
// that the note stays text.
func TestSampleNoteReplacesNotice(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the sample site a second time")
	}
	ds, res := loadSample(t)
	ds.Meta.SampleNote = dataset.Text{VI: "Mọi số liệu là giả định <b>.", EN: "Every figure is invented <b>."}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"index.html":                    "Mọi số liệu là giả định &lt;b&gt;.",
		"units/go-quao/index.html":      "Mọi số liệu là giả định &lt;b&gt;.",
		"en/index.html":                 "Every figure is invented &lt;b&gt;.",
		"en/reports/2025-q1/index.html": "Every figure is invented &lt;b&gt;.",
	} {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page)))
		if err != nil {
			t.Fatal(err)
		}
		notice := string(b)
		if i := strings.Index(notice, `class="notice"`); i >= 0 {
			notice = notice[i:min(len(notice), i+400)]
		} else {
			t.Fatalf("%s has no sample notice", page)
		}
		if !strings.Contains(notice, want) || strings.Contains(notice, "khớp với số liệu đã công bố") || strings.Contains(notice, "published figures") {
			t.Errorf("%s: notice %q; want %q and not the default text", page, notice, want)
		}
	}
}
