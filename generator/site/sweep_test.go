//go:build sweep

// The thorough sweep: the checks that take minutes rather than seconds
// (every page of the sample through axe-core, the builds of hostile text,
// the printing of every report). README's test command leaves them out;
// run them with
//
//	go test -tags sweep -run Sweep ./...
//
// as .ci/run does after README's command.

package site_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/build"
	"minhbach/generator/internal/browser"
)

// TestSweepAxeEveryPage runs axe-core (its default rules, best practices
// included, and WCAG 2.2's target size) on every page of the sample site, in both languages, after its
// charts have been drawn, in the light colour scheme; then again, with the
// rules that depend on colours, in the dark scheme.
func TestSweepAxeEveryPage(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	dir := sampleSite(t)
	base := browser.Serve(t, dir)
	axe := axeSource(t)
	paths := sitePages(t, dir)
	if len(paths) < 200 {
		t.Fatalf("found %d pages, want the whole sample site (over 200)", len(paths))
	}
	checkPages(t, b, base, paths, axeCheck(axe), browser.WithColorScheme("light"))
}

// TestSweepHostileTextStaysText builds a site whose unit names, indicator
// names and description and site title carry script breakouts, an
// attribute breakout, Hugo shortcodes, a page body's marker and a
// javascript: link, and checks in the browser that
// nothing runs (no dialog opens), no element was injected, no link has a
// javascript: target, and the texts show as text.
func TestSweepHostileTextStaysText(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	data := hostileData(t)
	ds, res := loadData(t, data)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	base := browser.Serve(t, out)
	for _, tc := range []struct {
		path string
		// shown are texts the page must show, as text.
		shown []string
	}{
		{"", []string{"Ký số" + hostile.breakout}},
		{"indicators/signature_rate/", []string{"Ký số" + hostile.breakout, "Gò Quao" + hostile.breakout, "Phú Quốc" + hostile.attribute}},
		{"en/indicators/signature_rate/", []string{"Signed" + hostile.attribute}},
		{"units/go-quao/", []string{"Gò Quao" + hostile.breakout + hostile.shortcode + hostile.marker}},
		{"en/units/phu-quoc/", []string{"Phú Quốc" + hostile.attribute}},
		{"units/", []string{"Gò Quao" + hostile.breakout, "Phú Quốc" + hostile.attribute}},
		{"indicators/", []string{"Ký số" + hostile.breakout}},
		{"reports/2025-q1/", []string{"Ký số" + hostile.breakout + hostile.shortcode}},
	} {
		t.Run("/"+tc.path, func(t *testing.T) {
			p := visitDrawn(t, b, base+tc.path)
			text, err := p.Text("body")
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.shown {
				if !strings.Contains(text, s) {
					t.Errorf("the page does not show %q as text", s)
				}
			}
			var found struct{ Injected, JSLinks, Titled int }
			err = p.Eval(`({
				Injected: document.querySelectorAll('img[src="x"], img[onerror], body script:not([src]):not([type="application/json"])').length,
				JSLinks: [...document.querySelectorAll('a[href]')].filter(a => a.protocol === 'javascript:').length,
				Titled: document.title.includes('</script><script>alert(1)</script>') ? 1 : 0,
			})`, &found)
			if err != nil {
				t.Fatal(err)
			}
			if found.Injected != 0 || found.JSLinks != 0 || found.Titled != 1 {
				t.Errorf("injected elements %d, javascript: links %d (want none); title as text %d (want 1)",
					found.Injected, found.JSLinks, found.Titled)
			}
			if d := p.Dialogs(); len(d) > 0 {
				t.Errorf("script ran: dialogs %q", d)
			}
			for _, s := range p.Exceptions() {
				t.Errorf("exception: %s", s)
			}
			for _, s := range p.CSPViolations() {
				t.Errorf("CSP violation: %s", s)
			}
		})
	}
}

