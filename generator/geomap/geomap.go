// Package geomap draws the site's maps: it reads the publisher's boundary
// files (GeoJSON or TopoJSON, named by the levels of catalogue.toml),
// matches their features to units by code or geocode, projects them (Web
// Mercator) and simplifies them to what a page needs, and draws
// choropleths as static SVG at build time, with their legend, their class
// breaks and the data the live map (ECharts' map series, in the chart
// script) is drawn from.
package geomap

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/project"

	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/dataset/input"
)

// Unit is what a map needs of a unit of units.csv.
type Unit struct {
	Code, Geocode, Parent string
	Level                 geo.UnitType
	// Ended is true for a unit that no longer exists (valid_to set): a
	// shape is not expected of it.
	Ended bool
}

// Shape is the boundary of one unit, projected to Web Mercator metres
// (x east, y north), exterior rings counter-clockwise and holes clockwise.
type Shape struct {
	Unit  string
	Level geo.UnitType
	Polys orb.MultiPolygon
	Bound orb.Bound
}

// Atlas holds the shapes of the units that have one. A nil or empty
// Atlas draws no map.
// Draw draws maps from it, and it is safe for use by several goroutines.
type Atlas struct {
	shapes map[string]*Shape
	cache  frames
}

// Shape returns the shape of a unit.
func (a *Atlas) Shape(code string) (*Shape, bool) {
	if a == nil {
		return nil, false
	}
	s, ok := a.shapes[code]
	return s, ok
}

// Len is the number of units with a shape.
func (a *Atlas) Len() int {
	if a == nil {
		return 0
	}
	return len(a.shapes)
}

// Read reads the boundary files of the levels of a data folder dir (each
// file once, however many levels share it) and matches their features to
// units. A feature without a unit and a unit without a shape are notes
// naming the file and the feature or unit; a file that cannot be read or is
// not GeoJSON or TopoJSON in longitude and latitude (WGS 84) is an error,
// and so is a TopoJSON object that is not there (Level.Object) or a
// geometry that names an arc that is not.
func Read(dir string, levels []geo.Level, units []Unit, maxSize int64, c *finding.Collector) *Atlas {
	a := &Atlas{shapes: map[string]*Shape{}}
	var files []string
	for _, l := range levels {
		if l.Boundaries != "" && l.IsTerritorial() && !slices.Contains(files, l.Boundaries) {
			files = append(files, l.Boundaries)
		}
	}
	for _, file := range files {
		var uses []geo.Level
		for _, l := range levels {
			if l.Boundaries == file && l.IsTerritorial() {
				uses = append(uses, l)
			}
		}
		a.readFile(dir, file, uses, units, maxSize, c)
	}
	return a
}

// feature is one feature of a boundary file: the properties that name its
// unit, and its geometry or the error that kept it from having one.
type feature struct {
	props    geojson.Properties
	geometry orb.Geometry
	err      error
}

// featureSet is the features of a file that some of its levels draw: all
// of a GeoJSON file's, or one object's of a TopoJSON file. what names the
// nth (from 1) in a message: "feature 3", "object "communes", geometry 3".
type featureSet struct {
	levels   []geo.Level
	features []feature
	what     func(n int) string
}

// readFile reads one boundary file for the levels that use it.
func (a *Atlas) readFile(dir, file string, levels []geo.Level, units []Unit, maxSize int64, c *finding.Collector) {
	path := filepath.Join(dir, filepath.FromSlash(file))
	at := finding.Position{File: path}
	src, err := input.Read(dir, path, maxSize)
	if errors.Is(err, os.ErrNotExist) {
		c.Errorf(at, "boundaries", "the boundary file of level %s is missing; expected a GeoJSON or TopoJSON file there", levels[0].ID)
		return
	}
	if err != nil {
		input.Report(c, path, "the boundary file", err)
		return
	}
	for _, set := range decode(path, src, levels, c) {
		a.match(at, set, units, c)
	}
}

// decode decodes a boundary file into the sets of features its levels
// draw. A file named .topojson, or .json with the top-level type
// "Topology", is TopoJSON; any other is GeoJSON. Faults are errors, at the
// line and column of bad JSON.
func decode(path string, src []byte, levels []geo.Level, c *finding.Collector) []featureSet {
	at := finding.Position{File: path}
	lower := strings.ToLower(path)
	if !strings.HasSuffix(lower, ".topojson") && !(strings.HasSuffix(lower, ".json") && isTopology(src)) {
		for _, l := range levels {
			if l.Object != "" {
				c.Errorf(at, "boundaries", "level %s names object %s, but the file is GeoJSON, which has no objects; expected object only with a TopoJSON file", l.ID, foreign.Quote(l.Object))
				return nil
			}
		}
		fc, err := geojson.UnmarshalFeatureCollection(src)
		if err != nil {
			c.Errorf(jsonPosition(path, src, err), "boundaries", "%v; expected a GeoJSON FeatureCollection, or TopoJSON in a .topojson file (convert with mapshaper: -o format=geojson)", oneLine(err))
			return nil
		}
		features := make([]feature, len(fc.Features))
		for i, f := range fc.Features {
			features[i] = feature{props: f.Properties, geometry: f.Geometry}
		}
		return []featureSet{{levels: levels, features: features, what: func(n int) string { return fmt.Sprintf("feature %d", n) }}}
	}
	t, arcs, err := decodeTopology(src)
	if err != nil {
		c.Errorf(jsonPosition(path, src, err), "boundaries", "%v; expected a TopoJSON Topology (convert with mapshaper: -o format=topojson)", oneLine(err))
		return nil
	}
	// The levels that draw each object, in the order of the levels.
	var names []string
	byObject := map[string][]geo.Level{}
	for _, l := range levels {
		name, err := t.pick(l.Object)
		if err != nil {
			c.Errorf(at, "boundaries", "level %s: %v", l.ID, err)
			continue
		}
		if byObject[name] == nil {
			names = append(names, name)
		}
		byObject[name] = append(byObject[name], l)
	}
	sets := make([]featureSet, len(names))
	for i, name := range names {
		quoted := foreign.Quote(name)
		sets[i] = featureSet{levels: byObject[name], features: t.features(name, arcs),
			what: func(n int) string { return fmt.Sprintf("object %s, geometry %d", quoted, n) }}
	}
	return sets
}

