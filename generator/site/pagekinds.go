package site

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"minhbach/generator/chart"
	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	"minhbach/generator/indicator"
	"minhbach/generator/mark"
	"minhbach/generator/period"
	"minhbach/generator/site/annot"
	"minhbach/generator/site/view"
)

// headline returns the catalogue's headline indicators, and of them the
// rates in percent, which share a chart.
func (p *pager) headline() (all, rates []*dataset.Indicator) {
	return p.headlines, p.headlineRates
}

// findHeadline returns the catalogue's headline indicators, and of them the
// rates in percent (not the ratios per a base, of another unit), for
// newPager to keep.
func findHeadline(c *dataset.Catalogue, figs *figure.Formats) (all, rates []*dataset.Indicator) {
	for i := range c.Indicators {
		ind := &c.Indicators[i]
		if !ind.Headline {
			continue
		}
		all = append(all, ind)
		if figs.Of(ind).Kind == figure.Percent {
			rates = append(rates, ind)
		}
	}
	return all, rates
}

func (p *pager) home() (page, error) {
	all, rates := p.headline()
	p.notes.Start()
	defer p.notes.Stop()
	params := view.Home{Province: p.top.NameIn(p.lang), Period: p.f.Period(p.latest)}
	if len(p.reports) > 0 {
		params.Report = view.Link{Text: p.f.Period(p.reports[0]), URL: reportURL(p.reports[0])}
	}
	for _, ind := range all {
		// Each indicator at its own latest period, which the card names.
		at := p.latestOf(ind, p.top)
		v := p.res.Value(ind.ID, p.top.Code, at)
		c := view.Card{ID: ind.ID, Name: ind.Name.Get(p.lang), URL: indicatorURL(ind.ID), Value: p.value(ind, v),
			Period: p.f.Period(at), Prev: p.change(ind, v.Prev), Marks: p.valueCell(ind, v)}
		c.Target, c.Status, c.StatusText = p.target(ind, v)
		params.Cards = append(params.Cards, c)
	}
	if len(rates) > 0 {
		cv, err := p.trendChart(chartID("rates-trend", p.top.Code), p.w.Rates+" — "+p.top.NameIn(p.lang), p.top, rates, false, p.latest)
		if err != nil {
			return page{}, err
		}
		params.Charts = append(params.Charts, cv)
	}
	return page{Path: "_index",
		FM:     frontMatter{Title: p.top.NameIn(p.lang), Params: pageParams{Kind: "home", Charts: len(params.Charts) > 0}},
		Body:   p.body(func(w *view.Writer) { w.HomeBody(&params); p.notes.End(w) }),
		Charts: params.Charts}, nil
}

