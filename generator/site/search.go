package site

import "minhbach/generator/searchindex"

// searchIndex is the search index of the language (package searchindex).
func (p *pager) searchIndex() ([]byte, error) {
	return searchindex.Build(p.ds, searchindex.Site{Lang: p.lang, IndicatorWord: p.word("indicator"), ReportWord: p.word("report"),
		Periods: p.reports, PeriodName: p.f.Period, IndicatorURL: indicatorURL, UnitURL: unitURL, ReportURL: reportURL})
}
