package browser

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// get fetches url without following redirects and returns the response and
// its body.
func get(t *testing.T, url string) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServe(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"index.html":             "home",
		"docs/index.html":        "docs home",
		"404.html":               "custom not found",
		"app.js":                 "js",
		"style.css":              "css",
		"logo.svg":               "<svg/>",
		"data/series.json":       "{}",
		"sitemap.xml":            "<urlset/>",
		"data/table.csv":         "a,b",
		"report.pdf":             "%PDF-1.7",
		"embed/chart/index.html": "chart",
		"_headers": `# site-wide
/*
  X-Frame-Options: DENY
  Content-Security-Policy: default-src 'self'

/embed/*
  Content-Security-Policy: frame-ancestors *
  X-Robots-Tag: noindex
`,
	})
	base := Serve(t, dir)
	if !strings.HasPrefix(base, "http://127.0.0.1:") || !strings.HasSuffix(base, "/") {
		t.Fatalf("Serve() = %q, want http://127.0.0.1:port/", base)
	}

	t.Run("directory index", func(t *testing.T) {
		for path, want := range map[string]string{"": "home", "docs/": "docs home", "index.html": "home"} {
			resp, body := get(t, base+path)
			if resp.StatusCode != http.StatusOK || body != want {
				t.Errorf("GET /%s = %d %q, want 200 %q", path, resp.StatusCode, body, want)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET /%s Content-Type = %q, want text/html; charset=utf-8", path, ct)
			}
		}
	})

	t.Run("directory without slash redirects", func(t *testing.T) {
		resp, _ := get(t, base+"docs?x=1")
		if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/docs/?x=1" {
			t.Errorf("GET /docs?x=1 = %d Location %q, want 301 to /docs/?x=1", resp.StatusCode, resp.Header.Get("Location"))
		}
	})

	t.Run("404 page", func(t *testing.T) {
		for _, path := range []string{"missing", "missing/", "docs/missing.html", "_headers"} {
			resp, body := get(t, base+path)
			if resp.StatusCode != http.StatusNotFound || body != "custom not found" {
				t.Errorf("GET /%s = %d %q, want 404 with the body of 404.html", path, resp.StatusCode, body)
			}
		}
	})

	t.Run("content types", func(t *testing.T) {
		for path, want := range map[string]string{
			"app.js":           "text/javascript; charset=utf-8",
			"style.css":        "text/css; charset=utf-8",
			"logo.svg":         "image/svg+xml",
			"data/series.json": "application/json",
			"sitemap.xml":      "application/xml",
			"data/table.csv":   "text/csv; charset=utf-8",
			"report.pdf":       "application/pdf",
		} {
			resp, _ := get(t, base+path)
			if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || ct != want {
				t.Errorf("GET /%s = %d with Content-Type %q, want 200 with %q", path, resp.StatusCode, ct, want)
			}
		}
	})

	t.Run("_headers", func(t *testing.T) {
		resp, _ := get(t, base+"docs/")
		if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("X-Frame-Options of /docs/ = %q, want DENY", got)
		}
		if got := resp.Header.Get("X-Robots-Tag"); got != "" {
			t.Errorf("X-Robots-Tag of /docs/ = %q, want none: only /embed/* sets it", got)
		}

		resp, _ = get(t, base+"embed/chart/")
		if got, want := resp.Header.Values("Content-Security-Policy"), []string{"default-src 'self', frame-ancestors *"}; !slices.Equal(got, want) {
			t.Errorf("Content-Security-Policy of /embed/chart/ = %q, want %q (both rules, joined)", got, want)
		}
		if got := resp.Header.Get("X-Robots-Tag"); got != "noindex" {
			t.Errorf("X-Robots-Tag of /embed/chart/ = %q, want noindex", got)
		}

		resp, _ = get(t, base+"missing")
		if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("X-Frame-Options of a 404 = %q, want DENY", got)
		}
	})
}

func TestServeNoCustom404(t *testing.T) {
	base := Serve(t, writeSite(t, map[string]string{"index.html": "home"}))
	resp, body := get(t, base+"missing")
	if resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "not found") {
		t.Errorf("GET /missing = %d %q, want 404 not found", resp.StatusCode, body)
	}
}
