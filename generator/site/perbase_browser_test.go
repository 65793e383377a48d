package site_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/internal/browser"
)

// unitNameJS finds, in the visible drawing of each chart of the page (not
// the maps), the texts that say the unit %s, and returns what is wrong
// with them: a chart without exactly one; one not wholly above every
// other text of the drawing (the axis labels, the bars' labels); one over
// a bar, a point or any other filled shape; and any text of the chart cut
// by the drawing's edge.
// Boxes overlap when they share more than 1 px both ways, as in Look.
const unitNameJS = `(() => {
	const unit = %s;
	const found = [];
	const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
	for (const f of document.querySelectorAll('figure.chart')) {
		if (f.closest('[hidden]')) continue;
		const canvas = f.querySelector('.chart-canvas');
		const drawing = [...canvas.children].find((d) => d.matches('svg, .chart-live') && d.checkVisibility() && d.getBoundingClientRect().width > 0);
		if (!drawing || drawing.matches('svg.map') || f.querySelector('svg.map')) continue;
		const caption = (f.querySelector('figcaption') || {}).textContent || '';
		const kind = drawing.matches('svg') ? 'static' : 'live';
		const texts = [...drawing.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().width > 0);
		const d = drawing.getBoundingClientRect();
		for (const t of texts) {
			const r = t.getBoundingClientRect();
			if (r.left < d.left - 1 || r.right > d.right + 1 || r.top < d.top - 1) {
				found.push(caption + ' (' + kind + '): "' + t.textContent.trim() + '" runs out of the drawing');
			}
		}
		const names = texts.filter((t) => t.textContent.trim() === unit);
		if (names.length !== 1) { found.push(caption + ' (' + kind + '): ' + names.length + ' texts say the unit, want 1'); continue; }
		const n = names[0].getBoundingClientRect();
		for (const t of texts) {
			if (t !== names[0] && t.getBoundingClientRect().top < n.bottom - 1) {
				found.push(caption + ' (' + kind + '): the unit is not above "' + t.textContent.trim() + '"');
			}
		}
		for (const s of drawing.querySelectorAll('path, rect, circle, polygon')) {
			const fill = getComputedStyle(s).fill;
			if (fill === 'none' || fill === 'transparent' || fill === 'rgba(0, 0, 0, 0)') continue;
			if (overlap(n, s.getBoundingClientRect())) found.push(caption + ' (' + kind + '): the unit lies over a ' + s.tagName);
		}
	}
	return found;
})()`

// TestBrowserLongUnitClearsTheAxis opens the indicator page of a ratio per
// 100,000 population (testdata/per) in both languages, drawn by the chart
// script and, with scripts off, as static SVG, at 1280, 390 and 320 px:
// on its trend, its ranking and its breakdown the unit is said once, above
// the axis' labels, over no bar and within the chart; no text overlaps
// another (lookAt); and the page is no wider than the screen (the long
// figures of its tables scroll in their frames).
func TestBrowserLongUnitClearsTheAxis(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	out := t.TempDir()
	if err := buildData(filepath.Join("testdata", "per"), out); err != nil {
		t.Fatal(err)
	}
	base := browser.Serve(t, out)
	units := map[string]string{"en/": "per 100,000 population", "": "trên 100.000 dân"}
	check := func(scripts bool) pageCheck {
		return func(path string, p *browser.Page) ([]string, error) {
			if _, err := p.DrawCharts(); err != nil {
				return nil, err
			}
			unit, _ := json.Marshal(units[strings.TrimSuffix(path, "indicators/crime_rate/")])
			var found []string
			for _, sc := range screens {
				if err := p.Resize(sc.width, sc.height, sc.mobile); err != nil {
					return nil, err
				}
				sc.tables = false
				seen, err := lookAt(p, sc)
				if err != nil {
					return nil, err
				}
				var named []string
				if err := p.Eval(fmt.Sprintf(unitNameJS, unit), &named); err != nil {
					return nil, err
				}
				for _, s := range append(seen, named...) {
					found = append(found, fmt.Sprintf("scripts %v, %s: %s", scripts, sc.name, s))
				}
			}
			return found, nil
		}
	}
	paths := []string{"indicators/crime_rate/", "en/indicators/crime_rate/"}
	checkPages(t, b, base, paths, check(true), browser.WithReducedMotion())
	checkPages(t, b, base, paths, check(false), browser.WithJavaScriptDisabled())
}
