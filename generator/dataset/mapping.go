package dataset

import (
	"os"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"minhbach/generator/period"
)

// mapping is a mapping file: the TOML file beside a foreign export, with
// the same name (eoffice-2025-q1.csv, eoffice-2025-q1.toml), that says how
// to read it. Every key is optional; a mapping with only encoding, delimiter
// or numbers reads an export in canonical columns.
//
//	encoding  = "windows-1258"      # utf-8 (default), utf-16, utf-16le, utf-16be, windows-1258
//	delimiter = ";"                 # ",", ";", "\t" or "tab"; detected from the header when absent
//	numbers   = "vi"                # canonical (1234, 86.7), vi (213.883, 86,7) or en (213,883, 86.7)
//	ignore    = ["STT"]             # columns left out on purpose (others are reported)
//	[period]                        # column + format, or value = "2025-Q3"
//	column = "Kỳ báo cáo"
//	format = "Quý I/2025"
//	[unit]                          # column + by, or value = "an-giang"
//	column = "Đơn vị"
//	by     = "name"                 # code (default) or name
//	[columns]                       # wide form: column → measure id
//	"Văn bản đến" = "docs_incoming"
//	# or long form:
//	[measure]                       # column (with optional names), or value = "docs_incoming"
//	column = "Chỉ tiêu"
//	names  = { "Văn bản đến" = "docs_incoming" }
//	[value]
//	column = "Số liệu"
type mapping struct {
	path      string
	Encoding  string            `toml:"encoding"`
	Delimiter string            `toml:"delimiter"`
	Numbers   string            `toml:"numbers"`
	Ignore    []string          `toml:"ignore"`
	Period    *periodMapping    `toml:"period"`
	Unit      *unitMapping      `toml:"unit"`
	Measure   *measureMapping   `toml:"measure"`
	Value     *valueMapping     `toml:"value"`
	Columns   map[string]string `toml:"columns"`

	comma       byte
	number      func(string, MeasureKind) (float64, error)
	parsePeriod func(string) (period.Period, error)
}

type periodMapping struct {
	Column     string `toml:"column"`
	Value      string `toml:"value"`
	Format     string `toml:"format"`
	FiscalYear string `toml:"fiscal_year"`
	DateIn     string `toml:"date_in"`
}

type unitMapping struct {
	Column string `toml:"column"`
	Value  string `toml:"value"`
	By     string `toml:"by"`
}

type measureMapping struct {
	Column string            `toml:"column"`
	Value  string            `toml:"value"`
	Names  map[string]string `toml:"names"`
}

type valueMapping struct {
	Column string `toml:"column"`
}

// mapsColumns reports whether the mapping says where anything is; without
// that the export has canonical columns.
func (m *mapping) mapsColumns() bool {
	return m.Period != nil || m.Unit != nil || m.Measure != nil || m.Value != nil || m.Columns != nil
}

// readMapping reads and checks a mapping file; it returns nil after
// reporting what is wrong with it.
func readMapping(path string, c *collector) *mapping {
	src, err := os.ReadFile(path)
	if err != nil {
		c.errorf(Position{File: path}, "io", "cannot read the mapping: %v", err)
		return nil
	}
	m := &mapping{path: path}
	if !decodeTOML(path, src, m, c) {
		return nil
	}
	at := Position{File: path}
	before := c.errorsIn()
	bad := func(format string, args ...any) { c.errorf(at, "mapping", format, args...) }

	if m.Encoding != "" && !slices.Contains(encodings, strings.ToLower(m.Encoding)) {
		bad("encoding: found %q, expected one of %s", m.Encoding, quoteList(encodings))
	}
	m.Encoding = strings.ToLower(m.Encoding)
	switch m.Delimiter {
	case "":
	case ",", ";", "\t", "|":
		m.comma = m.Delimiter[0]
	case "tab":
		m.comma = '\t'
	default:
		bad(`delimiter: found %q, expected ",", ";", "tab" or "|"`, m.Delimiter)
	}
	var ok bool
	if m.number, ok = numberParser(m.Numbers); !ok {
		bad("numbers: found %q, expected %q, %q or %q", m.Numbers, NumbersCanonical, NumbersVI, NumbersEN)
	}
	if !m.mapsColumns() {
		m.parsePeriod = period.Parse
		return m.checked(c, before)
	}

	oneOf := func(key, column, value string) {
		if (column == "") == (value == "") {
			bad("%s: expected either column (the column that holds it) or value (one value for every row)", key)
		}
	}
	if m.Period == nil {
		bad("[period] is missing: say which column holds the period, or give its value")
	} else {
		oneOf("period", m.Period.Column, m.Period.Value)
		if m.Period.Value != "" {
			p, err := period.Parse(m.Period.Value)
			if err != nil {
				bad("period.value: %v", err)
			}
			m.parsePeriod = func(string) (period.Period, error) { return p, nil }
		} else if m.parsePeriod, err = periodParser(m.Period); err != nil {
			bad("%v", err)
		}
	}
	if m.Unit == nil {
		bad("[unit] is missing: say which column holds the unit, or give its value")
	} else {
		oneOf("unit", m.Unit.Column, m.Unit.Value)
		if m.Unit.By != "" && m.Unit.By != "code" && m.Unit.By != "name" {
			bad(`unit.by: found %q, expected "code" or "name"`, m.Unit.By)
		}
	}
	switch long := m.Measure != nil || m.Value != nil; {
	case long && m.Columns != nil:
		bad("give either [columns] (one column for each measure) or [measure] and [value] (a column of measures and a column of values), not both")
	case long:
		if m.Measure == nil {
			bad("[measure] is missing: say which column holds the measure, or give its value")
		} else {
			oneOf("measure", m.Measure.Column, m.Measure.Value)
		}
		if m.Value == nil || m.Value.Column == "" {
			bad("value.column is missing: say which column holds the values")
		}
	case len(m.Columns) == 0:
		bad("[columns] is missing or empty: say which column holds which measure")
	}
	return m.checked(c, before)
}

