package figure_test

import (
	"math"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/figure"
	"minhbach/generator/locale"
)

// catalogue has one indicator of each kind: a ratio per 100,000
// population, a published percentage, a rate of two counts, a level and a
// count.
func catalogue() *dataset.Catalogue {
	return &dataset.Catalogue{
		Measures: []dataset.Measure{
			{ID: "crimes_per_100k", Kind: dataset.Amount, Per: 100000},
			{ID: "satisfied", Kind: dataset.Percent},
			{ID: "signed", Kind: dataset.Count},
			{ID: "sent", Kind: dataset.Count},
			{ID: "mbps", Kind: dataset.Amount},
		},
		Indicators: []dataset.Indicator{
			{ID: "crime", Type: dataset.Rate, Measure: "crimes_per_100k", Unit: dataset.Text{VI: "dân", EN: "population"}},
			{ID: "satisfaction", Type: dataset.Rate, Measure: "satisfied"},
			{ID: "signature", Type: dataset.Rate, Numerator: "signed", Denominator: "sent"},
			{ID: "speed", Type: dataset.Level, Measure: "mbps", Unit: dataset.Text{VI: "Mbps", EN: "Mbps"}},
			{ID: "documents", Type: dataset.CountIndicator, Measure: "sent", Unit: dataset.Text{VI: "văn bản", EN: "documents"}},
		},
	}
}

// TestFormats writes one figure, one change and one gap of each kind of
// indicator in both languages, worked by hand from the conventions of
// package locale.
func TestFormats(t *testing.T) {
	cat := catalogue()
	type want struct {
		kind                      figure.Kind
		value, template, change   string
		gap, changeUnit, chartNum string
	}
	cases := []struct {
		id     string
		v, d   float64
		vi, en want
	}{
		{"crime", 12.34, 1.25, // a ratio per a base: points of it, never %
			want{figure.PerBase, "12,3 trên 100.000 dân", "{c} trên 100.000 dân", "+1,3 điểm", "1,3 điểm", "points", "12,3"},
			want{figure.PerBase, "12.3 per 100,000 population", "{c} per 100,000 population", "+1.3 points", "1.3 points", "points", "12.3"}},
		{"satisfaction", 86.65, -4, // a published percentage: percentage points
			want{figure.Percent, "86,7%", "{c}%", "−4,0 điểm %", "4,0 điểm %", "pp", "86,7"},
			want{figure.Percent, "86.7%", "{c}%", "−4.0 pp", "4.0 pp", "pp", "86.7"}},
		{"signature", 97.5, 0.04, // a rate of two measures
			want{figure.Percent, "97,5%", "{c}%", "0,0 điểm %", "0,0 điểm %", "pp", "97,5"},
			want{figure.Percent, "97.5%", "{c}%", "0.0 pp", "0.0 pp", "pp", "97.5"}},
		{"speed", 45.25, 3.2, // a level: its unit, changes relative
			want{figure.Level, "45,3 Mbps", "{c} Mbps", "+3,2%", "3,2 Mbps", "percent", "45,3"},
			want{figure.Level, "45.3 Mbps", "{c} Mbps", "+3.2%", "3.2 Mbps", "percent", "45.3"}},
		{"documents", 1204, -12.5, // a count: no unit, changes relative
			want{figure.Count, "1.204", "{c}", "−12,5%", "13", "percent", "1.204"},
			want{figure.Count, "1,204", "{c}", "−12.5%", "13", "percent", "1,204"}},
	}
	for _, c := range cases {
		ind, _ := cat.Indicator(c.id)
		for lang, w := range map[string]want{"vi": c.vi, "en": c.en} {
			x := figure.Of(cat, ind, locale.MustNew(lang))
			got := want{x.Kind, x.Value(c.v), x.Template(), x.Change(c.d), x.Difference(math.Abs(c.d)), x.ChangeUnit(), x.Number(c.v)}
			if got != w {
				t.Errorf("%s, %s:\n got %+v\nwant %+v", c.id, lang, got, w)
			}
		}
	}
}

// TestPerBaseNeverInPercent: whatever the value, a ratio per a base and its
// changes carry no percent sign, in either language.
func TestPerBaseNeverInPercent(t *testing.T) {
	cat := catalogue()
	ind, _ := cat.Indicator("crime")
	for _, lang := range []string{"vi", "en"} {
		x := figure.Of(cat, ind, locale.MustNew(lang))
		for _, v := range []float64{0, 0.05, 12.3, -7.5, 1e6} {
			for _, s := range []string{x.Value(v), x.Change(v), x.Difference(v), x.Template(), x.Unit} {
				if strings.Contains(s, "%") {
					t.Errorf("%s: %q has a percent sign", lang, s)
				}
			}
		}
	}
}

// TestMissingFigure: a missing figure is the no-data text, with no unit
// after it.
func TestMissingFigure(t *testing.T) {
	cat := catalogue()
	for _, id := range []string{"crime", "satisfaction", "speed", "documents"} {
		ind, _ := cat.Indicator(id)
		if got := figure.Of(cat, ind, locale.MustNew("vi")).Value(math.NaN()); got != "chưa có số liệu" {
			t.Errorf("%s: Value(NaN) = %q, want chưa có số liệu", id, got)
		}
	}
}

// TestFormatsOfCatalogue: All makes each indicator's format once, and an
// indicator outside the catalogue still gets its own.
func TestFormatsOfCatalogue(t *testing.T) {
	cat := catalogue()
	fs := figure.All(cat, locale.MustNew("en"))
	if got := fs.Of(&cat.Indicators[0]).Value(12.34); got != "12.3 per 100,000 population" {
		t.Errorf("crime: %q", got)
	}
	other := &dataset.Indicator{ID: "other", Type: dataset.Level, Unit: dataset.Text{VI: "ngày", EN: "days"}}
	if got := fs.Of(other).Value(3); got != "3.0 days" {
		t.Errorf("an indicator outside the catalogue: %q, want 3.0 days", got)
	}
}
