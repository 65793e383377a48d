// Package geo holds what the data says about its geography: the levels
// that units belong to (catalogue.toml [[levels]]), and the optional
// columns of units.csv that place a unit in time and in other systems
// (English name, official code, aliases, validity, successor).
package geo

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/period"
)

// Text holds one text in both languages of the site.
type Text struct {
	VI string `toml:"vi"`
	EN string `toml:"en"`
}

// Get returns the text for lang ("vi" or "en"), falling back to Vietnamese.
func (t Text) Get(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.VI
}

// UnitType is the level of a unit: the id of one of the catalogue's levels.
type UnitType string

// The ids of the default levels (DefaultLevels).
const (
	Country     UnitType = "country"
	Province    UnitType = "province"
	Commune     UnitType = "commune"
	Ward        UnitType = "ward"
	SpecialZone UnitType = "special_zone"
)

// Level is one level of the geography (or of the organisation) that the
// units belong to, declared in catalogue.toml as [[levels]], in order from
// the top. A unit's type is the id of its level. Several levels may sit at
// the same depth (communes, wards and special zones under a province).
type Level struct {
	ID UnitType `toml:"id"`
	// Name is what one unit of the level is called ("Tỉnh" / "Province").
	Name Text `toml:"name"`
	// Plural names the units of the level together ("Các tỉnh" / "Provinces").
	Plural Text `toml:"plural"`
	// Territorial, when false, makes the level's units stand beside the
	// territory rather than in it (the departments of a province): they are
	// ranked among themselves and never summed into their parent's total.
	// Absent means true.
	Territorial *bool `toml:"territorial"`
	// Boundaries is the GeoJSON or TopoJSON file of the level's shapes, a
	// path inside the data folder ("boundaries/communes.geojson",
	// "boundaries/vietnam.topojson"); empty for none. Several levels may
	// share one file.
	Boundaries string `toml:"boundaries"`
	// Object names the object of a TopoJSON file that holds the level's
	// shapes ("communes"); empty when the file has only one.
	Object string `toml:"object"`
	// Match says which feature property names the unit of each shape.
	Match Match `toml:"match"`
}

// Match says how the features of a boundary file find their units: the
// feature property that holds the unit's code or its geocode.
type Match struct {
	Property string `toml:"property"`
	// By is "code" (units.csv's code) or "geocode" (its geocode column).
	By string `toml:"by"`
}

// IsTerritorial reports whether the level's units divide the territory.
func (l *Level) IsTerritorial() bool { return l.Territorial == nil || *l.Territorial }

// DefaultLevels are the levels of a data folder whose catalogue declares
// none: Vietnam's country, provinces, and the commune-level units (communes,
// wards and special zones), all three at the same depth.
func DefaultLevels() []Level {
	return []Level{
		{ID: Country, Name: Text{VI: "Quốc gia", EN: "Country"}, Plural: Text{VI: "Các quốc gia", EN: "Countries"}},
		{ID: Province, Name: Text{VI: "Tỉnh", EN: "Province"}, Plural: Text{VI: "Các tỉnh", EN: "Provinces"}},
		{ID: Commune, Name: Text{VI: "Xã", EN: "Commune"}, Plural: Text{VI: "Các xã", EN: "Communes"}},
		{ID: Ward, Name: Text{VI: "Phường", EN: "Ward"}, Plural: Text{VI: "Các phường", EN: "Wards"}},
		{ID: SpecialZone, Name: Text{VI: "Đặc khu", EN: "Special zone"}, Plural: Text{VI: "Các đặc khu", EN: "Special zones"}},
	}
}