func (m *mapping) checked(c *collector, before int) *mapping {
	if c.errorsIn() > before {
		return nil
	}
	return m
}

// columnKey is how header names are compared with a mapping's: trimmed,
// in NFC, without case.
func columnKey(s string) string {
	return strings.ToLower(norm.NFC.String(strings.TrimSpace(s)))
}

// mappedPlan finds the mapping's columns in the header of cf and returns
// the plan of its rows, or nil after reporting what does not fit.
func (er *exportReader) mappedPlan(cf *csvFile, m *mapping) *plan {
	at := Position{File: cf.path, Line: 1, Column: 1}
	ok := true
	index := map[string]int{}
	for i, h := range cf.header {
		k := columnKey(h)
		if j, dup := index[k]; dup {
			er.c.errorf(cf.headerPos[i], "header", "column %q appears twice (also column %d)", h, j+1)
			ok = false
			continue
		}
		index[k] = i
	}
	used := make([]bool, len(cf.header))
	column := func(key, name string) int {
		i, found := index[columnKey(name)]
		if !found {
			er.c.errorf(at, "header", "%s: column %q (%s) is not in the header; found columns %s",
				key, name, m.path, quoteList(cf.header))
			ok = false
			return -1
		}
		used[i] = true
		return i
	}
	source := func(key, col, value string) cellSource {
		if col == "" {
			return cellSource{col: -1, text: value}
		}
		return cellSource{col: column(key+".column", col)}
	}
	pl := &plan{
		mapping:     m.path,
		period:      source("period", m.Period.Column, m.Period.Value),
		parsePeriod: m.parsePeriod,
		unit:        source("unit", m.Unit.Column, m.Unit.Value),
		byName:      m.Unit.By == "name",
		number:      m.number,
		canonical:   m.Numbers == "" || m.Numbers == NumbersCanonical,
		value:       -1,
	}
	if m.Columns != nil {
		for i, h := range cf.header {
			for name, id := range m.Columns {
				if columnKey(name) != columnKey(h) {
					continue
				}
				used[i] = true
				mi, known := er.measureIDs.index[id]
				if !known {
					er.c.errorf(Position{File: m.path}, "unknown-measure", "columns: %q maps to %q, which is not a measure id in the catalogue", name, id)
					ok = false
				}
				pl.wide = append(pl.wide, wideColumn{col: i, m: mi})
			}
		}
		for _, name := range sortedKeys(m.Columns) {
			column("columns", name)
		}
	} else {
		pl.measure = source("measure", m.Measure.Column, m.Measure.Value)
		pl.value = column("value.column", m.Value.Column)
		if len(m.Measure.Names) > 0 {
			pl.measureNames = map[string]string{}
			for name, id := range m.Measure.Names {
				if _, known := er.measureIDs.index[id]; !known {
					er.c.errorf(Position{File: m.path}, "unknown-measure", "measure.names: %q maps to %q, which is not a measure id in the catalogue", name, id)
					ok = false
				}
				pl.measureNames[columnKey(name)] = id
			}
		}
	}
	if !ok {
		return nil
	}
	for i, h := range cf.header {
		if !used[i] && !slices.ContainsFunc(m.Ignore, func(s string) bool { return columnKey(s) == columnKey(h) }) {
			er.c.notef(cf.headerPos[i], "ignored-column", "column %q is not mapped by %s; it is ignored (list it in ignore to say so)", h, m.path)
		}
	}
	return pl
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
