// Package period holds the reporting periods that exports speak of: years,
// quarters and months, written canonically as "2025", "2025-Q1" and "2025-03".
//
// A Period is a small comparable value, so it can key maps and be sorted.
package period

import (
	"fmt"
	"slices"
	"strconv"
)

// Kind says how long a period is.
type Kind uint8

const (
	Year Kind = iota + 1
	Quarter
	Month
)

// String returns the kind's lower-case English name.
func (k Kind) String() string {
	switch k {
	case Year:
		return "year"
	case Quarter:
		return "quarter"
	case Month:
		return "month"
	}
	return "invalid"
}

// Period is one year, quarter or month. The zero Period is invalid.
type Period struct {
	Kind Kind
	Year int
	// N is the quarter (1–4) or month (1–12); zero for a year.
	N int
}

// Y, Q and M build periods; they do not check their arguments (use Parse for input).
func Y(year int) Period        { return Period{Kind: Year, Year: year} }
func Q(year, q int) Period     { return Period{Kind: Quarter, Year: year, N: q} }
func M(year, month int) Period { return Period{Kind: Month, Year: year, N: month} }

// IsZero reports whether p is the zero (invalid) Period.
func (p Period) IsZero() bool { return p.Kind == 0 }

// Parse reads a canonical period: "2025", "2025-Q1" (also "2025-q1") or "2025-03".
// Years run from 1900 to 2999.
func Parse(s string) (Period, error) {
	if len(s) < 4 {
		return Period{}, fmt.Errorf("period %q: expected YYYY, YYYY-Qn or YYYY-MM", s)
	}
	year, ok := digits(s[:4])
	if !ok || year < 1900 || year > 2999 {
		return Period{}, fmt.Errorf("period %q: expected a year from 1900 to 2999 in YYYY, YYYY-Qn or YYYY-MM", s)
	}
	rest := s[4:]
	switch {
	case rest == "":
		return Y(year), nil
	case len(rest) == 3 && rest[0] == '-' && (rest[1] == 'Q' || rest[1] == 'q'):
		q, ok := digits(rest[2:])
		if !ok || q < 1 || q > 4 {
			return Period{}, fmt.Errorf("period %q: quarter must be Q1 to Q4", s)
		}
		return Q(year, q), nil
	case len(rest) == 3 && rest[0] == '-':
		m, ok := digits(rest[1:])
		if !ok || m < 1 || m > 12 {
			return Period{}, fmt.Errorf("period %q: month must be 01 to 12", s)
		}
		return M(year, m), nil
	}
	return Period{}, fmt.Errorf("period %q: expected YYYY, YYYY-Qn or YYYY-MM", s)
}

func digits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// String returns the canonical form: "2025", "2025-Q1" or "2025-03".
func (p Period) String() string {
	switch p.Kind {
	case Year:
		return strconv.Itoa(p.Year)
	case Quarter:
		return fmt.Sprintf("%d-Q%d", p.Year, p.N)
	case Month:
		return fmt.Sprintf("%d-%02d", p.Year, p.N)
	}
	return ""
}

// Slug returns the form used in URLs: "2025", "2025-q1" or "2025-03".
func (p Period) Slug() string {
	if p.Kind == Quarter {
		return fmt.Sprintf("%d-q%d", p.Year, p.N)
	}
	return p.String()
}

// index numbers periods of one kind consecutively, so that neighbours differ by one.
func (p Period) index() int {
	switch p.Kind {
	case Quarter:
		return p.Year*4 + p.N - 1
	case Month:
		return p.Year*12 + p.N - 1
	}
	return p.Year
}

func fromIndex(k Kind, i int) Period {
	switch k {
	case Quarter:
		return Q(i/4, i%4+1)
	case Month:
		return M(i/12, i%12+1)
	}
	return Y(i)
}

// Add returns the period n periods of the same kind after p (before it when n < 0).
func (p Period) Add(n int) Period { return fromIndex(p.Kind, p.index()+n) }

// Prev returns the period of the same kind just before p.
func (p Period) Prev() Period { return p.Add(-1) }

// YearAgo returns the same period one year earlier.
func (p Period) YearAgo() Period { return Period{Kind: p.Kind, Year: p.Year - 1, N: p.N} }

// Quarter returns the quarter a month falls in, or p itself for a quarter.
// It is not defined for years.
func (p Period) Quarter() Period {
	if p.Kind == Month {
		return Q(p.Year, (p.N-1)/3+1)
	}
	return p
}

// Parts returns how many periods of kind k make up p (4 quarters or 12 months
// in a year, 3 months in a quarter), or 0 when k is not finer than p.
func (p Period) Parts(k Kind) int {
	switch {
	case p.Kind == Year && k == Quarter:
		return 4
	case p.Kind == Year && k == Month:
		return 12
	case p.Kind == Quarter && k == Month:
		return 3
	}
	return 0
}

// Contains reports whether q lies within p (a period contains itself).
func (p Period) Contains(q Period) bool {
	if p == q {
		return true
	}
	switch p.Kind {
	case Year:
		return q.Year == p.Year && q.Kind != Year
	case Quarter:
		return q.Kind == Month && q.Year == p.Year && (q.N-1)/3+1 == p.N
	}
	return false
}

// Compare orders periods by start, then longer periods first: 2025 < 2025-Q1 < 2025-01.
// It returns -1, 0 or +1.
func Compare(a, b Period) int {
	as, bs := a.startMonth(), b.startMonth()
	switch {
	case as < bs:
		return -1
	case as > bs:
		return 1
	case a.Kind < b.Kind:
		return -1
	case a.Kind > b.Kind:
		return 1
	}
	return 0
}

// Within reports whether p lies wholly between the start of from and the
// end of to; a zero from or to is open.
func Within(p, from, to Period) bool {
	if !from.IsZero() && p.startMonth() < from.startMonth() {
		return false
	}
	return to.IsZero() || p.endMonth() <= to.endMonth()
}

// endMonth numbers the last month of p.
func (p Period) endMonth() int {
	switch p.Kind {
	case Year:
		return p.startMonth() + 11
	case Quarter:
		return p.startMonth() + 2
	}
	return p.startMonth()
}

// startMonth numbers the first month of p.
func (p Period) startMonth() int {
	switch p.Kind {
	case Quarter:
		return p.Year*12 + (p.N-1)*3
	case Month:
		return p.Year*12 + p.N - 1
	}
	return p.Year * 12
}

// StartsAfter says whether p begins after the month (1–12) of year.
func (p Period) StartsAfter(year, month int) bool { return p.startMonth() > year*12+month-1 }

// End returns the last day of p as year, month and day.
func (p Period) End() (year, month, day int) {
	last := p.startMonth()
	switch p.Kind {
	case Year:
		last += 11
	case Quarter:
		last += 2
	}
	y, m := last/12, last%12+1
	return y, m, daysIn(y, m)
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Sort orders periods with Compare.
func Sort(ps []Period) {
	slices.SortFunc(ps, Compare)
}
