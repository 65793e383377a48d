package chromium

import (
	"fmt"

	"github.com/chromedp/chromedp"
)

// drawChartsJS resolves, with the number of charts on the page, once every
// chart (figure.chart with an option) has been drawn by the chart script
// (data-rendered="true"). It waits on the attribute changes themselves,
// not on a clock: the caller's timeout bounds it. A chart inside a hidden
// element (a breakdown not chosen) is not drawn until it is shown.
const drawChartsJS = `new Promise((resolve) => {
	const figures = [...document.querySelectorAll('figure.chart[data-option]')].filter((f) => !f.closest('[hidden]'));
	const done = () => figures.every((f) => f.dataset.rendered === 'true');
	if (done()) return resolve(figures.length);
	const watch = new MutationObserver(() => {
		if (done()) { watch.disconnect(); resolve(figures.length); }
	});
	figures.forEach((f) => watch.observe(f, { attributes: true, attributeFilter: ['data-rendered'] }));
})`

// DrawCharts scrolls through the page, so that every chart comes into
// view, and waits until the chart script has drawn each one. It returns how
// many charts the page has. With scripts disabled it only scrolls and
// returns 0.
func (p *Page) DrawCharts() (int, error) {
	if err := p.ScrollToBottom(); err != nil {
		return 0, err
	}
	if p.scriptsDisabled {
		return 0, nil
	}
	var n int
	if err := p.Eval(drawChartsJS, &n); err != nil {
		return 0, fmt.Errorf("waiting for the charts to be drawn: %w", err)
	}
	return n, nil
}

// Sight is what a reader sees of a page, as [Page.Look] measures it.
type Sight struct {
	// ViewportWidth is the width of the viewport, and ScrollWidth the width
	// of the page's content: a page wider than its viewport scrolls
	// sideways.
	ViewportWidth, ScrollWidth int
	// Figures are the page's charts and maps, in document order, less
	// those inside a hidden element (a breakdown not chosen).
	Figures []FigureSight
	// TallHeads are the row headings of tables, at most 10, whose text
	// takes more than two lines: an indicator name squeezed into a narrow
	// column.
	TallHeads []string
}

// FigureSight is what a reader sees of one figure.
type FigureSight struct {
	// Caption is the figure's caption, to name it in messages.
	Caption string
	// Drawings counts the drawings of the figure that are visible
	// (checkVisibility, and a size): the static SVG and the live chart.
	// A reader should see exactly one.
	Drawings int
	// Exposed counts the drawings that assistive technology is told of:
	// visible, and not hidden by aria-hidden.
	Exposed int
	// Overlaps are pairs of texts of the visible drawing whose boxes
	// overlap ("a" / "b"): axis labels, legends, labels of bars.
	Overlaps []string
}

// lookJS measures a Sight. Texts overlap when their boxes share more than
// 1 px in both directions; a rotated label's box is its upright bounding
// box, which is what a reader's eye separates labels by.
const lookJS = `(() => {
	const visible = (e) => {
		if (!e.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
		const r = e.getBoundingClientRect();
		return r.width > 0 && r.height > 0;
	};
	const hiddenFromAT = (e) => e.closest('[aria-hidden="true"]') !== null;
	const figures = [...document.querySelectorAll('figure.chart')].filter((f) => !f.closest('[hidden]')).map((f) => {
		const canvas = f.querySelector('.chart-canvas');
		const drawings = canvas ? [...canvas.children].filter((c) => c.matches('svg, .chart-live')) : [];
		const shown = drawings.filter(visible);
		const texts = [];
		for (const d of shown) {
			for (const t of d.querySelectorAll('text')) {
				if (!visible(t) || t.textContent.trim() === '') continue;
				texts.push({ s: t.textContent.trim(), r: t.getBoundingClientRect() });
			}
		}
		const overlaps = [];
		for (let i = 0; i < texts.length && overlaps.length < 10; i++) {
			for (let j = i + 1; j < texts.length && overlaps.length < 10; j++) {
				const a = texts[i].r, b = texts[j].r;
				const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (x > 1 && y > 1) overlaps.push(texts[i].s + ' / ' + texts[j].s);
			}
		}
		const caption = f.querySelector('figcaption');
		return {
			Caption: caption ? caption.textContent.trim() : '',
			Drawings: shown.length,
			Exposed: shown.filter((d) => !hiddenFromAT(d)).length,
			Overlaps: overlaps,
		};
	});
	const tall = [];
	for (const th of document.querySelectorAll('tbody th[scope="row"]')) {
		if (tall.length >= 10 || !visible(th)) continue;
		// The lines of its text are the distinct tops of the text's line
		// boxes (a range's client rects, less those of whole elements).
		const style = getComputedStyle(th);
		const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.55;
		const range = document.createRange();
		range.selectNodeContents(th);
		const tops = new Set([...range.getClientRects()]
			.filter((r) => r.width > 0 && r.height <= line * 1.2)
			.map((r) => Math.round(r.top)));
		if (tops.size > 2) tall.push(th.textContent.trim() + ' (' + tops.size + ' lines)');
	}
	return {
		ViewportWidth: window.innerWidth,
		ScrollWidth: document.documentElement.scrollWidth,
		Figures: figures,
		TallHeads: tall,
	};
})()`

// Look measures what a reader sees of the page now: whether it scrolls
// sideways, how many drawings of each figure show and overlap, and which
// table headings are squeezed.
func (p *Page) Look() (Sight, error) {
	var s Sight
	if err := p.Eval(lookJS, &s); err != nil {
		return s, fmt.Errorf("looking at the page: %w", err)
	}
	return s, nil
}

// Resize gives the open page a screen of width×height CSS pixels, as
// [WithViewport] does for a visit, and waits for the page to have laid
// itself out at that width (two animation frames, bounded by the page's
// timeout), so that a following Look sees the new layout.
func (p *Page) Resize(width, height int, mobile bool) error {
	ctx, cancel := p.op()
	defer cancel()
	v := viewport{width: int64(width), height: int64(height), mobile: mobile}
	if err := chromedp.Do(ctx, v.emulate()); err != nil {
		return fmt.Errorf("resizing the page to %d×%d: %w", width, height, err)
	}
	if p.scriptsDisabled {
		return nil
	}
	return p.Eval(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))`, nil)
}
