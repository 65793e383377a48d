// Package annot writes what the pages show beside a figure, as
// statisticians publish it: status marks with their legend in words,
// numbered footnotes, and an indicator's metadata section. It writes
// through the page's own escaping writer (Writer): text from the data is
// only ever written as text.
package annot

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/indmeta"
	"minhbach/generator/locale"
	"minhbach/generator/mark"
)

// Writer is the page body's writer: Raw writes markup the caller wrote,
// Text escapes text (also for attribute values), Word returns an
// interface string by key.
type Writer interface {
	Raw(s string)
	Text(s string)
	Word(key string) string
}

// Page gathers the statuses and notes of the figures of one page, so that
// it can end with their legend and its numbered footnotes.
type Page struct {
	// On says the page lists footnotes; Add numbers notes only then.
	On    bool
	notes mark.Footnotes
	seen  mark.Status
}

// Start begins a page that lists its footnotes.
func (p *Page) Start() { *p = Page{On: true} }

// Stop ends it: the figures of pages without footnotes get no numbers.
func (p *Page) Stop() { p.On = false }

// Add records a figure's status and note, and returns the note's number
// on the page (0 for none).
func (p *Page) Add(s mark.Status, note string) int {
	p.seen |= s
	if !p.On {
		return 0
	}
	return p.notes.Add(note)
}

// Marks writes the marks of status s and the reference to footnote n
// (none when 0), after a figure: each mark a letter, said in words to
// assistive technology.
func Marks(w Writer, s mark.Status, n int) {
	s.Each(func(_ mark.Status, letter, key string) {
		w.Raw(`<span class="obs-mark" aria-hidden="true">`)
		w.Text(letter)
		w.Raw(`</span><span class="sr-only"> (`)
		w.Text(w.Word(key))
		w.Raw(`)</span>`)
	})
	if n > 0 {
		num := strconv.Itoa(n)
		w.Raw(`<sup class="note-ref"><a href="#note-` + num + `"><span class="sr-only">`)
		w.Text(w.Word("note_ref"))
		w.Raw(` </span>` + num + `</a></sup>`)
	}
}

// End writes the end of a page: the legend of the marks its figures
// carry, and its footnotes; nothing when there are none.
func (p *Page) End(w Writer) {
	if p.seen != 0 {
		w.Raw(`<p class="obs-legend">`)
		w.Text(w.Word("status_legend"))
		first := true
		p.seen.Each(func(_ mark.Status, letter, key string) {
			if !first {
				w.Raw(`;`)
			}
			first = false
			w.Raw(` <span class="obs-mark">`)
			w.Text(letter)
			w.Raw(`</span> `)
			w.Text(w.Word(key))
		})
		w.Raw(`.</p>`)
	}
	notes := p.notes.List()
	if len(notes) == 0 {
		return
	}
	w.Raw(`<section class="footnotes" aria-labelledby="notes-h"><h2 id="notes-h">`)
	w.Text(w.Word("notes"))
	w.Raw(`</h2><ol>`)
	for i, n := range notes {
		w.Raw(`<li id="note-` + strconv.Itoa(i+1) + `">`)
		w.Text(n)
		w.Raw(`</li>`)
	}
	w.Raw(`</ol></section>`)
}

// Interval writes an interval and a sample size as a table cell's text:
// "78,9–86,1 (n = 400)"; "" when there is neither.
func Interval(f locale.Formatter, iv *mark.Interval, n float64) string {
	s := ""
	if iv != nil {
		s = f.Number(iv.Lower, 1) + "–" + f.Number(iv.Upper, 1)
	}
	if n > 0 {
		if s != "" {
			s += " "
		}
		s += "(n = " + f.Count(n) + ")"
	}
	return s
}

