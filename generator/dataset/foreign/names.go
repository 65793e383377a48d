package foreign

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces text for matching by name: lower case, without diacritics
// (đ becomes d), with single spaces, so that "Gò Quao" and "go quao" fold
// alike. Unit names in mapped exports are matched this way, and the site's
// search index is keyed by it (its script folds queries the same way).
func Fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// typePrefixes are the words that may stand before a unit's name, folded,
// with the unit type each implies (as units.csv writes it).
var typePrefixes = []struct {
	prefix string
	t      string
}{
	{"dac khu ", "special_zone"},
	{"phuong ", "ward"},
	{"xa ", "commune"},
	{"tinh ", "province"},
}

// Unit is what matching by name needs of a unit of units.csv: its name,
// its other names (its English name, its aliases) and its official code.
type Unit struct {
	Code, Name, Type, Geocode string
	Aliases                   []string
}

// foldName folds a unit name and drops its type prefix, returning the type
// the prefix implies ("" without one).
func foldName(s string) (string, string) {
	f := Fold(s)
	for _, p := range typePrefixes {
		if rest, ok := strings.CutPrefix(f, p.prefix); ok && rest != "" {
			return rest, p.t
		}
	}
	return f, ""
}

// NameIndex finds units by name, ignoring case, diacritics and the
// prefixes xã, phường, đặc khu and tỉnh.
type NameIndex struct {
	units             []Unit
	byName            map[string][]int32
	byCode, byGeocode map[string]int32
}

// NewNameIndex indexes units by name and by each of their aliases; Find
// returns indexes into units.
func NewNameIndex(units []Unit) *NameIndex {
	ix := &NameIndex{units: units, byName: map[string][]int32{}, byCode: map[string]int32{}, byGeocode: map[string]int32{}}
	for i, u := range units {
		ix.byCode[u.Code] = int32(i)
		if u.Geocode != "" {
			ix.byGeocode[strings.ToUpper(u.Geocode)] = int32(i)
		}
		for _, name := range append([]string{u.Name}, u.Aliases...) {
			f := Fold(name)
			if at := ix.byName[f]; name != "" && (len(at) == 0 || at[len(at)-1] != int32(i)) {
				ix.byName[f] = append(at, int32(i))
			}
		}
	}
	return ix
}

// Lookup returns the index of the unit text gives, as by says (ByCode, ""
// as well, ByName or ByGeocode), or an error saying why there is none. A
// name where a code was expected is named as such.
func (ix *NameIndex) Lookup(by, text string) (int32, error) {
	switch by {
	case ByName:
		return ix.Find(text)
	case ByGeocode:
		return ix.FindGeocode(text)
	}
	if i, ok := ix.byCode[text]; ok {
		return i, nil
	}
	msg := fmt.Sprintf("found %s, expected a unit code from units.csv", Quote(text))
	if i, err := ix.Find(text); err == nil {
		msg += fmt.Sprintf(`; %s is the name of %s: write its code, or map the export with unit.by = "name"`, Quote(text), ix.units[i].Code)
	}
	return -1, errors.New(msg)
}

// FindGeocode returns the index of the unit whose geocode is s (ignoring
// case and surrounding spaces), or an error.
func (ix *NameIndex) FindGeocode(s string) (int32, error) {
	if i, ok := ix.byGeocode[strings.ToUpper(strings.TrimSpace(s))]; ok {
		return i, nil
	}
	return -1, fmt.Errorf("found %s, expected the geocode of a unit in units.csv", Quote(s))
}

// Find returns the index of the unit named s, or an error saying why none
// or more than one unit matches.
func (ix *NameIndex) Find(s string) (int32, error) {
	f, hint := foldName(s)
	all := ix.byName[f]
	if len(all) == 0 && hint != "" {
		// A name that starts like a prefix, such as Tịnh Biên.
		f, hint = Fold(s), ""
		all = ix.byName[f]
	}
	var match []int32
	for _, i := range all {
		if hint == "" || ix.units[i].Type == hint {
			match = append(match, i)
		}
	}
	switch {
	case len(match) == 1:
		return match[0], nil
	case len(match) > 1:
		names := make([]string, len(match))
		for j, i := range match {
			names[j] = fmt.Sprintf("%s (%s)", ix.units[i].Code, ix.units[i].Type)
		}
		return -1, fmt.Errorf("found %s, which names more than one unit: %s; write the type before the name (xã, phường, đặc khu) or give unit codes",
			Quote(s), strings.Join(names, ", "))
	case len(all) > 0:
		return -1, fmt.Errorf("found %s, but no %s has that name; it is the name of %s (%s)", Quote(s), hint, ix.units[all[0]].Code, ix.units[all[0]].Type)
	}
	return -1, fmt.Errorf("found %s, expected the name of a unit in units.csv (compared without case, diacritics and the prefixes xã, phường, đặc khu, tỉnh)", Quote(s))
}
