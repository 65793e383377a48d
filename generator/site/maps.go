package site

import (
	"slices"

	"minhbach/generator/choropleth"
	"minhbach/generator/dataset"
	"minhbach/generator/site/view"
)

// mapCharts are the maps of an indicator's page, or with u, the map of u
// within its parent (package choropleth), laid out as charts. A unit's map
// links to the embed page of its parent's map, with the unit in the
// address; the first of the parent's units carries that page.
func (p *pager) mapCharts(ind *dataset.Indicator, u *dataset.Unit) ([]view.Chart, error) {
	f := choropleth.FormatOf(p.fig(ind))
	var figs []choropleth.Figure
	var err error
	var parent *dataset.Unit
	if u == nil {
		figs, err = p.maps.Indicator(ind, f, p.quarters)
	} else {
		parent, _ = p.unit(u.Parent)
		figs, err = p.maps.Unit(u, parent, ind, f, p.quarters)
	}
	if err != nil {
		return nil, err
	}
	var out []view.Chart
	for i := range figs {
		m := &figs[i]
		c := p.mapChart(m, u != nil)
		if m.Embed != "" && m.Target != "" {
			c.Embed = "embed/" + m.Embed + "/#" + m.Target
		}
		if m.Within != nil {
			c.Embedded = &view.Embed{Chart: p.mapChart(m.Within, false),
				Source: view.Link{Text: parent.NameIn(p.lang), URL: unitURL(parent.Code)}}
		}
		out = append(out, c)
	}
	return out, nil
}

// mapChart lays a map out as a chart, with its data table; place marks a
// unit page's map of the unit within its parent.
func (p *pager) mapChart(m *choropleth.Figure, place bool) view.Chart {
	tbl := view.Table{Caption: m.Title, Head: []string{p.w.Unit, p.w.Value}, Numeric: []bool{false, true}}
	for _, r := range m.Rows {
		tbl.Rows = append(tbl.Rows, []view.Cell{{Text: r.Name, URL: unitURL(r.Code), Head: true}, {Text: r.Value, Num: true}})
	}
	return view.Chart{ID: m.ID, Title: m.Title, Summary: m.Summary, Option: m.Option, SVG: m.SVG, Extra: m.Legend,
		Map: true, Place: place, Width: m.Width, Height: m.Height, Table: tbl}
}

// hasMap reports whether one of cs is a map, whose page loads the map script.
func hasMap(cs []view.Chart) bool {
	return slices.ContainsFunc(cs, func(c view.Chart) bool { return c.Map })
}
