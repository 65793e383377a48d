package site_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"minhbach/generator/internal/browser"
)

// axeTags are the axe-core rule sets every page must pass: WCAG 2.0 and 2.1,
// levels A and AA, and the WCAG 2.2 AA rules (target size).
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeSource returns axe-core's script, installed by npm ci from
// package-lock.json (building the sample runs npm ci when needed).
func axeSource(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (run npm ci): %v", err)
	}
	return string(b)
}

// colourRules are the axe-core rules whose outcome depends on the colour
// scheme: the dark scheme is checked with these.
var colourRules = []string{"color-contrast", "link-in-text-block"}

// axeRunJS runs axe-core on the whole document and returns one line per
// failing node: the rule, the element's selector and what is wrong. It is
// a format of the kind of selection ("tag" or "rule") and the list.
const axeRunJS = `axe.run(document, {runOnly: {type: '%s', values: %s}, resultTypes: ['violations']})
	.then(r => r.violations.flatMap(v => v.nodes.map(n =>
		v.id + ' (' + v.impact + ', ' + v.help + '): ' + n.target.join(' ') + ' — ' +
		(n.failureSummary || '').replace(/\s+/g, ' '))))`

// axeViolations injects axe-core into the page and returns the violations
// of the rules of axeTags.
func axeViolations(p *browser.Page, axe string) ([]string, error) {
	return axeRun(p, axe, "tag", axeTags)
}

// axeRun injects axe-core into the page and runs the rules selected by kind
// ("tag" or "rule") and values.
func axeRun(p *browser.Page, axe, kind string, values []string) ([]string, error) {
	if err := p.InjectScript(axe); err != nil {
		return nil, err
	}
	var lines []string
	err := p.Eval(fmt.Sprintf(axeRunJS, kind, jsonList(values)), &lines)
	return lines, err
}

func jsonList(xs []string) string {
	return `['` + strings.Join(xs, `', '`) + `']`
}

