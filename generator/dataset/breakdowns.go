package dataset

import (
	"slices"
	"strings"

	"minhbach/generator/dataset/cells"
	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/foreign"
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

// cellRules are what the breakdown cells are completed and checked by: how
// each measure's cells make its totals, and each unit's parent.
func cellRules(cat *Catalogue, units []Unit, tolerance float64) cells.Rules {
	rules := make(map[string]dims.Rule, len(cat.Measures))
	for _, m := range cat.Measures {
		r := dims.Rule{Dims: dims.Of(cat.Dimensions, m.Dimensions), Sum: m.AcrossUnits == Sum}
		if m.AcrossUnits == WeightedMean {
			r.Weight = m.Weight
		}
		rules[m.ID] = r
	}
	parent := map[string]string{}
	for _, u := range units {
		if u.Parent != "" && cat.Territorial(u.Type) {
			parent[u.Code] = u.Parent
		}
	}
	return cells.Rules{Order: cat.Dimensions, Measure: func(id string) dims.Rule { return rules[id] }, Parent: parent, Tolerance: tolerance}
}
