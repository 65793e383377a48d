// Package locale writes every figure, period and date shown on the site, in
// Vietnamese ("vi") or English ("en"). All pages go through one Formatter so
// that a number reads the same wherever it appears.
//
// The conventions are:
//
//	                 vi                 en
//	count            213.883            213,883
//	number, 1 dp     65,3               65.3
//	percent          86,7%              86.7%
//	point change     +4,0 điểm %        +4.0 pp
//	ratio per base   trên 100.000 dân   per 100,000 population
//	change of it     +1,2 điểm          +1.2 points
//	relative change  −0,5%              −0.5%
//	quarter          Quý I/2025         Q1 2025
//	month            Tháng 3/2025       March 2025
//	year             Năm 2025           2025
//	date             27/11/2026         27 Nov 2026
//	missing figure   chưa có số liệu    no data
//
// Negative figures use the minus sign U+2212 "−", not the ASCII hyphen.
//
// Rounding is half away from zero on the decimal value a person would read:
// a float64 is first written as the shortest decimal that identifies it (so
// 2.675 is "2.675", not 2.67499999…), and that decimal is then rounded. Thus
// 86.65 gives "86,7", 2.675 gives "2.68" and 0.125 gives "0.13", where
// fmt's %.2f would give 2.67 and 0.12.
package locale

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"minhbach/generator/period"
)

// minus is the typographic minus sign U+2212 used for negative figures.
const minus = "−"

// Formatter writes figures, periods and dates in one language. It is a small
// value, safe to copy and to use from many goroutines. The zero Formatter
// writes English; use New or MustNew to choose the language explicitly.
type Formatter struct {
	vi bool // Vietnamese when true, English otherwise
}

// New returns the Formatter for lang, which must be "vi" or "en".
func New(lang string) (Formatter, error) {
	switch lang {
	case "vi":
		return Formatter{vi: true}, nil
	case "en":
		return Formatter{}, nil
	}
	return Formatter{}, fmt.Errorf("locale: unsupported language %q (want \"vi\" or \"en\")", lang)
}

// MustNew is New for languages fixed in code; it panics on an unsupported one.
func MustNew(lang string) Formatter {
	f, err := New(lang)
	if err != nil {
		panic(err)
	}
	return f
}

// Lang returns the Formatter's language code, "vi" or "en".
func (f Formatter) Lang() string {
	if f.vi {
		return "vi"
	}
	return "en"
}

// NoData returns the words shown in place of a missing figure.
func (f Formatter) NoData() string {
	if f.vi {
		return "chưa có số liệu"
	}
	return "no data"
}

// Number writes v with thousands grouped and exactly decimals fraction digits
// (a negative decimals counts as 0): vi "1.234.567,89", en "1,234,567.89".
// NaN and infinities give NoData.
func (f Formatter) Number(v float64, decimals int) string {
	return f.format(v, decimals, minusOnly, "")
}

// Count writes v as a whole number with thousands grouped: vi "213.883",
// en "213,883".
func (f Formatter) Count(v float64) string {
	return f.format(v, 0, minusOnly, "")
}

// Percent writes v, already in percent units, with a percent sign:
// 86.7 gives vi "86,7%", en "86.7%".
func (f Formatter) Percent(v float64, decimals int) string {
	return f.format(v, decimals, minusOnly, "%")
}

// Points writes a change in percentage points, always signed unless it rounds
// to zero: vi "+4,0 điểm %", "−1,2 điểm %", "0,0 điểm %"; en "+4.0 pp".
func (f Formatter) Points(delta float64, decimals int) string {
	return f.format(delta, decimals, alwaysSigned, " "+f.PointsUnit())
}

// PointsUnit names the unit of Points, for a difference written unsigned:
// vi "điểm %", en "pp".
func (f Formatter) PointsUnit() string {
	if f.vi {
		return "điểm %"
	}
	return "pp"
}

