package mark

import (
	"slices"
	"testing"
)

// TestCodes reads every SDMX code and writes a set of them back in order.
func TestCodes(t *testing.T) {
	var s Status
	for _, code := range []string{"P", "B", "A", "", "E"} {
		c, err := Parse(code)
		if err != nil {
			t.Fatalf("Parse(%q): %v", code, err)
		}
		s |= c
	}
	if got := s.Codes(); got != "B E P" {
		t.Errorf("Codes = %q, want %q", got, "B E P")
	}
	if _, err := Parse("estimated"); err == nil {
		t.Error(`Parse("estimated"): no error`)
	}
	if (Missing|Estimated).Carried() != Estimated || !s.Has(Break) || s.Has(Forecast) {
		t.Error("Carried or Has wrong")
	}
	var marks []string
	s.Each(func(_ Status, mark, _ string) { marks = append(marks, mark) })
	if !slices.Equal(marks, []string{"b", "e", "p"}) {
		t.Errorf("marks %v", marks)
	}
}

// TestFootnotesNumberedPerPage numbers a page's notes from 1 in the order
// they are met, the same note keeping its number; another page starts at 1.
func TestFootnotesNumberedPerPage(t *testing.T) {
	var page Footnotes
	got := []int{page.Add("b"), page.Add("a"), page.Add(""), page.Add("b"), page.Add("c")}
	if !slices.Equal(got, []int{1, 2, 0, 1, 3}) || !slices.Equal(page.List(), []string{"b", "a", "c"}) {
		t.Errorf("numbers %v, list %v", got, page.List())
	}
	var next Footnotes
	if next.Add("c") != 1 {
		t.Error("a new page does not start at 1")
	}
}

// TestOverlapping counts the ranked figures whose interval overlaps a
// neighbour's: 80–86 and 79–84 overlap, 70–75 stands apart, none has none.
func TestOverlapping(t *testing.T) {
	ranked := []*Interval{{80, 86}, {79, 84}, {70, 75}, nil, {60, 74}}
	if n := Overlapping(ranked); n != 2 {
		t.Errorf("Overlapping = %d, want 2", n)
	}
	if n := Overlapping([]*Interval{{80, 86}, {70, 79.9}}); n != 0 {
		t.Errorf("separate intervals: Overlapping = %d, want 0", n)
	}
}
