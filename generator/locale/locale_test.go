package locale_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"minhbach/generator/locale"
	"minhbach/generator/period"
)

var (
	vi = locale.MustNew("vi")
	en = locale.MustNew("en")
)

func TestNew(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		f, err := locale.New(lang)
		if err != nil {
			t.Fatalf("New(%q): %v", lang, err)
		}
		if f.Lang() != lang {
			t.Errorf("New(%q).Lang() = %q", lang, f.Lang())
		}
	}
	for _, lang := range []string{"", "fr", "VI", "en-GB", "vi-VN"} {
		_, err := locale.New(lang)
		if err == nil {
			t.Errorf("New(%q): no error", lang)
			continue
		}
		if want := fmt.Sprintf("%q", lang); !strings.Contains(err.Error(), want) {
			t.Errorf("New(%q) error %q does not name the value", lang, err)
		}
	}
}

func TestMustNewPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustNew(\"de\") did not panic")
		}
	}()
	locale.MustNew("de")
}

func TestZeroFormatterIsEnglish(t *testing.T) {
	var f locale.Formatter
	if f.Lang() != "en" || f.Count(1234) != "1,234" {
		t.Errorf("zero Formatter: Lang %q, Count(1234) %q; want en, 1,234", f.Lang(), f.Count(1234))
	}
}

// numberCase is one value written by a number method in both languages.
type numberCase struct {
	v        float64
	decimals int
	vi, en   string
}

func checkNumbers(t *testing.T, name string, method func(locale.Formatter, float64, int) string, cases []numberCase) {
	t.Helper()
	for _, c := range cases {
		if got := method(vi, c.v, c.decimals); got != c.vi {
			t.Errorf("vi %s(%v, %d) = %q, want %q", name, c.v, c.decimals, got, c.vi)
		}
		if got := method(en, c.v, c.decimals); got != c.en {
			t.Errorf("en %s(%v, %d) = %q, want %q", name, c.v, c.decimals, got, c.en)
		}
	}
}

var (
	nan    = math.NaN()
	posInf = math.Inf(1)
	negInf = math.Inf(-1)
	negZ   = math.Copysign(0, -1)
)

