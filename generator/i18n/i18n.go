// Package i18n reads the interface strings of one language from
// templates/i18n/<lang>.toml: the same files that Hugo's T function reads,
// so that every interface string has one home, for the templates and for
// the pages written in Go alike.
package i18n

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"
)

// Strings are the interface strings of one language.
type Strings struct {
	// Text holds each string by its key; a string with plural forms by
	// its "other" form.
	Text map[string]string
	// Plurals holds the forms of a string other than "other" ([key]
	// one = …), by key and form.
	Plurals map[string]map[string]string
}

// Load reads templates/i18n/<lang>.toml below root.
func Load(root, lang string) (Strings, error) {
	path := filepath.Join(root, "templates", "i18n", lang+".toml")
	data, err := os.ReadFile(path)
	if err != nil {
		return Strings{}, err
	}
	var entries map[string]any
	if err := toml.Unmarshal(data, &entries); err != nil {
		return Strings{}, fmt.Errorf("%s: %w", path, err)
	}
	s := Strings{Text: make(map[string]string, len(entries)), Plurals: map[string]map[string]string{}}
	for key, v := range entries {
		switch v := v.(type) {
		case string:
			s.Text[key] = v
		case map[string]any:
			// A string with plural forms ([key] one = …, other = …):
			// "other" is the string, the rest are its plurals.
			forms := map[string]string{}
			for form, f := range v {
				if f, ok := f.(string); ok {
					forms[form] = f
				}
			}
			if other, ok := forms["other"]; ok {
				s.Text[key] = other
				delete(forms, "other")
			}
			s.Plurals[key] = forms
		}
	}
	return s, nil
}

// Table holds the interface strings of one language for the code that
// writes pages: the same templates/i18n/<lang>.toml files that Hugo's T
// function reads, so that every interface string has one home. It
// remembers the first key asked for that the file lacks, which Err reports.
type Table struct {
	Lang string
	// Strings holds each string by its key; Plurals the other forms.
	Strings map[string]string
	Plurals map[string]map[string]string
	missing string
}

// Open reads templates/i18n/<lang>.toml below root as a Table.
func Open(root, lang string) (*Table, error) {
	s, err := Load(root, lang)
	if err != nil {
		return nil, err
	}
	return &Table{Lang: lang, Strings: s.Text, Plurals: s.Plurals}, nil
}

// Plural returns the form (such as "one") of the string of key, if the
// language gives it one.
func (t *Table) Plural(key, form string) (string, bool) {
	s, ok := t.Plurals[key][form]
	return s, ok
}

// Get returns the string of key, and remembers a key the file lacks.
func (t *Table) Get(key string) string {
	s, ok := t.Strings[key]
	if !ok && t.missing == "" {
		t.missing = key
	}
	return s
}

// Err reports the first interface string that was missing.
func (t *Table) Err() error {
	if t.missing == "" {
		return nil
	}
	return fmt.Errorf("templates/i18n/%s.toml has no string %q", t.Lang, t.missing)
}
