package chart

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"testing"
)

// TestHollowPoints checks that the points a series flags are drawn hollow,
// in the SVG and in the option, and no others: not a flagged gap, not the
// legend's keys.
func TestHollowPoints(t *testing.T) {
	l := sampleLine()
	l.Series[0].Hollow = []bool{false, true, true, false, false} // the third is a gap
	l.Series[1].Hollow = []bool{false, false, false, false, true}
	c, err := NewLine(l)
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	hollow := doc.withClass("hollow")
	if len(hollow) != 2 {
		t.Fatalf("%d hollow markers, want 2 (Q2/2024 of An Giang, Q1/2025 of Cả nước)", len(hollow))
	}
	for i, want := range []struct{ shape, series string }{{"circle", "series s0"}, {"rect", "series s1 dashed"}} {
		h := hollow[i]
		if len(h.children) != 1 || h.children[0].name != want.shape || h.parent.attrs["class"] != want.series || h.attrs["fill"] != "#ffffff" {
			t.Errorf("hollow marker %d: %+v in %q, want a %s in %q filled with the background", i, h.children, h.parent.attrs["class"], want.shape, want.series)
		}
	}
	var option struct{ Series []struct{ Data []any } }
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	got := [][]any{option.Series[0].Data, option.Series[1].Data}
	want := [][]any{
		{61.2, map[string]any{"value": 70.0, "symbol": "emptyCircle"}, "-", 84.5, 90.3},
		{55.0, 58.0, 63.0, 66.0, map[string]any{"value": 71.0, "symbol": "emptyRect"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("option data %v, want %v", got, want)
	}
	var d Drawer
	for range 2 { // the second from the template of the first
		dc, err := d.Line(l)
		if err != nil {
			t.Fatal(err)
		}
		if string(dc.Option) != string(c.Option) {
			t.Errorf("Drawer's option differs:\n got %s\nwant %s", dc.Option, c.Option)
		}
	}
	l.Series[1].Hollow = []bool{true}
	if _, err := NewLine(l); err == nil {
		t.Error("1 hollow flag for 5 values was drawn")
	}
}

// intervalRanking is a ranking with intervals: London 80 (76–84), North West
// 77 (72.5–81.5, emphasised), a unit without data.
func intervalRanking() Bar {
	return Bar{ID: "satisfaction-ranking-2024", Title: "Satisfaction", Highlight: 1, Unit: "%", Decimals: 1,
		Categories: []string{"London", "North West", "Nowhere"}, Values: []float64{80, 77, math.NaN()},
		Lower: []float64{76, 72.5, math.NaN()}, Upper: []float64{84, 81.5, math.NaN()}}
}

// TestIntervalLabelsPastTheInterval checks that a ranking's value labels
// stand past the far end of their intervals, where the interval's line
// never crosses them: in the SVG 4 units after the upper bound, in the
// option at upper/value of the bar's box (84/80 = 105%, 81.5/77 =
// 105.84…%), 5 px on; and that the option's bars carry their intervals
// for the tooltip.
func TestIntervalLabelsPastTheInterval(t *testing.T) {
	c, err := NewBar(intervalRanking())
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	lines := doc.withClass("intervals")[0].children // three a row: the range, its two caps
	values := doc.withClass("values")[0].children
	if len(lines) != 6 || len(values) != 3 {
		t.Fatalf("%d interval lines and %d value labels, want 6 and 3", len(lines), len(values))
	}
	for i := range 2 {
		upper, _ := strconv.ParseFloat(lines[3*i].attrs["x2"], 64)
		x, _ := strconv.ParseFloat(values[i].attrs["x"], 64)
		if math.Abs(x-(upper+4)) > 0.11 {
			t.Errorf("value label %d at x %v, want 4 past its upper bound at %v", i, x, upper)
		}
	}
	var option struct {
		Series []struct {
			Data     []any
			MarkLine struct{ Data []any } `json:"markLine"`
		}
	}
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	label := func(pos string, more map[string]any) map[string]any {
		l := map[string]any{"position": []any{pos, "50%"}, "align": "left", "verticalAlign": "middle", "offset": []any{5.0, 0.0}}
		for k, v := range more {
			l[k] = v
		}
		return l
	}
	want := []any{
		map[string]any{"value": 80.0, "interval": []any{76.0, 84.0}, "label": label("105%", nil)},
		map[string]any{"value": 77.0, "interval": []any{72.5, 81.5}, "itemStyle": map[string]any{"color": highlightColor},
			"label": label("105.8%", map[string]any{"show": true, "fontWeight": "bold", "formatter": "{c}%"})},
		"-",
	}
	if len(option.Series) != 2 || !reflect.DeepEqual(option.Series[0].Data, want) {
		t.Fatalf("bars %v,\nwant %v", option.Series, want)
	}
	if d := option.Series[1].Data; !reflect.DeepEqual(d, []any{"-", "-", "-"}) || len(option.Series[1].MarkLine.Data) != 2 {
		t.Errorf("interval series: data %v and %d lines, want no bars and 2 lines", d, len(option.Series[1].MarkLine.Data))
	}
}

// TestIntervalLabelsBelowZero checks a value below 0: its label stands
// before the interval's lower bound (−42 for −30: 40% of the bar's box
// before its start), and the SVG leaves it room clear of the names.
func TestIntervalLabelsBelowZero(t *testing.T) {
	b := Bar{ID: "change", Title: "Change", Highlight: -1, Unit: "pts", Decimals: 1,
		Categories: []string{"A"}, Values: []float64{-30}, Lower: []float64{-42}, Upper: []float64{-20}}
	c, err := NewBar(b)
	if err != nil {
		t.Fatal(err)
	}
	var option struct{ Series []struct{ Data []any } }
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	item, _ := option.Series[0].Data[0].(map[string]any)
	l, _ := item["label"].(map[string]any)
	if !reflect.DeepEqual(l["position"], []any{"-40%", "50%"}) || l["align"] != "right" || !reflect.DeepEqual(l["offset"], []any{-5.0, 0.0}) {
		t.Errorf("label %v, want at -40%% of the box, aligned right, 5 px before", l)
	}
	doc := parseSVG(t, c.SVG)
	lower, _ := strconv.ParseFloat(doc.withClass("intervals")[0].children[0].attrs["x1"], 64)
	v := doc.withClass("values")[0].children[0]
	x, _ := strconv.ParseFloat(v.attrs["x"], 64)
	name, _ := strconv.ParseFloat(doc.withClass("names")[0].children[0].attrs["x"], 64)
	if v.attrs["text-anchor"] != "end" || math.Abs(x-(lower-4)) > 0.11 {
		t.Errorf("value label at x %v (%s), want ending 4 before the lower bound at %v", x, v.attrs["text-anchor"], lower)
	}
	if start := x - textWidth(v.text); start < name {
		t.Errorf("value label %q starts at %v, over the names, which end at %v", v.text, start, name)
	}
}

// TestTrendIntervals: a trend's points with an interval get a vertical
// range through them in the SVG (the range and its two caps, in the
// series' group, from the lower bound's height to the upper's) and in the
// option (the point carries its interval for the tooltip, and a solid
// mark line joins the bounds at its category); the axis covers the
// bounds; a point without bounds, or a gap, gets none. Drawer draws such
// a trend as NewLine does.
func TestTrendIntervals(t *testing.T) {
	l := sampleLine()
	l.Target = nil
	nan := math.NaN()
	// Q2/2024 70 (52–79) is the only full interval: Q1/2024 has one bound,
	// Q3/2024 is a gap with bounds, Q4/2024 and Q1/2025 have none.
	l.Series[0].Lower = []float64{58, 52, 60, nan, nan}
	l.Series[0].Upper = []float64{nan, 79, 70, nan, nan}
	l.Series[0].Hollow = []bool{false, true, false, false, false}
	c, err := NewLine(l)
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	groups := doc.withClass("intervals")
	if len(groups) != 1 || groups[0].parent.attrs["class"] != "series s0" || len(groups[0].children) != 3 {
		t.Fatalf("interval groups %v, want one of three lines in series s0", groups)
	}
	ticks := lineTicks(l)
	if ticks[0] > 52 {
		t.Errorf("axis from %v, above the lower bound 52", ticks[0])
	}
	attr := func(i int, name string) float64 {
		v, err := strconv.ParseFloat(groups[0].children[i].attrs[name], 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// The range is vertical, and the bounds' heights are in proportion:
	// the point (70) is (70−52)/(79−52) of the way up.
	x1, y1, x2, y2 := attr(0, "x1"), attr(0, "y1"), attr(0, "x2"), attr(0, "y2")
	marker := doc.withClass("hollow")[0].children[0]
	cx, _ := strconv.ParseFloat(marker.attrs["cx"], 64)
	cy, _ := strconv.ParseFloat(marker.attrs["cy"], 64)
	if x1 != x2 || math.Abs(x1-cx) > 0.11 {
		t.Errorf("range from x %v to %v, want vertical through the point at %v", x1, x2, cx)
	}
	if share := (y1 - cy) / (y1 - y2); math.Abs(share-18.0/27) > 0.01 {
		t.Errorf("the point stands %v of the range up, want %v", share, 18.0/27)
	}

	var option struct {
		Series []struct {
			Data     []any
			MarkLine struct{ Data [][]map[string]any } `json:"markLine"`
		}
	}
	if err := json.Unmarshal(c.Option, &option); err != nil {
		t.Fatal(err)
	}
	wantData := []any{61.2, map[string]any{"value": 70.0, "symbol": "emptyCircle", "interval": []any{52.0, 79.0}}, "-", 84.5, 90.3}
	if !reflect.DeepEqual(option.Series[0].Data, wantData) {
		t.Errorf("points %v, want %v", option.Series[0].Data, wantData)
	}
	lines := option.Series[0].MarkLine.Data
	if len(lines) != 1 || !reflect.DeepEqual(lines[0][0]["coord"], []any{1.0, 52.0}) || !reflect.DeepEqual(lines[0][1]["coord"], []any{1.0, 79.0}) {
		t.Errorf("mark lines %v, want one from (1, 52) to (1, 79)", lines)
	}
	if len(option.Series[1].MarkLine.Data) != 0 || len(option.Series[1].Data) != 5 {
		t.Errorf("the series without intervals: %v", option.Series[1])
	}
	var d Drawer
	for range 2 {
		dc, err := d.Line(l)
		if err != nil {
			t.Fatal(err)
		}
		if string(dc.Option) != string(c.Option) {
			t.Errorf("Drawer's option differs:\n got %s\nwant %s", dc.Option, c.Option)
		}
	}
	l.Series[0].Upper = nil
	if _, err := NewLine(l); err == nil {
		t.Error("lower bounds without upper ones were drawn")
	}
}
