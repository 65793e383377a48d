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
		Better: tr.get("verdict_better"), Worse: tr.get("verdict_worse"), Same: tr.get("verdict_same"),
		NoComparison: tr.get("no_comparison"), Since: tr.get("compared_with"),
		Achieved: tr.get("target_achieved"), OnTrack: tr.get("target_on_track"), Behind: tr.get("target_behind"),
		TargetBy: tr.get("target_by"),
		Rank:     tr.get("col_rank"), Unit: tr.get("col_unit"), Value: tr.get("col_value"),
		Period: tr.get("col_period"),
		VsPrev: tr.get("col_vs_prev"), VsYearAgo: tr.get("col_vs_year_ago"), TargetCol: tr.get("col_target"),
		VsYear: tr.get("col_vs_year"),
		Score:  tr.get("col_score"), Group: tr.get("col_group"), Points: tr.get("col_points"),
		Indicator: tr.get("col_indicator"), Type: tr.get("col_type"),
		Latest: tr.get("latest"), TrendOf: tr.get("trend_of"), RankingIn: tr.get("ranking_in"),
		From: tr.get("from"), To: tr.get("to"),
		Above: tr.get("above_top"), Below: tr.get("below_top"),
		Rates:   tr.get("main_rates"),
		Lagging: tr.get("lagging_units"), Leading: tr.get("leading_units"),
		GapLeft: tr.get("gap_left"), PointsUnit: tr.get("points_unit"),
		File: tr.get("col_file"), Contents: tr.get("col_contents"), Size: tr.get("col_size"), Measure: tr.get("col_measure"),
		Export: tr.get("export"), FirstPublication: tr.get("first_publication"), NewPeriods: tr.get("new_periods"),
		ChangeCounts: tr.get("change_counts"),
		Revised:      tr.get("revised_figures"), OldValue: tr.get("col_old_value"), NewValue: tr.get("col_new_value"),
		InProgress: tr.get("report_in_progress"), Partial: tr.get("partial_value"),
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
			texts[key] = fmt.Sprintf(tr.get(from), strings.Join(sources, ", "))
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
