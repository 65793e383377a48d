// Package indmeta holds the metadata statisticians publish with an
// indicator (source and publisher, periodicity, unit of measure and its
// multiplier, definition, method of computation, coverage, contact, last
// update, related goals and links), as catalogue.toml gives them under
// [indicators.metadata], in both languages, and checks them.
package indmeta

import (
	"net/url"
	"strings"
	"time"

	"minhbach/generator/dataset/geo"
)

// Text is one text in both languages.
type Text = geo.Text

// Metadata is an indicator's metadata. Every field is optional; a text
// that is given is given in both languages.
type Metadata struct {
	Source      Text `toml:"source"`
	Publisher   Text `toml:"publisher"`
	Periodicity Text `toml:"periodicity"`
	// UnitMeasure names what the figures count or measure ("percent of
	// respondents"); Multiplier is the power of ten they are in (SDMX
	// UNIT_MULT: 3 for thousands), 0 for units.
	UnitMeasure Text `toml:"unit_measure"`
	Multiplier  int  `toml:"multiplier"`
	Definition  Text `toml:"definition"`
	Method      Text `toml:"method"`
	Coverage    Text `toml:"coverage"`
	Contact     Text `toml:"contact"`
	// LastUpdate is the date the publisher last updated the figures
	// (2025-10-10).
	LastUpdate string `toml:"last_update"`
	// Related lists the goals the indicator serves: an SDG target, a
	// clause of a service index.
	Related []Related `toml:"related"`
	Links   []Link    `toml:"links"`
}

// Related is a goal an indicator serves: its code ("SDG 16.6.2") and name.
type Related struct {
	Code string `toml:"code"`
	Name Text   `toml:"name"`
}

// Link is a page about the indicator on another site.
type Link struct {
	URL  string `toml:"url"`
	Name Text   `toml:"name"`
}

// Field is one text field of the metadata with the key of its label in
// the interface strings (meta_source, …) and its TOML key.
type Field struct {
	Key, TOML string
	Text      Text
}

// Texts returns the text fields in the order a page shows them, those
// given only.
func (m *Metadata) Texts() []Field {
	all := []Field{
		{"meta_definition", "definition", m.Definition},
		{"meta_method", "method", m.Method},
		{"meta_unit_measure", "unit_measure", m.UnitMeasure},
		{"meta_coverage", "coverage", m.Coverage},
		{"meta_periodicity", "periodicity", m.Periodicity},
		{"meta_source", "source", m.Source},
		{"meta_publisher", "publisher", m.Publisher},
		{"meta_contact", "contact", m.Contact},
	}
	out := all[:0]
	for _, f := range all {
		if f.Text.VI != "" || f.Text.EN != "" {
			out = append(out, f)
		}
	}
	return out
}

// Check calls bad with the TOML key (below metadata) and what is wrong of
// each problem of m.
func (m *Metadata) Check(bad func(key, msg string)) {
	both := func(key string, t Text) {
		if (t.VI == "") != (t.EN == "") {
			bad(key, "expected text in both vi and en")
		}
	}
	for _, f := range m.Texts() {
		both(f.TOML, f.Text)
	}
	if m.Multiplier < -15 || m.Multiplier > 15 {
		bad("multiplier", "expected the power of ten the figures are in, from -15 to 15 (3 for thousands)")
	}
	if m.LastUpdate != "" {
		if _, err := time.Parse("2006-01-02", m.LastUpdate); err != nil {
			bad("last_update", "expected a date such as 2025-10-10")
		}
	}
	for _, r := range m.Related {
		if strings.TrimSpace(r.Code) == "" {
			bad("related", "each related goal needs a code (\"SDG 16.6.2\")")
		}
		both("related", r.Name)
	}
	for _, l := range m.Links {
		if !SafeURL(l.URL) {
			bad("links", "link "+quote(l.URL)+": expected an absolute http or https address")
		}
		if l.Name.VI == "" || l.Name.EN == "" {
			bad("links", "each link needs a name in both vi and en")
		}
	}
}

// SafeURL reports whether s is an absolute http or https address with a
// host and nothing a page could not carry in an href as it is.
func SafeURL(s string) bool {
	if len(s) > 2048 || strings.ContainsAny(s, " \"'<>\\`\t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && u.User == nil
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + strings.ToValidUTF8(s, "") + "\""
}
