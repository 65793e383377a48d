package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"minhbach/generator/progress"
	"minhbach/generator/site"
)

func TestBenchTable(t *testing.T) {
	mine := &benchResult{
		Stages: []progress.Stage{
			{Name: "read, validate", What: "observations", Count: 864140, Elapsed: 2 * time.Second},
			{Name: "hugo", What: "pages", Count: 6784, Elapsed: 6 * time.Second},
		},
		Stats: site.Stats{Pages: 6784, Files: 13527, Bytes: 412_300_000},
		Total: 9 * time.Second, CPU: 12 * time.Second, Peak: 900 << 20,
	}
	bare := &benchResult{
		Stages: []progress.Stage{{Name: "hugo", What: "pages", Count: 6784, Elapsed: 5 * time.Second}},
		Stats:  site.Stats{Pages: 6784, Files: 6788, Bytes: 2_100_000},
		Total:  6 * time.Second, CPU: 6 * time.Second, Peak: 200 << 20,
	}
	var out bytes.Buffer
	benchTable(&out, mine, bare)
	text := out.String()
	for _, want := range []string{
		"| minhbach ",
		"| Hugo alone, plain pages",
		" read, validate | 2.00 s · 864,140 observations |",
		" hugo           | 6.00 s · 6,784 pages",
		"| 5.00 s · 6,784 pages",
		" peak memory    | 900 MB",
		"| 200 MB",
		// 9 s against 6 s, 12 s of processor time against 6 s.
		"minhbach took 1.50× the time of Hugo alone (goal: at most 1.5×), 2.00× its processor time",
		"peak memory 900 MB, under the goal of 1.5 GB",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
	// The stage Hugo alone does not have is left empty in its column.
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, " read, validate") && !strings.HasSuffix(line, "|") {
			t.Errorf("read line %q: want an empty cell for Hugo alone", line)
		}
	}
}
