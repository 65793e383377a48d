package geomap

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"

	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/geo"
)

// nationalGrid writes a boundary file of n invented squares (the national
// benchmark's number of communes) and reads it.
func nationalGrid(t testing.TB, n int) *Atlas {
	t.Helper()
	dir := t.TempDir()
	var features []map[string]any
	var units []Unit
	side := int(math.Ceil(math.Sqrt(float64(n))))
	for i := range n {
		x, y := float64(i%side)*0.05, -float64(i/side)*0.05
		code := fmt.Sprintf("u%d", i)
		units = append(units, Unit{Code: code, Level: "cell"})
		features = append(features, map[string]any{"type": "Feature", "properties": map[string]string{"c": code},
			"geometry": map[string]any{"type": "Polygon", "coordinates": [][][2]float64{{{x, y}, {x + 0.05, y}, {x + 0.05, y + 0.05}, {x, y + 0.05}, {x, y}}}}})
	}
	data, _ := json.Marshal(map[string]any{"type": "FeatureCollection", "features": features})
	os.WriteFile(filepath.Join(dir, "grid.geojson"), data, 0o644)
	c := finding.NewCollector(0)
	a := Read(dir, []geo.Level{{ID: "cell", Boundaries: "grid.geojson", Match: geo.Match{Property: "c", By: "code"}}}, units, 1<<30, c)
	if _, tally := c.Result(); tally.Errors+tally.Notes > 0 || a.Len() != n {
		t.Fatalf("grid: %d shapes, findings %+v", a.Len(), tally)
	}
	return a
}

// nationalMap is a map of every square over Periods periods.
func nationalMap(a *Atlas, n int) Choropleth {
	c := Choropleth{ID: "national", Title: "National", Decimals: 1, Template: "{c}%",
		Format: func(x float64) string { return fmt.Sprintf("%.1f%%", x) }, Words: Words{NoData: "no data"}}
	for p := range 8 {
		c.Periods = append(c.Periods, fmt.Sprintf("Q%d", p))
	}
	for i := range n {
		area := Area{Code: fmt.Sprintf("u%d", i), Name: fmt.Sprintf("Commune %d", i)}
		for p := range c.Periods {
			area.Values = append(area.Values, 50+float64((i*7+p*13)%500)/10)
		}
		c.Areas = append(c.Areas, area)
	}
	return c
}

// TestNationalMapWithinBudget draws the map of 3,321 units over 8 periods:
// its SVG, legend and live option together stay well within the budget of
// a map page, 300 KB gzipped, leaving room for the rest of the page.
func TestNationalMapWithinBudget(t *testing.T) {
	const n = 3321
	a := nationalGrid(t, n)
	d, err := a.Draw(nationalMap(a, n))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	fmt.Fprint(w, d.SVG, d.Legend, d.Option)
	w.Close()
	t.Logf("national map: %d bytes, %d gzipped", len(d.SVG)+len(d.Legend)+len(d.Option), gz.Len())
	if gz.Len() > 200<<10 {
		t.Errorf("the national map takes %d bytes gzipped; want at most 200 KB of a page's 300 KB", gz.Len())
	}
}

// BenchmarkNationalMap draws the national map again and again, as the
// indicator pages of a build do (the frame is drawn once, then kept).
func BenchmarkNationalMap(b *testing.B) {
	const n = 3321
	a := nationalGrid(b, n)
	c := nationalMap(a, n)
	for b.Loop() {
		if _, err := a.Draw(c); err != nil {
			b.Fatal(err)
		}
	}
}
