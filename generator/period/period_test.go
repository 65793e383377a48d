package period

import (
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	good := map[string]Period{
		"2025": Y(2025), "2025-Q1": Q(2025, 1), "2025-q4": Q(2025, 4), "2025-03": M(2025, 3), "2024-12": M(2024, 12),
	}
	for in, want := range good {
		got, err := Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "25", "2025-Q5", "2025-Q0", "2025-13", "2025-00", "2025-1", "2025Q1", "1899", "abcd", "2025-Q1 ", "２０２５"} {
		if p, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", in, p)
		}
	}
}

func TestStringAndSlug(t *testing.T) {
	for _, tc := range []struct {
		p         Period
		str, slug string
	}{
		{Y(2025), "2025", "2025"}, {Q(2025, 1), "2025-Q1", "2025-q1"}, {M(2025, 3), "2025-03", "2025-03"},
	} {
		if tc.p.String() != tc.str || tc.p.Slug() != tc.slug {
			t.Errorf("%v: String %q Slug %q, want %q %q", tc.p, tc.p.String(), tc.p.Slug(), tc.str, tc.slug)
		}
		if back, _ := Parse(tc.p.String()); back != tc.p {
			t.Errorf("%v does not survive String and Parse", tc.p)
		}
	}
}

func TestArithmetic(t *testing.T) {
	tests := []struct{ got, want Period }{
		{Q(2025, 1).Prev(), Q(2024, 4)},
		{M(2025, 1).Prev(), M(2024, 12)},
		{Y(2025).Prev(), Y(2024)},
		{Q(2024, 3).Add(3), Q(2025, 2)},
		{Q(2025, 2).YearAgo(), Q(2024, 2)},
		{M(2025, 5).Quarter(), Q(2025, 2)},
	}
	for i, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("case %d: got %v, want %v", i, tc.got, tc.want)
		}
	}
	if !Y(2025).Contains(M(2025, 7)) || !Q(2025, 3).Contains(M(2025, 9)) || Q(2025, 3).Contains(M(2025, 10)) || Y(2025).Contains(Q(2024, 4)) {
		t.Error("Contains is wrong")
	}
	if Y(2025).Parts(Quarter) != 4 || Q(2025, 1).Parts(Month) != 3 || Q(2025, 1).Parts(Year) != 0 {
		t.Error("Parts is wrong")
	}
	if y, m, d := Q(2024, 1).End(); y != 2024 || m != 3 || d != 31 {
		t.Errorf("end of 2024-Q1 = %d-%d-%d", y, m, d)
	}
	if y, m, d := M(2024, 2).End(); y != 2024 || m != 2 || d != 29 {
		t.Errorf("end of 2024-02 = %d-%d-%d, want the leap day", y, m, d)
	}
}

func TestCompareOrdersByStartThenLength(t *testing.T) {
	ps := []Period{M(2025, 1), Q(2025, 1), Y(2025), Q(2024, 4), M(2024, 12), Y(2024)}
	slices.SortFunc(ps, Compare)
	want := []Period{Y(2024), Q(2024, 4), M(2024, 12), Y(2025), Q(2025, 1), M(2025, 1)}
	if !slices.Equal(ps, want) {
		t.Errorf("sorted %v, want %v", ps, want)
	}
}
