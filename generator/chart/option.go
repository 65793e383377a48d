package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// palette is the colour of series s0, s1, …: in the option, and in the SVG
// as a fallback for when no stylesheet overrides it. Symbols and dashes
// keep series distinguishable without colour.
func palette() []string {
	return []string{"#1f5fa8", "#c2410c", "#2f7d32", "#7b3fa0", "#5f6b7a", "#a61e4d"}
}

// seriesColor is the fallback colour of series i.
func seriesColor(i int) string {
	colors := palette()
	return colors[i%len(colors)]
}

// Shapes that mark the points of series i, cycling in this order; the
// SVG draws the same shapes (see drawMarker).
const (
	shapeCircle = iota
	shapeSquare
	shapeTriangle
	shapeDiamond
	shapeCount
)

// seriesSymbol is the ECharts symbol of series i, matching drawMarker.
func seriesSymbol(i int) string {
	switch i % shapeCount {
	case shapeSquare:
		return "rect"
	case shapeTriangle:
		return "triangle"
	case shapeDiamond:
		return "diamond"
	default:
		return "circle"
	}
}

// hollowSymbol is the ECharts symbol of a hollow point of series i: the
// shape of seriesSymbol, empty ("emptyCircle"). The chart script fills it
// with the page's background.
func hollowSymbol(i int) string {
	s := seriesSymbol(i)
	return "empty" + strings.ToUpper(s[:1]) + s[1:]
}

const (
	highlightColor = "#c2410c" // fill of the emphasised bar
	referenceColor = "#444444" // target and reference lines
	highlightMark  = "▶ "      // text marker before the emphasised unit's name
	markerSize     = 7         // symbol size in the option, px
)

// missingValue is how ECharts spells "no data" in series data.
const missingValue = "-"

// lineOption builds the ECharts option of a trend chart with go-echarts' typed API and
// serialises it.
func lineOption(l Line) ([]byte, error) {
	v := newLineValues(l)
	c := lineChart(l, v)
	for i, s := range l.Series {
		if s.Lower != nil {
			withLineIntervals(&c.MultiSeries[i], s, v.data[i], l.Decimals)
		}
	}
	return marshalOption(c.Validate, c.JSON)
}

// intervalPoint is a trend's point whose value has an interval, as the
// option writes it: the interval's bounds, which the chart script writes
// in the tooltip ("79,1–85,9").
type intervalPoint struct {
	Value    any        `json:"value"`
	Symbol   string     `json:"symbol,omitempty"`
	Interval [2]float64 `json:"interval"`
}

// intervalEnd is one end of the mark line that draws an interval through
// its point: solid, without end symbols or label. Range marks the line's
// first end, for the chart script, which colours it as its series.
type intervalEnd struct {
	Range     bool            `json:"range,omitempty"`
	Coord     [2]any          `json:"coord"`
	Symbol    string          `json:"symbol"`
	LineStyle *opts.LineStyle `json:"lineStyle,omitempty"`
	Label     *opts.Label     `json:"label,omitempty"`
}

// withLineIntervals gives series s of a trend its intervals: the points
// that have one carry it (for the tooltip), and each is drawn as a
// vertical mark line from its lower to its upper bound, as the SVG does,
// beside the series' other mark lines (its target). data is the series'
// points as go-echarts was given them.
func withLineIntervals(series *charts.SingleSeries, s Series, data []opts.LineData, decimals int) {
	points := make([]any, len(data))
	for j, d := range data {
		points[j] = d.Value
		if d.Symbol != "" {
			points[j] = d
		}
		lo, hi, ok := s.interval(j)
		if !ok {
			continue
		}
		lo, hi = roundTo(lo, decimals), roundTo(hi, decimals)
		points[j] = intervalPoint{Value: d.Value, Symbol: d.Symbol, Interval: [2]float64{lo, hi}}
		if series.MarkLines == nil {
			series.MarkLines = &opts.MarkLines{}
		}
		series.MarkLines.Data = append(series.MarkLines.Data, []intervalEnd{
			{Range: true, Coord: [2]any{j, lo}, Symbol: "none", Label: &opts.Label{Show: opts.Bool(false)},
				LineStyle: &opts.LineStyle{Type: "solid", Width: 1.5}},
			{Coord: [2]any{j, hi}, Symbol: "none"},
		})
	}
	series.Data = points
}

