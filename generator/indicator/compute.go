package indicator

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"minhbach/generator/dataset"
	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// Result holds every computed indicator. It is read-only once Compute returns,
// so it may be used from many goroutines.
//
// Values live in dense grids, one timeline per period kind. A grid row is a
// measure (or an indicator), then a unit, then a period of the timeline:
// cell (row, unit, t) is at (row×units + unit)×periods + t, so a unit's series
// is contiguous. Beside each value grid, a grid of flags says whether the
// cell holds a value and how it came about.
type Result struct {
	cfg config

	units    []dataset.Unit
	unitAt   map[string]int
	parent   []int   // each unit's parent, −1 for the top unit
	children [][]int // each unit's children, in unit order
	slot     []int   // dense number of each unit that has children, −1 otherwise
	parents  int     // how many units have children
	// territorial says whether each unit's level divides the territory; a
	// unit of a non-territorial level (a department) is ranked among its
	// own level and never summed into its parent.
	territorial []bool
	// local says whether each unit is territorial and has no territorial
	// children: the units expected to report a measure that names no levels.
	local []bool
	// preds lists each unit's predecessors (the units whose successor it
	// is); lineage says whether any unit has one.
	preds   [][]int
	lineage bool

	measures  []measure
	measureAt map[string]int

	specs       []spec
	indicatorAt map[string]int
	groups      []dataset.ScoreGroup
	groupSpecs  [][]int // the scored indicators of each group

	// timelines is indexed by period.Kind; element 0 is unused.
	timelines [period.Month + 1]*timeline
	warnings  []Warning
}

// measure is a catalogue measure resolved against the units and other measures.
type measure struct {
	def *dataset.Measure
	// weight is the measure that weights a weighted mean, −1 otherwise.
	weight int
	// expected lists the units expected to report the measure (see Completeness).
	expected []int
}

// spec is a catalogue indicator resolved against the measures and score groups.
type spec struct {
	def  *dataset.Indicator
	rate bool
	// points: changes are differences in points, not relative: a rate,
	// or a published percentage or ratio.
	points   bool
	num, den int           // measures; den is −1 for a count or level
	deadline period.Period // the target's deadline, zero without a target
	group    int           // score group, −1 when not scored
}

// Flags of a grid cell.
const (
	// present: the cell holds a value. In an indicator grid: the value is OK.
	present uint8 = 1 << iota
	// reported: the value was observed for this unit and period.
	reported
	// own: the value rests only on the unit's own observations, not on a
	// roll-up of its children.
	own
	// partial: the value was derived from fewer parts than its period has.
	partial
	// rebuilt: the value was reconstructed from the unit's predecessors
	// (see reconstruct).
	rebuilt
)

// timeline holds the grids of one period kind, for the periods from the
// earliest to the latest that any observation speaks of.
type timeline struct {
	kind  period.Kind
	start int // ordinal of the first period
	n     int // how many periods
	units int

	mval  []float64 // [measure][unit][t]
	mflag []uint8
	ival  []float64 // [indicator][unit][t]
	iflag []uint8
	rank  []int32 // [indicator][unit][t], 0 when unranked
	of    []int32 // how many siblings were ranked
	first []int32 // [indicator][unit]: the first t with data, −1 when none
	// xval and xival hold the successors' measures and indicators rebuilt
	// on their boundaries (see reconstruct); nil when no unit has a successor.
	xval, xival   []float64
	xflag, xiflag []uint8

	published    []period.Period // periods with any data, ascending
	completeness []Completeness  // [t]

	// mstat and istat hold the statuses (mark.Status) of the measure and
	// indicator cells; nil when no observation has one.
	mstat, istat []mark.Status
	// detail holds the notes and intervals of observed measure cells, by
	// cell; nil when none has any.
	detail map[int]*mark.Detail
}

