// Package sitemeta holds what data/site.toml says about the publication:
// its title, publisher, licence, whether it is sample data, its own words
// over the interface's neutral defaults, and the tuning of the data checks.
package sitemeta

import "minhbach/generator/dataset/geo"

// Text holds one text in both languages of the site.
type Text = geo.Text

// Meta describes the publication as a whole, from site.toml.
type Meta struct {
	// Title names the site.
	Title Text `toml:"title"`
	// Publisher names who publishes the figures.
	Publisher Text `toml:"publisher"`
	// Sample says that unit figures are invented sample data; every page
	// then says so.
	Sample bool `toml:"sample"`
	// SampleNote, when given, says what in the sample is invented, in place
	// of the site's default notice (which speaks of a province's communes).
	SampleNote Text `toml:"sample_note"`
	// Description says what the site publishes (meta descriptions), About
	// where its figures come from (the footer), Lead what the home page
	// shows; each replaces the interface's neutral default when given.
	Description Text `toml:"description"`
	About       Text `toml:"about"`
	Lead        Text `toml:"lead"`
	// Licence names the licence of the open data (an SPDX id such as CC-BY-4.0).
	Licence string `toml:"licence"`
	// Exported is the date of the latest export, YYYY-MM-DD.
	Exported string `toml:"exported"`
	// Checks tunes the warnings of the data checks.
	Checks Checks `toml:"checks"`
}

// Texts returns the interface strings that site.toml gives in lang, by
// their key in templates/i18n: they replace the neutral defaults there.
func (m *Meta) Texts(lang string) map[string]string {
	out := map[string]string{}
	for key, t := range map[string]Text{"site_description": m.Description, "footer_about": m.About,
		"home_lead": m.Lead, "sample_text": m.SampleNote} {
		if s := t.Get(lang); s != "" {
			out[key] = s
		}
	}
	return out
}

// Checks tunes the warnings of the data checks ([checks] in site.toml);
// zero values keep the defaults, and Load's options override both.
type Checks struct {
	// JumpPoints is how many percentage points a rate may move between
	// consecutive periods without a warning (dataset.DefaultJumpPoints).
	JumpPoints float64 `toml:"jump_points"`
	// TotalTolerance is the relative difference allowed between a unit's
	// reported total and the sum of its children (dataset.DefaultTotalTolerance).
	TotalTolerance float64 `toml:"total_tolerance"`
}
