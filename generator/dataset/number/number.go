// Package number reads the canonical number format of exports: digits,
// with an optional '.' and decimals, and nothing that spreadsheets and
// lenient parsers let through.
package number

import (
	"fmt"
	"strconv"
	"strings"

	"minhbach/generator/dataset/foreign"
)

// Parse reads a value in the canonical number format of exports:
// digits, with an optional '.' and decimals for amounts. It rejects what
// spreadsheets and lenient parsers let through — "1,234", "010", "0x1F",
// "1_000", "1e3", "NaN", "Inf", signs and blanks — with a hint that says
// how to write the value instead. Without decimals (a count), it must be a whole number.
func Parse(s string, decimals bool) (float64, error) {
	if v, ok := Canonical(s, decimals); ok {
		return v, nil
	}
	if err := checkCanonical(s, decimals); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("found %s, expected a number such as 1234 or 86.7", foreign.Quote(s))
}

// Canonical is the fast path of Parse: it accepts exactly what
// checkCanonical accepts, and reads whole numbers without strconv.
func Canonical[T string | []byte](s T, decimals bool) (float64, bool) {
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
		case c == '.' && dot < 0 && decimals:
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

func checkCanonical(s string, decimals bool) error {
	example := "a whole number such as 1234"
	if decimals {
		example = "a number such as 1234 or 86.7"
	}
	bad := func(hint string) error {
		if hint != "" {
			hint = "; " + hint
		}
		return fmt.Errorf("found %s, expected %s%s", foreign.Quote(s), example, hint)
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
		if !decimals {
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
