package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// evil is a name that would end a <script> element if written unescaped.
const evil = `</script><script>alert(1)</script>`

func ptr(v float64) *float64 { return &v }

// sampleLine is a two-series trend with a gap and a target.
func sampleLine() Line {
	return Line{
		ID:          "signature-rate-trend-an-giang",
		Title:       "Tỷ lệ hồ sơ ký số",
		Categories:  []string{"Q1/2024", "Q2/2024", "Q3/2024", "Q4/2024", "Q1/2025"},
		Series:      []Series{{Name: "An Giang", Values: []float64{61.2, 70, math.NaN(), 84.5, 90.25}}, {Name: "Cả nước", Values: []float64{55, 58, 63, 66, 71}, Dashed: true}},
		Unit:        "%",
		Decimals:    1,
		Target:      ptr(80),
		TargetLabel: "Mục tiêu",
	}
}

// sampleBar is a ranking with a gap, a highlight and a reference.
func sampleBar() Bar {
	return Bar{
		ID:             "signature-rate-ranking-2024-q4",
		Title:          "Xếp hạng tỷ lệ ký số",
		Categories:     []string{"Xã A", "Phường B", "Xã C", "Xã D"},
		Values:         []float64{97.5, 88, math.NaN(), 41},
		Highlight:      1,
		Reference:      ptr(75),
		ReferenceLabel: "Cả tỉnh",
		Unit:           "%",
		Decimals:       1,
		NoData:         "không có số liệu",
	}
}

func TestIDValidation(t *testing.T) {
	for _, id := range []string{"", "A", "Signature", "a_b", "-a", "a-", "a--b", "a b", "tỷ-lệ", "a/b", "a\"b"} {
		l := sampleLine()
		l.ID = id
		if _, err := NewLine(l); err == nil {
			t.Errorf("NewLine accepted id %q", id)
		}
		b := sampleBar()
		b.ID = id
		if _, err := NewBar(b); err == nil {
			t.Errorf("NewBar accepted id %q", id)
		}
	}
	for _, id := range []string{"a", "7", "signature-rate-trend-an-giang", "q4-2024"} {
		l := sampleLine()
		l.ID = id
		if _, err := NewLine(l); err != nil {
			t.Errorf("NewLine rejected id %q: %v", id, err)
		}
	}
}

func TestInvalidInputRejected(t *testing.T) {
	lines := map[string]func(*Line){
		"empty title":       func(l *Line) { l.Title = "" },
		"no categories":     func(l *Line) { l.Categories = nil; l.Series = []Series{{Name: "x"}} },
		"no series":         func(l *Line) { l.Series = nil },
		"length mismatch":   func(l *Line) { l.Series[1].Values = l.Series[1].Values[:2] },
		"infinite value":    func(l *Line) { l.Series[0].Values[0] = math.Inf(1) },
		"NaN target":        func(l *Line) { l.Target = ptr(math.NaN()) },
		"negative decimals": func(l *Line) { l.Decimals = -1 },
	}
	for name, change := range lines {
		l := sampleLine()
		change(&l)
		if _, err := NewLine(l); err == nil {
			t.Errorf("NewLine accepted %s", name)
		}
	}
	bars := map[string]func(*Bar){
		"highlight past end": func(b *Bar) { b.Highlight = len(b.Categories) },
		"highlight below -1": func(b *Bar) { b.Highlight = -2 },
		"length mismatch":    func(b *Bar) { b.Values = b.Values[:1] },
		"infinite reference": func(b *Bar) { b.Reference = ptr(math.Inf(-1)) },
	}
	for name, change := range bars {
		b := sampleBar()
		change(&b)
		if _, err := NewBar(b); err == nil {
			t.Errorf("NewBar accepted %s", name)
		}
	}
}

