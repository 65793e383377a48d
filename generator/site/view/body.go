package view

import (
	"fmt"
	"strconv"

	"minhbach/generator/site/annot"
)

// The bodies of generated pages, one function per page kind, and the pieces
// they share: tables, charts and changes. Each writes what a Hugo partial
// would, as compact HTML; baseof.html puts it in the page with .Content.

// Table writes a data table: caption, head, rows, numbers aligned right.
func (w *Writer) Table(t *Table) {
	w.TextIn(`<div class="table-wrap"><table><caption>`, t.Caption, `</caption><thead><tr>`)
	for i, h := range t.Head {
		if t.Numeric[i] {
			w.raw(`<th scope="col" class="num">`)
		} else {
			w.raw(`<th scope="col">`)
		}
		w.text(h)
		w.raw(`</th>`)
	}
	w.raw(`</tr></thead><tbody>`)
	for _, row := range t.Rows {
		w.raw(`<tr>`)
		for i := range row {
			w.Cell(&row[i])
		}
		w.raw(`</tr>`)
	}
	w.raw(`</tbody></table></div>`)
}

// Cell writes one table cell, a row header or data, maybe a link.
func (w *Writer) Cell(c *Cell) {
	if c.Head {
		w.raw(`<th scope="row"`)
	} else {
		w.raw(`<td`)
	}
	switch {
	case c.Num && c.Class != "":
		w.TextIn(` class="num `, c.Class, `"`)
	case c.Num:
		w.raw(` class="num"`)
	case c.Class != "":
		w.TextIn(` class="`, c.Class, `"`)
	}
	w.raw(`>`)
	if c.URL != "" {
		w.raw(`<a href="`)
		if c.Raw {
			w.url(c.URL)
		} else {
			w.langURL(c.URL)
		}
		w.TextIn(`">`, c.Text, `</a>`)
	} else {
		w.text(c.Text)
	}
	if c.Status != 0 || c.Note > 0 {
		annot.Marks(w, c.Status, c.Note)
	}
	// A change coloured as better or worse also says so in words.
	if c.Class == "better" || c.Class == "worse" {
		w.raw(`<span class="sr-only"> (`)
		w.T("verdict_" + c.Class)
		w.raw(`)</span>`)
	}
	if c.Head {
		w.raw(`</th>`)
	} else {
		w.raw(`</td>`)
	}
}

// Chart writes a chart: its static SVG (drawn at build time, shown without
// JavaScript and in print), which the chart script replaces with ECharts; a
// text summary; and its data as a table.
func (w *Writer) Chart(c *Chart) { w.Figure(c, false) }

// Figure writes the chart c; with heading, its caption is the page's
// heading (an embed is the chart alone).
func (w *Writer) Figure(c *Chart, heading bool) {
	w.TextIn(`<figure class="chart" id="`, c.ID, `" data-option="`)
	w.text(c.ID)
	w.raw(`-option" data-width="`)
	w.raw(strconv.Itoa(c.Width))
	w.raw(`" data-height="`)
	w.raw(strconv.Itoa(c.Height))
	if heading {
		w.TextIn(`"><figcaption><h1>`, c.Title, `</h1></figcaption><div class="chart-canvas">`)
	} else {
		w.TextIn(`"><figcaption>`, c.Title, `</figcaption><div class="chart-canvas">`)
	}
	w.html(c.SVG)
	w.raw(`</div>`)
	w.html(c.Extra)
	w.TextIn(`<p class="chart-summary">`, c.Summary, `</p>`)
	if c.Embed != "" {
		w.raw(`<p class="chart-embed"><a href="`)
		w.langURL(c.Embed)
		w.raw(`">`)
		w.T("map_embed")
		w.raw(`</a></p>`)
	}
	w.raw(`<script type="application/json" id="`)
	w.text(c.ID)
	w.raw(`-option">`)
	w.json(c.Option)
	w.raw(`</script><details class="chart-data"><summary>`)
	w.T("chart_data")
	w.raw(`</summary>`)
	w.Table(&c.Table)
	w.raw(`</details></figure>`)
}

// Charts writes a section's charts.
func (w *Writer) Charts(cs []Chart) {
	for i := range cs {
		w.Chart(&cs[i])
	}
}

