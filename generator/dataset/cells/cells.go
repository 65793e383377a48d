// Package cells keeps the breakdown observations of a load (see dims): each
// cell once, as the exports give it, with its status and note; then, once
// every export is read, adds the totals and margins that follow from the
// cells (dims.AddUp) and checks each cell a unit reports against the same
// cell of its units.
package cells

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/obs"
	"minhbach/generator/period"
)

// Key names the observations of one measure, unit and period.
type Key struct {
	Measure, Unit string
	Period        period.Period
}

// id identifies a breakdown observation; an export gives it only once.
type id struct {
	Key
	cell string
}

// Set holds the breakdown observations read so far.
type Set struct {
	c    *finding.Collector
	at   map[id]finding.Position
	list []obs.Observation
}

// New returns an empty set that reports to c.
func New(c *finding.Collector) *Set { return &Set{c: c, at: map[id]finding.Position{}} }

// Add records a breakdown observation, or reports it as given twice.
func (s *Set) Add(o obs.Observation) {
	k := id{Key{o.Measure, o.Unit, o.Period}, o.Cell}
	if first, dup := s.at[k]; dup {
		s.c.Errorf(o.Source, "duplicate", "%s (%s) for %s in %s is given twice; first at %s", o.Measure, o.Cell, o.Unit, o.Period, first.Short())
		return
	}
	s.at[k] = o.Source
	s.list = append(s.list, o)
}

// List returns the observations added, in the order they came.
func (s *Set) List() []obs.Observation { return s.list }

// Rules are what Complete knows of the catalogue and the units.
type Rules struct {
	// Order is the catalogue's dimensions.
	Order []dims.Dimension
	// Measure returns how a measure's cells make its totals, which is also
	// how its units make a parent's.
	Measure func(id string) dims.Rule
	// Parent maps each unit whose values make up its parent's (a unit of
	// a territorial level) to its parent.
	Parent map[string]string
	// Tolerance is the relative difference allowed between a reported
	// value and what its parts come to.
	Tolerance float64
}

// Complete adds to totals (sorted by measure, unit and period) and the
// set's cells the totals and margins that follow from the cells, warning
// of a reported one that disagrees with its cells (breakdown-mismatch),
// and warns of a unit's value in a cell that disagrees with its units'
// same cell (total-mismatch, see check). It returns the totals sorted by
// measure, unit and period, the cells by measure, cell, unit and period,
// and the units' totals it compared with their units because one of those
// was added up from its cells: the check of the totals alone leaves those
// out.
func (s *Set) Complete(totals []obs.Observation, r Rules) (all, cells []obs.Observation, compared map[Key]bool) {
	all, cells = dims.AddUp(dims.Lists[obs.Observation]{Totals: totals, Cells: s.list, Order: r.Order, Tolerance: r.Tolerance,
		Measure: r.Measure,
		Read: func(o *obs.Observation) dims.Fields {
			return dims.Fields{Measure: o.Measure, Unit: o.Unit, Period: o.Period, Cell: o.Cell, Value: o.Value, Missing: !o.HasValue(), Where: o.Source.Short()}
		},
		Make: func(o *obs.Observation, cell string, v float64, parts []*obs.Observation) obs.Observation {
			made := obs.Observation{Period: o.Period, Unit: o.Unit, Measure: o.Measure, Value: v, Cell: cell, Computed: true, Source: o.Source}
			for _, p := range parts {
				made.Status |= p.Status.Carried() // a figure made of others carries their statuses
			}
			return made
		},
		Warn: func(o *obs.Observation, msg string) { s.c.Warnf(o.Source, "breakdown-mismatch", "%s", msg) }})
	return all, cells, r.check(all, cells, s.c)
}

// cellKey names one observation: of a measure, unit and period, in a cell.
type cellKey struct {
	Key
	cell string
}

// rollup is what the units of one parent come to in one cell of a measure
// and period: Σ value (× weight) and Σ weight, of n units, the first of
// them (by code) at first.
type rollup struct {
	sum, weight float64
	n           int
	first       *obs.Observation
	computed    bool // a unit's value was added up from its cells
}

