package i18n

import (
	"fmt"
	"strings"
)

// SiteTexts returns the site's own words in a language: those site.toml
// gives (given, by interface-string key) and, for a footer (about) or meta
// description it does not give, neutral defaults (through get) that name
// the sources the catalogue's measures come from.
func SiteTexts(given map[string]string, sources []string, get func(key string) string) map[string]string {
	for key, from := range map[string]string{"footer_about": "footer_sources", "site_description": "description_sources"} {
		if _, ok := given[key]; !ok && len(sources) > 0 {
			given[key] = fmt.Sprintf(get(from), strings.Join(sources, ", "))
		}
	}
	return given
}
