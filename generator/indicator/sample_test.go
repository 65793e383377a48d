package indicator_test

import (
	"math"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
)

// TestSampleReproducesPublishedFigures computes the shipped sample and checks
// the province figures An Giang published for 2025-Q1, and the whole-year
// 2024 signature rate that makes "4 points above 2024".
func TestSampleReproducesPublishedFigures(t *testing.T) {
	ds, err := dataset.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	r, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	q1 := period.Q(2025, 1)
	for _, tc := range []struct {
		id   string
		want float64
	}{
		{"docs_incoming", 213883},
		{"docs_outgoing", 75393},
		{"eoffice_accounts", 7736},
		{"eoffice_mobile_users", 3845},
		{"video_points", 204},
		{"broadband_mbps", 65.3},
	} {
		if v := r.Value(tc.id, "an-giang", q1); !v.OK || v.Value != tc.want {
			t.Errorf("%s 2025-Q1 = %v (ok %v), want %v", tc.id, v.Value, v.OK, tc.want)
		}
	}
	sig := r.Value("signature_rate", "an-giang", q1)
	if sig.Numerator != 65366 || sig.Denominator != 75393 || round1(sig.Value) != 86.7 {
		t.Errorf("signature rate 2025-Q1 = %v/%v = %v, want 65366/75393 = 86.7%%", sig.Numerator, sig.Denominator, sig.Value)
	}
	y2024 := r.Value("signature_rate", "an-giang", period.Y(2024))
	if round1(y2024.Value) != 82.7 || y2024.Partial {
		t.Errorf("signature rate 2024 = %v (partial %v), want 82.7", y2024.Value, y2024.Partial)
	}
	c := r.Compare("signature_rate", "an-giang", q1, period.Y(2024))
	if !c.OK || round1(c.Delta) != 4.0 || c.Verdict != indicator.Better {
		t.Errorf("2025-Q1 against 2024 = %+v, want +4.0 points, better", c)
	}
	if v := r.Value("online_filing_rate", "an-giang", q1); !(v.Value > 74) {
		t.Errorf("online filing 2025-Q1 = %v, want above 74%%", v.Value)
	}
	if v := r.Value("digitization_rate", "an-giang", q1); !(v.Value > 81) {
		t.Errorf("digitization 2025-Q1 = %v, want above 81%%", v.Value)
	}
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// TestSampleMerger: Kiên Giang merged into An Giang after 2025-Q2. An
// Giang's own 2025-Q1 stays as published, and its 2025-Q3 is compared with
// An Giang and Kiên Giang together.
func TestSampleMerger(t *testing.T) {
	ds, err := dataset.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	r, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	q1, q2, q3 := period.Q(2025, 1), period.Q(2025, 2), period.Q(2025, 3)
	if v := r.Value("docs_incoming", "an-giang", q1); v.Value != 213883 || v.Basis() != indicator.BasisComputed {
		t.Errorf("An Giang 2025-Q1 = %v (%s), want its published 213883, computed", v.Value, v.Basis())
	}
	ag, kg := r.Value("docs_incoming", "an-giang", q2), r.Value("docs_incoming", "kien-giang", q2)
	merged := r.Merged("docs_incoming", "an-giang", q2)
	if !kg.OK || !merged.OK || merged.Value != ag.Value+kg.Value {
		t.Errorf("merged 2025-Q2 = %v, want An Giang's %v + Kiên Giang's %v", merged.Value, ag.Value, kg.Value)
	}
	now := r.Value("docs_incoming", "an-giang", q3)
	if ch := now.Prev; !ch.Reconstructed || ch.Base != merged.Value || !(math.Abs(ch.Delta) < 15) {
		t.Errorf("An Giang's change across the merger = %+v, want on the merged %v, within 15%%", ch, merged.Value)
	}
	if v := r.Value("docs_incoming", "kien-giang", q3); v.OK {
		t.Errorf("Kiên Giang in 2025-Q3 = %+v, want nothing after the merger", v)
	}
}