func TestOptionAndSVGEscapeScriptBreakout(t *testing.T) {
	l := sampleLine()
	l.Title = evil
	l.Categories[0] = evil
	l.Series[0].Name = evil
	l.TargetLabel = evil + "\u2028"
	lc, err := NewLine(l)
	if err != nil {
		t.Fatal(err)
	}
	b := sampleBar()
	b.Categories[0] = evil
	b.Title = evil
	bc, err := NewBar(b)
	if err != nil {
		t.Fatal(err)
	}

	for _, c := range []Chart{lc, bc} {
		if i := bytes.IndexAny(c.Option, "<>&\u2028\u2029"); i >= 0 {
			t.Errorf("%s option has an unescaped HTML-significant character at %d: %.40q", c.Kind, i, c.Option[i:])
		}
		if !bytes.Contains(c.Option, []byte(`\u003c/script\u003e`)) {
			t.Errorf("%s option does not carry the escaped name", c.Kind)
		}
		if strings.Contains(c.SVG, "</script>") || strings.Contains(c.SVG, "<script") {
			t.Errorf("%s SVG contains a raw script tag", c.Kind)
		}
		if !strings.Contains(c.SVG, "&lt;/script&gt;") {
			t.Errorf("%s SVG does not carry the escaped name", c.Kind)
		}
		doc := parseSVG(t, c.SVG)
		if got := doc.first("title").text; got != evil {
			t.Errorf("%s SVG title = %q, want %q", c.Kind, got, evil)
		}
	}
	if !bytes.Contains(lc.Option, []byte(`\u2028`)) {
		t.Error("line option does not escape U+2028")
	}

	// The escaped JSON still decodes to the very same names.
	var line struct {
		Series []struct{ Name string }
		XAxis  []struct{ Data []string } `json:"xAxis"`
	}
	if err := json.Unmarshal(lc.Option, &line); err != nil {
		t.Fatal(err)
	}
	if line.Series[0].Name != evil || line.XAxis[0].Data[0] != evil {
		t.Errorf("decoded series %q, category %q; want %q", line.Series[0].Name, line.XAxis[0].Data[0], evil)
	}
	var bar struct {
		YAxis []struct{ Data []string } `json:"yAxis"`
	}
	if err := json.Unmarshal(bc.Option, &bar); err != nil {
		t.Fatal(err)
	}
	if bar.YAxis[0].Data[0] != evil {
		t.Errorf("decoded bar category %q, want %q", bar.YAxis[0].Data[0], evil)
	}
}

func TestLineGapIsMissingInOptionAndBreaksPolyline(t *testing.T) {
	c, err := NewLine(sampleLine())
	if err != nil {
		t.Fatal(err)
	}
	var option struct {
		Series []struct{ Data []any }
	}
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	want := []any{61.2, 70.0, "-", 84.5, 90.3} // rounded to 1 decimal
	if got := option.Series[0].Data; !slices.Equal(got, want) {
		t.Errorf("series 0 data = %v, want %v", got, want)
	}

	doc := parseSVG(t, c.SVG)
	series0 := doc.withClass("series s0")
	if len(series0) != 1 {
		t.Fatalf("found %d groups of class series s0, want 1", len(series0))
	}
	var polylines []string
	for _, e := range doc.all("polyline") {
		if e.parent == series0[0] {
			polylines = append(polylines, e.attrs["points"])
		}
	}
	if len(polylines) != 2 {
		t.Fatalf("series 0 has %d polylines, want 2 (broken at the gap): %q", len(polylines), polylines)
	}
	for i, points := range polylines {
		if n := len(strings.Fields(points)); n != 2 {
			t.Errorf("polyline %d has %d points, want 2", i, n)
		}
	}
	// The complete series 1 is one polyline of five points, dashed.
	series1 := doc.withClass("series s1 dashed")
	if len(series1) != 1 {
		t.Fatalf("found %d dashed groups of series 1, want 1", len(series1))
	}
	for _, e := range doc.all("polyline") {
		if e.parent == series1[0] && (len(strings.Fields(e.attrs["points"])) != 5 || e.attrs["stroke-dasharray"] == "") {
			t.Errorf("series 1 polyline %v, want 5 dashed points", e.attrs)
		}
	}
}

func TestDeterministic(t *testing.T) {
	l1, err1 := NewLine(sampleLine())
	l2, err2 := NewLine(sampleLine())
	b1, err3 := NewBar(sampleBar())
	b2, err4 := NewBar(sampleBar())
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(l1.Option, l2.Option) || l1.SVG != l2.SVG {
		t.Error("two builds of the same line differ")
	}
	if !bytes.Equal(b1.Option, b2.Option) || b1.SVG != b2.SVG {
		t.Error("two builds of the same bar chart differ")
	}
}

