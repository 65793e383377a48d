package chromium

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// DefaultTimeout bounds one visit (opening the tab, loading the page and
// waiting for the network to go idle) and, separately, each later operation
// on the page. A hung page then fails instead of hanging its caller.
const DefaultTimeout = 30 * time.Second

// DefaultViewportWidth and DefaultViewportHeight are the desktop viewport, in
// CSS pixels, of a page visited without [WithViewport]. Without them the page
// would get whatever headless Chromium's window leaves (780×493 in Chromium
// 156), which is neither a desktop nor a phone layout.
const (
	DefaultViewportWidth  = 1280
	DefaultViewportHeight = 800
)

// networkQuiet is how long no request may be in flight before the network
// counts as idle.
const networkQuiet = 300 * time.Millisecond

// VisitOption changes how [Browser.Visit] opens a page.
type VisitOption func(*visitConfig)

// visitConfig is what the VisitOptions set.
type visitConfig struct {
	timeout         time.Duration
	scriptsDisabled bool
	viewport        viewport
	media           string
	mediaFeatures   []*emulation.MediaFeature
}

// viewport is the emulated screen of WithViewport.
type viewport struct {
	width, height int64
	mobile        bool
}

// emulate returns the chromedp action that gives the page this viewport.
func (v viewport) emulate() chromedp.Action[chromedp.Void] {
	// chromedp sets a landscape screen unless told otherwise.
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateLandscape}
	if v.height > v.width {
		opts = []chromedp.EmulateViewportOption{chromedp.EmulatePortrait}
	}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	return chromedp.EmulateViewport(v.width, v.height, opts...)
}

// WithJavaScriptDisabled loads the page with script execution disabled, to
// check what a reader without JavaScript sees. The page's scripts do not run;
// the harness's own Eval, Count and Text still work.
func WithJavaScriptDisabled() VisitOption {
	return func(c *visitConfig) { c.scriptsDisabled = true }
}

// WithViewport emulates a screen of width×height CSS pixels, in portrait
// orientation when it is taller than wide. With mobile set, the page also
// gets a mobile device (the viewport meta tag applies, scrollbars overlay)
// and touch input.
//
// Without mobile, the page has classic scrollbars (15 px wide on Linux),
// which take their width from the viewport; full-page screenshots leave the
// scrollbar out.
func WithViewport(width, height int, mobile bool) VisitOption {
	return func(c *visitConfig) {
		c.viewport = viewport{width: int64(width), height: int64(height), mobile: mobile}
	}
}

// WithMedia emulates the CSS media type, such as "print" or "screen".
func WithMedia(media string) VisitOption {
	return func(c *visitConfig) { c.media = media }
}

// WithReducedMotion makes the media query prefers-reduced-motion: reduce
// match.
func WithReducedMotion() VisitOption {
	return withMediaFeature("prefers-reduced-motion", "reduce")
}

// WithColorScheme makes the media query prefers-color-scheme match scheme,
// "light" or "dark".
func WithColorScheme(scheme string) VisitOption {
	return withMediaFeature("prefers-color-scheme", scheme)
}

// WithForcedColors makes the media query forced-colors: active match, as
// in Windows' high-contrast themes.
func WithForcedColors() VisitOption {
	return withMediaFeature("forced-colors", "active")
}

// withMediaFeature emulates one CSS media feature. All features and the
// media type go to the browser in one Emulation.setEmulatedMedia call,
// because each call replaces what the previous one set.
func withMediaFeature(name, value string) VisitOption {
	return func(c *visitConfig) {
		c.mediaFeatures = append(c.mediaFeatures, &emulation.MediaFeature{Name: name, Value: value})
	}
}

// WithTimeout replaces [DefaultTimeout] for this page: for the visit and for
// each later operation on it.
func WithTimeout(d time.Duration) VisitOption {
	return func(c *visitConfig) { c.timeout = d }
}

// Page is one open tab. It keeps recording requests, console messages and
// exceptions after the visit, so a check after ScrollToBottom or a click sees
// those too. Close it when done; closing the Browser closes it too. Its
// methods must not be called from several goroutines at once.
type Page struct {
	ctx     context.Context // the chromedp context of the tab
	close   context.CancelFunc
	timeout time.Duration
	rec     *recorder
	status  int64
	// scriptsDisabled is set by WithJavaScriptDisabled.
	scriptsDisabled bool
}

