package shots_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"minhbach/generator/internal/browser"
	"minhbach/generator/shots"
)

// site writes a small built site: a home page in both languages, two
// indicators (the first in name order is the one taken), a report and
// the page for a missing address.
func site(t *testing.T) string {
	dir := t.TempDir()
	page := `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>t</title></head><body><h1>%s</h1></body></html>`
	for _, p := range []string{"index.html", "en/index.html", "indicators/b/index.html", "indicators/a/index.html",
		"reports/2025-q1/index.html", "reports/2025-q2/index.html", "404.html"} {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestKinds(t *testing.T) {
	kinds, err := shots.Kinds(site(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []shots.Kind{
		{Name: "vi-home", Path: ""}, {Name: "vi-indicator", Path: "indicators/a/"},
		{Name: "vi-report", Path: "reports/2025-q2/"}, {Name: "en-home", Path: "en/"},
		{Name: "not-found", Path: "no-such-page/"},
	}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds\n%v\nwant\n%v", kinds, want)
	}
	if _, err := shots.Kinds(t.TempDir()); err == nil {
		t.Error("a folder without a site gave kinds")
	}
}

// TestTake takes the screenshots of two pages and reads each PNG's width:
// a phone's and a desktop's.
func TestTake(t *testing.T) {
	browser.Require(t) // skips without Chromium, fails so under CI
	out := filepath.Join(t.TempDir(), "shots")
	files, err := shots.Take(context.Background(), shots.Options{Site: site(t), Out: out,
		Kinds: []shots.Kind{{Name: "vi-home", Path: ""}, {Name: "vi-report", Path: "reports/2025-q2/"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2*len(shots.Screens)*len(shots.Schemes) {
		t.Fatalf("%d files: %v", len(files), files)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || len(b) < 24 {
			t.Fatalf("%s is not a PNG", f)
		}
		width := int(binary.BigEndian.Uint32(b[16:20]))
		want := shots.Screens[1].Width
		if bytes.Contains([]byte(f), []byte("-phone-")) {
			want = shots.Screens[0].Width
		}
		// A desktop's classic scrollbar takes its width from the shot.
		if width > want || width < want-20 {
			t.Errorf("%s is %d px wide, want about %d", filepath.Base(f), width, want)
		}
	}
	// A folder that holds anything but screenshots is refused.
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := shots.Take(context.Background(), shots.Options{Site: site(t), Out: out, Kinds: []shots.Kind{{Name: "x", Path: ""}}}); err == nil {
		t.Error("shots wrote into a folder holding notes.txt")
	}
}
