package foreign

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"minhbach/generator/period"
)

// Mapping is a mapping file: the TOML file beside a foreign export, with
// the same name (eoffice-2025-q1.csv, eoffice-2025-q1.toml), that says how
// to read it; a mapping.toml reads every CSV of its folder that has no
// mapping of its own. Every key is optional; a mapping with only encoding, delimiter
// or numbers reads an export in canonical columns.
//
//	encoding  = "windows-1258"      # utf-8 (default), utf-16, utf-16le, utf-16be, windows-1258
//	delimiter = ";"                 # ",", ";", "\t" or "tab"; detected from the header when absent
//	numbers   = "vi"                # canonical (1234, 86.7), vi (213.883, 86,7) or en (213,883, 86.7)
//	ignore    = ["STT"]             # columns left out on purpose (others are reported)
//	[period]                        # column + format, or value = "2025-Q3"
//	column = "Kỳ báo cáo"
//	format = "Quý I/2025"
//	[unit]                          # column (or columns) + by, or value = "an-giang"
//	column = "Đơn vị"               # columns = ["Local Authority", "Region"]: the first non-empty
//	by     = "name"                 # code (default), name or geocode
//	default = "K02000001"           # the unit of rows whose unit cells are all empty (given as by says)
//	[columns]                       # wide form: column → measure id
//	"Văn bản đến" = "docs_incoming"
//	# or long form:
//	[measure]                       # column (with optional names), or value = "docs_incoming"
//	column = "Chỉ tiêu"
//	names  = { "Văn bản đến" = "docs_incoming" }
//	[value]
//	column = "Số liệu"
//	[status]                        # long form: the observation status, SDMX codes or names for them
//	column = "Trạng thái"
//	names  = { "Ước tính" = "E" }
//	[note]
//	column = "Ghi chú"
//	[bounds]                        # a confidence interval and a sample size
//	lower = "Cận dưới"
//	upper = "Cận trên"
//	n     = "Cỡ mẫu"
//
// The caller decodes the file into a Mapping, strictly (unknown keys are
// errors), sets Path and calls Check.
type Mapping struct {
	// Path is the mapping file's path, for messages.
	Path      string            `toml:"-"`
	Encoding  string            `toml:"encoding"`
	Delimiter string            `toml:"delimiter"`
	Numbers   string            `toml:"numbers"`
	Ignore    []string          `toml:"ignore"`
	Period    *PeriodMapping    `toml:"period"`
	Unit      *UnitMapping      `toml:"unit"`
	Measure   *MeasureMapping   `toml:"measure"`
	Value     *ValueMapping     `toml:"value"`
	Columns   map[string]string `toml:"columns"`
	// Status, Note and Bounds name the columns that qualify the value of
	// a long export (see Attributes).
	Status *StatusMapping `toml:"status"`
	Note   *NoteMapping   `toml:"note"`
	Bounds *BoundsMapping `toml:"bounds"`
	// Dimensions maps dimension ids to the column that holds them.
	Dimensions map[string]DimensionMapping `toml:"dimensions"`

	// Set by Check: the delimiter (0 to detect it) and the parser of periods.
	Comma       byte                                `toml:"-"`
	ParsePeriod func(string) (period.Period, error) `toml:"-"`
}

// DimensionMapping is a [dimensions.<id>] table of a mapping file: the
// column holding a dimension (or one value for every row), and the names
// its cells use for the dimension's value ids ("" for the total).
type DimensionMapping struct {
	Column string            `toml:"column"`
	Value  string            `toml:"value"`
	Names  map[string]string `toml:"names"`
}

// Dim is where a mapped export has a dimension.
type Dim struct {
	ID     string
	Source Source
	// names maps folded (ColumnKey) cell texts to value ids.
	names map[string]string
}

// ValueID returns the value id a dimension cell stands for through names:
// text itself without such a name.
func (d *Dim) ValueID(text string) string {
	if id, ok := d.names[ColumnKey(text)]; ok {
		return id
	}
	return text
}

// PeriodMapping is the [period] table of a mapping file.
type PeriodMapping struct {
	Column     string `toml:"column"`
	Value      string `toml:"value"`
	Format     string `toml:"format"`
	FiscalYear string `toml:"fiscal_year"`
	DateIn     string `toml:"date_in"`
}

// UnitMapping is the [unit] table of a mapping file. Columns are taken in
// order, the first non-empty cell holding the unit; Default is the unit of
// a row whose cells are all empty, given as By says.
type UnitMapping struct {
	Column  string   `toml:"column"`
	Columns []string `toml:"columns"`
	Value   string   `toml:"value"`
	By      string   `toml:"by"`
	Default string   `toml:"default"`
}

// Ways of finding units (UnitMapping.By).
const (
	ByCode    = "code"
	ByName    = "name"
	ByGeocode = "geocode"
)

// MeasureMapping is the [measure] table of a mapping file.
type MeasureMapping struct {
	Column string            `toml:"column"`
	Value  string            `toml:"value"`
	Names  map[string]string `toml:"names"`
}

