package indicator

import (
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/geo"
)

// merger is a hand-worked boundary change: communes a and b ended with
// 2025-Q2 and c, their successor, began in 2025-Q3; d is unchanged.
//
//	          a sent/signed  b sent/signed  d sent/signed  c sent/signed
//	2025-Q1   20 / 8         20 / 16        10 / 5
//	2025-Q2   10 / 5         30 / 27        10 / 5
//	2025-Q3                                 10 / 6         50 / 45
//
// c rebuilt: Q1 40 / 24 = 60%, Q2 40 / 32 = 80% (the mean of a's and b's
// rates would be 70%); Q3 is 90%, 10 points above the rebuilt Q2.
func merger() *dataset.Dataset {
	q2, q3 := per("2025-Q2"), per("2025-Q3")
	units := province()
	units = append(units,
		dataset.Unit{Code: "a", Type: dataset.Commune, Parent: "p", Extras: geo.Extras{ValidTo: q2, Successor: "c"}},
		dataset.Unit{Code: "b", Type: dataset.Commune, Parent: "p", Extras: geo.Extras{ValidTo: q2, Successor: "c"}},
		dataset.Unit{Code: "c", Type: dataset.Commune, Parent: "p", Extras: geo.Extras{ValidFrom: q3}},
		dataset.Unit{Code: "d", Type: dataset.Commune, Parent: "p"})
	var obs []dataset.Observation
	for _, o := range []struct {
		unit, period string
		sent, signed float64
	}{
		{"a", "2025-Q1", 20, 8}, {"a", "2025-Q2", 10, 5},
		{"b", "2025-Q1", 20, 16}, {"b", "2025-Q2", 30, 27},
		{"c", "2025-Q3", 50, 45},
		{"d", "2025-Q1", 10, 5}, {"d", "2025-Q2", 10, 5}, {"d", "2025-Q3", 10, 6},
	} {
		obs = append(obs, ob("sent", o.unit, o.period, o.sent), ob("signed", o.unit, o.period, o.signed))
	}
	return &dataset.Dataset{
		Units: units,
		Catalogue: dataset.Catalogue{Measures: []dataset.Measure{flow("signed"), flow("sent")},
			Indicators: []dataset.Indicator{rateOf("rate", "signed", "sent", dataset.HigherIsBetter), countOf("docs", "sent", dataset.HigherIsBetter)}},
		Observations: (obs),
	}
}

func TestReconstructionSumsPredecessors(t *testing.T) {
	r := mustCompute(t, merger())
	for _, c := range []struct {
		period        string
		rate, num, of float64
		rebuilt       bool
		partial       bool
	}{
		{"2025-Q1", 60, 24, 40, true, false},
		{"2025-Q2", 80, 32, 40, true, false},
		{"2025-Q3", 90, 45, 50, false, false},
		// The year across the merger: a's and b's first half and c's
		// third quarter (130 / 101); the fourth quarter is still to come.
		{"2025", 100 * 101.0 / 130, 101, 130, true, true},
	} {
		v := r.Value("rate", "c", per(c.period))
		if !v.OK || !near(v.Value, c.rate) || !near(v.Numerator, c.num) || !near(v.Denominator, c.of) ||
			v.Reconstructed != c.rebuilt || v.Partial != c.partial {
			t.Errorf("c in %s = %+v; want %.4g%% (%g / %g), reconstructed %v, partial %v", c.period, v, c.rate, c.num, c.of, c.rebuilt, c.partial)
		}
		if want := map[bool]string{true: BasisReconstructed, false: BasisReported}[c.rebuilt]; v.Basis() != want {
			t.Errorf("c in %s: basis %q, want %q", c.period, v.Basis(), want)
		}
	}
	if v := r.Value("rate", "c", per("2025-Q2")); v.Rank != 0 {
		t.Errorf("rebuilt c is ranked %d of %d beside its own predecessors; want unranked", v.Rank, v.RankOf)
	}
	// The province's roll-up counts a and b once, not c's rebuilt value too.
	if v := r.Value("docs", "p", per("2025-Q2")); !near(v.Value, 50) || v.Basis() != BasisComputed {
		t.Errorf("province in 2025-Q2 = %+v (basis %s), want 50 computed", v, v.Basis())
	}
}

