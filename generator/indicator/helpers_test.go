package indicator

import (
	"math"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// province returns a province "p" and, under it, one commune per code.
func province(codes ...string) []dataset.Unit {
	units := []dataset.Unit{{Code: "p", Name: "P", Type: dataset.Province}}
	for _, c := range codes {
		units = append(units, dataset.Unit{Code: c, Name: c, Type: dataset.Commune, Parent: "p"})
	}
	return units
}

// flow is a count that adds up over time and across units (documents).
func flow(id string) dataset.Measure {
	return dataset.Measure{ID: id, Kind: dataset.Count, OverTime: dataset.Sum, AcrossUnits: dataset.Sum}
}

// stock is a count that takes the latest value over time and adds up across units (accounts).
func stock(id string) dataset.Measure {
	return dataset.Measure{ID: id, Kind: dataset.Count, OverTime: dataset.Last, AcrossUnits: dataset.Sum}
}

// ownLevel is an amount that only the unit itself reports (no roll-up).
func ownLevel(id string) dataset.Measure {
	return dataset.Measure{ID: id, Kind: dataset.Amount, OverTime: dataset.Last, AcrossUnits: dataset.None}
}

func rateOf(id, num, den string, dir dataset.Direction) dataset.Indicator {
	return dataset.Indicator{ID: id, Type: dataset.Rate, Numerator: num, Denominator: den, Direction: dir}
}

func countOf(id, m string, dir dataset.Direction) dataset.Indicator {
	return dataset.Indicator{ID: id, Type: dataset.CountIndicator, Measure: m, Direction: dir}
}

func levelOf(id, m string, dir dataset.Direction) dataset.Indicator {
	return dataset.Indicator{ID: id, Type: dataset.Level, Measure: m, Direction: dir}
}

// per parses a period, panicking on a typo in a test.
func per(s string) period.Period {
	p, err := period.Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// ob is an observation of measure m for unit u in period p.
func ob(m, u, p string, v float64) dataset.Observation {
	return dataset.Observation{Period: per(p), Unit: u, Measure: m, Value: v}
}

func mustCompute(tb testing.TB, d *dataset.Dataset, opts ...Option) *Result {
	tb.Helper()
	r, err := Compute(d, opts...)
	if err != nil {
		tb.Fatalf("Compute: %v", err)
	}
	return r
}

// near reports whether a and b agree to within rounding.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*max(1, math.Abs(a), math.Abs(b))
}