// Visit opens url in a new tab and returns when the page has fired its load
// event and the network has then been idle (no request in flight) for
// 300 ms. Recording starts before the navigation, so the page's first
// requests and messages are included.
//
// The visit fails after [DefaultTimeout] (see [WithTimeout]) or when ctx
// ends. ctx only bounds the visit; the page stays open until Close.
func (b *Browser) Visit(ctx context.Context, url string, opts ...VisitOption) (*Page, error) {
	cfg := visitConfig{
		timeout:  DefaultTimeout,
		viewport: viewport{width: DefaultViewportWidth, height: DefaultViewportHeight},
	}
	for _, o := range opts {
		o(&cfg)
	}

	rec := newRecorder()
	// WithListener attaches the recorder before the tab handles its first
	// message, so nothing is missed.
	tabCtx, closeTab := chromedp.NewContext(b.ctx, chromedp.WithListener(rec.handle))
	p := &Page{ctx: tabCtx, close: closeTab, timeout: cfg.timeout, rec: rec, scriptsDisabled: cfg.scriptsDisabled}

	// The tab lives as long as the context of its first chromedp call, so
	// every step below runs on tabCtx itself. When the visit runs out of
	// time, or ctx ends, the tab is closed, which stops the step.
	visitCtx, cancelVisit := context.WithTimeout(ctx, cfg.timeout)
	defer cancelVisit()
	stopWatching := context.AfterFunc(visitCtx, closeTab)
	defer stopWatching() // deferred last, so it runs before cancelVisit

	if err := p.load(tabCtx, url, cfg); err != nil {
		closeTab()
		if visitCtx.Err() != nil {
			return nil, fmt.Errorf("visiting %s: gave up after %s with requests in flight %q: %w",
				url, cfg.timeout, rec.inFlight(), err)
		}
		return nil, fmt.Errorf("visiting %s: %w", url, err)
	}
	return p, nil
}

// load opens the tab, sets up the emulation, navigates to url and waits for
// the network to go idle.
func (p *Page) load(ctx context.Context, url string, cfg visitConfig) error {
	// chromedp enables the Runtime, Log, Network and Page domains when it
	// attaches to the new tab, before the navigation below; those domains
	// send the events that the recorder keeps.
	if err := chromedp.Do(ctx); err != nil {
		return fmt.Errorf("opening a tab: %w", err)
	}
	// A dialog (alert, confirm…) would block the page until answered: the
	// recorder notes it (see Dialogs) and it is dismissed at once. The
	// answer is sent from a goroutine, as a listener must not block.
	err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*cdppage.EventJavascriptDialogOpening); ok {
			go chromedp.Call(ctx, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
		}
	})
	if err != nil {
		return fmt.Errorf("listening for dialogs: %w", err)
	}
	// Every visit fetches every file, so a test never sees a response that
	// an earlier test left in the browser's cache.
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		return fmt.Errorf("disabling the cache: %w", err)
	}
	if cfg.scriptsDisabled {
		if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
			return fmt.Errorf("disabling JavaScript: %w", err)
		}
	}
	if err := chromedp.Do(ctx, cfg.viewport.emulate()); err != nil {
		return fmt.Errorf("emulating a %d×%d viewport: %w", cfg.viewport.width, cfg.viewport.height, err)
	}
	if cfg.media != "" || len(cfg.mediaFeatures) > 0 {
		params := emulation.SetEmulatedMediaParams{Media: cfg.media, Features: cfg.mediaFeatures}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, params); err != nil {
			return fmt.Errorf("emulating media %q %v: %w", cfg.media, cfg.mediaFeatures, err)
		}
	}

	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		return fmt.Errorf("loading the page: %w", err)
	}
	if resp != nil {
		p.status = resp.Status
	}
	if err := p.rec.waitNetworkIdle(ctx, networkQuiet); err != nil {
		return fmt.Errorf("waiting for the network to go idle: %w", err)
	}
	return nil
}

// Close closes the tab. Calling it again does nothing.
func (p *Page) Close() {
	p.close()
}

// Status is the HTTP status code of the page's document, such as 200 or 404.
func (p *Page) Status() int {
	return int(p.status)
}

// ConsoleErrors returns the console messages of level error, in order: the
// page's console.error calls and the browser's own error messages, such as
// a Content Security Policy violation or "Failed to load resource". Uncaught
// exceptions are in [Page.Exceptions].
func (p *Page) ConsoleErrors() []string { return p.rec.get(&p.rec.consoleErrors) }

// ConsoleWarnings returns the console messages of level warning, in order,
// from console.warn calls and from the browser.
func (p *Page) ConsoleWarnings() []string { return p.rec.get(&p.rec.consoleWarnings) }