func newTimeline(k period.Kind, start, n, units, measures, indicators int) *timeline {
	return &timeline{
		kind: k, start: start, n: n, units: units,
		mval:  make([]float64, measures*units*n),
		mflag: make([]uint8, measures*units*n),
		ival:  make([]float64, indicators*units*n),
		iflag: make([]uint8, indicators*units*n),
		rank:  make([]int32, indicators*units*n),
		of:    make([]int32, indicators*units*n),
		first: make([]int32, indicators*units),

		completeness: make([]Completeness, n),
	}
}

// at returns the index of cell (row, unit, t), row being a measure or an indicator.
func (tl *timeline) at(row, unit, t int) int { return (row*tl.units+unit)*tl.n + t }

// period returns the period at t, which may lie outside the timeline.
func (tl *timeline) period(t int) period.Period { return fromOrdinal(tl.kind, tl.start+t) }

// Compute computes every indicator of d's catalogue for every unit and period.
// It returns an error when the dataset contradicts itself (an observation of
// an unknown unit, an indicator of an unknown measure, a malformed deadline);
// disagreements in the data are Warnings in the Result.
//
// The Result keeps copies of d's units and catalogue, not d itself.
func Compute(d *dataset.Dataset, opts ...Option) (*Result, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	if !(cfg.tolerance >= 0) {
		return nil, fmt.Errorf("indicator: tolerance %g: must be zero or more", cfg.tolerance)
	}
	if !(cfg.sameWithin >= 0) {
		return nil, fmt.Errorf("indicator: same-within threshold %g: must be zero or more", cfg.sameWithin)
	}

	r := &Result{cfg: cfg}
	if err := r.indexUnits(d.Units, &d.Catalogue); err != nil {
		return nil, err
	}
	if err := r.indexLineage(); err != nil {
		return nil, err
	}
	if err := r.indexMeasures(d.Catalogue.Measures); err != nil {
		return nil, err
	}
	if err := r.indexIndicators(&d.Catalogue); err != nil {
		return nil, err
	}
	if err := r.place(d.Observations); err != nil {
		return nil, err
	}

	// Finer kinds first: quarters are derived from months, years from quarters.
	var finer *timeline
	for _, k := range []period.Kind{period.Month, period.Quarter, period.Year} {
		r.combine(r.timelines[k], finer)
		finer = r.timelines[k]
	}
	for _, tl := range r.timelines[period.Year:] {
		r.reconstruct(tl)
		r.evaluate(tl)
		r.rank(tl)
		r.survey(tl)
	}

	slices.SortStableFunc(r.warnings, func(a, b Warning) int {
		return cmp.Or(
			cmp.Compare(r.unitAt[a.Unit], r.unitAt[b.Unit]),
			cmp.Compare(r.measureAt[a.Measure], r.measureAt[b.Measure]),
			period.Compare(a.Period, b.Period),
		)
	})
	return r, nil
}

// indexUnits numbers the units and links each to its parent and children.
// Parents must come before their children, as in units.csv; visiting units
// from last to first then meets children before their parent.
func (r *Result) indexUnits(units []dataset.Unit, cat *dataset.Catalogue) error {
	r.units = slices.Clone(units)
	r.territorial = make([]bool, len(units))
	r.local = make([]bool, len(units))
	r.unitAt = make(map[string]int, len(units))
	r.parent = make([]int, len(units))
	r.children = make([][]int, len(units))
	r.slot = make([]int, len(units))
	for u, unit := range r.units {
		r.parent[u], r.slot[u] = -1, -1
		if _, dup := r.unitAt[unit.Code]; dup {
			return fmt.Errorf("indicator: unit %q is listed twice", unit.Code)
		}
		if unit.Parent != "" {
			p, ok := r.unitAt[unit.Parent]
			if !ok {
				return fmt.Errorf("indicator: unit %q: parent %q is not listed before it", unit.Code, unit.Parent)
			}
			r.parent[u] = p
			r.children[p] = append(r.children[p], u)
		}
		r.unitAt[unit.Code] = u
		r.territorial[u] = cat.Territorial(unit.Type)
		r.local[u] = r.territorial[u]
	}
	for u := range r.units {
		if p := r.parent[u]; p >= 0 && r.territorial[u] {
			r.local[p] = false
		}
		if len(r.children[u]) > 0 {
			r.slot[u] = r.parents
			r.parents++
		}
	}
	return nil
}

