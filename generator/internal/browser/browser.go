// Package browser is the harness for the browser tests of the Minh Bạch site.
//
// A test starts one headless Chromium with [Require], serves a built site
// folder with [Serve], and opens pages with [Browser.Visit]:
//
//	b := browser.Require(t)
//	base := browser.Serve(t, siteDir)
//	page, err := b.Visit(t.Context(), base+"dashboards/")
//	if err != nil {
//		t.Fatal(err)
//	}
//	defer page.Close()
//	if errs := page.ConsoleErrors(); len(errs) > 0 {
//		t.Errorf("console errors: %q", errs)
//	}
//
// A [Page] records what happened while it loaded: every request, the failed
// requests, console errors and warnings (including Content Security Policy
// violations), and uncaught exceptions. Its methods read the DOM, run
// scripts, take screenshots and print PDFs.
//
// The browser, its pages and the static host are package
// generator/chromium's, which the build uses to print reports to PDF; this
// package ties them to a test and names them, so that a test needs one
// import.
package browser

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"minhbach/generator/chromium"
)

type (
	// Browser is one running headless Chromium (see chromium.Browser).
	Browser = chromium.Browser
	// Page is one open tab (see chromium.Page).
	Page = chromium.Page
	// VisitOption changes how Browser.Visit opens a page.
	VisitOption = chromium.VisitOption
)

// Require starts a headless Chromium for the test t and closes it when the
// test ends.
//
// When no Chromium is installed (see chromium.ExecPath), the test is
// skipped on a developer machine, and fails when the environment variable
// CI is set, because in CI a missing browser means a broken setup and a
// skipped test would hide it. A CHROME_PATH that names no program always
// fails the test: it is a mistake, not a machine without a browser.
func Require(t testing.TB) *Browser {
	t.Helper()
	path, err := chromium.ExecPath()
	if err != nil {
		if os.Getenv("CI") != "" || errors.Is(err, chromium.ErrBadChromePath) {
			t.Fatalf("browser test needs Chromium: %v", err)
		}
		t.Skipf("skipping browser test: %v (install the Debian package chromium, or set CHROME_PATH)", err)
	}
	b, err := chromium.Start(path)
	if err != nil {
		t.Fatalf("starting Chromium %s: %v", path, err)
	}
	t.Cleanup(func() {
		if err := b.Close(); err != nil {
			t.Errorf("closing Chromium: %v", err)
		}
	})
	return b
}

// Serve serves the static site in dir on 127.0.0.1 for the test t, the way
// a static host such as Netlify or Cloudflare Pages would (see
// [NewStaticHandler]), and returns its base URL, which ends in a slash. The
// server closes when the test ends.
func Serve(t testing.TB, dir string) string {
	t.Helper()
	h, err := NewStaticHandler(dir)
	if err != nil {
		t.Fatalf("serving %s: %v", dir, err)
	}
	srv := httptest.NewServer(h) // listens on 127.0.0.1:0
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// NewStaticHandler serves the files in dir like a static host, with the
// headers of its _headers file (see chromium.NewStaticHandler).
func NewStaticHandler(dir string) (http.Handler, error) { return chromium.NewStaticHandler(dir) }

// The visit options, as package chromium has them.

// WithJavaScriptDisabled loads the page with script execution disabled.
func WithJavaScriptDisabled() VisitOption { return chromium.WithJavaScriptDisabled() }

// WithViewport emulates a screen of width×height CSS pixels, a mobile
// device's when mobile is set.
func WithViewport(width, height int, mobile bool) VisitOption {
	return chromium.WithViewport(width, height, mobile)
}

// WithMedia emulates the CSS media type, such as "print" or "screen".
func WithMedia(media string) VisitOption { return chromium.WithMedia(media) }

// WithReducedMotion makes prefers-reduced-motion: reduce match.
func WithReducedMotion() VisitOption { return chromium.WithReducedMotion() }

// WithColorScheme makes prefers-color-scheme match scheme, "light" or
// "dark".
func WithColorScheme(scheme string) VisitOption { return chromium.WithColorScheme(scheme) }

// WithForcedColors makes forced-colors: active match.
func WithForcedColors() VisitOption { return chromium.WithForcedColors() }

// WithTimeout bounds the visit and each later operation on the page.
func WithTimeout(d time.Duration) VisitOption { return chromium.WithTimeout(d) }
