package foreign

import "minhbach/generator/mark"

// AttributeColumns are the optional columns of a canonical long export,
// after period,unit,measure,value and recognised by name: the observation
// status (an SDMX code), a note, the bounds of a confidence interval and a
// sample size.
var AttributeColumns = []string{"status", "note", "lower", "upper", "n"}

// StatusMapping is the [status] table of a mapping file: the column of
// observation statuses, and the publisher's words for them ("Estimated
// value" = "E"); a cell that is no name must be an SDMX code itself.
type StatusMapping struct {
	Column string            `toml:"column"`
	Names  map[string]string `toml:"names"`
}

// NoteMapping is the [note] table of a mapping file.
type NoteMapping struct {
	Column string `toml:"column"`
}

// BoundsMapping is the [bounds] table of a mapping file: the columns of a
// confidence interval's bounds and of the sample size; any may be absent.
type BoundsMapping struct {
	Lower string `toml:"lower"`
	Upper string `toml:"upper"`
	N     string `toml:"n"`
}

// Attributes says which columns of a long export qualify its value: each
// is a column index, or −1 when the export has no such column.
type Attributes struct {
	Status, Note, Lower, Upper, N int
	// statusNames maps folded (ColumnKey) words to SDMX codes.
	statusNames map[string]string
}

// NoAttributes is the Attributes of an export without such columns.
func NoAttributes() Attributes {
	return Attributes{Status: -1, Note: -1, Lower: -1, Upper: -1, N: -1}
}

// CanonicalAttributes finds AttributeColumns in the header of a canonical
// long export.
func CanonicalAttributes(header []string) Attributes {
	a := NoAttributes()
	for i, h := range header {
		switch h {
		case "status":
			a.Status = i
		case "note":
			a.Note = i
		case "lower":
			a.Lower = i
		case "upper":
			a.Upper = i
		case "n":
			a.N = i
		}
	}
	return a
}

// Any reports whether the export has any of the columns.
func (a *Attributes) Any() bool {
	return a.Status >= 0 || a.Note >= 0 || a.Lower >= 0 || a.Upper >= 0 || a.N >= 0
}

// StatusCode returns the SDMX code a status cell stands for: through the
// mapping's names, else the cell itself.
func (a *Attributes) StatusCode(cell string) string {
	if code, ok := a.statusNames[ColumnKey(cell)]; ok {
		return code
	}
	return cell
}

// checkAttributes checks the [status], [note] and [bounds] tables: they
// qualify the value of a long export, and names map to SDMX codes.
func (m *Mapping) checkAttributes(bad func(key, format string, args ...any)) {
	if m.Status == nil && m.Note == nil && m.Bounds == nil {
		return
	}
	if m.Value == nil {
		bad("", "[status], [note] and [bounds] qualify the value of a long export: they need [measure] and [value]")
	}
	if m.Status != nil {
		if m.Status.Column == "" {
			bad("status.column", "status.column is missing: say which column holds the observation status")
		}
		for _, name := range sortedKeys(m.Status.Names) {
			if _, err := mark.Parse(m.Status.Names[name]); err != nil || m.Status.Names[name] == "" {
				bad("status.names", "status.names: %q maps to %q; expected one of the SDMX codes A, E, P, B, M or F", name, m.Status.Names[name])
			}
		}
	}
	if m.Note != nil && m.Note.Column == "" {
		bad("note.column", "note.column is missing: say which column holds the notes")
	}
	if b := m.Bounds; b != nil && (b.Lower == "") != (b.Upper == "") {
		bad("bounds", "bounds: give both lower and upper (the columns of the interval's bounds), or neither")
	}
}

// attributes finds the columns of the [status], [note] and [bounds] tables
// with column (see Layout).
func (m *Mapping) attributes(column func(key, name string) int) Attributes {
	a := NoAttributes()
	opt := func(key, name string) int {
		if name == "" {
			return -1
		}
		return column(key, name)
	}
	if s := m.Status; s != nil {
		a.Status = opt("status.column", s.Column)
		if len(s.Names) > 0 {
			a.statusNames = map[string]string{}
			for name, code := range s.Names {
				a.statusNames[ColumnKey(name)] = code
			}
		}
	}
	if m.Note != nil {
		a.Note = opt("note.column", m.Note.Column)
	}
	if b := m.Bounds; b != nil {
		a.Lower, a.Upper, a.N = opt("bounds.lower", b.Lower), opt("bounds.upper", b.Upper), opt("bounds.n", b.N)
	}
	return a
}