// Per writes the unit of a ratio published per a base, what naming what
// the base counts: base 100000 and "dân" give vi "trên 100.000 dân", base
// 100000 and "population" en "per 100,000 population". Without what it is
// "trên 100.000", "per 100,000". The base is a whole number (rounded).
func (f Formatter) Per(base float64, what string) string {
	s := "per " + f.Count(base)
	if f.vi {
		s = "trên " + f.Count(base)
	}
	if what != "" {
		s += " " + what
	}
	return s
}

// BasePoints writes a change of a ratio per a base (see Per) in points of
// that base, always signed unless it rounds to zero: vi "+1,2 điểm",
// "−0,4 điểm"; en "+1.2 points".
func (f Formatter) BasePoints(delta float64, decimals int) string {
	return f.format(delta, decimals, alwaysSigned, " "+f.BasePointsUnit())
}

// BasePointsUnit names the unit of BasePoints: vi "điểm", en "points".
func (f Formatter) BasePointsUnit() string {
	if f.vi {
		return "điểm"
	}
	return "points"
}

// SignedPercent writes a relative change in percent, always signed unless it
// rounds to zero: "+3,2%", "−0,5%", "0,0%".
func (f Formatter) SignedPercent(delta float64, decimals int) string {
	return f.format(delta, decimals, alwaysSigned, "%")
}

// Signed writes a change as a grouped number, always signed unless it rounds
// to zero: vi "+1.204", en "+1,204".
func (f Formatter) Signed(delta float64, decimals int) string {
	return f.format(delta, decimals, alwaysSigned, "")
}

// Decimal writes v for machines (CSV, JSON, data attributes): no grouping,
// "." as the decimal point and an ASCII "-" for negatives, rounded like
// Number. It is the same in both languages. NaN and infinities give "".
func (f Formatter) Decimal(v float64, decimals int) string {
	var buf [40]byte
	return string(f.AppendDecimal(buf[:0], v, decimals))
}

// AppendDecimal appends Decimal(v, decimals) to dst and returns the extended
// buffer, for writers that build a whole file in one buffer.
func (f Formatter) AppendDecimal(dst []byte, v float64, decimals int) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return dst
	}
	var digitBuf [40]byte
	digits, intLen, zero := roundHalfAway(digitBuf[:0], v, decimals)
	if !zero && v < 0 {
		dst = append(dst, '-')
	}
	dst = append(dst, digits[:intLen]...)
	if len(digits) > intLen {
		dst = append(dst, '.')
		dst = append(dst, digits[intLen:]...)
	}
	return dst
}

// signMode says when a figure carries a sign.
type signMode uint8

const (
	minusOnly    signMode = iota // "−" before negatives only
	alwaysSigned                 // "+" or "−", but no sign on zero
)

// format is the common body of the human-facing number methods: it rounds v,
// adds the sign the mode asks for, groups thousands, and appends suffix.
// A value that rounds to zero never carries a sign, so -0.04 is "0,0".
func (f Formatter) format(v float64, decimals int, sign signMode, suffix string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return f.NoData()
	}
	groupSep, decimalSep := byte(','), byte('.')
	if f.vi {
		groupSep, decimalSep = '.', ','
	}

	var digitBuf, outBuf [48]byte
	digits, intLen, zero := roundHalfAway(digitBuf[:0], v, decimals)
	b := outBuf[:0]
	switch {
	case zero:
	case v < 0:
		b = append(b, minus...)
	case sign == alwaysSigned:
		b = append(b, '+')
	}
	b = appendGrouped(b, digits[:intLen], groupSep)
	if len(digits) > intLen {
		b = append(b, decimalSep)
		b = append(b, digits[intLen:]...)
	}
	b = append(b, suffix...)
	return string(b)
}

