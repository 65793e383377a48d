// Package breakdown computes indicators per breakdown cell: for each
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

// Complete adds to d the cells that follow from their parts, for measures
// that add up across units (see dims.Complete): a computed total joins
// the observations, a computed margin the breakdowns, both marked
// Computed. A reported cell that differs from the sum of its parts by more
// than tolerance is a warning naming both.
func Complete(d *dataset.Dataset, tolerance float64) {
	if len(d.Breakdowns) == 0 {
		return
	}
	cells := slices.Clone(d.Breakdowns)
	slices.SortFunc(cells, func(a, b dataset.Observation) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
	})
	type key struct {
		m, u string
		p    period.Period
	}
	totals := map[key]int{}
	for i, o := range d.Observations {
		totals[key{o.Measure, o.Unit, o.Period}] = i
	}
	var addTotals, addCells []dataset.Observation
	for lo := 0; lo < len(cells); {
		first := cells[lo]
		hi := lo + 1
		for hi < len(cells) && cells[hi].Measure == first.Measure && cells[hi].Unit == first.Unit && cells[hi].Period == first.Period {
			hi++
		}
		group := cells[lo:hi]
		lo = hi
		m, ok := d.Catalogue.Measure(first.Measure)
		if !ok || m.AcrossUnits != dataset.Sum {
			continue
		}
		given, at := map[string]float64{}, map[string]dataset.Position{}
		for _, o := range group {
			given[o.Cell], at[o.Cell] = o.Value, o.Source
		}
		if i, ok := totals[key{first.Measure, first.Unit, first.Period}]; ok {
			given[""], at[""] = d.Observations[i].Value, d.Observations[i].Source
		}
		computed, bad := dims.Complete(d.Catalogue.Dimensions, Of(&d.Catalogue, m), given, tolerance)
		for _, b := range bad {
			what := "the total"
			if b.Cell != "" {
				what = "the total of " + b.Cell
			}
			d.Findings = append(d.Findings, dataset.Finding{Pos: at[b.Cell], Severity: dataset.Warning, Code: "breakdown-mismatch",
				Message: fmt.Sprintf("%s for %s in %s: %s is %s, but its parts by %s add up to %s (first part at %s); expected them to agree within %g%%",
					m.ID, first.Unit, first.Period, what, num(b.Reported), b.Over, num(b.Sum), first.Source.Short(), tolerance*100)})
			d.Tally.Warnings++
		}
		for _, cell := range slices.Sorted(mapsKeys(computed)) {
			o := dataset.Observation{Period: first.Period, Unit: first.Unit, Measure: m.ID, Value: computed[cell], Cell: cell, Computed: true, Source: first.Source}
			if cell == "" {
				addTotals = append(addTotals, o)
			} else {
				addCells = append(addCells, o)
			}
		}
	}
	if len(addTotals) > 0 {
		d.Observations = append(d.Observations, addTotals...)
		slices.SortStableFunc(d.Observations, func(a, b dataset.Observation) int {
			return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
		})
	}
	if len(addCells) > 0 {
		d.Breakdowns = append(d.Breakdowns, addCells...)
		sortCells(d.Breakdowns)
	}
	d.Findings.Sort()
}

func num(v float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.4f", v), "0"), ".")
}

func mapsKeys(m map[string]float64) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// sortCells sorts breakdown observations by measure, cell, unit and period.
func sortCells(obs []dataset.Observation) {
	slices.SortStableFunc(obs, func(a, b dataset.Observation) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Cell, b.Cell), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
	})
}

// Of returns the dimensions measure m is broken down by, in the
// catalogue's order.
func Of(cat *dataset.Catalogue, m *dataset.Measure) []dataset.Dimension {
	var out []dataset.Dimension
	for _, d := range cat.Dimensions {
		if slices.Contains(m.Dimensions, d.ID) {
			out = append(out, d)
		}
	}
	return out
}

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
				for _, m := range sortedByID(ms) {
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
