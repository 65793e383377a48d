package site

import (
	"fmt"
	"slices"
	"strings"

	"minhbach/generator/dataset"
)

// words holds the texts the generator composes into figures, captions and
// summaries, in one language. Like every interface string they live in
// templates/i18n/<lang>.toml (newWords reads them from there); this struct
// only names them for the Go code, so that a misspelt word is a compile
// error and a missing one a build error.
type words struct {
	Better, Worse, Same, NoComparison string
	Since                             string // "so với" / "compared with"
	Achieved, OnTrack, Behind         string
	TargetBy                          string // "Mục tiêu %s vào %s"
	Rank, Unit, Value                 string
	Period                            string
	VsPrev, VsYearAgo, TargetCol      string
	VsYear                            string // "So với cả năm %d"
	Score, Group, Points, Indicator   string
	Type                              string
	Latest, TrendOf, RankingIn        string
	From, To                          string
	// Above and Below compare with the top unit: "cao hơn %s" until about
	// fills in its name.
	Above, Below                  string
	Rates                         string
	Lagging, Leading              string
	GapLeft                       string // "%s, còn cách mục tiêu %s"
	PointsUnit                    string // "điểm %"
	File, Contents, Size, Measure string
	Export, FirstPublication      string
	NewPeriods                    string
	ChangeCounts                  string // "%s added, %s revised, %s removed"
	Revised, OldValue, NewValue   string
	// InProgress says a period has data but no report yet: "%s: %s to %s so far; …";
	// Partial marks a value of fewer parts than its period has.
	InProgress, Partial string
}

// newWords reads the words of one language from its interface strings. A
// key the file lacks is remembered by tr and reported by tr.err.
func newWords(tr *i18n) words {
	w := words{
		Better: tr.Get("verdict_better"), Worse: tr.Get("verdict_worse"), Same: tr.Get("verdict_same"),
		NoComparison: tr.Get("no_comparison"), Since: tr.Get("compared_with"),
		Achieved: tr.Get("target_achieved"), OnTrack: tr.Get("target_on_track"), Behind: tr.Get("target_behind"),
		TargetBy: tr.Get("target_by"),
		Rank:     tr.Get("col_rank"), Unit: tr.Get("col_unit"), Value: tr.Get("col_value"),
		Period: tr.Get("col_period"),
		VsPrev: tr.Get("col_vs_prev"), VsYearAgo: tr.Get("col_vs_year_ago"), TargetCol: tr.Get("col_target"),
		VsYear: tr.Get("col_vs_year"),
		Score:  tr.Get("col_score"), Group: tr.Get("col_group"), Points: tr.Get("col_points"),
		Indicator: tr.Get("col_indicator"), Type: tr.Get("col_type"),
		Latest: tr.Get("latest"), TrendOf: tr.Get("trend_of"), RankingIn: tr.Get("ranking_in"),
		From: tr.Get("from"), To: tr.Get("to"),
		Above: tr.Get("above_top"), Below: tr.Get("below_top"),
		Rates:   tr.Get("main_rates"),
		Lagging: tr.Get("lagging_units"), Leading: tr.Get("leading_units"),
		GapLeft: tr.Get("gap_left"), PointsUnit: tr.Get("points_unit"),
		File: tr.Get("col_file"), Contents: tr.Get("col_contents"), Size: tr.Get("col_size"), Measure: tr.Get("col_measure"),
		Export: tr.Get("export"), FirstPublication: tr.Get("first_publication"), NewPeriods: tr.Get("new_periods"),
		ChangeCounts: tr.Get("change_counts"),
		Revised:      tr.Get("revised_figures"), OldValue: tr.Get("col_old_value"), NewValue: tr.Get("col_new_value"),
		InProgress: tr.Get("report_in_progress"), Partial: tr.Get("partial_value"),
	}
	return w
}

// siteTexts returns the site's own words in lang: site.toml's (Meta.Texts)
// and, for a footer (about) or meta description it does not give, neutral
// defaults that name the sources the catalogue's measures come from.
func siteTexts(ds *dataset.Dataset, lang string, tr *i18n) map[string]string {
	texts := ds.Meta.Texts(lang)
	var sources []string
	for _, m := range ds.Catalogue.Measures {
		if m.Source != "" && !slices.Contains(sources, m.Source) {
			sources = append(sources, m.Source)
		}
	}
	for key, from := range map[string]string{"footer_about": "footer_sources", "site_description": "description_sources"} {
		if _, given := texts[key]; !given && len(sources) > 0 {
			texts[key] = fmt.Sprintf(tr.Get(from), strings.Join(sources, ", "))
		}
	}
	return texts
}

// about returns the words for a site about the unit named whole: the
// comparisons name the top unit ("above An Giang", "above United
// Kingdom"), not a level.
func (w words) about(whole string) words {
	w.Above, w.Below = fmt.Sprintf(w.Above, whole), fmt.Sprintf(w.Below, whole)
	return w
}
