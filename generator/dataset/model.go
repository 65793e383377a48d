// Package dataset reads and checks what Minh Bạch publishes: the units
// (province, communes, wards, special zones), the catalogue of measures and
// indicators, and the observations that exports carry.
//
// Everything here is validated input: a Dataset returned by Load has no
// unknown unit or measure, no duplicate observation and no malformed number.
// Computing with it is the job of package indicator.
package dataset

import (
	"slices"
	"strings"

	"minhbach/generator/geomap"

	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/dataset/indmeta"
	"minhbach/generator/dataset/obs"
	"minhbach/generator/dataset/sitemeta"
)

// UnitType is the level of a unit: the id of one of the catalogue's
// levels (see geo.Level).
type UnitType = geo.UnitType

// The ids of the default levels (geo.DefaultLevels).
const (
	Country     = geo.Country
	Province    = geo.Province
	Commune     = geo.Commune
	Ward        = geo.Ward
	SpecialZone = geo.SpecialZone
)

// UnitLevel is one of the levels units belong to.
type UnitLevel = geo.Level

// DefaultLevels are the levels of a catalogue that declares none.
func DefaultLevels() []UnitLevel { return geo.DefaultLevels() }

// Unit is one administrative unit from units.csv.
type Unit struct {
	// Code is a stable ASCII slug, used in URLs and file names.
	Code string
	// Name is the unit's Vietnamese name, without its type prefix ("Gò Quao").
	Name string
	Type UnitType
	// Parent is the code of the enclosing unit; empty for the top unit.
	Parent string
	// Extras are the optional columns: English name, official code,
	// aliases, validity and successor.
	geo.Extras
}

// NameIn returns the unit's name in lang: its English name on the English
// site when it has one.
func (u *Unit) NameIn(lang string) string {
	if lang == "en" && u.NameEN != "" {
		return u.NameEN
	}
	return u.Name
}

// Text holds one text in both languages of the site.
type Text = geo.Text

// MeasureKind says what values a measure takes.
type MeasureKind string

const (
	// Count is a whole number of things, zero or more.
	Count MeasureKind = "count"
	// Amount is a decimal quantity, zero or more (a speed, a length of time).
	Amount MeasureKind = "amount"
	// Percent is a percentage as the publisher published it, without its
	// numerator and denominator (a survey's share of satisfied people).
	Percent MeasureKind = "percent"
)

// Aggregation says how values combine, over time or across units.
type Aggregation string

const (
	// Sum adds values: documents over a quarter, over communes.
	Sum Aggregation = "sum"
	// Last takes the latest value: a stock such as accounts, over time.
	Last Aggregation = "last"
	// WeightedMean averages values weighted by another measure (Measure.Weight).
	WeightedMean Aggregation = "weighted_mean"
	// None does not combine: only values reported for the unit itself stand.
	None Aggregation = "none"
)

// Measure is a raw figure that an export carries.
type Measure struct {
	ID   string      `toml:"id"`
	Name Text        `toml:"name"`
	Kind MeasureKind `toml:"kind"`
	// OverTime combines months into quarters and quarters into years: Sum or Last.
	OverTime Aggregation `toml:"over_time"`
	// AcrossUnits combines units into their parent: Sum, WeightedMean or None.
	AcrossUnits Aggregation `toml:"across_units"`
	// Weight names the measure that weights a WeightedMean.
	Weight string `toml:"weight"`
	// AppliesTo lists the unit types that may report the measure; empty means all.
	AppliesTo []UnitType `toml:"applies_to"`
	// Source names the system the measure is exported from.
	Source string `toml:"source"`
	// Per is the base of a published ratio of kind amount ("per 100,000
	// population": 100000); zero otherwise. A percent is per 100.
	Per float64 `toml:"per"`
	// Dimensions lists the ids of the dimensions the measure is broken
	// down by (see dims); exports carry a column for each.
	Dimensions []string `toml:"dimensions"`
}

// Published reports whether the measure is a published percentage or
// ratio: its changes are in points, and it never adds up.
func (m *Measure) Published() bool { return m.Kind == Percent || m.Per > 0 }

// AppliesToType reports whether units of type t may report the measure.
func (m *Measure) AppliesToType(t UnitType) bool {
	if len(m.AppliesTo) == 0 {
		return true
	}
	for _, a := range m.AppliesTo {
		if a == t {
			return true
		}
	}
	return false
}

// IndicatorType says how an indicator is computed from measures.
type IndicatorType string

const (
	// Rate is Numerator / Denominator, shown as a percentage; or, with
	// Measure, a published percentage or ratio (Measure.Published).
	Rate IndicatorType = "rate"
	// CountIndicator is the value of one count measure.
	CountIndicator IndicatorType = "count"
	// Level is the value of one amount measure (a speed, say).
	Level IndicatorType = "level"
)

// Direction says which way an indicator improves.
type Direction string

const (
	HigherIsBetter Direction = "higher"
	LowerIsBetter  Direction = "lower"
	Neutral        Direction = "none"
)

// Target is a value an indicator should reach by a deadline.
type Target struct {
	Value float64 `toml:"value"`
	// Deadline is the last period by which the target should be met ("2030").
	Deadline string `toml:"deadline"`
	// Source says where the target comes from (a decision, a plan).
	Source Text `toml:"source"`
}

// Score gives an indicator points in a scored index such as the national
// service index: min(rate/Threshold, 1) × Points.
type Score struct {
	Group     string  `toml:"group"`
	Points    float64 `toml:"points"`
	Threshold float64 `toml:"threshold"`
}

