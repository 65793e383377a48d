package site_test

import (
	"fmt"
	"strings"
	"testing"

	"minhbach/generator/internal/browser"
	"minhbach/generator/shots"
)

// axeDefaultJS runs axe-core with its default rule set (best practices
// included), and then WCAG 2.2's target size, which the default leaves
// out; it returns one line per failing node, as axeRunJS does. (Naming
// target-size in the options of the default run instead makes axe-core
// skip some default rules, page-has-heading-one among them.)
const axeDefaultJS = `(async () => {
	const lines = (r) => r.violations.flatMap(v => v.nodes.map(n =>
		v.id + ' (' + v.impact + ', ' + v.help + '): ' + n.target.join(' ') + ' — ' +
		(n.failureSummary || '').replace(/\s+/g, ' ')));
	const all = await axe.run(document, {resultTypes: ['violations']});
	const size = await axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}, resultTypes: ['violations']});
	return lines(all).concat(lines(size));
})()`

// screen is a width a reader looks at the site with.
type screen struct {
	name          string
	width, height int
	mobile        bool
	// tables: at this width no row heading of a table may take more than
	// two lines.
	tables bool
}

// screens are the widths a reader looks at the site with: a phone, a
// desktop, and the narrowest phone that still has to work (320 px, WCAG's
// reflow width).
var screens = []screen{
	{"desktop", 1280, 800, false, true},
	{"phone", 390, 844, true, false},
	{"narrow phone", 320, 640, true, false},
}

// lookAt checks what a reader sees of page p at its present width: each
// figure shows exactly one drawing, which assistive technology is told of,
// and no text of a drawing lies over another; the page does not scroll
// sideways; and, where tables says so, no table squeezes its row headings
// into more than two lines.
func lookAt(p *browser.Page, sc screen) ([]string, error) {
	s, err := p.Look()
	if err != nil {
		return nil, err
	}
	var found []string
	// A phone's browser widens its viewport to a page wider than the
	// screen, so the page is measured against the screen.
	if width := min(s.ViewportWidth, sc.width); s.ScrollWidth > width {
		found = append(found, fmt.Sprintf("the page scrolls sideways: %d px wide on a %d px screen", s.ScrollWidth, width))
	}
	for _, f := range s.Figures {
		if f.Drawings != 1 {
			found = append(found, fmt.Sprintf("figure %q shows %d drawings, want 1", f.Caption, f.Drawings))
		}
		if f.Exposed != f.Drawings {
			found = append(found, fmt.Sprintf("figure %q: %d of its %d visible drawings are hidden from assistive technology", f.Caption, f.Drawings-f.Exposed, f.Drawings))
		}
		for _, o := range f.Overlaps {
			found = append(found, fmt.Sprintf("figure %q: texts overlap: %s", f.Caption, o))
		}
	}
	if sc.tables {
		for _, h := range s.TallHeads {
			found = append(found, "a row heading is squeezed: "+h)
		}
	}
	return found, nil
}

// lookAtEach gives page p each of screens in turn and returns what lookAt
// finds at each, told apart by prefix and the screen's name.
func lookAtEach(p *browser.Page, screens []screen, prefix string) ([]string, error) {
	var found []string
	for _, sc := range screens {
		if err := p.Resize(sc.width, sc.height, sc.mobile); err != nil {
			return nil, err
		}
		seen, err := lookAt(p, sc)
		if err != nil {
			return nil, err
		}
		for _, s := range seen {
			found = append(found, prefix+sc.name+": "+s)
		}
	}
	return found, nil
}

// troubles is what went wrong on page p of the site at base while it
// loaded and ran, by kind: console errors, exceptions, Content Security
// Policy violations, failed requests and requests to other hosts.
func troubles(p *browser.Page, base string) map[string][]string {
	return map[string][]string{
		"console error":  p.ConsoleErrors(),
		"exception":      p.Exceptions(),
		"CSP violation":  p.CSPViolations(),
		"failed request": p.FailedRequests(),
		"other host":     p.ExternalRequests(base),
	}
}

