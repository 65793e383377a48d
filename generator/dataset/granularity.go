package dataset

import (
	"fmt"
	"math"

	"minhbach/generator/period"
)

// checkGranularity reports a unit and measure given at more than one
// granularity for the same time. Package indicator takes a quarter given
// as such over its months, and derives a unit's quarter from its own months
// over the roll-up of its units, so a disagreement would publish one figure
// and hide the other without a word. It is an error when
//
//   - months are given beside their quarter and do not come to it exactly:
//     all three adding up to it, or, for a measure that takes the last
//     value, the quarter's last month equal to it;
//   - quarters (each given, or made of its months) are given beside their
//     year and contradict it beyond tolerance: all four differing from it,
//     fewer already above it, or the last one differing from it;
//   - a unit gives the parts of a quarter or a year that its units give
//     whole, for a measure that adds up across units, and its parts come to
//     other than its units' total beyond tolerance (a province's months
//     against its communes' quarter).
//
// Parts given beside their whole that agree with it are noted.
func checkGranularity(cat *Catalogue, units []Unit, obs *sortedObservations, tolerance float64, c *collector) {
	parent := make([]int, len(units))
	hasChildren := make([]bool, len(units))
	index := make(map[string]int, len(units))
	for i := range units {
		index[units[i].Code] = i
		parent[i] = -1
		if p, ok := index[units[i].Parent]; ok && units[i].Parent != "" {
			parent[i] = p
			hasChildren[p] = true
		}
	}
	for mi := range cat.Measures {
		m := &cat.Measures[mi]
		rng := obs.measure(m.ID)
		if rng.lo == rng.hi {
			continue
		}
		// Only units given at more than one granularity, and units with
		// units of their own given finer than a year, are looked at.
		given := make([]unitPeriods, len(units))
		spans := make([]span, len(units))
		for u := range units {
			sp := obs.unitSpan(rng, u)
			spans[u] = sp
			var kinds, fine int
			for i := sp.lo; i < sp.hi; i++ {
				k := obs.list[i].Period.Kind
				kinds |= 1 << k
				if k != period.Year {
					fine++
				}
			}
			if kinds&(kinds-1) == 0 && (fine == 0 || !hasChildren[u] || m.AcrossUnits != Sum) {
				continue
			}
			g := &given[u]
			g.obs, g.at = obs, make(map[period.Period]int, sp.hi-sp.lo)
			for i := sp.lo; i < sp.hi; i++ {
				g.at[obs.list[i].Period] = i
			}
		}
		// whole[u] holds the totals of u's units for the periods they give
		// whole and u does not, with one of them for the message.
		whole := make([]map[period.Period]*childTotal, len(units))
		for u := range units {
			p := parent[u]
			if m.AcrossUnits != Sum || p < 0 || given[p].at == nil {
				continue
			}
			for i := spans[u].lo; i < spans[u].hi; i++ {
				o := &obs.list[i]
				if o.Period.Kind == period.Month || given[p].has(o.Period) {
					continue
				}
				if whole[p] == nil {
					whole[p] = map[period.Period]*childTotal{}
				}
				t := whole[p][o.Period]
				if t == nil {
					t = &childTotal{example: o}
					whole[p][o.Period] = t
				}
				t.sum += o.Value
			}
		}
		for u := range units {
			g := given[u]
			if g.at == nil {
				continue
			}
			for i := spans[u].lo; i < spans[u].hi; i++ {
				o := &obs.list[i]
				switch o.Period.Kind {
				case period.Quarter:
					pt := g.parts(m, o.Period)
					if pt.n == 0 {
						continue
					}
					agree := pt.agg == o.Value && (m.OverTime == Sum && pt.n == 3 || m.OverTime == Last && pt.final)
					report(c, m, o, pt, "months", agree, "unless they agree exactly")
				case period.Year:
					pt := g.quarters(m, o.Period)
					if pt.n == 0 {
						continue
					}
					agree := within(pt.agg, o.Value, tolerance)
					switch {
					case m.OverTime == Last && !pt.final:
						agree = true // nothing to compare the year's last value with
					case m.OverTime == Sum && pt.n < 4:
						agree = pt.agg <= o.Value*(1+tolerance)
					}
					report(c, m, o, pt, "quarters", agree, fmt.Sprintf("unless they agree within %g%%", tolerance*100))
				}
			}
			for _, p := range obs.periods {
				t := whole[u][p]
				if t == nil {
					continue
				}
				var pt partsOf
				if p.Kind == period.Quarter {
					pt = g.parts(m, p)
				} else {
					pt = g.quarters(m, p)
				}
				if pt.n == 0 || within(pt.agg, t.sum, tolerance) {
					continue
				}
				c.Errorf(pt.first.Source, "granularity",
					"%s for %s in %s comes to %s from its own %s (the first here), but its units give %s whole, %s in all (such as %s at %s); expected %s given whole, or parts that agree with its units within %g%%",
					m.ID, units[u].Code, p, formatValue(pt.agg), partsName(p), p, formatValue(t.sum),
					t.example.Unit, t.example.Source.Short(), p, tolerance*100)
			}
		}
	}
}

