package site

import (
	"fmt"
	"strconv"

	"minhbach/generator/site/annot"
)

// The bodies of generated pages, one function per page kind, and the pieces
// they share: tables, charts and changes. Each writes what a Hugo partial
// would, as compact HTML; baseof.html puts it in the page with .Content.

// table writes a data table: caption, head, rows, numbers aligned right.
func (w *htmlWriter) table(t *table) {
	w.textIn(`<div class="table-wrap"><table><caption>`, t.Caption, `</caption><thead><tr>`)
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
			w.cell(&row[i])
		}
		w.raw(`</tr>`)
	}
	w.raw(`</tbody></table></div>`)
}

// cell writes one table cell, a row header or data, maybe a link.
func (w *htmlWriter) cell(c *cell) {
	if c.Head {
		w.raw(`<th scope="row"`)
	} else {
		w.raw(`<td`)
	}
	switch {
	case c.Num && c.Class != "":
		w.textIn(` class="num `, c.Class, `"`)
	case c.Num:
		w.raw(` class="num"`)
	case c.Class != "":
		w.textIn(` class="`, c.Class, `"`)
	}
	w.raw(`>`)
	if c.URL != "" {
		w.raw(`<a href="`)
		if c.Raw {
			w.url(c.URL)
		} else {
			w.langURL(c.URL)
		}
		w.textIn(`">`, c.Text, `</a>`)
	} else {
		w.text(c.Text)
	}
	if c.Status != 0 || c.Note > 0 {
		annot.Marks(w, c.Status, c.Note)
	}
	// A change coloured as better or worse also says so in words.
	if c.Class == "better" || c.Class == "worse" {
		w.raw(`<span class="sr-only"> (`)
		w.t("verdict_" + c.Class)
		w.raw(`)</span>`)
	}
	if c.Head {
		w.raw(`</th>`)
	} else {
		w.raw(`</td>`)
	}
}

// chart writes a chart: its static SVG (drawn at build time, shown without
// JavaScript and in print), which the chart script replaces with ECharts; a
// text summary; and its data as a table.
func (w *htmlWriter) chart(c *chartView) { w.figure(c, false) }

// figure writes the chart c; with heading, its caption is the page's
// heading (an embed is the chart alone).
func (w *htmlWriter) figure(c *chartView, heading bool) {
	w.textIn(`<figure class="chart" id="`, c.ID, `" data-option="`)
	w.text(c.ID)
	w.raw(`-option" data-width="`)
	w.raw(strconv.Itoa(c.Width))
	w.raw(`" data-height="`)
	w.raw(strconv.Itoa(c.Height))
	if heading {
		w.textIn(`"><figcaption><h1>`, c.Title, `</h1></figcaption><div class="chart-canvas">`)
	} else {
		w.textIn(`"><figcaption>`, c.Title, `</figcaption><div class="chart-canvas">`)
	}
	w.html(c.SVG)
	w.raw(`</div>`)
	w.html(c.Extra)
	w.textIn(`<p class="chart-summary">`, c.Summary, `</p><script type="application/json" id="`)
	w.text(c.ID)
	w.raw(`-option">`)
	w.json(c.Option)
	w.raw(`</script><details class="chart-data"><summary>`)
	w.t("chart_data")
	w.raw(`</summary>`)
	w.table(&c.Table)
	w.raw(`</details></figure>`)
}

// charts writes a section's charts.
func (w *htmlWriter) charts(cs []chartView) {
	for i := range cs {
		w.chart(&cs[i])
	}
}

// change writes a change on an earlier period: the figure, with its verdict
// said in words for everyone.
func (w *htmlWriter) change(c change) {
	w.textIn(`<span class="change `, c.Verdict, `"><span aria-hidden="true" class="arrow"></span>`)
	w.text(c.Text)
	w.textIn(`</span> <span class="change-label">`, c.Label, `</span>`)
}

// section opens a section with its heading.
func (w *htmlWriter) section(id, heading string) {
	w.raw(`<section aria-labelledby="`)
	w.raw(id)
	w.raw(`"><h2 id="`)
	w.raw(id)
	w.textIn(`">`, heading, `</h2>`)
}

