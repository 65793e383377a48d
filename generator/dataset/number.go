package dataset

import (
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/number"
)

// ParseNumber reads a value in the canonical number format of exports
// (see number.Parse); a count must be a whole number.
func ParseNumber(s string, kind MeasureKind) (float64, error) {
	return number.Parse(s, kind != Count)
}

// parseCanonical is the fast path of ParseNumber (see number.Canonical).
func parseCanonical[T string | []byte](s T, kind MeasureKind) (float64, bool) {
	return number.Canonical(s, kind != Count)
}

// numberParser returns the parser of a number format (see
// foreign.NumberParser); ok is false for an unknown format.
func numberParser(format string) (func(string, MeasureKind) (float64, error), bool) {
	grouped, ok := foreign.NumberParser(format)
	switch {
	case !ok:
		return nil, false
	case grouped == nil:
		return ParseNumber, true
	}
	return func(s string, k MeasureKind) (float64, error) { return grouped(s, k != Count) }, true
}
