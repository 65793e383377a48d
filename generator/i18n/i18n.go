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
