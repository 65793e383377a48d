// Package obs holds an Observation: one validated value of a measure for
// a unit in a period, in a breakdown cell or the total, with its status,
// note and bounds and where it was read. Package dataset re-exports it
// (dataset.Observation); the packages that keep, complete and check
// observations for dataset (cells) use it without importing dataset.
package obs

import (
	"minhbach/generator/dataset/finding"
	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// Observation is one validated value: a measure for a unit in a period.
type Observation struct {
	Period  period.Period
	Unit    string
	Measure string
	Value   float64
	// Cell is the breakdown cell's key (see dims): "" for the total over
	// every dimension of the measure.
	Cell string
	// Computed marks a value added up from its breakdown, not exported.
	Computed bool
	// Source is where the value was read, for messages; for a computed
	// value, where the first of its parts was read.
	Source finding.Position
	// Status is the observation's SDMX status (zero: A, normal). With
	// mark.Missing the observation has no value (Value is zero): the
	// publisher says it is missing.
	Status mark.Status
	// Detail is the observation's note, interval and sample size; nil
	// when it has none.
	Detail *mark.Detail
}

// HasValue reports whether the observation has a value: it is not one
// the publisher marks missing.
func (o *Observation) HasValue() bool { return !o.Status.Has(mark.Missing) }