func (p *pager) indicatorPage(ind *dataset.Indicator) (page, error) {
	desc, err := p.md.Render(ind.Description.Get(p.lang))
	if err != nil {
		return page{}, err
	}
	// The indicator at its own latest period and frequency; a year has no
	// "year earlier" beside its previous period.
	at := p.latestOf(ind, p.top)
	v := p.res.Value(ind.ID, p.top.Code, at)
	p.notes.Start()
	defer p.notes.Stop()
	params := view.Indicator{ID: ind.ID, Description: desc, Period: p.f.Period(at),
		Value: p.value(ind, v), Prev: p.change(ind, v.Prev), YearAgo: p.change(ind, v.YearAgo), Yearly: at.Kind == period.Year,
		LastYear:      p.change(ind, p.res.Compare(ind.ID, p.top.Code, at, period.Y(at.Year-1))),
		LastYearLabel: fmt.Sprintf(p.w.VsYear, at.Year-1)}
	params.Marks = p.valueCell(ind, v)
	params.Statements = p.statements(ind)
	params.Target, params.Status, params.StatusText = p.target(ind, v)
	if ind.Target != nil {
		params.Source = ind.Target.Source.Get(p.lang)
	}
	name := ind.Name.Get(p.lang)
	trend, err := p.trendChart(chartID(ind.ID, "trend", p.top.Code), name+" — "+p.top.NameIn(p.lang), p.top, []*dataset.Indicator{ind}, true, at)
	if err != nil {
		return page{}, err
	}
	params.Charts = append(params.Charts, trend)
	// The territorial units are ranked unless only other levels have data.
	apart := p.res.Apart(p.top.Code)
	if ranked := p.res.Ranking(ind.ID, p.top.Code, at); len(apart) == 0 || slices.ContainsFunc(ranked, func(v indicator.Value) bool { return v.OK }) {
		rank, tbl, err := p.rankingChart(ind, at, "", ranked)
		if err != nil {
			return page{}, err
		}
		params.Charts = append(params.Charts, rank)
		params.Ranking = tbl
	}
	maps, err := p.mapCharts(ind, nil)
	if err != nil {
		return page{}, err
	}
	params.Charts = append(params.Charts, maps...)
	// Each non-territorial level (the departments) is ranked apart, when
	// any of its units has the indicator.
	for _, level := range apart {
		ranked := p.res.RankingOf(ind.ID, p.top.Code, level, at)
		if !slices.ContainsFunc(ranked, func(v indicator.Value) bool { return v.OK }) {
			continue
		}
		rank, _, err := p.rankingChart(ind, at, level, ranked)
		if err != nil {
			return page{}, err
		}
		params.Charts = append(params.Charts, rank)
	}
	if params.Breakdowns, err = p.bd.Section(ind, p.top, at); err != nil {
		return page{}, err
	}
	return page{Path: "indicators/" + ind.ID, FM: frontMatter{
		Title:       name,
		Description: fmt.Sprintf("%s — %s, %s: %s", name, p.top.NameIn(p.lang), params.Period, params.Value),
		Params:      pageParams{Kind: "indicator", Charts: true, Maps: hasMap(params.Charts)},
	}, Body: p.body(func(w *view.Writer) {
		w.IndicatorBody(name, &params)
		p.notes.End(w)
		annot.Metadata(w, ind.Metadata, p.lang, p.f)
	}), Charts: params.Charts}, nil
}

