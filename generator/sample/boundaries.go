package sample

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"

	"minhbach/generator/dataset"
)

// BoundariesFile is where a national sample with boundaries keeps them,
// inside its data folder.
const BoundariesFile = "boundaries/synthetic-grid.geojson"

// cellDegrees is the side of one unit's square, in degrees.
const cellDegrees = 0.05

// SyntheticBoundaries draws invented boundaries for units, to
// measure maps by: each commune-level unit is a square of a grid, each
// province the block of its units' squares (a staircase when its last row
// is short), blocks laid out in rows around longitude 0, latitude 0, in the
// ocean, so that no one takes them for a real map. Features carry the
// unit's code in the property SYNTHETIC_CODE.
func SyntheticBoundaries(units []dataset.Unit) ([]byte, error) {
	var provinces []dataset.Unit
	children := map[string][]dataset.Unit{}
	for _, u := range units {
		switch {
		case u.Type == dataset.Province:
			provinces = append(provinces, u)
		case u.Parent != "" && u.Type != dataset.Country && u.Type != "agency":
			children[u.Parent] = append(children[u.Parent], u)
		}
	}
	side := 1
	for _, p := range provinces {
		side = max(side, int(math.Ceil(math.Sqrt(float64(len(children[p.Code]))))))
	}
	perRow := max(1, int(math.Ceil(math.Sqrt(float64(len(provinces))))))
	block := float64(side+1) * cellDegrees
	type feature struct {
		Type       string            `json:"type"`
		Properties map[string]string `json:"properties"`
		Geometry   struct {
			Type        string         `json:"type"`
			Coordinates [][][2]float64 `json:"coordinates"`
		} `json:"geometry"`
	}
	var features []feature
	add := func(code string, ring [][2]float64) {
		f := feature{Type: "Feature", Properties: map[string]string{"SYNTHETIC_CODE": code}}
		f.Geometry.Type = "Polygon"
		f.Geometry.Coordinates = [][][2]float64{ring}
		features = append(features, f)
	}
	round := func(x float64) float64 { return math.Round(x*1e6) / 1e6 }
	rect := func(x0, y0, x1, y1 float64) [][2]float64 {
		x0, y0, x1, y1 = round(x0), round(y0), round(x1), round(y1)
		return [][2]float64{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}
	}
	for i, p := range provinces {
		// Blocks run west to east, then north to south.
		bx, by := float64(i%perRow)*block, -float64(i/perRow)*block
		units := children[p.Code]
		cols := max(1, int(math.Ceil(math.Sqrt(float64(len(units))))))
		for j, u := range units {
			x, y := bx+float64(j%cols)*cellDegrees, by-float64(j/cols+1)*cellDegrees
			add(u.Code, rect(x, y, x+cellDegrees, y+cellDegrees))
		}
		full, rest := len(units)/cols, len(units)%cols
		x1 := bx + float64(cols)*cellDegrees
		yFull := by - float64(full)*cellDegrees
		ring := rect(bx, yFull, x1, by)
		if rest > 0 {
			xr, yr := round(bx+float64(rest)*cellDegrees), round(yFull-cellDegrees)
			ring = [][2]float64{{round(bx), yr}, {xr, yr}, {xr, round(yFull)}, {round(x1), round(yFull)}, {round(x1), round(by)}, {round(bx), round(by)}, {round(bx), yr}}
		}
		add(p.Code, ring)
	}
	var b bytes.Buffer
	b.WriteString(`{"type":"FeatureCollection","name":"synthetic grid, invented for benchmarks (not real boundaries)","features":[` + "\n")
	for i, f := range features {
		line, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(line)
	}
	b.WriteString("\n]}\n")
	return b.Bytes(), nil
}

// levelID finds the id line of each [[levels]] entry of a catalogue.
var levelID = regexp.MustCompile(`(?m)^id = "(province|commune|ward|special_zone)"\n`)

// WithBoundaries adds the synthetic boundaries to the territorial levels
// of a catalogue's text (those of the default levels below the country).
func WithBoundaries(catalogue []byte) []byte {
	return levelID.ReplaceAllFunc(catalogue, func(line []byte) []byte {
		return append(slices.Clone(line), fmt.Sprintf("boundaries = %q\nmatch = { property = \"SYNTHETIC_CODE\", by = \"code\" }\n", BoundariesFile)...)
	})
}

// writeBoundaries writes the synthetic boundaries of s under dir.
func writeBoundaries(dir string, s *Sample) error {
	data, err := SyntheticBoundaries(s.Units)
	if err != nil {
		return err
	}
	path := filepath.Join(dir, filepath.FromSlash(BoundariesFile))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("sample %s: %w", dir, err)
	}
	return writeFileAtomic(path, data)
}