// CSPViolations returns the Content Security Policy violations that the
// browser reported, in order. They are in [Page.ConsoleErrors] too.
func (p *Page) CSPViolations() []string { return p.rec.get(&p.rec.cspViolations) }

// Dialogs returns the JavaScript dialogs (alert, confirm, prompt) that the
// page opened, in order, each as "type: message". Each was dismissed at
// once. A page that runs no injected script opens none.
func (p *Page) Dialogs() []string { return p.rec.get(&p.rec.dialogs) }

// Exceptions returns the uncaught JavaScript exceptions and unhandled promise
// rejections, in order.
func (p *Page) Exceptions() []string { return p.rec.get(&p.rec.exceptions) }

// Requests returns the URL of every request the page made, in order,
// starting with the document itself.
func (p *Page) Requests() []string { return p.rec.get(&p.rec.requests) }

// FailedRequests returns the requests that failed, in order, each as
// "URL: error", such as "http://example.invalid/x.png: net::ERR_NAME_NOT_RESOLVED".
// A response with an HTTP error status such as 404 is not a failed request;
// the browser reports it as a console error.
func (p *Page) FailedRequests() []string { return p.rec.get(&p.rec.failed) }

// ExternalRequests returns the requests to any host other than the host of
// base, the URL the site is served from (see [NewStaticHandler]). data: and blob: URLs
// are not requests to a host and are left out.
func (p *Page) ExternalRequests(base string) []string {
	baseURL, err := url.Parse(base)
	if err != nil {
		// Every request counts as external then, which fails the
		// caller's check loudly rather than passing it silently.
		baseURL = &url.URL{}
	}
	var external []string
	for _, r := range p.Requests() {
		u, err := url.Parse(r)
		if err != nil {
			external = append(external, r)
			continue
		}
		switch u.Scheme {
		case "data", "blob", "about":
			continue
		}
		if u.Host != baseURL.Host {
			external = append(external, r)
		}
	}
	return external
}

// op returns the context for one operation on the page: the tab's context,
// bounded by the page's timeout.
func (p *Page) op() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.ctx, p.timeout)
}

// Eval evaluates the JavaScript expression js in the page and decodes its
// JSON value into out, which may be nil to ignore the value. A promise is
// awaited. A thrown exception is returned as an error.
func (p *Page) Eval(js string, out any) error {
	ctx, cancel := p.op()
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("evaluating %s: %w", abbreviate(js), err)
	}
	if out == nil {
		return nil
	}
	if raw == nil { // undefined
		raw = []byte("null")
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return fmt.Errorf("decoding the value of %s: %w", abbreviate(js), err)
	}
	return nil
}

// InjectScript runs the script source js in the page as a classic script,
// for example axe-core read from node_modules, and returns when it has run.
// It goes through the DevTools protocol (Runtime.evaluate), which the page's
// Content Security Policy does not block.
func (p *Page) InjectScript(js string) error {
	ctx, cancel := p.op()
	defer cancel()
	// The script's completion value can be anything, even a value that
	// cannot be sent as JSON, so it is returned as a remote object and
	// ignored.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject](js)); err != nil {
		return fmt.Errorf("injecting the script %s: %w", abbreviate(js), err)
	}
	return nil
}

// SetColorScheme makes the media query prefers-color-scheme match scheme,
// "light" or "dark", from now on, as when a reader changes the setting of
// the system with the page open. It replaces the media that the visit
// emulated.
func (p *Page) SetColorScheme(scheme string) error {
	ctx, cancel := p.op()
	defer cancel()
	params := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, params); err != nil {
		return fmt.Errorf("emulating prefers-color-scheme %q: %w", scheme, err)
	}
	return nil
}

// Count returns how many elements match the CSS selector.
func (p *Page) Count(selector string) (int, error) {
	var n int
	js := fmt.Sprintf(`document.querySelectorAll(%s).length`, jsString(selector))
	if err := p.Eval(js, &n); err != nil {
		return 0, fmt.Errorf("counting %q: %w", selector, err)
	}
	return n, nil
}

// Text returns the innerText (the rendered text) of the first element that
// matches the CSS selector. No match is an error.
func (p *Page) Text(selector string) (string, error) {
	var text *string
	js := fmt.Sprintf(`document.querySelector(%s)?.innerText ?? null`, jsString(selector))
	if err := p.Eval(js, &text); err != nil {
		return "", fmt.Errorf("reading the text of %q: %w", selector, err)
	}
	if text == nil {
		return "", fmt.Errorf("reading the text of %q: no element matches", selector)
	}
	return *text, nil
}

