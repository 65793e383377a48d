package indicator

import (
	"slices"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/geo"
)

// agencies is a province with two communes and two of its departments, a
// level that stands beside the territory.
func agencies() *dataset.Dataset {
	no := false
	levels := append(dataset.DefaultLevels(), dataset.UnitLevel{ID: "agency", Territorial: &no,
		Name: dataset.Text{VI: "Sở", EN: "Department"}, Plural: dataset.Text{VI: "Các sở", EN: "Departments"}})
	units := append(province("a", "b"),
		dataset.Unit{Code: "x", Name: "X", Type: "agency", Parent: "p"},
		dataset.Unit{Code: "y", Name: "Y", Type: "agency", Parent: "p"})
	return &dataset.Dataset{
		Units: units,
		Catalogue: dataset.Catalogue{Levels: levels,
			Measures:   []dataset.Measure{flow("signed"), flow("sent")},
			Indicators: []dataset.Indicator{rateOf("rate", "signed", "sent", dataset.HigherIsBetter)}},
		Observations: []dataset.Observation{
			// a 50%, b 80%; x 90%, y 10%. The province is (5+8)/(10+10) = 65%:
			// the departments' 1,000 documents are not the territory's.
			ob("sent", "a", "2025-Q1", 10), ob("signed", "a", "2025-Q1", 5),
			ob("sent", "b", "2025-Q1", 10), ob("signed", "b", "2025-Q1", 8),
			ob("sent", "x", "2025-Q1", 500), ob("signed", "x", "2025-Q1", 450),
			ob("sent", "y", "2025-Q1", 500), ob("signed", "y", "2025-Q1", 50),
		},
	}
}

func TestNonTerritorialLevelIsNotSummed(t *testing.T) {
	r := mustCompute(t, agencies())
	q := per("2025-Q1")
	if v := r.Value("rate", "p", q); !v.OK || !near(v.Value, 65) || !near(v.Denominator, 20) {
		t.Errorf("province = %+v, want 65%% of 20 (the communes only)", v)
	}
	if v := r.Value("rate", "p", per("2025")); !v.OK || !near(v.Value, 65) {
		t.Errorf("province's year = %+v, want 65%%", v)
	}
	// A reported province total that matches its communes is no warning,
	// although the departments report far more.
	d := agencies()
	d.Observations = append(d.Observations, ob("sent", "p", "2025-Q1", 20), ob("signed", "p", "2025-Q1", 13))
	if w := mustCompute(t, d).Warnings(); len(w) != 0 {
		t.Errorf("warnings = %v, want none: departments are not part of the total", w)
	}
}

func TestNonTerritorialLevelIsRankedApart(t *testing.T) {
	r := mustCompute(t, agencies())
	q := per("2025-Q1")
	codes := func(vs []Value) (out []string) {
		for _, v := range vs {
			out = append(out, v.Unit)
		}
		return out
	}
	if got := codes(r.Ranking("rate", "p", q)); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("territorial ranking = %v, want [b a]", got)
	}
	if got := codes(r.RankingOf("rate", "p", "agency", q)); !slices.Equal(got, []string{"x", "y"}) {
		t.Errorf("agency ranking = %v, want [x y]", got)
	}
	if got := r.Apart("p"); !slices.Equal(got, []dataset.UnitType{"agency"}) {
		t.Errorf("Apart(p) = %v, want [agency]", got)
	}
	for unit, rank := range map[string]int{"b": 1, "a": 2, "x": 1, "y": 2} {
		if v := r.Value("rate", unit, q); v.Rank != rank || v.RankOf != 2 {
			t.Errorf("%s: rank %d of %d, want %d of 2", unit, v.Rank, v.RankOf, rank)
		}
	}
	if got := codes(r.Leading("rate", "p", q, 10)); !slices.Equal(got, []string{"b", "a"}) {
		t.Errorf("leading = %v, want the communes only", got)
	}
	// Departments are not expected to report a measure that names no levels.
	if c := r.Completeness(q); c.Expected != 4 || c.Present != 4 {
		t.Errorf("completeness = %d of %d, want 4 of 4 (two measures, two communes)", c.Present, c.Expected)
	}
}

// TestExpectedUnitsAreTheTerritorialLeaves: under levels of another
// country (country, region, local authority), a measure that names no
// levels is expected from the local authorities, not from the regions.
func TestExpectedUnitsAreTheTerritorialLeaves(t *testing.T) {
	d := &dataset.Dataset{
		Units: []dataset.Unit{
			{Code: "uk", Type: "country"}, {Code: "london", Type: "region", Parent: "uk"},
			{Code: "merton", Type: "local_authority", Parent: "london"}, {Code: "sutton", Type: "local_authority", Parent: "london"},
		},
		Catalogue:    dataset.Catalogue{Measures: []dataset.Measure{flow("m")}},
		Observations: []dataset.Observation{ob("m", "merton", "2021", 1)},
	}
	c := mustCompute(t, d).Completeness(per("2021"))
	if c.Expected != 2 || c.Present != 1 || !slices.Equal(c.Silent, []string{"sutton"}) {
		t.Errorf("completeness = %+v, want 1 of 2 with sutton silent", c)
	}
}

// TestCompletenessWithinValidity: north ended with 2021-Q1 and central
// began in 2021-Q2. Neither is expected, nor listed as silent, outside its
// validity; within it, a unit that did not report is.
func TestCompletenessWithinValidity(t *testing.T) {
	q1, q2 := per("2021-Q1"), per("2021-Q2")
	d := &dataset.Dataset{
		Units: []dataset.Unit{
			{Code: "r", Type: "region"},
			{Code: "north", Type: "la", Parent: "r", Extras: geo.Extras{ValidTo: q1, Successor: "central"}},
			{Code: "central", Type: "la", Parent: "r", Extras: geo.Extras{ValidFrom: q2}},
			{Code: "merton", Type: "la", Parent: "r"},
		},
		Catalogue:    dataset.Catalogue{Measures: []dataset.Measure{flow("m")}},
		Observations: []dataset.Observation{ob("m", "north", "2021-Q1", 1), ob("m", "central", "2021-Q2", 1)},
	}
	r := mustCompute(t, d)
	for _, c := range []struct {
		p                 string
		present, expected int
		silent            []string
	}{{"2021-Q1", 1, 2, []string{"merton"}}, {"2021-Q2", 1, 2, []string{"merton"}}, {"2021", 0, 1, []string{"merton"}}} {
		got := r.Completeness(per(c.p))
		if got.Present != c.present || got.Expected != c.expected || !slices.Equal(got.Silent, c.silent) {
			t.Errorf("%s: %d of %d, silent %v; want %d of %d, silent %v", c.p, got.Present, got.Expected, got.Silent, c.present, c.expected, c.silent)
		}
	}
}