func TestChangeAcrossTheMergerIsOnTheRebuiltBase(t *testing.T) {
	r := mustCompute(t, merger())
	v := r.Value("rate", "c", per("2025-Q3"))
	if ch := v.Prev; !ch.OK || !ch.Reconstructed || !near(ch.Base, 80) || !near(ch.Delta, 10) {
		t.Errorf("rate change = %+v, want +10 points on a reconstructed 80%%", ch)
	}
	if ch := r.Value("docs", "c", per("2025-Q3")).Prev; !ch.OK || !ch.Reconstructed || !near(ch.Delta, 25) {
		t.Errorf("count change = %+v, want +25%% on a reconstructed 40", ch)
	}
	if ch := r.Value("rate", "d", per("2025-Q3")).Prev; !ch.OK || ch.Reconstructed || !near(ch.Delta, 10) {
		t.Errorf("d's change = %+v, want +10 points on its own 50%%", ch)
	}
}

func TestValidityInCompletenessWithAMerger(t *testing.T) {
	r := mustCompute(t, merger())
	// In 2025-Q2 a, b and d are expected, c is not; in Q3, c and d.
	for p, want := range map[string]int{"2025-Q2": 6, "2025-Q3": 4} {
		if c := r.Completeness(per(p)); c.Expected != want || c.Present != want || len(c.Silent) != 0 {
			t.Errorf("%s: %d of %d, silent %v; want %d of %d", p, c.Present, c.Expected, c.Silent, want, want)
		}
	}
}

// absorbed is a province ag that took in province kg after 2025-Q2: ag's
// own figures stay as reported, on its old boundaries, and a later period
// is compared with ag and kg together.
//
//	          x (ag's commune)  kg          ag + kg
//	2025-Q1   100 / 70          100 / 30    200 / 100 = 50%
//	2025-Q2   100 / 80          100 / 40    200 / 120 = 60%
//	2025-Q3   200 / 150                     75%
func absorbed() *dataset.Dataset {
	units := []dataset.Unit{
		{Code: "ag", Type: dataset.Province}, {Code: "x", Type: dataset.Commune, Parent: "ag"},
		{Code: "kg", Type: dataset.Province, Extras: geo.Extras{ValidTo: per("2025-Q2"), Successor: "ag"}},
	}
	var obs []dataset.Observation
	for _, o := range []struct {
		unit, period string
		sent, signed float64
	}{
		{"x", "2025-Q1", 100, 70}, {"x", "2025-Q2", 100, 80}, {"x", "2025-Q3", 200, 150},
		{"kg", "2025-Q1", 100, 30}, {"kg", "2025-Q2", 100, 40},
	} {
		obs = append(obs, ob("sent", o.unit, o.period, o.sent), ob("signed", o.unit, o.period, o.signed))
	}
	return &dataset.Dataset{Units: units,
		Catalogue: dataset.Catalogue{Measures: []dataset.Measure{flow("signed"), flow("sent")},
			Indicators: []dataset.Indicator{rateOf("rate", "signed", "sent", dataset.HigherIsBetter), countOf("docs", "sent", dataset.HigherIsBetter)}},
		Observations: (obs)}
}