// rankingChart draws ranked, the ranking of the top unit's territorial
// children for a period, or of its children of a non-territorial level
// (Result.RankingOf), as a bar chart and as a table.
func (p *pager) rankingChart(ind *dataset.Indicator, q period.Period, level dataset.UnitType, ranked []indicator.Value) (view.Chart, view.Table, error) {
	name := ind.Name.Get(p.lang)
	title := fmt.Sprintf("%s %s — %s", p.w.RankingIn, p.f.Period(q), name)
	id := chartID(ind.ID, "ranking", q.Slug())
	if l, ok := p.ds.Catalogue.Level(level); ok {
		title += " — " + l.Plural.Get(p.lang)
		id = chartID(ind.ID, "ranking", string(level), q.Slug())
	}
	tbl := view.Table{Caption: title,
		Head:    []string{p.w.Rank, p.w.Unit, p.w.Value, p.w.VsPrev, p.whole},
		Numeric: []bool{true, false, true, true, false}}
	intervals := slices.ContainsFunc(ranked, func(v indicator.Value) bool { return v.Interval != nil || v.N > 0 })
	if intervals {
		tbl.Head = slices.Insert(tbl.Head, 3, p.html.Words.Get("col_interval"))
		tbl.Numeric = slices.Insert(tbl.Numeric, 3, true)
	}
	bar := chart.Bar{ID: id, Title: title, Highlight: -1,
		Unit: p.fig(ind).Unit, Decimals: p.fig(ind).Decimals, Format: p.plain(ind), NoData: p.f.NoData()}
	top := p.res.Value(ind.ID, p.top.Code, q)
	if top.OK {
		ref := top.Value
		bar.Reference = &ref
		bar.ReferenceLabel = p.whole
	}
	for _, v := range ranked {
		u, _ := p.unit(v.Unit)
		bar.Categories = append(bar.Categories, u.NameIn(p.lang))
		x := math.NaN()
		if v.OK {
			x = v.Value
		}
		bar.Values = append(bar.Values, x)
		if intervals {
			lo, hi := annot.Bounds(v.Interval)
			bar.Lower, bar.Upper = append(bar.Lower, lo), append(bar.Upper, hi)
		}
		rank := "—"
		if v.Rank > 0 {
			rank = fmt.Sprintf("%d", v.Rank)
		}
		vs := ""
		switch v.VsParent {
		case 1:
			vs = p.w.Above
		case -1:
			vs = p.w.Below
		}
		row := []view.Cell{
			{Text: rank, Num: true},
			{Text: u.NameIn(p.lang), URL: unitURL(u.Code), Head: true},
			p.valueCell(ind, v),
			{Text: p.change(ind, v.Prev).Text, Num: true, Class: verdictClass(v.Prev)},
			{Text: vs},
		}
		if intervals {
			row = slices.Insert(row, 3, view.Cell{Text: annot.Interval(p.f, v.Interval, v.N), Num: true})
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	c, err := p.charts.Bar(bar)
	if err != nil {
		return view.Chart{}, view.Table{}, fmt.Errorf("chart %s: %w", bar.ID, err)
	}
	summary := p.rankingSummary(ind, ranked) + p.overlapNote(ranked)
	return view.Chart{ID: c.ID, Title: title, Summary: summary, Option: string(c.Option), SVG: c.SVG,
		Width: c.Width, Height: c.Height, Table: tbl}, tbl, nil
}

// statements say how the indicator rolls up and whether it is ranked.
func (p *pager) statements(ind *dataset.Indicator) []string {
	return annot.Statements(p.html.Words.Get, ind, &p.ds.Catalogue, p.lang)
}

// overlapNote says when the intervals of ranked values overlap.
func (p *pager) overlapNote(ranked []indicator.Value) string {
	var values []float64
	var ivs []*mark.Interval
	for _, v := range ranked {
		if v.OK {
			values, ivs = append(values, v.Value), append(ivs, v.Interval)
		}
	}
	return annot.Overlap(p.html.Words.Get, values, ivs)
}

// rankingSummary names the first and last ranked units.
func (p *pager) rankingSummary(ind *dataset.Indicator, ranked []indicator.Value) string {
	var ok []indicator.Value
	for _, v := range ranked {
		if v.OK {
			ok = append(ok, v)
		}
	}
	if len(ok) == 0 {
		return p.f.NoData()
	}
	first, last := ok[0], ok[len(ok)-1]
	fu, _ := p.unit(first.Unit)
	lu, _ := p.unit(last.Unit)
	return fmt.Sprintf("%s %s: %d. %s %s … %d. %s %s.", p.w.RankingIn, p.f.Period(first.Period),
		first.Rank, fu.NameIn(p.lang), p.value(ind, first), last.Rank, lu.NameIn(p.lang), p.value(ind, last))
}

func (p *pager) unitPage(u *dataset.Unit) (page, error) {
	params := view.Unit{Code: u.Code, TypeName: p.ds.Catalogue.LevelName(u.Type, p.lang)}
	p.notes.Start()
	defer p.notes.Stop()
	params.Geocode = u.Geocode
	if s, ok := p.unit(u.Successor); ok {
		y, m, d := u.ValidTo.End()
		next := time.Date(y, time.Month(m), d+1, 0, 0, 0, 0, time.UTC) // the day it merged
		params.Successor, params.Ended = view.Link{Text: s.NameIn(p.lang), URL: unitURL(s.Code)}, p.f.Date(next.Year(), int(next.Month()), next.Day())
	}
	for _, v := range p.ds.Predecessors(u.Code) {
		params.Predecessors = append(params.Predecessors, view.Link{Text: v.NameIn(p.lang), URL: unitURL(v.Code)})
	}
	parent, hasParent := p.unit(u.Parent)
	// The last column compares with the unit above: the province, or on a
	// national site the country for a province.
	above := p.whole
	if hasParent {
		params.Parent = view.Link{Text: parent.NameIn(p.lang), URL: unitURL(parent.Code)}
		above = parent.NameIn(p.lang)
	}
	// Each indicator at its own latest period, which its row names.
	tbl := view.Table{Caption: u.NameIn(p.lang),
		Head:    []string{p.w.Indicator, p.w.Period, p.w.Value, p.w.VsPrev, p.w.Rank, above},
		Numeric: []bool{false, false, true, true, true, true}}
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		at := p.latestOf(ind, u)
		v := p.res.Value(ind.ID, u.Code, at)
		rank := "—"
		if v.Rank > 0 {
			rank = fmt.Sprintf("%d/%d", v.Rank, v.RankOf)
		}
		prov := "—"
		if hasParent {
			prov = p.value(ind, p.res.Value(ind.ID, parent.Code, at))
		}
		tbl.Rows = append(tbl.Rows, []view.Cell{
			{Text: ind.Name.Get(p.lang), URL: indicatorURL(ind.ID), Head: true},
			{Text: p.f.Period(at)},
			p.valueCell(ind, v),
			{Text: p.change(ind, v.Prev).Text, Num: true, Class: verdictClass(v.Prev)},
			{Text: rank, Num: true},
			{Text: prov, Num: true},
		})
	}
	params.Summary = tbl
	_, rates := p.headline()
	if upTo := p.quartersUpTo(u.ValidTo); len(rates) > 0 {
		at := p.latest // a unit that ended: up to its own last period
		if !u.ValidTo.IsZero() && len(upTo) > 0 {
			at = upTo[len(upTo)-1]
		}
		// The trend of the rates the unit has a figure of: a department
		// that reports none of the portal's gets no lines of "no data",
		// and a unit with none at all no empty chart.
		if own := p.withData(rates, u, at); len(own) > 0 {
			cv, err := p.trendChart(chartID("rates-trend", u.Code), p.w.Rates+" — "+u.NameIn(p.lang), u, own, false, at)
			if err != nil {
				return page{}, err
			}
			params.Charts = append(params.Charts, cv)
		}
		maps, err := p.mapCharts(rates[0], u)
		if err != nil {
			return page{}, err
		}
		params.Charts = append(params.Charts, maps...)
	}
	title := u.NameIn(p.lang)
	// "Xã Gò Quao", but "Sở Y tế" for a unit whose name begins with its level's.
	if tn := p.ds.Catalogue.LevelName(u.Type, p.lang); tn != "" && p.lang == "vi" && !strings.HasPrefix(u.NameIn(p.lang), tn+" ") {
		title = tn + " " + u.NameIn(p.lang)
	} else if tn != "" && p.lang != "vi" {
		title = u.NameIn(p.lang) + " (" + tn + ")"
	}
	params.Children = p.unitTable(u.NameIn(p.lang), p.children[u.Code])
	var err error
	if params.Breakdowns, err = p.bd.Sections(p.ds.Catalogue.Indicators, u, func(ind *dataset.Indicator) period.Period { return p.latestOf(ind, u) }); err != nil {
		return page{}, err
	}
	return page{Path: "units/" + u.Code, FM: frontMatter{
		Title:       title,
		Description: fmt.Sprintf("%s — %s", title, p.f.Period(p.latest)),
		Params:      pageParams{Kind: "unit", Charts: len(params.Charts) > 0 || params.Breakdowns != "", Maps: hasMap(params.Charts)},
	}, Body: p.body(func(w *view.Writer) { w.UnitBody(title, &params); p.notes.End(w) }), Charts: params.Charts}, nil
}

func (p *pager) reportPage(q period.Period) (page, error) {
	p.notes.Start()
	defer p.notes.Stop()
	params := view.Report{Period: p.f.Period(q), PeriodSlug: q.Slug(), PDF: p.pdf, End: p.notes.End}
	var err error
	if params.Commentary, err = p.commentary(q); err != nil {
		return page{}, err
	}
	// A year's report compares with the previous year only; a quarter's
	// also with the same quarter and the whole year before.
	yearly := q.Kind == period.Year
	params.Summary = view.Table{Caption: p.f.Period(q), Head: []string{p.w.Indicator, p.w.Value, p.w.VsPrev}, Numeric: []bool{false, true, true}}
	if !yearly {
		params.Summary.Head = append(params.Summary.Head, p.w.VsYearAgo, fmt.Sprintf(p.w.VsYear, q.Year-1))
		params.Summary.Numeric = append(params.Summary.Numeric, true, true)
	}
	params.Summary.Head = append(params.Summary.Head, p.w.TargetCol, p.w.Score)
	params.Summary.Numeric = append(params.Summary.Numeric, false, true)
	type moved struct {
		text  string
		delta float64
	}
	var improved, fell []moved
	params.Gaps = p.bd.GapsSection(p.ds.Catalogue.Indicators, p.top.Code, q)
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		v := p.res.Value(ind.ID, p.top.Code, q)
		lastYear := p.res.Compare(ind.ID, p.top.Code, q, period.Y(q.Year-1))
		target, status, statusText := p.target(ind, v)
		if statusText != "" {
			target += " — " + statusText
		}
		score := ""
		if v.Score != nil && ind.Score != nil {
			score = p.f.Number(*v.Score, 2) + "/" + p.f.Number(ind.Score.Points, 0)
		}
		row := []view.Cell{
			{Text: ind.Name.Get(p.lang), URL: indicatorURL(ind.ID), Head: true},
			p.valueCell(ind, v),
			{Text: p.change(ind, v.Prev).Text, Num: true, Class: verdictClass(v.Prev)},
		}
		if !yearly {
			row = append(row, view.Cell{Text: p.change(ind, v.YearAgo).Text, Num: true, Class: verdictClass(v.YearAgo)},
				view.Cell{Text: p.change(ind, lastYear).Text, Num: true, Class: verdictClass(lastYear)})
		}
		params.Summary.Rows = append(params.Summary.Rows, append(row,
			view.Cell{Text: target, Class: strings.TrimSpace("prose " + status)}, view.Cell{Text: score, Num: true}))
		if v.Prev.OK {
			c := p.change(ind, v.Prev)
			m := moved{text: ind.Name.Get(p.lang) + ": " + c.Text + " " + c.Label, delta: math.Abs(v.Prev.Delta)}
			switch v.Prev.Verdict {
			case indicator.Better:
				improved = append(improved, m)
			case indicator.Worse:
				fell = append(fell, m)
			}
		}
	}
	byDelta := func(a, b moved) int { return cmp.Compare(b.delta, a.delta) }
	slices.SortStableFunc(improved, byDelta)
	slices.SortStableFunc(fell, byDelta)
	for _, m := range improved {
		params.Improved = append(params.Improved, m.text)
	}
	for _, m := range fell {
		params.Fell = append(params.Fell, m.text)
	}
	all, rates := p.headline()
	// A year's trend is the site's quarters up to its end, when it has any.
	upTo := q
	if yq := period.Q(q.Year, 4); yearly && p.latest.Kind == period.Quarter && len(p.quartersUpTo(yq)) > 0 {
		upTo = yq
	}
	if len(rates) > 0 {
		cv, err := p.trendChart(chartID("report", q.Slug(), "rates", p.top.Code), p.w.Rates+" — "+p.top.NameIn(p.lang), p.top, rates, false, upTo)
		if err != nil {
			return page{}, err
		}
		params.Charts = append(params.Charts, cv)
	}
	for _, ind := range all {
		if ind.Direction == dataset.Neutral {
			continue
		}
		params.Lagging = append(params.Lagging, p.extremes(ind, q, false))
		params.Leading = append(params.Leading, p.extremes(ind, q, true))
	}
	comp := p.res.Completeness(q)
	params.Completeness = p.f.Percent(comp.Share, 1)
	for _, code := range comp.Silent {
		u, _ := p.unit(code)
		params.Silent = append(params.Silent, view.Link{Text: u.NameIn(p.lang), URL: unitURL(code)})
	}
	params.Scores = view.Table{Caption: p.w.Score + " — " + p.top.NameIn(p.lang) + ", " + p.f.Period(q),
		Head: []string{p.w.Group, p.w.Points}, Numeric: []bool{false, true}}
	for _, gs := range p.res.Scores(p.top.Code, q) {
		name := gs.Group
		for _, g := range p.ds.Catalogue.ScoreGroups {
			if g.ID == gs.Group {
				name = g.Name.Get(p.lang)
			}
		}
		params.Scores.Rows = append(params.Scores.Rows, []view.Cell{{Text: name, Head: true},
			{Text: p.f.Number(gs.Points, 2) + "/" + p.f.Number(gs.Max, 0), Num: true}})
	}
	title := p.f.Period(q)
	y, m, d := q.End()
	return page{Path: "reports/" + q.Slug(), FM: frontMatter{
		Title:       title,
		Date:        fmt.Sprintf("%04d-%02d-%02d", y, m, d),
		Description: p.reportSummary(q),
		Weight:      -(q.Year*10 + cmp.Or(q.N, 5)), // the latest first, a year before its last quarter
		Params:      pageParams{Kind: "report", Charts: len(params.Charts) > 0, PeriodSlug: q.Slug()},
	}, Body: p.body(func(w *view.Writer) { w.ReportBody(&params) }), Charts: params.Charts}, nil
}

