package site

import (
	"fmt"
	"slices"
	"strings"

	"minhbach/generator/dataset"
)

// siteTexts returns the site's own words in lang: site.toml's (Meta.Texts)
// and, for a footer (about) or meta description it does not give, neutral
// defaults that name the sources the catalogue's measures come from.
func siteTexts(ds *dataset.Dataset, lang string, tr *i18n) map[string]string {
	texts := ds.Meta.Texts(lang)
	var sources []string
	for _, m := range ds.Catalogue.Measures {
		if m.Source != "" && !slices.Contains(sources, m.Source) {
			sources = append(sources, m.Source)
		}
	}
	for key, from := range map[string]string{"footer_about": "footer_sources", "site_description": "description_sources"} {
		if _, given := texts[key]; !given && len(sources) > 0 {
			texts[key] = fmt.Sprintf(tr.Get(from), strings.Join(sources, ", "))
		}
	}
	return texts
}
