package annot

import (
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/mark"
)

// words are the interface strings the tests ask for, as their keys with
// the placeholder each takes.
func words(key string) string {
	switch key {
	case "rebuilt_weighted", "hollow_points":
		return key + "(%s)"
	}
	return key
}

// TestRebuiltSaysHowEachIndicatorRollsUp checks the words of a trend's
// note on values rebuilt after a merger, for each way an indicator rolls
// up: a rate of two measures as the ratio of their sums, a published rate
// as the mean weighted by its weight, a count and a level summed; several
// indicators rebuilt alike share the words, rebuilt differently each is
// named.
func TestRebuiltSaysHowEachIndicatorRollsUp(t *testing.T) {
	cat := &dataset.Catalogue{Measures: []dataset.Measure{
		{ID: "satisfied", Kind: dataset.Percent, AcrossUnits: dataset.WeightedMean, Weight: "respondents"},
		{ID: "respondents", Kind: dataset.Count, AcrossUnits: dataset.Sum, Name: dataset.Text{VI: "Người trả lời", EN: "Respondents"}},
		{ID: "speed", Kind: dataset.Amount, AcrossUnits: dataset.Sum},
	}}
	online := &dataset.Indicator{ID: "online", Type: dataset.Rate, Numerator: "respondents", Denominator: "respondents", Name: dataset.Text{VI: "Trực tuyến", EN: "Online"}}
	signed := &dataset.Indicator{ID: "signed", Type: dataset.Rate, Numerator: "respondents", Denominator: "respondents", Name: dataset.Text{VI: "Ký số"}}
	satisfaction := &dataset.Indicator{ID: "satisfaction", Type: dataset.Rate, Measure: "satisfied", Name: dataset.Text{VI: "Hài lòng", EN: "Satisfaction"}}
	count := &dataset.Indicator{ID: "count", Type: dataset.CountIndicator, Measure: "respondents"}
	level := &dataset.Indicator{ID: "level", Type: dataset.Level, Measure: "speed"}
	for _, tc := range []struct {
		inds []*dataset.Indicator
		lang string
		want string
	}{
		{[]*dataset.Indicator{online}, "en", "rebuilt_ratio"},
		{[]*dataset.Indicator{online, signed}, "en", "rebuilt_ratio"},
		{[]*dataset.Indicator{satisfaction}, "en", "rebuilt_weighted(Respondents)"},
		{[]*dataset.Indicator{satisfaction}, "vi", "rebuilt_weighted(Người trả lời)"},
		{[]*dataset.Indicator{count}, "en", "rebuilt_sum"},
		{[]*dataset.Indicator{level}, "en", "rebuilt_sum"},
		{[]*dataset.Indicator{online, satisfaction}, "en", "Online: rebuilt_ratio; Satisfaction: rebuilt_weighted(Respondents)"},
	} {
		if got := Rebuilt(words, tc.inds, cat, tc.lang); got != tc.want {
			t.Errorf("Rebuilt(%s, %v) = %q, want %q", tc.lang, len(tc.inds), got, tc.want)
		}
	}
}

// TestHollowNamesTheStatuses checks the words under a trend chart with
// hollow points: the statuses of its figures in the order of the marks,
// Missing left out (a missing figure has no point); none for none.
func TestHollowNamesTheStatuses(t *testing.T) {
	if got, want := Hollow(words, mark.Provisional|mark.Break|mark.Missing), "hollow_points(status_break; status_provisional)"; got != want {
		t.Errorf("Hollow = %q, want %q", got, want)
	}
	if got := Hollow(words, mark.Missing); got != "" {
		t.Errorf("Hollow of a missing figure only = %q, want none", got)
	}
}
