package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSampleUsage(t *testing.T) {
	for _, args := range [][]string{
		{"sample"}, // no --out
		{"sample", "--out", "x", "--last", "2025-07"}, // not a quarter
		{"sample", "--out", "x", "stray"},
	} {
		if code, _, stderr := run(t, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want %d and a message", args, code, stderr, ExitUsage)
		}
	}
}

// TestSampleValidates writes a small national sample and validates it: the
// command copies the project's catalogue beside the data it writes.
func TestSampleValidates(t *testing.T) {
	out := filepath.Join(t.TempDir(), "national")
	code, stdout, stderr := run(t, "sample", "--out", out, "--provinces", "2", "--units", "9", "--quarters", "4")
	if code != ExitOK || !strings.HasPrefix(stdout, "wrote 2 provinces, 9 units, 4 quarters to ") {
		t.Fatalf("sample: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, name := range []string{"units.csv", "catalogue.toml", "site.toml", "exports/2025-q3/eoffice.csv", "exports/2024-q4/network.csv"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(name))); err != nil {
			t.Error(err)
		}
	}
	// 1 country + 2 provinces + 9 units.
	code, stdout, stderr = run(t, "validate", "--data", out)
	if code != ExitOK || !strings.Contains(stdout, "12 units") {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