// indexMeasures numbers the measures and checks how they combine.
func (r *Result) indexMeasures(defs []dataset.Measure) error {
	defs = slices.Clone(defs)
	r.measures = make([]measure, len(defs))
	r.measureAt = make(map[string]int, len(defs))
	for m := range defs {
		if _, dup := r.measureAt[defs[m].ID]; dup {
			return fmt.Errorf("indicator: measure %q is listed twice", defs[m].ID)
		}
		r.measureAt[defs[m].ID] = m
		r.measures[m] = measure{def: &defs[m], weight: -1}
	}
	for m := range r.measures {
		ms := &r.measures[m]
		def := ms.def
		switch def.OverTime {
		case dataset.Sum, dataset.Last, dataset.None:
		default:
			return fmt.Errorf("indicator: measure %q: over_time %q: want %q, %q or %q",
				def.ID, def.OverTime, dataset.Sum, dataset.Last, dataset.None)
		}
		switch def.AcrossUnits {
		case dataset.Sum, dataset.None:
		case dataset.WeightedMean:
			w, ok := r.measureAt[def.Weight]
			if !ok || w == m {
				return fmt.Errorf("indicator: measure %q: weight %q is not another measure", def.ID, def.Weight)
			}
			ms.weight = w
		default:
			return fmt.Errorf("indicator: measure %q: across_units %q: want %q, %q or %q",
				def.ID, def.AcrossUnits, dataset.Sum, dataset.WeightedMean, dataset.None)
		}
		for u := range r.units {
			if r.expects(def, u) {
				ms.expected = append(ms.expected, u)
			}
		}
	}
	return nil
}

// expects reports whether unit u is expected to report measure m: the
// territorial units at the bottom of the territory (communes, wards and
// special zones under the default levels) when m names no levels,
// otherwise the units of the levels it names.
func (r *Result) expects(m *dataset.Measure, u int) bool {
	if len(m.AppliesTo) == 0 {
		return r.local[u]
	}
	return m.AppliesToType(r.units[u].Type)
}

// indexIndicators resolves the indicators and score groups of c.
func (r *Result) indexIndicators(c *dataset.Catalogue) error {
	r.groups = slices.Clone(c.ScoreGroups)
	groupAt := make(map[string]int, len(r.groups))
	for g, grp := range r.groups {
		if _, dup := groupAt[grp.ID]; dup {
			return fmt.Errorf("indicator: score group %q is listed twice", grp.ID)
		}
		groupAt[grp.ID] = g
	}
	r.groupSpecs = make([][]int, len(r.groups))

	defs := slices.Clone(c.Indicators)
	r.specs = make([]spec, len(defs))
	r.indicatorAt = make(map[string]int, len(defs))
	for i := range defs {
		def := &defs[i]
		if _, dup := r.indicatorAt[def.ID]; dup {
			return fmt.Errorf("indicator: indicator %q is listed twice", def.ID)
		}
		s, err := r.resolve(def, groupAt)
		if err != nil {
			return fmt.Errorf("indicator: indicator %q: %w", def.ID, err)
		}
		r.indicatorAt[def.ID] = i
		r.specs[i] = s
		if s.group >= 0 {
			r.groupSpecs[s.group] = append(r.groupSpecs[s.group], i)
		}
	}
	return nil
}

