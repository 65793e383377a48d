package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHTMLWriterEscapesText checks that text from the data can neither
// open markup nor leave an attribute, nor forge the marker of a page body
// (generator/hugosite/splice.go).
func TestHTMLWriterEscapesText(t *testing.T) {
	for in, want := range map[string]string{
		`Gò Quao`:                      `Gò Quao`,
		`</script><b a='1'>"x" & y`:    `&lt;/script&gt;&lt;b a=&#39;1&#39;&gt;&#34;x&#34; &amp; y`,
		`{{< x >}} {{% y %}} {single}`: `{{&lt; x &gt;}} {{% y %}} {single}`,
		`<!--minhbach:body:0-->`:       `&lt;!--minhbach:body:0--&gt;`,
	} {
		var w htmlWriter
		w.text(in)
		if got := w.String(); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHTMLWriterLinks checks that links match Hugo's relURL, relLangURL and
// absLangURL for a site at the root and below a path.
func TestHTMLWriterLinks(t *testing.T) {
	for _, tc := range []struct {
		base, lang            string
		langURL, url, absLang string
	}{
		{"/", "vi", "/units/an-phu/", "/data/x.csv", "/units/an-phu/"},
		{"/", "en", "/en/units/an-phu/", "/data/x.csv", "/en/units/an-phu/"},
		{"https://data.example.vn/minhbach", "en", "/minhbach/en/units/an-phu/", "/minhbach/data/x.csv", "https://data.example.vn/minhbach/en/units/an-phu/"},
		{"https://data.example.vn/", "vi", "/units/an-phu/", "/data/x.csv", "https://data.example.vn/units/an-phu/"},
	} {
		w := newHTMLWriter(tc.base, tc.lang, nil)
		w.langURL("units/an-phu/")
		langURL := w.String()
		w.reset()
		w.url("data/x.csv")
		url := w.String()
		w.reset()
		w.absLangURL("units/an-phu/")
		if langURL != tc.langURL || url != tc.url || w.String() != tc.absLang {
			t.Errorf("%s %s: %q %q %q; want %q %q %q", tc.base, tc.lang, langURL, url, w.String(), tc.langURL, tc.url, tc.absLang)
		}
	}
}

// TestI18nReadsHugoStrings checks that the body writer reads Hugo's i18n
// files, plain strings and strings with plural forms, and that a missing
// string is reported rather than written empty unnoticed.
func TestI18nReadsHugoStrings(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "i18n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "trends = \"Diễn biến\"\n[units]\none = \"đơn vị\"\nother = \"các đơn vị\"\n"
	if err := os.WriteFile(filepath.Join(dir, "vi.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	tr, err := loadI18n(root, "vi")
	if err != nil {
		t.Fatal(err)
	}
	if got := tr.Get("trends") + "|" + tr.Get("units"); got != "Diễn biến|các đơn vị" {
		t.Errorf("got %q", got)
	}
	if err := tr.Err(); err != nil {
		t.Errorf("no string is missing yet: %v", err)
	}
	tr.Get("nope")
	if err := tr.Err(); err == nil || err.Error() != `templates/i18n/vi.toml has no string "nope"` {
		t.Errorf("missing string: %v", err)
	}
}
