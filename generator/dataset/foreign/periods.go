package foreign

import (
	"fmt"
	"strconv"
	"strings"

	"minhbach/generator/period"
)

// periodFormats are the ways a mapped export may write its periods, each
// named by an example of its shape. A mapping file's period.format is one
// of these names.
var periodFormats = []string{
	"2025-Q1",    // canonical: 2025, 2025-Q1 or 2025-03
	"Quý I/2025", // Vietnamese quarter, Roman or Arabic numeral: Quý I/2025, Quý 1/2025
	"Q1/2025",
	"2025Q1",
	"2025",
	"03/2025",    // month/year
	"2000/01",    // a fiscal year over two calendar years (needs fiscal_year)
	"31/12/2025", // a date, day/month/year (needs date_in)
	"2025-12-31", // a date, ISO 8601 (needs date_in)
}

// periodParser returns the parser of a period format, or an error naming
// what is wrong with the mapping's period settings.
func periodParser(pm *PeriodMapping) (func(string) (period.Period, error), error) {
	switch pm.Format {
	case "", "2025-Q1":
		return period.Parse, nil
	case "Quý I/2025":
		return parseQuy, nil
	case "Q1/2025":
		return func(s string) (period.Period, error) {
			q, y, ok := strings.Cut(s, "/")
			if !ok || len(q) != 2 || (q[0] != 'Q' && q[0] != 'q') {
				return period.Period{}, badPeriod(s, "Q1/2025")
			}
			return quarter(s, "Q1/2025", y, q[1:])
		}, nil
	case "2025Q1":
		return func(s string) (period.Period, error) {
			if len(s) != 6 || (s[4] != 'Q' && s[4] != 'q') {
				return period.Period{}, badPeriod(s, "2025Q1")
			}
			return quarter(s, "2025Q1", s[:4], s[5:])
		}, nil
	case "2025":
		return func(s string) (period.Period, error) {
			y, err := year(s, s, "2025")
			return period.Y(y), err
		}, nil
	case "03/2025":
		return func(s string) (period.Period, error) {
			m, y, ok := strings.Cut(s, "/")
			if !ok || len(m) != 2 {
				return period.Period{}, badPeriod(s, "03/2025")
			}
			return month(s, "03/2025", y, m)
		}, nil
	case "2000/01":
		if pm.FiscalYear != "start" && pm.FiscalYear != "end" {
			return nil, fmt.Errorf(`period.fiscal_year: found %q, expected "start" or "end" (which calendar year a fiscal year such as 2000/01 is published as)`, pm.FiscalYear)
		}
		end := pm.FiscalYear == "end"
		return func(s string) (period.Period, error) { return parseFiscal(s, end) }, nil
	case "31/12/2025", "2025-12-31":
		kind, ok := map[string]period.Kind{"month": period.Month, "quarter": period.Quarter, "year": period.Year}[pm.DateIn]
		if !ok {
			return nil, fmt.Errorf(`period.date_in: found %q, expected "month", "quarter" or "year" (the period a date such as 31/12/2025 falls in)`, pm.DateIn)
		}
		iso := pm.Format == "2025-12-31"
		return func(s string) (period.Period, error) { return parseDate(s, iso, kind) }, nil
	}
	return nil, fmt.Errorf("period.format: found %q, expected one of %s", pm.Format, quoteList(periodFormats))
}

func badPeriod(s, format string) error {
	return fmt.Errorf("period %s: expected a period written like %s", Quote(s), format)
}

func year(s, y, format string) (int, error) {
	n, err := strconv.Atoi(y)
	if err != nil || len(y) != 4 || y[0] == '+' || n < 1900 || n > 2999 {
		return 0, fmt.Errorf("period %s: expected a year from 1900 to 2999, written like %s", Quote(s), format)
	}
	return n, nil
}

func quarter(s, format, y, q string) (period.Period, error) {
	yr, err := year(s, y, format)
	if err != nil {
		return period.Period{}, err
	}
	if len(q) != 1 || q[0] < '1' || q[0] > '4' {
		return period.Period{}, fmt.Errorf("period %s: quarter must be 1 to 4, written like %s", Quote(s), format)
	}
	return period.Q(yr, int(q[0]-'0')), nil
}

