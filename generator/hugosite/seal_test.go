package hugosite

import (
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"
)

// TestSealedFsWritesNothing opens a file through a sealingFs, seals it, and
// checks that neither that file nor the file system takes a write any more
// (as an abandoned Hugo build, still running, would try), and that nothing
// was written to disk after the seal.
func TestSealedFsWritesNothing(t *testing.T) {
	dir := t.TempDir()
	sealed := new(atomic.Bool)
	fs := sealingFs{Fs: afero.NewBasePathFs(afero.NewOsFs(), dir), sealed: sealed}
	f, err := fs.Create("/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write([]byte("before")); err != nil {
		t.Fatal(err)
	}
	sealed.Store(true)
	if _, err := f.Write([]byte(" after")); !errors.Is(err, errAbandoned) {
		t.Errorf("write on an open file after the seal: %v", err)
	}
	f.Close()
	for what, err := range map[string]error{
		"create":   func() error { _, err := fs.Create("/late.html"); return err }(),
		"mkdirall": fs.MkdirAll("/late/dir", 0o755),
		"remove":   fs.RemoveAll("/index.html"),
		"rename":   fs.Rename("/index.html", "/moved.html"),
	} {
		if !errors.Is(err, errAbandoned) {
			t.Errorf("%s after the seal: %v", what, err)
		}
	}
	got, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	entries, _ := os.ReadDir(dir)
	if string(got) != "before" || len(entries) != 1 {
		t.Errorf("after the seal: index.html %q, %d entries", got, len(entries))
	}
}