// idPattern is the shape of level ids.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// CheckLevels checks declared levels, calling bad(i, field, …) for each
// fault; it returns the defaults when levels is empty.
func CheckLevels(levels []Level, bad func(i int, field, format string, args ...any)) []Level {
	if len(levels) == 0 {
		return DefaultLevels()
	}
	var seen []UnitType
	for i, l := range levels {
		if !idPattern.MatchString(string(l.ID)) || slices.Contains(seen, l.ID) {
			bad(i, "id", "level %q: expected a unique id of lower-case letters, digits and _", l.ID)
		}
		seen = append(seen, l.ID)
		if l.Name.VI == "" || l.Name.EN == "" {
			bad(i, "name", "level %s: expected a name in both vi and en", l.ID)
		}
		if l.Plural.VI == "" || l.Plural.EN == "" {
			bad(i, "plural", "level %s: expected a plural in both vi and en", l.ID)
		}
		checkBoundaries(i, &l, bad)
	}
	return levels
}

// checkBoundaries checks a level's boundaries, match and object.
func checkBoundaries(i int, l *Level, bad func(i int, field, format string, args ...any)) {
	lower := strings.ToLower(l.Boundaries)
	switch {
	case l.Boundaries == "" && (l.Match != Match{}):
		bad(i, "match", "level %s: found match without boundaries; expected boundaries = \"boundaries/<file>.geojson\" beside it", l.ID)
	case l.Boundaries == "" && l.Object != "":
		bad(i, "object", "level %s: found object without boundaries; expected boundaries = \"boundaries/<file>.topojson\" beside it", l.ID)
	case l.Boundaries == "":
	case !l.IsTerritorial():
		bad(i, "boundaries", "level %s is not territorial; expected boundaries only on a territorial level", l.ID)
	case !filepath.IsLocal(l.Boundaries) || strings.Contains(l.Boundaries, "\\") || !strings.HasSuffix(lower, ".geojson") && !strings.HasSuffix(lower, ".topojson") && !strings.HasSuffix(lower, ".json"):
		bad(i, "boundaries", "level %s: found boundaries %s; expected a .geojson or .topojson file inside the data folder, such as \"boundaries/communes.geojson\"", l.ID, foreign.Quote(l.Boundaries))
	case l.Object != "" && strings.HasSuffix(lower, ".geojson"):
		bad(i, "object", "level %s: found object %s with a .geojson file, which has no objects; expected object only with a TopoJSON file (.topojson or .json)", l.ID, foreign.Quote(l.Object))
	case l.Match.Property == "":
		bad(i, "match", "level %s: expected match = { property = \"…\", by = \"code\" or \"geocode\" }: the feature property that names each shape's unit", l.ID)
	case l.Match.By != "code" && l.Match.By != "geocode":
		bad(i, "match", "level %s: match.by is %s; expected \"code\" or \"geocode\"", l.ID, foreign.Quote(l.Match.By))
	}
}

// Columns are the optional columns of units.csv.
var Columns = []string{"name_en", "geocode", "aliases", "valid_from", "valid_to", "successor"}

// Row holds the optional columns of one row of units.csv, as read.
type Row struct {
	NameEN    string `csv:"name_en"`
	Geocode   string `csv:"geocode"`
	Aliases   string `csv:"aliases"`
	ValidFrom string `csv:"valid_from"`
	ValidTo   string `csv:"valid_to"`
	Successor string `csv:"successor"`
}

// Extras are the optional columns of a unit, checked.
type Extras struct {
	// NameEN is the unit's English name; empty when it is its name.
	NameEN string
	// Geocode is an official code of the unit (a GSO or ONS code), or empty.
	Geocode string
	// Aliases are other names of the unit, matched when an export's mapping
	// finds units by name.
	Aliases []string
	// ValidFrom and ValidTo bound the periods in which the unit exists:
	// from the start of ValidFrom to the end of ValidTo; zero is open.
	ValidFrom, ValidTo period.Period
	// Successor is the code of the unit that took over a unit that ended.
	Successor string
}

