package dataset

import (
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/dataset/input"
)

// slugPattern is the shape of unit codes: they become URL paths and file
// names, so only lower-case ASCII letters, digits and single hyphens pass.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// IsSlug reports whether s is a safe unit code.
func IsSlug(s string) bool { return len(s) <= 64 && slugPattern.MatchString(s) }

// unitRow is one line of units.csv as gocsv reads it.
type unitRow struct {
	Code   string `csv:"code"`
	Name   string `csv:"name"`
	Type   string `csv:"type"`
	Parent string `csv:"parent"`
	geo.Row
}

// unitColumns are the columns units.csv must have; geo.Columns those it may have.
var unitColumns = []string{"code", "name", "type", "parent"}

// readUnits reads units.csv: code,name,type,parent. A type must be one of
// the catalogue's levels; with no levels (a catalogue that could not be
// read) types are not checked.
func readUnits(path string, cfg config, cat *Catalogue, c *collector) []Unit {
	cf, done := csvfile.Open(path, csvfile.Options{Dir: cfg.dir, MaxSize: cfg.maxFileSize, MaxField: cfg.maxField}, c)
	defer done()
	if cf == nil {
		return nil
	}
	if !checkHeader(cf, unitColumns, append(slices.Clone(unitColumns), geo.Columns...), c) {
		return nil
	}
	var units []Unit
	seen := map[string]Position{}
	successors := map[string]Position{} // successor codes, checked once every unit is read
	cf.Chunks(func(recs []csvfile.Record) {
		rows, err := csvfile.DecodeChunk[unitRow](cf.Header, recs)
		if err != nil {
			c.Errorf(recs[0].Pos[0], "csv", "%v", err)
			return
		}
		col := columnIndex(cf.Header)
		for i, row := range rows {
			pos := func(name string) Position { return recs[i].Pos[col[name]] }
			u := Unit{Code: row.Code, Name: row.Name, Type: UnitType(row.Type), Parent: row.Parent}
			ok := true
			if !IsSlug(u.Code) {
				c.Errorf(pos("code"), "unit-code", "found %s, expected a unit code of lower-case ASCII letters, digits and hyphens, such as go-quao", foreign.Quote(u.Code))
				ok = false
			} else if input.Reserved(u.Code) {
				c.Errorf(pos("code"), "unit-code", "found %q, a name Windows reserves for a device, which cannot be a folder or file of the site; expected another code, such as %s-1", u.Code, u.Code)
				ok = false
			} else if first, dup := seen[u.Code]; dup {
				c.Errorf(pos("code"), "duplicate-unit", "unit %q is defined twice (first at line %d)", u.Code, first.Line)
				ok = false
			}
			if strings.TrimSpace(u.Name) == "" || !utf8.ValidString(u.Name) || utf8.RuneCountInString(u.Name) > 200 {
				c.Errorf(pos("name"), "unit-name", "found %s, expected the unit's name in UTF-8, 1 to 200 characters", foreign.Quote(u.Name))
				ok = false
			}
			if _, known := cat.Level(u.Type); !known && len(cat.Levels) > 0 {
				c.Errorf(pos("type"), "unit-type", "found %s, expected a level of %s: one of %s", foreign.Quote(row.Type), CatalogueFile, cat.LevelIDs())
				ok = false
			}
			if u.Parent != "" {
				if _, known := seen[u.Parent]; !known {
					c.Errorf(pos("parent"), "unit-parent", "found %s, expected the code of a unit defined on an earlier line", foreign.Quote(u.Parent))
					ok = false
				}
			}
			extras, good := row.Row.Read(u.Code, pos, c)
			u.Extras, ok = extras, ok && good
			if u.Successor != "" {
				successors[u.Successor+"\x00"+u.Code] = pos("successor")
			}
			if ok {
				seen[u.Code] = pos("code")
				units = append(units, u)
			}
		}
	})
	for _, key := range slices.Sorted(maps.Keys(successors)) {
		if code, _, _ := strings.Cut(key, "\x00"); seen[code] == (Position{}) {
			c.Errorf(successors[key], "unit-successor", "found %s, expected the code of a unit in %s", foreign.Quote(code), UnitsFile)
		}
	}
	if cf.Rows == 0 {
		c.Errorf(Position{File: path, Line: 2, Column: 1}, "no-units", "no units; expected a row for each unit after the header")
	}
	return units
}

// columnIndex maps each header name to its column.
func columnIndex(header []string) map[string]int {
	m := make(map[string]int, len(header))
	for i, h := range header {
		m[h] = i
	}
	return m
}

// checkHeader reports duplicated, unknown and missing columns. Columns in
// required must all be present; only columns in allowed may appear.
func checkHeader(cf *csvfile.File, required, allowed []string, c *collector) bool {
	ok := true
	seen := map[string]int{}
	for i, h := range cf.Header {
		if j, dup := seen[h]; dup {
			c.Errorf(cf.HeaderPos[i], "header", "column %s appears twice (also column %d)", foreign.Quote(h), j+1)
			ok = false
			continue
		}
		seen[h] = i
		if !contains(allowed, h) {
			c.Errorf(cf.HeaderPos[i], "header", "unknown column %s, expected one of %s", foreign.Quote(h), strings.Join(allowed, ", "))
			ok = false
		}
	}
	for _, r := range required {
		if _, found := seen[r]; !found {
			c.Errorf(Position{File: cf.Path, Line: 1, Column: 1}, "header", "missing column %q; the header must have %s", r, strings.Join(required, ","))
			ok = false
		}
	}
	return ok
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Fold reduces text for matching by name, as foreign.Fold does: unit names
// in mapped exports are matched this way, and the site's search index is
// keyed by it.
func Fold(s string) string { return foreign.Fold(s) }