// resolve checks one indicator and looks up what it refers to.
func (r *Result) resolve(def *dataset.Indicator, groupAt map[string]int) (spec, error) {
	s := spec{def: def, den: -1, group: -1}
	lookup := func(role, id string) (int, error) {
		m, ok := r.measureAt[id]
		if !ok {
			return 0, fmt.Errorf("%s %q is not a measure", role, id)
		}
		return m, nil
	}
	var err error
	switch def.Type {
	case dataset.Rate:
		s.points = true
		if def.Measure != "" {
			// A rate as published: the value of its one measure.
			if s.num, err = lookup("measure", def.Measure); err != nil {
				return s, err
			}
			break
		}
		s.rate = true
		if s.num, err = lookup("numerator", def.Numerator); err != nil {
			return s, err
		}
		if s.den, err = lookup("denominator", def.Denominator); err != nil {
			return s, err
		}
	case dataset.CountIndicator, dataset.Level:
		if s.num, err = lookup("measure", def.Measure); err != nil {
			return s, err
		}
	default:
		return s, fmt.Errorf("type %q: want %q, %q or %q", def.Type, dataset.Rate, dataset.CountIndicator, dataset.Level)
	}

	switch def.Direction {
	case dataset.HigherIsBetter, dataset.LowerIsBetter, dataset.Neutral:
	default:
		return s, fmt.Errorf("direction %q: want %q, %q or %q",
			def.Direction, dataset.HigherIsBetter, dataset.LowerIsBetter, dataset.Neutral)
	}

	if def.Target != nil {
		if s.deadline, err = period.Parse(def.Target.Deadline); err != nil {
			return s, fmt.Errorf("target deadline: %w", err)
		}
	}

	if sc := def.Score; sc != nil {
		g, ok := groupAt[sc.Group]
		if !ok {
			return s, fmt.Errorf("score group %q is not in score_groups", sc.Group)
		}
		if !(sc.Threshold > 0) || !(sc.Points >= 0) {
			return s, fmt.Errorf("score: threshold %g and points %g: want a threshold above zero and points of zero or more",
				sc.Threshold, sc.Points)
		}
		s.group = g
	}
	return s, nil
}

// place builds the timelines, each spanning the periods of its kind that the
// observations speak of, and puts every observation in its cell.
func (r *Result) place(obs []dataset.Observation) error {
	type span struct {
		lo, hi int
		seen   bool
	}
	var spans [period.Month + 1]span
	widen := func(p period.Period) {
		s, o := &spans[p.Kind], ordinal(p)
		if !s.seen || o < s.lo {
			s.lo = o
		}
		if !s.seen || o > s.hi {
			s.hi = o
		}
		s.seen = true
	}
	for i := range obs {
		p := obs[i].Period
		if !valid(p) {
			return fmt.Errorf("indicator: %s: invalid period %+v", describe(&obs[i]), p)
		}
		widen(p)
		if p.Kind == period.Month {
			widen(p.Quarter())
		}
		if p.Kind != period.Year {
			widen(period.Y(p.Year))
		}
	}
	for k := period.Year; k <= period.Month; k++ {
		n := 0
		if spans[k].seen {
			n = spans[k].hi - spans[k].lo + 1
		}
		r.timelines[k] = newTimeline(k, spans[k].lo, n, len(r.units), len(r.measures), len(r.specs))
	}

	// Observations come sorted by measure and unit, so the last look-up
	// usually answers the next.
	lastMeasure, lastUnit := "", ""
	m, u := -1, -1
	for i := range obs {
		o := &obs[i]
		if m < 0 || o.Measure != lastMeasure {
			var ok bool
			if m, ok = r.measureAt[o.Measure]; !ok {
				return fmt.Errorf("indicator: %s: unknown measure", describe(o))
			}
			lastMeasure = o.Measure
		}
		if u < 0 || o.Unit != lastUnit {
			var ok bool
			if u, ok = r.unitAt[o.Unit]; !ok {
				return fmt.Errorf("indicator: %s: unknown unit", describe(o))
			}
			lastUnit = o.Unit
		}
		if math.IsNaN(o.Value) || math.IsInf(o.Value, 0) {
			return fmt.Errorf("indicator: %s: value %g is not a number", describe(o), o.Value)
		}
		tl := r.timelines[o.Period.Kind]
		c := tl.at(m, u, ordinal(o.Period)-tl.start)
		if tl.mflag[c]&present != 0 {
			return fmt.Errorf("indicator: %s: observed twice", describe(o))
		}
		if o.Status != 0 || o.Detail != nil {
			tl.annotate(c, o)
		}
		if !o.HasValue() {
			continue // the publisher says it is missing: no value, its status only
		}
		tl.mval[c] = o.Value
		tl.mflag[c] = present | reported | own
	}
	return nil
}

