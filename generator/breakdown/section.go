package breakdown

import (
	"fmt"
	"html"
	"math"
	"strings"

	"minhbach/generator/chart"
	"minhbach/generator/dataset"
	"minhbach/generator/dataset/dims"
	"minhbach/generator/figure"
	"minhbach/generator/indicator"
	"minhbach/generator/mark"
	"minhbach/generator/period"
	"minhbach/generator/site/annot"
)

// Words are the interface words of a breakdown section, in one language,
// from templates/i18n.
type Words struct {
	// Heading heads the section: "Theo nhóm"; By names a breakdown:
	// "Theo %s" (a dimension's name, or several joined by " × ").
	Heading, By string
	// Choose labels the selector of the breakdown shown.
	Choose string
	// Category, Value and VsPrev head the table's columns.
	Category, Value, VsPrev string
	// Gap says the largest gap between categories:
	// "%s: %s (%s) — %s (%s), %s" (breakdown, highest, lowest, difference);
	// Gaps heads a report's list of them.
	Gap, Gaps string
}

// Page writes the breakdown sections of one language's pages.
type Page struct {
	Set   *Set
	Lang  string
	Words Words
	// Value formats a value of the indicator with its unit, or the
	// no-data text; Change formats a change of its figures (on the
	// previous period); Period names a period.
	Value  func(ind *dataset.Indicator, v indicator.Value) string
	Change func(ind *dataset.Indicator, c indicator.Change) string
	Period func(p period.Period) string
	// Bar draws a bar chart (chart.Drawer.Bar).
	Bar func(b chart.Bar) (chart.Chart, error)
	// Format says how the indicator's figures are written, for the
	// chart's unit, decimals and labels; NoData is the chart's.
	Format func(ind *dataset.Indicator) figure.Format
	NoData string
	// Note records a figure's status and note on the page and returns the
	// note's number, 0 for none (annot.Page.Add): a cell's figure then
	// shows its marks as the page's other figures do, Word giving their
	// words (an interface string by key). Without Note, no marks.
	Note func(s mark.Status, note string) int
	Word func(key string) string
}

// markup is an annot.Writer that writes to a builder, text escaped.
type markup struct {
	b    *strings.Builder
	word func(key string) string
}

func (m markup) Raw(s string)           { m.b.WriteString(s) }
func (m markup) Text(s string)          { m.b.WriteString(esc(s)) }
func (m markup) Word(key string) string { return m.word(key) }

// marks writes the status marks and the footnote reference of value v.
func (pg *Page) marks(w *strings.Builder, v indicator.Value) {
	if pg.Note == nil {
		return
	}
	if n := pg.Note(v.Status, v.Note); v.Status != 0 || n > 0 {
		annot.Marks(markup{w, pg.Word}, v.Status, n)
	}
}

// name names a breakdown in the page's language.
func (pg *Page) name(b *Breakdown) string {
	names := make([]string, len(b.Dims))
	for i, id := range b.Dims {
		names[i] = pg.Set.Dimension(id).Name.Get(pg.Lang)
	}
	return fmt.Sprintf(pg.Words.By, strings.Join(names, " × "))
}

