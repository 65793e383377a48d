package sample

import (
	"slices"
	"testing"

	"minhbach/generator/period"
)

func TestApportionLargestRemainder(t *testing.T) {
	// Exact shares 3.33…, 3.33…, 3.33…: the leftover unit goes to the first.
	got, err := apportion(10, []float64{1, 1, 1}, nil)
	if err != nil || !slices.Equal(got, []int{4, 3, 3}) {
		t.Errorf("apportion(10, 1:1:1) = %v, %v; want [4 3 3]", got, err)
	}
	// Exact shares 1.5, 2.7, 5.8: floors 1 2 5, leftover 2 to .8 and .7.
	got, err = apportion(10, []float64{15, 27, 58}, nil)
	if err != nil || !slices.Equal(got, []int{1, 3, 6}) {
		t.Errorf("apportion(10, 15:27:58) = %v, %v; want [1 3 6]", got, err)
	}
	// A cap sends the rest elsewhere.
	got, err = apportion(10, []float64{1, 1}, []int{2, 100})
	if err != nil || !slices.Equal(got, []int{2, 8}) {
		t.Errorf("apportion(10, 1:1, caps 2,100) = %v, %v; want [2 8]", got, err)
	}
	if _, err := apportion(10, []float64{1, 1}, []int{2, 3}); err == nil {
		t.Error("apportion beyond the caps did not fail")
	}
}

func TestFitRatesKeepsOrderAndTotal(t *testing.T) {
	den := []int{100, 200, 50, 10}
	got, err := fitRates(300, den, []float64{0.9, 0.8, 0.5, 0.99})
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for i, n := range got {
		sum += n
		if n > den[i] {
			t.Errorf("unit %d: %d above its denominator %d", i, n, den[i])
		}
	}
	if sum != 300 {
		t.Errorf("numerators sum to %d, want 300", sum)
	}
	if !(got[0]*200 > got[1]*100 && got[1]*50 > got[2]*200) {
		t.Errorf("rates lost their order: %v over %v", got, den)
	}
	if _, err := fitRates(361, den, []float64{1, 1, 1, 1}); err == nil {
		t.Error("a total above the denominators did not fail")
	}
}

func TestCurve(t *testing.T) {
	c := Curve{{period.Q(2024, 1), 50}, {period.Q(2025, 1), 70}}
	for q, want := range map[period.Period]float64{
		period.Q(2023, 3): 50, period.Q(2024, 1): 50, period.Q(2024, 3): 60, period.Q(2025, 1): 70, period.Q(2026, 2): 70,
	} {
		if got := c.At(q); got != want {
			t.Errorf("At(%v) = %v, want %v", q, got, want)
		}
	}
}
