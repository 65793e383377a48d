package dataset

import (
	"errors"
	"os"
	"regexp"
	"time"

	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/dataset/input"
	"minhbach/generator/period"
)

// idPattern is the shape of measure, indicator and group ids.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// readMeta reads site.toml. The file is optional: without it the site is
// titled "Minh Bạch".
func readMeta(path string, cfg config, c *collector) Meta {
	meta := Meta{Title: Text{VI: "Minh Bạch", EN: "Minh Bạch"}}
	src, err := input.Read(cfg.dir, path, cfg.maxFileSize)
	if errors.Is(err, os.ErrNotExist) {
		return meta
	}
	if err != nil {
		input.Report(c, path, "the file", err)
		return meta
	}
	if input.DecodeTOML(path, src, &meta, c) && meta.Exported != "" {
		if _, err := time.Parse("2006-01-02", meta.Exported); err != nil {
			c.Errorf(input.NewPlaces(path, src).At("exported"), "toml", "exported: found %q, expected a date such as 2025-10-10", meta.Exported)
		}
	}
	return meta
}

// readCatalogue reads and checks catalogue.toml. Unknown keys are errors, so
// a misspelt field never silently drops a target or a description.
func readCatalogue(path string, cfg config, c *collector) Catalogue {
	var cat Catalogue
	src, err := input.Read(cfg.dir, path, cfg.maxFileSize)
	if err != nil {
		input.Report(c, path, "the catalogue", err)
		return cat
	}
	if !input.DecodeTOML(path, src, &cat, c) {
		return cat
	}
	checkCatalogue(input.NewPlaces(path, src), &cat, c)
	return cat
}

