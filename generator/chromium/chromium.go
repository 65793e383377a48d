// Package chromium drives a headless Chromium with
// github.com/chromedp/chromedp: it finds the browser ([ExecPath]), starts
// it ([Start]), opens pages in tabs ([Browser.Visit]), records what
// happens as they load (requests, console messages, exceptions), and
// prints them to PDF ([PrintPDFs]). [NewStaticHandler] serves a built
// site folder to it as a static host would.
//
// build --pdf uses it to print the reports; the browser tests use it
// through their harness, generator/internal/browser. It does not import
// package testing.
package chromium

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"
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

// ErrBadChromePath marks the error of a CHROME_PATH that names no
// program: a configuration mistake, not a machine without a browser.
var ErrBadChromePath = errors.New("CHROME_PATH names no executable")

// ExecPath returns the Chromium binary to run: the environment variable
// CHROME_PATH when it is set, else /usr/bin/chromium, else chromium or
// chromium-browser found on PATH.
func ExecPath() (string, error) {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("%w: %v", ErrBadChromePath, err)
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
// until it answers. Close it with [Browser.Close].
//
// A Chromium that exits while it starts is started again, up to three times
// in all: on a loaded machine (tests of several packages each starting a
// browser) its zygote process now and then dies at start ("write: Broken
// pipe"), which says nothing about the pages under test. One that hangs is
// not retried.
func Start(execPath string) (*Browser, error) {
	var err error
	for range 3 {
		var b *Browser
		var hung bool
		if b, hung, err = startOnce(execPath); err == nil || hung {
			return b, err
		}
	}
	return nil, err
}

// startOnce starts Chromium once; hung says it did not answer in time.
func startOnce(execPath string) (_ *Browser, hung bool, _ error) {
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), allocatorOptions(execPath)...)
	// The cancel func of this context is not needed: Close ends it with
	// chromedp.Cancel, and cancelAlloc ends everything below the allocator.
	ctx, _ := chromedp.NewContext(allocCtx)

	// The browser lives as long as the context of the first chromedp call,
	// so that call gets ctx itself and no timeout. A timer cancels the
	// browser instead when the start hangs.
	timer := time.AfterFunc(startTimeout, cancelAlloc)
	err := chromedp.Do(ctx)
	stoppedInTime := timer.Stop()
	if err != nil {
		cancelAlloc()
		if !stoppedInTime {
			return nil, true, fmt.Errorf("Chromium did not answer within %s: %w", startTimeout, err)
		}
		return nil, false, err
	}
	return &Browser{ctx: ctx, cancelAlloc: cancelAlloc}, false, nil
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
