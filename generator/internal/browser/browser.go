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
// The package drives Chromium with github.com/chromedp/chromedp.
package browser

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// startTimeout bounds how long Chromium may take to start and answer.
const startTimeout = 30 * time.Second

// closeTimeout bounds how long a graceful shutdown of Chromium may take. After
// it, the process is killed.
const closeTimeout = 10 * time.Second

// Browser is one running headless Chromium. Each [Browser.Visit] opens a tab
// in it. It is safe to visit pages from several goroutines.
type Browser struct {
	// ctx is the chromedp context that owns the browser process. Every tab
	// is a child context of it.
	ctx context.Context
	// cancelAlloc stops the process and waits until chromedp has removed
	// the temporary user data directory.
	cancelAlloc context.CancelFunc
	// closeOnce makes Close safe to call more than once.
	closeOnce sync.Once
	closeErr  error
}

// Require starts a headless Chromium for the test t and closes it when the
// test ends.
//
// When no Chromium is installed (see [ExecPath]), the test is skipped on a
// developer machine, and fails when the environment variable CI is set,
// because in CI a missing browser means a broken setup and a skipped test
// would hide it. A CHROME_PATH that names no program always fails the test:
// it is a mistake, not a machine without a browser.
func Require(t testing.TB) *Browser {
	t.Helper()
	path, err := ExecPath()
	if err != nil {
		if os.Getenv("CI") != "" || errors.Is(err, errBadChromePath) {
			t.Fatalf("browser test needs Chromium: %v", err)
		}
		t.Skipf("skipping browser test: %v (install the Debian package chromium, or set CHROME_PATH)", err)
	}
	b, err := Start(path)
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

// errBadChromePath marks the error of a CHROME_PATH that names no program.
// That is a configuration mistake, so Require fails rather than skips.
var errBadChromePath = errors.New("CHROME_PATH names no executable")

// ExecPath returns the Chromium binary to run: the environment variable
// CHROME_PATH when it is set, else /usr/bin/chromium, else chromium or
// chromium-browser found on PATH.
func ExecPath() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%w: %v", errBadChromePath, err)
		}
		return found, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if found, err := exec.LookPath(p); err == nil {
			return found, nil
		}
	}
	return "", errors.New("no Chromium found: CHROME_PATH is empty, /usr/bin/chromium does not exist, and neither chromium nor chromium-browser is on PATH")
}

// allocatorOptions are the chromedp options that start Chromium at execPath.
//
// They are built from single options on purpose, and not from
// chromedp.DefaultExecAllocatorOptions: that list adds flags such as
// --enable-automation, --disable-extensions, --disable-dev-shm-usage,
// --enable-features=NetworkService,NetworkServiceInProcess and
// --disable-features=Translate,… that change how the browser behaves. For the
// same reason the options are not chromedp.Headless (it adds
// --hide-scrollbars and --mute-audio) and not chromedp.DisableGPU (it adds
// --enable-unsafe-swiftshader).
//
// chromedp adds only what it needs to talk to the browser:
// --remote-debugging-pipe, a fresh temporary --user-data-dir that it removes
// after the process exits, and about:blank as the first page. It sends the
// browser's stdout and stderr to a small internal buffer that it uses only
// for start-up errors, so the browser's log noise never reaches test output.
//
// Debian's /usr/bin/chromium is a shell script that adds flags of its own
// from /etc/chromium.d (such as --enable-gpu-rasterization and
// --disable-pings) before it runs /usr/lib/chromium/chromium. None of them
// undoes a flag here. To run the browser with exactly these flags, set
// CHROME_PATH=/usr/lib/chromium/chromium.
func allocatorOptions(execPath string) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(execPath),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	}
}

// Start starts a headless Chromium from the binary at execPath and waits
// until it answers. Close it with [Browser.Close]. Tests use [Require].
func Start(execPath string) (*Browser, error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(execPath)...)
	// The cancel func of this context is not needed: Close ends it with
	// chromedp.Cancel, and cancelAlloc ends everything below the allocator.
	ctx, _ := chromedp.NewContext(allocCtx)

	// The browser lives as long as the context of the first chromedp call,
	// so that call gets ctx itself and no timeout. A timer cancels the
	// browser instead when the start hangs.
	hung := time.AfterFunc(startTimeout, cancelAlloc)
	err := chromedp.Do(ctx)
	stoppedInTime := hung.Stop()
	if err != nil {
		cancelAlloc()
		if !stoppedInTime {
			return nil, fmt.Errorf("Chromium did not answer within %s: %w", startTimeout, err)
		}
		return nil, err
	}
	return &Browser{ctx: ctx, cancelAlloc: cancelAlloc}, nil
}

// Close shuts the browser down, closing all of its tabs, and waits until the
// process has exited and its temporary profile directory is removed. Calling
// it again returns the first result.
func (b *Browser) Close() error {
	b.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(b.ctx, closeTimeout)
		defer cancel()
		if err := chromedp.Cancel(ctx); err != nil {
			b.closeErr = fmt.Errorf("shutting Chromium down: %w", err)
		}
		// Cancel already waited for the process; this frees the
		// allocator, and kills the process if the graceful shutdown
		// ran out of time.
		b.cancelAlloc()
	})
	return b.closeErr
}
