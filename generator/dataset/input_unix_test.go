//go:build unix

package dataset

import (
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestFIFOIsRefused checks that an export that is a FIFO is refused, not
// opened: reading one would wait for a writer forever.
func TestFIFOIsRefused(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"exports/f.csv", "exports/f.csv: found a FIFO (named pipe); expected only regular files and folders below DIR/exports"},
		{UnitsFile, "units.csv: found a FIFO (named pipe); expected a regular file"},
	} {
		dir := writeData(t, map[string]string{"exports/a.csv": wideHeader + "2025-Q1,go-quao,10,4\n"})
		p := filepath.Join(dir, tc.name)
		syscall.Unlink(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		got := findings(t, dir)
		want := strings.ReplaceAll(tc.want, "DIR", dir)
		if !slices.Contains(got, want) {
			t.Errorf("findings:\n%s\nwant %s", strings.Join(got, "\n"), want)
		}
	}
}
