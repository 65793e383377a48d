package progress

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// clock is a fake clock that moves only when told.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestPlainLinePerStage(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	m := New(&out, Live(false), WithClock(c.now))
	m.Begin("read", "observations", 0)
	m.Add(864140)
	c.advance(912 * time.Millisecond)
	m.Begin("hugo", "pages", 6784)
	m.Add(6000)
	m.Add(784)
	c.advance(4210 * time.Millisecond)
	stages := m.Finish()

	want := "read: 864,140 observations, 912 ms\nhugo: 6,784 of 6,784 pages, 4.21 s\n"
	if out.String() != want {
		t.Errorf("output\n%q\nwant\n%q", out.String(), want)
	}
	if len(stages) != 2 || stages[1].Count != 6784 || stages[1].Elapsed != 4210*time.Millisecond {
		t.Errorf("stages %+v", stages)
	}
	if m.Elapsed() != 5122*time.Millisecond {
		t.Errorf("elapsed %v, want 5.122s", m.Elapsed())
	}
}

func TestLiveRedrawsOneLine(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(0, 0)}
	m := New(&out, Live(true), WithClock(c.now))
	m.interval = time.Hour // no redraw by the ticker during the test
	m.Begin("pages", "pages", 0)
	m.Writer().Write([]byte("installing JavaScript packages\n"))
	c.advance(2 * time.Second)
	m.Finish()

	got := out.String()
	// The stage is drawn in place, a log line clears it and it is drawn
	// again below; at the end the line is cleared, leaving no stage line.
	want := "\r\033[Kpages: 0 ms" + "\r\033[Kinstalling JavaScript packages\n" + "\r\033[Kpages: 0 ms" + "\r\033[K"
	if got != want {
		t.Errorf("output\n%q\nwant\n%q", got, want)
	}
	if strings.Count(got, "\n") != 1 {
		t.Errorf("a live meter wrote %d lines, want only the log line", strings.Count(got, "\n"))
	}
}

func TestSummary(t *testing.T) {
	var out bytes.Buffer
	Summary(&out, []Stage{
		{Name: "read", What: "observations", Count: 1234, Elapsed: 250 * time.Millisecond},
		{Name: "hugo", What: "pages", Count: 252, Elapsed: 12345 * time.Millisecond},
	}, []Total{{Name: "bytes", Value: Bytes(16_800_000)}}, 13*time.Second)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 7 {
		t.Fatalf("summary has %d lines, want 7:\n%s", len(lines), out.String())
	}
	for i, l := range []string{"  read", "  hugo"} {
		if !strings.HasPrefix(lines[2+i], l) {
			t.Errorf("line %d %q, want the stage %q", 2+i, lines[2+i], l)
		}
	}
	if !strings.Contains(lines[2], "| 1,234 observations |") || !strings.HasSuffix(lines[2], "250 ms") {
		t.Errorf("read line %q", lines[2])
	}
	if !strings.HasSuffix(lines[3], "12.3 s") || !strings.Contains(lines[5], "16.8 MB") {
		t.Errorf("hugo or bytes line: %q, %q", lines[3], lines[5])
	}
	if lines[6] != "Total in 13.0 s" {
		t.Errorf("last line %q", lines[6])
	}
	// The columns line up: every row has its bars at the same places.
	bar := strings.IndexRune(lines[0], '|')
	for _, l := range []string{lines[2], lines[3], lines[5]} {
		if strings.IndexRune(l, '|') != bar {
			t.Errorf("misaligned row %q", l)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{Count(0), "0"}, {Count(999), "999"}, {Count(1000), "1,000"}, {Count(864140), "864,140"},
		{Count(-1234567), "-1,234,567"},
		{Duration(912 * time.Millisecond), "912 ms"}, {Duration(8712 * time.Millisecond), "8.71 s"},
		{Duration(74250 * time.Millisecond), "74.2 s"},
		{Bytes(999), "999 B"}, {Bytes(2100), "2.1 kB"}, {Bytes(412_300_000), "412.3 MB"}, {Bytes(1_250_000_000), "1.25 GB"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