// annotate records the status and detail of observation o, in measure
// cell c.
func (tl *timeline) annotate(c int, o *dataset.Observation) {
	tl.setStatus(c, o.Status) // the cell has no status before
	if o.Detail != nil {
		if tl.detail == nil {
			tl.detail = map[int]*mark.Detail{}
		}
		tl.detail[c] = o.Detail
	}
}

// describe names an observation for an error message.
func describe(o *dataset.Observation) string {
	what := fmt.Sprintf("%s of %s in %s", o.Measure, o.Unit, o.Period)
	if o.Source.File == "" {
		return what
	}
	return fmt.Sprintf("%s:%d:%d: %s", o.Source.File, o.Source.Line, o.Source.Column, what)
}

// combine completes the measure grid of tl. A cell that was observed stands.
// Otherwise it is derived over time from the unit's values for the parts of
// its period in the finer timeline (nil for months), or failing that rolled
// up from the unit's children.
//
// Units are visited from last to first, so each unit's children are complete
// before the unit itself; once complete, a unit adds its values into its
// parent's roll-up.
func (r *Result) combine(tl, finer *timeline) {
	if tl.n == 0 {
		return
	}
	acc := newRollup(r.parents, len(r.measures), tl.n)
	for u := len(r.units) - 1; u >= 0; u-- {
		for m := range r.measures {
			for t := range tl.n {
				r.settle(tl, finer, acc, m, u, t)
			}
		}
		// Units of a non-territorial level stand beside the territory:
		// they are never summed into their parent.
		if p := r.parent[u]; p >= 0 && r.territorial[u] {
			acc.add(r, tl, u, r.slot[p])
		}
	}
}

// settle decides the value of measure m for unit u at t (see combine), and
// records a Warning when an observed value disagrees with the roll-up.
func (r *Result) settle(tl, finer *timeline, acc *rollup, m, u, t int) {
	c := tl.at(m, u, t)
	across := r.measures[m].def.AcrossUnits
	var rolled float64
	var rolledFlag uint8
	if s := r.slot[u]; s >= 0 && across != dataset.None {
		rolled, rolledFlag = acc.value(s, m, t, across)
	}
	switch {
	case tl.mflag[c]&reported != 0:
		if v := tl.mval[c]; rolledFlag&present != 0 && math.Abs(v-rolled) > r.cfg.tolerance*math.Abs(v) {
			r.warnings = append(r.warnings, Warning{
				Unit: r.units[u].Code, Measure: r.measures[m].def.ID, Period: tl.period(t),
				Reported: v, Computed: rolled,
			})
		}
	case finer != nil && r.overTime(tl, finer, m, u, t):
	case rolledFlag&present != 0:
		tl.mval[c], tl.mflag[c] = rolled, rolledFlag
		if acc.stat != nil {
			tl.setStatus(c, acc.stat[(r.slot[u]*acc.measures+m)*acc.n+t])
		}
	}
}

// overTime derives measure m for unit u at t from the unit's values for the
// parts of that period in the finer timeline: their sum, or the latest one,
// as the measure's OverTime says. It reports whether any part was present.
// The value is partial when a part is missing or partial itself, and own
// when every part present is own.
func (r *Result) overTime(tl, finer *timeline, m, u, t int) bool {
	p := tl.period(t)
	parts := p.Parts(finer.kind)
	first := monthIn(finer.kind, startMonth(p)) - finer.start
	sum := r.measures[m].def.OverTime == dataset.Sum
	if r.measures[m].def.OverTime == dataset.None {
		return false // a published rate of a year is not made of its quarters'
	}
	var stat mark.Status

	var v float64
	n, flag := 0, own
	for ft := max(first, 0); ft < min(first+parts, finer.n); ft++ {
		fc := finer.at(m, u, ft)
		f := finer.mflag[fc]
		if f&present == 0 {
			continue
		}
		n++
		flag |= f & partial
		if finer.mstat != nil {
			stat |= finer.mstat[fc].Carried()
		}
		if f&own == 0 {
			flag &^= own
		}
		if sum {
			v += finer.mval[fc]
		} else {
			v = finer.mval[fc] // parts come in order: the latest present wins
		}
	}
	if n == 0 {
		return false
	}
	// A unit that began or ended within the period is expected only for
	// the parts it existed in.
	want := parts
	if e := &r.units[u].Extras; !e.ValidFrom.IsZero() || !e.ValidTo.IsZero() {
		want = 0
		for ft := first; ft < first+parts; ft++ {
			if r.units[u].Overlaps(finer.period(ft)) {
				want++
			}
		}
	}
	if n < want {
		flag |= partial
	}
	c := tl.at(m, u, t)
	tl.mval[c], tl.mflag[c] = v, present|flag
	tl.setStatus(c, stat)
	return true
}

