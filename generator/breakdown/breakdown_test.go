package breakdown_test

import (
	"math"
	"strings"
	"testing"

	"minhbach/generator/breakdown"
	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
)

// load reads testdata/crosstab — people and those served, by sex and age,
// in two regions, the south's survey read through a mapping; Load adds
// up the totals and margins that follow from the cells.
func load(t *testing.T) *dataset.Dataset {
	t.Helper()
	ds, err := dataset.Load("testdata/crosstab")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestCrossTabRollsUpAsRatioOfSumsPerCell works the cross-tab by hand. In
// the cell female × under 40, the north served 60 of 100 (60%) and the
// south 100 of 200 (50%): the country is 160/300 = 53.33…%, the ratio of
// the sums, not 55%, the mean of the rates.
func TestCrossTabRollsUpAsRatioOfSumsPerCell(t *testing.T) {
	ds := load(t)
	set, err := breakdown.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	bi := set.Of("served_rate")
	if bi == nil {
		t.Fatal("served_rate has no breakdowns")
	}
	var ids []string
	for _, b := range bi.Breakdowns {
		ids = append(ids, b.ID())
	}
	if got := strings.Join(ids, " "); got != "sex age sex-age" {
		t.Errorf("breakdowns %q, want by sex, by age, and sex × age", got)
	}
	y := period.Y(2025)
	for _, c := range []struct {
		cell, unit string
		num, den   float64
	}{
		{"sex=f;age=young", "land", 160, 300},
		{"sex=f;age=young", "north", 60, 100},
		{"sex=f;age=young", "south", 100, 200},
		{"sex=m;age=old", "land", 75, 150},
		// A margin: female, every age; north 80/150, south 170/300.
		{"sex=f", "land", 250, 450},
		{"age=old", "south", 110, 180},
	} {
		v := bi.Value(c.cell, c.unit, y)
		if !v.OK || v.Numerator != c.num || v.Denominator != c.den || !near(v.Value, 100*c.num/c.den) {
			t.Errorf("%s %s: got %v (%v/%v), want %v/%v = %.4f%%", c.cell, c.unit, v.Value, v.Numerator, v.Denominator, c.num, c.den, 100*c.num/c.den)
		}
	}
	// Ranked within the cell: the north (60%) above the south (50%).
	if n, s := bi.Value("sex=f;age=young", "north", y), bi.Value("sex=f;age=young", "south", y); n.Rank != 1 || s.Rank != 2 {
		t.Errorf("ranks in female × under 40: north %d, south %d; want 1 and 2", n.Rank, s.Rank)
	}
}

// TestTotalsFromPartsAndADisagreeingTotal: the north exported no total of
// people, so it is added up from its four cells (300); the south exported
// 520 beside cells that add up to 500, which stands, with a warning naming
// both; the headline is the total.
func TestTotalsFromPartsAndADisagreeingTotal(t *testing.T) {
	ds := load(t)
	var north, south *dataset.Observation
	for i := range ds.Observations {
		o := &ds.Observations[i]
		if o.Measure == "people" && o.Unit == "north" {
			north = o
		}
		if o.Measure == "people" && o.Unit == "south" {
			south = o
		}
	}
	if north == nil || north.Value != 300 || !north.Computed {
		t.Errorf("north's people: %+v, want 300 added up from its cells", north)
	}
	if south == nil || south.Value != 520 || south.Computed {
		t.Errorf("south's people: %+v, want 520 as exported", south)
	}
	var warned []string
	for _, f := range ds.Findings {
		if f.Code == "breakdown-mismatch" {
			warned = append(warned, f.String())
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "regions.csv:15:21") || !strings.Contains(warned[0], "is 520") ||
		!strings.Contains(warned[0], "add up to 500") || !strings.Contains(warned[0], "regions.csv:12:") {
		t.Errorf("warnings %q, want one at the south's total naming 520 and the parts' 500 and where they are", warned)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	// Headline: north 155/300, south 240/520 (its own total stands).
	if v := res.Value("served_rate", "land", period.Y(2025)); v.Numerator != 395 || v.Denominator != 820 {
		t.Errorf("headline %v/%v, want 395/820", v.Numerator, v.Denominator)
	}
	// A margin computed for the cross-tab: the south's women, 300 people.
	found := false
	for _, o := range ds.Breakdowns {
		if o.Measure == "people" && o.Unit == "south" && o.Cell == "sex=f" {
			found = o.Value == 300 && o.Computed
		}
	}
	if !found {
		t.Error("the south's people of sex f (300) were not added up from its cells")
	}
}

// TestGapAndNoData: the largest gap names the highest and lowest cells
// with data; a cell without data is no part of it.
func TestGapAndNoData(t *testing.T) {
	b := &breakdown.Breakdown{Dims: []string{"age"}, Cells: []string{"age=young", "age=old", "age=x"}}
	vals := []indicator.Value{{OK: true, Value: 40}, {OK: true, Value: 70}, {}}
	g, ok := breakdown.LargestGap(b, vals)
	if !ok || g.High != 1 || g.Low != 0 {
		t.Errorf("gap %+v %v, want old (1) over young (0)", g, ok)
	}
	if _, ok := breakdown.LargestGap(b, []indicator.Value{{OK: true, Value: 40}, {}, {}}); ok {
		t.Error("a gap with one cell of data")
	}
}
