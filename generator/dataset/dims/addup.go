package dims

import (
	"cmp"
	"fmt"
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
	// Where is the observation's place, for messages ("file:line:column").
	Where string
}

// Lists are the observations AddUp completes, of any type O, and how to
// read and make them.
type Lists[O any] struct {
	// Totals are the observations of totals (Cell ""), Cells those of
	// breakdown cells.
	Totals, Cells []O
	// Order is the catalogue's dimensions.
	Order []Dimension
	// Measure returns a measure's dimensions, and whether it adds up
	// across units (only such a measure's cells add up to their totals).
	Measure func(id string) (dims []Dimension, addsUp bool)
	Read    func(o *O) Fields
	// Make returns an observation like from, of cell with value v, marked
	// as added up.
	Make func(from *O, cell string, v float64) O
	// Warn reports, at o, that a reported cell disagrees with its parts.
	Warn      func(o *O, msg string)
	Tolerance float64
}

// AddUp adds the cells that follow from their parts (see Complete) to the
// lists, for each measure, unit and period, and warns of a reported cell
// that disagrees with the sum of its parts, naming both. It returns the
// totals sorted by measure, unit and period, and the cells by measure,
// cell, unit and period.
func AddUp[O any](l Lists[O]) (totals, cells []O) {
	type key struct {
		m, u string
		p    period.Period
	}
	byKey := func(a, b Fields) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
	}
	cells = slices.Clone(l.Cells)
	slices.SortFunc(cells, func(a, b O) int { return byKey(l.Read(&a), l.Read(&b)) })
	reported := map[key]int{}
	for i := range l.Totals {
		f := l.Read(&l.Totals[i])
		reported[key{f.Measure, f.Unit, f.Period}] = i
	}
	totals = l.Totals
	var more []O
	for lo := 0; lo < len(cells); {
		first := l.Read(&cells[lo])
		hi := lo + 1
		for hi < len(cells) && byKey(l.Read(&cells[hi]), first) == 0 {
			hi++
		}
		group := cells[lo:hi]
		lo = hi
		dims, addsUp := l.Measure(first.Measure)
		if !addsUp {
			continue
		}
		given, at := map[string]float64{}, map[string]*O{}
		for i := range group {
			f := l.Read(&group[i])
			given[f.Cell], at[f.Cell] = f.Value, &group[i]
		}
		if i, ok := reported[key{first.Measure, first.Unit, first.Period}]; ok {
			given[""], at[""] = l.Read(&l.Totals[i]).Value, &l.Totals[i]
		}
		computed, bad := Complete(l.Order, dims, given, l.Tolerance)
		for _, b := range bad {
			what := "the total"
			if b.Cell != "" {
				what += " of " + b.Cell
			}
			l.Warn(at[b.Cell], fmt.Sprintf("%s for %s in %s: %s is %s, but its parts by %s add up to %s (first part at %s); expected them to agree within %g%%",
				first.Measure, first.Unit, first.Period, what, number(b.Reported), b.Over, number(b.Sum), first.Where, l.Tolerance*100))
		}
		for _, cell := range slices.Sorted(func(yield func(string) bool) {
			for c := range computed {
				if !yield(c) {
					return
				}
			}
		}) {
			o := l.Make(&group[0], cell, computed[cell])
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