// extremes lists the ten leading (or lagging) units of an indicator in a
// period, best (or worst) first.
func (p *pager) extremes(ind *dataset.Indicator, q period.Period, leading bool) view.Table {
	units, caption := p.res.Lagging(ind.ID, p.top.Code, q, 10), p.w.Lagging
	if leading {
		units, caption = p.res.Leading(ind.ID, p.top.Code, q, 10), p.w.Leading
	}
	tbl := view.Table{Caption: caption + " — " + ind.Name.Get(p.lang), Head: []string{p.w.Rank, p.w.Unit, p.w.Value},
		Numeric: []bool{true, false, true}}
	for _, v := range units {
		u, _ := p.unit(v.Unit)
		tbl.Rows = append(tbl.Rows, []view.Cell{{Text: fmt.Sprintf("%d", v.Rank), Num: true},
			{Text: u.NameIn(p.lang), URL: unitURL(u.Code), Head: true}, p.valueCell(ind, v)})
	}
	return tbl
}

func (p *pager) indicatorList() page {
	tbl := view.Table{Caption: p.top.NameIn(p.lang),
		Head: []string{p.w.Indicator, p.w.Period, p.w.Value, p.w.VsPrev}, Numeric: []bool{false, false, true, true}}
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		at := p.latestOf(ind, p.top)
		v := p.res.Value(ind.ID, p.top.Code, at)
		tbl.Rows = append(tbl.Rows, []view.Cell{{Text: ind.Name.Get(p.lang), URL: indicatorURL(ind.ID), Head: true},
			{Text: p.f.Period(at)}, {Text: p.value(ind, v), Num: true}, {Text: p.change(ind, v.Prev).Text, Num: true, Class: verdictClass(v.Prev)}})
	}
	return p.listPage("indicators", nil, nil, tbl)
}

