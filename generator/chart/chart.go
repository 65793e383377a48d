// Package chart turns plain figures into the two forms a dashboard page
// shows for one chart:
//
//   - a static SVG drawn here at build time, which the page shows first, so
//     the chart works without JavaScript, prints, and needs no inline styles;
//   - an ECharts option (JSON) that the site's script loads to replace the
//     SVG with an interactive chart.
//
// The option is built with go-echarts' typed API and serialised by this
// package with encoding/json, never with go-echarts' own page rendering,
// which writes the option unescaped into a <script> and uses random ids.
// The JSON is HTML-safe and deterministic, so it can sit verbatim inside
// <script type="application/json"> and two builds give identical bytes.
//
// The package knows nothing about indicators, datasets or pages: callers
// pass already formatted labels, values and a number formatter.
package chart

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Series is one named line or set of bars. NaN in Values means no data
// (a gap, never 0).
type Series struct {
	Name   string
	Values []float64
	// Dashed draws the line dashed, e.g. for a comparison series, so that
	// series differ by more than colour.
	Dashed bool
	// Hollow, when not nil, holds one flag per value: the points it sets
	// are drawn hollow, for a figure that is not a normal value (estimated,
	// provisional…), which the caller says in words beside the chart.
	Hollow []bool
	// Lower and Upper, when not nil, bound each value (a confidence
	// interval), drawn as a vertical range through its point; NaN for
	// none.
	Lower, Upper []float64
}

// hollow reports whether point j of s is drawn hollow.
func (s Series) hollow(j int) bool { return s.Hollow != nil && s.Hollow[j] }

// Line is a trend over periods.
type Line struct {
	// ID is a slug the caller derives from what the chart shows, e.g.
	// "signature-rate-trend-an-giang". It must match ^[a-z0-9]+(-[a-z0-9]+)*$;
	// the SVG's <title> and <desc> ids derive from it.
	ID string
	// Title is the chart's accessible name.
	Title string
	// Categories are the x-axis labels (already formatted periods).
	Categories []string
	// Series each hold one value per category.
	Series []Series
	// Unit is appended to axis and value labels: "%", "Mbps" or "". A
	// unit longer than shortUnit ("per 100,000 population") is instead
	// named once, as the value axis' name, and labels show bare numbers;
	// the description and the live chart's tooltips always carry it.
	Unit string
	// Decimals is how many decimals values are rounded to in the option.
	Decimals int
	// Target is an optional horizontal target line. TargetLabel names it
	// without its value, which the chart adds: "Mục tiêu" is drawn and
	// read as "Mục tiêu: 90%". A label that already carried the value would
	// read it twice.
	Target      *float64
	TargetLabel string
	// Format formats a number (without unit) for SVG labels; the caller
	// passes its locale formatter. nil means strconv with Decimals.
	Format func(float64) string
	// NoData is the text shown where there is no value at all, in the
	// page's language. Empty means "—".
	NoData string
}

// Bar is a ranking of units for one period: horizontal bars, one per
// category, drawn top to bottom in the order given.
type Bar struct {
	// ID and Title: see Line.
	ID, Title string
	// Categories are the unit names.
	Categories []string
	// Values hold one value per category; NaN means no data.
	Values []float64
	// Highlight is the index of a bar to emphasise, -1 for none.
	Highlight int
	// Reference is an optional vertical line (e.g. the province value).
	// ReferenceLabel names it without its value, which the chart adds, as
	// for Line.TargetLabel: "Toàn tỉnh" reads "Toàn tỉnh: 89,5%".
	Reference      *float64
	ReferenceLabel string
	// Unit, Decimals, Format and NoData: see Line. NoData is shown in
	// place of the value label of a bar without data.
	Unit     string
	Decimals int
	Format   func(float64) string
	NoData   string
	// Lower and Upper, when not nil, bound each value (a confidence
	// interval), drawn as a range across its bar; NaN for none.
	Lower, Upper []float64
}

// Chart is one chart ready to be placed on a page.
type Chart struct {
	// ID is the validated slug the chart was built with.
	ID string
	// Kind is "line" or "bar".
	Kind string
	// Option is the JSON of the ECharts option. It is HTML-safe ('<', '>',
	// '&', U+2028 and U+2029 are escaped as \u003c and so on) so it can sit
	// verbatim inside <script type="application/json">.
	Option []byte
	// SVG is a complete, self-contained <svg> element.
	SVG string
	// Width and Height are the SVG's viewBox size, so the page can reserve
	// the same aspect ratio for the interactive chart.
	Width, Height int
}

