package breakdown_test

import (
	"fmt"
	"strings"
	"testing"

	"minhbach/generator/breakdown"
	"minhbach/generator/chart"
	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/mark"
	"minhbach/generator/period"
	"minhbach/generator/site/annot"
)

// loadRates reads testdata/rates — a survey's satisfaction by sex in two
// regions, weighted by respondents, with statuses and notes on cells — and
// works out its breakdowns.
func loadRates(t *testing.T) (*dataset.Dataset, *breakdown.Set) {
	t.Helper()
	ds, err := dataset.Load("testdata/rates")
	if err != nil {
		t.Fatal(err)
	}
	set, err := breakdown.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	if set.Of("satisfaction") == nil || set.Of("trust_rate") == nil {
		t.Fatal("satisfaction or trust has no breakdowns")
	}
	return ds, set
}

// TestCellsCarryStatusNoteAndBreak: the north's women in 2025 are 90%,
// marked B with the publisher's note, and not compared with 2024 across the
// break; its men are 70%, estimated, +10 points on 60%. The country's women
// in 2025 are the regions' mean weighted by respondents, (90×100 + 60×300)
// / 400 = 67.5%, carrying the B but no note, so not compared with its
// reported 72% of 2024 either. A cell marked missing (M) keeps its mark and
// note, without a value.
func TestCellsCarryStatusNoteAndBreak(t *testing.T) {
	_, set := loadRates(t)
	bi, y := set.Of("satisfaction"), period.Y(2025)
	if v := bi.Value("sex=f", "north", y); !v.OK || v.Value != 90 || v.Status != mark.Break || v.Note != "New questionnaire from 2025" || v.Prev.OK || !v.Prev.Break {
		t.Errorf("north's women in 2025: %+v, want 90 marked B with its note, not compared across the break", v)
	}
	if v := bi.Value("sex=m", "north", y); !v.OK || v.Value != 70 || v.Status != mark.Estimated || v.Note != "Small sample" || !v.Prev.OK || v.Prev.Delta != 10 || !v.Prev.Points {
		t.Errorf("north's men in 2025: %+v, want 70 marked E, +10 points", v)
	}
	if v := bi.Value("sex=f", "land", y); !v.OK || v.Value != 67.5 || v.Status != mark.Break || v.Note != "" || v.Prev.OK || !v.Prev.Break {
		t.Errorf("the country's women in 2025: %+v, want 67.5 carrying B, no note, not compared", v)
	}
	if v := set.Of("trust_rate").Value("sex=f", "north", y); v.OK || v.Status != mark.Missing || v.Note != "Not asked in 2025" {
		t.Errorf("north's trust among women in 2025: %+v, want no value, marked M with its note", v)
	}
}

// TestHeadlineFromWeightedCells: the north's total is added up from its
// cells, weighted by respondents ((90×100 + 70×100) / 200 = 80%), carries
// B and E, and so is not compared with 2024 (65%).
func TestHeadlineFromWeightedCells(t *testing.T) {
	ds, _ := loadRates(t)
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	if v := res.Value("satisfaction", "north", period.Y(2025)); !v.OK || v.Value != 80 || v.Status != mark.Break|mark.Estimated || v.Prev.OK || !v.Prev.Break {
		t.Errorf("north in 2025: %+v, want 80 marked B E, not compared", v)
	}
	if v := res.Value("satisfaction", "north", period.Y(2024)); !v.OK || v.Value != 65 {
		t.Errorf("north in 2024: %+v, want 65", v)
	}
}

// TestSectionShowsMarksAndNotes: the breakdown table shows each cell's
// marks and its note's number, numbered on the page: the north's two notes
// are 1 and 2, and the south's men, noted as the north's are, keep 2.
func TestSectionShowsMarksAndNotes(t *testing.T) {
	ds, set := loadRates(t)
	var notes annot.Page
	notes.Start()
	pg := &breakdown.Page{Set: set, Lang: "en", Words: breakdown.Words{Heading: "By group", By: "By %s", Gap: "%s: %s (%s) — %s (%s), %s"},
		Value: func(_ *dataset.Indicator, v indicator.Value) string {
			if !v.OK {
				return "no data"
			}
			return fmt.Sprintf("%.1f%%", v.Value)
		},
		Change: func(_ *dataset.Indicator, c indicator.Change) string {
			if !c.OK {
				return "—"
			}
			return fmt.Sprintf("%+.1f pp", c.Delta)
		},
		Period: period.Period.String, Bar: chart.NewBar, NoData: "no data",
		Format: func(ind *dataset.Indicator) figure.Format { return figure.Of(&ds.Catalogue, ind, locale.MustNew("en")) },
		Note:   notes.Add, Word: func(key string) string { return "[" + key + "]" }}
	ind, _ := ds.Catalogue.Indicator("satisfaction")
	section := func(code string) string {
		u, _ := ds.Unit(code)
		html, err := pg.Section(ind, u, period.Y(2025))
		if err != nil {
			t.Fatal(err)
		}
		return html
	}
	ref := func(n string) string {
		return `<sup class="note-ref"><a href="#note-` + n + `"><span class="sr-only">[note_ref] </span>` + n + `</a></sup>`
	}
	north, south := section("north"), section("south")
	for _, want := range []string{
		`<th scope="row">Female</th><td class="num">90.0%<span class="obs-mark" aria-hidden="true">b</span><span class="sr-only"> ([status_break])</span>` + ref("1") + `</td><td class="num">—</td>`,
		`<th scope="row">Male</th><td class="num">70.0%<span class="obs-mark" aria-hidden="true">e</span><span class="sr-only"> ([status_estimated])</span>` + ref("2") + `</td><td class="num">+10.0 pp</td>`,
	} {
		if !strings.Contains(north, want) {
			t.Errorf("the north's section lacks %s", want)
		}
	}
	for _, want := range []string{
		`<th scope="row">Female</th><td class="num">60.0%</td>`,
		`<th scope="row">Male</th><td class="num">80.0%` + ref("2") + `</td>`,
	} {
		if !strings.Contains(south, want) {
			t.Errorf("the south's section lacks %s", want)
		}
	}
	var end strings.Builder
	notes.End(writer{&end})
	if !strings.Contains(end.String(), `<li id="note-1">New questionnaire from 2025</li><li id="note-2">Small sample</li></ol>`) {
		t.Errorf("the page's notes: %s", end.String())
	}
}

// writer is an annot.Writer for the test: text escaped as the pages do.
type writer struct{ b *strings.Builder }

func (w writer) Raw(s string) { w.b.WriteString(s) }
func (w writer) Text(s string) {
	w.b.WriteString(strings.NewReplacer("&", "&amp;", "<", "&lt;").Replace(s))
}
func (w writer) Word(key string) string { return key }
