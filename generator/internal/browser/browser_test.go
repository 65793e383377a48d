package browser

import (
	"bytes"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// head is the start of every test page. The empty data: icon keeps the
// browser from requesting /favicon.ico, whose 404 would be a console error.
const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title><link rel="icon" href="data:,"></head><body>`

// testSite returns the folder of tiny pages that the browser tests load, as
// path → content.
func testSite() map[string]string {
	return map[string]string{
		"clean/index.html": head + `<h1 id="title">Hello <em>there</em></h1>
		<ul><li>a</li><li>b</li><li>c</li></ul>
		<img src="../pixel.svg" alt="">
		<script src="../set-marker.js"></script></body></html>`,
		"404.html":      head + `<h1>Not found</h1></body></html>`,
		"pixel.svg":     `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>`,
		"set-marker.js": `document.documentElement.dataset.marker = "set";`,

		"console/index.html": head + `<script>console.error("boom"); console.warn("careful");</script></body></html>`,
		"throws/index.html":  head + `<script>throw new Error("kaput");</script></body></html>`,
		"external/index.html": head + `<img src="http://example.invalid/x.png" alt="">
		<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>`,

		// The _headers file below gives every page under /csp/ a policy that
		// allows scripts from the site but no inline script.
		"csp/index.html": head + `<script>document.documentElement.dataset.inline = "ran";</script>
		<script src="/set-marker.js"></script></body></html>`,

		"emulation/index.html": head + `<meta name="viewport" content="width=device-width"><p>emulation</p></body></html>`,
		"tall/index.html":      head + `<div style="height:3000px;background:linear-gradient(red,blue)">tall</div></body></html>`,
		"print/index.html": head + `<style>@media print { .screen-only { display: none } }</style>
		<h1>Report</h1><p class="screen-only">screen</p>` + strings.Repeat("<p>Lorem ipsum dolor sit amet.</p>", 40) + `</body></html>`,

		// The #late element appears a moment after the load event.
		"late/index.html": head + `<p id="late" hidden>here now</p>
		<script>addEventListener("load", () => setTimeout(() => { document.getElementById("late").hidden = false; }, 50));</script></body></html>`,

		// The chart at the bottom fetches its data only once it scrolls into view.
		"lazy/index.html": head + `<div style="height:4000px">spacer</div><div id="chart">waiting</div>
		<script>
		new IntersectionObserver((entries, observer) => {
			if (!entries.some(e => e.isIntersecting)) return;
			observer.disconnect();
			fetch("data.json").then(r => r.json()).then(d => {
				const chart = document.getElementById("chart");
				chart.textContent = "loaded " + d.value;
				chart.className = "loaded";
			});
		}).observe(document.getElementById("chart"));
		</script></body></html>`,
		"lazy/data.json": `{"value": 42}`,

		"_headers": "/csp/*\n  Content-Security-Policy: script-src 'self'\n",
	}
}

// writeSite writes files (path → content) into a new temporary folder and
// returns it.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// visit opens base+path and fails the test if that does not work. The page
// closes when the test ends.
func visit(t *testing.T, b *Browser, url string, opts ...VisitOption) *Page {
	t.Helper()
	p, err := b.Visit(t.Context(), url, opts...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.Close)
	return p
}

// evalString evaluates js, which must give a string or null, and returns
// the string, or "<null>".
func evalString(t *testing.T, p *Page, js string) string {
	t.Helper()
	var s *string
	if err := p.Eval(js, &s); err != nil {
		t.Fatal(err)
	}
	if s == nil {
		return "<null>"
	}
	return *s
}

// containsSubstring reports whether an element of list contains sub.
func containsSubstring(list []string, sub string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.Contains(s, sub) })
}

// TestBrowser runs the page checks against one browser and one served
// folder, in parallel tabs, which keeps the package's tests fast and shows
// that tabs of one Browser can be used from several goroutines.
func TestBrowser(t *testing.T) {
	b := Require(t)
	base := Serve(t, writeSite(t, testSite()))

	t.Run("clean page records nothing", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"clean/")
		if got := p.Status(); got != http.StatusOK {
			t.Errorf("Status() = %d, want 200", got)
		}
		for name, got := range map[string][]string{
			"ConsoleErrors":    p.ConsoleErrors(),
			"ConsoleWarnings":  p.ConsoleWarnings(),
			"Exceptions":       p.Exceptions(),
			"FailedRequests":   p.FailedRequests(),
			"CSPViolations":    p.CSPViolations(),
			"ExternalRequests": p.ExternalRequests(base),
		} {
			if len(got) > 0 {
				t.Errorf("%s() = %q, want none", name, got)
			}
		}
		reqs := p.Requests()
		for _, want := range []string{base + "clean/", base + "pixel.svg", base + "set-marker.js"} {
			if !slices.Contains(reqs, want) {
				t.Errorf("Requests() = %q, want it to contain %s", reqs, want)
			}
		}
		if got := evalString(t, p, `document.documentElement.dataset.marker ?? null`); got != "set" {
			t.Errorf("marker set by the page's script = %s, want set", got)
		}
		if n, err := p.Count("li"); err != nil || n != 3 {
			t.Errorf(`Count("li") = %d, %v; want 3`, n, err)
		}
		if text, err := p.Text("#title"); err != nil || text != "Hello there" {
			t.Errorf(`Text("#title") = %q, %v; want "Hello there"`, text, err)
		}
		if _, err := p.Text("#absent"); err == nil {
			t.Error(`Text("#absent") succeeded, want an error`)
		}
	})

	t.Run("missing page", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"no/such/page/")
		if got := p.Status(); got != http.StatusNotFound {
			t.Errorf("Status() = %d, want 404", got)
		}
		if text, err := p.Text("h1"); err != nil || text != "Not found" {
			t.Errorf(`Text("h1") = %q, %v; want the 404.html heading "Not found"`, text, err)
		}
	})

	t.Run("console messages", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"console/")
		if got := p.ConsoleErrors(); len(got) != 1 || !strings.HasPrefix(got[0], "boom") {
			t.Errorf("ConsoleErrors() = %q, want one message boom", got)
		}
		if got := p.ConsoleWarnings(); len(got) != 1 || !strings.HasPrefix(got[0], "careful") {
			t.Errorf("ConsoleWarnings() = %q, want one message careful", got)
		}
		if got := p.Exceptions(); len(got) > 0 {
			t.Errorf("Exceptions() = %q, want none", got)
		}
	})

	t.Run("uncaught exception", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"throws/")
		if got := p.Exceptions(); len(got) != 1 || !strings.Contains(got[0], "Error: kaput") {
			t.Errorf("Exceptions() = %q, want one with Error: kaput", got)
		}
	})

	t.Run("external request", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"external/")
		const img = "http://example.invalid/x.png"
		if got := p.ExternalRequests(base); !slices.Equal(got, []string{img}) {
			t.Errorf("ExternalRequests() = %q, want [%s] (the data: image does not count)", got, img)
		}
		if got := p.FailedRequests(); !containsSubstring(got, img+": net::ERR_NAME_NOT_RESOLVED") {
			t.Errorf("FailedRequests() = %q, want %s to fail with ERR_NAME_NOT_RESOLVED", got, img)
		}
	})

	t.Run("Content-Security-Policy from _headers is enforced", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"csp/")
		if got := evalString(t, p, `document.documentElement.dataset.inline ?? null`); got != "<null>" {
			t.Errorf("the inline script ran (marker %q), want it blocked by the CSP", got)
		}
		if got := evalString(t, p, `document.documentElement.dataset.marker ?? null`); got != "set" {
			t.Errorf("the same-origin script did not run (marker %q), want it allowed", got)
		}
		violations := p.CSPViolations()
		if !containsSubstring(violations, "inline script") {
			t.Errorf("CSPViolations() = %q, want the blocked inline script", violations)
		}
		if errs := p.ConsoleErrors(); !containsSubstring(errs, "Content Security Policy") {
			t.Errorf("ConsoleErrors() = %q, want the CSP violation there too", errs)
		}

		// The harness's own scripts bypass the page's policy.
		if err := p.InjectScript(`document.documentElement.dataset.injected = "yes";`); err != nil {
			t.Fatal(err)
		}
		if got := evalString(t, p, `document.documentElement.dataset.injected ?? null`); got != "yes" {
			t.Errorf("injected script marker = %s, want yes", got)
		}
	})

	t.Run("WithJavaScriptDisabled", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"clean/", WithJavaScriptDisabled())
		if got := evalString(t, p, `document.documentElement.dataset.marker ?? null`); got != "<null>" {
			t.Errorf("marker = %s, want none: the page's script must not run", got)
		}
		if n, err := p.Count("li"); err != nil || n != 3 {
			t.Errorf(`Count("li") = %d, %v; want 3 without JavaScript too`, n, err)
		}

		lazy := visit(t, b, base+"lazy/", WithJavaScriptDisabled())
		if err := lazy.ScrollToBottom(); err != nil {
			t.Fatal(err)
		}
		if reqs := lazy.Requests(); containsSubstring(reqs, "data.json") {
			t.Errorf("the lazy chart fetched its data without JavaScript: %q", reqs)
		}
	})

	t.Run("emulation options", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"emulation/",
			WithViewport(375, 700, true), WithMedia("print"), WithColorScheme("dark"), WithReducedMotion())
		var got struct {
			Width, Height                      int
			Print, Dark, ReducedMotion, Mobile bool
		}
		err := p.Eval(`({
			width: window.innerWidth,
			height: window.innerHeight,
			print: matchMedia("print").matches,
			dark: matchMedia("(prefers-color-scheme: dark)").matches,
			reducedMotion: matchMedia("(prefers-reduced-motion: reduce)").matches,
			mobile: matchMedia("(pointer: coarse)").matches,
		})`, &got)
		if err != nil {
			t.Fatal(err)
		}
		if got.Width != 375 || got.Height != 700 || !got.Print || !got.Dark || !got.ReducedMotion || !got.Mobile {
			t.Errorf("emulated page sees %+v, want 375×700, print, dark, reduced motion, coarse pointer", got)
		}
	})

	t.Run("Screenshot of the full page", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"tall/", WithViewport(800, 600, false))
		// The page's width is the viewport less its scrollbar. Read it
		// before the screenshot, which relayouts the page for a moment.
		var width int
		if err := p.Eval(`document.documentElement.clientWidth`, &width); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "shots", "tall.png")
		if err := p.Screenshot(path); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cfg, err := png.DecodeConfig(f)
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		if cfg.Width != width || cfg.Height < 3000 {
			t.Errorf("screenshot is %d×%d, want %d wide and at least 3000 high (the whole page)", cfg.Width, cfg.Height, width)
		}
	})

	t.Run("PrintPDF", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"print/")
		path := filepath.Join(t.TempDir(), "report.pdf")
		if err := p.PrintPDF(path, false); err != nil {
			t.Fatal(err)
		}
		pdf, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(pdf, []byte("%PDF")) || len(pdf) <= 1024 {
			t.Errorf("PDF starts with %q and has %d bytes, want %%PDF and more than 1 KB", pdf[:min(len(pdf), 8)], len(pdf))
		}
	})

	t.Run("WaitVisible", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"late/")
		if err := p.WaitVisible("#late"); err != nil {
			t.Fatal(err)
		}
		if text, err := p.Text("#late"); err != nil || text != "here now" {
			t.Errorf(`Text("#late") = %q, %v; want "here now"`, text, err)
		}

		// The timeout covers the visit too, so it leaves room for a
		// busy machine.
		short := visit(t, b, base+"late/", WithTimeout(3*time.Second))
		if err := short.WaitVisible("#never"); err == nil {
			t.Error(`WaitVisible("#never") succeeded, want a timeout error`)
		}
	})

	t.Run("ScrollToBottom starts lazy charts", func(t *testing.T) {
		t.Parallel()
		p := visit(t, b, base+"lazy/", WithViewport(800, 600, false))
		if reqs := p.Requests(); containsSubstring(reqs, "data.json") {
			t.Fatalf("data.json was requested before scrolling: %q", reqs)
		}
		if err := p.ScrollToBottom(); err != nil {
			t.Fatal(err)
		}
		if err := p.WaitVisible("#chart.loaded"); err != nil {
			t.Fatal(err)
		}
		if text, err := p.Text("#chart"); err != nil || text != "loaded 42" {
			t.Errorf(`Text("#chart") = %q, %v; want "loaded 42"`, text, err)
		}
	})
}

// TestVisitOfHungPageFails checks that a page whose request never ends
// fails the visit after the timeout instead of hanging the test.
func TestVisitOfHungPageFails(t *testing.T) {
	b := Require(t)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hang.js" {
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		io.WriteString(w, head+`<script src="/hang.js"></script></body></html>`)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs before srv.Close

	// The timeout leaves a busy machine room to open the tab and start
	// the navigation; then the load event never comes.
	p, err := b.Visit(t.Context(), srv.URL+"/", WithTimeout(3*time.Second))
	if err == nil {
		p.Close()
		t.Fatal("Visit of a page that never finishes loading succeeded")
	}
	if !strings.Contains(err.Error(), "/hang.js") {
		t.Errorf("error %q does not name the request in flight, /hang.js", err)
	}
}