// Read checks the optional columns of the row of unit code, reporting each
// fault at pos(column); it reports whether there was none.
func (row *Row) Read(code string, pos func(column string) finding.Position, c *finding.Collector) (Extras, bool) {
	ok := true
	e := Extras{NameEN: strings.TrimSpace(row.NameEN), Geocode: strings.TrimSpace(row.Geocode)}
	if !utf8.ValidString(e.NameEN) || utf8.RuneCountInString(e.NameEN) > 200 {
		c.Errorf(pos("name_en"), "unit-name", "found %s, expected the unit's English name in UTF-8, up to 200 characters", foreign.Quote(row.NameEN))
		ok = false
	}
	if len(e.Geocode) > 64 || strings.ContainsFunc(e.Geocode, func(r rune) bool { return r < '!' || r > '~' }) {
		c.Errorf(pos("geocode"), "unit-geocode", "found %s, expected an official code of printable ASCII without spaces, such as E09000024", foreign.Quote(row.Geocode))
		ok = false
	}
	for _, a := range strings.Split(row.Aliases, "|") {
		if a = strings.TrimSpace(a); a != "" {
			e.Aliases = append(e.Aliases, a)
		}
	}
	for _, v := range []struct {
		column, text string
		into         *period.Period
	}{{"valid_from", row.ValidFrom, &e.ValidFrom}, {"valid_to", row.ValidTo, &e.ValidTo}} {
		if v.text == "" {
			continue
		}
		p, err := period.Parse(v.text)
		if err != nil {
			c.Errorf(pos(v.column), "unit-validity", "%s: %v", v.column, err)
			ok = false
		}
		*v.into = p
	}
	if !e.ValidFrom.IsZero() && !e.ValidTo.IsZero() && !period.Within(e.ValidTo, e.ValidFrom, period.Period{}) {
		c.Errorf(pos("valid_to"), "unit-validity", "valid_to %s is before valid_from %s; expected the unit's last period, after its first", e.ValidTo, e.ValidFrom)
		ok = false
	}
	e.Successor = strings.TrimSpace(row.Successor)
	switch {
	case e.Successor == "":
	case e.ValidTo.IsZero():
		c.Errorf(pos("successor"), "unit-successor", "found successor %s for a unit without valid_to; expected a successor only for a unit that ended", foreign.Quote(e.Successor))
		ok = false
	case e.Successor == code:
		c.Errorf(pos("successor"), "unit-successor", "unit %s is its own successor; expected the unit that took it over", code)
		ok = false
	}
	return e, ok
}

// Covers reports whether a unit with these extras exists throughout p, so
// that it is expected to report for p: outside its validity nothing of it
// is missing.
func (e *Extras) Covers(p period.Period) bool { return period.Within(p, e.ValidFrom, e.ValidTo) }

// Overlaps reports whether a unit with these extras existed during some
// part of p: a value it reports for p is one of its own.
func (e *Extras) Overlaps(p period.Period) bool {
	first, last := months(p)
	if !e.ValidFrom.IsZero() {
		if from, _ := months(e.ValidFrom); last < from {
			return false
		}
	}
	if !e.ValidTo.IsZero() {
		if _, to := months(e.ValidTo); first > to {
			return false
		}
	}
	return true
}

// Validity describes the periods of a unit with these extras, for
// messages: "2021-Q2 to 2025-Q2", "from 2021-Q2", "to 2025-Q2".
func (e *Extras) Validity() string {
	switch {
	case e.ValidFrom.IsZero() && e.ValidTo.IsZero():
		return "always"
	case e.ValidFrom.IsZero():
		return "to " + e.ValidTo.String()
	case e.ValidTo.IsZero():
		return "from " + e.ValidFrom.String()
	}
	return e.ValidFrom.String() + " to " + e.ValidTo.String()
}

// months numbers the first and last month of p.
func months(p period.Period) (first, last int) {
	switch p.Kind {
	case period.Quarter:
		first = p.Year*12 + (p.N-1)*3
		return first, first + 2
	case period.Month:
		first = p.Year*12 + p.N - 1
		return first, first
	}
	return p.Year * 12, p.Year*12 + 11
}
