// Package choropleth makes the maps of the pages: on an indicator page, one
// map of the latest period for each depth of the territory whose levels
// have boundaries; on a unit page, the unit within its parent, highlighted.
// A unit page's map is embedded as its parent's map, which the address
// picks the unit on (geomap.Target): one embed page a parent, not one a
// unit. It picks the units and periods, formats titles and summaries in the
// page's language and has geomap draw each map; package site lays them out
// as it lays out charts. Non-territorial levels never appear on a map.
package choropleth

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	"minhbach/generator/geomap"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/period"
)

// Periods is how many periods, up to the latest, the live map's period
// selector offers.
const Periods = 8

// Words are the interface words of the maps, in the page's language.
type Words struct {
	geomap.Words
	// Map names a map in its title ("Bản đồ").
	Map string
	// Within joins a unit and its parent: "%s trong %s".
	Within string
	// Of joins the levels of a parent's units and the parent: "%s thuộc
	// %s".
	Of string
	// Summary says what a map shows: highest unit and figure, lowest unit
	// and figure, units with a figure, units in all.
	Summary string
}

// Maker makes the maps of the pages of one language.
type Maker struct {
	ds    *dataset.Dataset
	res   *indicator.Result
	lang  string
	words Words
	// period names a period as the page does ("Quý III/2025").
	period func(period.Period) string
	depth  map[string]int
	// byDepth lists, at each depth of the territory, the units that have a
	// shape, in units.csv's order.
	byDepth map[int][]*dataset.Unit
	depths  []int
	// byParent lists the same units by their parent: the units a unit
	// page's map draws.
	byParent map[string][]*dataset.Unit
}

// New returns the maker of the maps of ds in lang, with the interface
// strings of i18n (map, map_within, map_of, map_summary, map_legend, map_keys,
// map_period); it makes none when no unit has a shape.
func New(ds *dataset.Dataset, res *indicator.Result, lang string, i18n func(key string) string, f locale.Formatter) *Maker {
	w := Words{Words: geomap.Words{NoData: f.NoData(), Legend: i18n("map_legend"), Keys: i18n("map_keys"), Period: i18n("map_period")},
		Map: i18n("map"), Within: i18n("map_within"), Of: i18n("map_of"), Summary: i18n("map_summary")}
	m := &Maker{ds: ds, res: res, lang: lang, words: w, period: f.Period, depth: map[string]int{}, byDepth: map[int][]*dataset.Unit{}, byParent: map[string][]*dataset.Unit{}}
	for i := range ds.Units {
		u := &ds.Units[i]
		d := 0
		if u.Parent != "" {
			d = m.depth[u.Parent] + 1 // parents come first
		}
		m.depth[u.Code] = d
		l, ok := ds.Catalogue.Level(u.Type)
		if _, has := ds.Atlas.Shape(u.Code); !has || !ok || !l.IsTerritorial() || !u.ValidTo.IsZero() {
			continue
		}
		if len(m.byDepth[d]) == 0 {
			m.depths = append(m.depths, d)
		}
		m.byDepth[d] = append(m.byDepth[d], u)
		m.byParent[u.Parent] = append(m.byParent[u.Parent], u)
	}
	slices.Sort(m.depths)
	return m
}

// Format says how an indicator's figures are written: as the page writes
// them, how many decimals, and the live map's template ("{c}%").
type Format struct {
	Number   func(float64) string
	Decimals int
	Template string
}

// FormatOf is the maps' format of figures written as fm says (package
// figure): "86,7%", "12,3 trên 100.000 dân".
func FormatOf(fm figure.Format) Format {
	return Format{Number: fm.Value, Decimals: fm.Decimals, Template: fm.Template()}
}

// Figure is a drawn map with its words and its data, for the page.
type Figure struct {
	ID, Title, Summary string
	geomap.Drawn
	// Rows are the map's data, a unit a row: code, name and figure.
	Rows []Row
	// Embed, on a unit's map, is the id of the map that its embed page
	// shows: the parent's units, none outlined, each of which the
	// address can outline; Target is the unit's part of the address
	// ("unit=an-phu"). Within is that map, on the map of the first of the
	// parent's units only, so that the site makes its embed once.
	Embed, Target string
	Within        *Figure
}

// Row is one unit of a map's data table.
type Row struct{ Code, Name, Value string }

// Indicator makes the maps of an indicator's page: one a depth of the
// territory below the top unit, of the latest period of periods.
func (m *Maker) Indicator(ind *dataset.Indicator, f Format, periods []period.Period) ([]Figure, error) {
	var out []Figure
	for _, d := range m.depths {
		if d == 0 {
			continue
		}
		units := m.byDepth[d]
		ps := last(periods)
		title := fmt.Sprintf("%s %s — %s — %s", m.words.Map, periodName(m, ps), ind.Name.Get(m.lang), m.levels(units))
		fig, err := m.draw(fmt.Sprintf("%s-map-%d", ind.ID, d), title, ind, f, ps, units, "", false)
		if err != nil {
			return nil, err
		}
		out = append(out, fig)
	}
	return out, nil
}