// lineValues are the parts of a trend chart's option that change from one
// chart to another of the same shape: what a Drawer fills into the option
// it keeps for that shape. Each is what go-echarts is given, in its type.
type lineValues struct {
	title    string
	min, max any // the value axis' bounds, float64
	step     float64
	// data holds each series' points.
	data [][]opts.LineData
	// target is the target line's value, float64, when l.Target is set.
	target any
}

// newLineValues are l's own values.
func newLineValues(l Line) lineValues {
	ticks := lineTicks(l)
	v := lineValues{title: l.Title, min: ticks[0], max: ticks[len(ticks)-1], step: ticks[1] - ticks[0]}
	for i, s := range l.Series {
		data := make([]opts.LineData, len(s.Values))
		for j, x := range s.Values {
			data[j] = opts.LineData{Value: optionValue(x, l.Decimals)}
			if s.hollow(j) && !math.IsNaN(x) {
				data[j].Symbol = hollowSymbol(i)
			}
		}
		v.data = append(v.data, data)
	}
	if l.Target != nil {
		v.target = roundTo(*l.Target, l.Decimals)
	}
	return v
}

// lineChart is the go-echarts chart of a trend: the shape from l (its
// categories, series names and styles, unit and target label), the values
// from v.
func lineChart(l Line, v lineValues) *charts.Line {
	suffix := labelSuffix(l.Unit)
	y := axisSpec{min: v.min, max: v.max, step: v.step, label: axisLabel(suffix)}.y()
	if name := axisName(l.Unit); name != "" { // on top of the axis
		y.Name, y.NameLocation = name, "end"
	}
	c := charts.NewLine()
	c.Accept(leanVisitor{})
	c.SetGlobalOptions(
		charts.WithColorsOpts(palette()),
		// The page shows the title as a heading; the option carries it
		// (hidden) for ECharts' generated aria description.
		charts.WithTitleOpts(opts.Title{Title: v.title, Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis", ValueFormatter: tooltipValue(l.Unit)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(l.Series) > 1), Bottom: "0"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
		charts.WithYAxisOpts(y),
	)
	c.SetXAxis(l.Categories)

	for i, s := range l.Series {
		lineType := "solid"
		if s.Dashed {
			lineType = "dashed"
		}
		seriesOpts := []charts.SeriesOpts{
			charts.WithLineChartOpts(opts.LineChart{
				Symbol:     seriesSymbol(i),
				SymbolSize: markerSize,
				ShowSymbol: opts.Bool(true),
			}),
			charts.WithLineStyleOpts(opts.LineStyle{Type: lineType, Width: 2}),
		}
		if i == 0 && l.Target != nil {
			seriesOpts = append(seriesOpts,
				charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{
					Name:  l.TargetLabel,
					YAxis: v.target,
				}),
				charts.WithMarkLineStyleOpts(markLineStyle(l.TargetLabel, suffix, "insideEndTop")),
			)
		}
		c.AddSeries(s.Name, v.data[i], seriesOpts...)
	}
	return c
}

// barOption builds the ECharts option of a ranking chart: horizontal bars,
// first category on top, with value labels at the bar ends.
func barOption(b Bar) ([]byte, error) {
	ticks := barTicks(b)
	suffix := labelSuffix(b.Unit)
	// A long unit is the value axis' name, above its labels: the grid's
	// top leaves it room.
	x, top := valueAxis(ticks, suffix).x(), "32"
	if name := axisName(b.Unit); name != "" {
		x.Name, x.NameLocation, x.NameGap, top = name, "middle", 30, "56"
	}

	categories := make([]string, len(b.Categories))
	copy(categories, b.Categories)
	data := make([]opts.BarData, len(b.Values))
	for i, v := range b.Values {
		data[i] = opts.BarData{Value: optionValue(v, b.Decimals)}
	}
	if h := b.Highlight; h >= 0 {
		categories[h] = highlightMark + categories[h]
		data[h].ItemStyle = &opts.ItemStyle{Color: highlightColor}
		data[h].Label = &opts.Label{Show: opts.Bool(true), Position: "right", FontWeight: "bold", Formatter: "{c}" + suffix}
	}

	c := charts.NewBar()
	c.Accept(leanVisitor{})
	c.SetGlobalOptions(
		charts.WithColorsOpts(palette()),
		charts.WithTitleOpts(opts.Title{Title: b.Title, Show: opts.Bool(false)}),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}, ValueFormatter: tooltipValue(b.Unit)}),
		// The bottom leaves the reference line's label room below the
		// last row, clear of that row's value label.
		charts.WithGridOpts(opts.Grid{ContainLabel: opts.Bool(true), Left: "8", Right: "56", Top: top, Bottom: "36"}),
		charts.WithXAxisOpts(x),
		// Inverse puts the first category on top, as in the SVG; interval
		// "0" labels every unit instead of every few.
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Interval: "0"}}),
	)
	c.SetXAxis(categories).XYReversal()

	seriesOpts := []charts.SeriesOpts{
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Formatter: "{c}" + suffix}),
	}
	if b.Reference != nil {
		seriesOpts = append(seriesOpts,
			charts.WithMarkLineNameXAxisItemOpts(opts.MarkLineNameXAxisItem{
				Name:  b.ReferenceLabel,
				XAxis: roundTo(*b.Reference, b.Decimals),
			}),
			charts.WithMarkLineStyleOpts(markLineStyle(b.ReferenceLabel, suffix, "end")),
		)
	}
	if b.Lower != nil {
		seriesOpts = append(seriesOpts, charts.WithBarChartOpts(opts.BarChart{BarGap: "-100%"}))
	}
	c.AddSeries(b.Title, data, seriesOpts...)
	if b.Lower != nil {
		c.MultiSeries[0].Data = withIntervals(b, data)
		c.AddSeries(b.Title+" ±", intervalBars(b), intervalOpts(b, categories)...)
	}
	return marshalOption(c.Validate, c.JSON)
}

