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
