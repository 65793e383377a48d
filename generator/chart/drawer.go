package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/opts"
)

// A Drawer draws charts as NewLine and NewBar do, and makes a site's many
// trend charts of the same shape faster: the unit pages of a national site
// draw thousands of them, alike but for their title, data and axis bounds.
//
// For the first trend chart of a shape (its categories, series names and
// styles, unit and target label), the Drawer has go-echarts build and
// marshal the option with a placeholder for each value, and keeps that
// JSON cut at the placeholders. For each chart of the shape it writes the
// pieces with the chart's values in between, each encoded as
// encoding/json encodes it. The bytes are the same as NewLine's, which
// the tests check on many charts.
//
// It earns its place on a national site: BenchmarkUnitTrend measured a
// unit page's trend chart at 231–269 µs with NewLine and 79–83 µs with a
// Drawer, which over the 6,642 unit charts of the national benchmark
// (3,321 units, two languages) is about a second of processor time.
//
// The zero Drawer is ready to use. A Drawer is not safe for concurrent
// use: give each goroutine its own.
type Drawer struct {
	// lines holds an option template by line shape (lineShape); nil for
	// a shape whose own text holds a placeholder, drawn without one.
	lines map[string]*optionTemplate
}

// Line builds the option and the SVG of a trend chart, as NewLine does.
func (d *Drawer) Line(l Line) (Chart, error) {
	return newLine(l, d.lineOption)
}

// Bar builds the option and the SVG of a ranking chart, as NewBar does. A
// site has one ranking per indicator and period, so they are not cached.
func (d *Drawer) Bar(b Bar) (Chart, error) {
	return NewBar(b)
}

// lineOption is the option of l, from the template of its shape.
func (d *Drawer) lineOption(l Line) ([]byte, error) {
	key, ok := lineShape(l)
	if !ok {
		return lineOption(l)
	}
	t, seen := d.lines[key]
	if !seen {
		var err error
		if t, err = newLineTemplate(l); err != nil {
			return nil, err
		}
		if d.lines == nil {
			d.lines = map[string]*optionTemplate{}
		}
		d.lines[key] = t
	}
	if t != nil {
		if option, ok := t.fill(l); ok {
			return option, nil
		}
	}
	return lineOption(l)
}

// Placeholders for the values of a trend chart's option. The strings hold
// a private-use character, which encoding/json writes as it is; a shape
// whose text holds that character is never templated. The step is a
// float64 in go-echarts' types, so its placeholder is an unlikely number,
// and a template is only kept when it is found exactly where expected.
const (
	placeholderMark = "\ue000"
	titleHole       = placeholderMark + "title"
	minHole         = placeholderMark + "min"
	maxHole         = placeholderMark + "max"
	targetHole      = placeholderMark + "target"
	dataHole        = placeholderMark + "data" // followed by the series' index
	stepHole        = 7.957747154594767e+297
)

// holeKind says which of a chart's values fills a hole in a template.
type holeKind int

const (
	holeTitle holeKind = iota
	holeMin
	holeMax
	holeStep
	holeTarget
	holeData
)

// hole is one place in a template: what fills it, and for data, which
// series.
type hole struct {
	kind   holeKind
	series int
}

// optionTemplate is an option's JSON cut at its values: parts[i] comes
// before holes[i], and the last part ends the option.
type optionTemplate struct {
	parts [][]byte
	holes []hole
}

// lineShape is the key of l's template: everything in its option but the
// values. ok is false when l's own text holds a placeholder, or l has
// intervals.
func lineShape(l Line) (key string, ok bool) {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	field(l.Unit)
	field(strconv.FormatBool(l.Target != nil))
	field(l.TargetLabel)
	field(strconv.Itoa(len(l.Categories)))
	for _, c := range l.Categories {
		field(c)
	}
	intervals := false
	for _, s := range l.Series {
		field(strconv.FormatBool(s.Dashed))
		field(s.Name)
		intervals = intervals || s.Lower != nil
	}
	key = b.String()
	// A trend with intervals (a survey's, on few pages) has mark lines
	// of its own; it is drawn without a template.
	return key, !intervals && !strings.Contains(key, placeholderMark)
}

