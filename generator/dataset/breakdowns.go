package dataset

import (
	"cmp"
	"slices"
	"strings"

	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/period"
)

// dimColumn is where a row's value of a dimension is: a column (or one
// text for every row), read through a mapping's names when mapped.
type dimColumn struct {
	src   cellSource
	dim   *Dimension
	names *foreign.Dim
}

// cellPart is a row's value of one dimension, and its column.
type cellPart struct {
	dims.Part
	col int
}

// cellID identifies a breakdown observation; an export gives it only once.
type cellID struct {
	p             period.Period
	unit, measure int32
	cell          string
}

// canonicalDims returns the dimension columns of a canonical header.
func (er *exportReader) canonicalDims(header []string) []dimColumn {
	var out []dimColumn
	for j, h := range header {
		if d, ok := dims.Find(er.dims, h); ok {
			out = append(out, dimColumn{src: cellSource{col: j}, dim: d})
		}
	}
	return out
}

// mappedDims adds the dimensions of a mapping's layout to pl, reporting
// ids the catalogue does not declare.
func (er *exportReader) mappedDims(pl *plan, l *foreign.Layout) bool {
	for i := range l.Dims {
		md := &l.Dims[i]
		d, ok := dims.Find(er.dims, md.ID)
		if !ok {
			er.c.Errorf(Position{File: pl.mapping}, "mapping", "dimensions.%s: not a dimension of the catalogue; expected one of %s", md.ID, strings.Join(er.dimIDs, ", "))
			return false
		}
		pl.dims = append(pl.dims, dimColumn{src: cellSource{col: md.Source.Column, text: md.Source.Text}, dim: d, names: md})
	}
	return true
}

// readCell reads the current row's breakdown cell into er.cell; false
// after reporting a value its dimension does not have.
func (er *exportReader) readCell(cf *csvfile.File, pl *plan) bool {
	er.parts = er.parts[:0]
	var ps []dims.Part
	ok := true
	for _, dc := range pl.dims {
		text := string(dc.src.get(cf.S))
		if dc.names != nil {
			text = dc.names.ValueID(text)
		}
		if text == "" {
			continue
		}
		if _, known := dc.dim.Value(text); !known {
			er.c.Errorf(pl.pos(cf, dc.src), "unknown-value", "%s: found %s, expected one of %s, or an empty cell for the total", dc.dim.ID, foreign.Quote(text), dc.dim.ValueIDs())
			ok = false
			continue
		}
		ps = append(ps, dims.Part{Dim: dc.dim.ID, Value: text})
		er.parts = append(er.parts, cellPart{ps[len(ps)-1], dc.src.column(cf.S)})
	}
	er.cell = dims.Key(er.dims, ps)
	return ok
}

// brokenDownBy reports whether measure mi has the dimensions of the
// current row's cell, reporting those it has not.
func (er *exportReader) brokenDownBy(cf *csvfile.File, pl *plan, mi int32) bool {
	m := er.measures[mi]
	for _, p := range er.parts {
		if !slices.Contains(m.Dimensions, p.Dim) {
			er.c.Errorf(pl.pos(cf, cellSource{col: p.col}), "not-broken-down", "measure %q is not broken down by %s (found %s); expected an empty cell, or %s in the measure's dimensions", m.ID, p.Dim, foreign.Quote(p.Value), p.Dim)
			return false
		}
	}
	return true
}

// addCell records a breakdown observation of the current row.
func (er *exportReader) addCell(at Position, mi int32, v float64) {
	id := cellID{er.lastPeriod, er.lastUnit, mi, er.cell}
	if first, dup := er.cellAt[id]; dup {
		er.c.Errorf(at, "duplicate", "%s (%s) for %s in %s is given twice; first at %s", er.measures[mi].ID, er.cell, er.units[er.lastUnit].Code, er.lastPeriod, first.Short())
		return
	}
	er.cellAt[id] = at
	er.cells = append(er.cells, Observation{Period: er.lastPeriod, Unit: er.units[er.lastUnit].Code, Measure: er.measures[mi].ID, Value: v, Cell: er.cell, Source: at})
}

// sortedCells returns the breakdown observations sorted by measure, cell,
// unit and period.
func (er *exportReader) sortedCells() []Observation {
	slices.SortFunc(er.cells, func(a, b Observation) int {
		return cmp.Or(strings.Compare(a.Measure, b.Measure), strings.Compare(a.Cell, b.Cell), strings.Compare(a.Unit, b.Unit), period.Compare(a.Period, b.Period))
	})
	return er.cells
}
