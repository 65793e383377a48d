package site

import (
	"minhbach/generator/dataset"
	texts "minhbach/generator/i18n"
	"minhbach/generator/site/view"
)

// siteTexts returns the site's own words in lang (see texts.SiteTexts).
func siteTexts(ds *dataset.Dataset, lang string, tr *i18n) map[string]string {
	return texts.SiteTexts(ds.Meta.Texts(lang), ds.Catalogue.Sources(), tr.Get)
}

// i18n holds the interface strings of one language (see texts.Lookup).
type i18n = view.Words

// loadI18n reads templates/i18n/<lang>.toml below root.
func loadI18n(root, lang string) (*i18n, error) { return texts.NewLookup(root, lang) }
