// Package indicator computes the figures Minh Bạch publishes from a validated
// dataset: every indicator of the catalogue, for every unit and every period,
// with its comparisons, target status, score, rank and the completeness of
// the data behind it. It knows nothing of HTML or formatting: values are
// float64, rates are in percent, and the site formats them.
//
// Compute works in four steps:
//
//  1. Measures. Each observation is placed in a dense grid per period kind
//     (month, quarter, year). Months are combined into quarters and quarters
//     into years with the measure's OverTime rule (sum or last); a period
//     whose parts are not all present is Partial (year to date). Units are
//     rolled up into their parent with the measure's AcrossUnits rule (sum,
//     weighted mean or none). A value reported for a unit itself always
//     stands; where it disagrees with its children's roll-up beyond a
//     tolerance, a Warning is recorded.
//  2. Indicators. A rate is 100 × numerator / denominator of the (summed)
//     measures, so a parent's rate is the ratio of sums, never the mean of
//     its children's rates. A missing or zero denominator gives no data.
//     A count or level is the value of its measure.
//  3. Rankings. The children of each parent are ranked per indicator and
//     period in the indicator's direction, with competition ranking for ties.
//  4. Completeness. For each period, how many of the units expected to report
//     each measure did so, and which units reported nothing at all.
//
// Comparisons with earlier periods, target statuses and scores are worked out
// from the stored values when a Value is asked for: each is a few arithmetic
// operations.
package indicator