// WaitVisible waits until an element that matches the CSS selector is
// visible, or fails after the page's timeout.
func (p *Page) WaitVisible(selector string) error {
	ctx, cancel := p.op()
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(selector))); err != nil {
		return fmt.Errorf("waiting for %q to be visible: %w", selector, err)
	}
	return nil
}

// scrollToBottomJS scrolls down one screen at a time, giving each position
// two animation frames, so that every IntersectionObserver on the way fires.
// A frame that has not come after 250 ms is not waited for any longer: a
// busy or throttled renderer must not hold the scroll until the page's
// timeout (the charts that did not start are then reported by whoever waits
// for them). It is a function of one argument, waitForFrames: with scripts
// disabled no animation frame callback ever runs, so the page then just
// scrolls.
const scrollToBottomJS = `(async (waitForFrames) => {
	const frame = () => new Promise(resolve => {
		requestAnimationFrame(() => resolve());
		setTimeout(resolve, 250);
	});
	const root = document.scrollingElement || document.documentElement;
	for (let steps = 0; steps < 1000; steps++) {
		const from = window.scrollY;
		const bottom = root.scrollHeight - window.innerHeight;
		if (from >= bottom) break;
		window.scrollTo(0, Math.min(from + window.innerHeight, bottom));
		if (window.scrollY === from) break; // the page does not scroll
		if (waitForFrames) {
			await frame();
			await frame();
		}
	}
	return window.scrollY;
})`

// ScrollToBottom scrolls the page down to its end, a screen at a time, so
// that lazily initialised charts come into view and start, and then waits for
// the network to go idle again, for the data they fetch.
func (p *Page) ScrollToBottom() error {
	ctx, cancel := p.op()
	defer cancel()
	js := fmt.Sprintf("%s(%t)", scrollToBottomJS, !p.scriptsDisabled)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](js, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("scrolling to the bottom: %w", err)
	}
	if err := p.rec.waitNetworkIdle(ctx, networkQuiet); err != nil {
		return fmt.Errorf("waiting for the network after scrolling, with requests in flight %q: %w", p.rec.inFlight(), err)
	}
	return nil
}

// Screenshot writes a PNG of the whole page, beyond the viewport, to path.
func (p *Page) Screenshot(path string) error {
	ctx, cancel := p.op()
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 means PNG
	if err != nil {
		return fmt.Errorf("taking a screenshot: %w", err)
	}
	return writeFile(path, png)
}

// PrintPDF prints the page as the browser's print dialog would, on A4 paper
// (unless the page's CSS @page rule sets a size) with backgrounds, and
// writes the PDF to path.
func (p *Page) PrintPDF(path string, landscape bool) error {
	var extra []chromedp.PDFOption
	if landscape {
		extra = append(extra, chromedp.PDFLandscape())
	}
	return p.PrintPDFWith(path, extra...)
}

// PrintPDFWith is PrintPDF with more options, such as a running header and
// footer (chromedp.PDFHeaderTemplate, chromedp.PDFFooterTemplate) and the
// document outline.
func (p *Page) PrintPDFWith(path string, extra ...chromedp.PDFOption) error {
	ctx, cancel := p.op()
	defer cancel()
	opts := append([]chromedp.PDFOption{
		chromedp.PDFPaper(chromedp.PaperA4), // 8.27 × 11.69 in
		chromedp.PDFPrintBackground(),
		chromedp.PDFPreferCSSPageSize(),
	}, extra...)
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(opts...))
	if err != nil {
		return fmt.Errorf("printing to PDF: %w", err)
	}
	return writeFile(path, pdf)
}

// writeFile writes data to path, creating its directory.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always marshals
	return string(b)
}

// abbreviate shortens a script for an error message.
func abbreviate(js string) string {
	const limit = 80
	if len(js) <= limit {
		return fmt.Sprintf("%q", js)
	}
	return fmt.Sprintf("%q…", strings.ToValidUTF8(js[:limit], ""))
}

// Press focuses the first element that matches the CSS selector, as Tab
// would, and presses each key in turn (chromedp/kb names, such as
// kb.ArrowDown), as a keyboard does: the element gets the key events
// and does what it does with them.
func (p *Page) Press(selector string, keys ...string) error {
	ctx, cancel := p.op()
	defer cancel()
	actions := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.CSS(selector))}
	for _, k := range keys {
		actions = append(actions, chromedp.KeyEvent(k))
	}
	if err := chromedp.Do(ctx, actions...); err != nil {
		return fmt.Errorf("pressing keys on %q: %w", selector, err)
	}
	return nil
}
