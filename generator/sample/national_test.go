package sample_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
	"minhbach/generator/sample"
)

// small is a national sample small enough to write in every test run.
var small = sample.National{Provinces: 3, Units: 50, Quarters: 5, Last: period.Q(2025, 3)}

func writeNational(t *testing.T, n sample.National) string {
	t.Helper()
	dir := t.TempDir()
	if err := sample.WriteNational(dir, n); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestNationalUnits(t *testing.T) {
	units := readTable(t, filepath.Join(writeNational(t, small), "units.csv"))
	if len(units.rows) != 1+3+50 {
		t.Fatalf("%d units, want the country, 3 provinces and 50 commune-level units", len(units.rows))
	}
	if top := units.rows[0]; top[2] != "country" || top[3] != "" {
		t.Errorf("first unit %q, want the country without parent", top)
	}
	typeOf := map[string]string{}
	children := map[string]int{}
	names := map[string]bool{}
	for i, row := range units.rows {
		code, name, typ, parent := row[0], row[1], row[2], row[3]
		if !dataset.IsSlug(code) || typeOf[code] != "" {
			t.Errorf("line %d: code %q is not a slug or not unique", i+2, code)
		}
		if i > 0 {
			want := "province"
			if typeOf[parent] == "province" {
				want = "commune-level"
			}
			switch {
			case typeOf[parent] == "":
				t.Errorf("line %d: parent %q is not listed before %s", i+2, parent, code)
			case want == "province" && typ != "province", want == "commune-level" && !slices.Contains([]string{"commune", "ward", "special_zone"}, typ):
				t.Errorf("line %d: %s is a %s under a %s", i+2, code, typ, typeOf[parent])
			}
			if names[parent+"/"+name] {
				t.Errorf("line %d: two units of %s are named %q", i+2, parent, name)
			}
			names[parent+"/"+name] = true
		}
		typeOf[code] = typ
		children[parent]++
	}
	for code, typ := range typeOf {
		if typ == "province" && children[code] == 0 {
			t.Errorf("province %s has no units", code)
		}
	}
}

// TestNationalLoads reads the written sample back with the project's
// catalogue: it must be valid data, and the speeds the provinces report
// must agree with their units', so that no warning is raised.
func TestNationalLoads(t *testing.T) {
	dir := writeNational(t, small)
	cat, err := os.ReadFile(filepath.Join(committedData, "catalogue.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "catalogue.toml"), cat, 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !ds.Meta.Sample {
		t.Error("site.toml does not say the data is a sample")
	}
	// 13 measures for each of 50 units and 5 quarters, and each province's own speed.
	if want := 13*50*5 + 3*5; len(ds.Observations) != want {
		t.Errorf("%d observations, want %d", len(ds.Observations), want)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings() {
		t.Errorf("warning: %s", w)
	}
	if qs := res.Periods(period.Quarter); len(qs) != 5 || qs[0] != period.Q(2024, 3) || qs[4] != period.Q(2025, 3) {
		t.Errorf("quarters %v, want 2024-Q3 to 2025-Q3", qs)
	}
}

func TestNationalIsDeterministic(t *testing.T) {
	a, b := readTree(t, writeNational(t, small)), readTree(t, writeNational(t, small))
	if len(a) != 1+3*5 {
		t.Errorf("wrote %d files, want units.csv and 3 exports for each of 5 quarters", len(a))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	other := small
	other.Seed = 7
	c := readTree(t, writeNational(t, other))
	if bytes.Equal(a["units.csv"], c["units.csv"]) {
		t.Error("another seed gave the same units")
	}
}

// TestDefaultNationalShape checks the benchmark's units without writing
// its 330,000 rows: 34 provinces sharing 3,321 units.
func TestDefaultNationalShape(t *testing.T) {
	profiles, err := sample.DefaultNational.Profiles()
	if err != nil {
		t.Fatal(err)
	}
	if len(profiles) != 34 {
		t.Fatalf("%d provinces, want 34", len(profiles))
	}
	units, smallest, largest := 0, 1<<30, 0
	codes := map[string]bool{}
	for _, p := range profiles {
		units += len(p.Units)
		smallest, largest = min(smallest, len(p.Units)), max(largest, len(p.Units))
		if p.First != period.Q(2020, 4) {
			t.Errorf("%s starts in %v, want 2020-Q4 (20 quarters to 2025-Q3)", p.Province.Code, p.First)
		}
		for _, u := range append([]sample.UnitProfile{{Unit: p.Province}}, p.Units...) {
			if codes[u.Unit.Code] {
				t.Errorf("code %s is used twice", u.Unit.Code)
			}
			codes[u.Unit.Code] = true
		}
	}
	if units != 3321 {
		t.Errorf("%d commune-level units, want 3,321", units)
	}
	// Provinces differ in size, as real ones do, but none is empty or huge.
	if smallest < 30 || largest > 250 || largest-smallest < 20 {
		t.Errorf("provinces have %d to %d units, want a spread within 30 to 250", smallest, largest)
	}
	if strings.Contains(profiles[0].Province.Name, "(") {
		t.Errorf("province name %q", profiles[0].Province.Name)
	}
}

func TestNationalRejectsImpossibleShapes(t *testing.T) {
	for _, n := range []sample.National{
		{Provinces: 0, Units: 10, Quarters: 4},
		{Provinces: 5, Units: 4, Quarters: 4},
		{Provinces: 2, Units: 10, Quarters: 0},
	} {
		if _, err := n.Profiles(); err == nil {
			t.Errorf("%+v: no error", n)
		}
	}
}
