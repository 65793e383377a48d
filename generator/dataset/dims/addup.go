package dims

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"minhbach/generator/period"
)

// Fields are what AddUp reads of an observation.
type Fields struct {
	Measure, Unit string
	Period        period.Period
	Cell          string
	Value         float64
	// Missing says the observation has no value: the publisher marks it
	// missing. It is then no part of a total, nor compared with one.
	Missing bool
	// Where is the observation's place, for messages ("file:line:column").
	Where string
}

// Rule is how a measure's cells make its totals: as they make its totals
// across units.
type Rule struct {
	// Dims are the measure's dimensions, in the catalogue's order.
	Dims []Dimension
	// Sum says the cells add up (a measure that adds up across units).
	Sum bool
	// Weight, when not "", names the measure that weights the cells' mean
	// (a mean weighted across units, such as a published rate): its same
	// cells are the weights. Without Sum or Weight nothing follows.
	Weight string
}

// Lists are the observations AddUp completes, of any type O, and how to
// read and make them.
type Lists[O any] struct {
	// Totals are the observations of totals (Cell ""), Cells those of
	// breakdown cells.
	Totals, Cells []O
	// Order is the catalogue's dimensions.
	Order []Dimension
	// Measure returns how a measure's cells make its totals.
	Measure func(id string) Rule
	Read    func(o *O) Fields
	// Make returns an observation like from, of cell with value v, marked
	// as added up; parts are the observations given within cell (see
	// Within), those it is made of, with a value.
	Make func(from *O, cell string, v float64, parts []*O) O
	// Warn reports, at o, that a reported cell disagrees with its parts.
	Warn      func(o *O, msg string)
	Tolerance float64
}

// AddUp adds the cells that follow from their parts (see Complete and
// CompleteWeighted) to the lists, for each measure, unit and period, and
// warns of a reported cell that disagrees with its parts, naming both. A
// weighted measure's cells follow only where its weight's same cells are
// given or follow themselves. It returns the totals sorted by measure,
// unit and period, and the cells by measure, cell, unit and period.
func AddUp[O any](l Lists[O]) (totals, cells []O) {
	type key struct {
		m, u string
		p    period.Period
	}
	byKey := func(a, b Fields) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
	}
	// By measure, unit, period and cell: a group's first part is its
	// first cell.
	cells = slices.Clone(l.Cells)
	slices.SortFunc(cells, func(a, b O) int {
		fa, fb := l.Read(&a), l.Read(&b)
		return cmp.Or(byKey(fa, fb), strings.Compare(fa.Cell, fb.Cell))
	})
	reported := map[key]int{}
	for i := range l.Totals {
		f := l.Read(&l.Totals[i])
		reported[key{f.Measure, f.Unit, f.Period}] = i
	}
	// The totals added are appended to a copy: l.Totals stays as it is.
	totals = slices.Clip(l.Totals)
	// The groups of cells of one measure, unit and period; those of a
	// weighted measure after all others, once their weights are complete.
	type group struct {
		cells []O
		first Fields
		rule  Rule
	}
	var groups []group
	weighs := map[string]bool{}
	for lo := 0; lo < len(cells); {
		first := l.Read(&cells[lo])
		hi := lo + 1
		for hi < len(cells) && byKey(l.Read(&cells[hi]), first) == 0 {
			hi++
		}
		g := group{cells[lo:hi], first, l.Measure(first.Measure)}
		lo = hi
		groups = append(groups, g)
		if g.rule.Weight != "" {
			weighs[g.rule.Weight] = true
		}
	}
	weighted := func(g group) int {
		if g.rule.Weight != "" {
			return 1
		}
		return 0
	}
	slices.SortStableFunc(groups, func(a, b group) int { return weighted(a) - weighted(b) })
	// weights holds the cells of each measure that weights another, for
	// each unit and period: given, computed and its total.
	weights := map[key]map[string]float64{}
	var more []O
	for _, g := range groups {
		first, k := g.first, key{g.first.Measure, g.first.Unit, g.first.Period}
		given, at := map[string]float64{}, map[string]*O{}
		read := func(o *O) {
			f := l.Read(o)
			if f.Missing {
				f.Value = math.NaN()
			}
			given[f.Cell], at[f.Cell] = f.Value, o
		}
		for i := range g.cells {
			read(&g.cells[i])
		}
		if i, ok := reported[k]; ok {
			read(&totals[i])
		}
		var computed map[string]float64
		var bad []Mismatch
		how := " add up to"
		switch {
		case g.rule.Weight != "":
			w := weights[key{g.rule.Weight, first.Unit, first.Period}]
			if w == nil {
				continue // no weight by cell: no mean of the cells
			}
			computed, bad = CompleteWeighted(l.Order, g.rule.Dims, given, w, l.Tolerance)
			how = ", weighted by " + g.rule.Weight + ", average"
		case g.rule.Sum:
			computed, bad = Complete(l.Order, g.rule.Dims, given, l.Tolerance)
		case !weighs[first.Measure]:
			continue // its cells make no totals
		}
		if weighs[first.Measure] {
			all := maps.Clone(given)
			maps.Copy(all, computed)
			weights[k] = all
		}
		for _, b := range bad {
			what := "the total"
			if b.Cell != "" {
				what += " of " + b.Cell
			}
			l.Warn(at[b.Cell], fmt.Sprintf("%s for %s in %s: %s is %s, but its parts by %s%s %s (first part at %s); expected them to agree within %g%%",
				first.Measure, first.Unit, first.Period, what, number(b.Reported), b.Over, how, number(b.Sum), first.Where, l.Tolerance*100))
		}
		for _, cell := range slices.Sorted(maps.Keys(computed)) {
			var parts []*O
			for i := range g.cells {
				if f := l.Read(&g.cells[i]); !f.Missing && Within(f.Cell, cell) {
					parts = append(parts, &g.cells[i])
				}
			}
			o := l.Make(&g.cells[0], cell, computed[cell], parts)
			if cell == "" {
				totals = append(totals, o)
			} else {
				more = append(more, o)
			}
		}
	}
	if len(totals) > len(l.Totals) {
		slices.SortStableFunc(totals, func(a, b O) int { return byKey(l.Read(&a), l.Read(&b)) })
	}
	cells = append(cells, more...)
	slices.SortStableFunc(cells, func(a, b O) int {
		fa, fb := l.Read(&a), l.Read(&b)
		return cmp.Or(strings.Compare(fa.Measure, fb.Measure), strings.Compare(fa.Cell, fb.Cell), byKey(fa, fb))
	})
	return totals, cells
}

// number writes a value for a message: 520, 86.7.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