func TestAbsorbingSuccessorKeepsItsOwnPast(t *testing.T) {
	r := mustCompute(t, absorbed())
	q2 := r.Value("rate", "ag", per("2025-Q2"))
	if !near(q2.Value, 80) || q2.Reconstructed || q2.Basis() != BasisComputed {
		t.Errorf("ag in 2025-Q2 = %+v, want its own 80%%, computed", q2)
	}
	if ch := q2.Prev; !near(ch.Delta, 10) || ch.Reconstructed {
		t.Errorf("ag's change before the merger = %+v, want +10 points on its own 70%%", ch)
	}
	if m := r.Merged("rate", "ag", per("2025-Q2")); !m.OK || !near(m.Value, 60) || !m.Reconstructed || !near(m.Denominator, 200) {
		t.Errorf("Merged(ag, 2025-Q2) = %+v, want 60%% of 200, reconstructed", m)
	}
	if m := r.Merged("rate", "ag", per("2025-Q3")); m.OK {
		t.Errorf("Merged(ag, 2025-Q3) = %+v, want none after the merger", m)
	}
	q3 := r.Value("rate", "ag", per("2025-Q3"))
	if ch := q3.Prev; !ch.OK || !ch.Reconstructed || !near(ch.Base, 60) || !near(ch.Delta, 15) {
		t.Errorf("ag's change across the merger = %+v, want +15 points on a reconstructed 60%%", ch)
	}
	if ch := r.Value("docs", "ag", per("2025-Q3")).Prev; !ch.OK || !near(ch.Delta, 0) {
		t.Errorf("ag's documents change = %+v, want 0%% (200 on 100 + 100)", ch)
	}
	// The year across the merger mixes two territories as reported; it is
	// rebuilt on the merged one: 400 + 200 sent, 300 + 70 signed.
	if y := r.Value("rate", "ag", per("2025")); !y.Reconstructed || !near(y.Value, 100*370.0/600) || !y.Partial {
		t.Errorf("ag in 2025 = %+v, want %.4g%%, reconstructed and partial", y, 100*370.0/600)
	}
	if ch := r.Value("rate", "kg", per("2025-Q2")).Prev; !near(ch.Delta, 10) || ch.Reconstructed {
		t.Errorf("kg's own change = %+v, want +10 points", ch)
	}
}

func TestWeightedMeanIsRebuiltByItsWeightAndNoneIsNot(t *testing.T) {
	d := absorbed()
	speed := dataset.Measure{ID: "speed", Kind: dataset.Amount, OverTime: dataset.Last, AcrossUnits: dataset.WeightedMean, Weight: "sent"}
	d.Catalogue.Measures = append(d.Catalogue.Measures, speed, ownLevel("own"))
	d.Catalogue.Indicators = append(d.Catalogue.Indicators, levelOf("mbps", "speed", dataset.HigherIsBetter), levelOf("own", "own", dataset.HigherIsBetter))
	d.Observations = (append(d.Observations,
		ob("speed", "x", "2025-Q2", 60), ob("speed", "kg", "2025-Q2", 30), ob("speed", "x", "2025-Q3", 50),
		ob("own", "ag", "2025-Q2", 1), ob("own", "kg", "2025-Q2", 2), ob("own", "ag", "2025-Q3", 3)))
	r := mustCompute(t, d)
	// (60 × 100 + 30 × 100) / 200 = 45
	if m := r.Merged("mbps", "ag", per("2025-Q2")); !m.OK || !near(m.Value, 45) {
		t.Errorf("merged speed = %+v, want 45, weighted by documents", m)
	}
	if m := r.Merged("own", "ag", per("2025-Q2")); m.OK {
		t.Errorf("merged level that does not combine = %+v, want none", m)
	}
	if ch := r.Value("own", "ag", per("2025-Q3")).Prev; !ch.OK || ch.Reconstructed || !near(ch.Base, 1) {
		t.Errorf("change of a level that does not combine = %+v, want on ag's own 1", ch)
	}
}

func TestSuccessorCycleIsAnError(t *testing.T) {
	d := &dataset.Dataset{Units: []dataset.Unit{
		{Code: "a", Type: dataset.Province, Extras: geo.Extras{ValidTo: per("2025"), Successor: "b"}},
		{Code: "b", Type: dataset.Province, Extras: geo.Extras{ValidTo: per("2025"), Successor: "a"}},
	}}
	if _, err := Compute(d); err == nil {
		t.Error("Compute accepted a → b → a")
	}
}
