package dataset

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"minhbach/generator/dataset/cells"
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
// with the sum of their units. Each is one pass over the sorted
// observations, reading their compact columns (see sortedObservations).
func checkObservations(cat *Catalogue, units []Unit, obs *sortedObservations, bd []Observation, fromCells map[cells.Key]bool, cfg config, c *collector) {
	for i := range cat.Indicators {
		if ind := &cat.Indicators[i]; ind.Type == Rate {
			checkRate(ind, obs, cfg.jumpPoints, c)
		}
	}
	checkMissing(cat, units, obs, bd, c)
	for i := range obs.list {
		if o, u := &obs.list[i], &units[obs.unit(i)]; !u.Overlaps(o.Period) {
			c.Warnf(o.Source, "outside-validity", "%s reported %s for %s, when it did not exist (%s); expected values only within its valid_from and valid_to",
				u.Code, o.Measure, o.Period, u.Validity())
		}
	}
	checkTotals(cat, units, obs, fromCells, cfg.tolerance, c)
	checkGranularity(cat, units, obs, cfg.tolerance, c)
}

// checkRate reports a rate's numerator above its denominator — more files
// received online than received is a broken export, not a 120% rate — and
// warns when a unit's rate moves more than jump points from one period to
// the next.
func checkRate(ind *Indicator, obs *sortedObservations, jump float64, c *collector) {
	prev := struct {
		unit, period int
		rate         float64
	}{unit: -1}
	obs.pairs(obs.measure(ind.Numerator), obs.measure(ind.Denominator), func(i, j int) {
		if obs.value[i] > obs.value[j] {
			num, den := &obs.list[i], &obs.list[j]
			c.Errorf(num.Source, "rate-above-denominator",
				"%s is %g for %s in %s, above %s (%g at %s); expected at most the denominator",
				ind.Numerator, num.Value, num.Unit, num.Period, ind.Denominator, den.Value, den.Source.Short())
			prev.unit = -1
			return
		}
		if obs.value[j] == 0 {
			prev.unit = -1
			return
		}
		rate := 100 * obs.value[i] / obs.value[j]
		unit, p := obs.unit(i), obs.period(i)
		if prev.unit == unit && obs.periods[prev.period].Add(1) == obs.periods[p] && math.Abs(rate-prev.rate) > jump {
			num := &obs.list[i]
			c.Warnf(num.Source, "rate-jump",
				"%s for %s moved from %.1f%% in %s to %.1f%% in %s, %.1f points; expected at most %g points between consecutive periods: check both periods' figures",
				ind.ID, num.Unit, prev.rate, obs.periods[prev.period], rate, num.Period, math.Abs(rate-prev.rate), jump)
		}
		prev.unit, prev.period, prev.rate = unit, p, rate
	})
}

