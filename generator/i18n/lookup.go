package i18n

import "fmt"

// Lookup is the strings of one language as the pages written in Go ask for
// them: a key the file lacks is remembered, and Err reports it.
type Lookup struct {
	lang string
	// Strings holds each string by key (see Strings.Text); the site's own
	// words (site.toml) are copied over the defaults.
	Strings map[string]string
	// Plurals holds the other forms of strings with plural forms (see Strings.Plurals).
	Plurals map[string]map[string]string
	// missing is the first key asked for that the file lacks.
	missing string
}

// NewLookup reads templates/i18n/<lang>.toml below root.
func NewLookup(root, lang string) (*Lookup, error) {
	s, err := Load(root, lang)
	if err != nil {
		return nil, err
	}
	return &Lookup{lang: lang, Strings: s.Text, Plurals: s.Plurals}, nil
}

// Plural returns the form (such as "one") of the string of key, if the
// language gives it one.
func (t *Lookup) Plural(key, form string) (string, bool) {
	s, ok := t.Plurals[key][form]
	return s, ok
}

// Get returns the string of key, and remembers a key the file lacks, which
// Err then reports.
func (t *Lookup) Get(key string) string {
	s, ok := t.Strings[key]
	if !ok && t.missing == "" {
		t.missing = key
	}
	return s
}

// Err reports the first interface string that was missing.
func (t *Lookup) Err() error {
	if t.missing == "" {
		return nil
	}
	return fmt.Errorf("templates/i18n/%s.toml has no string %q", t.lang, t.missing)
}