// newLineTemplate has go-echarts build the option of l's shape with
// placeholders for values, and cuts it there. It returns nil when the
// placeholders are not all found, once each (the step twice: it is both
// the minimum and the maximum interval).
func newLineTemplate(l Line) (*optionTemplate, error) {
	v := lineValues{title: titleHole, min: minHole, max: maxHole, step: stepHole}
	for i := range l.Series {
		v.data = append(v.data, []opts.LineData{{Value: dataHole + strconv.Itoa(i)}})
	}
	if l.Target != nil {
		v.target = targetHole
	}
	c := lineChart(l, v)
	option, err := marshalOption(c.Validate, c.JSON)
	if err != nil {
		return nil, err
	}
	marks := map[string]hole{
		quoted(titleHole):                      {kind: holeTitle},
		quoted(minHole):                        {kind: holeMin},
		quoted(maxHole):                        {kind: holeMax},
		string(appendJSONFloat(nil, stepHole)): {kind: holeStep},
	}
	if l.Target != nil {
		marks[quoted(targetHole)] = hole{kind: holeTarget}
	}
	for i := range l.Series {
		marks["["+quoted(dataHole+strconv.Itoa(i))+"]"] = hole{kind: holeData, series: i}
	}
	t := &optionTemplate{}
	found := map[string]int{}
	rest := option
	for {
		at, mark := firstMark(rest, marks)
		if at < 0 {
			break
		}
		t.parts = append(t.parts, rest[:at])
		t.holes = append(t.holes, marks[mark])
		found[mark]++
		rest = rest[at+len(mark):]
	}
	t.parts = append(t.parts, rest)
	for mark, h := range marks {
		want := 1
		if h.kind == holeStep {
			want = 2
		}
		if found[mark] != want {
			return nil, nil
		}
	}
	return t, nil
}

// firstMark finds the earliest of marks in b: its index, or -1.
func firstMark(b []byte, marks map[string]hole) (at int, mark string) {
	at = -1
	for m := range marks {
		if i := bytes.Index(b, []byte(m)); i >= 0 && (at < 0 || i < at) {
			at, mark = i, m
		}
	}
	return at, mark
}

// quoted is s as a JSON string. The placeholders need no escaping.
func quoted(s string) string { return `"` + s + `"` }

// fill writes the option of l from the template of its shape. It fails
// for an axis without a step, which go-echarts leaves out of the option.
func (t *optionTemplate) fill(l Line) ([]byte, bool) {
	ticks := lineTicks(l)
	if ticks[1] == ticks[0] {
		return nil, false
	}
	size := 0
	for _, p := range t.parts {
		size += len(p)
	}
	out := make([]byte, 0, size+len(l.Title)+16*len(l.Series)*(len(l.Categories)+1))
	for i, h := range t.holes {
		out = append(out, t.parts[i]...)
		switch h.kind {
		case holeTitle:
			title, _ := json.Marshal(l.Title) // a string always marshals
			out = append(out, title...)
		case holeMin:
			out = appendJSONFloat(out, ticks[0])
		case holeMax:
			out = appendJSONFloat(out, ticks[len(ticks)-1])
		case holeStep:
			out = appendJSONFloat(out, ticks[1]-ticks[0])
		case holeTarget:
			out = appendJSONFloat(out, roundTo(*l.Target, l.Decimals))
		case holeData:
			out = append(out, '[')
			for j, x := range l.Series[h.series].Values {
				if j > 0 {
					out = append(out, ',')
				}
				switch s := l.Series[h.series]; {
				case math.IsNaN(x):
					out = append(out, `"`+missingValue+`"`...)
				case s.hollow(j): // as encoding/json writes opts.LineData
					out = append(out, `{"value":`...)
					out = appendJSONFloat(out, roundTo(x, l.Decimals))
					out = append(out, `,"symbol":"`+hollowSymbol(h.series)+`"}`...)
				default:
					out = appendJSONFloat(out, roundTo(x, l.Decimals))
				}
			}
			out = append(out, ']')
		}
	}
	return append(out, t.parts[len(t.parts)-1]...), true
}

// appendJSONFloat appends finite f as encoding/json writes a float64: the
// shortest decimal that reads back as f, in exponent form below 1e-6 and
// from 1e21 on, with a one-digit negative exponent not padded ("1e-7").
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
