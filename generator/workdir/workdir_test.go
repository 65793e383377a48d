package workdir

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSweepRemovesOnlyUnlockedMarkedFolders checks what Sweep takes: a
// released work folder with its marker, and nothing else — not a folder
// whose build still holds it, not a folder without the marker, not a link
// or a folder of another name.
func TestSweepRemovesOnlyUnlockedMarkedFolders(t *testing.T) {
	parent := t.TempDir()
	running, err := Make(parent, "w-", ".mark", "work\n")
	if err != nil {
		t.Fatal(err)
	}
	defer running.Remove()
	killed, err := Make(parent, "w-", ".mark", "work\n")
	if err != nil {
		t.Fatal(err)
	}
	killed.Release() // as the kernel does for a build killed with -9
	unmarked := filepath.Join(parent, "w-unmarked")
	other := filepath.Join(parent, "other")
	for _, dir := range []string{unmarked, other} {
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(other, ".mark"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(parent, "w-link")
	if err := os.Symlink(other, link); err != nil {
		t.Fatal(err)
	}

	removed, err := Sweep(parent, "w-", ".mark")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(removed, []string{killed.Path}) {
		t.Errorf("removed %q, want only %q", removed, killed.Path)
	}
	for _, kept := range []string{running.Path, unmarked, other, link} {
		if _, err := os.Lstat(kept); err != nil {
			t.Errorf("%s was not left alone: %v", kept, err)
		}
	}
	if _, err := os.Stat(killed.Path); !os.IsNotExist(err) {
		t.Errorf("%s is still there: %v", killed.Path, err)
	}

	running.Release()
	if removed, _ := Sweep(parent, "w-", ".mark"); !slices.Equal(removed, []string{running.Path}) {
		t.Errorf("once released, removed %q, want %q", removed, running.Path)
	}
	if removed, err := Sweep(filepath.Join(parent, "absent"), "w-", ".mark"); err != nil || removed != nil {
		t.Errorf("absent parent: %q, %v", removed, err)
	}
}