// readerCheck is what a reader sees of one page of the site at base, with
// its charts drawn: axe-core's default rules find nothing in the light
// scheme nor in the dark; in each scheme, at every width of screens,
// lookAt finds nothing wrong; and the console shows no error, exception
// or Content Security Policy violation, no request failed and none went
// to another host.
//
// axe-core runs before the page is resized: once a page has been given a
// phone's screen, axe-core 4.14 no longer reports page-level rules such as
// page-has-heading-one, even back at a desktop's.
func readerCheck(axe, base string) pageCheck {
	return func(path string, p *browser.Page) ([]string, error) {
		var found []string
		if _, err := p.DrawCharts(); err != nil {
			return nil, err
		}
		if err := p.InjectScript(axe); err != nil {
			return nil, err
		}
		schemes := []string{"light", "dark"}
		for _, scheme := range schemes {
			if err := p.SetColorScheme(scheme); err != nil {
				return nil, err
			}
			var violations []string
			if err := p.Eval(axeDefaultJS, &violations); err != nil {
				return nil, err
			}
			for _, v := range violations {
				found = append(found, scheme+": axe: "+v)
			}
		}
		for _, scheme := range schemes {
			if err := p.SetColorScheme(scheme); err != nil {
				return nil, err
			}
			seen, err := lookAtEach(p, screens, scheme+", ")
			if err != nil {
				return nil, err
			}
			found = append(found, seen...)
		}
		for what, list := range troubles(p, base) {
			for _, s := range list {
				// The page for a missing address is itself the one
				// request that answers 404.
				if p.Status() == 404 && strings.Contains(s, base+path) {
					continue
				}
				found = append(found, what+": "+s)
			}
		}
		return found, nil
	}
}

// kindPaths returns one page of every kind of the sample site, in both
// languages, as the screenshots take them.
func kindPaths(t *testing.T, dir string) []string {
	t.Helper()
	kinds, err := shots.Kinds(dir)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	names := map[string]bool{}
	for _, k := range kinds {
		paths = append(paths, k.Path)
		names[k.Name] = true
	}
	for _, want := range []string{"vi-home", "en-home", "vi-indicator", "en-unit", "vi-report", "en-data", "vi-embed", "not-found"} {
		if !names[want] {
			t.Errorf("no page of kind %s found in the sample site (found %d kinds)", want, len(kinds))
		}
	}
	return paths
}

// TestBrowserReadersSeeEachPageKind opens one page of every kind, in both
// languages, as a reader would, and checks what the reader sees (see
// readerCheck): each chart once, nothing sideways, readable tables, and
// nothing axe-core finds, in light and dark, on a phone and a desktop.
func TestBrowserReadersSeeEachPageKind(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	dir := sampleSite(t)
	base := browser.Serve(t, dir)
	// Charts are drawn without animation, so that each look sees them as
	// they settle after a resize, not on their way there.
	checkPages(t, b, base, kindPaths(t, dir), readerCheck(axeSource(t), base), browser.WithReducedMotion())
}

// TestBrowserWithoutScriptsEachFigureShowsOnce opens one page of every kind
// with JavaScript off: every figure shows its static drawing, once, and no
// page scrolls sideways on a phone.
func TestBrowserWithoutScriptsEachFigureShowsOnce(t *testing.T) {
	t.Parallel()
	b := browser.Require(t)
	dir := sampleSite(t)
	base := browser.Serve(t, dir)
	check := func(path string, p *browser.Page) ([]string, error) {
		return lookAtEach(p, screens[:2], "")
	}
	var paths []string
	for _, p := range kindPaths(t, dir) {
		if !strings.HasPrefix(p, "en/") {
			paths = append(paths, p)
		}
	}
	checkPages(t, b, base, paths, check, browser.WithJavaScriptDisabled())
}
