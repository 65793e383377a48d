package site

import (
	"fmt"
	"strings"
)

// Pages that help people find, follow and reuse the figures: search, the
// open-data catalogue, and an embeddable page for every chart.

// searchParams are the params of the search page.
type searchParams struct {
	Kind string `json:"kind"`
	// Index is the site-relative path of the language's search index.
	Index string `json:"index"`
}

// dataParams are the params of the open-data page.
type dataParams struct {
	Kind     string       `json:"kind"`
	Exported string       `json:"exported,omitempty"`
	Licence  link         `json:"licence"`
	Files    table        `json:"files"`
	Changes  []changeView `json:"changes"`
}

// changeView is one export in the change log, as the data page tells it.
type changeView struct {
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Revised table  `json:"revised"`
}

// embedParams are the params of a chart's embed page.
type embedParams struct {
	Kind   string    `json:"kind"`
	Chart  chartView `json:"chart"`
	Source link      `json:"source"`
	Credit string    `json:"credit"`
}

func (p *pager) searchPage() page {
	return page{Path: "search/index", FM: frontMatter{
		Title:  p.word("search"),
		Params: searchParams{Kind: "search", Index: "search/index.json"},
	}}
}

func (p *pager) dataPage() page {
	params := dataParams{Kind: "data",
		Licence: link{Text: p.ds.Meta.Licence, URL: licenceURL(p.ds.Meta.Licence)}}
	if d := p.ds.Meta.Exported; d != "" {
		var y, m, day int
		fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day)
		params.Exported = p.f.Date(y, m, day)
	}
	params.Files = table{Caption: p.word("data"),
		Head:    []string{p.w.File, p.w.Contents, p.w.Size},
		Numeric: []bool{false, false, true}}
	if p.open != nil {
		for _, f := range p.open.files {
			params.Files.Rows = append(params.Files.Rows, []cell{
				{Text: f.Path, URL: f.Path, Head: true, Raw: true},
				{Text: f.Title.Get(p.lang)},
				{Text: p.size(f.Bytes), Num: true},
			})
		}
		for _, c := range p.open.changes {
			params.Changes = append(params.Changes, p.changeView(c))
		}
	}
	return page{Path: "data/index", FM: frontMatter{
		Title:       p.word("data"),
		Description: p.word("data") + " — " + p.ds.Meta.Title.Get(p.lang),
		Params:      params,
	}}
}

// size formats a file size in kB or MB.
func (p *pager) size(n int64) string {
	if n >= 1<<20 {
		return p.f.Number(float64(n)/(1<<20), 1) + " MB"
	}
	return p.f.Number(float64(n)/(1<<10), 1) + " kB"
}

func (p *pager) changeView(c changeEntry) changeView {
	title := p.w.Export
	if c.Exported != "" {
		var y, m, d int
		fmt.Sscanf(c.Exported, "%d-%d-%d", &y, &m, &d)
		title += " " + p.f.Date(y, m, d)
	}
	var parts []string
	if c.Initial {
		parts = append(parts, p.w.FirstPublication)
	}
	if len(c.NewPeriods) > 0 {
		parts = append(parts, p.w.NewPeriods+": "+strings.Join(c.NewPeriods, ", "))
	}
	parts = append(parts, fmt.Sprintf(p.w.ChangeCounts, p.f.Count(float64(c.Added)), p.f.Count(float64(len(c.Revised))), p.f.Count(float64(c.Removed))))
	v := changeView{Title: title, Summary: strings.Join(parts, "; ") + "."}
	if len(c.Revised) > 0 {
		v.Revised = table{Caption: p.w.Revised + " — " + title,
			Head:    []string{p.w.Period, p.w.Unit, p.w.Measure, p.w.OldValue, p.w.NewValue},
			Numeric: []bool{false, false, false, true, true}}
		for _, r := range c.Revised {
			name := r.Unit
			if u, ok := p.unit(r.Unit); ok {
				name = u.Name
			}
			measure := r.Measure
			if m, ok := p.ds.Catalogue.Measure(r.Measure); ok {
				measure = m.Name.Get(p.lang)
			}
			v.Revised.Rows = append(v.Revised.Rows, []cell{{Text: r.Period}, {Text: name}, {Text: measure},
				{Text: r.Old, Num: true}, {Text: r.New, Num: true}})
		}
	}
	return v
}

// embedPages makes one embeddable page per chart shown on the pages, for
// other sites to frame, with a source line and a link back.
func (p *pager) embedPages(pages []page) []page {
	seen := map[string]bool{}
	var out []page
	for _, pg := range pages {
		for _, c := range chartsOf(pg) {
			if seen[c.ID] {
				continue
			}
			seen[c.ID] = true
			source := strings.TrimSuffix(strings.TrimSuffix(pg.Path, "index"), "_")
			out = append(out, page{Path: "embed/" + c.ID + "/index", FM: frontMatter{
				Title: c.Title,
				Params: embedParams{Kind: "embed", Chart: c,
					Source: link{Text: pg.FM.Title, URL: source},
					Credit: p.ds.Meta.Publisher.Get(p.lang)},
			}})
		}
	}
	return out
}

// chartsOf returns the charts of a generated page.
func chartsOf(pg page) []chartView {
	switch params := pg.FM.Params.(type) {
	case homeParams:
		return params.Charts
	case indicatorParams:
		return params.Charts
	case unitParams:
		return params.Charts
	case reportParams:
		return params.Charts
	}
	return nil
}