// childTotal adds up what a unit's units give for one period.
type childTotal struct {
	sum     float64
	example *Observation
}

func partsName(p period.Period) string {
	if p.Kind == period.Year {
		return "quarters"
	}
	return "months"
}

// report reports parts given beside their whole: an error when they do not
// agree, a note when they do.
func report(c *collector, m *Measure, whole *Observation, pt partsOf, what string, agree bool, unless string) {
	if agree {
		c.Notef(whole.Source, "granularity", "%s for %s in %s is given both whole and as %s (the first at %s); they agree",
			m.ID, whole.Unit, whole.Period, what, pt.first.Source.Short())
		return
	}
	how := "add up to"
	if m.OverTime == Last {
		how = "end at"
	}
	c.Errorf(whole.Source, "granularity",
		"%s for %s in %s is given as %s here, and as %d of its %s, which %s %s (the first at %s); expected %s or its %s, not both, %s",
		m.ID, whole.Unit, whole.Period, formatValue(whole.Value), pt.n, what, how, formatValue(pt.agg), pt.first.Source.Short(),
		whole.Period, what, unless)
}

// within reports whether a and b differ by at most tolerance, relatively.
func within(a, b, tolerance float64) bool {
	return math.Abs(a-b) <= tolerance*math.Max(math.Abs(a), math.Abs(b))
}

// unitPeriods are the periods one unit gives a measure for.
type unitPeriods struct {
	obs *sortedObservations
	at  map[period.Period]int
}

func (g unitPeriods) has(p period.Period) bool {
	_, ok := g.at[p]
	return ok
}

// partsOf is what the parts of a period come to.
type partsOf struct {
	agg float64
	// n counts the parts given; first is the earliest of them; final says
	// whether the part that ends the period is one.
	n     int
	first *Observation
	final bool
}

// add adds a part as the measure's over_time says; parts come in order.
func (pt *partsOf) add(m *Measure, v float64, o *Observation, final bool) {
	if m.OverTime == Sum {
		pt.agg += v
	} else {
		pt.agg = v
	}
	if pt.n == 0 {
		pt.first = o
	}
	pt.n++
	pt.final = final
}

// parts returns what the months given of quarter q come to.
func (g unitPeriods) parts(m *Measure, q period.Period) partsOf {
	var pt partsOf
	for k := 1; k <= 3; k++ {
		if i, ok := g.at[period.M(q.Year, (q.N-1)*3+k)]; ok {
			pt.add(m, g.obs.value[i], &g.obs.list[i], k == 3)
		}
	}
	return pt
}

// quarters returns what the quarters of year y come to, each given or made
// of the months given of it.
func (g unitPeriods) quarters(m *Measure, y period.Period) partsOf {
	var pt partsOf
	for k := 1; k <= 4; k++ {
		q := period.Q(y.Year, k)
		if i, ok := g.at[q]; ok {
			pt.add(m, g.obs.value[i], &g.obs.list[i], k == 4)
		} else if months := g.parts(m, q); months.n > 0 {
			pt.add(m, months.agg, months.first, k == 4 && months.final)
		}
	}
	return pt
}
