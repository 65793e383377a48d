package indicator

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// Periods returns the periods of kind k that have any data, in ascending order.
func (r *Result) Periods(k period.Kind) []period.Period {
	tl := r.timeline(k)
	if tl == nil {
		return nil
	}
	return slices.Clone(tl.published)
}

// Latest returns the latest period of kind k that has any data, or the zero
// Period when there is none.
func (r *Result) Latest(k period.Kind) period.Period {
	tl := r.timeline(k)
	if tl == nil || len(tl.published) == 0 {
		return period.Period{}
	}
	return tl.published[len(tl.published)-1]
}

// Finest returns the kind of period a site reports by: quarters when the
// data has any (months make quarters), otherwise years.
func (r *Result) Finest() period.Kind {
	if len(r.Periods(period.Quarter)) > 0 {
		return period.Quarter
	}
	return period.Year
}

// LatestOf returns the latest period in which indicator indicatorID has a
// value for unit unitCode: of the finest kind it has values of, months
// before quarters before years, so that an indicator reported only yearly
// has its own latest year beside quarterly ones, and a monthly one its
// latest month. It returns the zero Period when there is none.
func (r *Result) LatestOf(indicatorID, unitCode string) period.Period {
	for _, k := range []period.Kind{period.Month, period.Quarter, period.Year} {
		s := r.Series(indicatorID, unitCode, k)
		for i := len(s) - 1; i >= 0; i-- {
			if s[i].OK {
				return s[i].Period
			}
		}
	}
	return period.Period{}
}

// Value returns indicator indicatorID for unit unitCode in period p. Unknown
// indicators, units and periods give a Value that is not OK.
func (r *Result) Value(indicatorID, unitCode string, p period.Period) Value {
	v := Value{Indicator: indicatorID, Unit: unitCode, Period: p}
	i, okIndicator := r.indicatorAt[indicatorID]
	u, okUnit := r.unitAt[unitCode]
	tl, t, okPeriod := r.locate(p)
	if okIndicator && okUnit && okPeriod {
		r.fill(&v, i, u, tl, t)
	}
	return v
}

// Series returns indicator indicatorID for unit unitCode in every period of
// kind k that has any data (see Periods), in ascending order.
func (r *Result) Series(indicatorID, unitCode string, k period.Kind) []Value {
	tl := r.timeline(k)
	if tl == nil {
		return nil
	}
	out := make([]Value, 0, len(tl.published))
	for _, p := range tl.published {
		out = append(out, r.Value(indicatorID, unitCode, p))
	}
	return out
}

// Ranking returns indicator indicatorID for every territorial child of unit
// parentCode in period p, best first; children without data come last, in
// unit order. It returns nil when parentCode is not a unit. Children of a
// non-territorial level are ranked apart: see RankingOf.
func (r *Result) Ranking(indicatorID, parentCode string, p period.Period) []Value {
	return r.RankingOf(indicatorID, parentCode, "", p)
}