// checkCatalogue checks ids, references between entries and required
// texts, naming the line and column of the key at fault (see input.Places).
func checkCatalogue(places *input.Places, cat *Catalogue, c *collector) {
	bad := func(list string, i int, field, format string, args ...any) {
		c.Errorf(places.At(input.Key(list, i, field)), "catalogue", format, args...)
	}
	cat.Levels = geo.CheckLevels(cat.Levels, func(i int, field, format string, args ...any) { bad("levels", i, field, format, args...) })
	if len(cat.Measures) == 0 {
		c.Errorf(places.At("measures"), "catalogue", "no measures; expected at least one [[measures]] entry")
	}
	dims.Check(cat.Dimensions, func(i int, field, format string, args ...any) { bad("dimensions", i, field, format, args...) })
	groups := map[string]bool{}
	for i, g := range cat.ScoreGroups {
		if !idPattern.MatchString(g.ID) || groups[g.ID] {
			bad("score_groups", i, "id", "score group %q: expected a unique id of lower-case letters, digits and _", g.ID)
		}
		groups[g.ID] = true
		checkText(places.At(input.Key("score_groups", i, "name")), "score group "+g.ID, g.Name, c)
	}
	measures := map[string]*Measure{}
	for i := range cat.Measures {
		m := &cat.Measures[i]
		if !idPattern.MatchString(m.ID) || measures[m.ID] != nil {
			bad("measures", i, "id", "measure %q: expected a unique id of lower-case letters, digits and _", m.ID)
		}
		if measures[m.ID] == nil {
			measures[m.ID] = m
		}
		checkText(places.At(input.Key("measures", i, "name")), "measure "+m.ID, m.Name, c)
		if m.Kind != Count && m.Kind != Amount && m.Kind != Percent {
			bad("measures", i, "kind", "measure %q: kind %q, expected count, amount or percent", m.ID, m.Kind)
		}
		if m.OverTime != Sum && m.OverTime != Last && m.OverTime != None {
			bad("measures", i, "over_time", "measure %q: over_time %q, expected sum, last or none", m.ID, m.OverTime)
		}
		if m.Per < 0 || m.Per > 0 && m.Kind != Amount {
			bad("measures", i, "per", "measure %q: per %g, expected the base of a ratio of kind amount (100, 100000); a percent is per 100 already", m.ID, m.Per)
		}
		if m.Published() && (m.OverTime == Sum || m.AcrossUnits == Sum) {
			bad("measures", i, "across_units", "measure %q: a published rate does not add up: expected over_time \"last\" or \"none\", and across_units \"weighted_mean\" (with a weight such as respondents) or \"none\"", m.ID)
		}
		switch m.AcrossUnits {
		case Sum, None:
		case WeightedMean:
			if m.Weight == "" {
				bad("measures", i, "across_units", "measure %q: weighted_mean needs a weight measure", m.ID)
			}
		default:
			bad("measures", i, "across_units", "measure %q: across_units %q, expected sum, weighted_mean or none", m.ID, m.AcrossUnits)
		}
		for _, d := range m.Dimensions {
			if _, ok := cat.Dimension(d); !ok {
				bad("measures", i, "dimensions", "measure %q: dimension %q is not declared; expected one of the [[dimensions]]", m.ID, d)
			}
		}
		for _, t := range m.AppliesTo {
			if _, ok := cat.Level(t); !ok {
				bad("measures", i, "applies_to", "measure %q: applies_to has unknown level %q, expected one of %s", m.ID, t, cat.LevelIDs())
			}
		}
	}
	for i, m := range cat.Measures {
		if m.Weight == "" {
			continue
		}
		switch w := measures[m.Weight]; {
		case w == nil:
			bad("measures", i, "weight", "measure %q: weight %q is not a measure", m.ID, m.Weight)
		case w.ID == m.ID:
			bad("measures", i, "weight", "measure %q: weight %q is the measure itself; expected another measure", m.ID, m.Weight)
		case w.AcrossUnits != Sum:
			bad("measures", i, "weight", "measure %q: weight %q is itself weighted; expected a measure that adds up (across_units = \"sum\")", m.ID, m.Weight)
		}
	}
	seen := map[string]bool{}
	for i, ind := range cat.Indicators {
		if !idPattern.MatchString(ind.ID) || seen[ind.ID] {
			bad("indicators", i, "id", "indicator %q: expected a unique id of lower-case letters, digits and _", ind.ID)
		}
		seen[ind.ID] = true
		checkText(places.At(input.Key("indicators", i, "name")), "indicator "+ind.ID, ind.Name, c)
		checkText(places.At(input.Key("indicators", i, "description")), "indicator "+ind.ID+" description", ind.Description, c)
		switch ind.Type {
		case Rate:
			if ind.Measure != "" {
				if m := measures[ind.Measure]; m == nil || !m.Published() || ind.Numerator != "" || ind.Denominator != "" {
					bad("indicators", i, "measure", "indicator %q: a rate with measure %q: expected a measure of kind percent or with a per base, and no numerator or denominator", ind.ID, ind.Measure)
				} else if m.Per > 0 && (ind.Unit.VI == "" || ind.Unit.EN == "") { // the pages write "12,3 trên 100.000 dân"
					bad("indicators", i, "unit", "indicator %q: a ratio per %g: expected unit = { vi = \"…\", en = \"…\" } naming what the base counts (\"dân\", \"population\")", ind.ID, m.Per)
				}
				break
			}
			for _, ref := range []struct{ key, id string }{{"numerator", ind.Numerator}, {"denominator", ind.Denominator}} {
				if measures[ref.id] == nil {
					bad("indicators", i, ref.key, "indicator %q: %q is not a measure", ind.ID, ref.id)
				}
			}
		case CountIndicator, Level:
			if measures[ind.Measure] == nil {
				bad("indicators", i, "measure", "indicator %q: measure %q is not a measure", ind.ID, ind.Measure)
			}
		default:
			bad("indicators", i, "type", "indicator %q: type %q, expected rate, count or level", ind.ID, ind.Type)
		}
		switch ind.Direction {
		case HigherIsBetter, LowerIsBetter, Neutral:
		default:
			bad("indicators", i, "direction", "indicator %q: direction %q, expected higher, lower or none", ind.ID, ind.Direction)
		}
		if t := ind.Target; t != nil {
			if _, err := period.Parse(t.Deadline); err != nil {
				bad("indicators", i, "target.deadline", "indicator %q: target deadline: %v", ind.ID, err)
			}
		}
		if md := ind.Metadata; md != nil {
			md.Check(func(key, msg string) {
				bad("indicators", i, "metadata."+key, "indicator %q: metadata.%s: %s", ind.ID, key, msg)
			})
		}
		if s := ind.Score; s != nil {
			if !groups[s.Group] {
				bad("indicators", i, "score.group", "indicator %q: score group %q is not a score group", ind.ID, s.Group)
			}
			if s.Points <= 0 || s.Threshold <= 0 {
				bad("indicators", i, "score", "indicator %q: score points and threshold must be above 0", ind.ID)
			}
		}
	}
}

func checkText(at Position, what string, t Text, c *collector) {
	if t.VI == "" || t.EN == "" {
		c.Errorf(at, "catalogue", "%s: expected text in both vi and en", what)
	}
}