// setStatus records the status of a derived measure cell c, allocating the
// status grids when it is the first.
func (tl *timeline) setStatus(c int, s mark.Status) {
	if s == 0 {
		return
	}
	if tl.mstat == nil {
		tl.mstat = make([]mark.Status, len(tl.mflag))
		tl.istat = make([]mark.Status, len(tl.iflag))
	}
	tl.mstat[c] |= s
}

// rollup accumulates children's values into their parent, for every measure
// and period of one timeline. Cell (slot, measure, t) holds Σv for a sum and
// Σv·w with Σw for a weighted mean.
type rollup struct {
	measures, n int
	sum, weight []float64
	flag        []uint8 // present once a child contributed; partial if one was partial
	// stat holds the statuses the children's values carry; nil until one has one.
	stat []mark.Status
}

func newRollup(parents, measures, n int) *rollup {
	size := parents * measures * n
	return &rollup{
		measures: measures, n: n,
		sum: make([]float64, size), weight: make([]float64, size), flag: make([]uint8, size),
	}
}

// add adds the values of unit child into the roll-up of its parent, slot.
// A weighted mean takes only children that report both value and weight.
func (a *rollup) add(r *Result, tl *timeline, child, slot int) {
	for m := range r.measures {
		ms := &r.measures[m]
		across := ms.def.AcrossUnits
		if across == dataset.None {
			continue
		}
		for t := range tl.n {
			c := tl.at(m, child, t)
			f := tl.mflag[c]
			if f&present == 0 {
				continue
			}
			i := (slot*a.measures+m)*a.n + t
			if across == dataset.WeightedMean {
				wc := tl.at(ms.weight, child, t)
				if tl.mflag[wc]&present == 0 {
					continue
				}
				a.sum[i] += tl.mval[c] * tl.mval[wc]
				a.weight[i] += tl.mval[wc]
				f |= tl.mflag[wc] & partial
			} else {
				a.sum[i] += tl.mval[c]
			}
			a.flag[i] |= present | f&partial
			if tl.mstat != nil && tl.mstat[c].Carried() != 0 {
				if a.stat == nil {
					a.stat = make([]mark.Status, len(a.flag))
				}
				a.stat[i] |= tl.mstat[c].Carried()
			}
		}
	}
}

// value returns the roll-up for one parent, measure and period, with its
// flags; no flags when no child contributed, or when the weights of a
// weighted mean add up to zero.
func (a *rollup) value(slot, m, t int, across dataset.Aggregation) (float64, uint8) {
	i := (slot*a.measures+m)*a.n + t
	if a.flag[i]&present == 0 {
		return 0, 0
	}
	if across == dataset.WeightedMean {
		if a.weight[i] == 0 {
			return 0, 0
		}
		return a.sum[i] / a.weight[i], a.flag[i]
	}
	return a.sum[i], a.flag[i]
}

