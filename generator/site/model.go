package site

// The types in this file are what the generator hands to the templates: one
// JSON front matter per page, under params. Every figure is already
// formatted for the page's language, so templates only lay pages out.
// Hugo lower-cases parameter keys, so JSON names are lower-case too.

// frontMatter is the JSON front matter of a generated page.
type frontMatter struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Weight      int    `json:"weight,omitempty"`
	// Date is the page's date (a report's: the last day of its quarter).
	Date string `json:"date,omitempty"`
	// Outputs lists Hugo output formats other than the defaults.
	Outputs []string `json:"outputs,omitempty"`
	Params  any      `json:"params,omitempty"`
}

// cell is one cell of a data table.
type cell struct {
	Text string `json:"text"`
	// URL, when set, makes the cell a link (a site-relative path).
	URL string `json:"url,omitempty"`
	// Num aligns the cell as a number.
	Num bool `json:"num,omitempty"`
	// Class styles the cell: "better", "worse", "achieved", "behind"…
	Class string `json:"class,omitempty"`
	// Head makes the cell a row header.
	Head bool `json:"head,omitempty"`
	// Raw links the URL as it is, not within the page's language.
	Raw bool `json:"raw,omitempty"`
}

// table is a data table with a caption, the accessible form of every chart.
type table struct {
	ID      string   `json:"id,omitempty"`
	Caption string   `json:"caption"`
	Head    []string `json:"head"`
	// Numeric marks the columns that hold numbers, for alignment.
	Numeric []bool   `json:"numeric"`
	Rows    [][]cell `json:"rows"`
}

// chartView is a chart as a page shows it: the static SVG first, the option
// for ECharts, a text summary and the data as a table.
type chartView struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Option  string `json:"option"`
	SVG     string `json:"svg"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
	Table   table  `json:"table"`
}

// change is a formatted comparison with an earlier period.
type change struct {
	Text string `json:"text"`
	// Verdict is better, worse, same, neutral or none; it styles the change
	// and is also said in words (Label), never by colour alone.
	Verdict string `json:"verdict"`
	Label   string `json:"label"`
}

// card is one headline indicator on the home page.
type card struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	URL    string `json:"url"`
	Value  string `json:"value"`
	Period string `json:"period"`
	Prev   change `json:"prev"`
	Target string `json:"target,omitempty"`
	Status string `json:"status,omitempty"`
	// StatusText says the status in words.
	StatusText string `json:"status_text,omitempty"`
}

// link is a labelled site-relative link.
type link struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// homeParams are the params of the home page.
type homeParams struct {
	Kind     string      `json:"kind"`
	Province string      `json:"province"`
	Period   string      `json:"period"`
	Cards    []card      `json:"cards"`
	Charts   []chartView `json:"charts"`
	Report   link        `json:"report"`
}

// indicatorParams are the params of an indicator page.
type indicatorParams struct {
	Kind        string `json:"kind"`
	ID          string `json:"id"`
	Description string `json:"description"`
	Period      string `json:"period"`
	Value       string `json:"value"`
	Prev        change `json:"prev"`
	YearAgo     change `json:"year_ago"`
	// LastYear compares with the whole previous year.
	LastYear      change      `json:"last_year"`
	LastYearLabel string      `json:"last_year_label"`
	Target        string      `json:"target,omitempty"`
	Status        string      `json:"status,omitempty"`
	StatusText    string      `json:"status_text,omitempty"`
	Source        string      `json:"source,omitempty"`
	Charts        []chartView `json:"charts"`
	Ranking       table       `json:"ranking"`
}

// unitParams are the params of a unit page.
type unitParams struct {
	Kind     string      `json:"kind"`
	Code     string      `json:"code"`
	TypeName string      `json:"type_name"`
	Parent   link        `json:"parent"`
	Period   string      `json:"period"`
	Summary  table       `json:"summary"`
	Charts   []chartView `json:"charts"`
}

// reportParams are the params of a quarterly report.
type reportParams struct {
	Kind       string `json:"kind"`
	Period     string `json:"period"`
	PeriodSlug string `json:"period_slug"`
	// Commentary is the officials' commentary, rendered to HTML.
	Commentary   string      `json:"commentary,omitempty"`
	Charts       []chartView `json:"charts"`
	Summary      table       `json:"summary"`
	Improved     []string    `json:"improved"`
	Fell         []string    `json:"fell"`
	Lagging      []table     `json:"lagging"`
	Leading      []table     `json:"leading"`
	Completeness string      `json:"completeness"`
	Silent       []link      `json:"silent"`
	Scores       table       `json:"scores"`
}

// listParams are the params of a section list (indicators, units, reports).
type listParams struct {
	Kind  string `json:"kind"`
	Table table  `json:"table"`
}
