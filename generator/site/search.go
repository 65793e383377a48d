package site

import (
	"encoding/json"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The search index: one small JSON file per language, built with the site
// and served by it (/search/index.json, /en/search/index.json), so search
// works on any static host, with no outside service. Each entry carries its
// text folded the way the search script folds the query — lower case,
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

// Fold lowers s and strips its diacritics, so that text typed without
// Vietnamese accents matches: "Gò Quao" and "go quao" fold alike. The search
// script (templates/assets/js/search.js) folds queries the same way.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// searchIndex lists the indicators, units and reports of the language.
func (p *pager) searchIndex() ([]byte, error) {
	var entries []searchEntry
	add := func(title, kind, url string, extra ...string) {
		key := Fold(strings.Join(append([]string{title, kind}, extra...), " "))
		entries = append(entries, searchEntry{Title: title, Kind: kind, URL: url, Key: key})
	}
	for i := range p.ds.Catalogue.Indicators {
		ind := &p.ds.Catalogue.Indicators[i]
		add(ind.Name.Get(p.lang), p.word("indicator"), indicatorURL(ind.ID), ind.ID, ind.Name.VI, ind.Name.EN)
	}
	for i := range p.ds.Units {
		u := &p.ds.Units[i]
		add(u.Name, p.w.UnitTypes[string(u.Type)], unitURL(u.Code), u.Code)
	}
	for _, q := range p.quarters {
		add(p.f.Period(q), p.word("report"), reportURL(q), q.String())
	}
	return json.Marshal(entries)
}
