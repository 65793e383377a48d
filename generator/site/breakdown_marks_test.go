package site_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBreakdownTablesShowMarksAndNotes builds package breakdown's survey
// by sex (testdata/rates, not the sample): the breakdown tables show each
// cell's status marks and its note's number, numbered on the page with its
// other figures' and listed at its end, as the headline figures' are.
//   - The north's page: women 90.0%, b and note 1, not compared across
//     the break; men 70.0%, e and note 2, +10.0 pp; women's trust has no
//     value, marked m with note 3.
//   - The indicator page: the country's women, rolled up from the
//     regions, carry the north's b but no note.
func TestBreakdownTablesShowMarksAndNotes(t *testing.T) {
	out := t.TempDir()
	if err := buildData(filepath.Join("..", "breakdown", "testdata", "rates"), out); err != nil {
		t.Fatal(err)
	}
	mark := func(letter, words string) string {
		return `<span class="obs-mark" aria-hidden="true">` + letter + `</span><span class="sr-only"> (` + words + `)</span>`
	}
	ref := func(n string) string {
		return `<sup class="note-ref"><a href="#note-` + n + `"><span class="sr-only">note </span>` + n + `</a></sup>`
	}
	brk := mark("b", "break in series: not comparable with the periods before")
	north := readPage(t, out, "en/units/north/index.html")
	for _, want := range []string{
		`<th scope="row">Female</th><td class="num">90.0%` + brk + ref("1") + `</td><td class="num">no data</td>`,
		`<th scope="row">Male</th><td class="num">70.0%` + mark("e", "estimated") + ref("2") + `</td><td class="num">+10.0 pp</td>`,
		`<th scope="row">Female</th><td class="num">no data` + mark("m", "missing, as the publisher says") + ref("3") + `</td>`,
		`<li id="note-1">New questionnaire from 2025</li><li id="note-2">Small sample</li><li id="note-3">Not asked in 2025</li></ol>`,
	} {
		if !strings.Contains(north, want) {
			t.Errorf("the north's page lacks %s", want)
		}
	}
	ind := readPage(t, out, "en/indicators/satisfaction/index.html")
	if want := `<th scope="row">Female</th><td class="num">67.5%` + brk + `</td>`; !strings.Contains(ind, want) {
		t.Errorf("the indicator page lacks %s", want)
	}
}