// checkMissing warns about a unit with no value of a measure for a period
// in which other units of its type reported it. A unit that reported a
// period overlapping it (the months of a quarter, say) is not missing.
// One warning names every measure a unit lacks in a period.
//
// A unit that gave a measure's breakdown (bd) but not its total is not
// missing it either: the total is added up from the cells.
func checkMissing(cat *Catalogue, units []Unit, obs *sortedObservations, bd []Observation, c *collector) {
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
	types := make([]UnitType, len(cat.Levels))
	for i, l := range cat.Levels {
		types[i] = l.ID
	}
	typeOf := make([]int, len(units))
	rolled := make([]bool, len(units)) // a unit with territorial units of its own: its totals add up from them
	index := make(map[string]int, len(units))
	for i := range units {
		typeOf[i] = slices.Index(types, units[i].Type)
		index[units[i].Code] = i
		if p, ok := index[units[i].Parent]; ok && cat.Territorial(units[i].Type) {
			rolled[p] = true
		}
	}
	n := len(obs.periods)
	for mi := range cat.Measures {
		m := &cat.Measures[mi]
		rng := obs.measure(m.ID)
		if rng.lo == rng.hi {
			continue
		}
		// How many units of each type reported each period, and in which file.
		count := make([]int, n*len(types))
		files := make([]string, n)
		reported := make([]bool, n*len(units))
		for i := rng.lo; i < rng.hi; i++ {
			u, s := obs.unit(i), obs.period(i)
			if files[s] == "" {
				files[s] = obs.list[i].Source.File
			}
			if typeOf[u] >= 0 {
				count[s*len(types)+typeOf[u]]++
			}
			reported[u*n+s] = true
		}
		for i := range bd {
			o := &bd[i]
			if o.Measure != m.ID {
				continue // the cheap test before the search
			}
			if s, found := slices.BinarySearchFunc(obs.periods, o.Period, period.Compare); found {
				reported[index[o.Unit]*n+s] = true
			}
		}
		for u := range units {
			if typeOf[u] < 0 || !m.AppliesToType(units[u].Type) || rolled[u] && m.AcrossUnits != None {
				continue
			}
			var mine []period.Period
			for s, p := range obs.periods {
				others := count[s*len(types)+typeOf[u]]
				// Outside its validity a unit did not exist: nothing is missing.
				if others == 0 || reported[u*n+s] || !units[u].Covers(p) {
					continue
				}
				if mine == nil {
					for t := range n {
						if reported[u*n+t] {
							mine = append(mine, obs.periods[t])
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
		c.Warnf(Position{File: w.file}, "missing-unit",
			"%s has no %s for %s, which %d other %s unit(s) reported; expected a row for every unit, with 0 where there was nothing",
			units[k.unit].Code, strings.Join(w.measures, ", "), k.p, w.others, units[k.unit].Type)
	}
}

// checkTotals warns when a unit reports a value of a measure that adds up
// across units (a sum, or a mean weighted by another measure) and the
// values of its children that period come to something else. It leaves
// out the totals in fromCells, which the breakdown cells' check compares with
// children whose totals were added up from their cells (see cells).
func checkTotals(cat *Catalogue, units []Unit, obs *sortedObservations, fromCells map[cells.Key]bool, tolerance float64, c *collector) {
	// Units with children get a slot; parentSlot[u] is the slot of u's parent.
	index := make(map[string]int, len(units))
	for i := range units {
		index[units[i].Code] = i
	}
	slotOf := make([]int, len(units))
	parentSlot := make([]int, len(units))
	var parents []int
	for i := range slotOf {
		slotOf[i], parentSlot[i] = -1, -1
	}
	for i, u := range units {
		// A unit of a non-territorial level (a department) is not part of
		// its parent's total.
		if p, ok := index[u.Parent]; ok && u.Parent != "" && cat.Territorial(u.Type) {
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
	n := len(obs.periods)
	for mi := range cat.Measures {
		m := &cat.Measures[mi]
		if m.AcrossUnits != Sum && m.AcrossUnits != WeightedMean {
			continue
		}
		rng := obs.measure(m.ID)
		sum := make([]float64, len(parents)*n)
		weight := make([]float64, len(parents)*n)
		count := make([]int, len(parents)*n)
		add := func(i int, w float64) {
			if ps := parentSlot[obs.unit(i)]; ps >= 0 {
				k := ps*n + obs.period(i)
				sum[k] += obs.value[i] * w
				weight[k] += w
				count[k]++
			}
		}
		if m.AcrossUnits == WeightedMean {
			obs.pairs(rng, obs.measure(m.Weight), func(i, j int) { add(i, obs.value[j]) })
		} else {
			for i := rng.lo; i < rng.hi; i++ {
				add(i, 1)
			}
		}
		for _, u := range parents {
			run := obs.unitSpan(rng, u)
			for i := run.lo; i < run.hi; i++ {
				k := slotOf[u]*n + obs.period(i)
				if weight[k] == 0 {
					continue
				}
				rolled, how := sum[k], "add up to"
				if m.AcrossUnits == WeightedMean {
					rolled, how = sum[k]/weight[k], "average, weighted by "+m.Weight+","
				}
				if o := &obs.list[i]; math.Abs(o.Value-rolled) > tolerance*math.Abs(o.Value) && !fromCells[cells.Key{Measure: o.Measure, Unit: o.Unit, Period: o.Period}] {
					c.Warnf(o.Source, "total-mismatch",
						"%s for %s in %s is %s, but its units (%d of %d reported) %s %s; expected the total to agree within %g%%",
						m.ID, o.Unit, o.Period, formatValue(o.Value), count[k], countChildren(cat, units, o.Unit), how, formatValue(rolled), tolerance*100)
				}
			}
		}
	}
}

// countChildren counts the units whose values make up code's total: its
// children of territorial levels.
func countChildren(cat *Catalogue, units []Unit, code string) int {
	n := 0
	for _, u := range units {
		if u.Parent == code && cat.Territorial(u.Type) {
			n++
		}
	}
	return n
}

// formatValue writes a value with at most two decimals.
func formatValue(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
