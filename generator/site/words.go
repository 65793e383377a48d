package site

import (
	"minhbach/generator/dataset"
	texts "minhbach/generator/i18n"
)

// siteTexts returns the site's own words in lang (see texts.SiteTexts).
func siteTexts(ds *dataset.Dataset, lang string, tr *i18n) map[string]string {
	return texts.SiteTexts(ds.Meta.Texts(lang), ds.Catalogue.Sources(), tr.Get)
}