func TestLineOption(t *testing.T) {
	c, err := NewLine(sampleLine())
	if err != nil {
		t.Fatal(err)
	}
	option := decodeOption(t, c.Option)
	if got := option["aria"]; !jsonEqual(got, map[string]any{"enabled": true}) {
		t.Errorf("aria = %v, want enabled", got)
	}
	for _, key := range []string{"toolbox", "dataZoom"} {
		if _, ok := option[key]; ok {
			t.Errorf("option has unused %q", key)
		}
	}
	if _, ok := option["legend"]; !ok {
		t.Error("two series but no legend")
	}
	series := option["series"].([]any)
	if len(series) != 2 {
		t.Fatalf("%d series, want 2", len(series))
	}
	s0, s1 := series[0].(map[string]any), series[1].(map[string]any)
	if s0["symbol"] == s1["symbol"] {
		t.Errorf("both series use symbol %v", s0["symbol"])
	}
	if !jsonEqual(s0["lineStyle"].(map[string]any)["type"], "solid") || !jsonEqual(s1["lineStyle"].(map[string]any)["type"], "dashed") {
		t.Errorf("line types %v / %v, want solid / dashed", s0["lineStyle"], s1["lineStyle"])
	}
	markLine, ok := s0["markLine"].(map[string]any)
	if !ok {
		t.Fatal("target set but series 0 has no markLine")
	}
	target := markLine["data"].([]any)[0].(map[string]any)
	if !jsonEqual(target, map[string]any{"name": "Mục tiêu", "yAxis": 80.0}) {
		t.Errorf("markLine data = %v", target)
	}
	yAxis := option["yAxis"].([]any)[0].(map[string]any)
	if !jsonEqual(yAxis["min"], 50.0) || !jsonEqual(yAxis["max"], 100.0) || !jsonEqual(yAxis["minInterval"], 10.0) {
		t.Errorf("yAxis = %v, want 50..100 every 10 like the SVG", yAxis)
	}

	// Without a target there is no mark line; with one series, no legend.
	l := sampleLine()
	l.Target = nil
	l.Series = l.Series[:1]
	c, err = NewLine(l)
	if err != nil {
		t.Fatal(err)
	}
	option = decodeOption(t, c.Option)
	if bytes.Contains(c.Option, []byte("markLine")) {
		t.Error("markLine without a target")
	}
	if _, ok := option["legend"]; ok {
		t.Error("legend for a single series")
	}
}

func TestBarOption(t *testing.T) {
	c, err := NewBar(sampleBar())
	if err != nil {
		t.Fatal(err)
	}
	var option struct {
		Aria   struct{ Enabled bool }
		Series []struct {
			Type     string
			Data     []any
			MarkLine struct {
				Data []map[string]any
			} `json:"markLine"`
		}
		XAxis []struct{ Type string } `json:"xAxis"`
		YAxis []struct {
			Type    string
			Inverse bool
			Data    []string
		} `json:"yAxis"`
	}
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	if !option.Aria.Enabled {
		t.Error("aria not enabled")
	}
	if len(option.Series) != 1 || option.Series[0].Type != "bar" {
		t.Fatalf("series = %+v, want one bar series", option.Series)
	}
	data := option.Series[0].Data
	if len(data) != 4 || data[0] != 97.5 || data[2] != "-" || data[3] != 41.0 {
		t.Errorf("data = %v, want 97.5, {highlighted 88}, -, 41", data)
	}
	if hl, ok := data[1].(map[string]any); !ok || hl["value"] != 88.0 || hl["itemStyle"] == nil {
		t.Errorf("highlighted item = %v, want value 88 with its own itemStyle", data[1])
	}
	if got := option.Series[0].MarkLine.Data; len(got) != 1 || got[0]["xAxis"] != 75.0 || got[0]["name"] != "Cả tỉnh" {
		t.Errorf("markLine data = %v, want the reference at x 75", got)
	}
	if option.XAxis[0].Type != "value" || option.YAxis[0].Type != "category" || !option.YAxis[0].Inverse {
		t.Errorf("axes x %+v y %+v, want horizontal bars, first category on top", option.XAxis, option.YAxis)
	}
	if got := option.YAxis[0].Data[1]; got != "▶ Phường B" {
		t.Errorf("highlighted category = %q, want a text marker", got)
	}
}

