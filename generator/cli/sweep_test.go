//go:build sweep

package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// TestSweepNationalBuild writes the synthetic national dataset (34
// provinces, 3,321 commune-level units, 20 quarters) and builds it as the
// national benchmark does, without the sample's report commentaries: the
// build succeeds and every unit has its page in both languages.
func TestSweepNationalBuild(t *testing.T) {
	t.Chdir("../..") // the project, whose templates the build uses
	data := filepath.Join(t.TempDir(), "national")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"sample", "--out", data}, &stdout, &stderr); code != ExitOK {
		t.Fatalf("sample: exit %d: %s", code, stderr.String())
	}
	out := filepath.Join(t.TempDir(), "public")
	if code := benchSite(data, "", out, "", "", &stdout, &stderr); code != ExitOK {
		t.Fatalf("build: exit %d: %s", code, stderr.String())
	}
	f, err := os.Open(filepath.Join(data, "units.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3000 {
		t.Fatalf("units.csv has %d rows, want the national shape", len(rows))
	}
	for _, row := range rows[1:] {
		for _, prefix := range []string{"", "en"} {
			page := filepath.Join(out, prefix, "units", row[0], "index.html")
			if _, err := os.Stat(page); err != nil {
				t.Errorf("unit %s has no page: %v", row[0], err)
			}
		}
	}
}
