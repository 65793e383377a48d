package input

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOpen checks the helper every input is opened with: inside the
// folder, a regular file, reached without a link.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "real"), 0o755)
	os.WriteFile(filepath.Join(dir, "real", "a.md"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("x"), 0o644)
	linked := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "via")) == nil
	for _, tc := range []struct {
		name, want string
		skip       bool
	}{
		{filepath.Join(dir, "real", "a.md"), "", false},
		{filepath.Join(dir, "b.md"), "", false},
		{filepath.Join(dir, "real"), "found a folder; expected a regular file", false},
		{filepath.Join(dir, "via", "a.md"), "the folder " + filepath.Join(dir, "via") + " is a symbolic link; expected a regular file inside " + dir + " (links are not followed)", !linked},
		{filepath.Join(dir, "..", "elsewhere.md"), "the file is outside the folder " + dir + "; expected an input file inside it", false},
		{"/etc/passwd", "the file is outside the folder " + dir + "; expected an input file inside it", false},
	} {
		if tc.skip {
			continue
		}
		f, err := Open(dir, tc.name)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			f.Close()
		}
		if got != tc.want {
			t.Errorf("Open(%s): got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestCheckTree checks that links, FIFOs and sockets below a folder are
// each reported by path, and that regular files, folders and an absent
// folder pass.
func TestCheckTree(t *testing.T) {
	dir := t.TempDir()
	if err := CheckTree(filepath.Join(dir, "absent")); err != nil {
		t.Errorf("absent folder: %v", err)
	}
	os.MkdirAll(filepath.Join(dir, "reports"), 0o755)
	os.WriteFile(filepath.Join(dir, "about.md"), []byte("# About"), 0o644)
	if err := CheckTree(dir); err != nil {
		t.Errorf("regular files: %v", err)
	}
	link := filepath.Join(dir, "reports", "2025-q1.md")
	if err := os.Symlink("/etc/passwd", link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	err := CheckTree(dir)
	for _, want := range []string{link + ": a symbolic link", fifo + ": found a FIFO (named pipe)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v, want %q", err, want)
		}
	}
}
