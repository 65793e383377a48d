package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"minhbach/generator/build"
	"minhbach/generator/progress"
)

func TestBenchTable(t *testing.T) {
	mine := &benchResult{
		Stages: []progress.Stage{
			{Name: "read, validate", What: "observations", Count: 864140, Elapsed: 2 * time.Second},
			{Name: "hugo", What: "pages", Count: 6784, Elapsed: 6 * time.Second},
		},
		Stats: build.Stats{Pages: 6784, Files: 13527, Bytes: 412_300_000},
		Total: 9 * time.Second, CPU: 12 * time.Second, Peak: 900 << 20,
	}
	bare := &benchResult{
		Stages: []progress.Stage{{Name: "hugo", What: "pages", Count: 6784, Elapsed: 5 * time.Second}},
		Stats:  build.Stats{Pages: 6784, Files: 6788, Bytes: 2_100_000},
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
		"minhbach took 3.00 s more than Hugo alone (goal for a province: at most 1.00 s more)",
		"peak memory 900 MB, under the goal of 1.5 GB",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("table lacks %q:\n%s", want, text)
		}
	}
	// A build faster than Hugo alone took less time, not a negative "more".
	out.Reset()
	fast := *mine
	fast.Total = 5 * time.Second
	benchTable(&out, &fast, bare)
	if want := "minhbach took 1.00 s less than Hugo alone"; !strings.Contains(out.String(), want) {
		t.Errorf("table lacks %q:\n%s", want, out.String())
	}
	// The stage Hugo alone does not have is left empty in its column.
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, " read, validate") && !strings.HasSuffix(line, "|") {
			t.Errorf("read line %q: want an empty cell for Hugo alone", line)
		}
	}
}

// TestBenchMedian checks that the median run is the one of median wall
// time (the faster of the middle two of an even number), reported with the
// highest peak memory of all runs, and that the run lines give each run's
// ratio.
func TestBenchMedian(t *testing.T) {
	run := func(total, cpu time.Duration, peak int64) *benchResult {
		return &benchResult{Total: total, CPU: cpu, Peak: peak}
	}
	mine := []*benchResult{run(11*time.Second, 17*time.Second, 900), run(9*time.Second, 15*time.Second, 1000), run(10*time.Second, 16*time.Second, 950)}
	if m := median(mine); m.Total != 10*time.Second || m.CPU != 16*time.Second || m.Peak != 1000 {
		t.Errorf("median of 11, 9, 10 s = %v (cpu %v, peak %d), want 10 s (cpu 16 s, peak 1000)", m.Total, m.CPU, m.Peak)
	}
	if mine[2].Peak != 950 {
		t.Errorf("median changed a run's peak to %d", mine[2].Peak)
	}
	if m := median(mine[:2]); m.Total != 9*time.Second {
		t.Errorf("median of 11, 9 s = %v, want the faster, 9 s", m.Total)
	}
	if median(nil) != nil {
		t.Error("median of no runs is not nil")
	}
	bare := []*benchResult{run(5*time.Second, 8*time.Second, 400), run(6*time.Second, 8*time.Second, 400)}
	var out bytes.Buffer
	benchRuns(&out, mine, bare)
	for _, want := range []string{
		"run 1: minhbach 11.0 s (processor 17.0 s), Hugo alone 5.00 s (processor 8.00 s), 2.20×\n",
		"run 2: minhbach 9.00 s (processor 15.0 s), Hugo alone 6.00 s (processor 8.00 s), 1.50×\n",
		"run 3: minhbach 10.0 s (processor 16.0 s)\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("run lines lack %q:\n%s", want, out.String())
		}
	}
}
