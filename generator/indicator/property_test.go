package indicator

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// TestRollUpProperty checks, over random datasets, that a parent's rate is
// the sum of its communes' numerators over the sum of their denominators,
// for quarters and years, and that every ranking is a competition ranking.
func TestRollUpProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(2025, 7))
	catalogue := dataset.Catalogue{
		Measures:   []dataset.Measure{flow("num"), flow("den")},
		Indicators: []dataset.Indicator{rateOf("rate", "num", "den", dataset.HigherIsBetter)},
	}
	quarters := []period.Period{}
	for q := range 8 {
		quarters = append(quarters, period.Q(2024, 1).Add(q))
	}

	for iter := range 200 {
		// A country with 1–3 provinces of 1–6 communes each; every commune
		// reports each measure in each quarter with probability 0.8. Values
		// are small whole numbers, so sums are exact in float64.
		units := []dataset.Unit{{Code: "vn", Type: dataset.Country}}
		communes := map[string][]string{} // per province
		for p := range 1 + rng.IntN(3) {
			prov := fmt.Sprintf("p%d", p)
			units = append(units, dataset.Unit{Code: prov, Type: dataset.Province, Parent: "vn"})
			for c := range 1 + rng.IntN(6) {
				code := fmt.Sprintf("%s-c%d", prov, c)
				units = append(units, dataset.Unit{Code: code, Type: dataset.Commune, Parent: prov})
				communes[prov] = append(communes[prov], code)
			}
		}
		type key struct {
			measure, unit string
			quarter       period.Period
		}
		values := map[key]float64{}
		var obs []dataset.Observation
		for _, u := range units[1:] {
			if u.Type != dataset.Commune {
				continue
			}
			for _, q := range quarters {
				den := float64(rng.IntN(6)) // zero now and then
				num := float64(rng.IntN(int(den) + 1))
				for _, o := range []struct {
					measure string
					value   float64
				}{{"num", num}, {"den", den}} {
					if rng.Float64() < 0.8 {
						values[key{o.measure, u.Code, q}] = o.value
						obs = append(obs, dataset.Observation{Period: q, Unit: u.Code, Measure: o.measure, Value: o.value})
					}
				}
			}
		}
		r := mustCompute(t, &dataset.Dataset{Units: units, Catalogue: catalogue, Observations: obs})

		// sums adds up measure m over the given communes and the quarters within p.
		sums := func(m string, codes []string, p period.Period) (total float64, any bool) {
			for _, c := range codes {
				for _, q := range quarters {
					if v, ok := values[key{m, c, q}]; ok && p.Contains(q) {
						total, any = total+v, true
					}
				}
			}
			return total, any
		}
		var all []string
		for _, u := range units {
			all = append(all, communes[u.Code]...)
		}
		parents := map[string][]string{"vn": all}
		for prov, codes := range communes {
			parents[prov] = codes
		}

		for _, p := range append(quarters, period.Y(2024), period.Y(2025)) {
			for parent, codes := range parents {
				num, anyNum := sums("num", codes, p)
				den, anyDen := sums("den", codes, p)
				got := r.Value("rate", parent, p)
				wantOK := anyNum && anyDen && den > 0
				if got.OK != wantOK || (wantOK && !near(got.Value, 100*num/den)) {
					t.Fatalf("iteration %d, %s %s: got OK=%v %v, want OK=%v %v/%v",
						iter, parent, p, got.OK, got.Value, wantOK, num, den)
				}
				checkCompetitionRanking(t, r.Ranking("rate", parent, p))
			}
		}
	}
}

// checkCompetitionRanking checks that each ranked value's rank is one more
// than the number of siblings with a strictly better (higher) value, that
// only values with data are ranked, and that the ranking lists them in rank
// order with the unranked last.
func checkCompetitionRanking(t *testing.T, ranking []Value) {
	t.Helper()
	ranked := 0
	for _, v := range ranking {
		if v.OK {
			ranked++
		}
	}
	for k, v := range ranking {
		if !v.OK {
			if v.Rank != 0 {
				t.Fatalf("%s %s: no data but rank %d", v.Unit, v.Period, v.Rank)
			}
			continue
		}
		better := 0
		for _, w := range ranking {
			if w.OK && w.Value > v.Value {
				better++
			}
		}
		if v.Rank != better+1 || v.RankOf != ranked {
			t.Fatalf("%s %s: rank %d of %d, want %d of %d", v.Unit, v.Period, v.Rank, v.RankOf, better+1, ranked)
		}
		if k > 0 && (ranking[k-1].Rank == 0 || ranking[k-1].Rank > v.Rank) {
			t.Fatalf("%s %s: listed after rank %d", v.Unit, v.Period, ranking[k-1].Rank)
		}
	}
}
