package chart

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// randomLine makes a trend chart whose shape comes from a few choices, so
// that shapes repeat, and whose values vary widely: gaps, whole numbers,
// tiny and huge values, negatives, hollow points.
func randomLine(r *rand.Rand, n int) Line {
	categorySets := [][]string{
		{"Q1/24", "Q2/24", "Q3/24", "Q4/24"},
		{"2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"},
		{"Quý 1 <b>", "Quý 2 & \"3\""},
	}
	names := []string{"Tỷ lệ ký số", "Online filing </script>", "Hồ sơ\u2028số", "Đúng hạn"}
	units := []string{"%", "Mbps", ""}
	cats := categorySets[r.IntN(len(categorySets))]
	l := Line{
		ID:         fmt.Sprintf("trend-%d", n),
		Title:      []string{"Xã An Hảo", "Ward <i>&</i>", "Đặc khu \u2029 Phú Quốc", "bad \xff utf-8"}[r.IntN(4)],
		Categories: cats,
		Unit:       units[r.IntN(len(units))],
		Decimals:   r.IntN(5),
	}
	scale := []float64{1, 100, 1e7, 1e-7, 1e22}[r.IntN(5)]
	for s := range 1 + r.IntN(4) {
		series := Series{Name: names[s], Dashed: s%2 == 1, Values: make([]float64, len(cats))}
		if s == 1 { // hollow points (figures with a status) on the second series
			series.Hollow = make([]bool, len(cats))
		}
		for i := range series.Values {
			if series.Hollow != nil {
				series.Hollow[i] = r.IntN(3) == 0
			}
			switch r.IntN(6) {
			case 0:
				series.Values[i] = math.NaN()
			case 1:
				series.Values[i] = float64(r.IntN(1000))
			default:
				series.Values[i] = (r.Float64() - 0.2) * scale
			}
		}
		l.Series = append(l.Series, series)
	}
	if r.IntN(2) == 0 {
		t := r.Float64() * scale
		l.Target, l.TargetLabel = &t, []string{"Mục tiêu", "Target", ""}[r.IntN(3)]
	}
	return l
}

// TestDrawerLineMatchesNewLine checks that a Drawer, filling the option it
// keeps for a shape, writes the same bytes as go-echarts does for each
// chart, and that it does keep options: the test would pass without the
// cache, so it also checks that the cache is used.
func TestDrawerLineMatchesNewLine(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	var d Drawer
	const charts = 2000
	for n := range charts {
		l := randomLine(r, n)
		want, err := NewLine(l)
		if err != nil {
			t.Fatalf("chart %d: NewLine: %v", n, err)
		}
		got, err := d.Line(l)
		if err != nil {
			t.Fatalf("chart %d: Drawer.Line: %v", n, err)
		}
		if !bytes.Equal(got.Option, want.Option) {
			t.Fatalf("chart %d (%+v): option differs\n got: %s\nwant: %s", n, l, got.Option, want.Option)
		}
		if got.SVG != want.SVG || got.ID != want.ID || got.Kind != want.Kind || got.Width != want.Width || got.Height != want.Height {
			t.Fatalf("chart %d: the SVG or the chart's size differs", n)
		}
	}
	templates := 0
	for _, tpl := range d.lines {
		if tpl != nil {
			templates++
		}
	}
	if templates == 0 || len(d.lines) > charts/4 {
		t.Errorf("the drawer kept %d templates for %d shapes in %d charts; want shapes to repeat and be templated", templates, len(d.lines), charts)
	}
}

// TestDrawerLineWithPlaceholderText checks charts whose own text holds what
// looks like a placeholder: a series named like one, and a category that
// spells the step's placeholder number. Both are drawn as NewLine draws
// them.
func TestDrawerLineWithPlaceholderText(t *testing.T) {
	base := Line{ID: "trend", Title: "Xã An Hảo", Unit: "%", Decimals: 1,
		Categories: []string{"Q1", "Q2", "Q3"},
		Series:     []Series{{Name: "s", Values: []float64{10, 20, math.NaN()}}}}
	named := base
	named.Series = []Series{{Name: titleHole, Values: base.Series[0].Values}}
	spelled := base
	spelled.Categories = []string{"Q1", string(appendJSONFloat(nil, stepHole)), "Q3"}
	for _, l := range []Line{named, spelled} {
		var d Drawer
		for range 2 { // the second time from what the drawer kept
			want, err := NewLine(l)
			if err != nil {
				t.Fatal(err)
			}
			got, err := d.Line(l)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Option, want.Option) {
				t.Errorf("option differs for %q, %q\n got: %s\nwant: %s", l.Series[0].Name, l.Categories, got.Option, want.Option)
			}
		}
		for key, tpl := range d.lines {
			if tpl != nil {
				t.Errorf("the drawer kept a template for the shape %q, which holds a placeholder", key)
			}
		}
	}
}

// TestAppendJSONFloatMatchesEncodingJSON compares appendJSONFloat with
// encoding/json on edge cases and on random finite values.
func TestAppendJSONFloatMatchesEncodingJSON(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.999999e-7, 1e-7, -1e-7, 1e-10, 1e20, 1e21, 999999999999999999999, 1.5e300,
		math.MaxFloat64, math.SmallestNonzeroFloat64, 86.7004, 123456789.125, stepHole}
	r := rand.New(rand.NewPCG(3, 5))
	for range 20000 {
		x := math.Float64frombits(r.Uint64())
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			values = append(values, x)
		}
		values = append(values, roundTo(r.NormFloat64()*math.Pow10(r.IntN(30)-10), r.IntN(7)))
	}
	for _, x := range values {
		want, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONFloat(nil, x); !bytes.Equal(got, want) {
			t.Errorf("appendJSONFloat(%v) = %s, encoding/json writes %s", x, got, want)
		}
	}
}

// BenchmarkUnitTrend draws the trend chart of a unit page, as the site does
// for every unit: four rates over twenty quarters, each with a title of
// its own. "NewLine" builds every option with go-echarts; "Drawer" fills
// the one it keeps.
func BenchmarkUnitTrend(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	line := Line{ID: "rates-trend", Unit: "%", Decimals: 1}
	for q := range 20 {
		line.Categories = append(line.Categories, fmt.Sprintf("Q%d/%d", q%4+1, 2021+q/4))
	}
	for s, name := range []string{"Ký số", "Nộp trực tuyến", "Số hóa", "Đúng hạn"} {
		series := Series{Name: name, Dashed: s%2 == 1}
		for range 20 {
			series.Values = append(series.Values, r.Float64()*100)
		}
		line.Series = append(line.Series, series)
	}
	titles := make([]string, 3321)
	for i := range titles {
		titles[i] = fmt.Sprintf("Tỷ lệ — Xã %d", i)
	}
	run := func(b *testing.B, draw func(Line) (Chart, error)) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			line.Title = titles[i%len(titles)]
			i++
			if _, err := draw(line); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("NewLine", func(b *testing.B) { run(b, NewLine) })
	b.Run("Drawer", func(b *testing.B) {
		var d Drawer
		run(b, d.Line)
	})
}
