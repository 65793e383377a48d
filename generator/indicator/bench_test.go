package indicator

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// BenchmarkCompute computes a synthetic national dataset: 34 provinces of
// 98 communes each over 20 quarters, with the 13 measures of the real
// catalogue and 13 indicators (the catalogue's 10 and three more).
func BenchmarkCompute(b *testing.B) {
	d := nationalDataset(34, 98, 20)
	b.ReportMetric(float64(len(d.Observations)), "observations")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compute(d); err != nil {
			b.Fatal(err)
		}
	}
}

// nationalDataset builds a deterministic dataset of a country with the given
// numbers of provinces, communes per province and quarters from 2021-Q1.
// Communes report every measure; provinces report nothing themselves.
func nationalDataset(provinces, communes, quarters int) *dataset.Dataset {
	rng := rand.New(rand.NewPCG(34, 3321))
	mbps := dataset.Measure{ID: "broadband_mbps", Kind: dataset.Amount, OverTime: dataset.Last,
		AcrossUnits: dataset.WeightedMean, Weight: "broadband_subscribers"}
	measures := []dataset.Measure{
		flow("docs_incoming"), flow("docs_outgoing"), flow("docs_outgoing_signed"),
		stock("eoffice_accounts"), stock("eoffice_mobile_users"),
		flow("files_received"), flow("files_received_online"), flow("files_digitized"),
		flow("files_resolved"), flow("files_resolved_on_time"),
		stock("video_points"), stock("broadband_subscribers"), mbps,
	}
	scored := func(ind dataset.Indicator, group string, points, threshold float64) dataset.Indicator {
		ind.Score = &dataset.Score{Group: group, Points: points, Threshold: threshold}
		ind.Target = &dataset.Target{Value: 80, Deadline: "2030"}
		return ind
	}
	catalogue := dataset.Catalogue{
		ScoreGroups: []dataset.ScoreGroup{{ID: "progress", Points: 20}, {ID: "online", Points: 22}, {ID: "digitization", Points: 22}},
		Measures:    measures,
		Indicators: []dataset.Indicator{
			rateOf("signature_rate", "docs_outgoing_signed", "docs_outgoing", dataset.HigherIsBetter),
			scored(rateOf("online_filing_rate", "files_received_online", "files_received", dataset.HigherIsBetter), "online", 6, 50),
			scored(rateOf("digitization_rate", "files_digitized", "files_received", dataset.HigherIsBetter), "digitization", 8, 80),
			scored(rateOf("on_time_rate", "files_resolved_on_time", "files_resolved", dataset.HigherIsBetter), "progress", 10, 100),
			rateOf("mobile_rate", "eoffice_mobile_users", "eoffice_accounts", dataset.HigherIsBetter),
			countOf("docs_incoming", "docs_incoming", dataset.Neutral),
			countOf("docs_outgoing", "docs_outgoing", dataset.Neutral),
			countOf("eoffice_accounts", "eoffice_accounts", dataset.HigherIsBetter),
			countOf("eoffice_mobile_users", "eoffice_mobile_users", dataset.HigherIsBetter),
			countOf("video_points", "video_points", dataset.HigherIsBetter),
			countOf("files_received", "files_received", dataset.Neutral),
			countOf("broadband_subscribers", "broadband_subscribers", dataset.HigherIsBetter),
			levelOf("broadband_mbps", "broadband_mbps", dataset.HigherIsBetter),
		},
	}

	units := []dataset.Unit{{Code: "vn", Type: dataset.Country}}
	for p := range provinces {
		prov := fmt.Sprintf("p%02d", p)
		units = append(units, dataset.Unit{Code: prov, Type: dataset.Province, Parent: "vn"})
		for c := range communes {
			units = append(units, dataset.Unit{Code: fmt.Sprintf("%s-%03d", prov, c), Type: dataset.Commune, Parent: prov})
		}
	}

	// Sorted by measure, unit and period, as dataset.Load leaves them.
	obs := make([]dataset.Observation, 0, len(measures)*provinces*communes*quarters)
	for _, m := range measures {
		for _, u := range units {
			if u.Type != dataset.Commune {
				continue
			}
			for q := range quarters {
				obs = append(obs, dataset.Observation{
					Period: period.Q(2021, 1).Add(q), Unit: u.Code, Measure: m.ID, Value: float64(rng.IntN(1000)),
				})
			}
		}
	}
	return &dataset.Dataset{Units: units, Catalogue: catalogue, Observations: obs}
}