// intervalBar is a ranking's bar whose value has an interval, as the
// option writes it: the interval's bounds, which the chart script writes
// in the tooltip ("79,1–85,9"), and its value label past the interval's
// far end, where the interval's line never crosses it (as in the SVG).
type intervalBar struct {
	Value     any             `json:"value"`
	Label     intervalLabel   `json:"label"`
	ItemStyle *opts.ItemStyle `json:"itemStyle,omitempty"`
	Interval  [2]float64      `json:"interval"`
}

// intervalLabel places a value label at a point of its bar's box: Position
// is [x, y] as shares of the box ("104.7%" is past its end), which keeps
// the label beside the same value at any width of the chart.
type intervalLabel struct {
	Show          types.Bool `json:"show,omitempty"`
	Position      [2]string  `json:"position"`
	Align         string     `json:"align"`
	VerticalAlign string     `json:"verticalAlign"`
	Offset        [2]int     `json:"offset"`
	FontWeight    string     `json:"fontWeight,omitempty"`
	Formatter     string     `json:"formatter,omitempty"`
}

// withIntervals is the data of a ranking's bars, as go-echarts would write
// it (a bare value, or the highlighted bar's item), but for each bar whose
// value has an interval, an intervalBar. ECharts draws a bar from 0 (its
// box starts there for a value above 0, ends there for one below), so
// the far bound is at upper/value of the box, or lower of it before the
// box's start.
func withIntervals(b Bar, data []opts.BarData) []any {
	out := make([]any, len(data))
	for i, d := range data {
		v, lo, hi := roundTo(b.Values[i], b.Decimals), roundTo(b.Lower[i], b.Decimals), roundTo(b.Upper[i], b.Decimals)
		if math.IsNaN(v) || math.IsNaN(lo) || math.IsNaN(hi) || v == 0 {
			if d == (opts.BarData{Value: d.Value}) {
				out[i] = d.Value
			} else {
				out[i] = d
			}
			continue
		}
		item := intervalBar{Value: v, ItemStyle: d.ItemStyle, Interval: [2]float64{lo, hi},
			Label: intervalLabel{Position: [2]string{"100%", "50%"}, Align: "left", VerticalAlign: "middle", Offset: [2]int{5, 0}}}
		switch {
		case v > 0 && hi > v:
			item.Label.Position[0] = percent(hi / v)
		case v < 0:
			item.Label.Position[0], item.Label.Align, item.Label.Offset[0] = percent(math.Min(lo-v, 0)/-v), "right", -5
		}
		if d.Label != nil {
			item.Label.Show, item.Label.FontWeight, item.Label.Formatter = d.Label.Show, d.Label.FontWeight, d.Label.Formatter
		}
		out[i] = item
	}
	return out
}

