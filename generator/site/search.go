package site

import (
	"encoding/json"
	"strings"

	"minhbach/generator/dataset"
)

// The search index: one small JSON file per language, built with the site
// and served by it (/search/index.json, /en/search/index.json), so search
// works on any static host, with no outside service. Each entry carries its
// text folded by dataset.Fold, the way the search script folds the query — lower case,
// without diacritics, đ as d — so "go quao" finds "Gò Quao".

// searchEntry is one thing search can find.
type searchEntry struct {
	Title string `json:"t"`
	// Kind is what the entry is, in the page's language ("Xã", "Chỉ số"…).
	Kind string `json:"k"`
	URL  string `json:"u"`
	// Key is the folded text the query is matched against.
	Key string `json:"f"`
}

// searchIndex lists the indicators, units and reports of the language.
func (p *pager) searchIndex() ([]byte, error) {
	var entries []searchEntry
	add := func(title, kind, url string, extra ...string) {
		key := dataset.Fold(strings.Join(append([]string{title, kind}, extra...), " "))
		entries = append(entries, searchEntry{Title: title, Kind: kind, URL: url, Key: key})
	}
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		add(ind.Name.Get(p.lang), p.word("indicator"), indicatorURL(ind.ID), ind.ID, ind.Name.VI, ind.Name.EN)
	}
	for i := range p.ds.Units {
		u := &p.ds.Units[i]
		add(u.NameIn(p.lang), p.ds.Catalogue.LevelName(u.Type, p.lang), unitURL(u.Code), u.Code)
	}
	for _, q := range p.reports {
		add(p.f.Period(q), p.word("report"), reportURL(q), q.String())
	}
	return json.Marshal(entries)
}