// Kinds of chart, as stored in Chart.Kind.
const (
	KindLine = "line"
	KindBar  = "bar"
)

// maxDecimals bounds Decimals; more would only print rounding noise.
const maxDecimals = 6

// NewLine builds the option and the SVG of a trend chart.
func NewLine(l Line) (Chart, error) {
	return newLine(l, lineOption)
}

// newLine builds a trend chart, its option with makeOption.
func newLine(l Line, makeOption func(Line) ([]byte, error)) (Chart, error) {
	if err := checkLine(l); err != nil {
		return Chart{}, fmt.Errorf("chart: line %q: %w", l.ID, err)
	}
	option, err := makeOption(l)
	if err != nil {
		return Chart{}, fmt.Errorf("chart: line %q: %w", l.ID, err)
	}
	svg, width, height := lineSVG(l)
	return Chart{ID: l.ID, Kind: KindLine, Option: option, SVG: svg, Width: width, Height: height}, nil
}

// NewBar builds the option and the SVG of a ranking chart.
func NewBar(b Bar) (Chart, error) {
	if err := checkBar(b); err != nil {
		return Chart{}, fmt.Errorf("chart: bar %q: %w", b.ID, err)
	}
	option, err := barOption(b)
	if err != nil {
		return Chart{}, fmt.Errorf("chart: bar %q: %w", b.ID, err)
	}
	svg, width, height := barSVG(b)
	return Chart{ID: b.ID, Kind: KindBar, Option: option, SVG: svg, Width: width, Height: height}, nil
}

// checkLine reports the first reason l cannot be drawn.
func checkLine(l Line) error {
	if err := checkCommon(l.ID, l.Title, l.Categories, l.Decimals); err != nil {
		return err
	}
	if len(l.Series) == 0 {
		return fmt.Errorf("no series")
	}
	for i, s := range l.Series {
		if len(s.Values) != len(l.Categories) {
			return fmt.Errorf("series %d (%q) has %d values for %d categories", i, s.Name, len(s.Values), len(l.Categories))
		}
		if err := checkValues(s.Values); err != nil {
			return fmt.Errorf("series %d (%q): %w", i, s.Name, err)
		}
		if s.Hollow != nil && len(s.Hollow) != len(s.Values) {
			return fmt.Errorf("series %d (%q) has %d hollow flags for %d values", i, s.Name, len(s.Hollow), len(s.Values))
		}
		if err := checkIntervals(s.Lower, s.Upper, len(s.Values)); err != nil {
			return fmt.Errorf("series %d (%q): %w", i, s.Name, err)
		}
	}
	if l.Target != nil && !isFinite(*l.Target) {
		return fmt.Errorf("target %v is not a finite number", *l.Target)
	}
	return nil
}

// checkBar reports the first reason b cannot be drawn.
func checkBar(b Bar) error {
	if err := checkCommon(b.ID, b.Title, b.Categories, b.Decimals); err != nil {
		return err
	}
	if len(b.Values) != len(b.Categories) {
		return fmt.Errorf("%d values for %d categories", len(b.Values), len(b.Categories))
	}
	if err := checkValues(b.Values); err != nil {
		return err
	}
	if b.Highlight < -1 || b.Highlight >= len(b.Categories) {
		return fmt.Errorf("highlight index %d out of range [-1, %d)", b.Highlight, len(b.Categories))
	}
	if b.Reference != nil && !isFinite(*b.Reference) {
		return fmt.Errorf("reference %v is not a finite number", *b.Reference)
	}
	return checkIntervals(b.Lower, b.Upper, len(b.Values))
}

// checkIntervals checks the bounds of n values: none, or a lower and an
// upper bound (or NaN) for each.
func checkIntervals(lower, upper []float64, n int) error {
	if (lower == nil) != (upper == nil) || lower != nil && (len(lower) != n || len(upper) != n) {
		return fmt.Errorf("intervals: want lower and upper bounds for each of %d values, or none", n)
	}
	if err := checkValues(append(slices.Clone(lower), upper...)); err != nil {
		return fmt.Errorf("intervals: %w", err)
	}
	return nil
}

