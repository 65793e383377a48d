package dataset

import (
	"strings"
	"testing"
)

const longHeader = "period,unit,measure,value\n"

// rows writes long-form rows "period unit measure value" one a line.
func rows(rs ...string) string {
	var b strings.Builder
	b.WriteString(longHeader)
	for _, r := range rs {
		b.WriteString(strings.ReplaceAll(r, " ", ",") + "\n")
	}
	return b.String()
}

// TestGranularity checks that a unit and measure given at two granularities
// for the same time is an error naming both places, unless they agree (a
// note then); and that a unit's own parts of a period that its units give
// whole must agree with their total.
func TestGranularity(t *testing.T) {
	months := []string{"2025-01 go-quao files_received 100", "2025-02 go-quao files_received 50", "2025-03 go-quao files_received 50"}
	t.Run("months beside their quarter that do not add up", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": rows(append([]string{"2025-Q1 go-quao files_received 213883"}, months...)...)},
			`exports/a.csv:2:32: files_received for go-quao in 2025-Q1 is given as 213883 here, and as 3 of its months, which add up to 200 (the first at DIR/exports/a.csv:3:32); expected 2025-Q1 or its months, not both, unless they agree exactly`)
	})
	t.Run("some months beside their quarter", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": rows("2025-Q1 go-quao files_received 200", months[0], months[1])},
			`exports/a.csv:2:32: files_received for go-quao in 2025-Q1 is given as 200 here, and as 2 of its months, which add up to 150 (the first at DIR/exports/a.csv:3:32); expected 2025-Q1 or its months, not both, unless they agree exactly`)
	})
	t.Run("months that agree with their quarter", func(t *testing.T) {
		got := warnings(t, map[string]string{"exports/a.csv": rows(append([]string{"2025-Q1 go-quao files_received 200"}, months...)...)})
		if len(got) != 1 || !strings.HasPrefix(got[0], "exports/a.csv:2:32: note: files_received for go-quao in 2025-Q1 is given both whole and as months (the first at ") || !strings.HasSuffix(got[0], "exports/a.csv:3:32); they agree") {
			t.Errorf("findings = %q, want one note that they agree", got)
		}
	})
	t.Run("a year that contradicts its quarters", func(t *testing.T) {
		only(t, map[string]string{"exports/a.csv": rows("2024 go-quao files_received 100",
			"2024-Q1 go-quao files_received 10", "2024-Q2 go-quao files_received 10", "2024-Q3 go-quao files_received 10", "2024-Q4 go-quao files_received 10")},
			`exports/a.csv:2:29: files_received for go-quao in 2024 is given as 100 here, and as 4 of its quarters, which add up to 40 (the first at DIR/exports/a.csv:3:32); expected 2024 or its quarters, not both, unless they agree within 0.5%`)
	})
	t.Run("quarters below their year", func(t *testing.T) {
		// Two quarters of a year need not add up to it; above it, they contradict it.
		got := warnings(t, map[string]string{"exports/a.csv": rows("2024 go-quao files_received 100", "2024-Q1 go-quao files_received 30", "2024-Q2 go-quao files_received 30")})
		if len(got) != 1 || !strings.HasSuffix(got[0], "; they agree") {
			t.Errorf("findings = %q, want one note", got)
		}
		only(t, map[string]string{"exports/a.csv": rows("2024 go-quao files_received 100", "2024-Q1 go-quao files_received 60", "2024-Q2 go-quao files_received 60")},
			`exports/a.csv:2:29: files_received for go-quao in 2024 is given as 100 here, and as 2 of its quarters, which add up to 120 (the first at DIR/exports/a.csv:3:32); expected 2024 or its quarters, not both, unless they agree within 0.5%`)
	})
	t.Run("a year within tolerance of its quarters and months", func(t *testing.T) {
		got := warnings(t, map[string]string{"exports/a.csv": rows("2024 go-quao files_received 1002",
			"2024-01 go-quao files_received 100", "2024-02 go-quao files_received 100", "2024-03 go-quao files_received 50",
			"2024-Q2 go-quao files_received 250", "2024-Q3 go-quao files_received 250", "2024-Q4 go-quao files_received 250")})
		if len(got) != 1 || !strings.HasPrefix(got[0], "exports/a.csv:2:29: note: files_received for go-quao in 2024 is given both whole and as quarters") {
			t.Errorf("findings = %q, want one note", got)
		}
	})
	t.Run("the last value of a quarter", func(t *testing.T) {
		speed := func(q, m1, m3 string) string {
			return rows("2025-Q1 an-giang speed "+q, "2025-01 an-giang speed "+m1, "2025-03 an-giang speed "+m3)
		}
		if got := warnings(t, map[string]string{"exports/a.csv": speed("65.3", "50", "65.3")}); len(got) != 1 || !strings.HasSuffix(got[0], "; they agree") {
			t.Errorf("findings = %q, want one note", got)
		}
		only(t, map[string]string{"exports/a.csv": speed("65.3", "50", "64")},
			`exports/a.csv:2:24: speed for an-giang in 2025-Q1 is given as 65.3 here, and as 2 of its months, which end at 64 (the first at DIR/exports/a.csv:3:24); expected 2025-Q1 or its months, not both, unless they agree exactly`)
	})
	t.Run("a province's months against its communes' quarter", func(t *testing.T) {
		// As in issue 13: the province's months would stand for its
		// quarter (200) over the sum of its units (213,883).
		only(t, map[string]string{"exports/a.csv": rows("2025-Q1 go-quao files_received 200000", "2025-Q1 long-xuyen files_received 13883",
			"2025-01 an-giang files_received 100", "2025-02 an-giang files_received 50", "2025-03 an-giang files_received 50")},
			`exports/a.csv:4:33: files_received for an-giang in 2025-Q1 comes to 200 from its own months (the first here), but its units give 2025-Q1 whole, 213883 in all (such as go-quao at DIR/exports/a.csv:2:32); expected 2025-Q1 given whole, or parts that agree with its units within 0.5%`)
		loadOK(t, map[string]string{"exports/a.csv": rows("2025-Q1 go-quao files_received 150", "2025-Q1 long-xuyen files_received 50",
			"2025-01 an-giang files_received 100", "2025-02 an-giang files_received 50", "2025-03 an-giang files_received 50")})
	})
}
