// Package progress reports the stages of a long command as they run, and
// sums them up at the end.
//
// A Meter is told when a stage begins (Begin) and how many of its items are
// done (Add). On a terminal it keeps one live line — stage, count, elapsed
// time — redrawn in place; anywhere else (a CI log, a file) it writes one
// plain line per stage as the stage ends. Summary then prints a table of
// the stages, like Hugo's build summary.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Stage is one finished (or running) stage of a command.
type Stage struct {
	// Name names the stage: "read", "compute", "hugo".
	Name string
	// What names the stage's items: "pages", "files".
	What string
	// Count is how many items are done, Total how many there are (0 when
	// not known in advance).
	Count, Total int
	// Elapsed is how long the stage took, or has taken so far.
	Elapsed time.Duration
}

// Meter follows the stages of one command. Its methods may be called from
// several goroutines.
type Meter struct {
	w        io.Writer
	live     bool
	now      func() time.Time
	interval time.Duration

	mu      sync.Mutex
	stages  []Stage
	current int // index of the running stage, −1 when none
	began   time.Time
	start   time.Time
	stop    chan struct{}
	stopped chan struct{}
}

// Option configures a Meter.
type Option func(*Meter)

// Live sets whether the meter redraws one line in place (a terminal) or
// writes plain lines. By default it is live when w is a terminal.
func Live(live bool) Option { return func(m *Meter) { m.live = live } }

// WithClock sets the clock the meter reads, for tests.
func WithClock(now func() time.Time) Option { return func(m *Meter) { m.now = now } }

// New returns a meter that writes to w.
func New(w io.Writer, opts ...Option) *Meter {
	m := &Meter{w: w, live: IsTerminal(w), now: time.Now, interval: 100 * time.Millisecond, current: -1}
	for _, o := range opts {
		o(m)
	}
	m.start = m.now()
	return m
}

// IsTerminal reports whether w is a character device such as a terminal.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// Begin ends the running stage, if any, and begins stage name, whose items
// are called what; total is how many there are, 0 when not known.
func (m *Meter) Begin(name, what string, total int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.endLocked()
	m.began = m.now()
	m.stages = append(m.stages, Stage{Name: name, What: what, Total: total})
	m.current = len(m.stages) - 1
	if m.live {
		m.drawLocked()
		if m.stop == nil {
			m.stop, m.stopped = make(chan struct{}), make(chan struct{})
			go m.tick(m.stop, m.stopped)
		}
	}
}

// Add says that n more items of the running stage are done.
func (m *Meter) Add(n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.current >= 0 {
		m.stages[m.current].Count += n
	}
}

// Finish ends the running stage and stops redrawing. It returns every stage.
func (m *Meter) Finish() []Stage {
	m.mu.Lock()
	m.endLocked()
	stop, stopped := m.stop, m.stopped
	m.stop = nil
	m.mu.Unlock()
	if stop != nil {
		close(stop)
		<-stopped
	}
	return m.Stages()
}

// Stages returns a copy of the stages so far.
func (m *Meter) Stages() []Stage {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Stage(nil), m.stages...)
}

// Writer returns a writer for log lines that go with the meter: on a
// terminal, each write clears the live line, writes, and redraws the line
// below it; elsewhere writes pass straight through.
func (m *Meter) Writer() io.Writer { return logWriter{m} }

type logWriter struct{ m *Meter }

func (l logWriter) Write(p []byte) (int, error) {
	m := l.m
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.live {
		return m.w.Write(p)
	}
	fmt.Fprint(m.w, "\r\033[K")
	n, err := m.w.Write(p)
	m.drawLocked()
	return n, err
}

// Elapsed is the time since the meter was made.
func (m *Meter) Elapsed() time.Duration { return m.now().Sub(m.start) }

// endLocked ends the running stage: its time is fixed and, on a terminal,
// its line is cleared; elsewhere a plain line reports it.
func (m *Meter) endLocked() {
	if m.current < 0 {
		return
	}
	s := &m.stages[m.current]
	s.Elapsed = m.now().Sub(m.began)
	m.current = -1
	if m.live {
		fmt.Fprint(m.w, "\r\033[K")
		return
	}
	fmt.Fprintln(m.w, line(*s))
}

