package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// TestFullDiskLosesNothing publishes the sample to a small file system
// (a 20 MB tmpfs: room for one site, not for a second beside it), then
// builds again: the build fails saying the disk is full, the published site
// is as it was, and the staging folder is gone. It needs to mount a tmpfs
// (root, or a user namespace allowing it) and is skipped otherwise.
func TestFullDiskLosesNothing(t *testing.T) {
	t.Chdir("../..")
	disk := t.TempDir()
	if err := unix.Mount("tmpfs", disk, "tmpfs", 0, "size=20m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { unix.Unmount(disk, unix.MNT_DETACH) })
	out := filepath.Join(disk, "public")
	if code, _, stderr := runHere("build", "--out", out); code != ExitOK {
		t.Fatalf("first build on a 20 MB disk: exit %d: %s", code, stderr)
	}
	published := treeHash(t, out)
	code, _, stderr := runHere("build", "--out", out)
	if code != ExitBadInput || !strings.Contains(stderr, "no space left on device") {
		t.Errorf("build on a full disk: exit %d, stderr %q", code, stderr)
	}
	if treeHash(t, out) != published {
		t.Error("the published site changed after a build failed on a full disk")
	}
	if entries, _ := os.ReadDir(disk); len(entries) != 1 {
		t.Errorf("%d entries beside the site after the failed build, want none", len(entries)-1)
	}
}
