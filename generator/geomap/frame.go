package geomap

import (
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// Geometry of the static SVG. The viewBox has Precision units to a CSS
// pixel of the map at its natural width, so that coordinates are whole
// numbers, exact to a tenth of a pixel (the live map zooms in).
const (
	// MaxWidth and MaxHeight bound the map's natural size, in CSS pixels.
	MaxWidth  = 640
	MaxHeight = 720
	MinHeight = 200
	Precision = 10
	// Tolerance is how far, in CSS pixels, a simplified boundary may stray
	// from the original: half a pixel, which the eye does not see.
	Tolerance = 0.5
	// pad keeps strokes at the edge inside the viewBox (viewBox units).
	pad = 20
)

// frame is a set of shapes fitted to the map's size: the projection's
// scale and offset, and each shape's path, simplified for that scale.
type frame struct {
	width, height int     // CSS pixels
	scale         float64 // viewBox units per metre
	minX, maxY    float64
	paths         map[string]string
}

// frames keeps the frames an atlas has drawn (every unit page of a province
// draws the same communes), so that each set of shapes is projected and
// simplified once a build; it is safe for use by several goroutines.
type frames struct {
	mu     sync.Mutex
	frames map[string]*frame
}

// frame returns the frame of the shapes of codes (those that have one).
func (a *Atlas) frame(codes []string) *frame {
	key := strings.Join(codes, "\x00")
	a.cache.mu.Lock()
	defer a.cache.mu.Unlock()
	if f := a.cache.frames[key]; f != nil {
		return f
	}
	f := fit(a, codes)
	if a.cache.frames == nil {
		a.cache.frames = map[string]*frame{}
	}
	a.cache.frames[key] = f
	return f
}

// fit projects and simplifies the shapes of codes into a frame.
func fit(a *Atlas, codes []string) *frame {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, c := range codes {
		if s, ok := a.Shape(c); ok {
			b = b.Union(s.Bound)
		}
	}
	f := &frame{paths: map[string]string{}}
	dx, dy := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	if !(dx > 0 && dy > 0) {
		return f
	}
	px := math.Min(MaxWidth/dx, MaxHeight/dy) // CSS pixels a metre
	f.width = int(math.Ceil(dx * px))
	f.height = max(int(math.Ceil(dy*px)), MinHeight)
	f.scale = px * Precision
	f.minX, f.maxY = b.Min[0], b.Max[1]
	// A map much taller than wide is centred in its height.
	f.maxY += (float64(f.height) - dy*px) / 2 / px
	tol := Tolerance / px
	for _, c := range codes {
		if s, ok := a.Shape(c); ok {
			f.paths[c] = f.path(Simplify(s.Polys, tol))
		}
	}
	return f
}

// Simplify simplifies polygons (Douglas-Peucker) so that no boundary strays
// more than tol from the original, and leaves out the rings that become
// smaller than tol² (islets, slivers). A shape never vanishes: when every
// ring of it would, its largest exterior ring is kept as it was.
func Simplify(mp orb.MultiPolygon, tol float64) orb.MultiPolygon {
	dp := simplify.DouglasPeucker(tol)
	var out orb.MultiPolygon
	var largest orb.Ring
	for _, poly := range mp {
		if len(poly) > 0 && (largest == nil || math.Abs(planar.Area(poly[0])) > math.Abs(planar.Area(largest))) {
			largest = poly[0]
		}
		var p orb.Polygon
		for i, r := range poly {
			s := dp.Ring(r.Clone())
			if len(s) < 4 || math.Abs(planar.Area(s)) < tol*tol {
				if i == 0 {
					break // the polygon goes, with its holes
				}
				continue
			}
			p = append(p, s)
		}
		if len(p) > 0 {
			out = append(out, p)
		}
	}
	if len(out) == 0 && largest != nil {
		out = orb.MultiPolygon{{largest}}
	}
	return out
}

// point is a projected point in viewBox units.
func (f *frame) point(p orb.Point) (int, int) {
	return int(math.Round((p[0]-f.minX)*f.scale)) + pad, int(math.Round((f.maxY-p[1])*f.scale)) + pad
}

// viewBox is the frame's size in viewBox units.
func (f *frame) viewBox() (int, int) {
	return f.width*Precision + 2*pad, f.height*Precision + 2*pad
}

// path writes polygons as SVG path data, in relative moves between whole
// viewBox units, one subpath a ring (holes wind the other way, so the
// nonzero rule leaves them empty).
func (f *frame) path(mp orb.MultiPolygon) string {
	var b []byte
	x0, y0 := 0, 0
	for _, poly := range mp {
		for _, r := range poly {
			n := len(r) - 1 // the last point closes the ring
			x, y := f.point(r[0])
			b = append(b, 'm')
			b = coords(b, x-x0, y-y0, false)
			x0, y0 = x, y
			started := false
			for _, p := range r[1:n] {
				x, y := f.point(p)
				if x == x0 && y == y0 {
					continue
				}
				if !started {
					b = append(b, 'l')
				}
				b = coords(b, x-x0, y-y0, started)
				started = true
				x0, y0 = x, y
			}
			b = append(b, 'z')
			// After z the current point is the ring's first point.
			x0, y0 = f.point(r[0])
		}
	}
	return string(b)
}

// coords appends a pair of numbers, separated as compactly as SVG allows:
// a minus sign needs no space before it.
func coords(b []byte, dx, dy int, sep bool) []byte {
	if sep && dx >= 0 {
		b = append(b, ' ')
	}
	b = strconv.AppendInt(b, int64(dx), 10)
	if dy >= 0 {
		b = append(b, ' ')
	}
	return strconv.AppendInt(b, int64(dy), 10)
}
