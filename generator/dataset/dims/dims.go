// Package dims holds the breakdowns of measures: the dimensions a
// catalogue declares (sex, age, service level, sector), their values, the
// key of a breakdown cell, and how a cell's total follows from its parts.
//
// A cell names one value of some of a measure's dimensions; the dimensions
// it leaves out are totalled over. Its key lists "dimension=value" pairs in
// the catalogue's order of dimensions, joined by ";": "level=full",
// "age=0-14;sex=f". The empty key is the total over every dimension, the
// headline figure.
package dims

import (
	"math"
	"regexp"
	"slices"
	"strings"

	"minhbach/generator/dataset/geo"
)

// Dimension is a breakdown of measures, with the values it takes.
type Dimension struct {
	ID     string   `toml:"id"`
	Name   geo.Text `toml:"name"`
	Values []Value  `toml:"values"`
}

// Value is one category of a dimension ("female", "full-process").
type Value struct {
	ID   string   `toml:"id"`
	Name geo.Text `toml:"name"`
}

// Value returns the dimension's value with the given id.
func (d *Dimension) Value(id string) (*Value, bool) {
	for i := range d.Values {
		if d.Values[i].ID == id {
			return &d.Values[i], true
		}
	}
	return nil, false
}

// ValueIDs lists the ids of the dimension's values, for messages.
func (d *Dimension) ValueIDs() string {
	ids := make([]string, len(d.Values))
	for i, v := range d.Values {
		ids[i] = v.ID
	}
	return strings.Join(ids, ", ")
}

