package geomap

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/geo"
)

// The fixture testdata/fixture/boundaries/squares.geojson is invented: four
// squares of 0.1° in a grid (sq-1 … sq-4), a square with a square hole and
// an islet (ring), a square that is no unit's (nowhere), and a point.
const fixture = "testdata/fixture"

func fixtureUnits() []Unit {
	return []Unit{
		{Code: "top", Level: "top"},
		{Code: "sq-1", Geocode: "1001", Parent: "top", Level: "cell"},
		{Code: "sq-2", Geocode: "1002", Parent: "top", Level: "cell"},
		{Code: "sq-3", Geocode: "1003", Parent: "top", Level: "cell"},
		{Code: "sq-4", Geocode: "1004", Parent: "top", Level: "cell"},
		{Code: "ring", Geocode: "1005", Parent: "top", Level: "cell"},
		{Code: "a-point", Parent: "top", Level: "cell"},
		{Code: "lost", Geocode: "1006", Parent: "top", Level: "cell"},
		{Code: "gone", Geocode: "1007", Parent: "top", Level: "cell", Ended: true},
	}
}

func readFixture(t *testing.T, match geo.Match) (*Atlas, finding.Findings) {
	t.Helper()
	levels := []geo.Level{{ID: "top"}, {ID: "cell", Boundaries: "boundaries/squares.geojson", Match: match}}
	c := finding.NewCollector(0)
	a := Read(fixture, levels, fixtureUnits(), 1<<20, c)
	found, _ := c.Result()
	return a, found
}

func messages(fs finding.Findings, sev finding.Severity) []string {
	var out []string
	for _, f := range fs {
		if f.Severity == sev {
			out = append(out, f.Pos.File+": "+f.Message)
		}
	}
	return out
}

func TestReadMatchesByCodeAndGeocode(t *testing.T) {
	for _, match := range []geo.Match{{Property: "CODE", By: "code"}, {Property: "GEO", By: "geocode"}} {
		t.Run(match.By, func(t *testing.T) {
			a, found := readFixture(t, match)
			if errs := messages(found, finding.Error); len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			for _, code := range []string{"sq-1", "sq-2", "sq-3", "sq-4", "ring"} {
				if _, ok := a.Shape(code); !ok {
					t.Errorf("unit %s has no shape", code)
				}
			}
			if a.Len() != 5 {
				t.Errorf("%d shapes, want 5", a.Len())
			}
			notes := strings.Join(messages(found, finding.Note), "\n")
			file := filepath.Join(fixture, "boundaries", "squares.geojson")
			// The square of no unit, named by its feature and property.
			want := []string{file + `: feature 6 (` + match.Property + ` "`, "matches no unit of level cell",
				"unit lost (cell " + match.By + ")", "it is not drawn on the maps"}
			for _, w := range want {
				if !strings.Contains(notes, w) {
					t.Errorf("notes lack %q:\n%s", w, notes)
				}
			}
			if strings.Contains(notes, "unit gone") {
				t.Errorf("an ended unit is expected to have a shape:\n%s", notes)
			}
		})
	}
}

