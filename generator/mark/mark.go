// Package mark holds what statisticians publish beside a figure: its
// observation status (the SDMX codes A, E, P, B, M and F), its note, its
// confidence interval and sample size, and the numbered footnotes a page
// gathers its notes into.
//
// It knows nothing of HTML: the pages write the marks and the footnotes it
// numbers, the downloads write the codes.
package mark

import (
	"fmt"
	"strings"
)

// Status is the set of statuses of a figure; zero is A, a normal value.
// A figure made of several observations carries the statuses of all of
// them (a province's total of an estimated commune figure is estimated in
// part), except Missing, which a figure with a value never is.
type Status uint8

// The SDMX observation statuses (code list CL_OBS_STATUS) a figure may
// carry besides A (normal value).
const (
	// Break: the series breaks here, so the value is not comparable with
	// the ones before (a change across it is not computed).
	Break Status = 1 << iota
	// Estimated: the value is an estimate.
	Estimated
	// Provisional: the value may still be revised.
	Provisional
	// Forecast: the value is a forecast.
	Forecast
	// Missing: there is no value, and the publisher says so.
	Missing
)

// all lists the statuses in the order they are written: code and mark.
var all = [...]struct {
	s    Status
	code string
	key  string
}{
	{Break, "B", "status_break"},
	{Estimated, "E", "status_estimated"},
	{Provisional, "P", "status_provisional"},
	{Forecast, "F", "status_forecast"},
	{Missing, "M", "status_missing"},
}

// Parse reads one SDMX code: A (or an empty cell) is a normal value.
func Parse(code string) (Status, error) {
	if code == "" || code == "A" {
		return 0, nil
	}
	for _, a := range all {
		if a.code == code {
			return a.s, nil
		}
	}
	q := code
	if len(q) > 16 {
		q = q[:16] + "…"
	}
	return 0, fmt.Errorf("status %q: expected one of the SDMX codes A (normal), E (estimated), P (provisional), B (break in series), M (missing) or F (forecast)", q)
}

// Has reports whether s includes every status of t.
func (s Status) Has(t Status) bool { return t != 0 && s&t == t }

// Codes returns the SDMX codes of s, in the order B, E, P, F, M, separated
// by spaces: "" for a normal value.
func (s Status) Codes() string {
	var b strings.Builder
	for _, a := range all {
		if s&a.s != 0 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(a.code)
		}
	}
	return b.String()
}

// Each calls fn with each status of s, in the order of Codes, its code in
// lower case (the mark shown beside a figure: b, e, p, f, m) and the key
// of its name in the interface strings (status_break, …).
func (s Status) Each(fn func(t Status, mark, key string)) {
	for _, a := range all {
		if s&a.s != 0 {
			fn(a.s, strings.ToLower(a.code), a.key)
		}
	}
}

// Carried returns the statuses of s that a figure made from it carries:
// all but Missing.
func (s Status) Carried() Status { return s &^ Missing }

// Detail is what an observation may carry besides its value and status:
// a note, a confidence interval and the sample size of a survey. It is nil
// on an observation that carries none of them.
type Detail struct {
	Note string
	// Lower and Upper bound the value (a confidence interval), when
	// HasBounds.
	Lower, Upper float64
	HasBounds    bool
	// N is the sample size, when HasN.
	N    float64
	HasN bool
}

// Interval is a figure's confidence interval.
type Interval struct{ Lower, Upper float64 }

// Overlaps reports whether two intervals share a value.
func (a Interval) Overlaps(b Interval) bool { return a.Lower <= b.Upper && b.Lower <= a.Upper }

// Overlapping counts the figures of a ranking, in rank order, whose
// interval overlaps that of a neighbour; nil intervals (figures without
// one) neither overlap nor separate their neighbours.
func Overlapping(ranked []*Interval) int {
	n := 0
	for i, a := range ranked {
		if a == nil {
			continue
		}
		for _, j := range []int{i - 1, i + 1} {
			if j >= 0 && j < len(ranked) && ranked[j] != nil && a.Overlaps(*ranked[j]) {
				n++
				break
			}
		}
	}
	return n
}

// Footnotes numbers the notes of one page, from 1, in the order they are
// first met; the same text met again keeps its number.
type Footnotes struct {
	texts []string
	at    map[string]int
}

// Add returns the number of note, numbering it if it is new. An empty note
// has no number (0).
func (f *Footnotes) Add(note string) int {
	if note == "" {
		return 0
	}
	if n, ok := f.at[note]; ok {
		return n
	}
	if f.at == nil {
		f.at = map[string]int{}
	}
	f.texts = append(f.texts, note)
	f.at[note] = len(f.texts)
	return len(f.texts)
}

// List returns the notes in the order of their numbers: List()[0] is note 1.
func (f *Footnotes) List() []string { return f.texts }
