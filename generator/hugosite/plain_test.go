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

// TestEveryBodyIsPublished builds plain pages, whose layouts have no body
// marker, with a body kept for a page: the build fails, naming the body
// that no page took, rather than publishing pages without their bodies.
func TestEveryBodyIsPublished(t *testing.T) {
	proj, err := hugosite.NewProject(t.TempDir(), "plain-")
	if err != nil {
		t.Fatal(err)
	}
	config, err := hugosite.WritePlain(proj, 2, func(int) {})
	if err != nil {
		t.Fatal(err)
	}
	bodies := new(hugosite.Bodies)
	bodies.Add("<p>a page's body</p>")
	_, err = hugosite.Run(proj.Src, config, filepath.Join(t.TempDir(), "public"), bodies)
	if err == nil || !strings.Contains(err.Error(), "1 page bodies were never published (the first is body 1)") {
		t.Errorf("a body no page took: %v", err)
	}
}
