package site_test

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The weight limits of the site, as a phone on a slow connection downloads
// it: gzip-compressed, as every static host serves HTML and scripts.
const (
	maxPageGzip   = 60 << 10  // bytes of one HTML page
	maxScriptGzip = 200 << 10 // bytes of the chart script
)

// gzipSize returns the size of b compressed with gzip's default level.
func gzipSize(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestSampleWeight checks every page of the sample: its HTML is under
// 60 KB gzipped; it loads the chart script (through the deferred chart
// loader) if and only if it has charts; and the chart script is under
// 200 KB gzipped.
func TestSampleWeight(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	scripts := map[string]bool{}
	var heaviest string
	heaviestSize := 0
	for _, p := range sitePages(t, dir) {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if p == "" || strings.HasSuffix(p, "/") {
			name = filepath.Join(name, "index.html")
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		size := gzipSize(t, b)
		if size > maxPageGzip {
			t.Errorf("/%s: %d bytes gzipped, over %d", p, size, maxPageGzip)
		}
		if size > heaviestSize {
			heaviest, heaviestSize = p, size
		}
		doc := parsePage(t, dir, p)
		charts := len(elements(doc, func(n *html.Node) bool {
			class, _ := attr(n, "class")
			return n.Data == "figure" && strings.Contains(" "+class+" ", " chart ")
		}))
		// The chart loader, deferred, names the chart script it loads
		// when a chart nears the screen.
		var chartScript string
		for _, s := range elements(doc, tag("script")) {
			if src, ok := attr(s, "data-charts"); ok {
				chartScript = src
				if _, deferred := attr(s, "defer"); !deferred {
					t.Errorf("/%s: the chart loader is not deferred", p)
				}
			}
		}
		switch {
		case charts > 0 && chartScript == "":
			t.Errorf("/%s: %d charts and no chart script", p, charts)
		case charts == 0 && chartScript != "":
			t.Errorf("/%s: loads the chart script %s without a chart", p, chartScript)
		case chartScript != "":
			scripts[chartScript] = true
		}
	}
	t.Logf("heaviest page /%s: %d bytes gzipped", heaviest, heaviestSize)
	if len(scripts) != 1 {
		t.Fatalf("chart scripts %v, want one", scripts)
	}
	for src := range scripts {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(src, "/"))))
		if err != nil {
			t.Fatal(err)
		}
		size := gzipSize(t, b)
		t.Logf("chart script %s: %d bytes, %d gzipped", src, len(b), size)
		if size > maxScriptGzip {
			t.Errorf("chart script: %d bytes gzipped, over %d", size, maxScriptGzip)
		}
	}
}