// change writes a change on an earlier period: the figure, with its verdict
// said in words for everyone.
func (w *Writer) change(c Change) {
	w.TextIn(`<span class="change `, c.Verdict, `"><span aria-hidden="true" class="arrow"></span>`)
	w.text(c.Text)
	w.TextIn(`</span> <span class="change-label">`, c.Label, `</span>`)
}

// Section opens a section with its heading.
func (w *Writer) Section(id, heading string) {
	w.raw(`<section aria-labelledby="`)
	w.raw(id)
	w.raw(`"><h2 id="`)
	w.raw(id)
	w.TextIn(`">`, heading, `</h2>`)
}

// TextIn writes text from the data between two pieces of markup.
func (w *Writer) TextIn(open, text, close string) {
	w.raw(open)
	w.text(text)
	w.raw(close)
}

// Link writes a link to a site-relative path within the page's language.
func (w *Writer) Link(path, text string) {
	w.raw(`<a href="`)
	w.langURL(path)
	w.TextIn(`">`, text, `</a>`)
}

// H1 writes the page's main heading.
func (w *Writer) H1(title string) {
	w.TextIn(`<h1>`, title, `</h1>`)
}

func (w *Writer) HomeBody(h *Home) {
	w.TextIn(`<h1>`, h.Province, ` <span class="subtitle">— `)
	w.T("headline_period")
	w.TextIn(` `, h.Period, `</span></h1><p class="lead">`)
	w.T("home_lead")
	w.raw(`</p>`)
	w.Section("cards-h", w.Words.Get("headline_indicators"))
	w.raw(`<ul class="cards">`)
	for _, c := range h.Cards {
		w.raw(`<li class="card"><h3>`)
		w.Link(c.URL, c.Name)
		w.raw(`</h3><p class="value">`)
		w.text(c.Value)
		annot.Marks(w, c.Marks.Status, c.Marks.Note)
		w.TextIn(`</p><p class="period">`, c.Period, `</p><p>`)
		w.change(c.Prev)
		w.raw(`</p>`)
		if c.Target != "" {
			w.TextIn(`<p class="target">`, c.Target, `</p>`)
		}
		if c.StatusText != "" {
			w.TextIn(`<p class="status"><span class="badge `, c.Status, `">`)
			w.text(c.StatusText)
			w.raw(`</span></p>`)
		}
		w.raw(`</li>`)
	}
	w.raw(`</ul></section>`)
	w.Section("trend-h", w.Words.Get("trends"))
	w.Charts(h.Charts)
	w.raw(`</section>`)
	if h.Report.URL != "" {
		w.raw(`<p class="report-link"><a href="`)
		w.langURL(h.Report.URL)
		w.raw(`">`)
		w.T("read_report")
		w.TextIn(` `, h.Report.Text, `</a></p>`)
	}
}

func (w *Writer) IndicatorBody(title string, p *Indicator) {
	w.H1(title)
	w.raw(`<div class="prose">`)
	w.html(p.Description)
	w.raw(`</div><section class="latest" aria-labelledby="latest-h"><h2 id="latest-h">`)
	w.T("latest_value")
	w.TextIn(` — `, p.Period, `</h2><p class="value big">`)
	w.text(p.Value)
	annot.Marks(w, p.Marks.Status, p.Marks.Note)
	w.raw(`</p><ul class="changes"><li>`)
	w.T("vs_prev")
	w.raw(`: `)
	w.change(p.Prev)
	w.raw(`</li>`)
	if !p.Yearly {
		w.raw(`<li>`)
		w.T("vs_year_ago")
		w.raw(`: `)
		w.change(p.YearAgo)
		w.raw(`</li>`)
	}
	if p.LastYear.Verdict != "none" && !p.Yearly {
		w.TextIn(`<li>`, p.LastYearLabel, `: `)
		w.change(p.LastYear)
		w.raw(`</li>`)
	}
	w.raw(`</ul>`)
	if p.Target != "" {
		w.raw(`<p class="target">`)
		w.text(p.Target)
		if p.StatusText != "" {
			w.TextIn(` — <span class="badge `, p.Status, `">`)
			w.text(p.StatusText)
			w.raw(`</span>`)
		}
		w.raw(`</p>`)
		if p.Source != "" {
			w.TextIn(`<p class="source">`, p.Source, `</p>`)
		}
	}
	for _, s := range p.Statements {
		w.TextIn(`<p class="statement">`, s, `</p>`)
	}
	w.raw(`</section>`)
	w.Section("charts-h", w.Words.Get("trend_and_ranking"))
	w.Charts(p.Charts)
	w.raw(`</section>`)
	w.html(p.Breakdowns)
}

