package dataset

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadExport feeds arbitrary bytes to the reader as an export, with or
// without a mapping, and checks what must hold whatever the input: no
// panic; every finding names the export (or its mapping) and a line within
// the file; every observation is of a known unit and measure, in a valid
// period, with a finite value of zero or more, read from a data line.
//
//	go test ./generator/dataset -run '^$' -fuzz '^FuzzReadExport$' -fuzztime 30s
func FuzzReadExport(f *testing.F) {
	for _, seed := range []string{
		"period,unit,files_received,files_online\n2025-Q1,go-quao,10,4\n",
		"period;unit;measure;value\r\n2025-Q1;an-giang;speed;65.3\r\n",
		"\ufeffperiod\tunit\tfiles_online\r2025-03\tlong-xuyen\t1\r",
		"period,unit,files_online\n\"2025\n-Q1\",\"go\"\"quao\",1\n\n2025-Q5,x,010\n",
		"\xff\xfep\x00e\x00r\x00",
		"Kỳ;Đơn vị;Văn bản\nQuý I/2025;xã Gò Quao;1.234\n",
	} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}
	const mapping = "numbers = \"vi\"\n[period]\ncolumn = \"Kỳ\"\nformat = \"Quý I/2025\"\n[unit]\ncolumn = \"Đơn vị\"\nby = \"name\"\n[columns]\n\"Văn bản\" = \"files_received\"\n"
	base := f.TempDir()
	for name, content := range map[string]string{UnitsFile: testUnits, CatalogueFile: testCatalogue} {
		if err := os.WriteFile(filepath.Join(base, name), []byte(content), 0o644); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, mapped bool) {
		dir := t.TempDir()
		for _, name := range []string{UnitsFile, CatalogueFile} {
			src, _ := os.ReadFile(filepath.Join(base, name))
			os.WriteFile(filepath.Join(dir, name), src, 0o644)
		}
		os.MkdirAll(filepath.Join(dir, ExportsDir), 0o755)
		export := filepath.Join(dir, ExportsDir, "x.csv")
		if err := os.WriteFile(export, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if mapped {
			os.WriteFile(filepath.Join(dir, ExportsDir, "x.toml"), []byte(mapping), 0o644)
		}
		lines := 1 + strings.Count(string(data), "\n") + strings.Count(string(data), "\r")
		d, err := Load(dir, WithMaxField(4096))
		var fs Findings
		if inv, ok := err.(*InvalidError); ok {
			fs = inv.Findings
		} else if err != nil {
			t.Fatalf("Load: %v", err)
		} else {
			fs = d.Findings
			for _, o := range d.Observations {
				if _, ok := d.Unit(o.Unit); !ok || o.Period.IsZero() || math.IsNaN(o.Value) || math.IsInf(o.Value, 0) || o.Value < 0 {
					t.Errorf("bad observation %+v", o)
				}
				if _, ok := d.Catalogue.Measure(o.Measure); !ok {
					t.Errorf("unknown measure in %+v", o)
				}
				if o.Source.File != export || o.Source.Line < 2 || o.Source.Line > lines || o.Source.Column < 1 {
					t.Errorf("observation read at %+v, outside the data lines (1–%d)", o.Source, lines)
				}
			}
		}
		for _, f := range fs {
			if !strings.HasPrefix(f.Pos.File, filepath.Join(dir, ExportsDir, "x.")) || f.Pos.Line > lines+1 || f.Pos.Line < 0 || f.Message == "" {
				t.Errorf("finding outside the export: %v (%d lines)", f, lines)
			}
		}
	})
}

// FuzzReadUnitsCatalogue feeds arbitrary units.csv and catalogue.toml files
// to Load, beside a good export, and checks what must hold whatever they
// hold: no panic; a load that fails has an error; every finding names a
// file of the data folder and says something; a good load's units have
// known types and parents defined before them.
//
//	go test ./generator/dataset -run '^$' -fuzz '^FuzzReadUnitsCatalogue$' -fuzztime 30s
func FuzzReadUnitsCatalogue(f *testing.F) {
	f.Add([]byte(testUnits), []byte(testCatalogue))
	f.Add([]byte(""), []byte(""))
	f.Add([]byte("code,name,type,parent\n"), []byte(testCatalogue))
	f.Add([]byte(testUnits+"x,X,commune,nowhere\n"), []byte(testCatalogue+"\n[[measures]\n"))
	f.Add([]byte(testUnits), []byte(strings.Replace(testCatalogue, `denominator = "files_received"`, `denominator = "nowhere"`, 1)))
	f.Add([]byte(testUnits), []byte(strings.Replace(testCatalogue, `across_units = "none"`, "across_units = \"weighted_mean\"\nweight = \"speed\"", 1)))
	f.Add([]byte(testUnits), []byte("measures = 5\n"))
	f.Fuzz(func(t *testing.T, units, catalogue []byte) {
		dir := t.TempDir()
		os.MkdirAll(filepath.Join(dir, ExportsDir), 0o755)
		os.WriteFile(filepath.Join(dir, UnitsFile), units, 0o644)
		os.WriteFile(filepath.Join(dir, CatalogueFile), catalogue, 0o644)
		os.WriteFile(filepath.Join(dir, ExportsDir, "x.csv"), []byte(wideHeader+"2025-Q1,go-quao,10,4\n2025-Q1,an-giang,10,4\n"), 0o644)
		d, err := Load(dir, WithMaxField(4096))
		var fs Findings
		var inv *InvalidError
		switch {
		case errors.As(err, &inv):
			fs = inv.Findings
			if inv.Tally.Errors == 0 || fs.Count(Error) == 0 {
				t.Errorf("Load failed without an error finding: %v", fs)
			}
		case err != nil:
			t.Fatalf("Load: %v", err)
		default:
			fs = d.Findings
			seen := map[string]bool{}
			for _, u := range d.Units {
				if _, ok := d.Catalogue.Level(u.Type); !ok || u.Parent != "" && !seen[u.Parent] {
					t.Errorf("bad unit %+v", u)
				}
				seen[u.Code] = true
			}
		}
		for _, f := range fs {
			if !strings.HasPrefix(f.Pos.File, dir+string(filepath.Separator)) || f.Message == "" || f.Pos.Line < 0 || f.Pos.Column < 0 {
				t.Errorf("finding outside the data folder: %v", f)
			}
		}
	})
}
