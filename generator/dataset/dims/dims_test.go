package dims

import (
	"maps"
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