func TestReadNotesAPointAndRejectsProjectedCoordinates(t *testing.T) {
	_, found := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	if notes := strings.Join(messages(found, finding.Note), "\n"); !strings.Contains(notes, `feature 7 (CODE "a-point") is not a Polygon or MultiPolygon`) {
		t.Errorf("no note of the point:\n%s", notes)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "b"), 0o755)
	os.WriteFile(filepath.Join(dir, "b", "utm.geojson"), []byte(`{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"CODE":"sq-1"},"geometry":{"type":"Polygon","coordinates":[[[500000,1100000],[510000,1100000],[510000,1110000],[500000,1100000]]]}}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "b", "broken.geojson"), []byte("{\"type\":\"FeatureCollection\",\n \"features\": [}"), 0o644)
	for file, want := range map[string]string{
		"b/utm.geojson":    "expected longitude and latitude in degrees, WGS 84",
		"b/broken.geojson": ":2:",
		"b/none.geojson":   "is missing",
	} {
		c := finding.NewCollector(0)
		Read(dir, []geo.Level{{ID: "cell", Boundaries: file, Match: geo.Match{Property: "CODE", By: "code"}}}, fixtureUnits(), 1<<20, c)
		found, tally := c.Result()
		if tally.Errors != 1 {
			t.Errorf("%s: %d errors, want 1: %v", file, tally.Errors, found)
			continue
		}
		if got := found[0].Pos.Short() + " " + found[0].Message; !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", file, got, want)
		}
	}
}

func TestProjectionKeepsAreasAndHoles(t *testing.T) {
	a, _ := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	sq, _ := a.Shape("sq-1")
	ring, _ := a.Shape("ring")
	// In Web Mercator, shapes at one latitude keep their ratio of areas:
	// the ring is a 0.2° square less a 0.1° hole, plus a 0.05° islet,
	// 0.04 - 0.01 + 0.0025 = 0.0325 against 0.01.
	ratio := planar.Area(ring.Polys) / planar.Area(sq.Polys)
	if math.Abs(ratio-3.25) > 0.05 {
		t.Errorf("ring/square area = %.3f, want 3.25", ratio)
	}
	if len(ring.Polys) != 2 || len(ring.Polys[0]) != 2 {
		t.Fatalf("ring: %d polygons, the first with %d rings; want 2 and 2 (the hole)", len(ring.Polys), len(ring.Polys[0]))
	}
	if ring.Polys[0][0].Orientation() != orb.CCW || ring.Polys[0][1].Orientation() != orb.CW {
		t.Errorf("exterior %v, hole %v; want counter-clockwise and clockwise", ring.Polys[0][0].Orientation(), ring.Polys[0][1].Orientation())
	}
	// Mercator: a degree of longitude is the same width everywhere, a
	// degree of latitude grows towards the pole.
	w, h := sq.Bound.Max[0]-sq.Bound.Min[0], sq.Bound.Max[1]-sq.Bound.Min[1]
	if h <= w || h/w > 1.02 {
		t.Errorf("a 0.1° square at 10°N is %.0f × %.0f m; want a little taller than wide", w, h)
	}
}

func TestSimplifyDropsDetailButNeverAShape(t *testing.T) {
	// A ring with a point 1 m off its straight edge, and a hole of 1 m².
	poly := orb.Polygon{
		{{0, 0}, {500, 1}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}},
		{{10, 10}, {10, 11}, {11, 11}, {11, 10}, {10, 10}},
	}
	s := Simplify(orb.MultiPolygon{poly}, 5)
	if len(s) != 1 || len(s[0]) != 1 || len(s[0][0]) != 5 {
		t.Fatalf("simplified at 5 m: %v; want the square alone, 5 points", s)
	}
	if len(poly[0]) != 6 {
		t.Errorf("Simplify changed its input: %v", poly[0])
	}
	if s := Simplify(orb.MultiPolygon{poly}, 0.1); len(s[0]) != 2 || len(s[0][0]) != 6 {
		t.Errorf("simplified at 0.1 m: %v; want everything kept", s)
	}
	tiny := orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}}
	if s := Simplify(tiny, 100); len(s) != 1 || len(s[0][0]) != 5 {
		t.Errorf("a shape smaller than the tolerance: %v; want it kept as it was", s)
	}
}

func TestQuantilesLeaveNoDataOut(t *testing.T) {
	nan := math.NaN()
	b := Quantiles([]float64{nan, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, nan}, 1)
	if b.N() != 5 || b.Min != 10 || b.Max != 100 {
		t.Fatalf("breaks %+v; want 5 classes from 10 to 100", b)
	}
	if b.Class(nan) != -1 || b.Class(10) != 0 || b.Class(100) != 4 {
		t.Errorf("classes of NaN, 10, 100: %d %d %d; want -1 0 4", b.Class(nan), b.Class(10), b.Class(100))
	}
	for i := 1; i < len(b.Breaks); i++ {
		if b.Breaks[i] <= b.Breaks[i-1] {
			t.Errorf("breaks not increasing: %v", b.Breaks)
		}
	}
	if one := Quantiles([]float64{7, 7, 7, nan}, 0); one.N() != 1 || one.Class(7) != 0 || one.Colour(0) != 2 {
		t.Errorf("one value: %+v; want one class, in the palette's middle", one)
	}
	if none := Quantiles([]float64{nan}, 1); none.N() != 0 || none.Class(1) != -1 {
		t.Errorf("no values: %+v; want no class", none)
	}
	if two := Quantiles([]float64{1, 2}, 0); two.Colour(0) != 0 || two.Colour(two.N()-1) != Classes-1 {
		t.Errorf("two classes take colours %d and %d; want the ends of the palette", two.Colour(0), two.Colour(1))
	}
	labels := Labels(b, func(x float64) string { return strconvF(x) + "%" })
	for i := 1; i < len(labels); i++ {
		prevEnd := labels[i-1][strings.LastIndex(labels[i-1], " ")+1:]
		if !strings.HasPrefix(labels[i], prevEnd+" ") {
			t.Errorf("labels %q: want each class to start where the one before ends", labels)
		}
	}
	if labels[0] != "10% – "+strconvF(b.Breaks[0])+"%" || !strings.HasSuffix(labels[4], " – 100%") {
		t.Errorf("labels %q: want 10%% to 100%%", labels)
	}
}

func strconvF(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

var pathUnit = regexp.MustCompile(`<path class="([a-z0-9]+)" fill="([^"]+)" data-unit="([^"]+)" d="([^"]+)"><title>([^<]*)</title>`)

