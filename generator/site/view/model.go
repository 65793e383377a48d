package view

import (
	"minhbach/generator/mark"
	"minhbach/generator/site/annot"
)

// The views of generated pages, which body.go writes as each page's HTML
// body. Every figure in a view is already formatted for the page's language.

// Cell is one cell of a data table.
type Cell struct {
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

// Table is a data table with a caption, the accessible form of every chart.
type Table struct {
	ID      string
	Caption string
	Head    []string
	// Numeric marks the columns that hold numbers, for alignment.
	Numeric []bool
	Rows    [][]Cell
}

// Chart is a chart as a page shows it: the static SVG first, the option
// for ECharts, a text summary and the data as a table.
type Chart struct {
	ID      string
	Title   string
	Summary string
	Option  string
	SVG     string
	// Extra follows the drawing: a map's controls and legend (HTML). Map
	// marks a map, whose page loads the map script; Place a unit page's
	// map of the unit within its parent, which gets no embed of its own.
	Extra      string
	Map, Place bool
	Width      int
	Height     int
	Table      Table
	// Embed, on a Place map, links its embed page, which is its parent's
	// map with the unit picked by the address ("embed/<id>/#unit=<code>");
	// Embedded is that page, on the first of the pages that link to it.
	Embed    string
	Embedded *Embed
}

// Change is a formatted comparison with an earlier period.
type Change struct {
	Text string
	// Verdict is better, worse, same, neutral or none; it styles the change
	// and is also said in words (Label), never by colour alone.
	Verdict string
	Label   string
}

// Card is one headline indicator on the home page.
type Card struct {
	ID     string
	Name   string
	URL    string
	Value  string
	Period string
	Prev   Change
	// Marks are the value's status marks and footnote (Cell.Status, Note).
	Marks  Cell
	Target string
	Status string
	// StatusText says the status in words.
	StatusText string
}

// Link is a labelled site-relative link.
type Link struct {
	Text string
	URL  string
}

// Home are the params of the home page.
type Home struct {
	Province string
	Period   string
	Cards    []Card
	Charts   []Chart
	Report   Link
}

// Indicator are the params of an indicator page.
type Indicator struct {
	ID          string
	Description string
	Period      string
	Value       string
	Prev        Change
	YearAgo     Change
	// LastYear compares with the whole previous year.
	LastYear      Change
	LastYearLabel string
	// Yearly says the latest value is a year's: it has no year-earlier
	// comparison besides the previous period.
	Yearly     bool
	Target     string
	Status     string
	StatusText string
	Source     string
	Charts     []Chart
	Ranking    Table
	// Marks are the latest value's; Statements say how it rolls up and
	// what its ranking means.
	Marks      Cell
	Statements []string
	// Breakdowns is the HTML of the breakdown section (package breakdown).
	Breakdowns string
}

// Unit are the params of a unit page.
type Unit struct {
	Code     string
	TypeName string
	Parent   Link
	// Geocode is the unit's official code; Ended says when a unit that
	// ended did, and Successor which unit took it over; Predecessors are
	// the units it took over.
	Geocode, Ended string
	Successor      Link
	Predecessors   []Link
	Summary        Table
	Charts         []Chart
	// Children lists the units below this one, with their headline rates.
	Children Table
	// Breakdowns is the HTML of the breakdown sections (package breakdown).
	Breakdowns string
}

// Report are the params of a quarterly report.
type Report struct {
	Period     string
	PeriodSlug string
	// PDF links the report's PDF, printed by build --pdf.
	PDF bool
	// Commentary is the officials' commentary, rendered to HTML.
	Commentary string
	Charts     []Chart
	Summary    Table
	Improved   []string
	Fell       []string
	// Gaps is the HTML of the largest gaps between categories (package breakdown).
	Gaps         string
	Lagging      []Table
	Leading      []Table
	Completeness string
	Silent       []Link
	Scores       Table
	// End, when set, writes the end of the report's article: the legend
	// of its marks and its footnotes (annot.Page.End).
	End func(w annot.Writer)
}

// Data are the params of the open-data page.
type Data struct {
	Exported string
	Licence  Link
	Files    Table
	Changes  []Logged
}

// Logged is one export in the change log, as the data page tells it.
type Logged struct {
	Title   string
	Summary string
	Revised Table
}

// Embed are the params of a chart's embed page.
type Embed struct {
	Chart  Chart
	Source Link
	Credit string
}