func (w *Writer) UnitBody(title string, p *Unit) {
	w.H1(title)
	w.raw(`<p class="lead">`)
	w.text(p.TypeName)
	if p.Parent.URL != "" {
		w.raw(` — `)
		w.Link(p.Parent.URL, p.Parent.Text)
	}
	if p.Geocode != "" {
		w.TextIn(` — <span class="geocode">`, w.Words.Get("geocode")+" "+p.Geocode, `</span>`)
	}
	w.raw(`</p>`)
	if p.Successor.URL != "" {
		w.TextIn(`<p class="successor">`, fmt.Sprintf(w.Words.Get("merged_into"), p.Ended)+" ", "")
		w.Link(p.Successor.URL, p.Successor.Text)
		w.raw(`.</p>`)
	}
	if len(p.Predecessors) > 0 {
		w.TextIn(`<p class="predecessors">`, w.Words.Get("formed_from")+" ", "")
		for i, l := range p.Predecessors {
			if i > 0 {
				w.raw(", ")
			}
			w.Link(l.URL, l.Text)
		}
		w.raw(`.</p>`)
	}
	w.Section("summary-h", w.Words.Get("indicators_latest"))
	w.Table(&p.Summary)
	w.raw(`</section>`)
	if len(p.Charts) > 0 {
		w.Section("charts-h", w.Words.Get("trends"))
		w.Charts(p.Charts)
		w.raw(`</section>`)
	}
	w.html(p.Breakdowns)
	if len(p.Children.Rows) > 0 {
		w.Section("children-h", w.Words.Get("units_within"))
		w.Table(&p.Children)
		w.raw(`</section>`)
	}
}

func (w *Writer) ReportBody(p *Report) {
	w.raw(`<article class="report"><h1>`)
	w.T("report_title")
	w.TextIn(` `, p.Period, `</h1><p class="report-actions">`)
	if p.PDF {
		w.raw(`<a href="`)
		w.langURL("reports/" + p.PeriodSlug + ".pdf")
		w.raw(`" type="application/pdf">`)
		w.T("report_pdf")
		w.raw(`</a> · `)
	}
	w.raw(`<a href="`)
	w.langURL("reports/index.xml")
	w.raw(`" type="application/atom+xml">`)
	w.T("report_feed")
	w.raw(`</a></p>`)
	if p.Commentary != "" {
		w.raw(`<section class="prose commentary" aria-labelledby="comment-h"><h2 id="comment-h">`)
		w.T("commentary")
		w.raw(`</h2>`)
		w.html(p.Commentary)
		w.raw(`</section>`)
	}
	w.Section("summary-h", w.Words.Get("summary"))
	w.Table(&p.Summary)
	w.raw(`</section>`)
	w.html(p.Gaps)
	if len(p.Charts) > 0 {
		w.Section("trend-h", w.Words.Get("trends"))
		w.Charts(p.Charts)
		w.raw(`</section>`)
	}
	w.Section("moves-h", w.Words.Get("moves"))
	w.raw(`<div class="two-col"><div><h3>`)
	w.T("improved")
	w.raw(`</h3>`)
	w.List(p.Improved)
	w.raw(`</div><div><h3>`)
	w.T("fell")
	w.raw(`</h3>`)
	w.List(p.Fell)
	w.raw(`</div></div></section>`)
	w.Section("units-h", w.Words.Get("lagging_leading"))
	for i := range p.Lagging {
		w.raw(`<div class="two-col"><div>`)
		w.Table(&p.Lagging[i])
		w.raw(`</div><div>`)
		w.Table(&p.Leading[i])
		w.raw(`</div></div>`)
	}
	w.raw(`</section>`)
	w.Section("data-h", w.Words.Get("completeness"))
	w.raw(`<p>`)
	w.T("completeness_share")
	w.TextIn(` `, p.Completeness, `.</p>`)
	if len(p.Silent) > 0 {
		w.raw(`<p>`)
		w.T("silent_units")
		w.raw(`: `)
		for i, u := range p.Silent {
			if i > 0 {
				w.raw(`, `)
			}
			w.Link(u.URL, u.Text)
		}
		w.raw(`.</p>`)
	}
	if len(p.Scores.Rows) > 0 {
		w.Table(&p.Scores)
	}
	w.raw(`</section>`)
	if p.End != nil {
		p.End(w)
	}
	w.raw(`</article>`)
}

