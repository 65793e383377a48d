package indicator

import (
	"minhbach/generator/dataset"
	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// Compare compares indicator indicatorID for unit unitCode in p with its
// value in base, which may be a period of another kind: a quarter against
// the whole previous year, as published reports do ("86.7%, 4 points above
// 2024"). Rates change in percentage points; levels and stocks (measures
// whose over_time is last) in percent. Flows over periods of different
// lengths are not comparable, and give a Change that is not OK, as does a
// missing value on either side.
func (r *Result) Compare(indicatorID, unitCode string, p, base period.Period) Change {
	ch := Change{From: base}
	i, ok := r.indicatorAt[indicatorID]
	if !ok {
		return ch
	}
	s := &r.specs[i]
	ch.Points = s.points
	if p.Kind != base.Kind && !s.points && r.measures[s.num].def.OverTime != dataset.Last {
		return ch
	}
	now, then := r.Value(indicatorID, unitCode, p), r.Value(indicatorID, unitCode, base)
	if !now.OK || !then.OK {
		return ch
	}
	if now.Status.Has(mark.Break) && period.Compare(base, p) < 0 {
		ch.Break = true // the series breaks at p: not comparable with before
		return ch
	}
	if s.points {
		ch.Delta = now.Value - then.Value
	} else {
		if then.Value == 0 {
			return ch
		}
		ch.Delta = 100 * (now.Value - then.Value) / then.Value
	}
	ch.OK, ch.Base = true, then.Value
	ch.Verdict = r.verdict(s.def.Direction, ch.Delta)
	return ch
}
