package site

import (
	"fmt"
	"maps"
	"math"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"minhbach/generator/breakdown"
	"minhbach/generator/calendar"
	"minhbach/generator/chart"
	"minhbach/generator/choropleth"
	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	texts "minhbach/generator/i18n"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/mark"
	"minhbach/generator/markdown"
	"minhbach/generator/opendata"
	"minhbach/generator/period"
	"minhbach/generator/site/annot"
	"minhbach/generator/site/view"
)

// page is one generated content file: its path below content/ (without the
// language suffix and extension: "units/an-an", or "units/_index" for a
// section), its front matter and its HTML body.
type page struct {
	Path string
	FM   frontMatter
	Body string
	// Charts are the charts on the page; each also gets an embed page.
	Charts []view.Chart
	// later, when set, makes the body once the downloads are written: the
	// open-data page lists them. Body is then empty.
	later func(*opendata.Catalogue) (string, error)
}

// url returns the page's site-relative URL: "units/an-an/" for
// units/an-an, "units/" for units/_index, "" for the home page.
func (pg page) url() string {
	if dir, name := path.Split(pg.Path); name == "_index" {
		return dir
	}
	return pg.Path + "/"
}

// pager builds the pages of one language from the computed indicators.
type pager struct {
	ds  *dataset.Dataset
	res *indicator.Result
	f   locale.Formatter
	// figs say how each indicator's figures are written.
	figs *figure.Formats
	w    texts.Words
	lang string
	md   markdown.Renderer
	// html writes the pages' bodies, reusing its memory from page to page.
	html *view.Writer
	// charts draws the charts, reusing the options of trend charts of the
	// same shape, such as those of the unit pages.
	charts chart.Drawer
	maps   *choropleth.Maker
	// contentDir holds the hand-written content, for report commentary.
	contentDir string
	// pdf says that build --pdf prints the reports, so they link their PDF.
	pdf bool
	// bd writes the breakdown sections (package breakdown).
	bd *breakdown.Page

	units    map[string]*dataset.Unit   // units by code
	top      *dataset.Unit              // the unit the site is about (the province)
	whole    string                     // its name, where the site speaks of the whole
	children map[string][]*dataset.Unit // units by parent code
	quarters []period.Period
	latest   period.Period
	// cal knows which periods are whole; reports are the periods that get
	// a report (package calendar), the latest first.
	cal     *calendar.Calendar
	reports []period.Period
	// headlines are the catalogue's headline indicators, headlineRates
	// those of them that are percentages (see headline).
	headlines, headlineRates []*dataset.Indicator
	// notes gathers the marks and footnotes of the page being made.
	notes annot.Page
}

func newPager(ds *dataset.Dataset, res *indicator.Result, lang string, cfg Config, md markdown.Renderer) (*pager, error) {
	f, err := locale.New(lang)
	if err != nil {
		return nil, err
	}
	tr, err := loadI18n(cfg.Root, lang)
	if err != nil {
		return nil, err
	}
	maps.Copy(tr.Strings, siteTexts(ds, lang, tr)) // the data's words over the defaults
	p := &pager{ds: ds, res: res, f: f, figs: figure.All(&ds.Catalogue, f), w: texts.NewWords(tr.Get), lang: lang, md: md,
		contentDir: filepath.Join(cfg.Root, "content"), pdf: cfg.PDF,
		children: map[string][]*dataset.Unit{}, units: make(map[string]*dataset.Unit, len(ds.Units))}
	p.html = view.NewWriter(cfg.BaseURL, langPrefix(lang), tr)
	p.maps = choropleth.New(ds, res, lang, tr.Get, f)
	for i := range ds.Units {
		u := &ds.Units[i]
		p.units[u.Code] = u
		p.children[u.Parent] = append(p.children[u.Parent], u)
	}
	p.top = ds.Top()
	if p.top == nil {
		return nil, fmt.Errorf("units.csv has no top unit (a unit without parent)")
	}
	p.whole = p.top.NameIn(lang)
	p.w = p.w.About(p.whole)
	p.headlines, p.headlineRates = findHeadline(&ds.Catalogue, p.figs)
	// Reports and trends go by quarter, or by year for yearly-only data.
	p.quarters = res.Periods(res.Finest())
	if len(p.quarters) == 0 {
		return nil, fmt.Errorf("no data to publish")
	}
	p.latest = p.quarters[len(p.quarters)-1]
	p.cal = calendar.New(ds.Observations)
	p.reports = p.cal.Reports()
	p.bd = &breakdown.Page{Set: cfg.Breakdowns, Lang: lang, Words: breakdown.WordsFrom(tr.Get), Value: p.value,
		Change: func(ind *dataset.Indicator, c indicator.Change) string { return p.change(ind, c).Text }, Period: p.f.Period, Bar: p.charts.Bar,
		Format: p.fig, NoData: p.f.NoData(), Note: p.notes.Add, Word: tr.Get}
	return p, nil
}

