package site_test

import (
	"crypto/sha512"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"minhbach/generator/internal/browser"
	"minhbach/generator/publish"
)

// The policies a page must be served with: the site's own pages may be
// framed by the site only, chart embeds by any site.
var (
	ownPagePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
	embedPolicy   = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors *"
)

// servedHeaders returns the headers the static host of the browser tests
// (which reads _headers as Netlify and Cloudflare Pages do) sends for path.
func servedHeaders(t *testing.T, h http.Handler, path string) http.Header {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+path, nil))
	return rec.Result().Header
}

// TestHeadersFile checks the headers every page of the sample is served
// with, through its _headers file: one Content Security Policy, framing by
// the site only (by anyone for chart embeds), and the other security headers.
func TestHeadersFile(t *testing.T) {
	dir := sampleSite(t)
	h, err := browser.NewStaticHandler(dir)
	if err != nil {
		t.Fatal(err)
	}
	paths := append(sitePages(t, dir), "css/", "js/", "sitemap.xml", "robots.txt", "favicon.svg")
	for _, p := range paths {
		hd := servedHeaders(t, h, p)
		want, frame := ownPagePolicy, "SAMEORIGIN"
		if isEmbed(p) {
			want, frame = embedPolicy, ""
		}
		if got := hd.Values("Content-Security-Policy"); len(got) != 1 || got[0] != want {
			t.Errorf("/%s: Content-Security-Policy %q, want %q", p, got, want)
		}
		if got := hd.Get("X-Frame-Options"); got != frame {
			t.Errorf("/%s: X-Frame-Options %q, want %q", p, got, frame)
		}
		for name, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		} {
			if got := hd.Get(name); got != want {
				t.Errorf("/%s: %s %q, want %q", p, name, got, want)
			}
		}
	}
	// Chart embeds, in each language, may be framed by other sites,
	// whether or not the sample has any yet.
	for _, p := range []string{"embed/signature-rate/", "en/embed/signature-rate/"} {
		if got := servedHeaders(t, h, p).Values("Content-Security-Policy"); len(got) != 1 || got[0] != embedPolicy {
			t.Errorf("/%s: Content-Security-Policy %q, want %q", p, got, embedPolicy)
		}
	}
	if publish.ContentSecurityPolicy+"; frame-ancestors 'self'" != ownPagePolicy {
		t.Errorf("publish.ContentSecurityPolicy = %q, not the policy of this test", publish.ContentSecurityPolicy)
	}
}

// isEmbed reports whether a page is a chart embed, meant for other sites.
func isEmbed(path string) bool {
	return strings.HasPrefix(path, "embed/") || strings.HasPrefix(path, "en/embed/")
}

// parsePage parses a built HTML page.
func parsePage(t *testing.T, dir, path string) *html.Node {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(path))
	if path == "" || strings.HasSuffix(path, "/") {
		name = filepath.Join(name, "index.html")
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("/%s: %v", path, err)
	}
	return doc
}

// elements returns the elements of doc that match, in document order.
func elements(doc *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for n := range doc.Descendants() {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
	}
	return out
}

// attr returns the value of an attribute, and whether it is there.
func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

// TestNoInlineScriptOrStyle checks every page of the sample for what the
// Content Security Policy would refuse: script elements without src (other
// than JSON data), style elements, style attributes, event handler
// attributes and javascript: URLs. It also checks that each page's <meta>
// policy is the site's.
func TestNoInlineScriptOrStyle(t *testing.T) {
	dir := sampleSite(t)
	for _, p := range sitePages(t, dir) {
		doc := parsePage(t, dir, p)
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "script" {
				src, hasSrc := attr(n, "src")
				typ, _ := attr(n, "type")
				if !hasSrc && typ != "application/json" {
					t.Errorf("/%s: inline script", p)
				}
				if hasSrc && !strings.HasPrefix(src, "/") {
					t.Errorf("/%s: script from %q", p, src)
				}
			}
			if n.Data == "style" {
				t.Errorf("/%s: <style> element", p)
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "style":
					t.Errorf("/%s: style attribute on <%s>: %q", p, n.Data, a.Val)
				case strings.HasPrefix(a.Key, "on"):
					t.Errorf("/%s: event handler %s on <%s>", p, a.Key, n.Data)
				case (a.Key == "href" || a.Key == "src" || a.Key == "action") &&
					strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:"):
					t.Errorf("/%s: %s=%q on <%s>", p, a.Key, a.Val, n.Data)
				}
			}
		}
		metas := elements(doc, func(n *html.Node) bool {
			v, _ := attr(n, "http-equiv")
			return n.Data == "meta" && v == "Content-Security-Policy"
		})
		if len(metas) != 1 {
			t.Errorf("/%s: %d Content-Security-Policy <meta>, want 1", p, len(metas))
			continue
		}
		if got, _ := attr(metas[0], "content"); got != publish.ContentSecurityPolicy {
			t.Errorf("/%s: <meta> policy %q, want %q", p, got, publish.ContentSecurityPolicy)
		}
	}
}

