package geomap

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/geo"
)

// testdata/fixture/boundaries/squares.topojson is squares.geojson written by
// hand as a topology, quantized to a grid of 0.05° from (100°E, 10°N) and
// delta-encoded: sq-1 and sq-2 share the arc of their common edge (sq-2
// takes it backwards), the ring's hole is its arc backwards, and a second
// object, "outline", is one Polygon around the four squares (unit top).

// readTopology reads squares.topojson for the levels top (object outline)
// and cell (object cells), matched by code.
func readTopology(t *testing.T) (*Atlas, finding.Findings) {
	t.Helper()
	match := geo.Match{Property: "CODE", By: "code"}
	levels := []geo.Level{
		{ID: "top", Boundaries: "boundaries/squares.topojson", Object: "outline", Match: match},
		{ID: "cell", Boundaries: "boundaries/squares.topojson", Object: "cells", Match: match},
	}
	c := finding.NewCollector(0)
	a := Read(fixture, levels, fixtureUnits(), 1<<20, c)
	found, _ := c.Result()
	return a, found
}

// ringPoints are a ring's points to the centimetre, sorted, without the
// closing one: two rings with the same points and another start compare
// equal.
func ringPoints(r orb.Ring) []orb.Point {
	out := make([]orb.Point, 0, len(r))
	for _, p := range r[:len(r)-1] {
		out = append(out, orb.Point{math.Round(p[0] * 100), math.Round(p[1] * 100)})
	}
	slices.SortFunc(out, func(a, b orb.Point) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	return out
}

func TestTopologyDrawsWhatItsGeoJSONDraws(t *testing.T) {
	want, wantFound := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	got, found := readTopology(t)
	if errs := messages(found, finding.Error); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	if got.Len() != want.Len()+1 {
		t.Errorf("%d shapes, want %d (the GeoJSON's and the outline)", got.Len(), want.Len()+1)
	}
	for _, code := range []string{"sq-1", "sq-2", "sq-3", "sq-4", "ring"} {
		g, ok := got.Shape(code)
		w, _ := want.Shape(code)
		if !ok {
			t.Errorf("%s has no shape", code)
			continue
		}
		if len(g.Polys) != len(w.Polys) {
			t.Errorf("%s: %d polygons, want %d", code, len(g.Polys), len(w.Polys))
			continue
		}
		for i := range g.Polys {
			if len(g.Polys[i]) != len(w.Polys[i]) {
				t.Errorf("%s polygon %d: %d rings, want %d", code, i, len(g.Polys[i]), len(w.Polys[i]))
				continue
			}
			for j := range g.Polys[i] {
				gr, wr := g.Polys[i][j], w.Polys[i][j]
				if gr.Orientation() != wr.Orientation() || !slices.Equal(ringPoints(gr), ringPoints(wr)) {
					t.Errorf("%s polygon %d ring %d: %v (%v), want %v (%v)", code, i, j, gr, gr.Orientation(), wr, wr.Orientation())
				}
			}
		}
		if ga, wa := planar.Area(g.Polys), planar.Area(w.Polys); math.Abs(ga-wa) > 1e-6*wa {
			t.Errorf("%s: area %.1f m², want %.1f", code, ga, wa)
		}
	}
	// The outline is the four squares together, four times sq-1 to within
	// the growth of Mercator's areas from 10.05°N to 10.1°N (under 0.5%).
	top, ok := got.Shape("top")
	sq, _ := got.Shape("sq-1")
	if !ok {
		t.Fatal("the outline has no shape")
	}
	if r := planar.Area(top.Polys) / planar.Area(sq.Polys); r < 4 || r > 4.02 {
		t.Errorf("outline / sq-1 = %.4f, want 4 to 4.02", r)
	}
	// The same notes, naming the object and the geometry.
	notes := strings.Join(messages(found, finding.Note), "\n")
	for _, w := range []string{`object "cells", geometry 6 (CODE "nowhere") matches no unit of level cell`,
		`object "cells", geometry 7 (CODE "a-point") is not a Polygon or MultiPolygon`, "unit lost (cell code)"} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
	if n, m := len(messages(found, finding.Note)), len(messages(wantFound, finding.Note)); n != m {
		t.Errorf("%d notes, want %d as of the GeoJSON:\n%s", n, m, notes)
	}
}

// writeBoundaries writes files into a new data folder's boundaries/.
func writeBoundaries(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, "b", name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestTopologyWithoutTransformInAJSONFile(t *testing.T) {
	// sq-1 in degrees, not quantized: two arcs from (100, 10) to
	// (100.1, 10.1), the second taken backwards to close the ring.
	dir := writeBoundaries(t, map[string]string{"plain.json": `{"type": "Topology",
"arcs": [[[100, 10], [100.1, 10], [100.1, 10.1]], [[100, 10], [100, 10.1], [100.1, 10.1]]],
"objects": {"only": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "properties": {"CODE": "sq-1"}, "arcs": [[0, -2]]}]}}}`})
	c := finding.NewCollector(0)
	a := Read(dir, []geo.Level{{ID: "cell", Boundaries: "b/plain.json", Match: geo.Match{Property: "CODE", By: "code"}}}, fixtureUnits(), 1<<20, c)
	if found, tally := c.Result(); tally.Errors > 0 {
		t.Fatalf("errors: %v", found)
	}
	got, ok := a.Shape("sq-1")
	if !ok {
		t.Fatal("sq-1 has no shape")
	}
	want, _ := readFixture(t, geo.Match{Property: "CODE", By: "code"})
	w, _ := want.Shape("sq-1")
	if r := got.Polys[0][0]; len(r) != 5 || !slices.Equal(ringPoints(r), ringPoints(w.Polys[0][0])) {
		t.Errorf("sq-1 is %v; want the 5 points of %v", r, w.Polys[0][0])
	}
}

func TestTopologyFaults(t *testing.T) {
	square := `{"type": "Polygon", "properties": {"CODE": "sq-1"}, "arcs": [[0]]}`
	arc := `[[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]]`
	two := `{"a": ` + square + `, "b": ` + square + `}`
	for _, c := range []struct {
		name, src, object string
		want              string
	}{
		{"syntax.topojson", "{\"type\": \"Topology\",\n \"arcs\": [],\n \"objects\": {]}", "", "syntax.topojson:3:14 invalid character ']'"},
		{"types.json", "{\"type\": \"Topology\",\n \"arcs\": \"none\", \"objects\": {}}", "", "types.json:2:"},
		{"arcs.topojson", `{"type": "Topology", "objects": {"a": ` + square + `}}`, "",
			`object "a", geometry 1 (CODE "sq-1"): found arc 0; the topology has no arcs`},
		{"range.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": {"a": {"type": "GeometryCollection", "geometries": [{"type": "Polygon", "properties": {"CODE": "sq-2"}, "arcs": [[-3]]}]}}}`, "",
			`object "a", geometry 1 (CODE "sq-2"): found arc -3 (arc 2 backwards); the topology has arcs 0 to 0`},
		{"refs.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": {"a": {"type": "MultiPolygon", "arcs": [0]}}}`, "",
			`object "a", geometry 1: a MultiPolygon's arcs are not polygons of rings of arc indexes`},
		{"object.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": ` + two + `}`, "communes",
			`level cell: found no object "communes" in the topology; expected one of "a", "b"`},
		{"several.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": ` + two + `}`, "",
			`level cell: the topology has 2 objects ("a", "b"); expected object = "…" in the level`},
		{"none.topojson", `{"type": "Topology", "arcs": ` + arc + `}`, "", "the topology has no objects"},
		{"null.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": {"a": null}}`, "", `object "a" is null`},
		{"transform.topojson", `{"type": "Topology", "transform": {"scale": [1]}, "arcs": ` + arc + `, "objects": {"a": ` + square + `}}`, "",
			"the transform has 1 scale and 0 translate numbers; expected two of each"},
		{"geo.topojson", `{"type": "FeatureCollection", "features": []}`, "", `found type "FeatureCollection"; expected a TopoJSON Topology`},
		{"geo.json", `{"type": "FeatureCollection", "features": []}`, "a", `level cell names object "a", but the file is GeoJSON`},
		{"kind.topojson", `{"type": "Topology", "arcs": ` + arc + `, "objects": {"a": {"type": "Polgon", "arcs": [[0]]}}}`, "", `found geometry type "Polgon"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeBoundaries(t, map[string]string{c.name: c.src})
			col := finding.NewCollector(0)
			levels := []geo.Level{{ID: "cell", Boundaries: "b/" + c.name, Object: c.object, Match: geo.Match{Property: "CODE", By: "code"}}}
			Read(dir, levels, fixtureUnits(), 1<<20, col)
			found, tally := col.Result()
			if tally.Errors != 1 {
				t.Fatalf("%d errors, want 1: %v", tally.Errors, found)
			}
			var got string
			for _, f := range found {
				if f.Severity == finding.Error {
					got = f.Pos.Short() + " " + f.Message
				}
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("%q lacks %q", got, c.want)
			}
		})
	}
}

// FuzzTopology reads any bytes as a .topojson file: a fault is an error or
// a note, never a panic, and every shape read is a polygon with rings.
func FuzzTopology(f *testing.F) {
	src, err := os.ReadFile(filepath.Join(fixture, "boundaries", "squares.topojson"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(src)
	f.Add([]byte(`{"type": "Topology", "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]], "objects": {"a": {"type": "MultiPolygon", "properties": {"CODE": "sq-1"}, "arcs": [[[0], [-1]], [[]]]}}}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		c := finding.NewCollector(0)
		levels := []geo.Level{{ID: "cell", Boundaries: "b/f.topojson", Match: geo.Match{Property: "CODE", By: "code"}}}
		for _, set := range decode("b/f.topojson", src, levels, c) {
			var a Atlas
			a.shapes = map[string]*Shape{}
			a.match(finding.Position{File: "b/f.topojson"}, set, fixtureUnits(), c)
			for code, s := range a.shapes {
				for _, p := range s.Polys {
					if len(p) == 0 || len(p[0]) < 4 {
						t.Errorf("%s: a polygon %v; want an exterior ring of 4 points or more", code, p)
					}
				}
			}
		}
	})
}