// ValueMapping is the [value] table of a mapping file.
type ValueMapping struct {
	Column string `toml:"column"`
}

// MapsColumns reports whether the mapping says where anything is; without
// that the export has canonical columns.
func (m *Mapping) MapsColumns() bool {
	return m.Period != nil || m.Unit != nil || m.Measure != nil || m.Value != nil || m.Columns != nil
}

// Check checks a decoded mapping and sets what follows from it (Comma,
// ParsePeriod); it returns what is wrong with it, nothing when it is good.
// Each problem is InMapping, with the key it is about.
func (m *Mapping) Check() []Problem {
	var problems []Problem
	bad := func(key, format string, args ...any) {
		problems = append(problems, Problem{Column: InMapping, Key: key, Code: "mapping", Msg: fmt.Sprintf(format, args...)})
	}

	if m.Encoding != "" && !slices.Contains(Encodings, strings.ToLower(m.Encoding)) {
		bad("encoding", "encoding: found %q, expected one of %s", m.Encoding, quoteList(Encodings))
	}
	m.Encoding = strings.ToLower(m.Encoding)
	switch m.Delimiter {
	case "":
	case ",", ";", "\t", "|":
		m.Comma = m.Delimiter[0]
	case "tab":
		m.Comma = '\t'
	default:
		bad("delimiter", `delimiter: found %q, expected ",", ";", "tab" or "|"`, m.Delimiter)
	}
	if _, ok := NumberParser(m.Numbers); !ok {
		bad("numbers", "numbers: found %q, expected %q, %q or %q", m.Numbers, NumbersCanonical, NumbersVI, NumbersEN)
	}
	if !m.MapsColumns() {
		m.ParsePeriod = period.Parse
		return problems
	}

	oneOf := func(key, column, value string) {
		if (column == "") == (value == "") {
			bad(key, "%s: expected either column (the column that holds it) or value (one value for every row)", key)
		}
	}
	if m.Period == nil {
		bad("", "[period] is missing: say which column holds the period, or give its value")
	} else {
		oneOf("period", m.Period.Column, m.Period.Value)
		if m.Period.Value != "" {
			p, err := period.Parse(m.Period.Value)
			if err != nil {
				bad("period.value", "period.value: %v", err)
			}
			m.ParsePeriod = func(string) (period.Period, error) { return p, nil }
		} else {
			parse, err := periodParser(m.Period)
			if err != nil {
				bad("period.format", "%v", err)
			}
			m.ParsePeriod = parse
		}
	}
	if m.Unit == nil {
		bad("", "[unit] is missing: say which column holds the unit, or give its value")
	} else {
		u := m.Unit
		switch {
		case u.Column != "" && len(u.Columns) > 0:
			bad("unit.columns", "unit: give column (one column) or columns (several, the first non-empty holding the unit), not both")
		case len(u.Columns) > 0 && u.Value != "":
			bad("unit", "unit: expected either columns (the columns that hold it) or value (one value for every row)")
		case len(u.Columns) == 0:
			oneOf("unit", u.Column, u.Value)
		}
		if slices.Contains(u.Columns, "") {
			bad("unit.columns", "unit.columns: found an empty column name")
		}
		if u.Default != "" && u.Value != "" {
			bad("unit.default", "unit.default: a default is for rows whose unit cells are empty; with value, there are none")
		}
		if u.By != "" && u.By != ByCode && u.By != ByName && u.By != ByGeocode {
			bad("unit.by", `unit.by: found %q, expected "code", "name" or "geocode"`, u.By)
		}
	}
	switch long := m.Measure != nil || m.Value != nil; {
	case long && m.Columns != nil:
		bad("", "give either [columns] (one column for each measure) or [measure] and [value] (a column of measures and a column of values), not both")
	case long:
		if m.Measure == nil {
			bad("", "[measure] is missing: say which column holds the measure, or give its value")
		} else {
			oneOf("measure", m.Measure.Column, m.Measure.Value)
		}
		if m.Value == nil || m.Value.Column == "" {
			bad("value", "value.column is missing: say which column holds the values")
		}
	case len(m.Columns) == 0:
		bad("columns", "[columns] is missing or empty: say which column holds which measure")
	}
	m.checkAttributes(bad)
	return problems
}

// ColumnKey is how header names are compared with a mapping's: trimmed,
// in NFC, without case.
func ColumnKey(s string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(s)))
}

// Source is where a row's period, unit or measure comes from: a column of
// the header, or (Column < 0) one Text for every row. A unit may come from
// the first non-empty of Column and Further, and from Text (the default)
// when all are empty.
type Source struct {
	Column  int
	Text    string
	Further []int
}

// Wide is a column of a wide export and the id of the measure it holds.
type Wide struct {
	Column  int
	Measure string
}

// Layout says where a mapped export's header has what the mapping names.
type Layout struct {
	Period      Source
	ParsePeriod func(string) (period.Period, error)
	Unit        Source
	// By says how units are given: ByCode, ByName or ByGeocode (see
	// NameIndex).
	By string
	// A long export has a measure and a value column (Value >= 0); a wide
	// export has a column for each measure.
	Measure Source
	Value   int
	Wide    []Wide
	// Attr holds the columns that qualify a long export's value.
	Attr Attributes
	// Dims are the columns of dimensions, in the mapping's order of ids.
	Dims []Dim
	// measureNames maps the folded (ColumnKey) names of measures to their ids.
	measureNames map[string]string
}

