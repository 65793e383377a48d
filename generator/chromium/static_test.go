package chromium

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStaticHandlerStaysInsideDir(t *testing.T) {
	parent := t.TempDir()
	site := filepath.Join(parent, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := NewStaticHandler(site)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/../secret.txt", nil))
	if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "secret") {
		t.Errorf("GET /../secret.txt = %d %q, want 404", rec.Code, rec.Body.String())
	}
}

func TestParseHeaders(t *testing.T) {
	rules, err := parseHeaders(strings.NewReader("/*\n\tA: 1\n  B:two: parts\n/docs/:page/*\n  C: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 2 || len(rules[0].fields) != 2 || rules[0].fields[1] != (headerField{"B", "two: parts"}) {
		t.Fatalf("parseHeaders() = %+v, want two rules, the first with A: 1 and B: two: parts", rules)
	}
	for path, want := range map[string]bool{
		"/docs/intro/x": true, "/docs/intro/": true, "/docs/a/b/c": true,
		"/docs/intro": false, "/docs//x": false, "/other/intro/x": false,
	} {
		if got := rules[1].match.MatchString(path); got != want {
			t.Errorf("/docs/:page/* matches %s = %v, want %v", path, got, want)
		}
	}

	for _, bad := range []string{
		"  A: 1\n",                        // header before any pattern
		"/*\n  no colon here\n",           // not a header line
		"https://example.org/*\n  A: 1\n", // absolute URL pattern
		"/*\n  ! X-Frame-Options\n",       // header removal
	} {
		if _, err := parseHeaders(strings.NewReader(bad)); err == nil {
			t.Errorf("parseHeaders(%q) succeeded, want an error", bad)
		}
	}
}