// textIn writes text from the data between two pieces of markup.
func (w *htmlWriter) textIn(open, text, close string) {
	w.raw(open)
	w.text(text)
	w.raw(close)
}

// link writes a link to a site-relative path within the page's language.
func (w *htmlWriter) link(path, text string) {
	w.raw(`<a href="`)
	w.langURL(path)
	w.textIn(`">`, text, `</a>`)
}

// h1 writes the page's main heading.
func (w *htmlWriter) h1(title string) {
	w.textIn(`<h1>`, title, `</h1>`)
}

func (w *htmlWriter) homeBody(h *homeParams) {
	w.textIn(`<h1>`, h.Province, ` <span class="subtitle">— `)
	w.t("headline_period")
	w.textIn(` `, h.Period, `</span></h1><p class="lead">`)
	w.t("home_lead")
	w.raw(`</p>`)
	w.section("cards-h", w.i18n.Get("headline_indicators"))
	w.raw(`<ul class="cards">`)
	for _, c := range h.Cards {
		w.raw(`<li class="card"><h3>`)
		w.link(c.URL, c.Name)
		w.raw(`</h3><p class="value">`)
		w.text(c.Value)
		w.textIn(`</p><p class="period">`, c.Period, `</p><p>`)
		w.change(c.Prev)
		w.raw(`</p>`)
		if c.Target != "" {
			w.textIn(`<p class="target">`, c.Target, `</p>`)
		}
		if c.StatusText != "" {
			w.textIn(`<p class="status"><span class="badge `, c.Status, `">`)
			w.text(c.StatusText)
			w.raw(`</span></p>`)
		}
		w.raw(`</li>`)
	}
	w.raw(`</ul></section>`)
	w.section("trend-h", w.i18n.Get("trends"))
	w.charts(h.Charts)
	w.raw(`</section>`)
	if h.Report.URL != "" {
		w.raw(`<p class="report-link"><a href="`)
		w.langURL(h.Report.URL)
		w.raw(`">`)
		w.t("read_report")
		w.textIn(` `, h.Report.Text, `</a></p>`)
	}
}

func (w *htmlWriter) indicatorBody(title string, p *indicatorParams) {
	w.h1(title)
	w.raw(`<div class="prose">`)
	w.html(p.Description)
	w.raw(`</div><section class="latest" aria-labelledby="latest-h"><h2 id="latest-h">`)
	w.t("latest_value")
	w.textIn(` — `, p.Period, `</h2><p class="value big">`)
	w.text(p.Value)
	annot.Marks(w, p.Marks.Status, p.Marks.Note)
	w.raw(`</p><ul class="changes"><li>`)
	w.t("vs_prev")
	w.raw(`: `)
	w.change(p.Prev)
	w.raw(`</li>`)
	if !p.Yearly {
		w.raw(`<li>`)
		w.t("vs_year_ago")
		w.raw(`: `)
		w.change(p.YearAgo)
		w.raw(`</li>`)
	}
	if p.LastYear.Verdict != "none" && !p.Yearly {
		w.textIn(`<li>`, p.LastYearLabel, `: `)
		w.change(p.LastYear)
		w.raw(`</li>`)
	}
	w.raw(`</ul>`)
	if p.Target != "" {
		w.raw(`<p class="target">`)
		w.text(p.Target)
		if p.StatusText != "" {
			w.textIn(` — <span class="badge `, p.Status, `">`)
			w.text(p.StatusText)
			w.raw(`</span>`)
		}
		w.raw(`</p>`)
		if p.Source != "" {
			w.textIn(`<p class="source">`, p.Source, `</p>`)
		}
	}
	for _, s := range p.Statements {
		w.textIn(`<p class="statement">`, s, `</p>`)
	}
	w.raw(`</section>`)
	w.section("charts-h", w.i18n.Get("trend_and_ranking"))
	w.charts(p.Charts)
	w.raw(`</section>`)
	w.html(p.Breakdowns)
}

