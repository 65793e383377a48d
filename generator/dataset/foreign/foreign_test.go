package foreign

import (
	"fmt"
	"strings"
	"testing"
)

func TestPeriodFormats(t *testing.T) {
	tests := []struct {
		format, extra, in, want string
	}{
		{"Quý I/2025", "", "Quý III/2025", "2025-Q3"},
		{"Quý I/2025", "", "quy 4/2024", "2024-Q4"},
		{"Q1/2025", "", "Q2/2025", "2025-Q2"},
		{"2025Q1", "", "2025Q4", "2025-Q4"},
		{"2025", "", "2024", "2024"},
		{"03/2025", "", "11/2025", "2025-11"},
		{"2000/01", "start", "2000/01", "2000"},
		{"2000/01", "end", "2000/01", "2001"},
		{"31/12/2025", "quarter", "15/08/2025", "2025-Q3"},
		{"2025-12-31", "month", "2024-02-29", "2024-02"},
		{"2025-12-31", "year", "2024-02-30", `period "2024-02-30": day must be 01 to 29 in that month, written like 2025-12-31`},
		{"2000/01", "start", "1999/01", `period "1999/01": the second year of a fiscal year must follow the first, as in 1999/00`},
		{"Q1/2025", "", "Q5/2025", `period "Q5/2025": quarter must be 1 to 4, written like Q1/2025`},
		{"2025Q1", "", "2025-Q1", `period "2025-Q1": expected a period written like 2025Q1`},
	}
	for _, tt := range tests {
		pm := &PeriodMapping{Format: tt.format, FiscalYear: tt.extra, DateIn: tt.extra}
		parse, err := periodParser(pm)
		if err != nil {
			t.Fatalf("%s: %v", tt.format, err)
		}
		p, err := parse(tt.in)
		got := p.String()
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.format, tt.in, got, tt.want)
		}
	}
}

func TestGroupedNumbers(t *testing.T) {
	vi, _ := NumberParser(NumbersVI)
	en, _ := NumberParser(NumbersEN)
	const Count, Amount = false, true
	for _, tt := range []struct {
		parse    func(string, bool) (float64, error)
		in       string
		decimals bool
		want     string
	}{
		{vi, "213.883", Count, "213883"},
		{vi, "86,7", Amount, "86.7"},
		{vi, "1.234.567,25", Amount, "1.23456725e+06"},
		{vi, "0,5", Amount, "0.5"},
		{vi, "1234", Count, "1234"},
		{en, "213,883", Count, "213883"},
		{vi, "12.34", Count, `"." separates thousands, so groups after the first have three digits`},
		{vi, "1234.567", Count, `"." separates thousands, so the first group has one to three digits`},
		{vi, "012", Count, "no leading zeros"},
		{vi, "-5", Count, "values cannot be negative"},
		{vi, "", Count, "the cell is empty"},
		{vi, "1e3", Count, `only digits, "." between groups of thousands and "," before decimals`},
		{en, "1,5", Count, `"," separates thousands, so groups after the first have three digits`},
	} {
		v, err := tt.parse(tt.in, tt.decimals)
		got := fmt.Sprint(v)
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("%q: got %q, want %q", tt.in, got, tt.want)
		}
	}
}
