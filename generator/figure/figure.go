// Package figure says how an indicator's figures and their changes are
// written, in one language: as a percentage ("86,7%"), as a ratio per a
// base ("12,3 trên 100.000 dân"), as a level with its unit ("45,2 Mbps")
// or as a count ("1.204"); with how many decimals; and their changes in
// percentage points ("+4,0 điểm %"), in points of the base ("+1,2 điểm")
// or, for counts and levels, in percent ("+3,2%"). The pages' tables and
// cards, rankings, maps, breakdowns, charts and downloads all ask it, so
// that a figure reads the same wherever it appears. Package locale writes
// the numbers.
package figure

import (
	"math"

	"minhbach/generator/dataset"
	"minhbach/generator/locale"
)

// Kind is what an indicator's figures are.
type Kind uint8

const (
	// Count is a whole number of things, written without a unit.
	Count Kind = iota
	// Level is a decimal quantity with the indicator's unit (a speed).
	Level
	// Percent is a percentage: a rate of two measures, or one published.
	Percent
	// PerBase is a ratio published per a base (a measure with per = 100000).
	PerBase
)

// Format is how one indicator's figures and changes are written in one
// language. It is a small value, safe to copy.
type Format struct {
	Kind Kind
	// Decimals is how many fraction digits a figure shows.
	Decimals int
	// Unit is what follows a figure, in the page's language: "%", "trên
	// 100.000 dân", "Mbps"; "" for a count.
	Unit string
	f    locale.Formatter
}

// Of is the format of ind's figures, in f's language. A rate over a
// measure with a per base is a ratio per that base, its unit the
// indicator's unit (what the base counts: "dân", "population").
func Of(cat *dataset.Catalogue, ind *dataset.Indicator, f locale.Formatter) Format {
	lang := f.Lang()
	switch ind.Type {
	case dataset.Rate:
		if m, ok := cat.Measure(ind.Measure); ok && ind.Published() && m.Per > 0 {
			return Format{Kind: PerBase, Decimals: 1, Unit: f.Per(m.Per, ind.Unit.Get(lang)), f: f}
		}
		return Format{Kind: Percent, Decimals: 1, Unit: "%", f: f}
	case dataset.Level:
		return Format{Kind: Level, Decimals: 1, Unit: ind.Unit.Get(lang), f: f}
	}
	return Format{Kind: Count, f: f}
}

// Number writes v without its unit, for chart labels: "12,3".
func (x Format) Number(v float64) string { return x.f.Number(v, x.Decimals) }

// Value writes v with its unit: "86,7%", "12,3 trên 100.000 dân",
// "45,2 Mbps", "1.204"; a missing figure (NaN) is the no-data text.
func (x Format) Value(v float64) string {
	n := x.Number(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0) || x.Unit == "":
		return n
	case x.Kind == Percent:
		return n + x.Unit
	}
	return n + " " + x.Unit
}

// Template is Value for the charts' and maps' scripts, which put the
// number written in the page's language in place of {c}: "{c}%",
// "{c} trên 100.000 dân", "{c}".
func (x Format) Template() string {
	switch {
	case x.Unit == "":
		return "{c}"
	case x.Kind == Percent:
		return "{c}" + x.Unit
	}
	return "{c} " + x.Unit
}

// Change writes a change of a figure, signed: a percentage's in
// percentage points ("+4,0 điểm %", "+4.0 pp"), a ratio's per a base in
// points of it ("+1,2 điểm", "+1.2 points"), a count's or level's
// relative, in percent ("+3,2%"). delta is in those units, as package
// indicator computes it.
func (x Format) Change(delta float64) string {
	switch x.Kind {
	case Percent:
		return x.f.Points(delta, 1)
	case PerBase:
		return x.f.BasePoints(delta, 1)
	}
	return x.f.SignedPercent(delta, 1)
}

// Difference writes the distance between two figures, unsigned, as a
// target's gap: in points for a percentage ("4,0 điểm %") or a ratio per a
// base ("1,2 điểm"), else as a figure ("1.204", "3,5 Mbps").
func (x Format) Difference(d float64) string {
	switch x.Kind {
	case Percent:
		return x.f.Number(d, 1) + " " + x.f.PointsUnit()
	case PerBase:
		return x.f.Number(d, 1) + " " + x.f.BasePointsUnit()
	}
	return x.Value(d)
}

// InPoints reports whether changes are differences in points (of a
// percentage or a base), not relative changes in percent.
func (x Format) InPoints() bool { return x.Kind == Percent || x.Kind == PerBase }

// ChangeUnit names the unit of the changes for machines, as the downloads'
// change_unit column does: "pp", "points" or "percent".
func (x Format) ChangeUnit() string {
	switch x.Kind {
	case Percent:
		return "pp"
	case PerBase:
		return "points"
	}
	return "percent"
}

// Formats are the formats of a catalogue's indicators in one language,
// made once for the pages.
type Formats struct {
	cat *dataset.Catalogue
	f   locale.Formatter
	by  map[string]Format // by indicator id
}

// All makes the formats of every indicator of cat in f's language.
func All(cat *dataset.Catalogue, f locale.Formatter) *Formats {
	fs := &Formats{cat: cat, f: f, by: make(map[string]Format, len(cat.Indicators))}
	for i := range cat.Indicators {
		fs.by[cat.Indicators[i].ID] = Of(cat, &cat.Indicators[i], f)
	}
	return fs
}

// Of is the format of ind: the one made for its id, or, for an indicator
// not in the catalogue, one made now.
func (fs *Formats) Of(ind *dataset.Indicator) Format {
	if x, ok := fs.by[ind.ID]; ok {
		return x
	}
	return Of(fs.cat, ind, fs.f)
}
