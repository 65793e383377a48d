package dataset

import (
	"errors"
	"strings"
	"testing"

	"minhbach/generator/dataset/foreign"
)

// TestLongCellsAreQuotedShort checks that a finding quotes at most the
// first 80 characters of a cell, with its length, whatever the check: so
// the findings of a file of long bad cells stay small, not a copy of it.
func TestLongCellsAreQuotedShort(t *testing.T) {
	long := func(c string) string { return strings.Repeat(c, 100_000) }
	var b strings.Builder
	b.WriteString("period,unit,measure,value\n")
	const rows = 60
	for range rows {
		b.WriteString(long("p") + "," + long("u") + "," + long("m") + "," + long("9") + "\n")
	}
	dir := writeData(t, map[string]string{"exports/a.csv": b.String(),
		"exports/b.csv": wideHeader + "2025-Q1,go-quao," + long("1") + ",1\n2025-Q1,long-xuyen,1," + long("é") + "\n"})
	_, err := Load(dir)
	var inv *InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("Load: %v", err)
	}
	total := 0
	for _, f := range inv.Findings {
		total += len(f.Message)
		if len(f.Message) > 400 {
			t.Errorf("a finding of %d bytes: %.200s…", len(f.Message), f.Message)
		}
	}
	if total > len(inv.Findings)*300 {
		t.Errorf("the findings hold %d bytes of messages", total)
	}
	want := []string{
		`period "` + strings.Repeat("p", 80) + `…" (100000 characters): expected a period such as 2025, 2025-Q1 or 2025-03`,
		`found "` + strings.Repeat("u", 80) + `…" (100000 characters), expected a unit code from units.csv`,
		`files_received: found "` + strings.Repeat("1", 80) + `…" (100000 characters), expected a whole number such as 1234; the number is too large`,
		`files_online: found "` + strings.Repeat("é", 80) + `…" (100000 characters), expected a whole number such as 1234`,
	}
	for _, w := range want {
		found := false
		for _, f := range inv.Findings {
			found = found || f.Message == w
		}
		if !found {
			t.Errorf("no finding %.120s…", w)

		}
	}
	if inv.Tally.Errors < 2*rows {
		t.Errorf("%d errors counted, want at least %d", inv.Tally.Errors, 2*rows)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"":                         `""`,
		"Gò Quao":                  `"Gò Quao"`,
		"a\nb":                     `"a\nb"`,
		strings.Repeat("ư", 80):    `"` + strings.Repeat("ư", 80) + `"`,
		strings.Repeat("ư", 81):    `"` + strings.Repeat("ư", 80) + `…" (81 characters)`,
		strings.Repeat("\x01", 90): `"` + strings.Repeat(`\x01`, 80) + `…" (90 characters)`,
	} {
		if got := foreign.Quote(in); got != want {
			t.Errorf("Quote(%.20q…) = %s, want %s", in, got, want)
		}
	}
}
