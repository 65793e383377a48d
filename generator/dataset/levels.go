package dataset

import (
	"slices"
	"strings"
)

// UnitLevel is one level of the geography (or of the organisation) that the
// units belong to, declared in catalogue.toml as [[levels]], in order from
// the top. A unit's Type is the id of its level.
type UnitLevel struct {
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
}

// IsTerritorial reports whether the level's units divide the territory.
func (l *UnitLevel) IsTerritorial() bool { return l.Territorial == nil || *l.Territorial }

// DefaultLevels are the levels of a data folder whose catalogue declares
// none: Vietnam's country, provinces, and the commune-level units (communes,
// wards and special zones), all three at the same depth.
func DefaultLevels() []UnitLevel {
	return []UnitLevel{
		{ID: Country, Name: Text{VI: "Quốc gia", EN: "Country"}, Plural: Text{VI: "Các quốc gia", EN: "Countries"}},
		{ID: Province, Name: Text{VI: "Tỉnh", EN: "Province"}, Plural: Text{VI: "Các tỉnh", EN: "Provinces"}},
		{ID: Commune, Name: Text{VI: "Xã", EN: "Commune"}, Plural: Text{VI: "Các xã", EN: "Communes"}},
		{ID: Ward, Name: Text{VI: "Phường", EN: "Ward"}, Plural: Text{VI: "Các phường", EN: "Wards"}},
		{ID: SpecialZone, Name: Text{VI: "Đặc khu", EN: "Special zone"}, Plural: Text{VI: "Các đặc khu", EN: "Special zones"}},
	}
}

// Level returns the catalogue's level with the given id.
func (c *Catalogue) Level(id UnitType) (*UnitLevel, bool) {
	for i := range c.Levels {
		if c.Levels[i].ID == id {
			return &c.Levels[i], true
		}
	}
	return nil, false
}

// LevelIDs lists the ids of the catalogue's levels, in order, for messages.
func (c *Catalogue) LevelIDs() string {
	ids := make([]string, len(c.Levels))
	for i, l := range c.Levels {
		ids[i] = string(l.ID)
	}
	return strings.Join(ids, ", ")
}

// Territorial reports whether units of type t divide the territory; a type
// that is not a level counts as territorial.
func (c *Catalogue) Territorial(t UnitType) bool {
	l, ok := c.Level(t)
	return !ok || l.IsTerritorial()
}

// LevelName returns the name of units of type t in lang, or "" when t is
// not a level.
func (c *Catalogue) LevelName(t UnitType, lang string) string {
	if l, ok := c.Level(t); ok {
		return l.Name.Get(lang)
	}
	return ""
}

// checkLevels checks the [[levels]] of a catalogue, or gives it the
// defaults when it declares none.
func checkLevels(bad func(list string, i int, field, format string, args ...any), cat *Catalogue) {
	if len(cat.Levels) == 0 {
		cat.Levels = DefaultLevels()
		return
	}
	var seen []UnitType
	for i, l := range cat.Levels {
		if !idPattern.MatchString(string(l.ID)) || slices.Contains(seen, l.ID) {
			bad("levels", i, "id", "level %q: expected a unique id of lower-case letters, digits and _", l.ID)
		}
		seen = append(seen, l.ID)
		if l.Name.VI == "" || l.Name.EN == "" {
			bad("levels", i, "name", "level %s: expected a name in both vi and en", l.ID)
		}
		if l.Plural.VI == "" || l.Plural.EN == "" {
			bad("levels", i, "plural", "level %s: expected a plural in both vi and en", l.ID)
		}
	}
}