// Apart lists the non-territorial levels of the children of parentCode, in
// the order their first unit comes: each is ranked among itself.
func (r *Result) Apart(parentCode string) []dataset.UnitType {
	parent, ok := r.unitAt[parentCode]
	if !ok {
		return nil
	}
	var out []dataset.UnitType
	for _, c := range r.children[parent] {
		if g := r.rankGroup(c); g != "" && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out
}

// RankingOf is Ranking for the children of parentCode of the non-territorial
// level, or for its territorial children when level is "".
func (r *Result) RankingOf(indicatorID, parentCode string, level dataset.UnitType, p period.Period) []Value {
	parent, ok := r.unitAt[parentCode]
	if !ok {
		return nil
	}
	var out []Value
	for _, c := range r.children[parent] {
		if r.rankGroup(c) == level {
			out = append(out, r.Value(indicatorID, r.units[c].Code, p))
		}
	}
	slices.SortStableFunc(out, func(a, b Value) int {
		return cmp.Compare(rankKey(a), rankKey(b))
	})
	return out
}

// rankKey orders ranked values by rank, unranked ones last.
func rankKey(v Value) int {
	if v.Rank == 0 {
		return math.MaxInt
	}
	return v.Rank
}

// Leading returns up to n of the best-ranked children of parentCode for
// indicatorID in p, best first. Children without data are left out.
func (r *Result) Leading(indicatorID, parentCode string, p period.Period, n int) []Value {
	ranked := r.ranked(indicatorID, parentCode, p)
	return ranked[:min(n, len(ranked))]
}

// Lagging returns up to n of the worst-ranked children of parentCode for
// indicatorID in p, worst first. Children without data are left out.
func (r *Result) Lagging(indicatorID, parentCode string, p period.Period, n int) []Value {
	ranked := r.ranked(indicatorID, parentCode, p)
	slices.Reverse(ranked)
	return ranked[:min(n, len(ranked))]
}

// ranked returns the Ranking without the unranked children.
func (r *Result) ranked(indicatorID, parentCode string, p period.Period) []Value {
	all := r.Ranking(indicatorID, parentCode, p)
	n := 0
	for n < len(all) && all[n].Rank > 0 {
		n++
	}
	return all[:n]
}

// Scores returns unit unitCode's total in every score group of the catalogue
// for period p, in catalogue order. It returns nil for an unknown unit.
func (r *Result) Scores(unitCode string, p period.Period) []GroupScore {
	u, ok := r.unitAt[unitCode]
	if !ok {
		return nil
	}
	tl, t, okPeriod := r.locate(p)
	out := make([]GroupScore, len(r.groups))
	for g, grp := range r.groups {
		gs := GroupScore{Group: grp.ID, Full: grp.Points}
		for _, i := range r.groupSpecs[g] {
			sc := r.specs[i].def.Score
			gs.Max += sc.Points
			gs.Indicators++
			if !okPeriod {
				continue
			}
			if c := tl.at(i, u, t); tl.iflag[c]&present != 0 {
				gs.Points += score(sc, tl.ival[c])
				gs.Scored++
			}
		}
		out[g] = gs
	}
	return out
}

// score returns the points value v earns: min(v/threshold, 1) × points.
func score(sc *dataset.Score, v float64) float64 {
	return min(v/sc.Threshold, 1) * sc.Points
}

// Completeness returns how complete the data of period p are. A period
// without data gives a Completeness with only its Period set.
func (r *Result) Completeness(p period.Period) Completeness {
	tl, t, ok := r.locate(p)
	if !ok || tl.completeness[t].Period.IsZero() {
		return Completeness{Period: p}
	}
	c := tl.completeness[t]
	c.Measures = slices.Clone(c.Measures)
	c.Silent = slices.Clone(c.Silent)
	return c
}

// Warnings returns the disagreements between reported values and roll-ups,
// ordered by unit (as in units.csv), measure (as in the catalogue) and period.
func (r *Result) Warnings() []Warning {
	return slices.Clone(r.warnings)
}

// timeline returns the timeline of kind k, or nil for an invalid kind.
func (r *Result) timeline(k period.Kind) *timeline {
	if k < period.Year || k > period.Month {
		return nil
	}
	return r.timelines[k]
}

// locate finds the timeline and index of period p.
func (r *Result) locate(p period.Period) (*timeline, int, bool) {
	if !valid(p) {
		return nil, 0, false
	}
	tl := r.timelines[p.Kind]
	t := ordinal(p) - tl.start
	if t < 0 || t >= tl.n {
		return nil, 0, false
	}
	return tl, t, true
}

// fill completes v with indicator i for unit u at t of tl.
func (r *Result) fill(v *Value, i, u int, tl *timeline, t int) {
	s := &r.specs[i]
	if c := tl.at(s.num, u, t); tl.mflag[c]&present != 0 {
		v.Numerator = tl.mval[c]
	}
	if s.rate {
		if c := tl.at(s.den, u, t); tl.mflag[c]&present != 0 {
			v.Denominator = tl.mval[c]
		}
	}

	c := tl.at(i, u, t)
	f := tl.iflag[c]
	if tl.istat != nil {
		v.Status = tl.istat[c]
	}
	r.details(v, s, tl, u, t)
	if f&present == 0 {
		return
	}
	v.OK, v.Value = true, tl.ival[c]
	v.Partial, v.Reported, v.Reconstructed = f&partial != 0, f&own != 0, f&rebuilt != 0
	v.Prev = r.change(s, tl, i, u, t, t-1)
	v.YearAgo = r.change(s, tl, i, u, t, t-perYear(tl.kind))
	v.Rank, v.RankOf = int(tl.rank[c]), int(tl.of[c])
	v.BySize = v.Rank > 0 && s.def.Direction == dataset.Neutral
	if p := r.parent[u]; p >= 0 {
		if pc := tl.at(i, p, t); tl.iflag[pc]&present != 0 {
			v.VsParent = cmp.Compare(v.Value, tl.ival[pc])
		}
	}
	if s.def.Target != nil {
		v.Target = r.target(s, tl, i, u, t)
	}
	if sc := s.def.Score; sc != nil {
		points := score(sc, v.Value)
		v.Score = &points
	}
}

// change compares indicator i for unit u at t with its value at base. A rate
// changes by the difference in percentage points, a count or level by the
// relative difference in percent (no data when the base is zero).
func (r *Result) change(s *spec, tl *timeline, i, u, t, base int) Change {
	ch := Change{From: tl.period(base), Points: s.points}
	if base < 0 || base >= tl.n {
		return ch
	}
	if tl.breaks(i, u, base, t) {
		ch.Break = true
		return ch
	}
	bc, c := tl.at(i, u, base), tl.at(i, u, t)
	then, f := tl.ival[bc], tl.iflag[bc]
	// A value on the unit's later boundaries is compared with the base
	// rebuilt on them; one on its earlier boundaries, with its own.
	if tl.xiflag != nil && tl.xiflag[bc]&present != 0 && (tl.xiflag[c]&present == 0 || tl.iflag[c]&rebuilt != 0) {
		then, f = tl.xival[bc], tl.xiflag[bc]
	}
	if f&present == 0 {
		return ch
	}
	ch.Reconstructed = f&rebuilt != 0
	now := tl.ival[c]
	if s.points {
		ch.Delta = now - then
	} else {
		if then == 0 {
			return ch
		}
		ch.Delta = 100 * (now - then) / then
	}
	ch.OK, ch.Base = true, then
	ch.Verdict = r.verdict(s.def.Direction, ch.Delta)
	return ch
}

// verdict judges a change of delta in direction dir.
func (r *Result) verdict(dir dataset.Direction, delta float64) Verdict {
	switch {
	case dir == dataset.Neutral:
		return Neutral
	case math.Abs(delta) < r.cfg.sameWithin:
		return Same
	case (delta > 0) == (dir == dataset.HigherIsBetter):
		return Better
	}
	return Worse
}

// target measures indicator i for unit u at t against its target. An
// indicator with no direction is taken as higher-is-better here.
//
// A target not yet met is on track when the straight line through the
// year-ago value (or, without one, the earliest value there is) and this
// value reaches the target by the deadline, taken as the last period of
// this kind that ends within the deadline period.
func (r *Result) target(s *spec, tl *timeline, i, u, t int) *TargetStatus {
	goal := s.def.Target.Value
	now := tl.ival[tl.at(i, u, t)]
	sign := 1.0
	if s.def.Direction == dataset.LowerIsBetter {
		sign = -1
	}
	ts := &TargetStatus{Target: goal, Deadline: s.deadline, Gap: sign * (goal - now), Status: Behind}
	if ts.Gap <= 0 {
		ts.Status = Achieved
		return ts
	}

	deadline := monthIn(tl.kind, endMonth(s.deadline)) - tl.start
	if t >= deadline {
		return ts
	}
	base := t - perYear(tl.kind)
	if base < 0 || tl.iflag[tl.at(i, u, base)]&present == 0 {
		base = int(tl.first[i*tl.units+u])
	}
	if base < 0 || base >= t {
		return ts
	}
	slope := (now - tl.ival[tl.at(i, u, base)]) / float64(t-base)
	projected := now + slope*float64(deadline-t)
	if sign*(goal-projected) <= 0 {
		ts.Status = OnTrack
	}
	return ts
}

// breaks reports whether the series of indicator i for unit u breaks
// after base, up to t: a value in (base, t] has status B.
func (tl *timeline) breaks(i, u, base, t int) bool {
	if tl.istat == nil {
		return false
	}
	for k := max(base+1, 0); k <= t && k < tl.n; k++ {
		if tl.istat[tl.at(i, u, k)].Has(mark.Break) {
			return true
		}
	}
	return false
}

// details fills in the note, interval and sample size of v from the
// observations it rests on: its measure's (for a rate, a note of either
// measure); a value rolled up or derived over time has none.
func (r *Result) details(v *Value, s *spec, tl *timeline, u, t int) {
	if tl.detail == nil {
		return
	}
	d := tl.detail[tl.at(s.num, u, t)]
	if d != nil && !s.rate {
		if d.HasBounds {
			v.Interval = &mark.Interval{Lower: d.Lower, Upper: d.Upper}
		}
		if d.HasN {
			v.N = d.N
		}
	}
	if d != nil {
		v.Note = d.Note
	}
	if s.rate {
		if dd := tl.detail[tl.at(s.den, u, t)]; dd != nil && dd.Note != "" && dd.Note != v.Note {
			v.Note = strings.TrimPrefix(v.Note+" "+dd.Note, " ")
		}
	}
}
