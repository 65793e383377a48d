package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const testCatalogue = `
[[measures]]
id = "files_received"
kind = "count"
over_time = "sum"
across_units = "sum"
name = { vi = "Hồ sơ tiếp nhận", en = "Files received" }

[[measures]]
id = "files_online"
kind = "count"
over_time = "sum"
across_units = "sum"
name = { vi = "Hồ sơ trực tuyến", en = "Files online" }

[[measures]]
id = "speed"
kind = "amount"
over_time = "last"
across_units = "none"
applies_to = ["province"]
name = { vi = "Tốc độ", en = "Speed" }

[[indicators]]
id = "online_rate"
type = "rate"
numerator = "files_online"
denominator = "files_received"
direction = "higher"
name = { vi = "Tỷ lệ trực tuyến", en = "Online rate" }
description = { vi = "Mô tả", en = "Description" }
`

const testUnits = "code,name,type,parent\nan-giang,An Giang,province,\ngo-quao,Gò Quao,commune,an-giang\nlong-xuyen,Long Xuyên,ward,an-giang\n"

// writeData lays out a data folder from a map of relative paths to contents.
func writeData(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	base := map[string]string{UnitsFile: testUnits, CatalogueFile: testCatalogue}
	for k, v := range files {
		base[k] = v
	}
	for name, content := range base {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadGoodData(t *testing.T) {
	dir := writeData(t, map[string]string{
		"exports/q1/portal.csv": "period,unit,files_received,files_online\n2025-Q1,go-quao,100,40\n2025-Q1,long-xuyen,200,150\n",
		"exports/q1/net.csv":    "\ufeffperiod,unit,measure,value\n2025-Q1,an-giang,speed,65.3\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) != 3 || d.Units[1].Name != "Gò Quao" || d.Units[1].Type != Commune {
		t.Fatalf("units = %+v", d.Units)
	}
	if len(d.Observations) != 5 {
		t.Fatalf("got %d observations, want 5: %+v", len(d.Observations), d.Observations)
	}
	// Sorted by measure, then unit: files_online go-quao comes first.
	first := d.Observations[0]
	if first.Measure != "files_online" || first.Unit != "go-quao" || first.Value != 40 || first.Period.String() != "2025-Q1" {
		t.Errorf("first observation = %+v", first)
	}
	if first.Source.Line != 2 || first.Source.Column != 21 {
		t.Errorf("first observation read at line %d column %d, want 2:21", first.Source.Line, first.Source.Column)
	}
	var speed Observation
	for _, o := range d.Observations {
		if o.Measure == "speed" {
			speed = o
		}
	}
	if speed.Value != 65.3 {
		t.Errorf("speed = %v, want 65.3 (BOM skipped, amount parsed)", speed.Value)
	}
}

// findings loads dir and returns its findings as strings, failing when Load succeeds.
func findings(t *testing.T, dir string) []string {
	t.Helper()
	_, err := Load(dir)
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("Load: got %v, want an *InvalidError", err)
	}
	var out []string
	for _, f := range inv.Findings {
		out = append(out, strings.TrimPrefix(f.String(), dir+string(filepath.Separator)))
	}
	return out
}

func TestLoadReportsEveryBadCell(t *testing.T) {
	dir := writeData(t, map[string]string{
		"exports/a.csv": "period,unit,files_received,files_online\n" +
			"2025-Q1,go-quao,\"1,234\",10\n" + // thousands separator
			"2025-Q5,long-xuyen,010,10\n" + // bad quarter and leading zero
			"2025-Q1,nowhere,5,1\n" + // unknown unit
			"2025-Q2,go-quao,10,12\n", // numerator above denominator
		"exports/b.csv": "period,unit,measure,value\n" +
			"\"2025\n-Q1\",go-quao,files_online,1\n" + // a quoted field spanning lines: the next line is line 4
			"2025-Q1,go-quao,files_online,12.5\n" + // decimals in a count, and a duplicate of a.csv
			"2025-Q1,go-quao,speed,3\n", // speed applies only to provinces
	})
	got := findings(t, dir)
	want := []string{
		`exports/a.csv:2:17: files_received: found "1,234", expected a whole number such as 1234; no thousands separators or decimal commas: write 1234 or 86.7`,
		`exports/a.csv:3:1: period "2025-Q5": quarter must be Q1 to Q4`,
		`exports/a.csv:3:20: files_received: found "010", expected a whole number such as 1234; no leading zeros`,
		`exports/a.csv:4:9: found "nowhere", expected a unit code from units.csv`,
		`exports/a.csv:5:20: files_online is 12 for go-quao in 2025-Q2, above files_received (10 at ` + dir + `/exports/a.csv:5:17); expected at most the denominator`,
		`exports/b.csv:2:1: period "2025\n-Q1": expected YYYY, YYYY-Qn or YYYY-MM`,
		`exports/b.csv:4:30: files_online: found "12.5", expected a whole number such as 1234; a count cannot have decimals`,
		`exports/b.csv:5:17: measure "speed" does not apply to commune units such as "go-quao"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestLoadDuplicateNamesBothPlaces(t *testing.T) {
	dir := writeData(t, map[string]string{
		"exports/a.csv": "period,unit,files_received,files_online\n2025-Q1,go-quao,10,5\n",
		"exports/b.csv": "period,unit,measure,value\n2025-Q1,go-quao,files_online,5\n",
	})
	got := findings(t, dir)
	want := "exports/b.csv:2:30: files_online for go-quao in 2025-Q1 is given twice; first at " + dir + "/exports/a.csv:2:20"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestLoadStructure(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"empty", "exports/e.csv", "", "exports/e.csv:1:1: the file is empty; expected a header line"},
		{"header only", "exports/h.csv", "period,unit,measure,value\n", "exports/h.csv:2:1: the file has a header but no data rows"},
		{"duplicate column", "exports/d.csv", "period,unit,files_online,files_online\n2025-Q1,go-quao,1,2\n", `exports/d.csv:1:26: column "files_online" appears twice (also column 3)`},
		{"unknown measure column", "exports/u.csv", "period,unit,files_offline\n2025-Q1,go-quao,1\n", `exports/u.csv:1:13: unknown measure column "files_offline"; expected a measure id from the catalogue`},
		{"ragged row", "exports/r.csv", "period,unit,files_online\n2025-Q1,go-quao,1,2\n", "exports/r.csv:2:1: found 4 fields, expected 3 as in the header"},
		{"bad unit code", UnitsFile, testUnits + "Bad Code,X,commune,an-giang\n", `units.csv:5:1: found "Bad Code", expected a unit code of lower-case ASCII letters, digits and hyphens, such as go-quao`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{tt.file: tt.content}
			if tt.file == UnitsFile {
				files["exports/ok.csv"] = "period,unit,files_online\n2025-Q1,go-quao,1\n"
			}
			// The first error: with errors in units.csv, a note says the
			// exports were not read.
			got := slices.DeleteFunc(findings(t, writeData(t, files)), func(f string) bool { return strings.Contains(f, ": note: ") })
			if len(got) == 0 || got[0] != tt.want {
				t.Errorf("got %q\nwant first %q", got, tt.want)
			}
		})
	}
}

func TestParseNumber(t *testing.T) {
	good := []struct {
		in   string
		kind MeasureKind
		want float64
	}{
		{"0", Count, 0}, {"1234", Count, 1234}, {"86.7", Amount, 86.7}, {"0.5", Amount, 0.5},
	}
	for _, g := range good {
		if v, err := ParseNumber(g.in, g.kind); err != nil || v != g.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", g.in, v, err, g.want)
		}
	}
	bad := []struct {
		in   string
		kind MeasureKind
		hint string
	}{
		{"1,234", Count, "thousands"}, {"010", Count, "leading zeros"}, {"0x1F", Count, "hexadecimal"},
		{"1_000", Count, "digit separators"}, {"12.9", Count, "cannot have decimals"}, {"", Count, "empty"},
		{"NaN", Amount, "no data"}, {"Inf", Amount, "no data"}, {"-3", Count, "negative"}, {"1e3", Amount, "exponents"},
		{"1.2.3", Amount, "at most one decimal point"}, {" 12", Count, "spaces"}, {"86,7", Amount, "decimal commas"},
	}
	for _, b := range bad {
		_, err := ParseNumber(b.in, b.kind)
		if err == nil || !strings.Contains(err.Error(), b.hint) {
			t.Errorf("ParseNumber(%q): got %v, want an error mentioning %q", b.in, err, b.hint)
		}
	}
}
