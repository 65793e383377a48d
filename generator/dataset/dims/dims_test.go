package dims

import (
	"maps"
	"math"
	"testing"

	"minhbach/generator/dataset/geo"
)

var order = []Dimension{
	{ID: "sex", Name: geo.Text{VI: "Giới", EN: "Sex"}, Values: []Value{{ID: "f"}, {ID: "m"}}},
	{ID: "age", Name: geo.Text{VI: "Tuổi", EN: "Age"}, Values: []Value{{ID: "young"}, {ID: "old"}}},
}

func TestKeyFollowsTheCatalogue(t *testing.T) {
	if k := Key(order, []Part{{"age", "old"}, {"sex", "f"}}); k != "sex=f;age=old" {
		t.Errorf("key %q, want sex before age", k)
	}
	if p := Project("sex=f;age=old", []string{"age"}); p != "age=old" {
		t.Errorf("projected %q", p)
	}
	if g := Get("sex=f;age=old", "sex"); g != "f" || Get("age=old", "sex") != "" {
		t.Errorf("get %q", g)
	}
}

// TestComplete adds up a cross-tab by hand: the margins and the total
// from the four cells, a given margin that disagrees, and nothing from
// incomplete parts.
func TestComplete(t *testing.T) {
	given := map[string]float64{"sex=f;age=young": 1, "sex=f;age=old": 2, "sex=m;age=young": 3, "sex=m;age=old": 4, "sex=m": 9}
	got, bad := Complete(order, order, given, 0.005)
	want := map[string]float64{"sex=f": 3, "age=young": 4, "age=old": 6, "": 10}
	if !maps.Equal(got, want) {
		t.Errorf("computed %v, want %v", got, want)
	}
	if len(bad) != 1 || bad[0].Cell != "sex=m" || bad[0].Reported != 9 || bad[0].Sum != 7 {
		t.Errorf("mismatches %+v, want sex=m reported 9, parts 7", bad)
	}
	got, _ = Complete(order, order, map[string]float64{"sex=f;age=young": 1, "sex=m;age=young": 3, "sex=m;age=old": 4}, 0.005)
	if want := map[string]float64{"age=young": 4, "sex=m": 7}; !maps.Equal(got, want) {
		t.Errorf("from incomplete parts computed %v, want only %v", got, want)
	}
}

// TestCompleteWeighted averages a published rate by hand, weighted by
// respondents: women 80% of 100, men 60% of 300 make (8000 + 18000) / 400
// = 65%, not the mean 70% nor the sum 140. Where a part lacks its weight,
// nothing is made up.
func TestCompleteWeighted(t *testing.T) {
	one := order[:1]
	weights := map[string]float64{"sex=f": 100, "sex=m": 300, "": 400}
	got, bad := CompleteWeighted(order, one, map[string]float64{"sex=f": 80, "sex=m": 60}, weights, 0.005)
	if want := map[string]float64{"": 65}; !maps.Equal(got, want) || len(bad) != 0 {
		t.Errorf("computed %v, mismatches %+v; want %v and none", got, bad, want)
	}
	_, bad = CompleteWeighted(order, one, map[string]float64{"sex=f": 80, "sex=m": 60, "": 70}, weights, 0.005)
	if len(bad) != 1 || bad[0].Cell != "" || bad[0].Reported != 70 || bad[0].Sum != 65 {
		t.Errorf("mismatches %+v, want the total reported 70 against the weighted mean 65", bad)
	}
	got, _ = CompleteWeighted(order, one, map[string]float64{"sex=f": 80, "sex=m": 60}, map[string]float64{"": 400}, 0.005)
	if len(got) != 0 {
		t.Errorf("without weights by sex computed %v, want nothing", got)
	}
	// A cross-tab: the margins weighted by their cells' weights, the
	// total by the margins' (which add up from the cells).
	given := map[string]float64{"sex=f;age=young": 50, "sex=f;age=old": 100, "sex=m;age=young": 20, "sex=m;age=old": 40}
	w := map[string]float64{"sex=f;age=young": 1, "sex=f;age=old": 3, "sex=m;age=young": 2, "sex=m;age=old": 2, "sex=f": 4, "sex=m": 4, "age=young": 3, "age=old": 5, "": 8}
	got, _ = CompleteWeighted(order, order, given, w, 0.005)
	// sex=f: (50 + 300) / 4; sex=m: (40 + 80) / 4; age=young: (50 + 40) / 3;
	// age=old: (300 + 80) / 5; total: (50 + 300 + 40 + 80) / 8.
	if want := map[string]float64{"sex=f": 87.5, "sex=m": 30, "age=young": 30, "age=old": 76, "": 58.75}; !maps.Equal(got, want) {
		t.Errorf("cross-tab computed %v, want %v", got, want)
	}
}

// TestMissingCellsAreNoParts: a cell the publisher marks missing (NaN)
// is no part of a total, is not computed, and a missing total is not
// compared with its parts.
func TestMissingCellsAreNoParts(t *testing.T) {
	one := order[:1]
	if got, _ := Complete(order, one, map[string]float64{"sex=f": 3, "sex=m": math.NaN()}, 0.005); len(got) != 0 {
		t.Errorf("with a missing part computed %v, want nothing", got)
	}
	got, bad := Complete(order, one, map[string]float64{"sex=f": 3, "sex=m": 4, "": math.NaN()}, 0.005)
	if len(got) != 0 || len(bad) != 0 {
		t.Errorf("with the total missing computed %v, mismatches %+v; want neither", got, bad)
	}
}
