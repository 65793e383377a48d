// Package search builds the site's search index: one small JSON file per
// language, built with the site and served by it (/search/index.json,
// /en/search/index.json), so search works on any static host, with no
// outside service. Each entry carries its text folded by dataset.Fold, the
// way the search script folds the query — lower case, without diacritics,
// đ as d — so "go quao" finds "Gò Quao", and "toan trinh" an indicator
// broken down by that value.
package search

import (
	"encoding/json"
	"strings"

	"minhbach/generator/dataset"
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

// Index is the entries of one language.
type Index struct{ entries []Entry }

// Add adds an entry, found by its title, kind and the extra words.
func (x *Index) Add(title, kind, url string, extra ...string) {
	key := dataset.Fold(strings.Join(append([]string{title, kind}, extra...), " "))
	x.entries = append(x.entries, Entry{Title: title, Kind: kind, URL: url, Key: key})
}

// JSON returns the index as the search script reads it.
func (x *Index) JSON() ([]byte, error) { return json.Marshal(x.entries) }

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