// List writes items as a list, or says there are none.
func (w *Writer) List(items []string) {
	if len(items) == 0 {
		w.raw(`<p>`)
		w.T("none")
		w.raw(`</p>`)
		return
	}
	w.raw(`<ul>`)
	for _, s := range items {
		w.TextIn(`<li>`, s, `</li>`)
	}
	w.raw(`</ul>`)
}

// SearchBody writes the search form; search.js answers it from the index.
func (w *Writer) SearchBody(title string) {
	w.H1(title)
	w.raw(`<form class="search-form" role="search" action="`)
	w.langURL("search/")
	w.raw(`" method="get" data-index="`)
	w.langURL("search/index.json")
	// search.js says what it found in these words; %d is the count.
	w.TextIn(`" data-none="`, w.Words.Get("search_none"), `"`)
	w.TextIn(` data-found="`, w.Words.Get("search_found"), `"`)
	if one, ok := w.Words.Plural("search_found", "one"); ok {
		w.TextIn(` data-found-one="`, one, `"`)
	}
	w.TextIn(` data-more="`, w.Words.Get("search_more"), `"><label for="q">`)
	w.T("search_label")
	w.raw(`</label> <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"> <button type="submit">`)
	w.T("search_button")
	w.raw(`</button></form><p id="search-status" class="search-status" role="status" aria-live="polite"></p><ul id="search-results" class="search-results"></ul><noscript><p>`)
	w.T("search_noscript")
	for i, s := range []string{"indicators", "units", "reports"} {
		if i == 0 {
			w.raw(` <a href="`)
		} else {
			w.raw(` · <a href="`)
		}
		w.langURL(s + "/")
		w.raw(`">`)
		w.T(s)
		w.raw(`</a>`)
	}
	w.raw(`</p></noscript>`)
}

// DataBody writes the open-data catalogue: every download, its size,
// columns and licence, and the change log.
func (w *Writer) DataBody(title string, p *Data) {
	w.H1(title)
	w.raw(`<p class="lead">`)
	w.T("data_lead")
	w.raw(`</p><ul>`)
	if p.Exported != "" {
		w.raw(`<li>`)
		w.T("data_exported")
		w.TextIn(`: `, p.Exported, `</li>`)
	}
	w.raw(`<li>`)
	w.T("data_licence")
	w.raw(`: `)
	if p.Licence.URL != "" {
		w.TextIn(`<a href="`, p.Licence.URL, `">`)
		w.text(p.Licence.Text)
		w.raw(`</a>`)
	} else {
		w.text(p.Licence.Text)
	}
	w.raw(`</li><li>`)
	w.T("data_columns")
	w.raw(`: <a href="`)
	w.langURL("methodology/")
	w.raw(`">`)
	w.T("methodology")
	w.raw(`</a></li><li>`)
	w.T("data_package")
	w.raw(`: <a href="`)
	w.url("datapackage.json")
	w.raw(`">datapackage.json</a> (Frictionless Data Package)</li><li>`)
	w.T("data_changes_json")
	w.raw(`: <a href="`)
	w.url("data/changes.json")
	w.raw(`">data/changes.json</a></li></ul>`)
	w.Section("changes-h", w.Words.Get("data_changes"))
	for i := range p.Changes {
		c := &p.Changes[i]
		w.TextIn(`<h3>`, c.Title, `</h3><p>`)
		w.text(c.Summary)
		w.raw(`</p>`)
		if len(c.Revised.Rows) > 0 {
			w.Table(&c.Revised)
		}
	}
	w.raw(`</section>`)
	w.Section("files-h", w.Words.Get("data_files"))
	w.Table(&p.Files)
	w.raw(`</section>`)
}

// EmbedBody writes a chart for other sites to frame, with its source.
func (w *Writer) EmbedBody(p *Embed, siteTitle string) {
	w.Figure(&p.Chart, true)
	w.raw(`<p class="embed-source">`)
	w.T("embed_source")
	w.raw(`: <a href="`)
	w.absLangURL(p.Source.URL)
	w.TextIn(`" target="_top">`, p.Source.Text, ` — `)
	w.text(siteTitle)
	w.raw(`</a>`)
	if p.Credit != "" {
		w.raw(` · `)
		w.text(p.Credit)
	}
	w.raw(`</p>`)
}