// interval returns the bounds of value j of s, and whether it has both
// (and a value).
func (s Series) interval(j int) (lo, hi float64, ok bool) {
	if s.Lower == nil || math.IsNaN(s.Values[j]) {
		return 0, 0, false
	}
	lo, hi = s.Lower[j], s.Upper[j]
	return lo, hi, !math.IsNaN(lo) && !math.IsNaN(hi)
}

// checkCommon checks what line and bar charts share.
func checkCommon(id, title string, categories []string, decimals int) error {
	if !validID(id) {
		return fmt.Errorf("invalid id: want lowercase letters and digits in dash-separated words, like \"signature-rate-an-giang\"")
	}
	if title == "" {
		return fmt.Errorf("empty title: a chart needs an accessible name")
	}
	if len(categories) == 0 {
		return fmt.Errorf("no categories")
	}
	if decimals < 0 || decimals > maxDecimals {
		return fmt.Errorf("decimals %d out of range [0, %d]", decimals, maxDecimals)
	}
	for i, c := range categories {
		if !utf8.ValidString(c) {
			return fmt.Errorf("category %d is not valid UTF-8", i)
		}
	}
	return nil
}

// checkValues rejects infinities, which neither JSON nor a chart can show.
// NaN is allowed: it means no data.
func checkValues(values []float64) error {
	for i, v := range values {
		if math.IsInf(v, 0) {
			return fmt.Errorf("value %d is infinite", i)
		}
	}
	return nil
}

// validID reports whether id matches ^[a-z0-9]+(-[a-z0-9]+)*$.
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && id[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// numberFormat turns values into label text: the caller's formatter (or
// strconv) for the number, followed by the unit.
type numberFormat struct {
	format   func(float64) string
	decimals int
	unit     string
}

// number formats v without its unit. v is first rounded as in the option
// (half away from zero), so both forms of a chart show the same digits.
func (f numberFormat) number(v float64) string {
	v = roundTo(v, f.decimals)
	if f.format != nil {
		return f.format(v)
	}
	return strconv.FormatFloat(v, 'f', f.decimals, 64)
}

// shortUnit is the longest unit, in characters, written after every
// number of a chart ("%", "Mbps", "km/h"). A longer one, such as "per
// 100,000 population", written after each tick and bar would crowd the
// axis and squeeze the bars; it is written once, as the axis' name.
const shortUnit = 5

// axisName is the value axis' name of a chart in unit: the unit itself
// when it is too long to follow each number, else "".
func axisName(unit string) string {
	if utf8.RuneCountInString(unit) > shortUnit {
		return unit
	}
	return ""
}

// labelSuffix is what follows a number in a chart's labels (ticks, bars,
// target and reference lines): the unit when it is short, else nothing,
// the axis' name saying it.
func labelSuffix(unit string) string {
	if axisName(unit) != "" {
		return ""
	}
	return unitSuffix(unit)
}

// tick formats an axis tick followed by its unit, when short. Ticks are
// round numbers, so without a caller's formatter they get only the
// decimals they need ("25%", not "25.0%").
func (f numberFormat) tick(v float64) string {
	if f.format != nil {
		return f.format(v) + labelSuffix(f.unit)
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + labelSuffix(f.unit)
}

// label formats v for a label drawn on the chart: followed by its unit
// when short (see axisName).
func (f numberFormat) label(v float64) string {
	return f.number(v) + labelSuffix(f.unit)
}

// withUnit formats v followed by its unit, long or short, for the
// chart's description.
func (f numberFormat) withUnit(v float64) string {
	return f.number(v) + unitSuffix(f.unit)
}

// unitSuffix is what follows a number: "%" sticks to it, other units are
// separated by a space.
func unitSuffix(unit string) string {
	switch unit {
	case "":
		return ""
	case "%":
		return "%"
	default:
		return " " + unit
	}
}

// noDataText is the label for a missing value.
func noDataText(text string) string {
	if text == "" {
		return "—"
	}
	return text
}

// roundTo rounds v to the given number of decimals, so the option carries
// no more digits than the chart shows.
func roundTo(v float64, decimals int) float64 {
	p := math.Pow10(decimals)
	return math.Round(v*p) / p
}
