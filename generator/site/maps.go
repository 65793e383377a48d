package site

import (
	"slices"

	"minhbach/generator/choropleth"
	"minhbach/generator/dataset"
	"minhbach/generator/site/view"
)

// mapCharts are the maps of an indicator's page, or with u, the map of u
// within its parent (package choropleth), laid out as charts.
func (p *pager) mapCharts(ind *dataset.Indicator, u *dataset.Unit) ([]view.Chart, error) {
	f := choropleth.FormatOf(p.fig(ind))
	var figs []choropleth.Figure
	var err error
	if u == nil {
		figs, err = p.maps.Indicator(ind, f, p.quarters)
	} else {
		parent, _ := p.unit(u.Parent)
		figs, err = p.maps.Unit(u, parent, ind, f, p.quarters)
	}
	if err != nil {
		return nil, err
	}
	var out []view.Chart
	for _, m := range figs {
		tbl := view.Table{Caption: m.Title, Head: []string{p.w.Unit, p.w.Value}, Numeric: []bool{false, true}}
		for _, r := range m.Rows {
			tbl.Rows = append(tbl.Rows, []view.Cell{{Text: r.Name, URL: unitURL(r.Code), Head: true}, {Text: r.Value, Num: true}})
		}
		out = append(out, view.Chart{ID: m.ID, Title: m.Title, Summary: m.Summary, Option: m.Option, SVG: m.SVG, Extra: m.Legend,
			Map: true, Place: u != nil, Width: m.Width, Height: m.Height, Table: tbl})
	}
	return out, nil
}

// hasMap reports whether one of cs is a map, whose page loads the map script.
func hasMap(cs []view.Chart) bool {
	return slices.ContainsFunc(cs, func(c view.Chart) bool { return c.Map })
}
