package chart

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Geometry of the static SVG, in viewBox units (1 unit ≈ 1 CSS px when the
// chart is shown at its natural width).
const (
	svgWidth      = 640
	lineSVGHeight = 320
	barRowHeight  = 22 // one unit of a ranking
	barThickness  = 14
	charWidth     = 6.6 // estimated average advance of a 12px label character
	baselineShift = 4   // from a row's centre to a 12px text baseline
	maxLabelShare = 0.4 // of the width, at most, for unit names
	axisNameRow   = 18  // room above the plot for the value axis' name
)

// Fallback colours of the non-series parts, overridden by the site's
// stylesheet through the class names next to them.
const (
	textColor  = "#333333"
	mutedColor = "#5c5c5c"
	gridColor  = "#d9d9d9"
)

// lineTicks are the value-axis ticks of a trend chart: they cover every
// value, its interval and the target.
func lineTicks(l Line) []float64 {
	var values []float64
	for _, s := range l.Series {
		values = append(values, s.Values...)
		for j := range s.Values {
			if lo, hi, ok := s.interval(j); ok {
				values = append(values, lo, hi)
			}
		}
	}
	if l.Target != nil {
		values = append(values, *l.Target)
	}
	lo, hi, ok := extent(values)
	if !ok {
		lo, hi = 0, 0
	}
	return niceTicks(lo, hi, l.Decimals, ceilingFor(l.Unit, lo, hi))
}

// barTicks are the value-axis ticks of a ranking: they cover every value,
// the reference and 0, where bars start.
func barTicks(b Bar) []float64 {
	values := append([]float64{0}, b.Values...)
	values = append(append(values, b.Lower...), b.Upper...)
	if b.Reference != nil {
		values = append(values, *b.Reference)
	}
	lo, hi, _ := extent(values)
	return niceTicks(lo, hi, b.Decimals, ceilingFor(b.Unit, lo, hi))
}

// ceilingFor keeps the axis of a percentage that stays within 0–100 from
// going past 100.
func ceilingFor(unit string, lo, hi float64) float64 {
	if unit == "%" && lo >= 0 && hi <= 100 {
		return 100
	}
	return math.Inf(1)
}

// extent is the smallest and largest of the values that are not NaN; ok is
// false when there are none.
func extent(values []float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if math.IsNaN(v) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	return lo, hi, lo <= hi
}

// lineSVG draws a trend chart: gridlines and value labels on the left,
// periods below, one polyline per series broken at gaps, point markers of a
// different shape per series, the target line and, for several series, a
// legend at the bottom. It returns the markup and the viewBox size.
func lineSVG(l Line) (string, int, int) {
	f := numberFormat{format: l.Format, decimals: l.Decimals, unit: l.Unit}
	ticks := lineTicks(l)
	tickLabels := make([]string, len(ticks))
	for i, t := range ticks {
		tickLabels[i] = f.tick(t)
	}

	left := 8 + maxTextWidth(tickLabels) + 6
	legend, legendRows := layoutLegend(l.Series, left, svgWidth-16)
	name := axisName(l.Unit)
	plot := plotArea{left: left, top: 20, right: svgWidth - 16, bottom: lineSVGHeight - 28 - 20*float64(legendRows)}
	if name != "" {
		plot.top += axisNameRow
	}
	y := linearScale{d0: ticks[0], d1: ticks[len(ticks)-1], r0: plot.bottom, r1: plot.top}
	band := (plot.right - plot.left) / float64(len(l.Categories))
	x := func(i int) float64 { return plot.left + (float64(i)+0.5)*band }

	var s svgBuf
	s.open(l.ID, KindLine, svgWidth, lineSVGHeight, l.Title, lineDesc(l, f))

	// Horizontal gridlines with their labels.
	s.raw(`<g class="grid" stroke="` + gridColor + `">`)
	for _, t := range ticks {
		s.line(plot.left, y.at(t), plot.right, y.at(t))
	}
	s.raw(`</g><g class="ticks" fill="` + mutedColor + `" text-anchor="end">`)
	for i, t := range ticks {
		s.text(plot.left-6, y.at(t)+baselineShift, tickLabels[i])
	}
	s.raw(`</g>`)
	if name != "" { // above the axis, from it rightwards, as the live chart has it
		s.axisName(name, plot.left, plot.top-14, "start", svgWidth-8-plot.left)
	}
	s.raw(`<line class="axis" stroke="` + textColor + `"`)
	s.attr("x1", plot.left)
	s.attr("y1", plot.bottom)
	s.attr("x2", plot.right)
	s.attr("y2", plot.bottom)
	s.raw(`/>`)

	// Period labels, thinned so they do not overlap; the latest is always
	// shown.
	stride := int(math.Ceil((maxTextWidth(l.Categories) + 8) / band))
	s.raw(`<g class="periods" fill="` + mutedColor + `" text-anchor="middle">`)
	for i, c := range l.Categories {
		if (len(l.Categories)-1-i)%stride == 0 {
			s.text(x(i), plot.bottom+18, c)
		}
	}
	s.raw(`</g>`)

	if l.Target != nil {
		ty := y.at(*l.Target)
		s.raw(`<g class="ref">`)
		s.dashedLine(plot.left, ty, plot.right, ty)
		// Labelled at the left, where trends usually start low, with a
		// halo so a line passing behind does not hide it.
		s.raw(`<text fill="` + referenceColor + `" stroke="#ffffff" stroke-width="3" paint-order="stroke"`)
		s.attr("x", plot.left+4)
		if ly := ty - 5; name == "" || ly-12 >= plot.top-10 {
			s.attr("y", ly)
		} else { // a target at the top: below its line, clear of the axis' name
			s.attr("y", ty+14)
		}
		s.raw(`>`)
		s.escape(labelled(l.TargetLabel, f.label(*l.Target)))
		s.raw(`</text></g>`)
	}

	anyData := false
	for i, series := range l.Series {
		s.openSeries("series", i, series.Dashed)
		for _, run := range runs(series.Values) {
			if run.end-run.start < 2 {
				continue // a lone point: its marker shows it
			}
			s.raw(`<polyline class="line" fill="none" stroke-width="2"`)
			if series.Dashed {
				s.raw(` stroke-dasharray="6 4"`)
			}
			s.raw(` points="`)
			for j := run.start; j < run.end; j++ {
				if j > run.start {
					s.raw(" ")
				}
				s.num(x(j))
				s.raw(",")
				s.num(y.at(series.Values[j]))
			}
			s.raw(`"/>`)
		}
		// Intervals through their points, with end caps, under the markers.
		if series.Lower != nil {
			s.raw(`<g class="intervals" stroke-width="1.5">`)
			for j := range series.Values {
				if lo, hi, ok := series.interval(j); ok {
					s.line(x(j), y.at(lo), x(j), y.at(hi))
					s.line(x(j)-4, y.at(lo), x(j)+4, y.at(lo))
					s.line(x(j)-4, y.at(hi), x(j)+4, y.at(hi))
				}
			}
			s.raw(`</g>`)
		}
		for j, v := range series.Values {
			if !math.IsNaN(v) {
				s.marker(i, x(j), y.at(v), series.hollow(j))
				anyData = true
			}
		}
		s.raw(`</g>`)
	}
	if !anyData {
		s.raw(`<text class="nodata" fill="` + mutedColor + `" text-anchor="middle"`)
		s.attr("x", (plot.left+plot.right)/2)
		s.attr("y", (plot.top+plot.bottom)/2)
		s.raw(`>`)
		s.escape(noDataText(l.NoData))
		s.raw(`</text>`)
	}

	if len(legend) > 0 {
		s.raw(`<g class="legend">`)
		for _, item := range legend {
			s.openSeries("key", item.series, l.Series[item.series].Dashed)
			s.raw(`<line class="line" stroke-width="2"`)
			if l.Series[item.series].Dashed {
				s.raw(` stroke-dasharray="6 4"`)
			}
			s.attr("x1", item.x)
			s.attr("y1", item.y)
			s.attr("x2", item.x+20)
			s.attr("y2", item.y)
			s.raw(`/>`)
			s.marker(item.series, item.x+10, item.y, false)
			s.raw(`</g>`)
			s.text(item.x+26, item.y+baselineShift, l.Series[item.series].Name)
		}
		s.raw(`</g>`)
	}
	s.raw(`</svg>`)
	return s.String(), svgWidth, lineSVGHeight
}

// lineDesc lists each series' latest value with its period, e.g.
// "Tỉnh: 97,5% (Q4/2024)"; it needs no words, so it suits every language.
func lineDesc(l Line, f numberFormat) string {
	parts := make([]string, 0, len(l.Series)+1)
	for _, s := range l.Series {
		latest := noDataText(l.NoData)
		for i := len(s.Values) - 1; i >= 0; i-- {
			if !math.IsNaN(s.Values[i]) {
				latest = f.withUnit(s.Values[i]) + " (" + l.Categories[i] + ")"
				break
			}
		}
		parts = append(parts, labelled(s.Name, latest))
	}
	if l.Target != nil {
		parts = append(parts, labelled(l.TargetLabel, f.withUnit(*l.Target)))
	}
	return strings.Join(parts, "; ")
}

// legendItem is where one series' legend entry goes.
type legendItem struct {
	series int
	x, y   float64 // left end and centre line of the sample
}

// layoutLegend places one entry per series in rows between left and right,
// wrapping as needed. A single series gets no legend: the title names it.
func layoutLegend(series []Series, left, right float64) ([]legendItem, int) {
	if len(series) < 2 {
		return nil, 0
	}
	items := make([]legendItem, len(series))
	x, row := left, 0
	for i, s := range series {
		width := 26 + textWidth(s.Name) + 18
		if x > left && x+width > right {
			x, row = left, row+1
		}
		items[i] = legendItem{series: i, x: x, y: float64(row)}
		x += width
	}
	rows := row + 1
	top := lineSVGHeight - 20*float64(rows) + 4
	for i := range items {
		items[i].y = top + 20*items[i].y
	}
	return items, rows
}

// run is a stretch [start, end) of consecutive values that are not NaN.
type run struct{ start, end int }

// runs splits values at NaN gaps.
func runs(values []float64) []run {
	var out []run
	start := -1
	for i, v := range values {
		switch {
		case math.IsNaN(v) && start >= 0:
			out = append(out, run{start, i})
			start = -1
		case !math.IsNaN(v) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, run{start, len(values)})
	}
	return out
}

// barSVG draws a ranking: one horizontal bar per unit, top to bottom in the
// given order, unit names on the left, values at the bar ends ("no data"
// where missing), the value axis on top, the emphasised unit marked by
// class, colour and a "▶" before its name, and the reference as a dashed
// vertical line labelled below. The height grows with the number of units.
func barSVG(b Bar) (string, int, int) {
	f := numberFormat{format: b.Format, decimals: b.Decimals, unit: b.Unit}
	noData := noDataText(b.NoData)
	ticks := barTicks(b)
	tickLabels := make([]string, len(ticks))
	for i, t := range ticks {
		tickLabels[i] = f.tick(t)
	}
	valueLabels := make([]string, len(b.Values))
	for i, v := range b.Values {
		if math.IsNaN(v) {
			valueLabels[i] = noData
		} else {
			valueLabels[i] = f.label(v)
		}
	}
	names := make([]string, len(b.Categories))
	copy(names, b.Categories)
	if b.Highlight >= 0 {
		names[b.Highlight] = highlightMark + names[b.Highlight]
	}

	nameWidth := math.Min(maxTextWidth(names), maxLabelShare*svgWidth)
	// (the widest name fits: 39.6 / 6.6 is 5.999…, not 6)
	maxNameChars := int(nameWidth/charWidth + 1e-9)
	lastTickOverhang := textWidth(tickLabels[len(tickLabels)-1]) / 2
	rows := float64(len(b.Categories)) * barRowHeight
	// Labels of values below 0 go left of their bars (and intervals): room
	// for them between the names and the plot.
	negative := 0.0
	for i, v := range b.Values {
		if v < 0 {
			negative = math.Max(negative, textWidth(valueLabels[i])+6)
		}
	}
	axis := axisName(b.Unit)
	top := 28.0
	if axis != "" {
		top += axisNameRow
	}
	plot := plotArea{
		left:   8 + nameWidth + 8 + negative,
		top:    top,
		right:  svgWidth - 8 - math.Max(maxTextWidth(valueLabels)+6, lastTickOverhang),
		bottom: top + rows,
	}
	height := int(plot.bottom) + 10
	if b.Reference != nil {
		height += 20
	}
	x := linearScale{d0: ticks[0], d1: ticks[len(ticks)-1], r0: plot.left, r1: plot.right}
	x0 := x.at(0)
	rowMiddle := func(i int) float64 { return plot.top + (float64(i)+0.5)*barRowHeight }

	var s svgBuf
	s.grow(400 + 260*len(b.Categories))
	s.open(b.ID, KindBar, svgWidth, height, b.Title, barDesc(b, names, f))

	// Vertical gridlines, labelled on top.
	s.raw(`<g class="grid" stroke="` + gridColor + `">`)
	for _, t := range ticks {
		s.line(x.at(t), plot.top, x.at(t), plot.bottom)
	}
	s.raw(`</g><g class="ticks" fill="` + mutedColor + `" text-anchor="middle">`)
	for i, t := range ticks {
		s.text(x.at(t), plot.top-10, tickLabels[i])
	}
	s.raw(`</g>`)
	if axis != "" { // above the ticks, centred on the plot as the live chart has it
		w := math.Min(textWidth(axis), svgWidth-16)
		mid := math.Min(math.Max((plot.left+plot.right)/2, 8+w/2), svgWidth-8-w/2)
		s.axisName(axis, mid, plot.top-30, "middle", svgWidth-16)
	}

	// Unit names, right-aligned against the plot; long ones are shortened
	// with "…" and keep their full name as a tooltip.
	s.raw(`<g class="names" fill="` + textColor + `" text-anchor="end">`)
	for i, name := range names {
		short, cut := truncate(name, maxNameChars)
		s.raw(`<text`)
		if i == b.Highlight {
			s.raw(` class="hl" font-weight="bold"`)
		}
		s.attr("x", plot.left-8)
		s.attr("y", rowMiddle(i)+baselineShift)
		s.shortened(name, short, cut)
	}
	s.raw(`</g>`)

	// Bars from 0 to their value.
	s.raw(`<g class="bars s0" fill="` + seriesColor(0) + `">`)
	for i, v := range b.Values {
		if math.IsNaN(v) {
			continue
		}
		xv := x.at(v)
		s.raw(`<rect`)
		if i == b.Highlight {
			s.raw(` class="hl" fill="` + highlightColor + `"`)
		}
		s.attr("x", math.Min(x0, xv))
		s.attr("y", rowMiddle(i)-barThickness/2)
		s.attr("width", math.Abs(xv-x0))
		s.attr("height", barThickness)
		s.raw(`/>`)
	}
	s.raw(`</g>`)

	// Intervals across their bars, with end caps.
	if b.Lower != nil {
		s.raw(`<g class="intervals" stroke="` + textColor + `" stroke-width="1.5">`)
		for i := range b.Values {
			lo, hi := b.Lower[i], b.Upper[i]
			if math.IsNaN(lo) || math.IsNaN(hi) || math.IsNaN(b.Values[i]) {
				continue
			}
			y := rowMiddle(i)
			s.line(x.at(lo), y, x.at(hi), y)
			s.line(x.at(lo), y-barThickness/3, x.at(lo), y+barThickness/3)
			s.line(x.at(hi), y-barThickness/3, x.at(hi), y+barThickness/3)
		}
		s.raw(`</g>`)
	}

	// Value labels at the bar ends, or "no data" from the baseline.
	s.raw(`<g class="values" fill="` + textColor + `">`)
	for i, v := range b.Values {
		s.raw(`<text`)
		switch {
		case i == b.Highlight && math.IsNaN(v):
			s.raw(` class="nodata hl" font-weight="bold" font-style="italic"`)
		case i == b.Highlight:
			s.raw(` class="hl" font-weight="bold"`)
		case math.IsNaN(v):
			s.raw(` class="nodata" fill="` + mutedColor + `" font-style="italic"`)
		}
		switch {
		case math.IsNaN(v):
			s.attr("x", x0+4)
		case v < 0 && b.Lower != nil && b.Lower[i] < v:
			s.raw(` text-anchor="end"`)
			s.attr("x", x.at(b.Lower[i])-4) // past its interval
		case v < 0:
			s.raw(` text-anchor="end"`)
			s.attr("x", x.at(v)-4)
		case b.Upper != nil && b.Upper[i] > v:
			s.attr("x", x.at(b.Upper[i])+4) // past its interval
		default:
			s.attr("x", x.at(v)+4)
		}
		s.attr("y", rowMiddle(i)+baselineShift)
		s.raw(`>`)
		s.escape(valueLabels[i])
		s.raw(`</text>`)
	}
	s.raw(`</g>`)

	s.raw(`<line class="axis" stroke="` + textColor + `"`)
	s.attr("x1", x0)
	s.attr("y1", plot.top)
	s.attr("x2", x0)
	s.attr("y2", plot.bottom)
	s.raw(`/>`)

	if b.Reference != nil {
		xr := x.at(*b.Reference)
		anchor := "middle"
		switch {
		case xr < svgWidth/3:
			anchor = "start"
		case xr > 2*svgWidth/3:
			anchor = "end"
		}
		s.raw(`<g class="ref">`)
		s.dashedLine(xr, plot.top-4, xr, plot.bottom+4)
		s.raw(`<text fill="` + referenceColor + `" text-anchor="` + anchor + `"`)
		s.attr("x", xr)
		s.attr("y", plot.bottom+20)
		s.raw(`>`)
		s.escape(labelled(b.ReferenceLabel, f.label(*b.Reference)))
		s.raw(`</text></g>`)
	}
	s.raw(`</svg>`)
	return s.String(), svgWidth, height
}

// barDesc names the emphasised unit (or, without one, the first) with its
// value, and the reference, e.g. "▶ An Giang: 97,5%; Cả tỉnh: 95%"; the
// values with their unit, long or short.
func barDesc(b Bar, names []string, f numberFormat) string {
	first := 0
	if b.Highlight >= 0 {
		first = b.Highlight
	}
	value := noDataText(b.NoData)
	if !math.IsNaN(b.Values[first]) {
		value = f.withUnit(b.Values[first])
	}
	desc := labelled(names[first], value)
	if b.Reference != nil {
		desc += "; " + labelled(b.ReferenceLabel, f.withUnit(*b.Reference))
	}
	return desc
}

// labelled joins a name and a value as "name: value", or just the value
// when there is no name.
func labelled(name, value string) string {
	if name == "" {
		return value
	}
	return name + ": " + value
}

// truncate shortens s to at most max characters, ending in "…" when cut.
func truncate(s string, max int) (string, bool) {
	if max < 2 || utf8.RuneCountInString(s) <= max {
		return s, false
	}
	runes := []rune(s)
	return string(runes[:max-1]) + "…", true
}

// textWidth estimates the width of a 12px label; SVG text cannot be
// measured at build time, so margins are sized from character counts.
func textWidth(s string) float64 {
	return float64(utf8.RuneCountInString(s)) * charWidth
}

// maxTextWidth is the estimated width of the widest label.
func maxTextWidth(labels []string) float64 {
	widest := 0.0
	for _, l := range labels {
		widest = math.Max(widest, textWidth(l))
	}
	return widest
}

// plotArea is the rectangle the data is drawn in, inside the margins.
type plotArea struct {
	left, top, right, bottom float64
}

// linearScale maps the domain [d0, d1] onto the range [r0, r1].
type linearScale struct {
	d0, d1, r0, r1 float64
}

func (s linearScale) at(v float64) float64 {
	return s.r0 + (v-s.d0)/(s.d1-s.d0)*(s.r1-s.r0)
}

// svgBuf accumulates SVG markup. Text goes through escape; attribute
// values are either constants of this package, validated ids or numbers.
type svgBuf struct {
	b []byte
}

func (s *svgBuf) grow(n int)        { s.b = make([]byte, 0, n) }
func (s *svgBuf) raw(markup string) { s.b = append(s.b, markup...) }
func (s *svgBuf) String() string    { return string(s.b) }

// num writes a coordinate rounded to one decimal, without trailing zeros:
// the tenths are counted as an integer, which is several times faster than
// formatting the float (a national site writes millions of coordinates).
func (s *svgBuf) num(v float64) {
	tenths := math.Round(v * 10)
	if math.Abs(tenths) >= 1<<53 || math.IsNaN(tenths) {
		s.b = strconv.AppendFloat(s.b, tenths/10, 'f', -1, 64)
		return
	}
	n := int64(tenths)
	if n < 0 {
		s.b = append(s.b, '-')
		n = -n
	}
	s.b = strconv.AppendInt(s.b, n/10, 10)
	if d := n % 10; d != 0 {
		s.b = append(s.b, '.', byte('0'+d))
	}
}

// attr writes ` name="v"` for a coordinate.
func (s *svgBuf) attr(name string, v float64) {
	s.b = append(s.b, ' ')
	s.b = append(s.b, name...)
	s.b = append(s.b, '=', '"')
	s.num(v)
	s.b = append(s.b, '"')
}

// escape writes text XML-escaped. Characters XML 1.0 cannot carry
// (control characters other than tab and newlines) become U+FFFD.
func (s *svgBuf) escape(text string) {
	for _, r := range text {
		switch {
		case r == '&':
			s.raw("&amp;")
		case r == '<':
			s.raw("&lt;")
		case r == '>':
			s.raw("&gt;")
		case r == '"':
			s.raw("&quot;")
		case r == '\'':
			s.raw("&#39;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			s.b = utf8.AppendRune(s.b, utf8.RuneError)
		default:
			s.b = utf8.AppendRune(s.b, r)
		}
	}
}

// open writes the <svg> start tag, sized by viewBox only so CSS can make it
// 100% wide, with its accessible name and description.
func (s *svgBuf) open(id, kind string, width, height int, title, desc string) {
	s.raw(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-` + kind + `" viewBox="0 0 `)
	s.b = strconv.AppendInt(s.b, int64(width), 10)
	s.raw(" ")
	s.b = strconv.AppendInt(s.b, int64(height), 10)
	s.raw(`" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="` + id + `-title" aria-describedby="` + id + `-desc"` +
		` font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="12">`)
	s.raw(`<title id="` + id + `-title">`)
	s.escape(title)
	s.raw(`</title><desc id="` + id + `-desc">`)
	s.escape(desc)
	s.raw(`</desc>`)
}

// axisName writes the value axis' name at (x, y), anchored as anchor
// says, shortened with "…" to fit room (its full text then a tooltip).
func (s *svgBuf) axisName(name string, x, y float64, anchor string, room float64) {
	short, cut := truncate(name, int(room/charWidth))
	s.raw(`<text class="axis-name" fill="` + mutedColor + `" text-anchor="` + anchor + `"`)
	s.attr("x", x)
	s.attr("y", y)
	s.shortened(name, short, cut)
}

// shortened ends an open <text> tag with short, the text of name cut to
// fit (cut says it was), and name in full as its tooltip.
func (s *svgBuf) shortened(name, short string, cut bool) {
	s.raw(`>`)
	if cut {
		s.raw(`<title>`)
		s.escape(name)
		s.raw(`</title>`)
	}
	s.escape(short)
	s.raw(`</text>`)
}

// line writes a plain <line>; its group sets the stroke.
func (s *svgBuf) line(x1, y1, x2, y2 float64) {
	s.raw(`<line`)
	s.attr("x1", x1)
	s.attr("y1", y1)
	s.attr("x2", x2)
	s.attr("y2", y2)
	s.raw(`/>`)
}

// dashedLine writes a target or reference line.
func (s *svgBuf) dashedLine(x1, y1, x2, y2 float64) {
	s.raw(`<line stroke="` + referenceColor + `" stroke-width="1.5" stroke-dasharray="5 4"`)
	s.attr("x1", x1)
	s.attr("y1", y1)
	s.attr("x2", x2)
	s.attr("y2", y2)
	s.raw(`/>`)
}

// text writes an escaped <text> at (x, y); its group sets fill and anchor.
func (s *svgBuf) text(x, y float64, content string) {
	s.raw(`<text`)
	s.attr("x", x)
	s.attr("y", y)
	s.raw(`>`)
	s.escape(content)
	s.raw(`</text>`)
}

// openSeries starts a group drawn in the colour of series i: its line and
// markers (role "series") or its legend key (role "key"). The class "s0",
// "s1", … lets the stylesheet colour it.
func (s *svgBuf) openSeries(role string, i int, dashed bool) {
	class := role + " s" + strconv.Itoa(i%len(palette()))
	if dashed {
		class += " dashed"
	}
	color := seriesColor(i)
	s.raw(`<g class="` + class + `" stroke="` + color + `" fill="` + color + `">`)
}

// marker draws the point marker of series i centred on (x, y): circle,
// square, triangle or diamond, matching seriesSymbol; hollow, it is
// outlined and filled with the background (class "hollow", which the
// stylesheet fills with the page's).
func (s *svgBuf) marker(series int, x, y float64, hollow bool) {
	r := 3.5
	if hollow {
		s.raw(`<g class="hollow" fill="#ffffff" stroke-width="1.5">`)
		defer s.raw(`</g>`)
		r = 4 // its outline takes the place of the fill
	}
	switch series % shapeCount {
	case shapeSquare:
		s.raw(`<rect`)
		s.attr("x", x-r)
		s.attr("y", y-r)
		s.attr("width", 2*r)
		s.attr("height", 2*r)
		s.raw(`/>`)
	case shapeTriangle:
		s.polygon(x, y-r-1, x+r+1, y+r, x-r-1, y+r)
	case shapeDiamond:
		s.polygon(x, y-r-1, x+r+1, y, x, y+r+1, x-r-1, y)
	default:
		s.raw(`<circle`)
		s.attr("cx", x)
		s.attr("cy", y)
		s.attr("r", r)
		s.raw(`/>`)
	}
}

// polygon writes a <polygon> through the given x, y pairs.
func (s *svgBuf) polygon(xy ...float64) {
	s.raw(`<polygon points="`)
	for i := 0; i < len(xy); i += 2 {
		if i > 0 {
			s.raw(" ")
		}
		s.num(xy[i])
		s.raw(",")
		s.num(xy[i+1])
	}
	s.raw(`"/>`)
}