// roundHalfAway rounds |v| to decimals places (a negative decimals counts as 0),
// half away from zero, working on the shortest decimal representation of v.
// It appends to buf the digits of the integer part followed by exactly
// decimals fraction digits, with no point, and returns them together with the
// length of the integer part and whether every digit is zero. The integer part
// has no leading zeros apart from a lone "0". v must be finite.
func roundHalfAway(buf []byte, v float64, decimals int) (digits []byte, intLen int, zero bool) {
	if decimals < 0 {
		decimals = 0
	}
	if digits, intLen, zero, ok := roundScaled(buf, v, decimals); ok {
		return digits, intLen, zero
	}
	return roundShortest(buf, v, decimals)
}

// roundScaled is the fast path of roundHalfAway: it scales |v| by
// 10^decimals and rounds in binary. That gives the digits rounding the
// shortest decimal gives, since the scaled value is within 2 units in the
// last place of the shortest decimal scaled; unless it is that close to a
// half, as 2.675 is (267.49999999999997). Then it reports !ok, and the
// exact path decides.
func roundScaled(buf []byte, v float64, decimals int) (digits []byte, intLen int, zero, ok bool) {
	if decimals > 15 {
		return nil, 0, false, false
	}
	y := math.Abs(v) * math.Pow10(decimals)
	if !(y < 1<<52) { // also NaN
		return nil, 0, false, false
	}
	whole := math.Floor(y)
	frac := y - whole // exact below 2^52
	if math.Abs(frac-0.5) <= 1e-14*y {
		return nil, 0, false, false
	}
	n := uint64(whole)
	if frac > 0.5 {
		n++
	}
	s := strconv.AppendUint(buf, n, 10)
	if pad := decimals + 1 - len(s); pad > 0 { // 5 with 2 decimals is "005": 0.05
		s = append(s, "0000000000000000"[:pad]...)
		copy(s[pad:], s[:len(s)-pad])
		copy(s, "0000000000000000"[:pad])
	}
	return s, len(s) - decimals, n == 0, true
}

// roundShortest is the exact path of roundHalfAway.
func roundShortest(buf []byte, v float64, decimals int) (digits []byte, intLen int, zero bool) {
	// 'f' with precision -1 gives the shortest digits that read back as v,
	// always with at least one integer digit: "0.125", "1234567.891", "5".
	s := strconv.AppendFloat(buf, math.Abs(v), 'f', -1, 64)
	intLen = len(s)
	for i, c := range s {
		if c == '.' {
			intLen = i
			s = append(s[:i], s[i+1:]...) // drop the point
			break
		}
	}

	// Cut or pad the fraction to decimals digits, noting whether the first
	// digit dropped is 5 or more: since s is exact, that means at least half.
	keep := intLen + decimals
	roundUp := false
	if len(s) > keep {
		roundUp = s[keep] >= '5'
		s = s[:keep]
	}
	for len(s) < keep {
		s = append(s, '0')
	}

	if roundUp {
		i := keep - 1
		for i >= 0 && s[i] == '9' {
			s[i] = '0'
			i--
		}
		if i >= 0 {
			s[i]++
		} else { // all nines: 9.96 → 10.0
			s = append(s, 0)
			copy(s[1:], s)
			s[0] = '1'
			intLen++
		}
	}

	zero = true
	for _, c := range s {
		if c != '0' {
			zero = false
			break
		}
	}
	return s, intLen, zero
}

// appendGrouped appends the integer digits to b with sep between groups of
// three, counted from the right: "1234567" becomes "1.234.567".
func appendGrouped(b, digits []byte, sep byte) []byte {
	first := len(digits) % 3
	if first == 0 {
		first = 3
	}
	b = append(b, digits[:first]...)
	for i := first; i < len(digits); i += 3 {
		b = append(b, sep)
		b = append(b, digits[i:i+3]...)
	}
	return b
}

// Roman numerals for quarters, indexed by quarter number.
var romanQuarter = [5]string{"", "I", "II", "III", "IV"}

// English month names, indexed by month number.
var (
	monthLong = [13]string{"", "January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"}
	monthShort = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
)

