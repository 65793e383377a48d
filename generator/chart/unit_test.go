package chart

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// perBase is a ranking of a ratio per 100,000 population: a unit too long
// to follow each number.
func perBase() Bar {
	return Bar{ID: "crime-rate-ranking-2024", Title: "Ranking — Crime rate",
		Categories: []string{"Eastern Seaboard", "Northern Highlands", "Southern Lowlands"},
		Values:     []float64{9.5, 12.3, 14.1}, Highlight: -1,
		Reference: ptr(11.44), ReferenceLabel: "Test Nation",
		Unit: "per 100,000 population", Decimals: 1}
}

// TestLongUnitIsTheAxisName: a ranking in "per 100,000 population" names
// its unit once, above the axis' labels, and its ticks, bars and reference
// line show bare numbers; the description and the live chart's tooltip say
// each figure with its unit.
func TestLongUnitIsTheAxisName(t *testing.T) {
	c, err := NewBar(perBase())
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	names := doc.withClass("axis-name")
	if len(names) != 1 || names[0].text != "per 100,000 population" || names[0].attrs["text-anchor"] != "middle" {
		t.Fatalf("axis names %+v, want one: per 100,000 population", names)
	}
	ticks := doc.withClass("ticks")[0].children
	var tickTexts []string
	for _, e := range ticks {
		tickTexts = append(tickTexts, e.text)
	}
	if want := []string{"0", "5", "10", "15"}; !slices.Equal(tickTexts, want) {
		t.Errorf("ticks %q, want %q", tickTexts, want)
	}
	// The name's line (12 px text, baseline y) lies wholly above the
	// ticks' line, and within the drawing.
	ny, _ := strconv.ParseFloat(names[0].attrs["y"], 64)
	ty, _ := strconv.ParseFloat(ticks[0].attrs["y"], 64)
	nx, _ := strconv.ParseFloat(names[0].attrs["x"], 64)
	if ty-ny < 14 || ny < 12 {
		t.Errorf("axis name at y %v, ticks at %v: want the name a line above the ticks, inside the drawing", ny, ty)
	}
	if half := textWidth("per 100,000 population") / 2; nx-half < 0 || nx+half > svgWidth {
		t.Errorf("axis name centred at x %v runs out of the %d-wide drawing", nx, svgWidth)
	}
	var values []string
	for _, e := range doc.withClass("values")[0].children {
		values = append(values, e.text)
	}
	if want := []string{"9.5", "12.3", "14.1"}; !slices.Equal(values, want) {
		t.Errorf("bar labels %q, want %q", values, want)
	}
	if ref := doc.withClass("ref")[0]; ref.children[1].text != "Test Nation: 11.4" {
		t.Errorf("reference label %q, want Test Nation: 11.4", ref.children[1].text)
	}
	if desc := doc.first("desc").text; desc != "Eastern Seaboard: 9.5 per 100,000 population; Test Nation: 11.4 per 100,000 population" {
		t.Errorf("desc = %q", desc)
	}

	o := decodeOption(t, c.Option)
	x := o["xAxis"].([]any)[0].(map[string]any)
	if x["name"] != "per 100,000 population" || x["nameLocation"] != "middle" || x["axisLabel"].(map[string]any)["formatter"] != "{value}" {
		t.Errorf("value axis %v, want the unit as its name and bare labels", x)
	}
	if top := o["grid"].([]any)[0].(map[string]any)["top"]; top != "56" {
		t.Errorf("grid top %v, want 56: room for the name above the labels", top)
	}
	s := o["series"].([]any)[0].(map[string]any)
	if f := s["label"].(map[string]any)["formatter"]; f != "{c}" {
		t.Errorf("bar label template %v, want {c}", f)
	}
	if f := s["markLine"].(map[string]any)["label"].(map[string]any)["formatter"]; f != "{b}: {c}" {
		t.Errorf("reference label template %v, want {b}: {c}", f)
	}
	if f := o["tooltip"].(map[string]any)["valueFormatter"]; f != "{c} per 100,000 population" {
		t.Errorf("tooltip value template %v, want {c} per 100,000 population", f)
	}
}