// Section returns the HTML of the breakdowns of ind for unit in period p:
// for each breakdown a heading, a bar chart (its static SVG first, as
// every chart) and a table; and a selector of the breakdown, hidden until
// the chart loader shows it (without scripts every breakdown shows). It
// returns "" when the indicator has no breakdown with data there.
func (pg *Page) Section(ind *dataset.Indicator, unit *dataset.Unit, p period.Period) (string, error) {
	bi := pg.Set.Of(ind.ID)
	if bi == nil {
		return "", nil
	}
	base := "bd-" + slug(ind.ID) + "-" + unit.Code
	var panels, options strings.Builder
	shown := 0
	for i := range bi.Breakdowns {
		b := &bi.Breakdowns[i]
		values := make([]indicator.Value, len(b.Cells))
		any := false
		for j, cell := range b.Cells {
			values[j] = bi.Value(cell, unit.Code, p)
			any = any || values[j].OK
		}
		if !any {
			continue
		}
		id := base + "-" + slug(b.ID())
		title := pg.name(b)
		if err := pg.panel(&panels, ind, b, values, id, title, p, shown > 0); err != nil {
			return "", err
		}
		fmt.Fprintf(&options, `<option value="%s">%s</option>`, id, esc(title))
		shown++
	}
	if shown == 0 {
		return "", nil
	}
	var w strings.Builder
	fmt.Fprintf(&w, `<section class="breakdowns" data-breakdowns aria-labelledby="%s-h"><h2 id="%s-h">%s — %s, %s</h2>`,
		base, base, esc(pg.Words.Heading), esc(ind.Name.Get(pg.Lang)), esc(pg.Period(p)))
	if shown > 1 {
		fmt.Fprintf(&w, `<p class="breakdown-choose" hidden><label for="%s-select">%s</label> <select id="%s-select">%s</select></p>`,
			base, esc(pg.Words.Choose), base, options.String())
	}
	w.WriteString(panels.String())
	w.WriteString(`</section>`)
	return w.String(), nil
}

// Sections returns the breakdown sections of every indicator of inds
// that has one, for unit, each at the period at gives it (its latest).
func (pg *Page) Sections(inds []dataset.Indicator, unit *dataset.Unit, at func(*dataset.Indicator) period.Period) (string, error) {
	var all strings.Builder
	for i := range inds {
		s, err := pg.Section(&inds[i], unit, at(&inds[i]))
		if err != nil {
			return "", err
		}
		all.WriteString(s)
	}
	return all.String(), nil
}

// panel writes one breakdown: its heading, chart and table.
func (pg *Page) panel(w *strings.Builder, ind *dataset.Indicator, b *Breakdown, values []indicator.Value, id, title string, p period.Period, later bool) error {
	fm := pg.Format(ind)
	bar := chart.Bar{ID: id, Title: title + " — " + ind.Name.Get(pg.Lang), Highlight: -1,
		Unit: fm.Unit, Decimals: fm.Decimals, Format: fm.Number, NoData: pg.NoData}
	var rows strings.Builder
	for j, cell := range b.Cells {
		name := dims.Name(pg.Set.Catalogue.Dimensions, cell, pg.Lang)
		v := values[j]
		// A category with no data is not drawn as a bar (NaN), and says so.
		x := math.NaN()
		if v.OK {
			x = v.Value
		}
		bar.Categories = append(bar.Categories, name)
		bar.Values = append(bar.Values, x)
		fmt.Fprintf(&rows, `<tr><th scope="row">%s</th><td class="num">%s`, esc(name), esc(pg.Value(ind, v)))
		pg.marks(&rows, v)
		fmt.Fprintf(&rows, `</td><td class="num">%s</td></tr>`, esc(pg.Change(ind, v.Prev)))
	}
	c, err := pg.Bar(bar)
	if err != nil {
		return fmt.Errorf("chart %s: %w", id, err)
	}
	fmt.Fprintf(w, `<div class="breakdown" id="%s-panel" data-breakdown="%s">`, id, id)
	fmt.Fprintf(w, `<figure class="chart" id="%s" data-option="%s-option" data-width="%d" data-height="%d"><figcaption>%s</figcaption><div class="chart-canvas">%s</div><p class="chart-summary">%s</p><script type="application/json" id="%s-option">%s</script></figure>`,
		c.ID, c.ID, c.Width, c.Height, esc(bar.Title), c.SVG, esc(pg.summary(ind, b, values)), c.ID, c.Option)
	fmt.Fprintf(w, `<div class="table-wrap"><table><caption>%s</caption><thead><tr><th scope="col">%s</th><th scope="col" class="num">%s</th><th scope="col" class="num">%s</th></tr></thead><tbody>%s</tbody></table></div></div>`,
		esc(bar.Title), esc(pg.Words.Category), esc(pg.Words.Value), esc(pg.Words.VsPrev), rows.String())
	return nil
}