// evaluate fills the indicator grid of tl from its measure grid, and the
// merged indicator grid from the merged measure grid.
func (r *Result) evaluate(tl *timeline) {
	if tl.xval != nil {
		tl.xival, tl.xiflag = make([]float64, len(tl.ival)), make([]uint8, len(tl.ival))
	}
	for i := range r.specs {
		s := &r.specs[i]
		for u := range r.units {
			first := int32(-1)
			for t := range tl.n {
				if tl.xval != nil && len(r.preds[u]) > 0 {
					c := tl.at(i, u, t)
					tl.xival[c], tl.xiflag[c] = compute(tl.xval, tl.xflag, tl.at(s.num, u, t), s.rate, tl.at(max(s.den, 0), u, t))
				}
				v, f := compute(tl.mval, tl.mflag, tl.at(s.num, u, t), s.rate, tl.at(max(s.den, 0), u, t))
				c := tl.at(i, u, t)
				if tl.istat != nil {
					st := tl.mstat[tl.at(s.num, u, t)]
					if s.rate {
						st |= tl.mstat[tl.at(s.den, u, t)]
					}
					if f&present != 0 {
						st = st.Carried()
					}
					tl.istat[c] = st
				}
				if f&present == 0 {
					continue
				}
				tl.ival[c], tl.iflag[c] = v, f
				if first < 0 {
					first = int32(t)
				}
			}
			tl.first[i*tl.units+u] = first
		}
	}
}

// compute works out an indicator from the measure cells nc and, for a
// rate, dc of the grid mval: 100 × numerator / denominator for a rate, the
// measure's value otherwise. A rate whose denominator is missing or zero
// has no data (no flags).
func compute(mval []float64, mflag []uint8, nc int, rate bool, dc int) (float64, uint8) {
	nf := mflag[nc] &^ reported
	if nf&present == 0 {
		return 0, 0
	}
	if !rate {
		return mval[nc], nf
	}
	df := mflag[dc]
	if df&present == 0 || mval[dc] == 0 {
		return 0, 0
	}
	return 100 * mval[nc] / mval[dc], present | (nf|df)&(partial|rebuilt) | nf&df&own
}

// rank ranks the children of every parent, per indicator and period of tl:
// the territorial children among themselves, and the children of each
// non-territorial level among themselves (see rankGroup). Better values
// come first (larger ones when the indicator has no direction); equal
// values share a rank and the next rank skips (1, 2, 2, 4). Units without
// data stay unranked (0).
func (r *Result) rank(tl *timeline) {
	type entry struct {
		unit  int
		value float64
	}
	var ranked []entry
	var groups []dataset.UnitType
	for i := range r.specs {
		if !r.specs[i].def.Ranked() {
			continue // rank = false: the publisher's estimates are not to be ranked
		}
		ascending := r.specs[i].def.Direction == dataset.LowerIsBetter
		for _, kids := range r.children {
			if len(kids) == 0 {
				continue
			}
			groups = groups[:0]
			for _, c := range kids {
				if g := r.rankGroup(c); !slices.Contains(groups, g) {
					groups = append(groups, g)
				}
			}
			for _, g := range groups {
				for t := range tl.n {
					ranked = ranked[:0]
					for _, c := range kids {
						if r.rankGroup(c) != g {
							continue
						}
						// A rebuilt value is not ranked: its
						// predecessors are, beside it.
						if cell := tl.at(i, c, t); tl.iflag[cell]&(present|rebuilt) == present {
							ranked = append(ranked, entry{c, tl.ival[cell]})
						}
					}
					slices.SortFunc(ranked, func(a, b entry) int {
						switch {
						case a.value == b.value:
							return a.unit - b.unit
						case (a.value > b.value) != ascending:
							return -1
						}
						return 1
					})
					rank := 0
					for k, e := range ranked {
						if k == 0 || e.value != ranked[k-1].value {
							rank = k + 1
						}
						cell := tl.at(i, e.unit, t)
						tl.rank[cell], tl.of[cell] = int32(rank), int32(len(ranked))
					}
				}
			}
		}
	}
}

// rankGroup names the units unit u is ranked among: "" for the
// territorial units, otherwise the unit's own (non-territorial) level.
func (r *Result) rankGroup(u int) dataset.UnitType {
	if r.territorial[u] {
		return ""
	}
	return r.units[u].Type
}

