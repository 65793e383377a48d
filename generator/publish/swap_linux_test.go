package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestSwapWarnsWhenTheOldSiteStays makes the previous site impossible to
// remove (a folder in it without write permission, or, for root, a file
// system mounted in it): the new site is still published, without error,
// and warn says where the old one was left.
func TestSwapWarnsWhenTheOldSiteStays(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	locked := filepath.Join(out, "locked")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(out, SiteMarker), nil, 0o644)
	os.WriteFile(filepath.Join(locked, "f"), nil, 0o644)
	mounted := os.Geteuid() == 0
	if mounted {
		// Permissions do not stop root; a mount point does.
		if err := unix.Mount("tmpfs", locked, "tmpfs", 0, "size=64k"); err != nil {
			t.Skipf("cannot mount a tmpfs here: %v", err)
		}
	} else {
		os.Chmod(locked, 0o555)
		t.Cleanup(func() {
			filepath.Walk(parent, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o755) })
		})
	}

	stage, _, err := Stage(out)
	if err != nil {
		t.Fatal(err)
	}
	if mounted {
		t.Cleanup(func() { unix.Unmount(filepath.Join(stage.Path(), "locked"), 0) })
	}
	var warnings []error
	if err := Swap(stage, out, func(err error) { warnings = append(warnings, err) }); err != nil {
		t.Fatalf("the swap failed although the new site went live: %v", err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "could not be removed from "+stage.Path()) {
		t.Errorf("warnings %v", warnings)
	}
	if _, err := os.Stat(filepath.Join(out, "locked")); err == nil {
		t.Error("the old site is still published")
	}
}
