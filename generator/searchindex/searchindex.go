// Package searchindex builds the site's search index: one small JSON file
// per language, built with the site and served by it (/search/index.json,
// /en/search/index.json), so search works on any static host, with no
// outside service. Each entry carries its text folded by dataset.Fold, the
// way the search script folds the query — lower case, without diacritics,
// đ as d — so "go quao" finds "Gò Quao", and "toan trinh" an indicator
// broken down by that value.
package searchindex

import (
	"encoding/json"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// Entry is one thing search can find.
type Entry struct {
	Title string `json:"t"`
	// Kind is what the entry is, in the page's language ("Xã", "Chỉ số"…).
	Kind string `json:"k"`
	URL  string `json:"u"`
	// Key is the folded text the query is matched against.
	Key string `json:"f"`
}

// Site is what the index needs of the pages of one language: the words
// that name indicators and reports, how periods are named, and the
// site-relative paths of the pages.
type Site struct {
	Lang                      string
	IndicatorWord, ReportWord string
	Periods                   []period.Period
	PeriodName                func(period.Period) string
	IndicatorURL, UnitURL     func(string) string
	ReportURL                 func(period.Period) string
}

// Build lists the indicators, units and reports of the language.
func Build(ds *dataset.Dataset, s Site) ([]byte, error) {
	var entries []Entry
	add := func(title, kind, url string, extra ...string) {
		key := dataset.Fold(strings.Join(append([]string{title, kind}, extra...), " "))
		entries = append(entries, Entry{Title: title, Kind: kind, URL: url, Key: key})
	}
	for i := range ds.Catalogue.Indicators {
		ind := &ds.Catalogue.Indicators[i]
		add(ind.Name.Get(s.Lang), s.IndicatorWord, s.IndicatorURL(ind.ID),
			append([]string{ind.ID, ind.Name.VI, ind.Name.EN}, Words(&ds.Catalogue, ind.Numerator, ind.Denominator, ind.Measure)...)...)
	}
	for i := range ds.Units {
		u := &ds.Units[i]
		add(u.NameIn(s.Lang), ds.Catalogue.LevelName(u.Type, s.Lang), s.UnitURL(u.Code), u.Code)
	}
	for _, q := range s.Periods {
		add(s.PeriodName(q), s.ReportWord, s.ReportURL(q), q.String())
	}
	return json.Marshal(entries)
}

// Words lists an indicator's breakdowns for its entry: each dimension's id
// and name, and its values' ids and names, in both languages.
func Words(cat *dataset.Catalogue, measures ...string) []string {
	var out []string
	for _, id := range measures {
		m, ok := cat.Measure(id)
		if !ok {
			continue
		}
		for _, d := range m.Dimensions {
			dim, ok := cat.Dimension(d)
			if !ok {
				continue
			}
			out = append(out, dim.ID, dim.Name.VI, dim.Name.EN)
			for _, v := range dim.Values {
				out = append(out, v.ID, v.Name.VI, v.Name.EN)
			}
		}
	}
	return out
}