// percent writes a share as a percentage of a box: 1.047 is "104.7%".
func percent(share float64) string {
	return strconv.FormatFloat(roundTo(100*share, 1), 'f', -1, 64) + "%"
}

// intervalBars is the data of the series that carries a ranking's
// intervals: no bars of its own.
func intervalBars(b Bar) []opts.BarData {
	data := make([]opts.BarData, len(b.Values))
	for i := range data {
		data[i] = opts.BarData{Value: missingValue}
	}
	return data
}

// intervalOpts draw each interval of a ranking as a solid line across its
// bar, from lower to upper bound, as the SVG does: mark lines of a series
// of their own, since the reference line's style is dashed. The series
// lies over the bars (bar gap −100%); categories are the option's.
func intervalOpts(b Bar, categories []string) []charts.SeriesOpts {
	out := []charts.SeriesOpts{
		charts.WithBarChartOpts(opts.BarChart{BarGap: "-100%"}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			Label:     &opts.Label{Show: opts.Bool(false)},
			LineStyle: &opts.LineStyle{Type: "solid", Color: textColor, Width: 1.5},
		}),
	}
	for i, v := range b.Values {
		lo, hi := b.Lower[i], b.Upper[i]
		if math.IsNaN(v) || math.IsNaN(lo) || math.IsNaN(hi) {
			continue
		}
		out = append(out, charts.WithMarkLineNameCoordItemOpts(opts.MarkLineNameCoordItem{
			Coordinate0: []any{roundTo(lo, b.Decimals), categories[i]},
			Coordinate1: []any{roundTo(hi, b.Decimals), categories[i]},
		}))
	}
	return out
}

// optionValue is v rounded for the option, or ECharts' missing-value mark.
func optionValue(v float64, decimals int) any {
	if math.IsNaN(v) {
		return missingValue
	}
	return roundTo(v, decimals)
}

// markLineStyle is the look of a target or reference line: dashed, no end
// symbols, labelled "name: value unit" as in the SVG (see labelled), or
// just "value unit" when the line has no name. The chart script fills in
// {b} and {c} with the name and the value in the page's language.
func markLineStyle(name, suffix, labelPosition string) opts.MarkLineStyle {
	template := "{c}" + suffix
	if name != "" {
		template = "{b}: " + template
	}
	return opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		Label:     &opts.Label{Show: opts.Bool(true), Position: labelPosition, Formatter: template},
		LineStyle: &opts.LineStyle{Type: "dashed", Color: referenceColor, Width: 1.5},
	}
}

