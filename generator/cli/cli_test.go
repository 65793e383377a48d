package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// run runs the command line from the repository root, where data/,
// content/ and templates/ are.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	t.Chdir("../..")
	var out, errs bytes.Buffer
	code = Run(args, &out, &errs)
	return code, out.String(), errs.String()
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"publish"},
		{"build", "--no-such-flag"},
		{"validate", "extra-argument"},
	} {
		if code, _, stderr := run(t, args...); code != ExitUsage || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want %d and a message", args, code, stderr, ExitUsage)
		}
	}
	if code, stdout, _ := run(t, "help"); code != ExitOK || !strings.Contains(stdout, "Usage:") {
		t.Errorf("help: exit %d, %q", code, stdout)
	}
}

func TestValidateSample(t *testing.T) {
	code, stdout, stderr := run(t, "validate")
	if code != ExitOK || !strings.Contains(stdout, "110 units") || stderr != "" {
		t.Errorf("validate: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

// TestBadDataPublishesNothing builds the sample, then builds again from data
// with a bad cell: the second build must name the cell, exit 1 and leave the
// published site exactly as it was.
func TestBadDataPublishesNothing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := run(t, "build", "--out", out); code != ExitOK {
		t.Fatalf("sample build: exit %d: %s", code, stderr)
	}
	before, err := os.ReadFile(filepath.Join(out, "reports", "2025-q1", "index.html"))
	if err != nil {
		t.Fatal(err)
	}

	bad := t.TempDir()
	if err := os.CopyFS(bad, os.DirFS("data")); err != nil {
		t.Fatal(err)
	}
	export := filepath.Join(bad, "exports", "2025-q1", "portal.csv")
	src, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(src), "\n")
	fields := strings.Split(lines[3], ",")
	fields[2] = `"1,234"`
	lines[3] = strings.Join(fields, ",")
	if err := os.WriteFile(export, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, stderr := run(t, "build", "--data", bad, "--out", out)
	if code != ExitBadInput {
		t.Fatalf("bad build: exit %d, want %d", code, ExitBadInput)
	}
	col := len(fields[0]) + len(fields[1]) + 3
	want := export + ":4:" + strconv.Itoa(col) + `: files_received: found "1,234", expected a whole number`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if !strings.HasPrefix(line, export) && !strings.HasPrefix(line, "minhbach:") {
			t.Errorf("a message does not name the file: %q", line)
		}
	}
	after, err := os.ReadFile(filepath.Join(out, "reports", "2025-q1", "index.html"))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the published report changed after a failed build (err %v)", err)
	}
}