// pages makes every generated page of the language, one at a time, and
// hands each to emit, followed by the embed pages of its charts.
func (p *pager) pages(emit func(page) error) error {
	seen := map[string]bool{}
	put := func(pg page, err error) error {
		if err != nil {
			return err
		}
		if err := emit(pg); err != nil {
			return err
		}
		for _, e := range p.embedPages(pg, seen) {
			if err := emit(e); err != nil {
				return err
			}
		}
		return nil
	}
	if err := put(p.home()); err != nil {
		return err
	}
	for _, pg := range []page{p.indicatorList(), p.unitList(), p.reportList(), p.searchPage()} {
		if err := put(pg, nil); err != nil {
			return err
		}
	}
	for i := range p.ds.Catalogue.Indicators {
		if err := put(p.indicatorPage(&p.ds.Catalogue.Indicators[i])); err != nil {
			return err
		}
	}
	for i := range p.ds.Units {
		if err := put(p.unitPage(&p.ds.Units[i])); err != nil {
			return err
		}
	}
	for _, q := range p.reports {
		if err := put(p.reportPage(q)); err != nil {
			return err
		}
	}
	if err := put(p.dataPage(), nil); err != nil {
		return err
	}
	return p.html.Words.Err()
}

// body writes a page's HTML body with the pager's writer.
func (p *pager) body(write func(w *view.Writer)) string {
	p.html.Reset()
	write(p.html)
	return p.html.String()
}

// ---- formatting ------------------------------------------------------------

// value formats an indicator value, or says there is no data; a value of
// fewer parts than its period has (a year of one quarter) says so.
func (p *pager) value(ind *dataset.Indicator, v indicator.Value) string {
	switch {
	case !v.OK:
		return p.f.NoData()
	case v.Partial:
		return p.number(ind, v.Value) + " " + p.w.Partial
	}
	return p.number(ind, v.Value)
}

// valueCell is the table cell of value v: its figure, marks and footnote.
func (p *pager) valueCell(ind *dataset.Indicator, v indicator.Value) view.Cell {
	return view.Cell{Text: p.value(ind, v), Num: true, Status: v.Status, Note: p.notes.Add(v.Status, v.Note)}
}

// fig is how ind's figures and changes are written (package figure).
func (p *pager) fig(ind *dataset.Indicator) figure.Format { return p.figs.Of(ind) }

// number formats a figure of an indicator with its unit.
func (p *pager) number(ind *dataset.Indicator, x float64) string { return p.fig(ind).Value(x) }

// plain formats a figure without its unit, for chart labels.
func (p *pager) plain(ind *dataset.Indicator) func(float64) string { return p.fig(ind).Number }

// change formats a comparison of ind's figures, with its verdict in words.
func (p *pager) change(ind *dataset.Indicator, c indicator.Change) view.Change {
	if !c.OK {
		label := p.w.NoComparison
		if c.Break {
			label = p.html.Words.Get("break_no_change")
		}
		return view.Change{Text: p.f.NoData(), Verdict: "none", Label: label}
	}
	text := p.fig(ind).Change(c.Delta)
	label := p.w.Since + " " + p.f.Period(c.From)
	if c.Reconstructed { // a change across a boundary change: on the later boundaries
		label += " " + p.html.Words.Get("on_rebuilt_base")
	}
	var verdict string
	switch c.Verdict {
	case indicator.Better:
		verdict = p.w.Better
	case indicator.Worse:
		verdict = p.w.Worse
	case indicator.Same:
		verdict = p.w.Same
	}
	if verdict != "" {
		label += " (" + verdict + ")"
	}
	return view.Change{Text: text, Verdict: c.Verdict.String(), Label: label}
}

