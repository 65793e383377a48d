// Package breakdown computes indicators per breakdown cell (dataset.Load
// has added up the totals and margins that follow from the cells): for each
// indicator whose measures are broken down by dimensions (see
// dataset/dims), the same computation as the headline figure — roll-ups as
// ratios of sums, changes, targets, rankings, completeness, reconstruction
// — on the observations of one cell. The headline figure stays the total
// (package indicator on the dataset's totals).
package breakdown

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/dims"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
)

// Breakdown is one way an indicator is broken down: by one dimension, or
// crossed by several (age × sex).
type Breakdown struct {
	// Dims are the dimensions' ids, in the catalogue's order.
	Dims []string
	// Cells are the keys of every combination of their values, in the
	// order the catalogue lists them (the first dimension slowest).
	Cells []string
}

// ID names the breakdown in ids and anchors: its dimensions joined by "-".
func (b *Breakdown) ID() string { return strings.Join(b.Dims, "-") }

// Indicator is one indicator's breakdowns and its figures in each cell.
type Indicator struct {
	ID         string
	Breakdowns []Breakdown
	results    map[string]*indicator.Result
}

// Result returns the computation of one cell, nil when it has none.
func (bi *Indicator) Result(cell string) *indicator.Result { return bi.results[cell] }

// Value returns the indicator in one cell for a unit and period; OK is
// false when the cell has no data.
func (bi *Indicator) Value(cell, unit string, p period.Period) indicator.Value {
	if r := bi.results[cell]; r != nil {
		return r.Value(bi.ID, unit, p)
	}
	return indicator.Value{Indicator: bi.ID, Unit: unit, Period: p}
}

// Set holds the breakdowns of every indicator that has one.
type Set struct {
	Catalogue  *dataset.Catalogue
	indicators map[string]*Indicator
}

// Of returns the breakdowns of an indicator, nil when it has none.
func (s *Set) Of(indicatorID string) *Indicator {
	if s == nil {
		return nil
	}
	return s.indicators[indicatorID]
}

// Dimension returns a dimension of the catalogue.
func (s *Set) Dimension(id string) *dataset.Dimension {
	d, _ := s.Catalogue.Dimension(id)
	return d
}

// measuresOf lists the measures an indicator is computed from, with the
// weights of weighted ones.
func measuresOf(cat *dataset.Catalogue, ind *dataset.Indicator) []*dataset.Measure {
	var out []*dataset.Measure
	for _, id := range []string{ind.Numerator, ind.Denominator, ind.Measure} {
		if m, ok := cat.Measure(id); ok && id != "" {
			out = append(out, m)
			if w, ok := cat.Measure(m.Weight); ok && m.Weight != "" {
				out = append(out, w)
			}
		}
	}
	return out
}

// Compute works out every indicator broken down by a dimension, in each
// cell its data has, with the options of indicator.Compute.
func Compute(d *dataset.Dataset, opts ...indicator.Option) (*Set, error) {
	s := &Set{Catalogue: &d.Catalogue, indicators: map[string]*Indicator{}}
	if len(d.Breakdowns) == 0 {
		return s, nil
	}
	// The observed dimension sets of each measure, and its observations
	// by cell (d.Breakdowns is sorted by measure and cell).
	byCell := map[string]map[string][]dataset.Observation{}
	for lo := 0; lo < len(d.Breakdowns); {
		o := d.Breakdowns[lo]
		hi := lo + 1
		for hi < len(d.Breakdowns) && d.Breakdowns[hi].Measure == o.Measure && d.Breakdowns[hi].Cell == o.Cell {
			hi++
		}
		if byCell[o.Measure] == nil {
			byCell[o.Measure] = map[string][]dataset.Observation{}
		}
		byCell[o.Measure][o.Cell] = d.Breakdowns[lo:hi]
		lo = hi
	}
	totals := map[string][]dataset.Observation{}
	for lo := 0; lo < len(d.Observations); {
		m := d.Observations[lo].Measure
		hi := lo + 1
		for hi < len(d.Observations) && d.Observations[hi].Measure == m {
			hi++
		}
		totals[m] = d.Observations[lo:hi]
		lo = hi
	}
	for i := range d.Catalogue.Indicators {
		ind := &d.Catalogue.Indicators[i]
		ms := measuresOf(&d.Catalogue, ind)
		byID := sortedByID(ms) // the order of a cell's observations
		sets := map[string][]string{}
		for _, m := range ms {
			for cell := range byCell[m.ID] {
				ds := dims.Dims(cell)
				sets[strings.Join(ds, ";")] = ds
			}
		}
		if len(sets) == 0 {
			continue
		}
		bi := &Indicator{ID: ind.ID, results: map[string]*indicator.Result{}}
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range sets {
				if !yield(k) {
					return
				}
			}
		}) {
			b := Breakdown{Dims: sets[k], Cells: cellsOf(&d.Catalogue, sets[k])}
			bi.Breakdowns = append(bi.Breakdowns, b)
			for _, cell := range b.Cells {
				sub := *d
				sub.Catalogue.Indicators = []dataset.Indicator{*ind}
				sub.Observations = nil
				for _, m := range byID {
					proj := dims.Project(cell, m.Dimensions)
					if proj == "" {
						sub.Observations = append(sub.Observations, totals[m.ID]...)
					} else {
						sub.Observations = append(sub.Observations, byCell[m.ID][proj]...)
					}
				}
				if len(sub.Observations) == 0 {
					continue
				}
				r, err := indicator.Compute(&sub, opts...)
				if err != nil {
					return nil, fmt.Errorf("%s, breakdown cell %s: %w", ind.ID, cell, err)
				}
				bi.results[cell] = r
			}
		}
		// Single dimensions first, each in the catalogue's order.
		at := func(id string) int {
			return slices.IndexFunc(d.Catalogue.Dimensions, func(x dataset.Dimension) bool { return x.ID == id })
		}
		slices.SortStableFunc(bi.Breakdowns, func(a, b Breakdown) int {
			if c := cmp.Compare(len(a.Dims), len(b.Dims)); c != 0 {
				return c
			}
			for i := range a.Dims {
				if c := cmp.Compare(at(a.Dims[i]), at(b.Dims[i])); c != 0 {
					return c
				}
			}
			return 0
		})
		s.indicators[ind.ID] = bi
	}
	return s, nil
}

// sortedByID returns the measures in id order, without repeats, as the
// observations of a dataset are sorted.
func sortedByID(ms []*dataset.Measure) []*dataset.Measure {
	out := slices.Clone(ms)
	slices.SortFunc(out, func(a, b *dataset.Measure) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(out, func(a, b *dataset.Measure) bool { return a.ID == b.ID })
}

// cellsOf lists the cells of a breakdown: every combination of its
// dimensions' values, the first dimension slowest.
func cellsOf(cat *dataset.Catalogue, ids []string) []string {
	cells := []string{""}
	for _, id := range ids {
		d, _ := cat.Dimension(id)
		var next []string
		for _, c := range cells {
			for _, v := range d.Values {
				next = append(next, dims.Key(cat.Dimensions, append(dims.Parts(c), dims.Part{Dim: id, Value: v.ID})))
			}
		}
		cells = next
	}
	return cells
}