func TestNumber(t *testing.T) {
	checkNumbers(t, "Number", locale.Formatter.Number, []numberCase{
		// Zero and small values.
		{0, 0, "0", "0"},
		{0, 2, "0,00", "0.00"},
		{negZ, 1, "0,0", "0.0"},
		{7, 0, "7", "7"},
		{65.3, 1, "65,3", "65.3"},
		{65.3, 3, "65,300", "65.300"},
		{0.5, 0, "1", "1"},
		{0.4, 0, "0", "0"},
		// Grouping boundaries.
		{999, 0, "999", "999"},
		{1000, 0, "1.000", "1,000"},
		{12345, 0, "12.345", "12,345"},
		{213883, 0, "213.883", "213,883"},
		{999999.5, 0, "1.000.000", "1,000,000"},
		{1234567.891, 0, "1.234.568", "1,234,568"},
		{1234567.891, 2, "1.234.567,89", "1,234,567.89"},
		{1234567.891, 5, "1.234.567,89100", "1,234,567.89100"},
		{1e15, 0, "1.000.000.000.000.000", "1,000,000,000,000,000"},
		{1e21, 0, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"},
		// Half away from zero on the decimal value, not the binary one:
		// %.2f would give 1.00, 2.67, 0.12; %.1f gives 0.1, 0.3, 1.4.
		{86.65, 1, "86,7", "86.7"},
		{82.65, 1, "82,7", "82.7"},
		{1.005, 2, "1,01", "1.01"},
		{2.675, 2, "2,68", "2.68"},
		{0.125, 2, "0,13", "0.13"},
		{0.15, 1, "0,2", "0.2"},
		{0.35, 1, "0,4", "0.4"},
		{1.45, 1, "1,5", "1.5"},
		{2.5, 0, "3", "3"},
		{0.05, 1, "0,1", "0.1"},
		{86.649, 1, "86,6", "86.6"},
		// Carries through nines, into a new group.
		{9.96, 1, "10,0", "10.0"},
		{999.95, 1, "1.000,0", "1,000.0"},
		{0.999, 2, "1,00", "1.00"},
		// Negatives use U+2212; half away from zero means −2.5 → −3.
		{-1.2, 1, "−1,2", "−1.2"},
		{-2.5, 0, "−3", "−3"},
		{-2.675, 2, "−2,68", "−2.68"},
		{-1234567.891, 1, "−1.234.567,9", "−1,234,567.9"},
		{-0.04, 1, "0,0", "0.0"},
		{-0.05, 1, "−0,1", "−0.1"},
		// A negative decimals count means none.
		{12.6, -1, "13", "13"},
		// No figure.
		{nan, 1, "chưa có số liệu", "no data"},
		{posInf, 0, "chưa có số liệu", "no data"},
		{negInf, 0, "chưa có số liệu", "no data"},
	})
}

func TestCount(t *testing.T) {
	count := func(f locale.Formatter, v float64, _ int) string { return f.Count(v) }
	checkNumbers(t, "Count", count, []numberCase{
		{0, 0, "0", "0"},
		{213883, 0, "213.883", "213,883"},
		{1234567.891, 0, "1.234.568", "1,234,568"},
		{1204.5, 0, "1.205", "1,205"},
		{-3400, 0, "−3.400", "−3,400"},
		{-0.3, 0, "0", "0"},
		{nan, 0, "chưa có số liệu", "no data"},
	})
}

func TestPercent(t *testing.T) {
	checkNumbers(t, "Percent", locale.Formatter.Percent, []numberCase{
		{86.7, 1, "86,7%", "86.7%"},
		{86.65, 1, "86,7%", "86.7%"},
		{100, 0, "100%", "100%"},
		{0, 1, "0,0%", "0.0%"},
		{1234.5, 1, "1.234,5%", "1,234.5%"},
		{-3.25, 1, "−3,3%", "−3.3%"},
		{nan, 1, "chưa có số liệu", "no data"},
	})
}

func TestPoints(t *testing.T) {
	checkNumbers(t, "Points", locale.Formatter.Points, []numberCase{
		{4, 1, "+4,0 điểm %", "+4.0 pp"},
		{-1.2, 1, "−1,2 điểm %", "−1.2 pp"},
		{0, 1, "0,0 điểm %", "0.0 pp"},
		{negZ, 1, "0,0 điểm %", "0.0 pp"},
		{0.04, 1, "0,0 điểm %", "0.0 pp"},
		{-0.04, 1, "0,0 điểm %", "0.0 pp"},
		{0.05, 1, "+0,1 điểm %", "+0.1 pp"},
		{12.345, 2, "+12,35 điểm %", "+12.35 pp"},
		{posInf, 1, "chưa có số liệu", "no data"},
		{nan, 1, "chưa có số liệu", "no data"},
	})
}

func TestBasePoints(t *testing.T) {
	checkNumbers(t, "BasePoints", locale.Formatter.BasePoints, []numberCase{
		{1.2, 1, "+1,2 điểm", "+1.2 points"},
		{-0.45, 1, "−0,5 điểm", "−0.5 points"},
		{0.04, 1, "0,0 điểm", "0.0 points"},
		{1234.5, 1, "+1.234,5 điểm", "+1,234.5 points"},
		{nan, 1, "chưa có số liệu", "no data"},
	})
}

func TestPer(t *testing.T) {
	for _, c := range []struct {
		base   float64
		what   [2]string
		vi, en string
	}{
		{100000, [2]string{"dân", "population"}, "trên 100.000 dân", "per 100,000 population"},
		{1000, [2]string{"trẻ đẻ sống", "live births"}, "trên 1.000 trẻ đẻ sống", "per 1,000 live births"},
		{100, [2]string{"", ""}, "trên 100", "per 100"},
	} {
		if got := vi.Per(c.base, c.what[0]); got != c.vi {
			t.Errorf("vi Per(%v, %q) = %q, want %q", c.base, c.what[0], got, c.vi)
		}
		if got := en.Per(c.base, c.what[1]); got != c.en {
			t.Errorf("en Per(%v, %q) = %q, want %q", c.base, c.what[1], got, c.en)
		}
	}
	if vi.PointsUnit() != "điểm %" || en.PointsUnit() != "pp" || vi.BasePointsUnit() != "điểm" || en.BasePointsUnit() != "points" {
		t.Errorf("units of points: %q %q %q %q", vi.PointsUnit(), en.PointsUnit(), vi.BasePointsUnit(), en.BasePointsUnit())
	}
}

func TestSignedPercent(t *testing.T) {
	checkNumbers(t, "SignedPercent", locale.Formatter.SignedPercent, []numberCase{
		{3.2, 1, "+3,2%", "+3.2%"},
		{-0.5, 1, "−0,5%", "−0.5%"},
		{0, 1, "0,0%", "0.0%"},
		{-0.01, 1, "0,0%", "0.0%"},
		{1500, 0, "+1.500%", "+1,500%"},
		{2.675, 2, "+2,68%", "+2.68%"},
		{negInf, 1, "chưa có số liệu", "no data"},
	})
}

func TestSigned(t *testing.T) {
	checkNumbers(t, "Signed", locale.Formatter.Signed, []numberCase{
		{1204, 0, "+1.204", "+1,204"},
		{-1204, 0, "−1.204", "−1,204"},
		{0, 0, "0", "0"},
		{0.4, 0, "0", "0"},
		{1234567.891, 1, "+1.234.567,9", "+1,234,567.9"},
		{-0.75, 1, "−0,8", "−0.8"},
		{nan, 0, "chưa có số liệu", "no data"},
	})
}

func TestDecimal(t *testing.T) {
	// Decimal is the same in both languages.
	checkNumbers(t, "Decimal", locale.Formatter.Decimal, []numberCase{
		{0, 0, "0", "0"},
		{0, 2, "0.00", "0.00"},
		{negZ, 1, "0.0", "0.0"},
		{1234567.891, 2, "1234567.89", "1234567.89"},
		{1234567.891, 0, "1234568", "1234568"},
		{86.65, 1, "86.7", "86.7"},
		{1.005, 2, "1.01", "1.01"},
		{2.675, 2, "2.68", "2.68"},
		{0.125, 2, "0.13", "0.13"},
		{-2.675, 2, "-2.68", "-2.68"},
		{-1234.5, 0, "-1235", "-1235"},
		{-0.004, 2, "0.00", "0.00"},
		{1e-7, 3, "0.000", "0.000"},
		{nan, 1, "", ""},
		{posInf, 1, "", ""},
		{negInf, 1, "", ""},
	})
}

func TestPeriod(t *testing.T) {
	cases := []struct {
		p                period.Period
		vi, en           string
		viShort, enShort string
	}{
		{period.Q(2025, 1), "Quý I/2025", "Q1 2025", "I/2025", "Q1 2025"},
		{period.Q(2025, 2), "Quý II/2025", "Q2 2025", "II/2025", "Q2 2025"},
		{period.Q(2025, 3), "Quý III/2025", "Q3 2025", "III/2025", "Q3 2025"},
		{period.Q(2024, 4), "Quý IV/2024", "Q4 2024", "IV/2024", "Q4 2024"},
		{period.M(2025, 3), "Tháng 3/2025", "March 2025", "3/2025", "Mar 2025"},
		{period.M(2025, 1), "Tháng 1/2025", "January 2025", "1/2025", "Jan 2025"},
		{period.M(2026, 9), "Tháng 9/2026", "September 2026", "9/2026", "Sep 2026"},
		{period.M(2026, 12), "Tháng 12/2026", "December 2026", "12/2026", "Dec 2026"},
		{period.Y(2025), "Năm 2025", "2025", "2025", "2025"},
		// Invalid periods fall back to the canonical form.
		{period.Period{}, "", "", "", ""},
		{period.Q(2025, 5), "2025-Q5", "2025-Q5", "2025-Q5", "2025-Q5"},
		{period.M(2025, 13), "2025-13", "2025-13", "2025-13", "2025-13"},
	}
	for _, c := range cases {
		if got := vi.Period(c.p); got != c.vi {
			t.Errorf("vi Period(%v) = %q, want %q", c.p, got, c.vi)
		}
		if got := en.Period(c.p); got != c.en {
			t.Errorf("en Period(%v) = %q, want %q", c.p, got, c.en)
		}
		if got := vi.PeriodShort(c.p); got != c.viShort {
			t.Errorf("vi PeriodShort(%v) = %q, want %q", c.p, got, c.viShort)
		}
		if got := en.PeriodShort(c.p); got != c.enShort {
			t.Errorf("en PeriodShort(%v) = %q, want %q", c.p, got, c.enShort)
		}
	}
}

func TestDate(t *testing.T) {
	cases := []struct {
		y, m, d     int
		vi, en, iso string
	}{
		{2026, 11, 27, "27/11/2026", "27 Nov 2026", "2026-11-27"},
		{2026, 3, 5, "05/03/2026", "5 Mar 2026", "2026-03-05"},
		{2025, 1, 1, "01/01/2025", "1 Jan 2025", "2025-01-01"},
		{2024, 2, 29, "29/02/2024", "29 Feb 2024", "2024-02-29"},
		{2025, 12, 31, "31/12/2025", "31 Dec 2025", "2025-12-31"},
		{999, 6, 15, "15/06/0999", "15 Jun 0999", "0999-06-15"},
		// A month without a name is written as ISO.
		{2025, 13, 1, "2025-13-01", "2025-13-01", "2025-13-01"},
		{2025, 0, 1, "2025-00-01", "2025-00-01", "2025-00-01"},
	}
	for _, c := range cases {
		if got := vi.Date(c.y, c.m, c.d); got != c.vi {
			t.Errorf("vi Date(%d, %d, %d) = %q, want %q", c.y, c.m, c.d, got, c.vi)
		}
		if got := en.Date(c.y, c.m, c.d); got != c.en {
			t.Errorf("en Date(%d, %d, %d) = %q, want %q", c.y, c.m, c.d, got, c.en)
		}
		for _, f := range []locale.Formatter{vi, en} {
			if got := f.DateISO(c.y, c.m, c.d); got != c.iso {
				t.Errorf("%s DateISO(%d, %d, %d) = %q, want %q", f.Lang(), c.y, c.m, c.d, got, c.iso)
			}
		}
	}
}

func TestNoData(t *testing.T) {
	if got := vi.NoData(); got != "chưa có số liệu" {
		t.Errorf("vi NoData() = %q", got)
	}
	if got := en.NoData(); got != "no data" {
		t.Errorf("en NoData() = %q", got)
	}
}

func TestNumberAllocatesOnlyResult(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _ = vi.Number(1234567.891, 2) })
	if allocs > 1 {
		t.Errorf("Number allocates %v times per call, want at most 1", allocs)
	}
}

func Example() {
	vi := locale.MustNew("vi")
	en := locale.MustNew("en")
	for _, f := range []locale.Formatter{vi, en} {
		fmt.Println(f.Count(213883), "|", f.Percent(86.65, 1), "|", f.Points(4, 1), "|",
			f.SignedPercent(-0.5, 1), "|", f.Period(period.Q(2025, 1)), "|", f.Date(2026, 11, 27), "|",
			f.Number(math.NaN(), 1))
	}
	fmt.Println(vi.Decimal(-1234567.891, 2))
	// Output:
	// 213.883 | 86,7% | +4,0 điểm % | −0,5% | Quý I/2025 | 27/11/2026 | chưa có số liệu
	// 213,883 | 86.7% | +4.0 pp | −0.5% | Q1 2025 | 27 Nov 2026 | no data
	// -1234567.89
}

func BenchmarkNumber(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = vi.Number(1234567.891, 2)
	}
}