// levels names the levels of units, in the plural: "Communes, Wards".
func (m *Maker) levels(units []*dataset.Unit) string {
	var levels []string
	for _, u := range units {
		if l, ok := m.ds.Catalogue.Level(u.Type); ok && !slices.Contains(levels, l.Plural.Get(m.lang)) {
			levels = append(levels, l.Plural.Get(m.lang))
		}
	}
	return strings.Join(levels, ", ")
}

// Unit makes the map of a unit within its parent: the units beside it, at
// its depth, with the indicator's figures, the unit highlighted. It makes
// none for a unit without a shape or a parent. The map names its embed,
// the parent's map (withinID), and the first of the parent's units carries
// it.
func (m *Maker) Unit(u *dataset.Unit, parent *dataset.Unit, ind *dataset.Indicator, f Format, periods []period.Period) ([]Figure, error) {
	units := m.byParent[u.Parent]
	if parent == nil || !slices.Contains(units, u) {
		return nil, nil // no shape, or not a current territorial unit
	}
	// The latest period only: the place is what this map is for, and a
	// national site has thousands of unit pages.
	ps := periods[len(periods)-1:]
	title := fmt.Sprintf(m.words.Within, u.NameIn(m.lang), parent.NameIn(m.lang)) + " — " + ind.Name.Get(m.lang) + ", " + periodName(m, ps)
	fig, err := m.draw(u.Code+"-map", title, ind, f, ps, units, u.Code, false)
	if err != nil {
		return nil, err
	}
	fig.Embed, fig.Target = withinID(ind, parent), geomap.Target(u.Code)
	if units[0] == u {
		title := fmt.Sprintf(m.words.Of, m.levels(units), parent.NameIn(m.lang)) + " — " + ind.Name.Get(m.lang) + ", " + periodName(m, ps)
		within, err := m.draw(fig.Embed, title, ind, f, ps, units, "", true)
		if err != nil {
			return nil, err
		}
		fig.Within = &within
	}
	return []Figure{fig}, nil
}

// withinID is the id of the map of an indicator over the units of a
// parent (on its embed page): "online_rate-map-in-london", never the id of
// one of the indicator's maps by depth ("online_rate-map-2").
func withinID(ind *dataset.Indicator, parent *dataset.Unit) string {
	return ind.ID + "-map-in-" + parent.Code
}

// last is the last Periods periods.
func last(ps []period.Period) []period.Period {
	return ps[max(0, len(ps)-Periods):]
}

// periodName names the latest of periods.
func periodName(m *Maker, ps []period.Period) string {
	if len(ps) == 0 {
		return ""
	}
	return m.period(ps[len(ps)-1])
}

// draw draws the map of units over periods, highlight outlined, with
// targets each unit's outline that the address picks.
func (m *Maker) draw(id, title string, ind *dataset.Indicator, f Format, ps []period.Period, units []*dataset.Unit, highlight string, targets bool) (Figure, error) {
	labels := make([]string, len(ps))
	for i, p := range ps {
		labels[i] = m.period(p)
	}
	c := geomap.Choropleth{ID: id, Title: title, Periods: labels, Highlight: highlight, Targets: targets,
		Format: f.Number, Decimals: f.Decimals, Template: f.Template, Words: m.words.Words}
	fig := Figure{ID: id, Title: title}
	var hi, lo *dataset.Unit
	var hv, lv float64
	with := 0
	for _, u := range units {
		a := geomap.Area{Code: u.Code, Name: u.NameIn(m.lang), Values: make([]float64, len(ps))}
		for i, p := range ps {
			a.Values[i] = math.NaN()
			if v := m.res.Value(ind.ID, u.Code, p); v.OK {
				a.Values[i] = v.Value
			}
		}
		v := a.Values[len(ps)-1]
		text := m.words.NoData
		if !math.IsNaN(v) {
			text = f.Number(v)
			with++
			if hi == nil || v > hv {
				hi, hv = u, v
			}
			if lo == nil || v < lv {
				lo, lv = u, v
			}
		}
		c.Areas = append(c.Areas, a)
		fig.Rows = append(fig.Rows, Row{Code: u.Code, Name: a.Name, Value: text})
	}
	if hi != nil {
		fig.Summary = fmt.Sprintf(m.words.Summary, hi.NameIn(m.lang), f.Number(hv), lo.NameIn(m.lang), f.Number(lv), with, len(units))
	} else {
		fig.Summary = m.words.NoData
	}
	c.Desc = fig.Summary
	d, err := m.ds.Atlas.Draw(c)
	if err != nil {
		return Figure{}, err
	}
	fig.Drawn = d
	return fig, nil
}