// TestSubresourceIntegrity checks that every script and stylesheet of every
// page carries an integrity hash, and that the hash is that of the file.
func TestSubresourceIntegrity(t *testing.T) {
	dir := sampleSite(t)
	checked := map[string]bool{}
	check := func(page, url, integrity string, given bool) {
		if !given {
			t.Errorf("/%s: %s has no integrity", page, url)
			return
		}
		if checked[url+" "+integrity] {
			return
		}
		checked[url+" "+integrity] = true
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(url, "/"))))
		if err != nil {
			t.Errorf("/%s: %v", page, err)
			return
		}
		sum := sha512.Sum384(b)
		if want := "sha384-" + base64.StdEncoding.EncodeToString(sum[:]); integrity != want {
			t.Errorf("/%s: %s has integrity %s, want %s", page, url, integrity, want)
		}
	}
	for _, p := range sitePages(t, dir) {
		doc := parsePage(t, dir, p)
		for _, n := range elements(doc, func(n *html.Node) bool {
			rel, _ := attr(n, "rel")
			_, src := attr(n, "src")
			return (n.Data == "script" && src) || (n.Data == "link" && rel == "stylesheet")
		}) {
			url, _ := attr(n, "src")
			if n.Data == "link" {
				url, _ = attr(n, "href")
			}
			integrity, ok := attr(n, "integrity")
			check(p, url, integrity, ok)
			// The chart loader loads the chart script with this hash.
			if charts, ok := attr(n, "data-charts"); ok {
				integrity, ok := attr(n, "data-charts-integrity")
				check(p, charts, integrity, ok)
			}
		}
	}
	if len(checked) < 3 {
		t.Errorf("checked %d files, want at least the stylesheet, the chart loader and the chart script", len(checked))
	}
}

// hostile are texts that would run script if the site put them into its
// pages as markup; Hugo shortcodes, which would run templates (or fail the
// build) if Hugo read them as part of a page's content; and the marker of
// a page body (splice.go), which would pull another page's body in if it
// reached the page as markup.
var hostile = struct{ breakout, attribute, link, shortcode, marker string }{
	breakout:  `</script><script>alert(1)</script>`,
	attribute: `"><img src=x onerror=alert(1)>`,
	link:      `[x](javascript:alert(1))`,
	shortcode: `{{< x >}}{{% y %}}`,
	marker:    `<!--minhbach:body:0-->`,
}

// hostileData copies the sample data into a new folder and puts the hostile
// texts into a commune's name, another commune's name, an indicator's names
// and description, and the site's title.
func hostileData(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "data"))); err != nil {
		t.Fatal(err)
	}
	tomlQuoted := strings.ReplaceAll(hostile.attribute, `"`, `\"`)
	edit := func(name string, pairs ...string) {
		t.Helper()
		path := filepath.Join(dir, name)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		for i := 0; i < len(pairs); i += 2 {
			if !strings.Contains(s, pairs[i]) {
				t.Fatalf("%s lacks %q: the sample data changed, update this test", name, pairs[i])
			}
			s = strings.Replace(s, pairs[i], pairs[i+1], 1)
		}
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("units.csv",
		"go-quao,Gò Quao,", `go-quao,"Gò Quao`+hostile.breakout+hostile.shortcode+hostile.marker+`",`,
		"phu-quoc,Phú Quốc,", `phu-quoc,"Phú Quốc`+strings.ReplaceAll(hostile.attribute, `"`, `""`)+`",`)
	// An export names units as people write them; they must match units.csv.
	edit(filepath.Join("exports", "2025-q3", "records-archive.csv"),
		";Xã Gò Quao;", `;"Xã Gò Quao`+hostile.breakout+hostile.shortcode+hostile.marker+`";`,
		";đặc khu Phú Quốc;", `;"đặc khu Phú Quốc`+strings.ReplaceAll(hostile.attribute, `"`, `""`)+`";`)
	edit("catalogue.toml",
		`name = { vi = "Tỷ lệ văn bản đi được ký số", en = "Outgoing documents digitally signed" }`,
		`name = { vi = "Ký số`+hostile.breakout+hostile.shortcode+`", en = "Signed`+tomlQuoted+`" }`,
		"vi = \"\"\"\nPhần trăm văn bản đi",
		"vi = \"\"\"\nXem "+hostile.link+" "+hostile.breakout+" "+hostile.attribute+"\n\nPhần trăm văn bản đi")
	edit("site.toml",
		`vi = "Minh Bạch — Chính quyền số An Giang"`, `vi = "Minh Bạch`+hostile.breakout+`"`,
		`en = "Minh Bạch — An Giang digital government"`, `en = "Minh Bạch`+hostile.breakout+`"`)
	return dir
}
