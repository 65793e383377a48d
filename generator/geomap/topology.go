package geomap

// This file reads TopoJSON (https://github.com/topojson/topojson-specification)
// into the same features as GeoJSON. It is a decoder of its own, small and
// only as much of the format as boundaries need (the arcs, quantized and
// delta-encoded or not, stitched into the rings of Polygons and
// MultiPolygons, and the properties), because no maintained Go library of
// TopoJSON builds on orb: github.com/rubenv/topojson, the one there is, has
// no release, is written on orb's retired predecessors (paulmach/go.geo and
// go.geojson), and the module proxy does not serve it here.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"minhbach/generator/dataset/foreign"
)

// topology is a TopoJSON file as decoded: its arcs still as written.
type topology struct {
	Type      string                     `json:"type"`
	Transform *transform                 `json:"transform"`
	Arcs      [][][]float64              `json:"arcs"`
	Objects   map[string]*topologyObject `json:"objects"`
}

// transform is a topology's quantization: a position [x, y] of its arcs is
// delta-encoded and stands for (Σx·Scale[0] + Translate[0], Σy·Scale[1] +
// Translate[1]).
type transform struct {
	Scale     []float64 `json:"scale"`
	Translate []float64 `json:"translate"`
}

// topologyObject is a geometry of a topology: an object of its "objects",
// or one of the geometries of a GeometryCollection. Its arcs are decoded as
// its type says (a Polygon's are rings of arc indexes, a MultiPolygon's
// polygons of them).
type topologyObject struct {
	Type       string             `json:"type"`
	Properties geojson.Properties `json:"properties"`
	Arcs       json.RawMessage    `json:"arcs"`
	Geometries []*topologyObject  `json:"geometries"`
}

// isTopology reports whether the top-level "type" of a JSON file is
// "Topology". It reads nothing but that key; bad JSON is left to the
// decoder that follows, which says where it is.
func isTopology(src []byte) bool {
	var head struct {
		Type string `json:"type"`
	}
	return json.Unmarshal(src, &head) == nil && head.Type == "Topology"
}

// decodeTopology decodes a TopoJSON file. Bad JSON is a *json.SyntaxError
// or *json.UnmarshalTypeError (with its offset in src); a file that is JSON
// but no topology, or whose transform or arcs are malformed, is an error
// that says what was found.
func decodeTopology(src []byte) (*topology, [][]orb.Point, error) {
	var t topology
	if err := json.Unmarshal(src, &t); err != nil {
		return nil, nil, err
	}
	if t.Type != "Topology" {
		return nil, nil, fmt.Errorf("found type %s; expected a TopoJSON Topology", foreign.Quote(t.Type))
	}
	if t.Transform != nil && (len(t.Transform.Scale) != 2 || len(t.Transform.Translate) != 2) {
		return nil, nil, fmt.Errorf("the transform has %d scale and %d translate numbers; expected two of each", len(t.Transform.Scale), len(t.Transform.Translate))
	}
	if len(t.Objects) == 0 {
		return nil, nil, fmt.Errorf("the topology has no objects; expected one holding the shapes")
	}
	for name, obj := range t.Objects {
		if obj == nil {
			return nil, nil, fmt.Errorf("object %s is null; expected a geometry or a GeometryCollection", foreign.Quote(name))
		}
	}
	arcs, err := t.points()
	t.Arcs = nil // decoded: let them go
	return &t, arcs, err
}