// TestSweepBuildPrintsReportsToPDF builds the sample with PDF output and checks
// that every report has a non-empty PDF that its page links.
func TestSweepBuildPrintsReportsToPDF(t *testing.T) {
	t.Parallel()
	browser.Require(t) // fails under CI when Chromium is missing, skips elsewhere
	ds, res := loadSample(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Site(ds, res, build.Options{Root: root, Out: out, PDF: true}); err != nil {
		t.Fatal(err)
	}
	for _, prefix := range []string{"", "en/"} {
		for _, q := range []string{"2024-q1", "2025-q1", "2025-q3", "2024"} { // the year report too
			pdf := filepath.Join(out, filepath.FromSlash(prefix+"reports/"+q+".pdf"))
			b, err := os.ReadFile(pdf)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), "%PDF-") || len(b) < 10_000 {
				t.Errorf("%s: %d bytes, starting %q", pdf, len(b), b[:min(8, len(b))])
			}
			html := readPage(t, out, prefix+"reports/"+q+"/index.html")
			if !strings.Contains(html, "/"+prefix+"reports/"+q+".pdf") {
				t.Errorf("%sreports/%s/ does not link its PDF", prefix, q)
			}
		}
	}
	if html := readPage(t, sampleSite(t), "reports/2025-q1/index.html"); strings.Contains(html, ".pdf") {
		t.Error("a build without --pdf links a PDF")
	}
}

// TestSweepNoCSPViolation draws the charts of the pages that have them,
// under the policy of _headers, shows a tooltip as a mouse over a chart
// would, and checks that the browser refused nothing.
func TestSweepNoCSPViolation(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, path := range []string{"", "indicators/signature_rate/", "en/units/phu-quoc/"} {
		t.Run("/"+path, func(t *testing.T) {
			p, err := b.Visit(context.Background(), base+path)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			var policy string
			if err := p.Eval(`fetch(location.href).then(r => r.headers.get('content-security-policy'))`, &policy); err != nil {
				t.Fatal(err)
			}
			if policy != ownPagePolicy {
				t.Fatalf("served with policy %q, want %q", policy, ownPagePolicy)
			}
			if n, err := chartsDrawn(p); err != nil || n == 0 {
				t.Fatalf("%d charts drawn: %v", n, err)
			}
			// Hover over the middle of each chart: its tooltip adds text
			// to the chart.
			var hovered struct{ Charts, Tooltips int }
			err = p.Eval(`(async () => {
				const canvases = [...document.querySelectorAll('figure.chart .chart-live')];
				let tooltips = 0;
				for (const c of canvases) {
					c.scrollIntoView({block: 'center'});
					const before = c.querySelectorAll('text').length;
					const r = c.getBoundingClientRect();
					const x = r.left + r.width / 2, y = r.top + r.height / 2;
					const target = document.elementFromPoint(x, y) || c;
					for (let i = 0; i < 3; i++) {
						for (const type of ['pointermove', 'mousemove']) {
							target.dispatchEvent(new PointerEvent(type, {bubbles: true, clientX: x + i, clientY: y, pointerType: 'mouse'}));
						}
						await new Promise(r => setTimeout(r, 150));
					}
					if (c.querySelectorAll('text').length > before) tooltips++;
				}
				return {Charts: canvases.length, Tooltips: tooltips};
			})()`, &hovered)
			if err != nil {
				t.Fatal(err)
			}
			if hovered.Tooltips != hovered.Charts {
				t.Errorf("%d of %d charts showed a tooltip on hover", hovered.Tooltips, hovered.Charts)
			}
			for _, s := range p.CSPViolations() {
				t.Errorf("CSP violation: %s", s)
			}
			for _, s := range p.ConsoleErrors() {
				t.Errorf("console error: %s", s)
			}
		})
	}
}

// TestSweepPagesRender opens the home, an indicator, a unit and a report
// page in both languages, as a visitor would, and checks that every chart
// was drawn, nothing went wrong in the console and no request left the site.
func TestSweepPagesRender(t *testing.T) {
	t.Parallel()
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
				// Every figure is drawn, and there are at least as many as
				// the page kind has (an indicator has one ranking per level).
				n := renderedCharts(t, p)
				var all int // the figures shown (a breakdown not chosen is hidden)
				if err := p.Eval(`[...document.querySelectorAll('figure.chart')].filter((f) => !f.closest('[hidden]')).length`, &all); err != nil {
					t.Fatal(err)
				}
				if n != all || n < pg.charts {
					t.Errorf("%d of %d charts drawn, want all and at least %d", n, all, pg.charts)
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
			for what, list := range troubles(p, base) {
				for _, s := range list {
					t.Errorf("%s: %s", what, s)
				}
			}
		})
	}
}

// TestSweepGeneratedHeadsMatchTemplates is TestGeneratedHeadsMatchTemplates
// with a site root and a plain base URL.
func TestSweepGeneratedHeadsMatchTemplates(t *testing.T) {
	t.Parallel()
	headsMatchTemplates(t, "", "https://example.gov.vn/cong/")
}