func month(s, format, y, m string) (period.Period, error) {
	yr, err := year(s, y, format)
	if err != nil {
		return period.Period{}, err
	}
	n, err := strconv.Atoi(m)
	if err != nil || len(m) != 2 || m[0] == '+' || n < 1 || n > 12 {
		return period.Period{}, fmt.Errorf("period %s: month must be 01 to 12, written like %s", Quote(s), format)
	}
	return period.M(yr, n), nil
}

// parseQuy reads "Quý I/2025": the word Quý (any case, with or without its
// diacritics), a quarter in Roman (I–IV) or Arabic (1–4) numerals, a slash
// and the year.
func parseQuy(s string) (period.Period, error) {
	const format = "Quý I/2025"
	word, rest, ok := strings.Cut(strings.TrimSpace(s), " ")
	if !ok || Fold(word) != "quy" {
		return period.Period{}, badPeriod(s, format)
	}
	q, y, ok := strings.Cut(strings.TrimSpace(rest), "/")
	if !ok {
		return period.Period{}, badPeriod(s, format)
	}
	n := map[string]string{"I": "1", "II": "2", "III": "3", "IV": "4", "1": "1", "2": "2", "3": "3", "4": "4"}[strings.ToUpper(strings.TrimSpace(q))]
	if n == "" {
		return period.Period{}, fmt.Errorf("period %s: quarter must be I, II, III or IV (or 1 to 4), written like %s", Quote(s), format)
	}
	return quarter(s, format, strings.TrimSpace(y), n)
}

// parseFiscal reads a fiscal year "2000/01" as the calendar year it starts
// or ends in.
func parseFiscal(s string, end bool) (period.Period, error) {
	const format = "2000/01"
	a, b, ok := strings.Cut(s, "/")
	if !ok || len(b) != 2 {
		return period.Period{}, badPeriod(s, format)
	}
	first, err := year(s, a, format)
	if err != nil {
		return period.Period{}, err
	}
	if n, err := strconv.Atoi(b); err != nil || b[0] == '+' || n != (first+1)%100 {
		return period.Period{}, fmt.Errorf("period %s: the second year of a fiscal year must follow the first, as in %d/%02d", Quote(s), first, (first+1)%100)
	}
	if end {
		return period.Y(first + 1), nil
	}
	return period.Y(first), nil
}

// parseDate reads a date, day/month/year or ISO, as the period of kind k it falls in.
func parseDate(s string, iso bool, k period.Kind) (period.Period, error) {
	format := "31/12/2025"
	var y, m, d string
	var parts []string
	if iso {
		format = "2025-12-31"
		parts = strings.Split(s, "-")
		if len(parts) == 3 {
			y, m, d = parts[0], parts[1], parts[2]
		}
	} else {
		parts = strings.Split(s, "/")
		if len(parts) == 3 {
			d, m, y = parts[0], parts[1], parts[2]
		}
	}
	if len(parts) != 3 || len(d) != 2 {
		return period.Period{}, badPeriod(s, format)
	}
	p, err := month(s, format, y, m)
	if err != nil {
		return p, err
	}
	_, _, last := p.End() // the month's last day
	day, err := strconv.Atoi(d)
	if err != nil || d[0] == '+' || day < 1 || day > last {
		return period.Period{}, fmt.Errorf("period %s: day must be 01 to %02d in that month, written like %s", Quote(s), last, format)
	}
	switch k {
	case period.Quarter:
		return p.Quarter(), nil
	case period.Year:
		return period.Y(p.Year), nil
	}
	return p, nil
}

// quoteList quotes the items of list (see Quote), at most 20 of them.
func quoteList(list []string) string {
	const most = 20
	q := make([]string, 0, min(len(list), most+1))
	for i, s := range list {
		if i == most {
			q = append(q, fmt.Sprintf("… and %d more", len(list)-most))
			break
		}
		q = append(q, Quote(s))
	}
	return strings.Join(q, ", ")
}
