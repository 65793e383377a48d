package i18n

import "fmt"

// Words holds the texts the generator composes into figures, captions and
// summaries, in one language. Like every interface string they live in
// templates/i18n/<lang>.toml (NewWords reads them from there); this struct
// only names them for the Go code, so that a misspelt word is a compile
// error and a missing one a build error.
type Words struct {
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
	File, Contents, Size, Measure string
	Export, FirstPublication      string
	NewPeriods                    string
	ChangeCounts                  string // "%s added, %s revised, %s removed"
	Revised, OldValue, NewValue   string
	// InProgress says a period has data but no report yet: "%s: %s to %s so far; …";
	// Partial marks a value of fewer parts than its period has.
	InProgress, Partial string
}

// NewWords reads the words of one language from its interface strings
// through get, which remembers (and later reports) a key the file lacks.
func NewWords(get func(key string) string) Words {
	w := Words{
		Better: get("verdict_better"), Worse: get("verdict_worse"), Same: get("verdict_same"),
		NoComparison: get("no_comparison"), Since: get("compared_with"),
		Achieved: get("target_achieved"), OnTrack: get("target_on_track"), Behind: get("target_behind"),
		TargetBy: get("target_by"),
		Rank:     get("col_rank"), Unit: get("col_unit"), Value: get("col_value"),
		Period: get("col_period"),
		VsPrev: get("col_vs_prev"), VsYearAgo: get("col_vs_year_ago"), TargetCol: get("col_target"),
		VsYear: get("col_vs_year"),
		Score:  get("col_score"), Group: get("col_group"), Points: get("col_points"),
		Indicator: get("col_indicator"), Type: get("col_type"),
		Latest: get("latest"), TrendOf: get("trend_of"), RankingIn: get("ranking_in"),
		From: get("from"), To: get("to"),
		Above: get("above_top"), Below: get("below_top"),
		Rates:   get("main_rates"),
		Lagging: get("lagging_units"), Leading: get("leading_units"),
		GapLeft: get("gap_left"),
		File:    get("col_file"), Contents: get("col_contents"), Size: get("col_size"), Measure: get("col_measure"),
		Export: get("export"), FirstPublication: get("first_publication"), NewPeriods: get("new_periods"),
		ChangeCounts: get("change_counts"),
		Revised:      get("revised_figures"), OldValue: get("col_old_value"), NewValue: get("col_new_value"),
		InProgress: get("report_in_progress"), Partial: get("partial_value"),
	}
	return w
}

// About returns the words for a site about the unit named whole: the
// comparisons name the top unit ("above An Giang", "above United
// Kingdom"), not a level.
func (w Words) About(whole string) Words {
	w.Above, w.Below = fmt.Sprintf(w.Above, whole), fmt.Sprintf(w.Below, whole)
	return w
}