func (w *htmlWriter) unitBody(title string, p *unitParams) {
	w.h1(title)
	w.raw(`<p class="lead">`)
	w.text(p.TypeName)
	if p.Parent.URL != "" {
		w.raw(` — `)
		w.link(p.Parent.URL, p.Parent.Text)
	}
	if p.Geocode != "" {
		w.textIn(` — <span class="geocode">`, w.i18n.Get("geocode")+" "+p.Geocode, `</span>`)
	}
	w.raw(`</p>`)
	if p.Successor.URL != "" {
		w.textIn(`<p class="successor">`, fmt.Sprintf(w.i18n.Get("merged_into"), p.Ended)+" ", "")
		w.link(p.Successor.URL, p.Successor.Text)
		w.raw(`.</p>`)
	}
	if len(p.Predecessors) > 0 {
		w.textIn(`<p class="predecessors">`, w.i18n.Get("formed_from")+" ", "")
		for i, l := range p.Predecessors {
			if i > 0 {
				w.raw(", ")
			}
			w.link(l.URL, l.Text)
		}
		w.raw(`.</p>`)
	}
	w.section("summary-h", w.i18n.Get("indicators_latest"))
	w.table(&p.Summary)
	w.raw(`</section>`)
	if len(p.Charts) > 0 {
		w.section("charts-h", w.i18n.Get("trends"))
		w.charts(p.Charts)
		w.raw(`</section>`)
	}
	w.html(p.Breakdowns)
	if len(p.Children.Rows) > 0 {
		w.section("children-h", w.i18n.Get("units_within"))
		w.table(&p.Children)
		w.raw(`</section>`)
	}
}

func (w *htmlWriter) reportBody(p *reportParams) {
	w.raw(`<article class="report"><h1>`)
	w.t("report_title")
	w.textIn(` `, p.Period, `</h1><p class="report-actions">`)
	if p.PDF {
		w.raw(`<a href="`)
		w.langURL("reports/" + p.PeriodSlug + ".pdf")
		w.raw(`" type="application/pdf">`)
		w.t("report_pdf")
		w.raw(`</a> · `)
	}
	w.raw(`<a href="`)
	w.langURL("reports/index.xml")
	w.raw(`" type="application/atom+xml">`)
	w.t("report_feed")
	w.raw(`</a></p>`)
	if p.Commentary != "" {
		w.raw(`<section class="prose commentary" aria-labelledby="comment-h"><h2 id="comment-h">`)
		w.t("commentary")
		w.raw(`</h2>`)
		w.html(p.Commentary)
		w.raw(`</section>`)
	}
	w.section("summary-h", w.i18n.Get("summary"))
	w.table(&p.Summary)
	w.raw(`</section>`)
	w.html(p.Gaps)
	if len(p.Charts) > 0 {
		w.section("trend-h", w.i18n.Get("trends"))
		w.charts(p.Charts)
		w.raw(`</section>`)
	}
	w.section("moves-h", w.i18n.Get("moves"))
	w.raw(`<div class="two-col"><div><h3>`)
	w.t("improved")
	w.raw(`</h3>`)
	w.list(p.Improved)
	w.raw(`</div><div><h3>`)
	w.t("fell")
	w.raw(`</h3>`)
	w.list(p.Fell)
	w.raw(`</div></div></section>`)
	w.section("units-h", w.i18n.Get("lagging_leading"))
	for i := range p.Lagging {
		w.raw(`<div class="two-col"><div>`)
		w.table(&p.Lagging[i])
		w.raw(`</div><div>`)
		w.table(&p.Leading[i])
		w.raw(`</div></div>`)
	}
	w.raw(`</section>`)
	w.section("data-h", w.i18n.Get("completeness"))
	w.raw(`<p>`)
	w.t("completeness_share")
	w.textIn(` `, p.Completeness, `.</p>`)
	if len(p.Silent) > 0 {
		w.raw(`<p>`)
		w.t("silent_units")
		w.raw(`: `)
		for i, u := range p.Silent {
			if i > 0 {
				w.raw(`, `)
			}
			w.link(u.URL, u.Text)
		}
		w.raw(`.</p>`)
	}
	if len(p.Scores.Rows) > 0 {
		w.table(&p.Scores)
	}
	w.raw(`</section></article>`)
}

