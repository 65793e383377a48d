package site

import (
	"fmt"
	"strings"

	"minhbach/generator/locale"
	"minhbach/generator/opendata"
	"minhbach/generator/site/annot"
	"minhbach/generator/site/view"
)

// Pages that help people find, follow and reuse the figures: search, the
// open-data catalogue, and an embeddable page for every chart.

func (p *pager) searchPage() page {
	title := p.word("search")
	return page{Path: "search", FM: frontMatter{Title: title, Params: pageParams{Kind: "search"}},
		Body: p.body(func(w *view.Writer) { w.SearchBody(title) })}
}

// dataPage is the open-data page. Its body lists the downloads, which are
// written while Hugo runs, so it is made later, from what they are.
func (p *pager) dataPage() page {
	title := p.word("data")
	return page{Path: "data", FM: frontMatter{
		Title:       title,
		Description: title + " — " + p.ds.Meta.Title.Get(p.lang),
		Params:      pageParams{Kind: "data"},
	}, later: func(open *opendata.Catalogue) (string, error) {
		body := p.dataBody(title, open)
		return body, p.html.Words.Err()
	}}
}

// dataBody is the body of the open-data page: the licence, the downloads
// in open (none when nil) and the changes since the last publication.
func (p *pager) dataBody(title string, open *opendata.Catalogue) string {
	params := view.Data{
		Licence: view.Link{Text: p.ds.Meta.Licence, URL: opendata.LicenceURL(p.ds.Meta.Licence)}}
	if d := p.ds.Meta.Exported; d != "" {
		var y, m, day int
		fmt.Sscanf(d, "%d-%d-%d", &y, &m, &day)
		params.Exported = p.f.Date(y, m, day)
	}
	params.Files = view.Table{Caption: p.word("data"),
		Head:    []string{p.w.File, p.w.Contents, p.w.Size},
		Numeric: []bool{false, false, true}}
	if open != nil {
		for _, f := range open.Files {
			params.Files.Rows = append(params.Files.Rows, []view.Cell{
				{Text: f.Path, URL: f.Path, Head: true, Raw: true},
				{Text: f.Title.Get(p.lang)},
				{Text: p.size(f.Bytes), Num: true},
			})
		}
		for _, c := range open.Changes {
			params.Changes = append(params.Changes, p.changeView(c))
		}
	}
	return p.body(func(w *view.Writer) { w.DataBody(title, &params) })
}

// size formats a file size in kB or MB.
func (p *pager) size(n int64) string {
	if n >= 1<<20 {
		return p.f.Number(float64(n)/(1<<20), 1) + " MB"
	}
	return p.f.Number(float64(n)/(1<<10), 1) + " kB"
}

func (p *pager) changeView(c opendata.Change) view.Logged {
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
	parts = append(parts, fmt.Sprintf(p.w.ChangeCounts, p.f.Count(float64(c.Added)), p.f.Count(float64(max(c.RevisedCount, len(c.Revised)))), p.f.Count(float64(c.Removed))))
	v := view.Logged{Title: title, Summary: locale.Capitalize(strings.Join(parts, "; ")) + "."}
	if len(c.Revised) > 0 {
		v.Revised = view.Table{Caption: p.w.Revised + " — " + title,
			Head:    []string{p.w.Period, p.w.Unit, p.w.Measure, p.w.OldValue, p.w.NewValue},
			Numeric: []bool{false, false, false, true, true}}
		for _, r := range c.Revised {
			name := r.Unit
			if u, ok := p.unit(r.Unit); ok {
				name = u.NameIn(p.lang)
			}
			measure := r.Measure
			if m, ok := p.ds.Catalogue.Measure(r.Measure); ok {
				measure = m.Name.Get(p.lang)
			}
			v.Revised.Rows = append(v.Revised.Rows, []view.Cell{{Text: r.Period}, {Text: name}, {Text: measure},
				{Text: r.Old, Num: true}, {Text: r.New, Num: true}})
		}
	}
	return v
}

// embedPages makes one embeddable page for each chart of pg not seen
// before, for other sites to frame, with a source line and a link back. A
// unit page's map has none of its own: the page of its parent's map, which
// the first of the parent's units carries, is its embed.
func (p *pager) embedPages(pg page, seen map[string]bool) []page {
	var out []page
	for _, c := range pg.Charts {
		e := view.Embed{Chart: c, Source: view.Link{Text: pg.FM.Title, URL: pg.url()}}
		if c.Place {
			if c.Embedded == nil {
				continue
			}
			e = *c.Embedded
		}
		if seen[e.Chart.ID] {
			continue
		}
		seen[e.Chart.ID] = true
		e.Credit = p.ds.Meta.Publisher.Get(p.lang)
		// The table keeps its figures' marks, with their legend below the
		// chart, but not the numbers of footnotes that are on pg only.
		var marks annot.Page
		e.Chart.Table.Rows = withoutNotes(e.Chart.Table.Rows, &marks)
		out = append(out, page{Path: "embed/" + e.Chart.ID,
			// Embeds are for other sites to frame, not to be listed or
			// indexed: they stay out of Hugo's page lists.
			FM: frontMatter{Title: e.Chart.Title, Build: &buildOptions{List: "never", Render: "always"},
				Params: pageParams{Kind: "embed", Charts: true, Maps: e.Chart.Map}},
			Body: p.body(func(w *view.Writer) { w.EmbedBody(&e, p.ds.Meta.Title.Get(p.lang)); marks.End(w) })})
	}
	return out
}

// withoutNotes copies rows without their cells' footnote numbers,
// recording their marks in marks for the legend.
func withoutNotes(rows [][]view.Cell, marks *annot.Page) [][]view.Cell {
	out := make([][]view.Cell, len(rows))
	for i, row := range rows {
		out[i] = append([]view.Cell(nil), row...)
		for j := range out[i] {
			marks.Add(out[i][j].Status, "")
			out[i][j].Note = 0
		}
	}
	return out
}
