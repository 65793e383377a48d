package hugosite_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/hugosite"
)

// TestPlain builds the benchmark's yardstick: ten plain pages, half in
// each language, plus Hugo's home and section pages.
func TestPlain(t *testing.T) {
	proj, err := hugosite.NewProject(t.TempDir(), "plain-")
	if err != nil {
		t.Fatal(err)
	}
	written := 0
	config, err := hugosite.WritePlain(proj, 10, func(n int) { written += n })
	if err != nil {
		t.Fatal(err)
	}
	if written != 10 {
		t.Errorf("told of %d pages written, want 10", written)
	}
	out := filepath.Join(t.TempDir(), "public")
	pages, err := hugosite.Run(proj.Src, config, out, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 10 pages, and a home and a section page in each of the two languages.
	if pages != 14 {
		t.Errorf("%d pages, want 14", pages)
	}
	page, err := os.ReadFile(filepath.Join(out, "en", "p", "00004", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Plain page number 4, in en.") {
		t.Errorf("page 4 in English: %s", page)
	}
}
