package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/build"
)

// TestPlain builds and publishes the benchmark's yardstick: ten plain
// pages, half in each language, plus Hugo's home and section pages.
func TestPlain(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	stats, err := build.Plain(10, build.Options{Root: t.TempDir(), Out: out})
	if err != nil {
		t.Fatal(err)
	}
	// 10 pages, and a home and a section page in each of the two languages.
	if stats.Pages != 14 {
		t.Errorf("%d pages, want 14", stats.Pages)
	}
	page, err := os.ReadFile(filepath.Join(out, "en", "p", "00004", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "Plain page number 4, in en.") {
		t.Errorf("page 4 in English: %s", page)
	}
	if stats.Files < 14 || stats.Bytes == 0 {
		t.Errorf("stats %+v", stats)
	}
}
