package site_test

import (
	"context"
	"fmt"
	"testing"

	"minhbach/generator/internal/browser"
)

// renderedCharts waits until every chart of the page has been drawn by
// ECharts and returns how many charts the page has, each with its live
// drawing.
func renderedCharts(t *testing.T, p *browser.Page) int {
	t.Helper()
	n, err := p.DrawCharts()
	if err != nil {
		t.Fatal(err)
	}
	live, err := p.Count("figure.chart .chart-canvas > .chart-live svg")
	if err != nil {
		t.Fatal(err)
	}
	if live != n {
		t.Fatalf("%d of %d charts have a live drawing", live, n)
	}
	return n
}

// TestBrowserWithoutJavaScript checks that with scripts off every chart still
// shows as its static SVG, with its summary and its data table: the trend,
// the communes' ranking and the departments' ranking.
func TestBrowserWithoutJavaScript(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	p, err := b.Visit(context.Background(), base+"indicators/signature_rate/", browser.WithJavaScriptDisabled())
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var got struct{ Figures, StaticSVG, Summaries, Tables, Rendered int }
	err = p.Eval(`({
		Figures: document.querySelectorAll('figure.chart').length,
		StaticSVG: document.querySelectorAll('figure.chart .chart-canvas > svg[role="img"]').length,
		Summaries: [...document.querySelectorAll('figure.chart .chart-summary')].filter(s => s.textContent.trim().length > 20).length,
		Tables: document.querySelectorAll('figure.chart table').length,
		Rendered: document.querySelectorAll('figure.chart[data-rendered]').length,
	})`, &got)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("%+v", struct{ Figures, StaticSVG, Summaries, Tables, Rendered int }{3, 3, 3, 3, 0})
	if fmt.Sprintf("%+v", got) != want {
		t.Errorf("without JavaScript: %+v, want %s", got, want)
	}
}
