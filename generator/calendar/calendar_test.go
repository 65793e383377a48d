package calendar

import (
	"slices"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

func observations(ps ...period.Period) []dataset.Observation {
	var obs []dataset.Observation
	for _, p := range ps {
		obs = append(obs, dataset.Observation{Period: p, Unit: "a", Measure: "m"}, dataset.Observation{Period: p, Unit: "b", Measure: "m"})
	}
	return obs
}

func months(year, from, to int) []period.Period {
	var ps []period.Period
	for m := from; m <= to; m++ {
		ps = append(ps, period.M(year, m))
	}
	return ps
}

func TestMonthlyOnlyReportsWholeQuarters(t *testing.T) {
	// January 2024 to August 2025.
	c := New(observations(append(months(2024, 1, 12), months(2025, 1, 8)...)...))
	want := []period.Period{period.Q(2025, 2), period.Q(2025, 1), period.Y(2024),
		period.Q(2024, 4), period.Q(2024, 3), period.Q(2024, 2), period.Q(2024, 1)}
	if got := c.Reports(); !slices.Equal(got, want) {
		t.Errorf("Reports() = %v, want %v", got, want)
	}
	wantProgress := []InProgress{
		{Period: period.Y(2025), First: period.Q(2025, 1), Last: period.Q(2025, 2)},
		{Period: period.Q(2025, 3), First: period.M(2025, 7), Last: period.M(2025, 8)},
	}
	if got := c.InProgress(); !slices.Equal(got, wantProgress) {
		t.Errorf("InProgress() = %v, want %v", got, wantProgress)
	}
}

func TestQuarterlyYearIsWholeWithItsFourthQuarter(t *testing.T) {
	c := New(observations(period.Q(2024, 1), period.Q(2024, 2), period.Q(2024, 3), period.Q(2024, 4),
		period.Q(2025, 1), period.Q(2025, 2), period.Q(2025, 3)))
	if !c.Whole(period.Y(2024)) || c.Whole(period.Y(2025)) {
		t.Errorf("Whole(2024) = %v, Whole(2025) = %v; want true, false", c.Whole(period.Y(2024)), c.Whole(period.Y(2025)))
	}
	got := c.Reports()
	if got[0] != period.Q(2025, 3) || !slices.Contains(got, period.Y(2024)) || slices.Contains(got, period.Y(2025)) {
		t.Errorf("Reports() = %v, want 2025-Q3 first, 2024 and not 2025", got)
	}
	if p := c.InProgress(); len(p) != 1 || p[0] != (InProgress{Period: period.Y(2025), First: period.Q(2025, 1), Last: period.Q(2025, 3)}) {
		t.Errorf("InProgress() = %v, want 2025 with Q1 to Q3", p)
	}
}

func TestYearExportedAsAYearIsWhole(t *testing.T) {
	// Complaints yearly to 2021; forms quarterly, only 2021-Q1 and 2023-Q2.
	c := New(observations(period.Y(2020), period.Y(2021), period.Q(2021, 1), period.Q(2023, 2)))
	want := []period.Period{period.Q(2023, 2), period.Y(2021), period.Q(2021, 1), period.Y(2020)}
	if got := c.Reports(); !slices.Equal(got, want) {
		t.Errorf("Reports() = %v, want %v", got, want)
	}
	if p := c.InProgress(); len(p) != 1 || p[0] != (InProgress{Period: period.Y(2023), First: period.Q(2023, 2), Last: period.Q(2023, 2)}) {
		t.Errorf("InProgress() = %v, want 2023 with only Q2", p)
	}
}
