//go:build sweep

package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSweepNationalBuild writes the synthetic national dataset (34
// provinces, 3,321 commune-level units, 20 quarters) and builds it as the
// national benchmark does, without the sample's report commentaries: the
// build succeeds and every unit has its page in both languages; and, with
// the sample's synthetic boundaries, every page with a map (the indicator
// pages' national map of 3,321 communes among them) weighs at most 300 KB
// gzipped, the maps' budget.
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
	const budget = 300 << 10
	pages, largest := 0, 0
	err = filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		page, err := os.ReadFile(path)
		if err != nil || !bytes.Contains(page, []byte(`<svg xmlns="http://www.w3.org/2000/svg" class="map"`)) {
			return err
		}
		var gz bytes.Buffer
		w := gzip.NewWriter(&gz)
		w.Write(page)
		w.Close()
		pages++
		largest = max(largest, gz.Len())
		if gz.Len() > budget {
			t.Errorf("%s: %d bytes gzipped, over the maps' budget of %d", path, gz.Len(), budget)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 3000 {
		t.Errorf("%d pages with a map, want the indicator and unit pages of the national sample", pages)
	}
	t.Logf("%d pages with a map, the largest %d bytes gzipped", pages, largest)
}