func TestLineSVG(t *testing.T) {
	c, err := NewLine(sampleLine())
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	root := doc.first("svg")
	checkSVGRoot(t, doc, c.ID, "Tỷ lệ hồ sơ ký số")
	if root.attrs["viewBox"] != "0 0 640 320" || c.Width != 640 || c.Height != 320 {
		t.Errorf("viewBox %q, size %dx%d; want 640x320", root.attrs["viewBox"], c.Width, c.Height)
	}
	desc := doc.first("desc").text
	for _, want := range []string{"An Giang: 90.3% (Q1/2025)", "Cả nước: 71.0% (Q1/2025)"} {
		if !strings.Contains(desc, want) {
			t.Errorf("desc %q lacks latest value %q", desc, want)
		}
	}
	// Markers: 4 circles for series 0 (one gap), and in the legend; 5 squares
	// for series 1, and in the legend.
	if n := len(doc.all("circle")); n != 4+1 {
		t.Errorf("%d circles, want 5", n)
	}
	if n := len(doc.all("rect")); n != 5+1 {
		t.Errorf("%d squares, want 6", n)
	}
	if len(doc.withClass("legend")) != 1 {
		t.Error("no legend for two series")
	}
	if ref := doc.withClass("ref"); len(ref) != 1 || !strings.Contains(c.SVG, "Mục tiêu: 80.0%") {
		t.Error("target line or its label missing")
	}
	// Gridline labels are the nice ticks 50..100.
	var ticks []string
	for _, e := range doc.all("text") {
		if e.parent != nil && e.parent.attrs["class"] == "ticks" {
			ticks = append(ticks, e.text)
		}
	}
	if want := []string{"50%", "60%", "70%", "80%", "90%", "100%"}; !slices.Equal(ticks, want) {
		t.Errorf("tick labels %q, want %q", ticks, want)
	}
}

func TestSVGUsesCallerFormat(t *testing.T) {
	l := sampleLine()
	l.Format = func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1) }
	c, err := NewLine(l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.SVG, ">50,0%<") || !strings.Contains(parseSVG(t, c.SVG).first("desc").text, "90,3%") {
		t.Errorf("SVG does not use the caller's formatter:\n%s", c.SVG)
	}
}

func TestBarSVG(t *testing.T) {
	c, err := NewBar(sampleBar())
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	checkSVGRoot(t, doc, c.ID, "Xếp hạng tỷ lệ ký số")

	var bars, highlighted []*element
	for _, e := range doc.all("rect") {
		bars = append(bars, e)
		if e.attrs["class"] == "hl" {
			highlighted = append(highlighted, e)
		}
	}
	if len(bars) != 3 || len(highlighted) != 1 {
		t.Errorf("%d bars (%d highlighted), want 3 with data, 1 highlighted", len(bars), len(highlighted))
	}
	var hlText, noData []string
	for _, e := range doc.all("text") {
		switch e.attrs["class"] {
		case "hl":
			hlText = append(hlText, e.text)
		case "nodata":
			noData = append(noData, e.text)
		}
	}
	if want := []string{"▶ Phường B", "88.0%"}; !slices.Equal(hlText, want) {
		t.Errorf("highlighted texts %q, want %q", hlText, want)
	}
	if want := []string{"không có số liệu"}; !slices.Equal(noData, want) {
		t.Errorf("no-data labels %q, want %q", noData, want)
	}
	if !strings.Contains(c.SVG, "Cả tỉnh: 75.0%") || len(doc.withClass("ref")) != 1 {
		t.Error("reference line or its label missing")
	}
	if desc := doc.first("desc").text; desc != "▶ Phường B: 88.0%; Cả tỉnh: 75.0%" {
		t.Errorf("desc = %q", desc)
	}
	// Bars start at 0: the first tick label is 0%.
	if first := doc.withClass("ticks")[0]; len(first.children) == 0 || first.children[0].text != "0%" {
		t.Error("value axis does not start at 0%")
	}
}

