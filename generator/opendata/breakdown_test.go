package opendata

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// writeCrossTab writes the downloads of package breakdown's cross-tab
// (people and those served by sex and age, in two regions, 2025).
func writeCrossTab(t *testing.T) string { return writeBreakdowns(t, "crosstab") }

// writeBreakdowns writes the downloads of one of package breakdown's
// testdata folders.
func writeBreakdowns(t *testing.T, name string) string {
	t.Helper()
	return writeFolder(t, filepath.Join("..", "breakdown", "testdata", name))
}

// TestDownloadHasNoEmptyRows: the indicator's table holds a row for each
// unit, period and cell with data, and no other. The cross-tab has one
// year, three units and nine cells with data each (the total, two of sex,
// two of age, four crossed): 27 rows, each with a value, its numerator and
// denominator, and the dimension columns after period.
func TestDownloadHasNoEmptyRows(t *testing.T) {
	out := writeCrossTab(t)
	rows := readCSV(t, filepath.Join(out, "data", "indicators", "served_rate.csv"))
	head := rows[0]
	if got := strings.Join(head[:8], ","); got != "indicator,unit,unit_name,geocode,period,sex,age,value" {
		t.Errorf("header begins %s, want the dimension columns after period", got)
	}
	if len(rows)-1 != 27 {
		t.Errorf("%d rows, want 27", len(rows)-1)
	}
	value, num, den := slices.Index(head, "value"), slices.Index(head, "numerator"), slices.Index(head, "denominator")
	cells := map[string]bool{}
	for _, r := range rows[1:] {
		if r[value] == "" || r[num] == "" || r[den] == "" {
			t.Errorf("a row without data: %v", r)
		}
		cells[r[1]+" "+r[5]+"/"+r[6]] = true
	}
	for _, want := range []string{"land /", "land f/", "land /old", "land f/young", "south m/old"} {
		if !cells[want] {
			t.Errorf("no row for %s", want)
		}
	}
	// The same lines are in the unit's table.
	if unit := readCSV(t, filepath.Join(out, "data", "units", "land.csv")); len(unit)-1 != 9 {
		t.Errorf("land's table has %d rows, want 9", len(unit)-1)
	}
}

// TestObservationsCarryDimensions: observations.csv has the dimension
// columns after measure and holds what was exported — no total added up
// from its cells — and the schema's key includes the dimensions.
func TestObservationsCarryDimensions(t *testing.T) {
	out := writeCrossTab(t)
	rows := readCSV(t, filepath.Join(out, "data", "observations.csv"))
	if got := strings.Join(rows[0], ","); got != "period,unit,measure,sex,age,value" {
		t.Errorf("header %s", got)
	}
	if len(rows)-1 != 18 { // 16 cells, the north's served and the south's people
		t.Errorf("%d rows, want the 18 exported", len(rows)-1)
	}
	b, err := os.ReadFile(filepath.Join(out, "data", "schemas", "observations.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Fields []struct {
			Name        string
			Constraints *struct{ Enum []string }
		}
		PrimaryKey []string
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(schema.PrimaryKey, ","); got != "period,unit,measure,sex,age" {
		t.Errorf("primary key %s", got)
	}
	if f := schema.Fields[3]; f.Name != "sex" || f.Constraints == nil || strings.Join(f.Constraints.Enum, ",") != "f,m" {
		t.Errorf("field 4: %+v, want sex with values f, m", f)
	}
}

// TestBreakdownRowsCarryStatusAndNote: a cell's row of the indicator table
// has the cell's status and note, and no change across its break:
// package breakdown's survey by sex, the north in 2025.
func TestBreakdownRowsCarryStatusAndNote(t *testing.T) {
	out := writeBreakdowns(t, "rates")
	rows := readCSV(t, filepath.Join(out, "data", "indicators", "satisfaction.csv"))
	head := rows[0]
	col := func(name string) int { return slices.Index(head, name) }
	got := map[string]string{}
	for _, r := range rows[1:] {
		if r[col("unit")] == "north" && r[col("period")] == "2025" {
			got[r[col("sex")]] = strings.Join([]string{r[col("value")], r[col("status")], r[col("note")], r[col("change_prev")]}, "|")
		}
	}
	for sex, want := range map[string]string{
		"f": "90|B|New questionnaire from 2025|",
		"m": "70|E|Small sample|10",
		"":  "80|B E||", // added up from the cells, weighted: their statuses, no note
	} {
		if got[sex] != want {
			t.Errorf("the north's 2025 row of sex %q: value|status|note|change_prev = %q, want %q", sex, got[sex], want)
		}
	}
}