// points decodes the topology's arcs to longitude and latitude.
func (t *topology) points() ([][]orb.Point, error) {
	out := make([][]orb.Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		if len(arc) < 2 {
			return nil, fmt.Errorf("arc %d has %d positions; expected at least 2", i, len(arc))
		}
		pts := make([]orb.Point, len(arc))
		var x, y float64
		for k, p := range arc {
			if len(p) < 2 {
				return nil, fmt.Errorf("arc %d, position %d has %d numbers; expected [x, y]", i, k, len(p))
			}
			if t.Transform == nil {
				pts[k] = orb.Point{p[0], p[1]}
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[k] = orb.Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out, nil
}

// objectNames are a topology's objects, sorted, quoted for a message.
func (t *topology) objectNames() string {
	names := make([]string, 0, len(t.Objects))
	for name := range t.Objects {
		names = append(names, foreign.Quote(name))
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// pick returns the name of the object that a level draws: the one it
// names, or else the topology's only object.
func (t *topology) pick(named string) (string, error) {
	if named != "" {
		if t.Objects[named] == nil {
			return "", fmt.Errorf("found no object %s in the topology; expected one of %s", foreign.Quote(named), t.objectNames())
		}
		return named, nil
	}
	if len(t.Objects) > 1 {
		return "", fmt.Errorf("the topology has %d objects (%s); expected object = \"…\" in the level, naming the one that holds its shapes", len(t.Objects), t.objectNames())
	}
	for name := range t.Objects {
		return name, nil
	}
	return "", nil // decodeTopology refuses a topology without objects
}

// features are the features of an object: the geometries of a
// GeometryCollection, or the object itself. Each has its properties and
// its geometry, or the error that kept it from having one.
func (t *topology) features(name string, arcs [][]orb.Point) []feature {
	obj := t.Objects[name]
	list := []*topologyObject{obj}
	if obj.Type == "GeometryCollection" {
		list = obj.Geometries
	}
	out := make([]feature, len(list))
	for i, g := range list {
		if g == nil {
			g = &topologyObject{}
		}
		geom, err := g.geometry(arcs)
		out[i] = feature{props: g.Properties, geometry: geom, err: err}
	}
	return out
}

// geometry is a geometry as orb's: a Polygon or MultiPolygon stitched
// from its arcs. Other types of TopoJSON (points, lines, a collection
// within the collection, or none) have no shape and give nil.
func (g *topologyObject) geometry(arcs [][]orb.Point) (orb.Geometry, error) {
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return nil, fmt.Errorf("a Polygon's arcs are not rings of arc indexes ([[0, 1], [-3]]): %v", oneLine(err))
		}
		return polygon(rings, arcs)
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return nil, fmt.Errorf("a MultiPolygon's arcs are not polygons of rings of arc indexes ([[[0, 1]], [[2]]]): %v", oneLine(err))
		}
		mp := make(orb.MultiPolygon, 0, len(polys))
		for _, rings := range polys {
			p, err := polygon(rings, arcs)
			if err != nil {
				return nil, err
			}
			mp = append(mp, p)
		}
		return mp, nil
	case "", "Point", "MultiPoint", "LineString", "MultiLineString", "GeometryCollection":
		return nil, nil
	}
	return nil, fmt.Errorf("found geometry type %s; expected Polygon or MultiPolygon", foreign.Quote(g.Type))
}

// polygon stitches the rings of a polygon from the arcs they name. An
// index i is arc i; ~i (-i-1) is arc i backwards. Each arc starts where the
// one before ends, so that point is taken once.
func polygon(rings [][]int, arcs [][]orb.Point) (orb.Polygon, error) {
	p := make(orb.Polygon, 0, len(rings))
	for _, refs := range rings {
		var r orb.Ring
		for _, ref := range refs {
			i, backwards := ref, ref < 0
			if backwards {
				i = ^ref
			}
			if i >= len(arcs) {
				found := fmt.Sprintf("arc %d", ref)
				if backwards {
					found = fmt.Sprintf("arc %d (arc %d backwards)", ref, i)
				}
				if len(arcs) == 0 {
					return nil, fmt.Errorf("found %s; the topology has no arcs", found)
				}
				return nil, fmt.Errorf("found %s; the topology has arcs 0 to %d", found, len(arcs)-1)
			}
			arc := arcs[i]
			if len(r) > 0 {
				r = r[:len(r)-1]
			}
			start := len(r)
			r = append(r, arc...)
			if backwards {
				slices.Reverse(r[start:])
			}
		}
		if len(r) > 0 && r[0] != r[len(r)-1] {
			r = append(r, r[0])
		}
		p = append(p, r)
	}
	return p, nil
}
