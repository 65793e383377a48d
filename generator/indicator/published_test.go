package indicator

import (
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/mark"
)

// survey is a dataset of a published satisfaction percentage, yearly, of
// communes a and b in province p, with the respondents that weight it when
// across is WeightedMean.
func survey(across dataset.Aggregation, obs ...dataset.Observation) *dataset.Dataset {
	pct := dataset.Measure{ID: "satisfied", Kind: dataset.Percent, OverTime: dataset.None, AcrossUnits: across}
	if across == dataset.WeightedMean {
		pct.Weight = "respondents"
	}
	return &dataset.Dataset{
		Units: province("a", "b"),
		Catalogue: dataset.Catalogue{
			Measures:   []dataset.Measure{pct, flow("respondents")},
			Indicators: []dataset.Indicator{{ID: "sat", Type: dataset.Rate, Measure: "satisfied", Direction: dataset.HigherIsBetter}},
		},
		Observations: obs,
	}
}

// with returns o with status s and detail d.
func with(o dataset.Observation, s mark.Status, d *mark.Detail) dataset.Observation {
	o.Status, o.Detail = s, d
	return o
}

// TestPublishedPercentChangesInPoints: a published percentage going from
// 75.0 to 82.5 has changed by 7.5 points, not by 10%.
func TestPublishedPercentChangesInPoints(t *testing.T) {
	r := mustCompute(t, survey(dataset.None, ob("satisfied", "a", "2023", 75), ob("satisfied", "a", "2024", 82.5)))
	v := r.Value("sat", "a", per("2024"))
	if !v.OK || v.Value != 82.5 || !v.Prev.OK || !v.Prev.Points || !near(v.Prev.Delta, 7.5) {
		t.Errorf("2024 = %+v, change %+v; want 82.5, +7.5 points", v, v.Prev)
	}
	if ch := r.Compare("sat", "a", per("2024"), per("2023")); !ch.OK || !ch.Points || !near(ch.Delta, 7.5) {
		t.Errorf("Compare = %+v, want +7.5 points", ch)
	}
}

// TestWeightedRollUpOfPublishedRates: a at 82.5% of 400 respondents and b
// at 70% of 100 give p (82.5×400 + 70×100) / 500 = 80%; without a weight
// p has no value, or its own reported one, and the communes' never.
func TestWeightedRollUpOfPublishedRates(t *testing.T) {
	obs := []dataset.Observation{
		ob("respondents", "a", "2024", 400), ob("respondents", "b", "2024", 100),
		ob("satisfied", "a", "2024", 82.5), ob("satisfied", "b", "2024", 70),
	}
	r := mustCompute(t, survey(dataset.WeightedMean, obs...))
	if v := r.Value("sat", "p", per("2024")); !v.OK || !near(v.Value, 80) || v.Reported {
		t.Errorf("weighted: p = %+v, want 80 computed", v)
	}
	r = mustCompute(t, survey(dataset.None, obs...))
	if v := r.Value("sat", "p", per("2024")); v.OK {
		t.Errorf("unweighted: p = %+v, want no value", v)
	}
	r = mustCompute(t, survey(dataset.None, append(obs, ob("satisfied", "p", "2024", 77))...))
	if v := r.Value("sat", "p", per("2024")); !v.OK || v.Value != 77 || !v.Reported {
		t.Errorf("unweighted with its own: p = %+v, want 77 reported", v)
	}
}

// TestStatusesCarriedAndNoChangeAcrossBreak: a's estimated 2024 is marked,
// and so is p's roll-up of it; b's series breaks in 2024, so b's change on
// 2023 is not computed, nor p's (made of b's), while a's is; a value the
// publisher marks missing has no value and says so.
func TestStatusesCarriedAndNoChangeAcrossBreak(t *testing.T) {
	r := mustCompute(t, survey(dataset.WeightedMean,
		ob("respondents", "a", "2023", 100), ob("respondents", "b", "2023", 100),
		ob("respondents", "a", "2024", 100), ob("respondents", "b", "2024", 100),
		ob("satisfied", "a", "2023", 70), ob("satisfied", "b", "2023", 60),
		with(ob("satisfied", "a", "2024", 72), mark.Estimated, &mark.Detail{Note: "Estimated from a half sample", Lower: 68, Upper: 76, HasBounds: true, N: 100, HasN: true}),
		with(ob("satisfied", "b", "2024", 66), mark.Break, &mark.Detail{Note: "New questionnaire"}),
		with(ob("satisfied", "a", "2025", 0), mark.Missing, nil),
	))
	a := r.Value("sat", "a", per("2024"))
	if a.Status != mark.Estimated || !a.Prev.OK || !near(a.Prev.Delta, 2) || a.Note != "Estimated from a half sample" || a.Interval == nil || a.Interval.Lower != 68 || a.N != 100 {
		t.Errorf("a 2024 = %+v", a)
	}
	b := r.Value("sat", "b", per("2024"))
	if b.Status != mark.Break || b.Prev.OK || !b.Prev.Break || b.Note != "New questionnaire" || b.Interval != nil {
		t.Errorf("b 2024 = %+v, change %+v; want B and no change", b, b.Prev)
	}
	p := r.Value("sat", "p", per("2024"))
	if p.Status != mark.Break|mark.Estimated || p.Prev.OK || !p.Prev.Break || p.Note != "" || !near(p.Value, 69) {
		t.Errorf("p 2024 = %+v; want 69 with B E, no change, no note", p)
	}
	if m := r.Value("sat", "a", per("2025")); m.OK || m.Status != mark.Missing {
		t.Errorf("a 2025 = %+v; want no value, status M", m)
	}
}

// TestRankFalseLeavesUnitsUnranked: rank = false ranks nobody.
func TestRankFalseLeavesUnitsUnranked(t *testing.T) {
	d := survey(dataset.None, ob("satisfied", "a", "2024", 80), ob("satisfied", "b", "2024", 70))
	no := false
	d.Catalogue.Indicators[0].Rank = &no
	r := mustCompute(t, d)
	for _, v := range r.Ranking("sat", "p", per("2024")) {
		if v.Rank != 0 || !v.OK {
			t.Errorf("%s: rank %d, OK %v; want unranked with a value", v.Unit, v.Rank, v.OK)
		}
	}
}
