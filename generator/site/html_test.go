package site

import (
	"os"
	"path/filepath"
	"testing"
)

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