// summary says the largest gap between the breakdown's categories.
func (pg *Page) summary(ind *dataset.Indicator, b *Breakdown, values []indicator.Value) string {
	if g, ok := LargestGap(b, values); ok {
		return pg.GapText(ind, b, values, g)
	}
	return ""
}

// Gap is the largest difference between two categories of a breakdown:
// the indexes of the highest and the lowest value among its cells.
type Gap struct{ High, Low int }

// LargestGap finds the highest and lowest values among the cells with
// data; ok is false with fewer than two of them or when all are equal.
func LargestGap(b *Breakdown, values []indicator.Value) (Gap, bool) {
	g, n := Gap{-1, -1}, 0
	for i, v := range values {
		if !v.OK {
			continue
		}
		n++
		if g.High < 0 || v.Value > values[g.High].Value {
			g.High = i
		}
		if g.Low < 0 || v.Value < values[g.Low].Value {
			g.Low = i
		}
	}
	return g, n >= 2 && values[g.High].Value > values[g.Low].Value
}

// GapText says a gap in words: the breakdown, the highest and lowest
// categories with their values, and the difference (points for a rate).
func (pg *Page) GapText(ind *dataset.Indicator, b *Breakdown, values []indicator.Value, g Gap) string {
	hi, lo := values[g.High], values[g.Low]
	// A rate's gap is in points (of a percentage or a base); a count's or
	// level's in percent of the lower value.
	diff := indicator.Change{OK: true, Delta: hi.Value - lo.Value, Points: pg.Format(ind).InPoints()}
	if !diff.Points {
		diff.OK, diff.Delta = lo.Value > 0, 100*(hi.Value-lo.Value)/math.Max(lo.Value, 1e-300)
	}
	cat := pg.Set.Catalogue.Dimensions
	return fmt.Sprintf(pg.Words.Gap, pg.name(b),
		dims.Name(cat, b.Cells[g.High], pg.Lang), pg.Value(ind, hi),
		dims.Name(cat, b.Cells[g.Low], pg.Lang), pg.Value(ind, lo), pg.Change(ind, diff))
}

// Gaps returns the sentence of the largest gap of each breakdown of ind
// for unit in p, for the reports.
func (pg *Page) Gaps(ind *dataset.Indicator, unit string, p period.Period) []string {
	bi := pg.Set.Of(ind.ID)
	if bi == nil {
		return nil
	}
	var out []string
	for i := range bi.Breakdowns {
		b := &bi.Breakdowns[i]
		values := make([]indicator.Value, len(b.Cells))
		for j, cell := range b.Cells {
			values[j] = bi.Value(cell, unit, p)
		}
		if g, ok := LargestGap(b, values); ok {
			out = append(out, pg.GapText(ind, b, values, g))
		}
	}
	return out
}

// GapsSection returns the HTML of a report's section that names the
// largest gap of each breakdown of inds for unit in p; "" when none has one.
func (pg *Page) GapsSection(inds []dataset.Indicator, unit string, p period.Period) string {
	var items strings.Builder
	for i := range inds {
		for _, g := range pg.Gaps(&inds[i], unit, p) {
			fmt.Fprintf(&items, "<li>%s</li>", esc(g))
		}
	}
	if items.Len() == 0 {
		return ""
	}
	return fmt.Sprintf(`<section aria-labelledby="gaps-h"><h2 id="gaps-h">%s</h2><ul>%s</ul></section>`, esc(pg.Words.Gaps), items.String())
}

func esc(s string) string { return html.EscapeString(s) }

// slug makes an id usable in element ids: ids and codes have only
// lower-case letters, digits, _ and -, so only _ changes.
func slug(s string) string { return strings.ReplaceAll(s, "_", "-") }

// WordsFrom reads the words of a section through get, which returns the
// interface string of a key (templates/i18n).
func WordsFrom(get func(key string) string) Words {
	return Words{Heading: get("breakdowns"), By: get("breakdown_by"), Choose: get("breakdown_choose"),
		Category: get("breakdown_category"), Value: get("breakdown_value"), VsPrev: get("vs_prev"), Gap: get("breakdown_gap"), Gaps: get("breakdown_gaps")}
}
