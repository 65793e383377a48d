package site

import (
	"minhbach/generator/mark"
)

// The types in this file describe generated pages: the front matter Hugo
// reads (title, description, dates, and a few params its layouts need), and
// the views that body.go writes as each page's HTML body. Every figure in a
// view is already formatted for the page's language.

// frontMatter is the JSON front matter of a generated page.
type frontMatter struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Weight      int    `json:"weight,omitempty"`
	// Date is the page's date (a report's: the last day of its quarter).
	Date string `json:"date,omitempty"`
	// Outputs lists Hugo output formats other than the defaults.
	Outputs []string `json:"outputs,omitempty"`
	// Build keeps a page out of Hugo's page lists, when set.
	Build  *buildOptions `json:"build,omitempty"`
	Params pageParams    `json:"params"`
}

// buildOptions are Hugo's build options of a page: List "never" keeps it
// out of every page list (.Pages, the sitemap), as the chart embeds are.
// Render must be given too ("always"): a page from a content adapter with
// build options has none by default, and is not rendered.
type buildOptions struct {
	List   string `json:"list"`
	Render string `json:"render"`
}

// pageParams are the params of a generated page that its layouts read:
// the page's kind (for og:type and scripts), whether it has charts, which
// loads the chart script, and a report's period, which its feed entry
// names. The page's body is already HTML.
type pageParams struct {
	// Body is the number of the page's body (hugosite.Bodies); Head and
	// LangSwitch number its head's own part and its language switch
	// (head.go). Embeds have neither of the last two.
	Body       int    `json:"body"`
	Head       int    `json:"head,omitempty"`
	LangSwitch int    `json:"langswitch,omitempty"`
	Kind       string `json:"kind"`
	Charts     bool   `json:"charts,omitempty"`
	Maps       bool   `json:"maps,omitempty"`
	PeriodSlug string `json:"period_slug,omitempty"`
}

// cell is one cell of a data table.
type cell struct {
	Text string
	// URL, when set, makes the cell a link (a site-relative path).
	URL string
	// Num aligns the cell as a number.
	Num bool
	// Class styles the cell: "better", "worse", "achieved", "behind"…
	Class string
	// Head makes the cell a row header.
	Head bool
	// Raw links the URL as it is, not within the page's language.
	Raw bool
	// Status marks the figure, Note is its footnote's number (0: none).
	Status mark.Status
	Note   int
}

// table is a data table with a caption, the accessible form of every chart.
type table struct {
	ID      string
	Caption string
	Head    []string
	// Numeric marks the columns that hold numbers, for alignment.
	Numeric []bool
	Rows    [][]cell
}

// chartView is a chart as a page shows it: the static SVG first, the option
// for ECharts, a text summary and the data as a table.
type chartView struct {
	ID      string
	Title   string
	Summary string
	Option  string
	SVG     string
	// Extra follows the drawing: a map's controls and legend (HTML). Map
	// marks a map, whose page loads the map script; Place a unit page's
	// map of the unit within its parent, which gets no embed.
	Extra      string
	Map, Place bool
	Width      int
	Height     int
	Table      table
}

// change is a formatted comparison with an earlier period.
type change struct {
	Text string
	// Verdict is better, worse, same, neutral or none; it styles the change
	// and is also said in words (Label), never by colour alone.
	Verdict string
	Label   string
}

// card is one headline indicator on the home page.
type card struct {
	ID     string
	Name   string
	URL    string
	Value  string
	Period string
	Prev   change
	Target string
	Status string
	// StatusText says the status in words.
	StatusText string
}

// link is a labelled site-relative link.
type link struct {
	Text string
	URL  string
}

// homeParams are the params of the home page.
type homeParams struct {
	Province string
	Period   string
	Cards    []card
	Charts   []chartView
	Report   link
}

// indicatorParams are the params of an indicator page.
type indicatorParams struct {
	ID          string
	Description string
	Period      string
	Value       string
	Prev        change
	YearAgo     change
	// LastYear compares with the whole previous year.
	LastYear      change
	LastYearLabel string
	// Yearly says the latest value is a year's: it has no year-earlier
	// comparison besides the previous period.
	Yearly     bool
	Target     string
	Status     string
	StatusText string
	Source     string
	Charts     []chartView
	Ranking    table
	// Marks are the latest value's; Statements say how it rolls up and
	// what its ranking means.
	Marks      cell
	Statements []string
	// Breakdowns is the HTML of the breakdown section (package breakdown).
	Breakdowns string
}

// unitParams are the params of a unit page.
type unitParams struct {
	Code     string
	TypeName string
	Parent   link
	// Geocode is the unit's official code; Ended says when a unit that
	// ended did, and Successor which unit took it over; Predecessors are
	// the units it took over.
	Geocode, Ended string
	Successor      link
	Predecessors   []link
	Summary        table
	Charts         []chartView
	// Children lists the units below this one, with their headline rates.
	Children table
	// Breakdowns is the HTML of the breakdown sections (package breakdown).
	Breakdowns string
}

// reportParams are the params of a quarterly report.
type reportParams struct {
	Period     string
	PeriodSlug string
	// PDF links the report's PDF, printed by build --pdf.
	PDF bool
	// Commentary is the officials' commentary, rendered to HTML.
	Commentary string
	Charts     []chartView
	Summary    table
	Improved   []string
	Fell       []string
	// Gaps is the HTML of the largest gaps between categories (package breakdown).
	Gaps         string
	Lagging      []table
	Leading      []table
	Completeness string
	Silent       []link
	Scores       table
}