// survey records the periods of tl that have any data and, for each, the
// completeness of the measures expected from the units. A unit is expected
// only in the periods it exists throughout (dataset.Unit.Covers).
func (r *Result) survey(tl *timeline) {
	units, n := len(r.units), tl.n
	hasData := make([]bool, n)
	counts := make([]int, len(r.measures)*n) // [measure][t]: expected units with an own value
	wants := make([]int, len(r.measures)*n)  // [measure][t]: expected units that exist at t
	heard := make([]bool, units*n)           // [unit][t]: the unit has an own value of a measure expected from it
	expecting := make([]bool, units*n)       // [unit][t]: the unit is expected to report some measure at t
	for m := range r.measures {
		for u := range units {
			for t := range n {
				if tl.mflag[tl.at(m, u, t)]&present != 0 {
					hasData[t] = true
				}
			}
		}
		for _, u := range r.measures[m].expected {
			for t := range n {
				if !r.units[u].Covers(tl.period(t)) {
					continue
				}
				expecting[u*n+t] = true
				wants[m*n+t]++
				if tl.mflag[tl.at(m, u, t)]&own != 0 {
					counts[m*n+t]++
					heard[u*n+t] = true
				}
			}
		}
	}

	for t := range n {
		if !hasData[t] {
			continue
		}
		comp := Completeness{Period: tl.period(t), Measures: make([]MeasureCompleteness, len(r.measures))}
		for m := range r.measures {
			got, want := counts[m*n+t], wants[m*n+t]
			comp.Measures[m] = MeasureCompleteness{
				Measure: r.measures[m].def.ID, Present: got, Expected: want, Share: share(got, want),
			}
			comp.Present += got
			comp.Expected += want
		}
		comp.Share = share(comp.Present, comp.Expected)
		for u := range units {
			if expecting[u*n+t] && !heard[u*n+t] {
				comp.Silent = append(comp.Silent, r.units[u].Code)
			}
		}
		tl.published = append(tl.published, comp.Period)
		tl.completeness[t] = comp
	}
}

// share returns part / whole in percent, or zero when whole is zero.
func share(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return 100 * float64(part) / float64(whole)
}

// ordinal numbers the periods of one kind consecutively, so that neighbours
// differ by one.
func ordinal(p period.Period) int {
	switch p.Kind {
	case period.Quarter:
		return p.Year*4 + p.N - 1
	case period.Month:
		return p.Year*12 + p.N - 1
	}
	return p.Year
}

// fromOrdinal is the inverse of ordinal.
func fromOrdinal(k period.Kind, o int) period.Period {
	switch k {
	case period.Quarter:
		return period.Q(o/4, o%4+1)
	case period.Month:
		return period.M(o/12, o%12+1)
	}
	return period.Y(o)
}

// startMonth returns the month ordinal of the first month of p.
func startMonth(p period.Period) int {
	switch p.Kind {
	case period.Quarter:
		return p.Year*12 + (p.N-1)*3
	case period.Month:
		return ordinal(p)
	}
	return p.Year * 12
}

// endMonth returns the month ordinal of the last month of p.
func endMonth(p period.Period) int {
	switch p.Kind {
	case period.Quarter:
		return startMonth(p) + 2
	case period.Year:
		return startMonth(p) + 11
	}
	return ordinal(p)
}

// monthIn returns the ordinal of the period of kind k that holds the month
// with ordinal month.
func monthIn(k period.Kind, month int) int {
	switch k {
	case period.Quarter:
		return month / 3
	case period.Year:
		return month / 12
	}
	return month
}

// perYear returns how many periods of kind k make a year.
func perYear(k period.Kind) int {
	switch k {
	case period.Quarter:
		return 4
	case period.Month:
		return 12
	}
	return 1
}

// valid reports whether p is a well-formed period.
func valid(p period.Period) bool {
	switch p.Kind {
	case period.Year:
		return p.N == 0
	case period.Quarter:
		return p.N >= 1 && p.N <= 4
	case period.Month:
		return p.N >= 1 && p.N <= 12
	}
	return false
}