// target formats a value's target and status.
func (p *pager) target(ind *dataset.Indicator, v indicator.Value) (target, status, statusText string) {
	if ind.Target == nil {
		return "", "", ""
	}
	dl, _ := period.Parse(ind.Target.Deadline)
	target = fmt.Sprintf(p.w.TargetBy, p.number(ind, ind.Target.Value), p.f.Period(dl))
	if v.Target == nil {
		return target, "", ""
	}
	if v.Target.Status == indicator.Achieved {
		return target, "achieved", p.w.Achieved
	}
	gap := p.fig(ind).Difference(v.Target.Gap)
	if v.Target.Status == indicator.OnTrack {
		return target, "on_track", fmt.Sprintf(p.w.GapLeft, p.w.OnTrack, gap)
	}
	return target, "behind", fmt.Sprintf(p.w.GapLeft, p.w.Behind, gap)
}

func verdictClass(c indicator.Change) string {
	if !c.OK {
		return ""
	}
	return c.Verdict.String()
}

// ---- URLs ------------------------------------------------------------------

func indicatorURL(id string) string { return "indicators/" + id + "/" }
func unitURL(code string) string    { return "units/" + code + "/" }
func reportURL(q period.Period) string {
	return "reports/" + q.Slug() + "/"
}

// chartID makes a chart id from parts that are already slugs or ids.
func chartID(parts ...string) string {
	return strings.ReplaceAll(strings.Join(parts, "-"), "_", "-")
}

// ---- charts ----------------------------------------------------------------

// trendChart draws the trend of one or more indicators for a unit.
//
// It covers the published periods of upTo's kind up to and including upTo.
func (p *pager) trendChart(id, title string, unit *dataset.Unit, inds []*dataset.Indicator, withTarget bool, upTo period.Period) (view.Chart, error) {
	quarters := p.quartersUpTo(upTo)
	cats := make([]string, len(quarters))
	for i, q := range quarters {
		cats[i] = p.f.PeriodShort(q)
	}
	first := inds[0]
	tbl := view.Table{Caption: title, Head: []string{p.w.Period}, Numeric: []bool{false}}
	series := []chart.Series(nil)
	var rebuilt []*dataset.Indicator // those with values rebuilt on today's boundaries
	var hollow mark.Status           // the statuses of the points drawn hollow
	rows := make([][]view.Cell, len(quarters))
	for i, q := range quarters {
		rows[i] = []view.Cell{{Text: p.f.Period(q), Head: true}}
	}
	for k, ind := range inds {
		vals := p.res.Series(ind.ID, unit.Code, upTo.Kind)[:len(quarters)]
		// One line for each indicator, on the unit's boundaries today:
		// before a merger, the values rebuilt from the units it took over,
		// which the table marks * beside the figure published then. A
		// figure with a status (estimated, provisional…) is a hollow
		// point, and its cell carries the status's mark.
		s := chart.Series{Name: ind.Name.Get(p.lang), Values: make([]float64, len(quarters)), Dashed: k%2 == 1,
			Hollow: make([]bool, len(quarters))}
		was := false
		intervals := slices.ContainsFunc(vals, func(v indicator.Value) bool { return v.Interval != nil || v.N > 0 })
		if intervals { // drawn through the points they bound
			s.Lower, s.Upper = make([]float64, len(quarters)), make([]float64, len(quarters))
		}
		for i := range quarters {
			s.Values[i] = math.NaN()
			text, own := p.value(ind, vals[i]), false
			switch m := p.res.Merged(ind.ID, unit.Code, quarters[i]); {
			case m.OK: // a figure rebuilt on today's boundaries: the interval was the published one's
				s.Values[i], text, was = m.Value, text+" ("+p.value(ind, m)+" *)", true
			case vals[i].OK:
				s.Values[i], own = vals[i].Value, true
				if vals[i].Reconstructed {
					text, was = text+" *", true
				}
			}
			if s.Lower != nil {
				s.Lower[i], s.Upper[i] = math.NaN(), math.NaN()
				if iv := vals[i].Interval; iv != nil && own {
					s.Lower[i], s.Upper[i] = iv.Lower, iv.Upper
				}
			}
			if st := vals[i].Status.Carried(); st != 0 && !math.IsNaN(s.Values[i]) {
				s.Hollow[i], hollow = true, hollow|st
			}
			vc := p.valueCell(ind, vals[i])
			vc.Text = text
			rows[i] = append(rows[i], vc)
			if intervals { // as in the ranking: a column of its own
				rows[i] = append(rows[i], view.Cell{Text: annot.Interval(p.f, vals[i].Interval, vals[i].N), Num: true})
			}
		}
		if was {
			rebuilt = append(rebuilt, ind)
		}
		series = append(series, s)
		tbl.Head = append(tbl.Head, ind.Name.Get(p.lang))
		tbl.Numeric = append(tbl.Numeric, true)
		if intervals {
			head := p.html.Words.Get("col_interval")
			if len(inds) > 1 {
				head = ind.Name.Get(p.lang) + ": " + head
			}
			tbl.Head, tbl.Numeric = append(tbl.Head, head), append(tbl.Numeric, true)
		}
	}
	tbl.Rows = rows
	line := chart.Line{
		ID: id, Title: title, Categories: cats, Series: series,
		Unit: p.fig(first).Unit, Decimals: p.fig(first).Decimals, Format: p.plain(first), NoData: p.f.NoData(),
	}
	if withTarget && first.Target != nil {
		t := first.Target.Value
		line.Target = &t
		line.TargetLabel = p.w.TargetCol
	}
	c, err := p.charts.Line(line)
	if err != nil {
		return view.Chart{}, fmt.Errorf("chart %s: %w", id, err)
	}
	cv := view.Chart{ID: c.ID, Title: title, Option: string(c.Option), SVG: c.SVG, Width: c.Width, Height: c.Height,
		Summary: p.trendSummary(unit, inds, quarters), Table: tbl}
	if h := annot.Hollow(p.html.Words.Get, hollow); h != "" {
		cv.Summary += " " + h
	}
	if len(rebuilt) > 0 { // the note, under the chart and in its summary
		cv.Summary += " " + p.rebuiltNote(unit, rebuilt)
	}
	return cv, nil
}

