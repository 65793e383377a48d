package foreign

import (
	"fmt"
	"strconv"
	"strings"
)

// Number formats of mapped exports (numbers = "…" in a mapping file).
const (
	// NumbersCanonical is 1234 and 86.7, as in canonical exports.
	NumbersCanonical = "canonical"
	// NumbersVI is the Vietnamese way: 213.883 and 86,7.
	NumbersVI = "vi"
	// NumbersEN is the English way: 213,883 and 86.7.
	NumbersEN = "en"
)

// NumberParser returns the parser of a grouped number format, vi or en.
// Its second argument says whether the value may have decimals (an
// amount) or not (a count). For "" and NumbersCanonical it returns nil
// and true: the canonical format is the caller's own. ok is false for an
// unknown format.
func NumberParser(format string) (parse func(s string, decimals bool) (float64, error), ok bool) {
	switch format {
	case "", NumbersCanonical:
		return nil, true
	case NumbersVI:
		return func(s string, decimals bool) (float64, error) {
			return parseGrouped(s, decimals, '.', ',', "vi", "213.883 or 86,7")
		}, true
	case NumbersEN:
		return func(s string, decimals bool) (float64, error) {
			return parseGrouped(s, decimals, ',', '.', "en", "213,883 or 86.7")
		}, true
	}
	return nil, false
}

// parseGrouped reads a number with thousands grouped by group (optional,
// but then in groups of exactly three digits) and decimals after decimal.
// It is as strict as canonical numbers are: no signs, blanks, leading zeros or
// exponents, and no decimals in a count.
func parseGrouped(s string, decimals bool, group, decimal byte, name, example string) (float64, error) {
	bad := func(hint string) (float64, error) {
		if hint != "" {
			hint = "; " + hint
		}
		return 0, fmt.Errorf("found %s, expected a number in the %s format such as %s%s", Quote(s), name, example, hint)
	}
	intPart, frac, hasFrac := strings.Cut(s, string(decimal))
	if s == "" {
		return bad("the cell is empty: leave the row out when there is no data")
	}
	if hasFrac {
		if !decimals {
			return bad("a count cannot have decimals")
		}
		if frac == "" || strings.Trim(frac, "0123456789") != "" {
			return bad("digits are needed after the decimal separator, and nothing else")
		}
	}
	groups := strings.Split(intPart, string(group))
	for i, g := range groups {
		switch {
		case g == "" || strings.Trim(g, "0123456789") != "":
			if strings.TrimSpace(s) != s {
				return bad("remove the spaces around the number")
			}
			if s[0] == '-' {
				return bad("values cannot be negative")
			}
			return bad(fmt.Sprintf("only digits, %q between groups of thousands and %q before decimals", string(group), string(decimal)))
		case i > 0 && len(g) != 3:
			return bad(fmt.Sprintf("%q separates thousands, so groups after the first have three digits", string(group)))
		case i == 0 && len(groups) > 1 && len(g) > 3:
			return bad(fmt.Sprintf("%q separates thousands, so the first group has one to three digits", string(group)))
		}
	}
	digits := strings.Join(groups, "")
	if len(digits) > 1 && digits[0] == '0' || len(groups) > 1 && groups[0][0] == '0' {
		return bad("no leading zeros")
	}
	if len(digits) > 15 {
		return bad("the number is too large")
	}
	canonical := digits
	if hasFrac {
		canonical += "." + frac
	}
	return strconv.ParseFloat(canonical, 64)
}