// Metadata writes an indicator's metadata section in lang; nothing for nil.
func Metadata(w Writer, m *indmeta.Metadata, lang string, f locale.Formatter) {
	if m == nil {
		return
	}
	w.Raw(`<section class="metadata" aria-labelledby="metadata-h"><h2 id="metadata-h">`)
	w.Text(w.Word("metadata"))
	w.Raw(`</h2><dl>`)
	item := func(key string, text func()) {
		w.Raw(`<dt>`)
		w.Text(w.Word(key))
		w.Raw(`</dt><dd>`)
		text()
		w.Raw(`</dd>`)
	}
	for _, fd := range m.Texts() {
		item(fd.Key, func() { w.Text(fd.Text.Get(lang)) })
	}
	if m.Multiplier != 0 {
		item("meta_multiplier", func() { w.Text("10^" + strconv.Itoa(m.Multiplier)) })
	}
	if m.LastUpdate != "" {
		item("meta_last_update", func() {
			y, _ := strconv.Atoi(m.LastUpdate[:4])
			mo, _ := strconv.Atoi(m.LastUpdate[5:7])
			d, _ := strconv.Atoi(m.LastUpdate[8:10])
			w.Text(f.Date(y, mo, d))
		})
	}
	if len(m.Related) > 0 {
		item("meta_related", func() {
			w.Raw(`<ul>`)
			for _, r := range m.Related {
				w.Raw(`<li>`)
				w.Text(r.Code)
				if name := r.Name.Get(lang); name != "" {
					w.Raw(` — `)
					w.Text(name)
				}
				w.Raw(`</li>`)
			}
			w.Raw(`</ul>`)
		})
	}
	if len(m.Links) > 0 {
		item("meta_links", func() {
			w.Raw(`<ul>`)
			for _, l := range m.Links {
				if !indmeta.SafeURL(l.URL) {
					continue // checked when the catalogue was read
				}
				w.Raw(`<li><a rel="external noopener" href="`)
				w.Text(l.URL)
				w.Raw(`">`)
				w.Text(l.Name.Get(lang))
				w.Raw(`</a></li>`)
			}
			w.Raw(`</ul>`)
		})
	}
	w.Raw(`</dl></section>`)
}

// Statements say how a rate as published rolls up (weighted by a measure,
// or not at all, parents showing their own reported value or nothing) and
// that an indicator with rank = false ranks nobody; word returns an
// interface string, lang picks the measure names.
func Statements(word func(string) string, ind *dataset.Indicator, cat *dataset.Catalogue, lang string) []string {
	var out []string
	if m, ok := cat.Measure(ind.Measure); ok && ind.Published() {
		if w, ok := cat.Measure(m.Weight); ok && m.AcrossUnits == dataset.WeightedMean {
			out = append(out, fmt.Sprintf(word("rollup_weighted"), w.Name.Get(lang)))
		} else {
			out = append(out, word("rollup_none"))
		}
	}
	if !ind.Ranked() {
		out = append(out, word("rank_off"))
	}
	return out
}

// Rebuilt says how the values of inds are rebuilt on a successor's
// boundaries from the units it took over, as package indicator rebuilds
// them: one way for all, or each indicator named with its own ("A: …;
// B: …"); word returns an interface string, lang picks the names.
func Rebuilt(word func(string) string, inds []*dataset.Indicator, cat *dataset.Catalogue, lang string) string {
	var hows, named []string
	for _, ind := range inds {
		how := rebuiltHow(word, ind, cat, lang)
		if !slices.Contains(hows, how) {
			hows = append(hows, how)
		}
		named = append(named, ind.Name.Get(lang)+": "+how)
	}
	if len(hows) > 1 {
		hows = named
	}
	return strings.Join(hows, "; ")
}

// rebuiltHow says how one indicator is rebuilt: a rate of two measures as
// the ratio of their sums, a measure rolled up as a weighted mean by its
// weight, any other summed.
func rebuiltHow(word func(string) string, ind *dataset.Indicator, cat *dataset.Catalogue, lang string) string {
	if ind.Type == dataset.Rate && !ind.Published() {
		return word("rebuilt_ratio")
	}
	if m, ok := cat.Measure(ind.Measure); ok && m.AcrossUnits == dataset.WeightedMean {
		if w, ok := cat.Measure(m.Weight); ok {
			return fmt.Sprintf(word("rebuilt_weighted"), w.Name.Get(lang))
		}
	}
	return word("rebuilt_sum")
}

// Hollow says what the hollow points of a chart are: figures marked in
// its table, with statuses s, named in words; "" for none.
func Hollow(word func(string) string, s mark.Status) string {
	var names []string
	s.Carried().Each(func(_ mark.Status, _, key string) { names = append(names, word(key)) })
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(word("hollow_points"), strings.Join(names, "; "))
}

// Overlap says, after a ranking's summary, how many of the ranked figures
// have an interval that overlaps a neighbour's, so that their order means
// little; "" when none does. Figures are taken in order of value.
func Overlap(word func(string) string, values []float64, intervals []*mark.Interval) string {
	order := make([]int, len(values))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(values[b], values[a]) })
	sorted := make([]*mark.Interval, len(order))
	for i, j := range order {
		sorted[i] = intervals[j]
	}
	n := mark.Overlapping(sorted)
	if n == 0 {
		return ""
	}
	return " " + fmt.Sprintf(word("intervals_overlap"), n, len(values))
}

// Bounds returns an interval's bounds for a chart, NaN for none.
func Bounds(iv *mark.Interval) (lower, upper float64) {
	if iv == nil {
		return math.NaN(), math.NaN()
	}
	return iv.Lower, iv.Upper
}