// tick redraws the live line until stop is closed.
func (m *Meter) tick(stop <-chan struct{}, stopped chan<- struct{}) {
	defer close(stopped)
	t := time.NewTicker(m.interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			m.mu.Lock()
			m.drawLocked()
			m.mu.Unlock()
		}
	}
}

// drawLocked redraws the live line of the running stage.
func (m *Meter) drawLocked() {
	if m.current < 0 {
		return
	}
	s := m.stages[m.current]
	s.Elapsed = m.now().Sub(m.began)
	fmt.Fprint(m.w, "\r\033[K"+line(s))
}

// line says where a stage stands: "hugo: 1,200 of 6,784 pages, 3.2 s".
func line(s Stage) string {
	var b strings.Builder
	b.WriteString(s.Name)
	b.WriteString(": ")
	switch {
	case s.Total > 0:
		fmt.Fprintf(&b, "%s of %s %s, ", Count(s.Count), Count(s.Total), s.What)
	case s.Count > 0:
		fmt.Fprintf(&b, "%s %s, ", Count(s.Count), s.What)
	}
	b.WriteString(Duration(s.Elapsed))
	return b.String()
}

// Total is a line under the stages of a summary: a figure that belongs to
// the whole command, such as the bytes published.
type Total struct {
	Name, Value string
}

// Summary writes a table of the stages, their counts and times, then the
// totals and the whole time:
//
//	          | count                | time
//	----------+----------------------+---------
//	  read    | 864,140 observations |  912 ms
//	  ...
//	  pages   | 6,784
//	Total in 8.71 s
func Summary(w io.Writer, stages []Stage, totals []Total, elapsed time.Duration) {
	rows := make([][3]string, 0, len(stages)+len(totals))
	for _, s := range stages {
		count := ""
		if s.Count > 0 || s.Total > 0 {
			count = Count(s.Count) + " " + s.What
		}
		rows = append(rows, [3]string{s.Name, count, Duration(s.Elapsed)})
	}
	for _, t := range totals {
		rows = append(rows, [3]string{t.Name, t.Value, ""})
	}
	var width [3]int
	for _, r := range append(rows, [3]string{"", "count", "time"}) {
		for i, c := range r {
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	pad := func(s string, n int, right bool) string {
		gap := strings.Repeat(" ", n-len([]rune(s)))
		if right {
			return gap + s
		}
		return s + gap
	}
	fmt.Fprintf(w, "  %s | %s | %s\n", pad("", width[0], false), pad("count", width[1], false), "time")
	fmt.Fprintf(w, "%s+%s+%s\n", strings.Repeat("-", width[0]+3), strings.Repeat("-", width[1]+2), strings.Repeat("-", width[2]+1))
	for i, r := range rows {
		if i == len(stages) && len(totals) > 0 && len(stages) > 0 {
			fmt.Fprintf(w, "%s+%s+%s\n", strings.Repeat("-", width[0]+3), strings.Repeat("-", width[1]+2), strings.Repeat("-", width[2]+1))
		}
		fmt.Fprintf(w, "  %s | %s | %s\n", pad(r[0], width[0], false), pad(r[1], width[1], false), pad(r[2], width[2], true))
	}
	fmt.Fprintf(w, "Total in %s\n", Duration(elapsed))
}

// Count writes a whole number with thousands separated by commas: 6,784.
func Count(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Duration writes a time to about three figures: 912 ms, 8.71 s, 74.2 s.
func Duration(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < 10*time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}

// Bytes writes a size in bytes, kB, MB or GB (powers of 1000): 412.3 MB.
func Bytes(n int64) string {
	const k = 1000
	switch {
	case n < k:
		return fmt.Sprintf("%d B", n)
	case n < k*k:
		return fmt.Sprintf("%.1f kB", float64(n)/k)
	case n < k*k*k:
		return fmt.Sprintf("%.1f MB", float64(n)/(k*k))
	}
	return fmt.Sprintf("%.2f GB", float64(n)/(k*k*k))
}