// Period writes p for running text and headings: vi "Quý I/2025",
// "Tháng 3/2025", "Năm 2025"; en "Q1 2025", "March 2025", "2025".
// An invalid period (zero kind, quarter or month out of range) is written in
// its canonical form, p.String().
func (f Formatter) Period(p period.Period) string {
	if !valid(p) {
		return p.String()
	}
	year := strconv.Itoa(p.Year)
	switch {
	case p.Kind == period.Quarter && f.vi:
		return "Quý " + romanQuarter[p.N] + "/" + year
	case p.Kind == period.Quarter:
		return "Q" + strconv.Itoa(p.N) + " " + year
	case p.Kind == period.Month && f.vi:
		return "Tháng " + strconv.Itoa(p.N) + "/" + year
	case p.Kind == period.Month:
		return monthLong[p.N] + " " + year
	case f.vi:
		return "Năm " + year
	}
	return year
}

// PeriodShort writes p compactly for chart axes: vi "I/2025", "3/2025",
// "2025"; en "Q1 2025", "Mar 2025", "2025". Invalid periods are written as
// p.String(), as in Period.
func (f Formatter) PeriodShort(p period.Period) string {
	if !valid(p) {
		return p.String()
	}
	year := strconv.Itoa(p.Year)
	switch {
	case p.Kind == period.Quarter && f.vi:
		return romanQuarter[p.N] + "/" + year
	case p.Kind == period.Quarter:
		return "Q" + strconv.Itoa(p.N) + " " + year
	case p.Kind == period.Month && f.vi:
		return strconv.Itoa(p.N) + "/" + year
	case p.Kind == period.Month:
		return monthShort[p.N] + " " + year
	}
	return year
}

// valid reports whether p has a known kind and, for quarters and months, a
// number in range, so that the name tables can be indexed by p.N.
func valid(p period.Period) bool {
	switch p.Kind {
	case period.Year:
		return true
	case period.Quarter:
		return p.N >= 1 && p.N <= 4
	case period.Month:
		return p.N >= 1 && p.N <= 12
	}
	return false
}

// Date writes a calendar date for readers: vi "27/11/2026" (day and month
// padded to two digits), en "27 Nov 2026". The day is not checked; a month
// outside 1–12 has no name, so such a date is written as DateISO writes it.
func (f Formatter) Date(year, month, day int) string {
	if month < 1 || month > 12 {
		return f.DateISO(year, month, day)
	}
	var buf [24]byte
	b := buf[:0]
	if f.vi {
		b = appendPadded(b, day, 2)
		b = append(b, '/')
		b = appendPadded(b, month, 2)
		b = append(b, '/')
	} else {
		b = strconv.AppendInt(b, int64(day), 10)
		b = append(b, ' ')
		b = append(b, monthShort[month]...)
		b = append(b, ' ')
	}
	b = appendPadded(b, year, 4)
	return string(b)
}

// DateISO writes a date as "2026-11-27", the form a <time datetime="…">
// attribute needs. It is the same in both languages.
func (f Formatter) DateISO(year, month, day int) string {
	var buf [24]byte
	b := appendPadded(buf[:0], year, 4)
	b = append(b, '-')
	b = appendPadded(b, month, 2)
	b = append(b, '-')
	b = appendPadded(b, day, 2)
	return string(b)
}

// appendPadded appends n in decimal, left-padded with zeros to width digits.
// Negative numbers are appended unpadded.
func appendPadded(b []byte, n, width int) []byte {
	if n >= 0 {
		for w := digitCount(n); w < width; w++ {
			b = append(b, '0')
		}
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// digitCount returns how many decimal digits a non-negative n has.
func digitCount(n int) int {
	count := 1
	for n >= 10 {
		n /= 10
		count++
	}
	return count
}

// Capitalize returns s with its first letter in upper case, as a sentence
// begins ("điểm" → "Điểm").
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