// TestShortUnitFollowsEachNumber: "%" stays after each tick and label,
// with no axis name, and the tooltip says it too.
func TestShortUnitFollowsEachNumber(t *testing.T) {
	c, err := NewBar(sampleBar())
	if err != nil {
		t.Fatal(err)
	}
	if names := parseSVG(t, c.SVG).withClass("axis-name"); len(names) != 0 {
		t.Errorf("a %% ranking has an axis name: %+v", names)
	}
	o := decodeOption(t, c.Option)
	x := o["xAxis"].([]any)[0].(map[string]any)
	if _, named := x["name"]; named || x["axisLabel"].(map[string]any)["formatter"] != "{value}%" {
		t.Errorf("value axis %v, want no name and labels in %%", x)
	}
	if f := o["tooltip"].(map[string]any)["valueFormatter"]; f != "{c}%" {
		t.Errorf("tooltip value template %v, want {c}%%", f)
	}
}

// TestLongUnitNamesTheTrendAxis: a trend in a long unit names it above
// its value axis, from the axis rightwards, and its ticks and target label
// are bare numbers.
func TestLongUnitNamesTheTrendAxis(t *testing.T) {
	c, err := NewLine(Line{ID: "crime-rate-trend", Title: "Crime rate", Categories: []string{"2023", "2024"},
		Series: []Series{{Name: "Test Nation", Values: []float64{11.22, 11.44}}},
		Unit:   "per 100,000 population", Decimals: 1, Target: ptr(10), TargetLabel: "Target"})
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	names := doc.withClass("axis-name")
	if len(names) != 1 || names[0].text != "per 100,000 population" || names[0].attrs["text-anchor"] != "start" {
		t.Fatalf("axis names %+v, want one: per 100,000 population", names)
	}
	for _, e := range doc.withClass("ticks")[0].children {
		if strings.Contains(e.text, "per") {
			t.Errorf("tick %q carries the unit", e.text)
		}
	}
	if !strings.Contains(c.SVG, ">Target: 10.0</text>") {
		t.Error("target label is not Target: 10.0")
	}
	if desc := doc.first("desc").text; desc != "Test Nation: 11.4 per 100,000 population (2024); Target: 10.0 per 100,000 population" {
		t.Errorf("desc = %q", desc)
	}
	o := decodeOption(t, c.Option)
	y := o["yAxis"].([]any)[0].(map[string]any)
	if y["name"] != "per 100,000 population" || y["nameLocation"] != "end" {
		t.Errorf("value axis %v, want the unit as its name, on top", y)
	}
	if f := o["tooltip"].(map[string]any)["valueFormatter"]; f != "{c} per 100,000 population" {
		t.Errorf("tooltip value template %v", f)
	}
}

// TestWidestNameIsNotCut: the names column is as wide as the widest name,
// which shows whole (6 × 6.6 = 39.6 px, which divided back by 6.6 is
// 5.999… characters).
func TestWidestNameIsNotCut(t *testing.T) {
	c, err := NewBar(Bar{ID: "by-sex", Title: "By sex", Categories: []string{"Female", "Male"},
		Values: []float64{9.3, 13.58}, Highlight: -1, Unit: "%", Decimals: 1})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range parseSVG(t, c.SVG).withClass("names")[0].children {
		names = append(names, e.text)
	}
	if want := []string{"Female", "Male"}; !slices.Equal(names, want) {
		t.Errorf("names %q, want %q", names, want)
	}
}

// TestTargetAtTheTopClearsTheAxisName: a target on the top gridline is
// labelled below its line, so its label (12 px high, from x = the plot's
// left) does not run into the axis' name above the plot.
func TestTargetAtTheTopClearsTheAxisName(t *testing.T) {
	c, err := NewLine(Line{ID: "crime-rate-trend", Title: "Crime rate", Categories: []string{"2023", "2024"},
		Series: []Series{{Name: "Test Nation", Values: []float64{11.22, 11.44}}},
		Unit:   "per 100,000 population", Decimals: 1, Target: ptr(12), TargetLabel: "Target"})
	if err != nil {
		t.Fatal(err)
	}
	doc := parseSVG(t, c.SVG)
	name := doc.withClass("axis-name")[0]
	label := doc.withClass("ref")[0].children[1]
	ny, _ := strconv.ParseFloat(name.attrs["y"], 64)
	ly, _ := strconv.ParseFloat(label.attrs["y"], 64)
	if label.text != "Target: 12.0" || ly-12 < ny+2 {
		t.Errorf("target label %q at y %v, axis name at y %v: want the label's line below the name's", label.text, ly, ny)
	}
}
