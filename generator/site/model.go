package site

// The front matter Hugo reads of a generated page (title, description,
// dates, and a few params its layouts need). The page's body is a view of
// package view, written as HTML.

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
