package site

import (
	"slices"

	"minhbach/generator/search"
)

// searchIndex lists the indicators (with their breakdowns' words), units
// and reports of the language (see package search).
func (p *pager) searchIndex() ([]byte, error) {
	var x search.Index
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		words := search.Words(&p.ds.Catalogue, ind.Numerator, ind.Denominator, ind.Measure)
		x.Add(ind.Name.Get(p.lang), p.word("indicator"), indicatorURL(ind.ID), slices.Concat([]string{ind.ID, ind.Name.VI, ind.Name.EN}, words)...)
	}
	for i := range p.ds.Units {
		u := &p.ds.Units[i]
		x.Add(u.NameIn(p.lang), p.ds.Catalogue.LevelName(u.Type, p.lang), unitURL(u.Code), u.Code)
	}
	for _, q := range p.reports {
		x.Add(p.f.Period(q), p.word("report"), reportURL(q), q.String())
	}
	return x.JSON()
}
