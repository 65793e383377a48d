package chromium

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
)

// recorder keeps what a tab reports through DevTools protocol events:
// requests, failures, console messages and exceptions. It also tracks the
// requests in flight, to tell when the network is idle.
//
// chromedp calls handle on the goroutine that reads the tab's messages, so
// handle only records and returns; the other methods run on the caller's
// goroutine. A mutex guards every field.
type recorder struct {
	mu              sync.Mutex
	requests        []string
	failed          []string
	consoleErrors   []string
	consoleWarnings []string
	cspViolations   []string
	exceptions      []string
	// dialogs are the alert, confirm, prompt and beforeunload dialogs the
	// page opened; Visit dismisses each at once.
	dialogs []string

	// pending maps each request in flight to its URL.
	pending map[network.RequestID]string
	// lastNetwork is when a request last started or ended.
	lastNetwork time.Time
	// networkChanged gets a value, without blocking, whenever pending
	// changes; waitNetworkIdle waits on it.
	networkChanged chan struct{}
}

func newRecorder() *recorder {
	return &recorder{
		pending:        make(map[network.RequestID]string),
		lastNetwork:    time.Now(),
		networkChanged: make(chan struct{}, 1),
	}
}

// handle records one event of the tab. chromedp passes events as pointers
// to the cdproto event types.
func (r *recorder) handle(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		u := ev.Request.URL + ev.Request.URLFragment
		r.requests = append(r.requests, u)
		// A redirect sends this event again with the same ID and the
		// new URL; the request stays in flight.
		r.pending[ev.RequestID] = u
		r.networkActivity()
	case *network.EventLoadingFinished:
		delete(r.pending, ev.RequestID)
		r.networkActivity()
	case *network.EventLoadingFailed:
		msg := fmt.Sprintf("%s: %s", r.pending[ev.RequestID], ev.ErrorText)
		if ev.BlockedReason != "" {
			msg += fmt.Sprintf(" (blocked: %s)", ev.BlockedReason)
		}
		r.failed = append(r.failed, msg)
		delete(r.pending, ev.RequestID)
		r.networkActivity()
	case *runtime.EventConsoleAPICalled:
		msg := consoleText(ev.Args) + stackLocation(ev.StackTrace)
		switch ev.Type {
		case runtime.ConsoleAPICalledTypeError, runtime.ConsoleAPICalledTypeAssert:
			r.consoleErrors = append(r.consoleErrors, msg)
		case runtime.ConsoleAPICalledTypeWarning:
			r.consoleWarnings = append(r.consoleWarnings, msg)
		}
	case *cdppage.EventJavascriptDialogOpening:
		r.dialogs = append(r.dialogs, fmt.Sprintf("%s: %s", ev.Type, ev.Message))
	case *runtime.EventExceptionThrown:
		r.exceptions = append(r.exceptions, exceptionText(ev.ExceptionDetails))
	case *log.EventEntryAdded:
		// The browser's own messages: CSP violations, failed loads,
		// deprecations and the like.
		e := ev.Entry
		msg := e.Text
		if e.URL != "" {
			msg += fmt.Sprintf(" (at %s:%d)", e.URL, e.LineNumber+1)
		}
		switch e.Level {
		case log.EntryLevelError:
			r.consoleErrors = append(r.consoleErrors, msg)
		case log.EntryLevelWarning:
			r.consoleWarnings = append(r.consoleWarnings, msg)
		}
		if strings.Contains(e.Text, "Content Security Policy") {
			r.cspViolations = append(r.cspViolations, msg)
		}
	}
}

// networkActivity notes that a request started or ended. r.mu is held.
func (r *recorder) networkActivity() {
	r.lastNetwork = time.Now()
	select {
	case r.networkChanged <- struct{}{}:
	default: // a wake-up is already waiting
	}
}

// get returns a copy of one of the recorder's lists.
func (r *recorder) get(list *[]string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(*list)
}

// inFlight returns the URLs of the requests in flight, sorted.
func (r *recorder) inFlight() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	urls := make([]string, 0, len(r.pending))
	for _, u := range r.pending {
		urls = append(urls, u)
	}
	slices.Sort(urls)
	return urls
}

// waitNetworkIdle waits until no request has been in flight for quiet, or
// until ctx ends.
func (r *recorder) waitNetworkIdle(ctx context.Context, quiet time.Duration) error {
	for {
		r.mu.Lock()
		inFlight := len(r.pending)
		idleFor := time.Since(r.lastNetwork)
		r.mu.Unlock()
		if inFlight == 0 && idleFor >= quiet {
			return nil
		}

		// With requests in flight, only a network event can change
		// the answer; with none, the quiet time running out can too.
		var quietOver <-chan time.Time
		if inFlight == 0 {
			quietOver = time.After(quiet - idleFor)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-r.networkChanged:
		case <-quietOver:
		}
	}
}

// consoleText joins the arguments of a console call into one line, as the
// DevTools console shows them.
func consoleText(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		parts = append(parts, remoteObjectText(a))
	}
	return strings.Join(parts, " ")
}

// remoteObjectText returns a short text form of a value from the page.
func remoteObjectText(o *runtime.RemoteObject) string {
	switch {
	case o.Type == runtime.RemoteObjectTypeString:
		var s string
		if err := json.Unmarshal(o.Value, &s); err == nil {
			return s
		}
		return string(o.Value)
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	case o.Description != "":
		return o.Description
	case len(o.Value) > 0:
		return string(o.Value)
	default:
		return string(o.Type)
	}
}

// exceptionText formats an uncaught exception like the DevTools console:
// "Uncaught Error: boom" followed by the stack, or the text and location
// when there is no exception object.
func exceptionText(d *runtime.ExceptionDetails) string {
	if d == nil {
		return "unknown exception"
	}
	if d.Exception != nil && d.Exception.Description != "" {
		return d.Text + " " + d.Exception.Description
	}
	if d.Exception != nil {
		return d.Text + " " + remoteObjectText(d.Exception)
	}
	if d.URL != "" {
		return fmt.Sprintf("%s (at %s:%d)", d.Text, d.URL, d.LineNumber+1)
	}
	return d.Text
}

// stackLocation returns " (at URL:line)" for the top frame of a stack, or ""
// when there is none.
func stackLocation(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (at %s:%d)", f.URL, f.LineNumber+1)
}