// TestReferenceLinesReadTheirValueOnce checks the words a reader sees and
// hears for a ranking's reference line and a trend's target line, in both
// languages: the line's name and its value once, "Toàn tỉnh: 89,5%" — in
// the SVG's label, in its description, and in the label the chart script
// makes from the option's template ({b} the name, {c} the value).
func TestReferenceLinesReadTheirValueOnce(t *testing.T) {
	vi := func(v float64) string { return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1) }
	for _, tc := range []struct {
		lang, name  string
		format      func(float64) string
		label, desc string
	}{
		{"vi", "Toàn tỉnh", vi, "Toàn tỉnh: 89,5%", "Hà Tiên: 96,7%; Toàn tỉnh: 89,5%"},
		{"en", "Province", nil, "Province: 89.5%", "Hà Tiên: 96.7%; Province: 89.5%"},
		{"no name", "", nil, "89.5%", "Hà Tiên: 96.7%; 89.5%"},
	} {
		t.Run("bar "+tc.lang, func(t *testing.T) {
			c, err := NewBar(Bar{ID: "signature-rate-ranking", Title: "Xếp hạng", Highlight: -1,
				Categories: []string{"Hà Tiên", "Giang Thành"}, Values: []float64{96.7, 61.2},
				Reference: ptr(89.5), ReferenceLabel: tc.name, Unit: "%", Decimals: 1, Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			checkLineLabels(t, c, tc.format, tc.label, tc.desc)
		})
	}
	for _, tc := range []struct {
		lang, name  string
		format      func(float64) string
		label, desc string
	}{
		{"vi", "Mục tiêu", vi, "Mục tiêu: 90,0%", "An Giang: 86,7% (Q1/2025); Mục tiêu: 90,0%"},
		{"en", "Target", nil, "Target: 90.0%", "An Giang: 86.7% (Q1/2025); Target: 90.0%"},
	} {
		t.Run("line "+tc.lang, func(t *testing.T) {
			c, err := NewLine(Line{ID: "signature-rate-trend", Title: "Diễn biến",
				Categories: []string{"Q4/2024", "Q1/2025"}, Series: []Series{{Name: "An Giang", Values: []float64{84, 86.7}}},
				Target: ptr(90), TargetLabel: tc.name, Unit: "%", Decimals: 1, Format: tc.format})
			if err != nil {
				t.Fatal(err)
			}
			checkLineLabels(t, c, tc.format, tc.label, tc.desc)
		})
	}
}

// checkLineLabels checks the label of a chart's one reference or target
// line in its SVG and its option, and the SVG's whole description.
func checkLineLabels(t *testing.T, c Chart, format func(float64) string, label, desc string) {
	t.Helper()
	doc := parseSVG(t, c.SVG)
	var texts []string
	for _, ref := range doc.withClass("ref") {
		for _, e := range ref.children {
			if e.name == "text" {
				texts = append(texts, e.text)
			}
		}
	}
	if want := []string{label}; !slices.Equal(texts, want) {
		t.Errorf("SVG line label %q, want %q", texts, want)
	}
	if got := doc.first("desc").text; got != desc {
		t.Errorf("SVG desc %q, want %q", got, desc)
	}

	var option struct {
		Series []struct {
			MarkLine struct {
				Label struct{ Formatter string }
				Data  []struct {
					Name         string
					XAxis, YAxis *float64
				}
			} `json:"markLine"`
		}
	}
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	ml := option.Series[0].MarkLine
	if len(ml.Data) != 1 {
		t.Fatalf("markLine data %+v, want one line", ml.Data)
	}
	value := ml.Data[0].XAxis
	if value == nil {
		value = ml.Data[0].YAxis
	}
	if value == nil {
		t.Fatalf("markLine data %+v has no position", ml.Data[0])
	}
	number := strconv.FormatFloat(*value, 'f', 1, 64)
	if format != nil {
		number = format(*value)
	}
	// As templates/assets/js/charts.js (localised) fills the template in.
	got := strings.NewReplacer("{b}", ml.Data[0].Name, "{c}", number).Replace(ml.Label.Formatter)
	if got != label {
		t.Errorf("option line label %q (template %q), want %q", got, ml.Label.Formatter, label)
	}
}

func TestBarSVGGrowsWithUnits(t *testing.T) {
	b := Bar{ID: "province-units", Title: "102 units", Highlight: -1, Unit: "Mbps"}
	for i := range 102 {
		b.Categories = append(b.Categories, "Xã số "+strconv.Itoa(i))
		b.Values = append(b.Values, float64(i))
	}
	c, err := NewBar(b)
	if err != nil {
		t.Fatal(err)
	}
	if c.Height < 102*barRowHeight {
		t.Errorf("height %d for 102 units, want at least %d", c.Height, 102*barRowHeight)
	}
	root := parseSVG(t, c.SVG).first("svg")
	if want := "0 0 640 " + strconv.Itoa(c.Height); root.attrs["viewBox"] != want {
		t.Errorf("viewBox %q, want %q", root.attrs["viewBox"], want)
	}
}

func TestNiceTicks(t *testing.T) {
	inf := math.Inf(1)
	tests := []struct {
		name     string
		lo, hi   float64
		decimals int
		ceiling  float64
		want     []float64
	}{
		// Steps 20 and 25 both span 0..100; 25 has fewer ticks.
		{"percent full range", 0, 100, 0, 100, []float64{0, 25, 50, 75, 100}},
		// Step 10 covers 60..100 in 5 ticks; 5 needs 9, 20 only 3.
		{"percent high band", 62.3, 97.8, 1, 100, []float64{60, 70, 80, 90, 100}},
		// 2.5 would need a decimal; 2 needs 7 ticks; 5 gives -5..10.
		{"crosses zero", -3, 7, 0, inf, []float64{-5, 0, 5, 10}},
		// 0.2 and 0.25 both fit 0..1; 0.25 gives fewer ticks.
		{"unit interval", 0, 1, 2, inf, []float64{0, 0.25, 0.5, 0.75, 1}},
		// Exact decimals: 0.1 steps, no 0.30000000000000004.
		{"tenths", 0.05, 0.38, 1, inf, []float64{0, 0.1, 0.2, 0.3, 0.4}},
		// Integers only and a range of 1: widen to four whole steps.
		{"too narrow for integers", 0, 1, 0, inf, []float64{0, 1, 2, 3}},
		// Same near the ceiling: widen downwards.
		{"narrow under ceiling", 99, 100, 0, 100, []float64{97, 98, 99, 100}},
		// All zero: 0..1; with one decimal 0.25 is too fine, so 0.2.
		{"all zero", 0, 0, 1, inf, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		// A constant 97.5%: ±9.75 clipped at 100.
		{"constant percentage", 97.5, 97.5, 0, 100, []float64{85, 90, 95, 100}},
		// National-scale counts.
		{"large counts", 0, 3321, 0, inf, []float64{0, 1000, 2000, 3000, 4000}},
	}
	for _, tt := range tests {
		got := niceTicks(tt.lo, tt.hi, tt.decimals, tt.ceiling)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: niceTicks(%v, %v, %d, %v) = %v, want %v", tt.name, tt.lo, tt.hi, tt.decimals, tt.ceiling, got, tt.want)
		}
	}
}

func BenchmarkNewBar(b *testing.B) {
	bar := Bar{ID: "national-ranking", Title: "3,321 communes", Highlight: 1234, Reference: ptr(82.5), ReferenceLabel: "National", Unit: "%", Decimals: 1}
	for i := range 3321 {
		bar.Categories = append(bar.Categories, "Xã Phước Long Thọ "+strconv.Itoa(i))
		v := math.Mod(float64(i)*37.7, 100)
		if i%97 == 0 {
			v = math.NaN()
		}
		bar.Values = append(bar.Values, v)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewBar(bar); err != nil {
			b.Fatal(err)
		}
	}
}

// checkSVGRoot checks what every chart SVG must satisfy: an accessible
// image named by its <title>, described by its <desc>, no style
// attributes, scripts or external references.
func checkSVGRoot(t *testing.T, doc *svgDoc, id, title string) {
	t.Helper()
	root := doc.first("svg")
	if root == nil || root.parent != nil {
		t.Fatal("root element is not <svg>")
	}
	if root.attrs["role"] != "img" || root.attrs["aria-labelledby"] != id+"-title" || root.attrs["aria-describedby"] != id+"-desc" {
		t.Errorf("root attributes %v lack role and aria references", root.attrs)
	}
	if root.attrs["viewBox"] == "" || root.attrs["preserveAspectRatio"] == "" || root.attrs["width"] != "" {
		t.Errorf("root sizing %v, want viewBox and preserveAspectRatio only", root.attrs)
	}
	if e := doc.first("title"); e == nil || e.attrs["id"] != id+"-title" || e.text != title {
		t.Errorf("title element %+v, want id %s-title and text %q", e, id, title)
	}
	if e := doc.first("desc"); e == nil || e.attrs["id"] != id+"-desc" || e.text == "" {
		t.Errorf("desc element %+v, want id %s-desc and a description", e, id)
	}
	for _, e := range doc.elements {
		if e.name == "script" || e.name == "style" || e.name == "image" || e.name == "use" {
			t.Errorf("SVG contains a <%s> element", e.name)
		}
		for name := range e.attrs {
			if name == "style" || name == "href" || strings.HasPrefix(name, "on") {
				t.Errorf("<%s> has a %q attribute", e.name, name)
			}
		}
	}
}

func decodeOption(t *testing.T, option []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(option, &m); err != nil {
		t.Fatalf("option is not JSON: %v", err)
	}
	return m
}

// jsonEqual compares decoded JSON values.
func jsonEqual(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

// element is one SVG element as parsed back by encoding/xml.
type element struct {
	name     string
	attrs    map[string]string
	text     string // character data directly inside it
	parent   *element
	children []*element
}

// svgDoc is every element of an SVG, in document order.
type svgDoc struct {
	elements []*element
}

// parseSVG decodes every token of svg with encoding/xml, failing the test
// when it is not well-formed XML.
func parseSVG(t *testing.T, svg string) *svgDoc {
	t.Helper()
	doc := &svgDoc{}
	var open []*element
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &element{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			if len(open) > 0 {
				e.parent = open[len(open)-1]
				e.parent.children = append(e.parent.children, e)
			}
			doc.elements = append(doc.elements, e)
			open = append(open, e)
		case xml.EndElement:
			open = open[:len(open)-1]
		case xml.CharData:
			if len(open) > 0 {
				open[len(open)-1].text += string(tok)
			}
		}
	}
	if len(open) != 0 {
		t.Fatalf("%d elements left open", len(open))
	}
	return doc
}

func (d *svgDoc) all(name string) []*element {
	var out []*element
	for _, e := range d.elements {
		if e.name == name {
			out = append(out, e)
		}
	}
	return out
}

func (d *svgDoc) first(name string) *element {
	if all := d.all(name); len(all) > 0 {
		return all[0]
	}
	return nil
}

func (d *svgDoc) withClass(class string) []*element {
	var out []*element
	for _, e := range d.elements {
		if e.attrs["class"] == class {
			out = append(out, e)
		}
	}
	return out
}

// TestNumMatchesFloatFormatting checks the SVG coordinate writer against
// formatting the rounded float with strconv, on hand-picked edges (halves,
// negative zero, large and non-finite values) and a spread of values.
func TestNumMatchesFloatFormatting(t *testing.T) {
	want := func(v float64) string {
		r := math.Round(v*10) / 10
		if r == 0 {
			r = 0
		}
		return strconv.FormatFloat(r, 'f', -1, 64)
	}
	values := []float64{0, math.Copysign(0, -1), -0.04, -0.05, -0.06, 0.05, 0.25, 0.35, 1.15, 9.95, 99.95,
		67.94999, 219.6, 284, -12.3, 1e15, -1e15, 1 << 53, 1e300, math.Inf(1), math.Inf(-1), math.NaN()}
	for i := range 20000 {
		v := float64(i)*0.0137 - 40
		values = append(values, v, v*1000.001)
	}
	for _, v := range values {
		var s svgBuf
		s.num(v)
		if got := string(s.b); got != want(v) {
			t.Errorf("num(%v) = %q, want %q", v, got, want(v))
		}
	}
}