// visitDrawn opens url in a new tab, closed when the test ends, and waits
// until every chart on it has been drawn.
func visitDrawn(t *testing.T, b *browser.Browser, url string, opts ...browser.VisitOption) *browser.Page {
	t.Helper()
	p, err := b.Visit(context.Background(), url, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	if _, err := chartsDrawn(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// chartsDrawn scrolls through the page, so that every chart comes into view,
// and waits until ECharts has drawn each one. It returns how many charts the
// page has.
func chartsDrawn(p *browser.Page) (int, error) { return p.DrawCharts() }

// sitePages returns the URL path (relative to the site root) of every HTML
// page of the built site in dir. Hugo's redirect pages (such as /vi/, which
// sends the reader on to /) are left out: they are not pages anyone reads.
func sitePages(t testing.TB, dir string) []string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if s := string(b); strings.Contains(s, `http-equiv=refresh`) || strings.Contains(s, `http-equiv="refresh"`) {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if rel == "index.html" {
			rel = ""
		} else {
			rel = strings.TrimSuffix(rel, "index.html")
		}
		paths = append(paths, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	return paths
}

// pageCheck visits one page and returns what is wrong with it.
type pageCheck func(path string, p *browser.Page) ([]string, error)

// checkPages visits every path in a few tabs at once, runs check on each
// page and reports every problem with the page it was found on.
//
// A check that ends in an error (a timeout, a closed tab, charts not drawn
// in time) rather than in findings is tried once more in a fresh tab: a
// run of several hundred pages on a busy CI machine should not fail on
// one stalled renderer. The first error is logged; a page that fails twice
// fails the test, and findings (axe violations, CSP violations, script
// exceptions) are never retried.
func checkPages(t *testing.T, b *browser.Browser, base string, paths []string, check pageCheck, opts ...browser.VisitOption) {
	t.Helper()
	const tabs = 4
	work := make(chan string)
	var wg sync.WaitGroup
	for range tabs {
		wg.Go(func() {
			for path := range work {
				found, err := visitAndCheck(b, base, path, check, opts)
				if err != nil {
					t.Logf("/%s: %v; trying once more", path, err)
					found, err = visitAndCheck(b, base, path, check, opts)
				}
				if err != nil {
					found = append(found, err.Error())
				}
				for _, s := range found {
					t.Errorf("/%s: %s", path, s)
				}
			}
		})
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
}

func visitAndCheck(b *browser.Browser, base, path string, check pageCheck, opts []browser.VisitOption) ([]string, error) {
	p, err := b.Visit(context.Background(), base+path, opts...)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return check(path, p)
}

// axeCheck is the check of every page: its charts are drawn by ECharts as
// a reader scrolling down would see them, then axe-core's default rules
// (best practices included) and WCAG 2.2's target size find no violation;
// then the reader switches to the dark scheme (the charts change colour
// too) and axe-core's colour rules find no violation either; and nothing
// went wrong in the console.
func axeCheck(axe string) pageCheck {
	return func(path string, p *browser.Page) ([]string, error) {
		if _, err := chartsDrawn(p); err != nil {
			return nil, err
		}
		if err := p.InjectScript(axe); err != nil {
			return nil, err
		}
		var found []string
		if err := p.Eval(axeDefaultJS, &found); err != nil {
			return nil, err
		}
		if err := p.SetColorScheme("dark"); err != nil {
			return nil, err
		}
		var dark []string
		if err := p.Eval(fmt.Sprintf(axeRunJS, "rule", jsonList(colourRules)), &dark); err != nil {
			return nil, err
		}
		for _, s := range dark {
			found = append(found, "dark: "+s)
		}
		for _, s := range p.CSPViolations() {
			found = append(found, "CSP violation: "+s)
		}
		for _, s := range p.Exceptions() {
			found = append(found, "exception: "+s)
		}
		return found, nil
	}
}

// TestBrowserFocusVisible focuses, one after the other, every element of an
// indicator page that a keyboard reaches, and checks that each shows a
// focus ring of at least 2 px; the skip link, first of all, comes into view.
func TestBrowserFocusVisible(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	p := visitDrawn(t, b, base+"indicators/signature_rate/")
	var got struct {
		Focusable  int
		Unringed   []string
		SkipFirst  bool
		SkipInView bool
	}
	err := p.Eval(`(async () => {
		const all = [...document.querySelectorAll('a[href], summary, button, input, select, textarea, [tabindex]:not([tabindex="-1"])')]
			.filter(el => el.checkVisibility() || el.classList.contains('skip-link'));
		const unringed = [];
		for (const el of all) {
			el.focus();
			const s = getComputedStyle(el);
			const ring = document.activeElement === el && el.matches(':focus-visible') &&
				s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
			if (!ring) unringed.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 40) + '"');
		}
		const skip = document.querySelector('.skip-link');
		skip.focus();
		await new Promise(r => setTimeout(r, 400)); // its short transition
		const r = skip.getBoundingClientRect();
		return {Focusable: all.length, Unringed: unringed, SkipFirst: all[0] === skip,
			SkipInView: r.top >= 0 && r.bottom <= innerHeight && r.height >= 24};
	})()`, &got)
	if err != nil {
		t.Fatal(err)
	}
	if got.Focusable < 10 { // skip link, menu, language, two "data of the chart", footer
		t.Errorf("%d focusable elements, want over 10", got.Focusable)
	}
	for _, s := range got.Unringed {
		t.Errorf("no visible focus ring on %s", s)
	}
	if !got.SkipFirst || !got.SkipInView {
		t.Errorf("skip link first: %t, in view when focused: %t; want both", got.SkipFirst, got.SkipInView)
	}
}

// TestBrowserTargetSize checks on a phone screen that every link, button
// and disclosure is at least 24×24 CSS pixels, unless it is a link inside
// running text, and that the controls of every page (skip link, menu,
// language switch, footer links, "data of the chart") are at least 44 px
// tall.
func TestBrowserTargetSize(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, path := range []string{"", "indicators/signature_rate/", "en/units/go-quao/", "reports/2025-q1/", "units/", "about/", "404.html"} {
		t.Run("/"+path, func(t *testing.T) {
			p, err := b.Visit(context.Background(), base+path, browser.WithViewport(375, 812, true))
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			var small []string
			err = p.Eval(`(() => {
				const small = [];
				const name = el => el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 40) + '"';
				for (const el of document.querySelectorAll('a[href], button, summary, input, select')) {
					if (!el.checkVisibility() && !el.classList.contains('skip-link')) continue;
					const r = el.getBoundingClientRect();
					const inText = getComputedStyle(el).display === 'inline' &&
						el.parentElement.textContent.trim().length > el.textContent.trim().length;
					const control = el.matches('.skip-link, .site-header a, .lang-switch a, .site-footer a, summary');
					if (control && r.height < 44) small.push(name(el) + ' is ' + r.height.toFixed(1) + ' px tall, want 44');
					else if (!inText && (r.height < 24 || r.width < 24)) small.push(name(el) + ' is ' + r.width.toFixed(1) + '×' + r.height.toFixed(1) + ' px, want 24×24');
				}
				return small;
			})()`, &small)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range small {
				t.Error(s)
			}
		})
	}
}

// TestBrowserReducedMotion checks that a reader who asks for reduced motion
// gets charts without animation and no transition, and that other readers
// get both.
func TestBrowserReducedMotion(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, tc := range []struct {
		name       string
		opts       []browser.VisitOption
		animated   string
		transition string
	}{
		{"motion", nil, "true", "0.15s"},
		{"reduced", []browser.VisitOption{browser.WithReducedMotion()}, "false", "0s"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := visitDrawn(t, b, base+"indicators/signature_rate/", tc.opts...)
			var got struct {
				Animated   []string
				Transition string
			}
			err := p.Eval(`({
				Animated: [...document.querySelectorAll('figure.chart')].map(f => f.dataset.animated),
				Transition: getComputedStyle(document.querySelector('.skip-link')).transitionDuration,
			})`, &got)
			if err != nil {
				t.Fatal(err)
			}
			// The trend, the communes' ranking and the departments' ranking.
			if len(got.Animated) != 3 || slices.ContainsFunc(got.Animated, func(a string) bool { return a != tc.animated }) {
				t.Errorf("charts animated %q, want %s for all three", got.Animated, tc.animated)
			}
			if got.Transition != tc.transition {
				t.Errorf("skip link transition %q, want %q", got.Transition, tc.transition)
			}
		})
	}
}

// TestBrowserColourSchemes checks that the page and the charts ECharts
// draws take the colours of the reader's scheme: light, dark, and forced
// colours (where axe-core must find no violation either).
func TestBrowserColourSchemes(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	axe := axeSource(t)
	for _, tc := range []struct {
		name   string
		opt    browser.VisitOption
		bg, fg string
	}{
		{"light", browser.WithColorScheme("light"), "rgb(255, 255, 255)", "rgb(26, 26, 26)"},
		{"dark", browser.WithColorScheme("dark"), "rgb(17, 20, 24)", "rgb(232, 234, 237)"},
		{"forced", browser.WithForcedColors(), "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := visitDrawn(t, b, base+"en/indicators/online_filing_rate/", tc.opt)
			var got struct {
				Bg, Fg     string
				ChartTexts []string
			}
			err := p.Eval(`({
				Bg: getComputedStyle(document.body).backgroundColor,
				Fg: getComputedStyle(document.body).color,
				ChartTexts: [...new Set([...document.querySelectorAll('figure.chart .chart-live svg text')]
					.map(t => t.getAttribute('fill')).filter(Boolean))],
			})`, &got)
			if err != nil {
				t.Fatal(err)
			}
			if tc.bg != "" && (got.Bg != tc.bg || got.Fg != tc.fg) {
				t.Errorf("page colours %s on %s, want %s on %s", got.Fg, got.Bg, tc.fg, tc.bg)
			}
			// Every text ECharts drew is in the page's text colour.
			if len(got.ChartTexts) != 1 || got.ChartTexts[0] != got.Fg {
				t.Errorf("chart text colours %q, want only the page's %s", got.ChartTexts, got.Fg)
			}
			found, err := axeViolations(p, axe)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range found {
				t.Error(s)
			}
		})
	}
}

// TestBrowserChartsSpeakTheLanguage checks the charts ECharts draws: their
// figures are written as the page's language writes them, and each chart
// is an image named by its caption (its summary and table follow as text).
func TestBrowserChartsSpeakTheLanguage(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	for _, tc := range []struct{ path, top, thousands string }{
		// The first of the ranking, and an axis label of the trend.
		{"indicators/signature_rate/", "96,7%", "85%"},
		{"en/indicators/signature_rate/", "96.7%", "85%"},
		{"indicators/docs_incoming/", "", "."},
		{"en/indicators/docs_incoming/", "", ","},
	} {
		t.Run("/"+tc.path, func(t *testing.T) {
			p := visitDrawn(t, b, base+tc.path)
			var got struct {
				Texts   []string
				Unnamed []string
			}
			err := p.Eval(`({
				Texts: [...document.querySelectorAll('figure.chart .chart-live svg text')].map(t => t.textContent),
				Unnamed: [...document.querySelectorAll('figure.chart')].filter(f => {
					const c = f.querySelector('.chart-live');
					return !c || c.getAttribute('role') !== 'img' || c.getAttribute('aria-label') !== f.querySelector('figcaption').textContent.trim();
				}).map(f => f.id),
			})`, &got)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Unnamed) > 0 {
				t.Errorf("charts not named by their caption: %q", got.Unnamed)
			}
			if tc.top != "" && !slices.Contains(got.Texts, tc.top) {
				t.Errorf("chart texts lack %q: %q", tc.top, got.Texts)
			}
			// A count over a thousand has the language's thousands separator.
			sep := 0
			for _, s := range got.Texts {
				if strings.ContainsAny(s, "0123456789") && strings.Contains(s, tc.thousands) {
					sep++
				}
			}
			if sep == 0 {
				t.Errorf("no chart text has %q: %q", tc.thousands, got.Texts)
			}
		})
	}
}

// TestBrowserChartsFollowSchemeChange switches a page with drawn charts from
// the light to the dark scheme, as a phone does at dusk, and checks that
// the charts take the dark scheme's text colour.
func TestBrowserChartsFollowSchemeChange(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	base := browser.Serve(t, sampleSite(t))
	p := visitDrawn(t, b, base+"units/go-quao/", browser.WithColorScheme("light"))
	if err := p.SetColorScheme("dark"); err != nil {
		t.Fatal(err)
	}
	var fills []string
	err := p.Eval(`new Promise(r => setTimeout(r, 300)).then(() =>
		[...new Set([...document.querySelectorAll('figure.chart .chart-live svg text')].map(t => t.getAttribute('fill')))])`, &fills)
	if err != nil {
		t.Fatal(err)
	}
	if want := "rgb(232, 234, 237)"; len(fills) != 1 || fills[0] != want {
		t.Errorf("chart text colours after the switch %q, want only %s", fills, want)
	}
}