// MeasureID returns the measure id a long export's measure cell stands for
// through measure.names: text itself without such a name.
func (l *Layout) MeasureID(text string) string {
	if id, ok := l.measureNames[ColumnKey(text)]; ok {
		return id
	}
	return text
}

// NamesMeasures says whether measure cells go through measure.names.
func (l *Layout) NamesMeasures() bool { return l.measureNames != nil }

// Where a Problem is, when it is not in a column of the header.
const (
	// AtHeader is the start of the header (line 1, column 1).
	AtHeader = -1
	// InMapping is the mapping file.
	InMapping = -2
)

// Problem is something wrong, or worth a note, in how a mapping fits a header.
type Problem struct {
	// Column is the header column it is about, or AtHeader or InMapping.
	Column int
	// Key is the mapping file's key it is about ("period.format"), when
	// InMapping; "" for the file as a whole.
	Key string
	// Note is true for a note (a column left out), false for an error.
	Note bool
	Code string
	Msg  string
}

// Layout finds the mapping's columns in header and returns where each
// thing is, or nil when something does not fit; known says whether a
// measure id is in the catalogue. It also returns the problems found,
// errors and notes.
func (m *Mapping) Layout(header []string, known func(id string) bool) (*Layout, []Problem) {
	var problems []Problem
	ok := true
	fail := func(col int, code, format string, args ...any) {
		problems = append(problems, Problem{Column: col, Code: code, Msg: fmt.Sprintf(format, args...)})
		ok = false
	}
	index := map[string]int{}
	for i, h := range header {
		k := ColumnKey(h)
		if j, dup := index[k]; dup {
			fail(i, "header", "column %s appears twice (also column %d)", Quote(h), j+1)
			continue
		}
		index[k] = i
	}
	used := make([]bool, len(header))
	column := func(key, name string) int {
		i, found := index[ColumnKey(name)]
		if !found {
			fail(AtHeader, "header", "%s: column %q (%s) is not in the header; found columns %s",
				key, name, m.Path, quoteList(header))
			return -1
		}
		used[i] = true
		return i
	}
	source := func(key, col, value string) Source {
		if col == "" {
			return Source{Column: -1, Text: value}
		}
		return Source{Column: column(key+".column", col)}
	}
	l := &Layout{
		Period:      source("period", m.Period.Column, m.Period.Value),
		ParsePeriod: m.ParsePeriod,
		Unit:        source("unit", m.Unit.Column, m.Unit.Value),
		By:          cmp.Or(m.Unit.By, ByCode),
		Value:       -1,
		Attr:        NoAttributes(),
	}
	if cols := m.Unit.Columns; len(cols) > 0 {
		l.Unit = Source{Column: column("unit.columns", cols[0])}
		for _, c := range cols[1:] {
			l.Unit.Further = append(l.Unit.Further, column("unit.columns", c))
		}
	}
	if m.Unit.Default != "" {
		l.Unit.Text = m.Unit.Default
	}
	if m.Columns != nil {
		for i, h := range header {
			for name, id := range m.Columns {
				if ColumnKey(name) != ColumnKey(h) {
					continue
				}
				used[i] = true
				if !known(id) {
					fail(InMapping, "unknown-measure", "columns: %q maps to %q, which is not a measure id in the catalogue", name, id)
				}
				l.Wide = append(l.Wide, Wide{Column: i, Measure: id})
			}
		}
		for _, name := range sortedKeys(m.Columns) {
			column("columns", name)
		}
	} else {
		l.Measure = source("measure", m.Measure.Column, m.Measure.Value)
		l.Value = column("value.column", m.Value.Column)
		l.Attr = m.attributes(column)
		if len(m.Measure.Names) > 0 {
			l.measureNames = map[string]string{}
			for name, id := range m.Measure.Names {
				if !known(id) {
					fail(InMapping, "unknown-measure", "measure.names: %q maps to %q, which is not a measure id in the catalogue", name, id)
				}
				l.measureNames[ColumnKey(name)] = id
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(m.Dimensions)) {
		dm := m.Dimensions[id]
		d := Dim{ID: id, Source: source("dimensions."+id, dm.Column, dm.Value), names: map[string]string{}}
		for name, v := range dm.Names {
			d.names[ColumnKey(name)] = v
		}
		l.Dims = append(l.Dims, d)
	}
	if !ok {
		return nil, problems
	}
	for i, h := range header {
		if !used[i] && !slices.ContainsFunc(m.Ignore, func(s string) bool { return ColumnKey(s) == ColumnKey(h) }) {
			problems = append(problems, Problem{Column: i, Note: true, Code: "ignored-column",
				Msg: fmt.Sprintf("column %s is not mapped by %s; it is ignored (list it in ignore to say so)", Quote(h), m.Path)})
		}
	}
	return l, problems
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