import (
	"fmt"

	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// Option configures Compute.
type Option func(*config)

// config holds what options may change.
type config struct {
	// tolerance is the relative difference between a reported value and its
	// children's roll-up beyond which a Warning is recorded.
	tolerance float64
	// sameWithin is the size of change (percentage points for rates, percent
	// for counts and levels) below which a change is Same.
	sameWithin float64
}

func defaultConfig() config {
	return config{tolerance: 0.005, sameWithin: 0.05}
}

// WithTolerance sets the relative difference (0.005 = 0.5%, the default)
// between a value a parent unit reports and the roll-up of its children
// beyond which Compute records a Warning.
func WithTolerance(relative float64) Option {
	return func(c *config) { c.tolerance = relative }
}

// WithSameWithin sets the size of change below which a comparison's verdict
// is Same: percentage points for rates, percent for counts and levels. The
// default is 0.05.
func WithSameWithin(delta float64) Option {
	return func(c *config) { c.sameWithin = delta }
}

// Value is one indicator for one unit in one period, with everything the site
// shows about it.
type Value struct {
	Indicator string
	Unit      string
	Period    period.Period

	// OK is false when there is no data: no observation, or a rate whose
	// denominator is missing or zero. Value is then zero and must not be shown.
	OK    bool
	Value float64
	// Numerator and Denominator are the (summed) measures of a rate, set
	// whenever they are present, also when OK is false. For a count or level,
	// Numerator is the value and Denominator is zero.
	Numerator, Denominator float64

	// Partial marks a value derived from fewer parts than its period has
	// (a year to date from three quarters, say).
	Partial bool
	// Reported marks a value exported for the unit itself rather than rolled
	// up from its children (for a rate: both of its measures).
	Reported bool
	// Reconstructed marks a value rebuilt from the unit's predecessors, on
	// its boundaries, for a period before it took them over (see Merged).
	Reconstructed bool

	// Prev compares with the previous period of the same kind, YearAgo with
	// the same period one year earlier.
	Prev, YearAgo Change

	// Rank is the unit's place among its siblings (1 = best, ties share a
	// rank); RankOf is how many siblings were ranked. Both are zero when the
	// unit has no data or no parent.
	Rank, RankOf int
	// BySize marks a rank of an indicator with no better direction: it orders
	// by size (largest first), not by merit.
	BySize bool
	// VsParent is +1 when the value is above the parent's value, −1 below,
	// and 0 when equal or when either has no data.
	VsParent int

	// Target is nil when the indicator has no target or there is no data.
	Target *TargetStatus
	// Score is the indicator's points in its scored index, nil when the
	// indicator is not scored or there is no data.
	Score *float64

	// Status is the value's observation status: its own observations',
	// and those of the values it is made of (mark.Missing when there is
	// no value because the publisher says it is missing).
	Status mark.Status
	// Note is the note of the observation the value rests on, "" for none.
	Note string
	// Interval is the confidence interval the publisher gives, and N the
	// sample size (zero for none); only for a value exported for the unit
	// itself, of an indicator of one measure.
	Interval *mark.Interval
	N        float64
}

// Change compares a value with the value of an earlier period.
type Change struct {
	// OK is false when either value is missing, or when a relative change
	// would divide by a zero base.
	OK bool
	// From is the period compared with, and Base its value.
	From period.Period
	Base float64
	// Delta is the change: in percentage points when Points is set (rates,
	// and points of the base of a published ratio), otherwise in percent
	// of Base (counts and levels).
	Delta   float64
	Points  bool
	Verdict Verdict
	// Reconstructed says that Base was rebuilt from the unit's
	// predecessors: a change across a boundary change, on the later
	// boundaries.
	Reconstructed bool
	// Break says that the change is not computed (OK is false) because
	// the series breaks in between (status B).
	Break bool
}

// The bases of a value (Value.Basis).
const (
	BasisReported      = "reported"
	BasisComputed      = "computed"
	BasisReconstructed = "reconstructed"
)

// Basis says what a value rests on: "reconstructed" from predecessors,
// "reported" for the unit itself, or "computed" (rolled up from its units,
// or over time from its months or quarters).
func (v *Value) Basis() string {
	switch {
	case v.Reconstructed:
		return BasisReconstructed
	case v.Reported:
		return BasisReported
	}
	return BasisComputed
}

// Verdict says whether a change is for the better, given the indicator's direction.
type Verdict uint8

const (
	// NoVerdict is the verdict of a change that is not OK.
	NoVerdict Verdict = iota
	Better
	Worse
	// Same is a change smaller than the WithSameWithin threshold.
	Same
	// Neutral is any change of an indicator with no better direction.
	Neutral
)

// String returns the verdict's lower-case English name.
func (v Verdict) String() string {
	switch v {
	case Better:
		return "better"
	case Worse:
		return "worse"
	case Same:
		return "same"
	case Neutral:
		return "neutral"
	}
	return "none"
}

// Status says where a value stands against its target.
type Status uint8

const (
	// Achieved: the value meets the target in the indicator's direction.
	Achieved Status = iota + 1
	// OnTrack: not met yet, but a straight line from the year-ago value (or
	// the earliest value there is) through this one reaches it by the deadline.
	OnTrack
	// Behind: neither; also any unmet target at or after its deadline.
	Behind
)

// String returns the status in lower-case English, words joined by "_".
func (s Status) String() string {
	switch s {
	case Achieved:
		return "achieved"
	case OnTrack:
		return "on_track"
	case Behind:
		return "behind"
	}
	return "invalid"
}

// TargetStatus is a value measured against its indicator's target.
type TargetStatus struct {
	Target   float64
	Deadline period.Period
	Status   Status
	// Gap is what remains to reach the target, in the indicator's direction:
	// target − value when higher is better, value − target when lower is
	// better. It is zero or negative once the target is achieved.
	Gap float64
}

// Warning records a value a unit reported that disagrees with the roll-up of
// its children beyond the tolerance. The reported value is the one used.
type Warning struct {
	Unit     string
	Measure  string
	Period   period.Period
	Reported float64
	Computed float64
}

// String describes the warning for a log.
func (w Warning) String() string {
	return fmt.Sprintf("%s %s %s: reported %g, children add up to %g",
		w.Unit, w.Measure, w.Period, w.Reported, w.Computed)
}

// GroupScore is a unit's total in one group of a scored index for a period.
type GroupScore struct {
	Group string
	// Points adds up the scores of the group's indicators that have data.
	Points float64
	// Max adds up the points of all the group's indicators in the catalogue.
	Max float64
	// Full is the group's points in the whole index (ScoreGroup.Points), of
	// which the catalogue's indicators may cover only a part.
	Full float64
	// Scored counts the group's indicators with data, of Indicators.
	Scored, Indicators int
}

// Completeness says, for one period, how much of the expected data arrived.
// A measure that names no unit types in AppliesTo is expected from every
// commune-level unit; one that names types is expected from units of those
// types. A value counts as present when it rests on the unit's own
// observations, not on a roll-up of its children.
type Completeness struct {
	Period period.Period
	// Present and Expected count (unit, measure) pairs over all measures;
	// Share is Present / Expected in percent (zero when nothing is expected).
	Present, Expected int
	Share             float64
	// Measures has one entry per catalogue measure, in catalogue order.
	Measures []MeasureCompleteness
	// Silent lists, in the order of units.csv, the units expected to report
	// something that reported nothing in a period in which others did.
	Silent []string
}

// MeasureCompleteness is the completeness of one measure in one period.
type MeasureCompleteness struct {
	Measure           string
	Present, Expected int
	// Share is Present / Expected in percent (zero when nothing is expected).
	Share float64
}
