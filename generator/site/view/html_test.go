package view

import "testing"

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
		var w Writer
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
		base, langPath        string
		langURL, url, absLang string
	}{
		{"/", "", "/units/an-phu/", "/data/x.csv", "/units/an-phu/"},
		{"/", "en/", "/en/units/an-phu/", "/data/x.csv", "/en/units/an-phu/"},
		{"https://data.example.vn/minhbach", "en/", "/minhbach/en/units/an-phu/", "/minhbach/data/x.csv", "https://data.example.vn/minhbach/en/units/an-phu/"},
		{"https://data.example.vn/", "", "/units/an-phu/", "/data/x.csv", "https://data.example.vn/units/an-phu/"},
	} {
		w := NewWriter(tc.base, tc.langPath, nil)
		w.langURL("units/an-phu/")
		langURL := w.String()
		w.Reset()
		w.url("data/x.csv")
		url := w.String()
		w.Reset()
		w.absLangURL("units/an-phu/")
		if langURL != tc.langURL || url != tc.url || w.String() != tc.absLang {
			t.Errorf("%s %s: %q %q %q; want %q %q %q", tc.base, tc.langPath, langURL, url, w.String(), tc.langURL, tc.url, tc.absLang)
		}
	}
}