func TestDrawColoursLegendAndNoData(t *testing.T) {
	a, _ := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	nan := math.NaN()
	c := Choropleth{ID: "m1", Title: "Rate <map>", Desc: "Four squares & a ring", Periods: []string{"Q1", "Q2"},
		Areas: []Area{
			{Code: "sq-1", Name: "One", Values: []float64{10, 10}},
			{Code: "sq-2", Name: "Two", Values: []float64{20, 20}},
			{Code: "sq-3", Name: "Three", Values: []float64{30, nan}},
			{Code: "sq-4", Name: "Four", Values: []float64{40, 40}},
			{Code: "ring", Name: "Ring", Values: []float64{50, 50}},
			{Code: "lost", Name: "Lost", Values: []float64{60, 60}},
		},
		Highlight: "ring", Decimals: 0, Template: "{c}%",
		Format: func(x float64) string { return strconvF(x) + "%" },
		Words:  Words{NoData: "no data", Legend: "Key"}}
	d, err := a.Draw(c)
	if err != nil {
		t.Fatal(err)
	}
	if d.Drawn != 5 || len(d.Classes) != 6 {
		t.Errorf("drew %d of %d areas; want 5 of 6 (lost has no shape)", d.Drawn, len(d.Classes))
	}
	var paths [][]string
	for _, p := range pathUnit.FindAllStringSubmatch(d.SVG, -1) {
		if p[1] != "nd" {
			paths = append(paths, p)
		}
	}
	if len(paths) != 4 {
		t.Fatalf("%d coloured paths, want 4:\n%s", len(paths), d.SVG)
	}
	// Lowest class lightest, highest darkest, each in the palette.
	byUnit := map[string][]string{}
	for _, p := range paths {
		byUnit[p[3]] = p
	}
	if byUnit["sq-1"][2] != Palette[0] || byUnit["ring"][2] != Palette[Classes-1] {
		t.Errorf("sq-1 %s, ring %s; want %s and %s", byUnit["sq-1"][2], byUnit["ring"][2], Palette[0], Palette[Classes-1])
	}
	if byUnit["ring"][5] != "Ring: 50%" {
		t.Errorf("ring's title %q", byUnit["ring"][5])
	}
	// The ring's path has three subpaths: exterior, hole and islet.
	if n := strings.Count(byUnit["ring"][4], "z"); n != 3 {
		t.Errorf("ring's path has %d subpaths, want 3: %s", n, byUnit["ring"][4])
	}
	// No data is hatched, never a class colour.
	if !strings.Contains(d.SVG, `<path class="nd" fill="url(#m1-nd)" data-unit="sq-3"`) || !strings.Contains(d.SVG, `<pattern id="m1-nd"`) {
		t.Errorf("sq-3 is not hatched:\n%s", d.SVG)
	}
	if !strings.Contains(d.SVG, `<path class="hl"`) {
		t.Error("no highlight of ring")
	}
	if !strings.Contains(d.SVG, "Rate &lt;map&gt;") || !strings.Contains(d.SVG, "Four squares &amp; a ring") {
		t.Errorf("title and desc not escaped:\n%.300s", d.SVG)
	}
	// The legend: one swatch a class, in order, then no data.
	items := regexp.MustCompile(`<li><svg[^>]*>(?:<defs>.*?</defs>)?<rect class="([a-z0-9]+)"[^>]*/></svg>([^<]*)</li>`).FindAllStringSubmatch(d.Legend, -1)
	if len(items) != d.Breaks.N()+1 {
		t.Fatalf("legend has %d items for %d classes:\n%s", len(items), d.Breaks.N(), d.Legend)
	}
	if items[0][1] != "m0" || items[0][2] != "10% – 20%" || items[len(items)-1][1] != "nd" || items[len(items)-1][2] != "no data" {
		t.Errorf("legend %q", items)
	}
	// The live map's option holds both periods, no data as null.
	// and the hatching's period, 60 units as the static map's pattern.
	if !strings.Contains(d.Option, `"periods":["Q1","Q2"]`) || !strings.Contains(d.Option, `[10,20,null,40,50,60]`) || !strings.Contains(d.Option, `"highlight":"ring"`) ||
		!strings.Contains(d.Option, `"hatch":60`) || !strings.Contains(d.SVG, `<pattern id="m1-nd" width="60" height="60"`) {
		t.Errorf("option %s", d.Option)
	}
}

func TestPathsAreCompactAndRelative(t *testing.T) {
	f := &frame{scale: 1, minX: 0, maxY: 100}
	got := f.path(orb.MultiPolygon{{{{0, 100}, {10, 100}, {10, 90}, {0, 90}, {0, 100}}}})
	if want := "m20 20l10 0 0 10-10 0z"; got != want {
		t.Errorf("path %q, want %q", got, want)
	}
}