func (p *pager) unitList() page {
	return p.listPage("units", nil, nil, p.unitTable(p.top.NameIn(p.lang), p.unitRefs()))
}

// unitRefs returns every unit, in the order of units.csv.
func (p *pager) unitRefs() []*dataset.Unit {
	units := make([]*dataset.Unit, len(p.ds.Units))
	for i := range p.ds.Units {
		units[i] = &p.ds.Units[i]
	}
	return units
}

// unitTable lists units with their type and headline rates, each in its
// latest period, which its column names: the list of all units, and on a
// unit's page the units below it.
func (p *pager) unitTable(caption string, units []*dataset.Unit) view.Table {
	_, rates := p.headline()
	tbl := view.Table{Caption: caption, Head: []string{p.w.Unit, p.w.Type}, Numeric: []bool{false, false}}
	at := make([]period.Period, len(rates))
	for i, ind := range rates {
		at[i] = p.latestOf(ind, p.top)
		tbl.Head = append(tbl.Head, ind.Name.Get(p.lang)+", "+p.f.Period(at[i]))
		tbl.Numeric = append(tbl.Numeric, true)
	}
	for _, u := range units {
		row := []view.Cell{{Text: u.NameIn(p.lang), URL: unitURL(u.Code), Head: true}, {Text: p.ds.Catalogue.LevelName(u.Type, p.lang)}}
		for i, ind := range rates {
			row = append(row, view.Cell{Text: p.value(ind, p.res.Value(ind.ID, u.Code, at[i])), Num: true})
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	return tbl
}

// reportList lists the reports, the latest first, after a note on each
// period whose data is not complete yet, which gets its report once it is.
func (p *pager) reportList() page {
	tbl := view.Table{Caption: p.top.NameIn(p.lang), Head: []string{p.w.Period}, Numeric: []bool{false}}
	for _, q := range p.reports {
		tbl.Rows = append(tbl.Rows, []view.Cell{{Text: p.f.Period(q), URL: reportURL(q), Head: true}})
	}
	var notes []string
	for _, ip := range p.cal.InProgress() {
		first, last := cmp.Or(ip.First, ip.Period), cmp.Or(ip.Last, ip.Period)
		notes = append(notes, fmt.Sprintf(p.w.InProgress, p.f.Period(ip.Period), p.f.Period(first), p.f.Period(last)))
	}
	return p.listPage("reports", []string{"html", "atom"}, notes, tbl)
}

// listPage is the page of a section: its notes, and its table of what it holds.
func (p *pager) listPage(section string, outputs, notes []string, tbl view.Table) page {
	return page{Path: section + "/_index", FM: frontMatter{Title: p.word(section), Outputs: outputs,
		Params: pageParams{Kind: "list"}}, Body: p.body(func(w *view.Writer) {
		for _, n := range notes {
			w.TextIn(`<p class="in-progress">`, n, `</p>`)
		}
		w.Table(&tbl)
	})}
}

// word names the site's sections and kinds of page (section_<name> in
// the interface strings).
func (p *pager) word(section string) string { return p.html.Words.Get("section_" + section) }

// reportSummary sums a report up in one sentence: the headline figures of
// the quarter. It is the report's description and its feed summary.
func (p *pager) reportSummary(q period.Period) string {
	all, _ := p.headline()
	var parts []string
	for _, ind := range all {
		v := p.res.Value(ind.ID, p.top.Code, q)
		parts = append(parts, ind.Name.Get(p.lang)+": "+p.value(ind, v))
	}
	return p.top.NameIn(p.lang) + ", " + p.f.Period(q) + " — " + strings.Join(parts, "; ") + "."
}

// withData returns the indicators of inds that unit has a figure of, its
// own or rebuilt on its boundaries today, in a period up to upTo.
func (p *pager) withData(inds []*dataset.Indicator, unit *dataset.Unit, upTo period.Period) []*dataset.Indicator {
	var out []*dataset.Indicator
	ps := p.quartersUpTo(upTo)
	for _, ind := range inds {
		vals := p.res.Series(ind.ID, unit.Code, upTo.Kind)[:len(ps)]
		if slices.ContainsFunc(vals, func(v indicator.Value) bool { return v.OK }) ||
			slices.ContainsFunc(ps, func(q period.Period) bool { return p.res.Merged(ind.ID, unit.Code, q).OK }) {
			out = append(out, ind)
		}
	}
	return out
}
