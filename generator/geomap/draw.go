package geomap

import (
	"encoding/json"
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// Area is one unit of a map: its code (which names its shape), its name
// and its values, one a period of the map (NaN for no data).
type Area struct {
	Code, Name string
	Values     []float64
}

// Words are the interface words a map writes, in the page's language.
type Words struct {
	// NoData names a unit without a figure ("không có số liệu").
	NoData string
	// Legend heads the legend ("Chú giải").
	Legend string
	// Keys tells keyboard users how to go from unit to unit on the live map.
	Keys string
	// Period labels the live map's period selector.
	Period string
}

// Choropleth is a map of one figure per unit, coloured by class.
type Choropleth struct {
	// ID is the map's id on its page (a slug), also its chart id.
	ID    string
	Title string
	// Desc describes the map for assistive technology (the summary).
	Desc string
	// Periods label the periods of the values, oldest first; the static
	// map shows the last, the live map each in turn.
	Periods []string
	Areas   []Area
	// Highlight is the code of a unit drawn with a heavy outline (the unit
	// a page is about); empty for none.
	Highlight string
	// Targets gives each unit's shape an outline that the address picks
	// (Target): "#unit=<code>" outlines the unit as Highlight would, by
	// CSS alone (:target). A page holds at most one map with targets (an
	// embed page), as the ids are the units'.
	Targets bool
	// Format writes a figure as the page does ("86,7%"), Decimals is how
	// many decimals it shows, and Template is the same for the live map's
	// script ("{c}%").
	Format   func(float64) string
	Decimals int
	Template string
	Words    Words
}

// Drawn is a drawn map: the static SVG, the legend (HTML), and the option
// of the live map (JSON), with each area's class in the last period.
type Drawn struct {
	SVG, Option string
	// Legend is HTML: the live map's controls, hidden until its script
	// shows them, and the legend.
	Legend        string
	Width, Height int
	Breaks        Breaks
	// Classes are the classes of the areas in the last period, in their
	// order; -1 for no data.
	Classes []int
	// Drawn counts the areas that have a shape.
	Drawn int
}

// Draw draws a choropleth. The classes are quantiles of the values of all
// its periods, so the live map's colours mean the same in each.
func (a *Atlas) Draw(c Choropleth) (Drawn, error) {
	if len(c.Periods) == 0 {
		return Drawn{}, fmt.Errorf("map %s: no period", c.ID)
	}
	last := len(c.Periods) - 1
	var all []float64
	codes := make([]string, 0, len(c.Areas))
	for _, a := range c.Areas {
		if len(a.Values) != len(c.Periods) {
			return Drawn{}, fmt.Errorf("map %s: unit %s has %d values for %d periods", c.ID, a.Code, len(a.Values), len(c.Periods))
		}
		all = append(all, a.Values...)
		codes = append(codes, a.Code)
	}
	f := a.frame(codes)
	out := Drawn{Breaks: Quantiles(all, c.Decimals), Width: f.width, Height: f.height}
	if f.width == 0 {
		return Drawn{}, fmt.Errorf("map %s: none of its units has a shape", c.ID)
	}
	vw, vh := f.viewBox()
	var s strings.Builder
	fmt.Fprintf(&s, `<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d">`,
		vw, vh, f.width, f.height, c.ID, c.ID)
	fmt.Fprintf(&s, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.ID, html.EscapeString(c.Title), c.ID, html.EscapeString(c.Desc))
	s.WriteString(`<defs>`)
	hatch(&s, c.ID+"-nd", hatchPeriod)
	s.WriteString(`</defs><g class="areas" stroke="#ffffff" stroke-width="` + strconv.Itoa(Precision/2) + `" stroke-linejoin="round">`)
	var targets []string
	for _, a := range c.Areas {
		p, ok := f.paths[a.Code]
		class := out.Breaks.Class(a.Values[last])
		out.Classes = append(out.Classes, class)
		if !ok {
			continue
		}
		out.Drawn++
		s.WriteString(`<path `)
		if t := Target(a.Code); c.Targets && t != "" {
			targets = append(targets, a.Code)
			fmt.Fprintf(&s, `id="%s" `, shapeID(a.Code))
		}
		if class < 0 {
			fmt.Fprintf(&s, `class="nd" fill="url(#%s-nd)" data-unit="%s" d="%s"><title>%s: %s</title></path>`,
				c.ID, html.EscapeString(a.Code), p, html.EscapeString(a.Name), html.EscapeString(c.Words.NoData))
			continue
		}
		k := out.Breaks.Colour(class)
		fmt.Fprintf(&s, `class="m%d" fill="%s" data-unit="%s" d="%s"><title>%s: %s</title></path>`,
			k, Palette[k], html.EscapeString(a.Code), p, html.EscapeString(a.Name), html.EscapeString(c.Format(a.Values[last])))
	}
	s.WriteString(`</g>`)
	writeTargets(&s, targets)
	if p, ok := f.paths[c.Highlight]; ok && c.Highlight != "" {
		fmt.Fprintf(&s, `<path class="hl" fill="none" stroke="#1a1a1a" stroke-width="%d" stroke-linejoin="round" d="%s"/>`, 3*Precision, p)
	}
	s.WriteString(`</svg>`)
	out.SVG = s.String()
	out.Legend = controls(c) + legend(c, out.Breaks)
	opt, err := option(c, out.Breaks)
	if err != nil {
		return Drawn{}, fmt.Errorf("map %s: %w", c.ID, err)
	}
	out.Option = opt
	return out, nil
}

// Target is the id of a unit's outline on a map drawn with targets, which
// is also the fragment of the address that shows it: "unit=an-phu". A unit
// code is a slug (lower-case ASCII letters, digits, single hyphens) and no
// other id of a page has an "=", so no code, indicator or name in the data
// can make an id another element has. It is empty for a code that is not
// a slug, which gets no outline (units.csv lets none through).
func Target(code string) string {
	if !isSlug(code) {
		return ""
	}
	return "unit=" + code
}

// shapeID is the id of a unit's shape, which its outline draws again.
func shapeID(code string) string { return "shape=" + code }

// isSlug reports whether s is a unit code as units.csv allows them:
// [a-z0-9]+(-[a-z0-9]+)*.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// writeTargets writes the outline of each unit of codes: the unit's shape
// drawn again above all the others (so that no neighbour covers it), with
// no fill and the highlight's heavy stroke, hidden until the address names
// it. The stylesheet shows the one that is the page's :target; without
// the stylesheet none shows.
func writeTargets(s *strings.Builder, codes []string) {
	if len(codes) == 0 {
		return
	}
	fmt.Fprintf(s, `<g class="targets" visibility="hidden" fill-opacity="0" stroke="#1a1a1a" stroke-width="%d" stroke-linejoin="round">`, 3*Precision)
	for _, code := range codes {
		fmt.Fprintf(s, `<use href="#%s" id="%s"/>`, shapeID(code), Target(code))
	}
	s.WriteString(`</g>`)
}

// hatchPeriod is the period of the hatching of no data on a map, in
// viewBox units: 6 CSS pixels at the map's natural size.
const hatchPeriod = 6 * Precision

// hatch writes the pattern of no data: diagonal lines over the page's
// background, which no class of the scale looks like.
func hatch(s *strings.Builder, id string, size int) {
	fmt.Fprintf(s, `<pattern id="%s" width="%d" height="%d" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="nd-bg" width="%d" height="%d" fill="#ffffff"/><rect class="nd-line" width="%d" height="%d" fill="#5c5c5c"/></pattern>`,
		id, size, size, size, size, size/3, size)
}

// Labels are the legend's labels of the classes of b, lowest first:
// "80,0 – 85,0%".
func Labels(b Breaks, format func(float64) string) []string {
	n := b.N()
	labels := make([]string, n)
	for i := range n {
		lo, hi := b.Min, b.Max
		if i > 0 {
			lo = b.Breaks[i-1]
		}
		if i < len(b.Breaks) {
			hi = b.Breaks[i]
		}
		if lo == hi {
			labels[i] = format(lo)
		} else {
			labels[i] = format(lo) + " – " + format(hi)
		}
	}
	return labels
}

// legend writes the map's legend: a swatch and the range of each class,
// and no data, hatched, last.
func legend(c Choropleth, b Breaks) string {
	var s strings.Builder
	fmt.Fprintf(&s, `<div class="map-legend"><p class="map-legend-title">%s</p><ul>`, html.EscapeString(c.Words.Legend))
	for i, label := range Labels(b, c.Format) {
		k := b.Colour(i)
		fmt.Fprintf(&s, `<li><svg class="swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true"><rect class="m%d" width="24" height="16" fill="%s"/></svg>%s</li>`,
			k, Palette[k], html.EscapeString(label))
	}
	s.WriteString(`<li><svg class="swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true"><defs>`)
	hatch(&s, c.ID+"-nd-key", 6)
	fmt.Fprintf(&s, `</defs><rect class="nd" width="24" height="16" fill="url(#%s-nd-key)"/></svg>%s</li></ul></div>`, c.ID, html.EscapeString(c.Words.NoData))
	return s.String()
}

// controls writes what the live map's script shows: how to go from unit
// to unit with the keys, where the unit reached is announced, and the
// period selector. Without scripts they stay hidden.
func controls(c Choropleth) string {
	var s strings.Builder
	fmt.Fprintf(&s, `<p class="map-keys" id="%s-keys" hidden>%s</p><p class="sr-only" id="%s-status" aria-live="polite"></p>`,
		c.ID, html.EscapeString(c.Words.Keys), c.ID)
	if len(c.Periods) > 1 {
		fmt.Fprintf(&s, `<p class="map-period" hidden><label for="%s-period">%s</label> <select id="%s-period">`, c.ID, html.EscapeString(c.Words.Period), c.ID)
		for i, p := range c.Periods {
			selected := ""
			if i == len(c.Periods)-1 {
				selected = " selected"
			}
			fmt.Fprintf(&s, `<option value="%d"%s>%s</option>`, i, selected, html.EscapeString(p))
		}
		s.WriteString(`</select></p>`)
	}
	return s.String()
}

// liveMap is what the chart script needs to draw the live map from the
// static SVG's shapes: the units (by the data-unit of their path), their
// names and values by period, the class breaks and the words.
type liveMap struct {
	Units     []string    `json:"units"`
	Names     []string    `json:"names"`
	Periods   []string    `json:"periods"`
	Values    [][]*number `json:"values"` // by period, then unit
	Breaks    []float64   `json:"breaks"`
	Colours   []int       `json:"colours"` // the palette index of each class
	Highlight string      `json:"highlight,omitempty"`
	// Targets says the map's address may pick a unit to outline.
	Targets  bool   `json:"targets,omitempty"`
	Template string `json:"template"`
	NoData   string `json:"nodata"`
	// Hatch is the period of the hatching of no data, in the SVG's units,
	// its lines a third of it: the live map draws it as the static one.
	Hatch int `json:"hatch"`
}

// number is a figure in JSON, in its shortest form.
type number struct{ v float64 }

func (n *number) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, n.v, 'f', -1, 64), nil
}

// option is the live map's option: the chart script reads "map" and
// builds ECharts' map series from it.
func option(c Choropleth, b Breaks) (string, error) {
	m := liveMap{Periods: c.Periods, Breaks: b.Breaks, Highlight: c.Highlight, Targets: c.Targets, Template: c.Template, NoData: c.Words.NoData, Hatch: hatchPeriod}
	if m.Breaks == nil {
		m.Breaks = []float64{}
	}
	for i := range b.N() {
		m.Colours = append(m.Colours, b.Colour(i))
	}
	scale := math.Pow(10, float64(c.Decimals+1))
	m.Values = make([][]*number, len(c.Periods))
	for _, a := range c.Areas {
		m.Units = append(m.Units, a.Code)
		m.Names = append(m.Names, a.Name)
		for p, v := range a.Values {
			var n *number
			if !math.IsNaN(v) {
				n = &number{v: math.Round(v*scale) / scale}
			}
			m.Values[p] = append(m.Values[p], n)
		}
	}
	out, err := json.Marshal(struct {
		Map liveMap `json:"map"`
	}{m})
	return string(out), err
}
