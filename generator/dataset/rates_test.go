package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// rates is testdata of package breakdown: a survey's rates by sex, weighted
// by respondents, with statuses and notes on cells.
var rates = filepath.Join("..", "breakdown", "testdata", "rates")

// find returns the observation of list for a measure, unit, cell and year.
func find(list []Observation, measure, unit, cell string, year int) *Observation {
	for i := range list {
		if o := &list[i]; o.Measure == measure && o.Unit == unit && o.Cell == cell && o.Period == period.Y(year) {
			return o
		}
	}
	return nil
}

// TestCellsKeepStatusAndNote: a cell's status and note are kept as a
// total's are, also on a value marked missing.
func TestCellsKeepStatusAndNote(t *testing.T) {
	d, err := Load(rates)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		measure, cell string
		status        mark.Status
		note          string
	}{
		{"satisfied", "sex=f", mark.Break, "New questionnaire from 2025"},
		{"satisfied", "sex=m", mark.Estimated, "Small sample"},
		{"trust", "sex=f", mark.Missing, "Not asked in 2025"},
	} {
		o := find(d.Breakdowns, c.measure, "north", c.cell, 2025)
		if o == nil || o.Status != c.status || o.Detail == nil || o.Detail.Note != c.note {
			t.Errorf("north's %s (%s) in 2025: %+v, want status %s and note %q", c.measure, c.cell, o, c.status.Codes(), c.note)
		}
	}
}

// TestWeightedTotalsFromCells works the totals of a rate weighted by
// respondents by hand: the north's 2024 is (80×100 + 60×300) / 400 = 65,
// never the mean of the cells (70) nor their sum; its 2025 is (90×100 +
// 70×100) / 200 = 80, carrying the cells' B and E but no note. The south's
// exported 2025 total stands. Trust is weighted by households, which are
// not broken down by sex: no cell has its weight, so no total is made.
func TestWeightedTotalsFromCells(t *testing.T) {
	d, err := Load(rates)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		unit     string
		year     int
		value    float64
		computed bool
		status   mark.Status
	}{
		{"north", 2024, 65, true, 0},
		{"north", 2025, 80, true, mark.Break | mark.Estimated},
		{"south", 2024, 60, true, 0},
		{"south", 2025, 70, false, 0},
	} {
		o := find(d.Observations, "satisfied", c.unit, "", c.year)
		if o == nil || o.Value != c.value || o.Computed != c.computed || o.Status != c.status || o.Detail != nil {
			t.Errorf("%s's satisfied in %d: %+v, want %v (computed %t, status %q, no note)", c.unit, c.year, o, c.value, c.computed, c.status.Codes())
		}
	}
	if o := find(d.Observations, "respondents", "north", "", 2025); o == nil || o.Value != 200 || !o.Computed {
		t.Errorf("north's respondents in 2025: %+v, want 200 added up", o)
	}
	if o := find(d.Observations, "trust", "north", "", 2024); o != nil {
		t.Errorf("north's trust in 2024: %+v, want none: its weight is not by sex", o)
	}
}

// TestCellsAreCheckedAgainstTheirUnits: the south's exported total (70)
// disagrees with the mean of its cells weighted by respondents ((60×300 +
// 80×100) / 400 = 65); the country's cells disagree with its regions'
// same cells: men 520 against 300 + 200, women satisfied 72% against
// (80×100 + 50×200) / 300 = 60%; and the country's 2025 respondents (650)
// disagree with the north's added up from its cells (200) and the south's
// (400), not with the south's alone. Each warning names both places.
func TestCellsAreCheckedAgainstTheirUnits(t *testing.T) {
	d, err := Load(rates)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range d.Findings {
		got = append(got, strings.ReplaceAll(f.String(), rates+string(filepath.Separator), ""))
	}
	want := []string{
		"exports/survey.csv:11:25: warning: respondents (sex=m) for land in 2024 is 520, but its units (2 of 2 reported) add up to 500 (first at exports/survey.csv:3:26); expected the total to agree within 0.5%",
		"exports/survey.csv:12:23: warning: satisfied (sex=f) for land in 2024 is 72, but its units (2 of 2 reported) average, weighted by respondents, 60 (first at exports/survey.csv:4:24); expected the total to agree within 0.5%",
		"exports/survey.csv:22:23: warning: satisfied for south in 2025: the total is 70, but its parts by sex, weighted by respondents, average 65 (first part at exports/survey.csv:20:24); expected them to agree within 0.5%",
		"exports/survey.csv:23:24: warning: respondents for land in 2025 is 650, but its units (2 of 2 reported) add up to 600 (first at exports/survey.csv:13:26); expected the total to agree within 0.5%",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCellBoundsAreChecked: a cell's interval must hold its value, as a
// total's must.
func TestCellBoundsAreChecked(t *testing.T) {
	files := map[string]string{"exports/a.csv": "period,unit,measure,sex,value,lower,upper\n2024,north,satisfied,f,80,82,90\n"}
	for _, name := range []string{CatalogueFile, UnitsFile} {
		b, err := os.ReadFile(filepath.Join(rates, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	only(t, files, "exports/a.csv:2:27: satisfied: interval 82 to 90 does not hold the value 80; expected lower ≤ value ≤ upper")
}
