package site_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp/kb"

	"minhbach/generator/internal/browser"
)

// breakdownPage is the sample's indicator broken down by level and sector.
const breakdownPage = "indicators/online_service_rate/"

// shownJS says which breakdown panels of the page show, by id, and
// whether the selector shows.
const shownJS = `({
	Panels: [...document.querySelectorAll('section[data-breakdowns] [data-breakdown]')].filter(p => p.checkVisibility()).map(p => p.dataset.breakdown),
	Selector: [...document.querySelectorAll('.breakdown-choose')].some(c => c.checkVisibility()),
})`

type shown struct {
	Panels   []string
	Selector bool
}

// TestBrowserBreakdownSelectorWorksWithTheKeyboard: with scripts, the
// breakdown section shows one breakdown at a time and a selector of them;
// the arrow key on the focused selector changes the breakdown shown, and
// its chart is drawn; axe finds nothing on the page.
func TestBrowserBreakdownSelectorWorksWithTheKeyboard(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, lang := range []string{"", "en/"} {
		p := visitDrawn(t, b, base+lang+breakdownPage, browser.WithReducedMotion())
		var got shown
		if err := p.Eval(shownJS, &got); err != nil {
			t.Fatal(err)
		}
		if !got.Selector || strings.Join(got.Panels, " ") != "bd-online-service-rate-an-giang-level" {
			t.Fatalf("%s: selector shown %t, panels shown %q; want the selector and the first breakdown only", lang, got.Selector, got.Panels)
		}
		if err := p.Press("section[data-breakdowns] select", kb.ArrowDown); err != nil {
			t.Fatal(err)
		}
		if err := p.WaitVisible("#bd-online-service-rate-an-giang-sector-panel"); err != nil {
			t.Fatal(err)
		}
		if err := p.Eval(shownJS, &got); err != nil {
			t.Fatal(err)
		}
		if strings.Join(got.Panels, " ") != "bd-online-service-rate-an-giang-sector" {
			t.Errorf("%s: after ArrowDown the panels shown are %q, want the breakdown by sector only", lang, got.Panels)
		}
		if _, err := p.DrawCharts(); err != nil {
			t.Errorf("%s: the chart of the breakdown chosen is not drawn: %v", lang, err)
		}
		found, err := axeViolations(p, axeSource(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range found {
			t.Errorf("%s: axe: %s", lang, f)
		}
	}
}

// TestBrowserBreakdownsWithoutScripts: with scripts off, every breakdown
// shows, each as its static chart and its table, and no selector shows.
func TestBrowserBreakdownsWithoutScripts(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	p, err := b.Visit(context.Background(), base+breakdownPage, browser.WithJavaScriptDisabled())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got struct {
		Panels         []string
		Selector       bool
		Charts, Tables int
	}
	err = p.Eval(`(() => {
		const panels = [...document.querySelectorAll('section[data-breakdowns] [data-breakdown]')];
		return Object.assign(`+shownJS+`, {
			Charts: panels.filter(p => p.querySelector('.chart-canvas > svg[role="img"]')?.checkVisibility()).length,
			Tables: panels.filter(p => p.querySelector('table')?.checkVisibility()).length,
		});
	})()`, &got)
	if err != nil {
		t.Fatal(err)
	}
	// The sample's online services are broken down by level and by sector.
	if len(got.Panels) != 2 || got.Charts != 2 || got.Tables != 2 || got.Selector {
		t.Errorf("without scripts: panels %q, %d static charts and %d tables shown, selector %t; want both breakdowns with a chart and a table each, no selector",
			got.Panels, got.Charts, got.Tables, got.Selector)
	}
}