// check warns when a unit's value in a breakdown cell disagrees beyond the
// tolerance with the same cell of its units: their sum, or for a weighted
// measure their mean weighted by the weight's same cell. Its place and a
// unit's are named. A value the unit reports is checked; one added up from
// its own cells only when none of its reported cells (of that measure and
// period) could be, so that one disagreement is not told twice. A reported
// total is left to the check of the totals, unless one of its units' was
// added up from cells: check returns those.
func (r *Rules) check(totals, cells []obs.Observation, c *finding.Collector) map[Key]bool {
	if len(r.Parent) == 0 || len(cells) == 0 {
		return nil
	}
	children := map[string]int{}
	for _, p := range r.Parent {
		children[p]++
	}
	broken := map[string]bool{}
	for i := range cells {
		m := cells[i].Measure
		if !broken[m] {
			broken[m] = true
			if w := r.Measure(m).Weight; w != "" {
				broken[w] = true
			}
		}
	}
	at := map[cellKey]*obs.Observation{}
	for _, list := range [][]obs.Observation{totals, cells} {
		for i := range list {
			if o := &list[i]; broken[o.Measure] && o.HasValue() {
				at[cellKey{Key{o.Measure, o.Unit, o.Period}, o.Cell}] = o
			}
		}
	}
	sums := map[cellKey]*rollup{}
	for k, o := range at {
		parent, ok := r.Parent[o.Unit]
		rule := r.Measure(o.Measure)
		if !ok || !rule.Sum && rule.Weight == "" {
			continue
		}
		w := 1.0
		if rule.Weight != "" {
			wo := at[cellKey{Key{rule.Weight, o.Unit, o.Period}, o.Cell}]
			if wo == nil {
				continue
			}
			w = wo.Value
		}
		pk := cellKey{Key{k.Measure, parent, k.Period}, k.cell}
		s := sums[pk]
		if s == nil {
			s = &rollup{}
			sums[pk] = s
		}
		s.sum += o.Value * w
		s.weight += w
		s.n++
		s.computed = s.computed || o.Computed
		if s.first == nil || o.Unit < s.first.Unit {
			s.first = o
		}
	}
	keys := make([]cellKey, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cellKey) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period), strings.Compare(a.cell, b.cell))
	})
	tried, left := map[Key]bool{}, map[Key]bool{}
	compare := func(k cellKey, o *obs.Observation, s *rollup) {
		rule := r.Measure(k.Measure)
		rolled, how := s.sum, "add up to"
		if rule.Weight != "" {
			rolled, how = s.sum/s.weight, "average, weighted by "+rule.Weight+","
		}
		if math.Abs(o.Value-rolled) <= r.Tolerance*math.Abs(o.Value) {
			return
		}
		what := k.Measure
		if k.cell != "" {
			what += " (" + k.cell + ")"
		}
		value := formatValue(o.Value)
		if o.Computed {
			value += ", added up from its cells"
		}
		c.Warnf(o.Source, "total-mismatch", "%s for %s in %s is %s, but its units (%d of %d reported) %s %s (first at %s); expected the total to agree within %g%%",
			what, o.Unit, o.Period, value, s.n, children[o.Unit], how, formatValue(rolled), s.first.Source.Short(), r.Tolerance*100)
	}
	// The values reported first, then those added up where nothing
	// reported could be compared.
	for _, computed := range []bool{false, true} {
		for _, k := range keys {
			s, o := sums[k], at[k]
			if o == nil || o.Computed != computed || s.weight == 0 || computed && tried[k.Key] {
				continue
			}
			if k.cell == "" && !computed {
				if !s.computed {
					continue // the check of the totals compares it
				}
				left[k.Key] = true
			}
			tried[k.Key] = true
			compare(k, o, s)
		}
	}
	return left
}

// formatValue writes a value with at most two decimals, as the check of
// the totals does.
func formatValue(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", v), "0"), ".")
}
