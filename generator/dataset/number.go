package dataset

import (
	"fmt"

	"minhbach/generator/dataset/foreign"
)

// ParseNumber reads a value in the canonical number format of exports:
// digits, with an optional '.' and decimals for amounts. It rejects what
// spreadsheets and lenient parsers let through — "1,234", "010", "0x1F",
// "1_000", "1e3", "NaN", "Inf", signs and blanks — with a hint that says
// how to write the value instead. Counts must be whole numbers.
func ParseNumber(s string, kind MeasureKind) (float64, error) {
	if v, ok := foreign.ParseCanonical(s, kind == Amount); ok {
		return v, nil
	}
	if err := foreign.CheckCanonical(s, kind == Amount); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("found %s, expected a number such as 1234 or 86.7", foreign.Quote(s))
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
	return func(s string, k MeasureKind) (float64, error) { return grouped(s, k == Amount) }, true
}
