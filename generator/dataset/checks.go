package dataset

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"minhbach/generator/period"
)

// DefaultTotalTolerance is the relative difference allowed between a unit's
// reported total and the sum of its children before a warning: half a
// percent, as package indicator allows.
const DefaultTotalTolerance = 0.005

// checkObservations runs the checks that need all observations, sorted by
// measure, unit and period: a rate's numerator above its denominator (an
// error), and the warnings — rates that jump between consecutive periods,
// units missing from a period others reported, and totals that disagree
// with the sum of their units. Each is one pass over the sorted slice.
// periods lists the periods of the observations, in any order.
func checkObservations(cat *Catalogue, units []Unit, obs []Observation, periods []period.Period, cfg config, c *collector) {
	for i := range cat.Indicators {
		if ind := &cat.Indicators[i]; ind.Type == Rate {
			checkRate(ind, obs, cfg.jumpPoints, c)
		}
	}
	ix := newPeriodIndex(periods)
	index := make(map[string]int, len(units))
	for i := range units {
		index[units[i].Code] = i
	}
	checkMissing(cat, units, obs, ix, index, c)
	checkTotals(cat, units, obs, ix, index, cfg.tolerance, c)
}

// measureRange returns the observations of measure id.
func measureRange(obs []Observation, id string) []Observation {
	lo := sort.Search(len(obs), func(i int) bool { return obs[i].Measure >= id })
	hi := lo + sort.Search(len(obs)-lo, func(i int) bool { return obs[lo+i].Measure > id })
	return obs[lo:hi]
}

// pairs calls fn for each unit and period that both a and b (observations
// of one measure each, sorted by unit and period) have.
func pairs(a, b []Observation, fn func(x, y *Observation)) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := &a[i], &b[j]
		d := strings.Compare(x.Unit, y.Unit)
		if d == 0 {
			d = periodKey(x.Period) - periodKey(y.Period)
		}
		switch {
		case d < 0:
			i++
		case d > 0:
			j++
		default:
			fn(x, y)
			i++
			j++
		}
	}
}

// checkRate reports a rate's numerator above its denominator — more files
// received online than received is a broken export, not a 120% rate — and
// warns when a unit's rate moves more than jump points from one period to
// the next.
func checkRate(ind *Indicator, obs []Observation, jump float64, c *collector) {
	var prev struct {
		unit string
		p    period.Period
		rate float64
	}
	pairs(measureRange(obs, ind.Numerator), measureRange(obs, ind.Denominator), func(num, den *Observation) {
		if num.Value > den.Value {
			c.errorf(num.Source, "rate-above-denominator",
				"%s is %g for %s in %s, above %s (%g at %s); expected at most the denominator",
				ind.Numerator, num.Value, num.Unit, num.Period, ind.Denominator, den.Value, den.Source.short())
			prev.unit = ""
			return
		}
		if den.Value == 0 {
			prev.unit = ""
			return
		}
		rate := 100 * num.Value / den.Value
		if prev.unit == num.Unit && prev.p.Add(1) == num.Period && math.Abs(rate-prev.rate) > jump {
			c.warnf(num.Source, "rate-jump",
				"%s for %s moved from %.1f%% in %s to %.1f%% in %s, %.1f points; expected at most %g points between consecutive periods: check both periods' figures",
				ind.ID, num.Unit, prev.rate, prev.p, rate, num.Period, math.Abs(rate-prev.rate), jump)
		}
		prev.unit, prev.p, prev.rate = num.Unit, num.Period, rate
	})
}

// periodIndex numbers the periods observations speak of, densely, so that
// per-period tallies are slices rather than maps.
type periodIndex struct {
	periods []period.Period
	slot    []int32 // by periodKey - minKey; -1 for none
	minKey  int
}

func newPeriodIndex(periods []period.Period) *periodIndex {
	ix := &periodIndex{}
	if len(periods) == 0 {
		return ix
	}
	ps := slices.Clone(periods)
	slices.SortFunc(ps, func(a, b period.Period) int { return periodKey(a) - periodKey(b) })
	lo, hi := periodKey(ps[0]), periodKey(ps[len(ps)-1])
	ix.minKey, ix.periods = lo, ps
	ix.slot = make([]int32, hi-lo+1)
	for i := range ix.slot {
		ix.slot[i] = -1
	}
	for i, p := range ps {
		ix.slot[periodKey(p)-lo] = int32(i)
	}
	return ix
}

func (ix *periodIndex) of(p period.Period) int { return int(ix.slot[periodKey(p)-ix.minKey]) }

// unitRuns calls fn for each run of observations of one unit in rng (the
// observations of one measure, sorted by unit), with the unit's index.
func unitRuns(rng []Observation, index map[string]int, fn func(u int, run []Observation)) {
	for i := 0; i < len(rng); {
		j := i + 1
		for j < len(rng) && rng[j].Unit == rng[i].Unit {
			j++
		}
		if u, ok := index[rng[i].Unit]; ok {
			fn(u, rng[i:j])
		}
		i = j
	}
}

