package chart

import "math"

// Tick counts a value axis aims for, gridlines included.
const (
	minTicks = 4
	maxTicks = 6
)

// niceTicks returns 4 to 6 evenly spaced round numbers (steps of 1, 2, 2.5
// or 5 times a power of ten) whose first is <= lo and last is >= hi, so
// they serve as the gridlines and bounds of a value axis.
//
// Among the candidates it picks the tightest fit, then the fewest ticks.
// Steps finer than the labels can show (10^-decimals, or 2.5×10^-decimals)
// are never used, so tick labels formatted with decimals stay exact.
// ceiling caps the last tick (100 for percentages that cannot exceed it;
// +Inf for none) when the data allow it.
func niceTicks(lo, hi float64, decimals int, ceiling float64) []float64 {
	if lo > hi {
		lo, hi = hi, lo
	}
	if lo == hi {
		// A single value: give it room on both sides.
		pad := math.Abs(lo) / 10
		if pad == 0 {
			pad = 1
		}
		if lo == 0 {
			lo, hi = 0, 1
		} else {
			lo, hi = lo-pad, hi+pad
		}
	}
	if hi > ceiling && lo < ceiling {
		hi = ceiling
	}

	best := tickRun{}
	found := false
	magnitude := int(math.Floor(math.Log10(hi - lo)))
	for exp := magnitude - 2; exp <= magnitude+1; exp++ {
		for _, s := range []tickStep{{1, exp}, {2, exp}, {25, exp - 1}, {5, exp}} {
			if s.exp < -decimals {
				continue
			}
			run := s.cover(lo, hi)
			n := run.count()
			if n < minTicks || n > maxTicks || run.last() > ceiling {
				continue
			}
			if !found || run.span() < best.span() || (run.span() == best.span() && n < best.count()) {
				best, found = run, true
			}
		}
	}
	if !found {
		// The range is too narrow for 4 ticks at the finest step the
		// labels can show: widen it, upwards unless that passes the ceiling.
		best = tickStep{1, -decimals}.cover(lo, hi)
		for best.count() < minTicks {
			if best.step.value(best.to+1) <= ceiling {
				best.to++
			} else {
				best.from--
			}
		}
	}
	return best.values()
}

// tickStep is a tick interval m × 10^exp, kept as integers so that tick
// values are computed without accumulating floating-point error.
type tickStep struct {
	m   int64
	exp int
}

// value is the k-th multiple of the step, as exactly as float64 allows.
func (s tickStep) value(k int64) float64 {
	if s.exp >= 0 {
		return float64(k*s.m) * math.Pow10(s.exp)
	}
	return float64(k*s.m) / math.Pow10(-s.exp)
}

// cover returns the multiples of the step from just below lo to just above
// hi. The tolerance keeps 0.6/0.2 = 2.9999999999999996 from adding a tick.
func (s tickStep) cover(lo, hi float64) tickRun {
	size := s.value(1)
	const tolerance = 1e-9
	return tickRun{
		step: s,
		from: int64(math.Floor(lo/size + tolerance)),
		to:   int64(math.Ceil(hi/size - tolerance)),
	}
}

// tickRun is the ticks from..to (inclusive) multiples of step.
type tickRun struct {
	step     tickStep
	from, to int64
}

func (r tickRun) count() int    { return int(r.to-r.from) + 1 }
func (r tickRun) last() float64 { return r.step.value(r.to) }
func (r tickRun) span() float64 { return r.step.value(r.to - r.from) }
func (r tickRun) values() []float64 {
	ticks := make([]float64, 0, r.count())
	for k := r.from; k <= r.to; k++ {
		ticks = append(ticks, r.step.value(k))
	}
	return ticks
}
