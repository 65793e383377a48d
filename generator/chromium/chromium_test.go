package chromium

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// start starts a headless Chromium for the test t, as the harness's
// browser.Require does (which this package's own tests cannot import): the
// test is skipped without Chromium, and fails without it under CI.
func start(t *testing.T) *Browser {
	t.Helper()
	path, err := ExecPath()
	if err != nil {
		if os.Getenv("CI") != "" || errors.Is(err, ErrBadChromePath) {
			t.Fatalf("browser test needs Chromium: %v", err)
		}
		t.Skipf("skipping browser test: %v", err)
	}
	b, err := Start(path)
	if err != nil {
		t.Fatalf("starting Chromium %s: %v", path, err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// TestBrowserProcess checks the command line that Chromium gets and that
// its temporary profile is gone after Close.
func TestBrowserProcess(t *testing.T) {
	b := start(t)
	proc := chromedp.FromContext(b.ctx).Browser.Process()
	if proc == nil {
		t.Fatal("no browser process")
	}
	raw, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(proc.Pid), "cmdline"))
	if err != nil {
		t.Skipf("cannot read the command line: %v", err)
	}
	args := strings.Split(strings.TrimRight(string(raw), "\x00"), "\x00")

	for _, want := range []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
	} {
		if !slices.Contains(args, want) {
			t.Errorf("command line %q lacks %s", args, want)
		}
	}
	// Flags of chromedp.DefaultExecAllocatorOptions, chromedp.Headless
	// and chromedp.DisableGPU that must not sneak in.
	for _, unwanted := range []string{
		"--enable-automation", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--enable-unsafe-swiftshader", "--disable-background-timer-throttling",
		"--enable-features=NetworkService,NetworkServiceInProcess",
		"--disable-features=Translate,BlinkGenPropertyTrees",
	} {
		if slices.Contains(args, unwanted) {
			t.Errorf("command line %q has %s", args, unwanted)
		}
	}

	var profile string
	for _, a := range args {
		if dir, ok := strings.CutPrefix(a, "--user-data-dir="); ok {
			profile = dir
		}
	}
	if profile == "" {
		t.Fatalf("command line %q has no --user-data-dir", args)
	}
	if _, err := os.Stat(profile); err != nil {
		t.Fatalf("profile directory while running: %v", err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(profile); !os.IsNotExist(err) {
		t.Errorf("profile directory %s still exists after Close (stat error: %v)", profile, err)
	}
}

func TestExecPath(t *testing.T) {
	t.Run("CHROME_PATH wins", func(t *testing.T) {
		fake := filepath.Join(t.TempDir(), "my-chrome")
		if err := os.WriteFile(fake, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		t.Setenv("CHROME_PATH", fake)
		if got, err := ExecPath(); err != nil || got != fake {
			t.Errorf("ExecPath() = %q, %v; want %s", got, err, fake)
		}
	})
	t.Run("CHROME_PATH naming nothing is an error", func(t *testing.T) {
		t.Setenv("CHROME_PATH", filepath.Join(t.TempDir(), "missing"))
		if got, err := ExecPath(); !errors.Is(err, ErrBadChromePath) {
			t.Errorf("ExecPath() = %q, %v; want the error %v", got, err, ErrBadChromePath)
		}
	})
}
