package opendata

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"minhbach/generator/dataset"
)

// observations builds an observations.csv from its rows.
func observations(rows ...string) []byte {
	return []byte("period,unit,measure,value\n" + strings.Join(rows, "\n") + "\n")
}

// TestDiffObservations compares small published and new observation files
// whose differences were worked out by hand.
func TestDiffObservations(t *testing.T) {
	// Rows in the dataset's order: measure, unit, then period in time.
	published := []string{
		"2025-Q1,an-phu,docs_incoming,10",
		"2025-Q2,an-phu,docs_incoming,11",
		"2025-Q1,ba-chuc,docs_incoming,20",
		"2025-Q1,an-phu,docs_signed,5",
	}
	now := observations(
		"2025-Q1,an-phu,docs_incoming,10",
		"2025-Q2,an-phu,docs_incoming,12", // revised
		"2025-Q3,an-phu,docs_incoming,13", // added, in a new period
		// 2025-Q1,ba-chuc,docs_incoming removed
		"2025-Q1,an-phu,docs_signed,5",
		"2025-Q3,an-phu,docs_signed,6", // added
	)
	changed := observationDiff{added: 2, removed: 1, newPeriods: []string{"2025-Q3"},
		revised: []Revision{{Period: "2025-Q2", Unit: "an-phu", Measure: "docs_incoming", Old: "11", New: "12"}}}
	for _, tc := range []struct {
		name     string
		old, now []byte
		want     observationDiff
	}{
		{"identical", now, now, observationDiff{}},
		{"changed", observations(published...), now, changed},
		{"published out of order", observations(published[3], published[1], published[2], published[0]), now, changed},
		{"published with CR LF and a blank line", []byte(strings.ReplaceAll(string(now), "\n", "\r\n") + "\r\n"), now, observationDiff{}},
		{
			// 2025-Q1 starts before 2025-03 in time, though not as text.
			"periods in time, not text",
			observations("2025-03,an-phu,docs_incoming,3"),
			observations("2025-Q1,an-phu,docs_incoming,2", "2025-03,an-phu,docs_incoming,3"),
			observationDiff{added: 1, newPeriods: []string{"2025-Q1"}},
		},
		{
			"everything removed",
			observations(published...), observations(),
			observationDiff{removed: 4},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := diffObservations(tc.old, tc.now, "public/data/observations.csv")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestDiffObservationsNamesBadLines checks that a published file this
// program could not have written fails with its path and line.
func TestDiffObservationsNamesBadLines(t *testing.T) {
	now := observations("2025-Q1,an-phu,docs_incoming,10")
	for _, tc := range []struct {
		name string
		old  []byte
		want string
	}{
		{"header", []byte("period,unit,value\n2025-Q1,an-phu,10\n"), `obs.csv:1: expected the header "period,unit,measure,value"`},
		{"short row", observations("2025-Q1,an-phu,docs_incoming,10", "2025-Q2,an-phu,11"), `obs.csv:3: expected period,unit,measure,value (found "2025-Q2,an-phu,11")`},
		{"quoted cell", observations(`2025-Q1,"an-phu",docs_incoming,9`), `obs.csv:2: expected period,unit,measure,value`},
		{"bad period", observations("2025-Q5,an-phu,docs_incoming,9"), "obs.csv:2: period"},
		{
			"the same row twice",
			observations("2025-Q2,an-phu,docs_incoming,11", "2025-Q1,an-phu,docs_incoming,10", "2025-Q2,an-phu,docs_incoming,12"),
			"obs.csv:4: docs_incoming for an-phu in 2025-Q2 is given twice; first on line 2",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := diffObservations(tc.old, now, "obs.csv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v; want one with %q", err, tc.want)
			}
		})
	}
}

// TestChangeLogAfterOtherColumns checks that a site published by a version
// whose observations.csv had other columns does not stop the build: the
// export starts the comparisons afresh, as a first publication in front of
// the history, which is kept.
func TestChangeLogAfterOtherColumns(t *testing.T) {
	out := t.TempDir()
	dir := filepath.Join(out, "data")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old := `[{"exported":"2025-07-01","initial":true,"new_periods":["2025-Q1"],"added":1,"removed":0,"revised_count":0,"revised":[]}]`
	for name, text := range map[string]string{
		"changes.json":     old,
		"observations.csv": "period,unit,value\n2025-Q1,an-phu,10\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ds := &dataset.Dataset{Meta: dataset.Meta{Exported: "2025-10-10"}}
	now := &observationsFile{data: observations("2025-Q1,an-phu,docs_incoming,10", "2025-Q2,an-phu,docs_incoming,11"),
		rows: 2, periods: []string{"2025-Q1", "2025-Q2"}}
	log, err := changeLog(ds, now, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || !log[0].Initial || log[0].Added != 2 || log[0].Exported != "2025-10-10" ||
		!reflect.DeepEqual(log[0].NewPeriods, []string{"2025-Q1", "2025-Q2"}) || log[1].Exported != "2025-07-01" {
		t.Errorf("change log %+v; want a first publication of 2 figures in 2025-Q1 and 2025-Q2, then the old entry", log)
	}
}

// TestChangeLogThatCannotBeReadFails makes the published change log
// unreadable (a folder where the file should be): the build fails saying
// so, rather than replacing the history with a first entry.
func TestChangeLogThatCannotBeReadFails(t *testing.T) {
	out := t.TempDir()
	dir := filepath.Join(out, "data")
	if err := os.MkdirAll(filepath.Join(dir, "changes.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "observations.csv"), []byte("period,unit,measure,value\n2025-Q1,an-phu,docs_incoming,10\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ds := &dataset.Dataset{Meta: dataset.Meta{Exported: "2025-10-10"}}
	now := &observationsFile{data: observations("2025-Q1,an-phu,docs_incoming,10"), rows: 1, periods: []string{"2025-Q1"}}
	log, err := changeLog(ds, now, out)
	if err == nil || !strings.Contains(err.Error(), "reading the published change log") {
		t.Errorf("change log %+v, error %v; want an error", log, err)
	}
}