// checkMissing warns about a unit with no value of a measure for a period
// in which other units of its type reported it. A unit that reported a
// period overlapping it (the months of a quarter, say) is not missing.
// One warning names every measure a unit lacks in a period.
func checkMissing(cat *Catalogue, units []Unit, obs []Observation, ix *periodIndex, index map[string]int, c *collector) {
	type gap struct {
		unit int
		p    period.Period
	}
	type what struct {
		measures []string
		others   int
		file     string
	}
	gaps := map[gap]*what{}
	types := []UnitType{Country, Province, Commune, Ward, SpecialZone}
	typeOf := make([]int, len(units))
	for i := range units {
		typeOf[i] = slices.Index(types, units[i].Type)
	}
	n := len(ix.periods)
	for mi := range cat.Measures {
		m := &cat.Measures[mi]
		rng := measureRange(obs, m.ID)
		if len(rng) == 0 {
			continue
		}
		// How many units of each type reported each period, and in which file.
		count := make([]int, n*len(types))
		files := make([]string, n)
		reported := make([]bool, n*len(units))
		unitRuns(rng, index, func(u int, run []Observation) {
			for i := range run {
				s := ix.of(run[i].Period)
				if files[s] == "" {
					files[s] = run[i].Source.File
				}
				if typeOf[u] >= 0 {
					count[s*len(types)+typeOf[u]]++
				}
				reported[u*n+s] = true
			}
		})
		for u := range units {
			if typeOf[u] < 0 || !m.AppliesToType(units[u].Type) {
				continue
			}
			var mine []period.Period
			for s, p := range ix.periods {
				others := count[s*len(types)+typeOf[u]]
				if others == 0 || reported[u*n+s] {
					continue
				}
				if mine == nil {
					for t := range n {
						if reported[u*n+t] {
							mine = append(mine, ix.periods[t])
						}
					}
					mine = append(mine, period.Period{})
				}
				if slices.ContainsFunc(mine, func(q period.Period) bool { return p.Contains(q) || q.Contains(p) }) {
					continue
				}
				k := gap{u, p}
				w := gaps[k]
				if w == nil {
					w = &what{file: files[s]}
					gaps[k] = w
				}
				w.measures = append(w.measures, m.ID)
				w.others = max(w.others, others)
			}
		}
	}
	keys := make([]gap, 0, len(gaps))
	for k := range gaps {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b gap) int {
		if a.unit != b.unit {
			return a.unit - b.unit
		}
		return periodKey(a.p) - periodKey(b.p)
	})
	for _, k := range keys {
		w := gaps[k]
		c.warnf(Position{File: w.file}, "missing-unit",
			"%s has no %s for %s, which %d other %s unit(s) reported; expected a row for every unit, with 0 where there was nothing",
			units[k.unit].Code, strings.Join(w.measures, ", "), k.p, w.others, units[k.unit].Type)
	}
}

// checkTotals warns when a unit reports a value of a measure that adds up
// across units (a sum, or a mean weighted by another measure) and the
// values of its children that period come to something else.
func checkTotals(cat *Catalogue, units []Unit, obs []Observation, ix *periodIndex, index map[string]int, tolerance float64, c *collector) {
	// Units with children get a slot; parentSlot[u] is the slot of u's parent.
	slotOf := make([]int, len(units))
	parentSlot := make([]int, len(units))
	var parents []int
	for i := range slotOf {
		slotOf[i], parentSlot[i] = -1, -1
	}
	for i, u := range units {
		if p, ok := index[u.Parent]; ok && u.Parent != "" {
			if slotOf[p] < 0 {
				slotOf[p] = len(parents)
				parents = append(parents, p)
			}
			parentSlot[i] = slotOf[p]
		}
	}
	if len(parents) == 0 {
		return
	}
	n := len(ix.periods)
	for mi := range cat.Measures {
		m := &cat.Measures[mi]
		if m.AcrossUnits != Sum && m.AcrossUnits != WeightedMean {
			continue
		}
		rng := measureRange(obs, m.ID)
		sum := make([]float64, len(parents)*n)
		weight := make([]float64, len(parents)*n)
		count := make([]int, len(parents)*n)
		add := func(u int, o *Observation, w float64) {
			if ps := parentSlot[u]; ps >= 0 {
				k := ps*n + ix.of(o.Period)
				sum[k] += o.Value * w
				weight[k] += w
				count[k]++
			}
		}
		if m.AcrossUnits == WeightedMean {
			weights := measureRange(obs, m.Weight)
			pairs(rng, weights, func(x, w *Observation) {
				if u, ok := index[x.Unit]; ok {
					add(u, x, w.Value)
				}
			})
		} else {
			unitRuns(rng, index, func(u int, run []Observation) {
				for i := range run {
					add(u, &run[i], 1)
				}
			})
		}
		for _, u := range parents {
			code := units[u].Code
			lo := sort.Search(len(rng), func(i int) bool { return rng[i].Unit >= code })
			hi := lo
			for hi < len(rng) && rng[hi].Unit == code {
				hi++
			}
			run := rng[lo:hi]
			for i := range run {
				o := &run[i]
				k := slotOf[u]*n + ix.of(o.Period)
				if weight[k] == 0 {
					continue
				}
				rolled, how := sum[k], "add up to"
				if m.AcrossUnits == WeightedMean {
					rolled, how = sum[k]/weight[k], "average, weighted by "+m.Weight+","
				}
				if math.Abs(o.Value-rolled) > tolerance*math.Abs(o.Value) {
					c.warnf(o.Source, "total-mismatch",
						"%s for %s in %s is %s, but its units (%d of %d reported) %s %s; expected the total to agree within %g%%",
						m.ID, o.Unit, o.Period, formatValue(o.Value), count[k], countChildren(units, o.Unit), how, formatValue(rolled), tolerance*100)
				}
			}
		}
	}
}

func countChildren(units []Unit, code string) int {
	n := 0
	for _, u := range units {
		if u.Parent == code {
			n++
		}
	}
	return n
}

// formatValue writes a value with at most two decimals.
func formatValue(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