// axisSpec is a value axis with the same bounds and step as the SVG, so the
// interactive chart does not jump when it replaces the static one. The
// bounds are float64, or a Drawer's placeholders.
type axisSpec struct {
	min, max any
	step     float64
	label    *opts.AxisLabel
}

func valueAxis(ticks []float64, suffix string) axisSpec {
	return axisSpec{
		min:   ticks[0],
		max:   ticks[len(ticks)-1],
		step:  ticks[1] - ticks[0],
		label: axisLabel(suffix),
	}
}

// tooltipValue is the template of a value in the live chart's tooltip,
// with its unit, long or short ("{c} per 100,000 population"): the chart
// script writes the number in the page's language in place of {c}.
func tooltipValue(unit string) types.FuncStr {
	return types.FuncStr("{c}" + unitSuffix(unit))
}

// axisLabel labels a value axis' ticks with the unit.
func axisLabel(suffix string) *opts.AxisLabel {
	return &opts.AxisLabel{Formatter: types.FuncStr("{value}" + suffix)}
}

// y is the spec as a vertical axis. Setting minInterval = maxInterval
// fixes ECharts' tick step to ours.
func (a axisSpec) y() opts.YAxis {
	return opts.YAxis{Type: "value", Min: a.min, Max: a.max, MinInterval: a.step, MaxInterval: a.step, AxisLabel: a.label}
}

// x is the spec as a horizontal axis, labelled on top where a long ranking
// starts.
func (a axisSpec) x() opts.XAxis {
	return opts.XAxis{Type: "value", Position: "top", Min: a.min, Max: a.max, MinInterval: a.step, MaxInterval: a.step, AxisLabel: a.label}
}

// marshalOption completes a go-echarts chart (validate copies the axis data
// into place) and marshals its option object with encoding/json, which
// escapes '<', '>', '&', U+2028 and U+2029, so the result is safe inside
// a <script type="application/json"> element. Map keys come out sorted, so
// the bytes are the same on every build.
func marshalOption(validate func(), option func() map[string]any) ([]byte, error) {
	validate()
	out, err := json.Marshal(option())
	if err != nil {
		return nil, fmt.Errorf("marshal echarts option: %w", err)
	}
	return out, nil
}

// leanVisitor trims go-echarts' option object to what these charts use,
// keeping the page's chart payload small. go-echarts calls it while
// building the object returned by JSON().
type leanVisitor struct {
	charts.BaseConfigurationVisitor
}

// Visit drops components go-echarts always emits but these charts never
// show.
func (leanVisitor) Visit(option map[string]any) {
	delete(option, "toolbox")
	if legend, ok := option["legend"].(opts.Legend); ok && (legend.Show == nil || !*legend.Show) {
		delete(option, "legend")
	}
}

// VisitSeriesOpt writes data items that carry only a value as the bare
// value ("12.5" rather than {"value":12.5}), which ECharts reads the same.
// On a ranking of 3,321 units that saves about a third of the option.
func (leanVisitor) VisitSeriesOpt(series charts.MultiSeries) any {
	lean := make(charts.MultiSeries, len(series))
	for i, s := range series {
		switch data := s.Data.(type) {
		case []opts.LineData:
			s.Data = compact(data, func(d opts.LineData) (any, bool) { return d.Value, d == opts.LineData{Value: d.Value} })
		case []opts.BarData:
			s.Data = compact(data, func(d opts.BarData) (any, bool) { return d.Value, d == opts.BarData{Value: d.Value} })
		}
		lean[i] = s
	}
	return lean
}

// compact replaces each item that valueOnly reports as a bare value by that
// value and keeps the others as they are.
func compact[T any](items []T, valueOnly func(T) (any, bool)) []any {
	out := make([]any, len(items))
	for i, item := range items {
		if v, ok := valueOnly(item); ok {
			out[i] = v
		} else {
			out[i] = item
		}
	}
	return out
}
