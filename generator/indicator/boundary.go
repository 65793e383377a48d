package indicator

import (
	"fmt"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// Boundary changes. A unit that ended names its successor (units.csv
// successor); the successor's values for the periods in which a predecessor
// still existed are rebuilt on the successor's boundaries: the successor's
// own value, when it existed then, plus its predecessors' (themselves
// rebuilt from theirs). Counts and amounts that add up across units are
// summed, so a rate is Σ numerator / Σ denominator; a weighted mean is
// weighted by its weight measure; a measure that does not combine across
// units (across_units = "none") is not rebuilt. A value is rebuilt only when
// every part of it is there.
//
// Where the successor did not exist (before its valid_from), or existed
// only on other boundaries for part of the period (a year across the
// merger), the rebuilt value is its value, marked Reconstructed. Where it
// existed throughout on its old boundaries (a province that took in
// another), its value stays as reported, and the rebuilt one is what a later
// period is compared with (Change.Reconstructed) and what Merged returns.

// indexLineage links each successor to its predecessors and refuses a chain
// of successors that comes back to itself.
func (r *Result) indexLineage() error {
	r.preds = make([][]int, len(r.units))
	for u := range r.units {
		s := r.units[u].Successor
		if s == "" {
			continue
		}
		su, ok := r.unitAt[s]
		if !ok {
			return fmt.Errorf("indicator: unit %q: successor %q is not a unit", r.units[u].Code, s)
		}
		r.preds[su] = append(r.preds[su], u)
		r.lineage = true
	}
	for u := range r.units {
		at := u
		for steps := 0; r.units[at].Successor != ""; steps++ {
			if steps > len(r.units) {
				return fmt.Errorf("indicator: unit %q: its successors come back to it", r.units[u].Code)
			}
			at = r.unitAt[r.units[at].Successor]
		}
	}
	return nil
}

// reconstruct rebuilds the successors' measures of tl from their
// predecessors, predecessors first, into the merged grid (xval), and makes
// the rebuilt value the successor's own where it had none on its boundaries.
// It runs once every timeline is combined, so that nothing rebuilt is summed
// into a parent or over time.
func (r *Result) reconstruct(tl *timeline) {
	if tl.n == 0 || !r.lineage {
		return
	}
	size := len(r.measures) * len(r.units) * tl.n
	tl.xval, tl.xflag = make([]float64, size), make([]uint8, size)
	done := make([]bool, len(r.units))
	var visit func(u int)
	visit = func(u int) {
		if done[u] {
			return
		}
		done[u] = true
		for _, q := range r.preds[u] {
			visit(q)
		}
		for t := range tl.n {
			r.merge(tl, u, t)
		}
	}
	for u := range r.units {
		if len(r.preds[u]) > 0 {
			visit(u)
		}
	}
}

// merge rebuilds every measure of successor s at t (see reconstruct).
func (r *Result) merge(tl *timeline, s, t int) {
	p := tl.period(t)
	var parts []int
	straddle := false
	for _, q := range r.preds[s] {
		if r.units[q].Overlaps(p) {
			parts = append(parts, q)
			straddle = straddle || !r.units[q].Covers(p)
		}
	}
	self := r.units[s].Overlaps(p)
	if len(parts) == 0 {
		return
	}
	if self {
		parts = append(parts, s)
	}
	// a predecessor's merged value, where it has one, or a unit's own
	valueOf := func(m, u int) (float64, uint8) {
		c := tl.at(m, u, t)
		if u != s && tl.xflag[c]&present != 0 {
			return tl.xval[c], tl.xflag[c]
		}
		return tl.mval[c], tl.mflag[c]
	}
	for m := range r.measures {
		c := tl.at(m, s, t)
		ms := &r.measures[m]
		if ms.def.AcrossUnits == dataset.None || !self && tl.mflag[c]&present != 0 {
			// Not combined across units, or already on the successor's
			// boundaries (rolled up from its children).
			continue
		}
		var sum, weight float64
		flag := present | rebuilt
		for _, u := range parts {
			v, f := valueOf(m, u)
			if f&present == 0 {
				flag = 0
				break
			}
			flag |= f & partial
			if ms.def.AcrossUnits == dataset.WeightedMean {
				w, wf := valueOf(ms.weight, u)
				if wf&present == 0 {
					flag = 0
					break
				}
				v, weight = v*w, weight+w
			}
			sum += v
		}
		if flag == 0 || ms.def.AcrossUnits == dataset.WeightedMean && weight == 0 {
			continue
		}
		if ms.def.AcrossUnits == dataset.WeightedMean {
			sum /= weight
		}
		tl.xval[c], tl.xflag[c] = sum, flag
	}
	// The rebuilt value is the successor's where it had none, or where its
	// own mixes two territories (a period across the merger). Only now, so
	// that a weight above was the successor's own.
	if self && !straddle {
		return
	}
	for m := range r.measures {
		if c := tl.at(m, s, t); tl.xflag[c]&present != 0 {
			tl.mval[c], tl.mflag[c] = tl.xval[c], tl.xflag[c]|tl.mflag[c]&(own|reported)
		}
	}
}

// Merged returns indicator indicatorID for unit unitCode in period p on the
// unit's later boundaries, where its value in p is on earlier ones: a
// province that took in another, before the merger. The Value is not OK
// elsewhere; it carries no comparisons.
func (r *Result) Merged(indicatorID, unitCode string, p period.Period) Value {
	v := Value{Indicator: indicatorID, Unit: unitCode, Period: p}
	i, okIndicator := r.indicatorAt[indicatorID]
	u, okUnit := r.unitAt[unitCode]
	tl, t, okPeriod := r.locate(p)
	if !okIndicator || !okUnit || !okPeriod || tl.xiflag == nil {
		return v
	}
	c := tl.at(i, u, t)
	if tl.xiflag[c]&present == 0 || tl.iflag[c]&rebuilt != 0 {
		return v
	}
	v.OK, v.Value, v.Reconstructed, v.Partial = true, tl.xival[c], true, tl.xiflag[c]&partial != 0
	s := &r.specs[i]
	v.Numerator = tl.xval[tl.at(s.num, u, t)]
	if s.rate {
		v.Denominator = tl.xval[tl.at(s.den, u, t)]
	}
	return v
}
