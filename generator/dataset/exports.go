package dataset

import (
	"fmt"
	"strings"

	"minhbach/generator/period"
)

// periodCell is a period read from a CSV cell by gocsv. A bad value is kept
// for reporting rather than returned to gocsv, so that one bad cell does not
// hide the others.
type periodCell struct {
	P    period.Period
	Text string
	Err  error
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (c *periodCell) UnmarshalCSV(s string) error {
	c.Text = s
	c.P, c.Err = period.Parse(s)
	return nil
}

// longRow is one row of a long-form export: period,unit,measure,value.
type longRow struct {
	Period  periodCell `csv:"period"`
	Unit    string     `csv:"unit"`
	Measure string     `csv:"measure"`
	Value   string     `csv:"value"`
}

var longColumns = []string{"period", "unit", "measure", "value"}

// observationKey identifies an observation; an export may give it only once.
type observationKey struct {
	p       period.Period
	unit    string
	measure string
}

// exportReader turns the rows of every export into observations, checking
// each cell against the units and the catalogue.
type exportReader struct {
	c        *collector
	units    map[string]*Unit
	measures map[string]*Measure
	seen     map[observationKey]Position
	obs      []Observation
}

func newExportReader(units []Unit, cat *Catalogue, c *collector) *exportReader {
	er := &exportReader{
		c:        c,
		units:    make(map[string]*Unit, len(units)),
		measures: make(map[string]*Measure, len(cat.Measures)),
		seen:     map[observationKey]Position{},
	}
	for i := range units {
		er.units[units[i].Code] = &units[i]
	}
	for i := range cat.Measures {
		er.measures[cat.Measures[i].ID] = &cat.Measures[i]
	}
	return er
}

// read reads one export file, long or wide by its header.
func (er *exportReader) read(path string) {
	cf, done := openCSV(path, er.c)
	defer done()
	if cf == nil {
		return
	}
	rows := 0
	if contains(cf.header, "measure") || contains(cf.header, "value") {
		if !checkHeader(cf, longColumns, longColumns, er.c) {
			return
		}
		col := columnIndex(cf.header)
		cf.chunks(func(recs []record) {
			rows += len(recs)
			decoded, err := decodeChunk[longRow](cf.header, recs)
			if err != nil {
				er.c.errorf(recs[0].pos[0], "csv", "%v", err)
				return
			}
			for i, row := range decoded {
				pos := recs[i].pos
				u, ok := er.rowKey(row.Period, pos[col["period"]], row.Unit, pos[col["unit"]])
				if !ok {
					u = nil
				}
				er.add(row.Period.P, u, row.Measure, pos[col["measure"]], row.Value, pos[col["value"]])
			}
		})
	} else {
		if !er.checkWideHeader(cf) {
			return
		}
		cf.chunks(func(recs []record) {
			rows += len(recs)
			for _, rec := range recs {
				var pc periodCell
				pc.UnmarshalCSV(rec.fields[0])
				u, ok := er.rowKey(pc, rec.pos[0], rec.fields[1], rec.pos[1])
				if !ok {
					u = nil
				}
				for j := 2; j < len(rec.fields); j++ {
					er.add(pc.P, u, cf.header[j], cf.headerPos[j], rec.fields[j], rec.pos[j])
				}
			}
		})
	}
	if rows == 0 && !er.c.hasErrorsIn(path) {
		er.c.errorf(Position{File: path, Line: 2, Column: 1}, "no-rows", "the file has a header but no data rows")
	}
}

// checkWideHeader checks a wide header: period,unit,<measure>,<measure>,…
func (er *exportReader) checkWideHeader(cf *csvFile) bool {
	h := cf.header
	if len(h) < 3 || h[0] != "period" || h[1] != "unit" {
		er.c.errorf(Position{File: cf.path, Line: 1, Column: 1}, "header",
			"found header %q, expected period,unit,measure,value (long form) or period,unit,<measure>,… (wide form)", strings.Join(h, ","))
		return false
	}
	ok := true
	seen := map[string]int{}
	for j := 2; j < len(h); j++ {
		if first, dup := seen[h[j]]; dup {
			er.c.errorf(cf.headerPos[j], "header", "column %q appears twice (also column %d)", h[j], first+1)
			ok = false
		}
		seen[h[j]] = j
		if er.measures[h[j]] == nil {
			er.c.errorf(cf.headerPos[j], "unknown-measure", "unknown measure column %q; expected a measure id from the catalogue", h[j])
			ok = false
		}
	}
	return ok
}

// rowKey checks the period and unit of a row; it reports each problem once
// per row, however many values the row carries.
func (er *exportReader) rowKey(pc periodCell, pPos Position, unit string, uPos Position) (*Unit, bool) {
	ok := true
	if pc.Err != nil {
		er.c.errorf(pPos, "period", "%v", pc.Err)
		ok = false
	}
	u := er.units[unit]
	if u == nil {
		er.c.errorf(uPos, "unknown-unit", "found %q, expected a unit code from units.csv", unit)
		ok = false
	}
	return u, ok
}

// add checks one value and, when its row's period and unit passed rowKey
// (u is not nil), records it as an observation.
func (er *exportReader) add(p period.Period, u *Unit, measure string, mPos Position, value string, vPos Position) {
	m := er.measures[measure]
	if m == nil {
		er.c.errorf(mPos, "unknown-measure", "found %q, expected a measure id from the catalogue", measure)
		return
	}
	if u == nil {
		if _, err := ParseNumber(value, m.Kind); err != nil {
			er.c.errorf(vPos, "number", "%s: %v", measure, err)
		}
		return
	}
	if !m.AppliesToType(u.Type) {
		er.c.errorf(mPos, "not-applicable", "measure %q does not apply to %s units such as %q", measure, u.Type, u.Code)
		return
	}
	v, err := ParseNumber(value, m.Kind)
	if err != nil {
		er.c.errorf(vPos, "number", "%s: %v", measure, err)
		return
	}
	key := observationKey{p, u.Code, measure}
	if first, dup := er.seen[key]; dup {
		er.c.errorf(vPos, "duplicate", "%s for %s in %s is given twice; first at %s", measure, u.Code, p, first.short())
		return
	}
	er.seen[key] = vPos
	er.obs = append(er.obs, Observation{Period: p, Unit: u.Code, Measure: measure, Value: v, Source: vPos})
}

// short formats a position as path:line:column.
func (p Position) short() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}