// list writes items as a list, or says there are none.
func (w *htmlWriter) list(items []string) {
	if len(items) == 0 {
		w.raw(`<p>`)
		w.t("none")
		w.raw(`</p>`)
		return
	}
	w.raw(`<ul>`)
	for _, s := range items {
		w.textIn(`<li>`, s, `</li>`)
	}
	w.raw(`</ul>`)
}

// searchBody writes the search form; search.js answers it from the index.
func (w *htmlWriter) searchBody(title string) {
	w.h1(title)
	w.raw(`<form class="search-form" role="search" action="`)
	w.langURL("search/")
	w.raw(`" method="get" data-index="`)
	w.langURL("search/index.json")
	// search.js says what it found in these words; %d is the count.
	w.textIn(`" data-none="`, w.i18n.Get("search_none"), `"`)
	w.textIn(` data-found="`, w.i18n.Get("search_found"), `"`)
	if one, ok := w.i18n.Plural("search_found", "one"); ok {
		w.textIn(` data-found-one="`, one, `"`)
	}
	w.textIn(` data-more="`, w.i18n.Get("search_more"), `"><label for="q">`)
	w.t("search_label")
	w.raw(`</label> <input id="q" name="q" type="search" autocomplete="off" spellcheck="false"> <button type="submit">`)
	w.t("search_button")
	w.raw(`</button></form><p id="search-status" class="search-status" role="status" aria-live="polite"></p><ul id="search-results" class="search-results"></ul><noscript><p>`)
	w.t("search_noscript")
	for i, s := range []string{"indicators", "units", "reports"} {
		if i == 0 {
			w.raw(` <a href="`)
		} else {
			w.raw(` · <a href="`)
		}
		w.langURL(s + "/")
		w.raw(`">`)
		w.t(s)
		w.raw(`</a>`)
	}
	w.raw(`</p></noscript>`)
}

// dataBody writes the open-data catalogue: every download, its size,
// columns and licence, and the change log.
func (w *htmlWriter) dataBody(title string, p *dataParams) {
	w.h1(title)
	w.raw(`<p class="lead">`)
	w.t("data_lead")
	w.raw(`</p><ul>`)
	if p.Exported != "" {
		w.raw(`<li>`)
		w.t("data_exported")
		w.textIn(`: `, p.Exported, `</li>`)
	}
	w.raw(`<li>`)
	w.t("data_licence")
	w.raw(`: `)
	if p.Licence.URL != "" {
		w.textIn(`<a href="`, p.Licence.URL, `">`)
		w.text(p.Licence.Text)
		w.raw(`</a>`)
	} else {
		w.text(p.Licence.Text)
	}
	w.raw(`</li><li>`)
	w.t("data_columns")
	w.raw(`: <a href="`)
	w.langURL("methodology/")
	w.raw(`">`)
	w.t("methodology")
	w.raw(`</a></li><li>`)
	w.t("data_package")
	w.raw(`: <a href="`)
	w.url("datapackage.json")
	w.raw(`">datapackage.json</a> (Frictionless Data Package)</li><li>`)
	w.t("data_changes_json")
	w.raw(`: <a href="`)
	w.url("data/changes.json")
	w.raw(`">data/changes.json</a></li></ul>`)
	w.section("changes-h", w.i18n.Get("data_changes"))
	for i := range p.Changes {
		c := &p.Changes[i]
		w.textIn(`<h3>`, c.Title, `</h3><p>`)
		w.text(c.Summary)
		w.raw(`</p>`)
		if len(c.Revised.Rows) > 0 {
			w.table(&c.Revised)
		}
	}
	w.raw(`</section>`)
	w.section("files-h", w.i18n.Get("data_files"))
	w.table(&p.Files)
	w.raw(`</section>`)
}

// embedBody writes a chart for other sites to frame, with its source.
func (w *htmlWriter) embedBody(p *embedParams, siteTitle string) {
	w.figure(&p.Chart, true)
	w.raw(`<p class="embed-source">`)
	w.t("embed_source")
	w.raw(`: <a href="`)
	w.absLangURL(p.Source.URL)
	w.textIn(`" target="_top">`, p.Source.Text, ` — `)
	w.text(siteTitle)
	w.raw(`</a>`)
	if p.Credit != "" {
		w.raw(` · `)
		w.text(p.Credit)
	}
	w.raw(`</p>`)
}
