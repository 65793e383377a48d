package i18n

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadReadsStringsAndPlurals(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "i18n")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := "about = \"About\"\n[found]\none = \"%d result.\"\nother = \"%d results.\"\n"
	if err := os.WriteFile(filepath.Join(dir, "en.toml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Load(root, "en")
	if err != nil {
		t.Fatal(err)
	}
	if s.Text["about"] != "About" || s.Text["found"] != "%d results." || s.Plurals["found"]["one"] != "%d result." {
		t.Errorf("Load = %+v", s)
	}
	if err := os.WriteFile(filepath.Join(dir, "vi.toml"), []byte("about = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(root, "vi"); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "vi.toml")) {
		t.Errorf("a malformed file gives %v, want an error naming it", err)
	}
}