// rebuiltNote says that a trend shows unit on its boundaries today, which
// units its earlier values are rebuilt from and how (annot.Rebuilt), for
// the indicators rebuilt.
func (p *pager) rebuiltNote(unit *dataset.Unit, rebuilt []*dataset.Indicator) string {
	var names []string
	for _, u := range p.ds.Predecessors(unit.Code) {
		names = append(names, u.NameIn(p.lang))
	}
	how := annot.Rebuilt(p.html.Words.Get, rebuilt, &p.ds.Catalogue, p.lang)
	return fmt.Sprintf(p.html.Words.Get("rebuilt_note"), unit.NameIn(p.lang), strings.Join(names, ", "), how)
}

// quartersUpTo returns the published periods of q's kind (the site's
// quarters, or an indicator's months or years) up to and including q.
func (p *pager) quartersUpTo(q period.Period) []period.Period {
	ps := p.quarters
	if q.Kind != p.latest.Kind {
		ps = p.res.Periods(q.Kind)
	}
	n := 0
	for n < len(ps) && period.Compare(ps[n], q) <= 0 {
		n++
	}
	return ps[:n]
}

// latestOf returns the period to show indicator ind at for unit u: its own
// latest on the site, at its finest frequency (Result.LatestOf), or the
// unit's own latest for a unit that did not exist then; else the site's.
func (p *pager) latestOf(ind *dataset.Indicator, u *dataset.Unit) period.Period {
	at := p.res.LatestOf(ind.ID, p.top.Code)
	if !at.IsZero() && !u.Covers(at) {
		at = p.res.LatestOf(ind.ID, u.Code)
	}
	if at.IsZero() {
		return p.latest
	}
	return at
}

// trendSummary says in one sentence what a trend chart shows.
func (p *pager) trendSummary(unit *dataset.Unit, inds []*dataset.Indicator, quarters []period.Period) string {
	last := quarters[len(quarters)-1]
	var parts []string
	for _, ind := range inds {
		v := p.res.Value(ind.ID, unit.Code, last)
		s := ind.Name.Get(p.lang) + ": " + p.value(ind, v)
		if v.OK && v.Prev.OK {
			c := p.change(ind, v.Prev)
			s += " (" + c.Text + " " + c.Label + ")"
		}
		parts = append(parts, s)
	}
	return fmt.Sprintf("%s %s, %s %s %s %s. %s %s — %s.",
		p.w.TrendOf, unit.NameIn(p.lang), p.w.From, p.f.Period(quarters[0]), p.w.To, p.f.Period(last),
		locale.Capitalize(p.w.Latest), p.f.Period(last), strings.Join(parts, "; "))
}