var (
	dimPattern   = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	valuePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_.+-]{0,63}$`)
)

// Reserved are column names of exports that no dimension may take.
var Reserved = []string{"period", "unit", "measure", "value", "status", "note", "lower", "upper", "n"}

// Check checks the declared dimensions; bad reports a problem at field of
// the i-th dimension ("values" for its values).
func Check(list []Dimension, bad func(i int, field, format string, args ...any)) {
	seen := map[string]bool{}
	for i, d := range list {
		if !dimPattern.MatchString(d.ID) || seen[d.ID] || slices.Contains(Reserved, d.ID) {
			bad(i, "id", "dimension %q: expected a unique id of lower-case letters, digits and _, not one of %s", d.ID, strings.Join(Reserved, ", "))
		}
		seen[d.ID] = true
		if d.Name.VI == "" || d.Name.EN == "" {
			bad(i, "name", "dimension %s: expected a name in both vi and en", d.ID)
		}
		if len(d.Values) < 2 {
			bad(i, "values", "dimension %s: expected at least two values", d.ID)
		}
		vals := map[string]bool{}
		for _, v := range d.Values {
			if !valuePattern.MatchString(v.ID) || vals[v.ID] {
				bad(i, "values", "dimension %s: value %q: expected a unique id of lower-case letters, digits and _ . + -", d.ID, v.ID)
			}
			vals[v.ID] = true
			if v.Name.VI == "" || v.Name.EN == "" {
				bad(i, "values", "dimension %s: value %s: expected a name in both vi and en", d.ID, v.ID)
			}
		}
	}
}

// Part is one dimension's value in a cell.
type Part struct{ Dim, Value string }

// Key returns the key of the cell made of parts, in the order of order
// (the catalogue's dimensions); parts of dimensions not in order are left
// out.
func Key(order []Dimension, parts []Part) string {
	var b strings.Builder
	for _, d := range order {
		for _, p := range parts {
			if p.Dim == d.ID && p.Value != "" {
				if b.Len() > 0 {
					b.WriteByte(';')
				}
				b.WriteString(p.Dim + "=" + p.Value)
			}
		}
	}
	return b.String()
}

// Parts returns the parts of a cell key.
func Parts(key string) []Part {
	if key == "" {
		return nil
	}
	var out []Part
	for _, kv := range strings.Split(key, ";") {
		d, v, _ := strings.Cut(kv, "=")
		out = append(out, Part{d, v})
	}
	return out
}

// Get returns the value of dimension dim in the cell key, "" when the cell
// totals over it.
func Get(key, dim string) string {
	for _, p := range Parts(key) {
		if p.Dim == dim {
			return p.Value
		}
	}
	return ""
}

// Project returns the cell key restricted to the dimensions in keep: the
// cell of a measure broken down by fewer dimensions that a cell stands on.
func Project(key string, keep []string) string {
	var kept []string
	for _, p := range Parts(key) {
		if slices.Contains(keep, p.Dim) {
			kept = append(kept, p.Dim+"="+p.Value)
		}
	}
	return strings.Join(kept, ";")
}

// Dims returns the dimensions a cell key names, in its order.
func Dims(key string) []string {
	var out []string
	for _, p := range Parts(key) {
		out = append(out, p.Dim)
	}
	return out
}

// with returns key with dim set to value (order is the catalogue's).
func with(order []Dimension, key, dim, value string) string {
	return Key(order, append(Parts(key), Part{dim, value}))
}

// Mismatch is a cell reported with a value that differs from the sum of
// its parts beyond the tolerance.
type Mismatch struct {
	// Cell is the reported cell, Over the dimension its parts break it by.
	Cell, Over string
	Reported   float64
	// Sum is what the parts come to: their sum, or their weighted mean
	// (CompleteWeighted).
	Sum float64
}

// Complete works out the cells of one measure for one unit and period
// that follow from its parts: a cell that leaves out a dimension is the sum
// of the cells with each of that dimension's values, when all of them are
// given. given maps cell keys to values, NaN for a cell given without one
// (marked missing): such a cell is not computed, compared nor added into
// another. dims are the measure's dimensions (in the catalogue's order,
// which order also is). It returns the cells computed, and the given cells
// that differ from the sum of their parts by more than tolerance
// (relative).
func Complete(order, dims []Dimension, given map[string]float64, tolerance float64) (computed map[string]float64, bad []Mismatch) {
	return complete(order, dims, given, nil, tolerance)
}

// CompleteWeighted is Complete for a measure whose values average,
// weighted by another measure (a published rate weighted by respondents):
// a cell that leaves out a dimension is Σ value × weight / Σ weight over
// the cells with each of that dimension's values, when every one of them
// has a value and a weight. weights maps the weight measure's cells (those
// added up from their parts too) to its values; a cell whose parts weigh
// nothing in all is not computed. A Mismatch's Sum is then the weighted
// mean.
func CompleteWeighted(order, dims []Dimension, given, weights map[string]float64, tolerance float64) (computed map[string]float64, bad []Mismatch) {
	return complete(order, dims, given, weights, tolerance)
}

// complete is Complete, or CompleteWeighted when weights is not nil.
func complete(order, dims []Dimension, given, weights map[string]float64, tolerance float64) (computed map[string]float64, bad []Mismatch) {
	all := make(map[string]float64, len(given))
	for k, v := range given {
		all[k] = v
	}
	computed = map[string]float64{}
	// disputed are the given cells that disagree with their parts: a cell
	// added up from parts is added up from others where it can be.
	disputed := map[string]bool{}
	// sum adds up cell over dimension d, when all its parts are known: their
	// sum, or their mean weighted by weights.
	sum := func(cell string, d *Dimension) (total float64, whole, clean bool) {
		clean = true
		var weight float64
		for _, v := range d.Values {
			part := with(order, cell, d.ID, v.ID)
			x, ok := all[part]
			if !ok || math.IsNaN(x) {
				return 0, false, false
			}
			if weights != nil {
				w, ok := weights[part]
				if !ok || math.IsNaN(w) {
					return 0, false, false
				}
				x, weight = x*w, weight+w
			}
			total += x
			clean = clean && !disputed[part]
		}
		if weights != nil {
			if weight == 0 {
				return 0, false, false
			}
			total /= weight
		}
		return total, true, clean
	}
	// Cells from the most detailed down: a cell with k dimensions set is
	// the sum over any dimension it leaves out of cells with k+1 set.
	for k := len(dims) - 1; k >= 0; k-- {
		for _, cell := range cells(order, dims, k) {
			found, foundClean := false, false
			var first, best float64
			var over string
			for i := range dims {
				d := &dims[i]
				if Get(cell, d.ID) != "" {
					continue
				}
				total, whole, clean := sum(cell, d)
				if !whole {
					continue
				}
				if !found {
					found, first, over = true, total, d.ID
				}
				if clean && !foundClean {
					foundClean, best = true, total
				}
			}
			if !found {
				continue
			}
			if r, ok := given[cell]; ok {
				if !math.IsNaN(r) && differs(r, first, tolerance) {
					bad = append(bad, Mismatch{Cell: cell, Over: over, Reported: r, Sum: first})
					disputed[cell] = true
				}
				continue
			}
			if !foundClean {
				best = first
			}
			all[cell], computed[cell] = best, best
		}
	}
	return computed, bad
}

// Within reports whether cell part lies within cell: it sets every
// dimension cell sets, to the same value, and more.
func Within(part, cell string) bool {
	if part == cell {
		return false
	}
	for _, p := range Parts(cell) {
		if Get(part, p.Dim) != p.Value {
			return false
		}
	}
	return true
}

// differs reports whether a reported value and a sum differ by more than
// tolerance, relative to the larger.
func differs(reported, sum, tolerance float64) bool {
	return math.Abs(reported-sum) > tolerance*math.Max(math.Abs(reported), math.Abs(sum))
}

// cells lists the keys of the cells with exactly k of dims set.
func cells(order, dims []Dimension, k int) []string {
	var out []string
	var walk func(i int, parts []Part)
	walk = func(i int, parts []Part) {
		if len(parts) == k {
			out = append(out, Key(order, parts))
			return
		}
		if i == len(dims) {
			return
		}
		for _, v := range dims[i].Values {
			walk(i+1, append(slices.Clip(parts), Part{dims[i].ID, v.ID}))
		}
		walk(i+1, parts)
	}
	walk(0, nil)
	return out
}

// Name returns a cell's name in lang: its values' names joined by " · ",
// "" for the total.
func Name(order []Dimension, key, lang string) string {
	var names []string
	for _, p := range Parts(key) {
		for i := range order {
			if order[i].ID == p.Dim {
				if v, ok := order[i].Value(p.Value); ok {
					names = append(names, v.Name.Get(lang))
				}
			}
		}
	}
	return strings.Join(names, " · ")
}

// Find returns the dimension of list with the given id.
func Find(list []Dimension, id string) (*Dimension, bool) {
	for i := range list {
		if list[i].ID == id {
			return &list[i], true
		}
	}
	return nil, false
}

// Of returns the dimensions of list whose ids are in ids, in the order of
// list (the catalogue's): those a measure is broken down by.
func Of(list []Dimension, ids []string) []Dimension {
	var out []Dimension
	for _, d := range list {
		if slices.Contains(ids, d.ID) {
			out = append(out, d)
		}
	}
	return out
}