// match matches a set's features to the units of its levels.
func (a *Atlas) match(at finding.Position, set featureSet, units []Unit, c *finding.Collector) {
	levels := set.levels
	// Each level looks its units up by the property it names.
	type index struct {
		level geo.Level
		units map[string]*Unit
	}
	indexes := make([]index, len(levels))
	for i, l := range levels {
		indexes[i] = index{level: l, units: map[string]*Unit{}}
		for j := range units {
			u := &units[j]
			if u.Level != l.ID {
				continue
			}
			key := u.Code
			if l.Match.By == "geocode" {
				key = u.Geocode
			}
			if key != "" {
				indexes[i].units[key] = u
			}
		}
	}
	for n, f := range set.features {
		name := set.what(n + 1)
		var unit *Unit
		var shown string
		for _, ix := range indexes {
			key, ok := property(f.props, ix.level.Match.Property)
			if !ok {
				continue
			}
			shown = fmt.Sprintf("%s (%s %s)", name, ix.level.Match.Property, foreign.Quote(key))
			if u := ix.units[key]; u != nil {
				unit = u
				break
			}
		}
		if f.err != nil {
			c.Errorf(at, "boundaries", "%s: %v", cmp.Or(shown, name), f.err)
			continue
		}
		if unit == nil {
			if shown == "" {
				c.Notef(at, "boundary-unmatched", "%s has no property %s; its shape is left out", name, foreign.Quote(levels[0].Match.Property))
			} else {
				c.Notef(at, "boundary-unmatched", "%s matches no unit of level %s; its shape is left out", shown, levelList(levels))
			}
			continue
		}
		polys, err := polygons(f.geometry)
		if err != nil {
			c.Errorf(at, "boundaries", "%s: %v", shown, err)
			continue
		}
		if len(polys) == 0 {
			c.Notef(at, "boundary-shape", "%s is not a Polygon or MultiPolygon; its shape is left out", shown)
			continue
		}
		s := a.shapes[unit.Code]
		if s == nil {
			s = &Shape{Unit: unit.Code, Level: unit.Level}
			a.shapes[unit.Code] = s
		}
		// A unit drawn by several features gets all their polygons.
		s.Polys = append(s.Polys, polys...)
		s.Bound = s.Polys.Bound()
	}
	for _, ix := range indexes {
		for j := range units {
			u := &units[j]
			if u.Level == ix.level.ID && !u.Ended && a.shapes[u.Code] == nil {
				key := u.Code
				if ix.level.Match.By == "geocode" {
					key = u.Geocode
				}
				c.Notef(at, "boundary-missing", "unit %s (%s %s) has no feature with %s %s; it is not drawn on the maps", u.Code, ix.level.ID, ix.level.Match.By, ix.level.Match.Property, foreign.Quote(key))
			}
		}
	}
}

// levelList names levels for a message: "commune, ward".
func levelList(levels []geo.Level) string {
	ids := make([]string, len(levels))
	for i, l := range levels {
		ids[i] = string(l.ID)
	}
	return strings.Join(ids, ", ")
}

// property returns a feature property as text: a string as it is, a
// number in its shortest form (25570, not 2.557e+04).
func property(props geojson.Properties, name string) (string, bool) {
	switch v := props[name].(type) {
	case string:
		return strings.TrimSpace(v), v != ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// polygons projects a feature's geometry to Web Mercator, its rings
// oriented as Shape says. Points and lines give none; coordinates outside
// longitude and latitude are an error (a file in a projected system).
func polygons(g orb.Geometry) (orb.MultiPolygon, error) {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	default:
		return nil, nil
	}
	out := make(orb.MultiPolygon, 0, len(mp))
	for _, poly := range mp {
		var p orb.Polygon
		for i, ring := range poly {
			if len(ring) < 4 {
				continue // no area
			}
			for _, pt := range ring {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || pt[0] < -180 || pt[0] > 180 || pt[1] < -85.06 || pt[1] > 85.06 {
					return nil, fmt.Errorf("found the point (%g, %g); expected longitude and latitude in degrees, WGS 84 (reproject with mapshaper: -proj wgs84)", pt[0], pt[1])
				}
			}
			if i == 0 && len(p) == 0 || i > 0 && len(p) > 0 {
				r := project.Ring(ring.Clone(), project.WGS84.ToMercator)
				want := orb.CCW
				if len(p) > 0 {
					want = orb.CW
				}
				if r.Orientation() != want {
					r.Reverse()
				}
				p = append(p, r)
			}
		}
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	return out, nil
}

// jsonPosition is the line and column of a JSON error in src.
func jsonPosition(path string, src []byte, err error) finding.Position {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := int64(-1)
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off < 0 || off > int64(len(src)) {
		return finding.Position{File: path}
	}
	before := src[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len([]rune(string(before[bytes.LastIndexByte(before, '\n')+1:])))
	return finding.Position{File: path, Line: line, Column: max(col, 1)}
}

// oneLine keeps an error's message on one line.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