// Indicator is a figure computed from measures and published on the site.
type Indicator struct {
	ID   string        `toml:"id"`
	Name Text          `toml:"name"`
	Type IndicatorType `toml:"type"`
	// Measure is the measure of a count or level indicator, or of a rate
	// as published.
	Measure string `toml:"measure"`
	// Numerator and Denominator are the measures of a rate.
	Numerator   string    `toml:"numerator"`
	Denominator string    `toml:"denominator"`
	Direction   Direction `toml:"direction"`
	// Unit names what a count or level counts ("văn bản", "Mbps"), or
	// what the base of a ratio per a base counts ("dân", "population":
	// "per 100,000 population"); other rates are in %.
	Unit Text `toml:"unit"`
	// Headline indicators are shown as cards on the home page and in reports.
	Headline bool    `toml:"headline"`
	Target   *Target `toml:"target"`
	Score    *Score  `toml:"score"`
	// Description is Markdown, in both languages.
	Description Text `toml:"description"`
	// Rank false leaves the units unranked (survey estimates whose
	// intervals the publisher warns about); nil or true ranks them.
	Rank *bool `toml:"rank"`
	// Metadata is what statisticians publish with the indicator; nil
	// when the catalogue gives none.
	Metadata *indmeta.Metadata `toml:"metadata"`
}

// Ranked reports whether the indicator's units are ranked.
func (ind *Indicator) Ranked() bool { return ind.Rank == nil || *ind.Rank }

// Published reports whether the indicator is a rate as published: one
// measure, no numerator and denominator.
func (ind *Indicator) Published() bool { return ind.Type == Rate && ind.Measure != "" }

// ScoreGroup is a group of a scored index, with its total points.
type ScoreGroup struct {
	ID     string  `toml:"id"`
	Name   Text    `toml:"name"`
	Points float64 `toml:"points"`
}

// Catalogue lists the levels of the units, the measures exports carry and the indicators computed from them.
type Catalogue struct {
	// Levels are the levels units belong to, from the top; DefaultLevels
	// when catalogue.toml declares none.
	Levels   []UnitLevel `toml:"levels"`
	Measures []Measure   `toml:"measures"`
	// Dimensions are the breakdowns measures may have (sex, age, level).
	Dimensions  []Dimension  `toml:"dimensions"`
	Indicators  []Indicator  `toml:"indicators"`
	ScoreGroups []ScoreGroup `toml:"score_groups"`
}

// Observation is one validated value: a measure for a unit in a period
// (see obs).
type Observation = obs.Observation

// Dataset is everything Minh Bạch publishes from, after validation.
type Dataset struct {
	// Units in the order of units.csv; parents come before their children.
	Units     []Unit
	Catalogue Catalogue
	// Observations sorted by measure, unit and period (period.Compare):
	// the totals (Cell "") only.
	Observations []Observation
	// Breakdowns are the observations of breakdown cells (Cell not ""),
	// sorted by measure, cell, unit and period.
	Breakdowns []Observation
	// Meta describes the publication (site.toml).
	Meta Meta
	// Findings holds the warnings and notes found while loading, up to the
	// cap of each severity (see WithMaxFindings).
	Findings Findings
	// Tally counts the findings, also those past the cap.
	Tally Tally
	// Atlas holds the units' boundaries, from the levels' boundary files
	// (geomap.Read); empty when no level has any.
	Atlas *geomap.Atlas
}

// Sources lists the sources the catalogue's measures name, once each, in
// the order of the measures.
func (c *Catalogue) Sources() []string {
	var sources []string
	for _, m := range c.Measures {
		if m.Source != "" && !slices.Contains(sources, m.Source) {
			sources = append(sources, m.Source)
		}
	}
	return sources
}

// Dimension is a breakdown of measures (see dims).
type Dimension = dims.Dimension

// Dimension returns the catalogue's dimension with the given id.
func (c *Catalogue) Dimension(id string) (*Dimension, bool) { return dims.Find(c.Dimensions, id) }

// Meta describes the publication as a whole, from site.toml.
type Meta = sitemeta.Meta

// Checks tunes the warnings of the data checks ([checks] in site.toml).
type Checks = sitemeta.Checks

// Unit returns the unit with the given code.
func (d *Dataset) Unit(code string) (*Unit, bool) {
	for i := range d.Units {
		if d.Units[i].Code == code {
			return &d.Units[i], true
		}
	}
	return nil, false
}

// Top returns the unit the data is about: the first unit without a parent,
// or nil when there is none.
func (d *Dataset) Top() *Unit {
	for i := range d.Units {
		if d.Units[i].Parent == "" {
			return &d.Units[i]
		}
	}
	return nil
}

// Predecessors returns the units that code took over, in unit order.
func (d *Dataset) Predecessors(code string) []*Unit {
	var out []*Unit
	for i := range d.Units {
		if d.Units[i].Successor == code {
			out = append(out, &d.Units[i])
		}
	}
	return out
}

// Measure returns the catalogue's measure with the given id.
func (c *Catalogue) Measure(id string) (*Measure, bool) {
	for i := range c.Measures {
		if c.Measures[i].ID == id {
			return &c.Measures[i], true
		}
	}
	return nil, false
}

// Indicator returns the catalogue's indicator with the given id.
func (c *Catalogue) Indicator(id string) (*Indicator, bool) {
	for i := range c.Indicators {
		if c.Indicators[i].ID == id {
			return &c.Indicators[i], true
		}
	}
	return nil, false
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
