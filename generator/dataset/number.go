package dataset

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseNumber reads a value in the canonical number format of exports:
// digits, with an optional '.' and decimals for amounts. It rejects what
// spreadsheets and lenient parsers let through — "1,234", "010", "0x1F",
// "1_000", "1e3", "NaN", "Inf", signs and blanks — with a hint that says
// how to write the value instead. Counts must be whole numbers.
func ParseNumber(s string, kind MeasureKind) (float64, error) {
	if v, ok := parseCanonical(s, kind); ok {
		return v, nil
	}
	if err := checkCanonical(s, kind); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("found %q, expected a number such as 1234 or 86.7", s)
}

// parseCanonical is the fast path of ParseNumber: it accepts exactly what
// checkCanonical accepts, and reads whole numbers without strconv.
func parseCanonical[T string | []byte](s T, kind MeasureKind) (float64, bool) {
	n := len(s)
	if n == 0 || (s[0] == '0' && n > 1 && s[1] != '.') {
		return 0, false
	}
	var x uint64
	dot := -1
	for i := 0; i < n; i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			x = x*10 + uint64(c-'0')
		case c == '.' && dot < 0 && kind == Amount:
			dot = i
		default:
			return 0, false
		}
	}
	if dot < 0 {
		return float64(x), n <= 15
	}
	if dot == 0 || dot == n-1 || dot > 15 {
		return 0, false
	}
	v, err := strconv.ParseFloat(string(s), 64)
	return v, err == nil
}

// Number formats of mapped exports (numbers = "…" in a mapping file).
const (
	// NumbersCanonical is 1234 and 86.7, as in canonical exports.
	NumbersCanonical = "canonical"
	// NumbersVI is the Vietnamese way: 213.883 and 86,7.
	NumbersVI = "vi"
	// NumbersEN is the English way: 213,883 and 86.7.
	NumbersEN = "en"
)

// numberParser returns the parser of a number format; ok is false for an
// unknown format.
func numberParser(format string) (func(string, MeasureKind) (float64, error), bool) {
	switch format {
	case "", NumbersCanonical:
		return ParseNumber, true
	case NumbersVI:
		return func(s string, k MeasureKind) (float64, error) {
			return parseGrouped(s, k, '.', ',', "vi", "213.883 or 86,7")
		}, true
	case NumbersEN:
		return func(s string, k MeasureKind) (float64, error) {
			return parseGrouped(s, k, ',', '.', "en", "213,883 or 86.7")
		}, true
	}
	return nil, false
}

// parseGrouped reads a number with thousands grouped by group (optional,
// but then in groups of exactly three digits) and decimals after decimal.
// It is as strict as ParseNumber: no signs, blanks, leading zeros or
// exponents, and no decimals in a count.
func parseGrouped(s string, kind MeasureKind, group, decimal byte, name, example string) (float64, error) {
	bad := func(hint string) (float64, error) {
		if hint != "" {
			hint = "; " + hint
		}
		return 0, fmt.Errorf("found %q, expected a number in the %s format such as %s%s", s, name, example, hint)
	}
	intPart, frac, hasFrac := strings.Cut(s, string(decimal))
	if s == "" {
		return bad("the cell is empty: leave the row out when there is no data")
	}
	if hasFrac {
		if kind == Count {
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

func checkCanonical(s string, kind MeasureKind) error {
	example := "a whole number such as 1234"
	if kind == Amount {
		example = "a number such as 1234 or 86.7"
	}
	bad := func(hint string) error {
		if hint != "" {
			hint = "; " + hint
		}
		return fmt.Errorf("found %q, expected %s%s", s, example, hint)
	}
	switch {
	case s == "":
		return bad("the cell is empty: leave the row out when there is no data")
	case strings.TrimSpace(s) != s:
		return bad("remove the spaces around the number")
	case s[0] == '-':
		return bad("values cannot be negative")
	case s[0] == '+':
		return bad("write the number without a sign")
	}
	switch strings.ToLower(s) {
	case "nan", "inf", "infinity", "n/a", "na", "null", "-":
		return bad("leave the row out when there is no data")
	}
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' || s[1] == 'o') {
		return bad("hexadecimal, binary and octal numbers are not accepted")
	}
	dot := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && dot < 0:
			dot = i
		case c == ',':
			return bad("no thousands separators or decimal commas: write 1234 or 86.7")
		case c == '_' || c == ' ':
			return bad("no digit separators: write 1000")
		case c == 'e' || c == 'E':
			return bad("no exponents: write the digits out")
		case c == '.':
			return bad("a number has at most one decimal point; no thousands dots: write 1234")
		default:
			return bad("")
		}
	}
	intPart := s
	if dot >= 0 {
		intPart = s[:dot]
		if dot == len(s)-1 || dot == 0 {
			return bad("digits are needed on both sides of the decimal point")
		}
		if kind == Count {
			return bad("a count cannot have decimals")
		}
	}
	if len(intPart) > 1 && intPart[0] == '0' {
		return bad("no leading zeros")
	}
	if len(intPart) > 15 {
		return bad("the number is too large")
	}
	return nil
}
