package cells

import (
	"strings"
	"testing"

	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/dataset/obs"
	"minhbach/generator/period"
)

var sex = []dims.Dimension{{ID: "sex", Name: geo.Text{VI: "Giới", EN: "Sex"}, Values: []dims.Value{{ID: "f"}, {ID: "m"}}}}

// complete adds the observations to a set, one a line of a.csv, and
// completes them with p above a and b; it returns the warnings.
func complete(t *testing.T, given []obs.Observation) []string {
	t.Helper()
	c := finding.NewCollector(0)
	s := New(c)
	var totals []obs.Observation
	for i, o := range given {
		o.Period, o.Source = period.Y(2025), finding.Position{File: "a.csv", Line: i + 2, Column: 1}
		if o.Cell == "" {
			totals = append(totals, o)
		} else {
			s.Add(o)
		}
	}
	s.Complete(totals, Rules{Order: sex, Tolerance: 0.005, Parent: map[string]string{"a": "p", "b": "p"},
		Measure: func(string) dims.Rule { return dims.Rule{Dims: sex, Sum: true} }})
	found, _ := c.Result()
	var out []string
	for _, f := range found {
		out = append(out, f.String())
	}
	return out
}

// TestATotalFromCellsIsCheckedWhereNothingElseIs: p gives its cells only
// (30 + 40), its units their totals only (20 + 30): p's total, added up
// from its cells, is compared with theirs, as nothing else of p could be.
func TestATotalFromCellsIsCheckedWhereNothingElseIs(t *testing.T) {
	got := complete(t, []obs.Observation{
		{Unit: "p", Measure: "people", Cell: "sex=f", Value: 30},
		{Unit: "p", Measure: "people", Cell: "sex=m", Value: 40},
		{Unit: "a", Measure: "people", Value: 20},
		{Unit: "b", Measure: "people", Value: 30},
	})
	want := "a.csv:2:1: warning: people for p in 2025 is 70, added up from its cells, but its units (2 of 2 reported) add up to 50 (first at a.csv:4:1); expected the total to agree within 0.5%"
	if strings.Join(got, "\n") != want {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

// TestADisagreementIsToldOnce: p's women (10) disagree with its units'
// (4 + 5); its total added up from its cells (20) then disagrees with
// theirs (19) for that reason only, and is not told again.
func TestADisagreementIsToldOnce(t *testing.T) {
	got := complete(t, []obs.Observation{
		{Unit: "p", Measure: "served", Cell: "sex=f", Value: 10},
		{Unit: "p", Measure: "served", Cell: "sex=m", Value: 10},
		{Unit: "a", Measure: "served", Cell: "sex=f", Value: 4},
		{Unit: "a", Measure: "served", Cell: "sex=m", Value: 5},
		{Unit: "b", Measure: "served", Cell: "sex=f", Value: 5},
		{Unit: "b", Measure: "served", Cell: "sex=m", Value: 5},
	})
	want := "a.csv:2:1: warning: served (sex=f) for p in 2025 is 10, but its units (2 of 2 reported) add up to 9 (first at a.csv:4:1); expected the total to agree within 0.5%"
	if strings.Join(got, "\n") != want {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}
