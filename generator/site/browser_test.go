package site_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"minhbach/generator/internal/browser"
)

// renderedCharts waits until every chart of the page has been drawn by
// ECharts and returns how many charts the page has.
func renderedCharts(t *testing.T, p *browser.Page) int {
	t.Helper()
	if err := p.ScrollToBottom(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		var state struct{ Charts, Rendered, LiveSVG int }
		err := p.Eval(`({
			Charts: document.querySelectorAll('figure.chart').length,
			Rendered: document.querySelectorAll('figure.chart[data-rendered="true"]').length,
			LiveSVG: document.querySelectorAll('figure.chart .chart-canvas > .chart-live svg').length,
		})`, &state)
		if err != nil {
			t.Fatal(err)
		}
		if state.Charts > 0 && state.Rendered == state.Charts && state.LiveSVG == state.Charts {
			return state.Charts
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d charts rendered by ECharts (%d with a live SVG)", state.Rendered, state.Charts, state.LiveSVG)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserPagesRender opens the home, an indicator, a unit and a report
// page in both languages, as a visitor would, and checks that every chart
// was drawn, nothing went wrong in the console and no request left the site.
func TestBrowserPagesRender(t *testing.T) {
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	pages := []struct {
		path   string
		charts int
		text   string
	}{
		{"", 1, "89,5%"},
		{"indicators/signature_rate/", 2, "Go Quao"},
		{"units/go-quao/", 1, "Gò Quao"},
		{"reports/2025-q1/", 1, "213.883"},
		{"en/", 1, "89.5%"},
		{"en/indicators/online_filing_rate/", 2, "Files received online"},
		{"en/units/phu-quoc/", 1, "Phú Quốc"},
		{"en/reports/2025-q1/", 1, "213,883"},
	}
	for _, pg := range pages {
		t.Run("/"+pg.path, func(t *testing.T) {
			p, err := b.Visit(context.Background(), base+pg.path)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			if p.Status() != 200 {
				t.Fatalf("status %d", p.Status())
			}
			if pg.charts > 0 {
				if n := renderedCharts(t, p); n != pg.charts {
					t.Errorf("%d charts, want %d", n, pg.charts)
				}
			} else if n, _ := p.Count("figure.chart"); n != 0 {
				t.Errorf("%d charts, want none", n)
			}
			if pg.text != "Go Quao" { // a name the ranking shows with its diacritics
				body, err := p.Text("main")
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(body, pg.text) {
					t.Errorf("page text lacks %q", pg.text)
				}
			}
			for what, list := range map[string][]string{
				"console error":  p.ConsoleErrors(),
				"exception":      p.Exceptions(),
				"CSP violation":  p.CSPViolations(),
				"failed request": p.FailedRequests(),
				"other host":     p.ExternalRequests(base),
			} {
				for _, s := range list {
					t.Errorf("%s: %s", what, s)
				}
			}
		})
	}
}

// TestBrowserWithoutJavaScript checks that with scripts off every chart still
// shows as its static SVG, with its summary and its data table.
func TestBrowserWithoutJavaScript(t *testing.T) {
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
	want := fmt.Sprintf("%+v", struct{ Figures, StaticSVG, Summaries, Tables, Rendered int }{2, 2, 2, 2, 0})
	if fmt.Sprintf("%+v", got) != want {
		t.Errorf("without JavaScript: %+v, want %s", got, want)
	}
}
