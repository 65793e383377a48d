package cli

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"time"

	"minhbach/generator/build"
	"minhbach/generator/progress"
	"minhbach/generator/site"
)

// The goals: a national build within this factor of Hugo alone
// building as many plain pages, a province's within this much more time,
// and under this peak resident memory.
const (
	goalRatio = 1.5
	goalExtra = time.Second
	goalPeak  = 1500 << 20
)

// benchResult is what one measured build reports to the bench command.
type benchResult struct {
	Stages []progress.Stage `json:"stages"`
	Stats  build.Stats      `json:"stats"`
	Total  time.Duration    `json:"total"`
	// Peak is the build's peak resident memory in bytes, 0 when unknown.
	Peak int64 `json:"peak"`
	// CPU is the processor time the build took (user and system), which on
	// a busy machine says more than the wall time.
	CPU time.Duration `json:"cpu"`
}

// bench builds the site from --data and, in the same run, has Hugo alone
// build as many plain pages; each build runs in a process of its own, so
// that its peak memory is its own. It prints time per stage, pages, files,
// bytes and peak memory of both.
func bench(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("bench", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	content := fs.String("content", "content", "folder of hand-written pages to build with the data; empty for none\n(the project's report commentaries name its own units)")
	plain := fs.Bool("plain", true, "also time Hugo alone building as many plain pages")
	keep := fs.String("keep", "", "publish the built sites below this folder (site/, plain/) instead of a temporary one")
	runs := fs.Int("runs", 1, "build each this many times, alternately, and report the median run of each\n(the wall time of one build on a shared machine varies by a second or more)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the site build to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile of the site build, taken after Hugo, to this file")
	// The measured builds: the bench command runs itself with --child.
	child := fs.String("child", "", "")
	pages := fs.Int("pages", 0, "")
	out := fs.String("out", "", "")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	switch *child {
	case "site":
		return benchSite(*data, *content, *out, *cpuprofile, *memprofile, stdout, stderr)
	case "plain":
		return benchPlain(*pages, *out, stdout, stderr)
	case "":
	default:
		fmt.Fprintf(stderr, "minhbach bench: unknown --child %q\n", *child)
		return ExitUsage
	}

	dir := *keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "minhbach-bench-")
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if *runs < 1 {
		fmt.Fprintf(stderr, "minhbach bench: --runs must be at least 1, not %d\n", *runs)
		return ExitUsage
	}
	siteOut, plainOut := filepath.Join(dir, "site"), filepath.Join(dir, "plain")
	siteArgs := []string{"bench", "--child", "site", "--data", *data, "--content", *content, "--out", siteOut}
	if *cpuprofile != "" {
		siteArgs = append(siteArgs, "--cpuprofile", *cpuprofile)
	}
	if *memprofile != "" {
		siteArgs = append(siteArgs, "--memprofile", *memprofile)
	}
	var mine, bare []*benchResult
	for run := 1; run <= *runs; run++ {
		if *runs > 1 {
			fmt.Fprintf(stdout, "run %d of %d: ", run, *runs)
		}
		// Every run is a first build: the site build compares its data with
		// a site already published in its folder, which would be work of
		// another kind.
		if err := os.RemoveAll(siteOut); err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
		fmt.Fprintf(stdout, "building the site from %s …\n", *data)
		r, err := runChild(siteArgs, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: site build: %v\n", err)
			return ExitBadInput
		}
		mine = append(mine, r)
		if !*plain {
			continue
		}
		// Hugo adds a home page and a section page per language to the content pages.
		n := max(r.Stats.Pages-2*len(site.Languages), 1)
		fmt.Fprintf(stdout, "building %s plain pages with Hugo alone …\n", progress.Count(n))
		r, err = runChild([]string{"bench", "--child", "plain", "--pages", strconv.Itoa(n), "--out", plainOut}, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: plain build: %v\n", err)
			return ExitBadInput
		}
		bare = append(bare, r)
	}
	fmt.Fprintln(stdout)
	if *runs > 1 {
		benchRuns(stdout, mine, bare)
	}
	benchTable(stdout, median(mine), median(bare))
	return ExitOK
}

// median returns the run of median wall time (the faster of the middle two
// of an even number), nil for none. The peak memory it reports is the
// highest of all runs, against which the goal is checked.
func median(runs []*benchResult) *benchResult {
	if len(runs) == 0 {
		return nil
	}
	sorted := slices.Clone(runs)
	slices.SortStableFunc(sorted, func(a, b *benchResult) int { return cmp.Compare(a.Total, b.Total) })
	m := *sorted[(len(sorted)-1)/2]
	for _, r := range runs {
		m.Peak = max(m.Peak, r.Peak)
	}
	return &m
}

// benchRuns writes a line per run: wall and processor time of each build,
// and their ratio.
func benchRuns(w io.Writer, mine, bare []*benchResult) {
	for i, r := range mine {
		fmt.Fprintf(w, "run %d: minhbach %s (processor %s)", i+1, progress.Duration(r.Total), progress.Duration(r.CPU))
		if i < len(bare) {
			b := bare[i]
			fmt.Fprintf(w, ", Hugo alone %s (processor %s), %.2f×", progress.Duration(b.Total), progress.Duration(b.CPU),
				r.Total.Seconds()/b.Total.Seconds())
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "median runs below; peak memory is the highest of the runs\n\n")
}

// runChild runs this program with args and decodes the benchResult it
// prints, adding its peak memory. Each build starts once the disk has
// written back the one before.
func runChild(args []string, stderr io.Writer) (*benchResult, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	settle()
	var out bytes.Buffer
	cmd := exec.Command(self, args...)
	cmd.Stdout, cmd.Stderr = &out, stderr
	if err := cmd.Run(); err != nil {
		return nil, err
	}
	var r benchResult
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return nil, fmt.Errorf("reading its figures: %w", err)
	}
	r.Peak = peakRSS(cmd.ProcessState)
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return &r, nil
}

// benchSite is the measured site build, in a process of its own.
func benchSite(data, content, out, cpuprofile, memprofile string, stdout, stderr io.Writer) int {
	if out == "" {
		fmt.Fprintln(stderr, "minhbach bench: --out is required with --child")
		return ExitUsage
	}
	root := "."
	if filepath.Clean(content) != "content" {
		r, err := benchRoot(content)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
		defer os.RemoveAll(r)
		root = r
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
		defer pprof.StopCPUProfile()
	}
	meter := progress.New(io.Discard, progress.Live(false))
	stats, code := buildSite(data, build.Options{Root: root, Out: out}, meter, io.Discard, stderr)
	if code != ExitOK {
		return code
	}
	if memprofile != "" {
		f, err := os.Create(memprofile)
		if err == nil {
			err = pprof.WriteHeapProfile(f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
			return ExitBadInput
		}
	}
	return printResult(stdout, benchResult{Stages: meter.Stages(), Stats: stats, Total: meter.Elapsed()}, stderr)
}

// benchRoot makes a project folder with copies of this one's templates and
// of content as its hand-written pages (none when content is empty): a
// build reads those only as regular files, never through a link. It shares
// this one's JavaScript packages and Hugo caches, and returns it.
func benchRoot(content string) (string, error) {
	here, err := os.Getwd()
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Join(here, ".minhbach", "cache"), 0o755); err != nil {
		return "", err
	}
	root, err := os.MkdirTemp(filepath.Join(here, ".minhbach"), "bench-root-")
	if err != nil {
		return "", err
	}
	links := map[string]string{
		"node_modules": "node_modules",
		"package.json": "package.json", "package-lock.json": "package-lock.json",
		".minhbach/cache": ".minhbach/cache",
	}
	copies := map[string]string{"templates": filepath.Join(here, "templates")}
	if content != "" {
		copies["content"] = content
	} else if err := os.Mkdir(filepath.Join(root, "content"), 0o755); err != nil {
		return "", err
	}
	for name, from := range copies {
		if err := os.CopyFS(filepath.Join(root, name), os.DirFS(from)); err != nil {
			os.RemoveAll(root)
			return "", err
		}
	}
	if err := os.Mkdir(filepath.Join(root, ".minhbach"), 0o755); err != nil {
		return "", err
	}
	for name, target := range links {
		if !filepath.IsAbs(target) {
			target = filepath.Join(here, target)
		}
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(name))); err != nil {
			os.RemoveAll(root)
			return "", err
		}
	}
	return root, nil
}

// benchPlain is the measured build of plain pages, in a process of its own.
func benchPlain(pages int, out string, stdout, stderr io.Writer) int {
	if out == "" || pages < 1 {
		fmt.Fprintln(stderr, "minhbach bench: --out and --pages are required with --child plain")
		return ExitUsage
	}
	meter := progress.New(io.Discard, progress.Live(false))
	stats, err := build.Plain(pages, build.Options{Root: ".", Out: out, Progress: meter})
	meter.Finish()
	if err != nil {
		fmt.Fprintf(stderr, "minhbach bench: %s\n", oneLine(err))
		return ExitBadInput
	}
	return printResult(stdout, benchResult{Stages: meter.Stages(), Stats: stats, Total: meter.Elapsed()}, stderr)
}

func printResult(stdout io.Writer, r benchResult, stderr io.Writer) int {
	if err := json.NewEncoder(stdout).Encode(r); err != nil {
		fmt.Fprintf(stderr, "minhbach bench: %v\n", err)
		return ExitBadInput
	}
	return ExitOK
}

// benchTable prints the two builds side by side, then how they compare
// with the goals.
func benchTable(w io.Writer, mine, bare *benchResult) {
	results := []*benchResult{mine}
	head := []string{"", "minhbach"}
	if bare != nil {
		results = append(results, bare)
		head = append(head, "Hugo alone, plain pages")
	}
	// Stages in the order they ran, the site's first.
	var names []string
	seen := map[string]bool{}
	for _, r := range results {
		for _, s := range r.Stages {
			if !seen[s.Name] {
				seen[s.Name] = true
				names = append(names, s.Name)
			}
		}
	}
	rows := [][]string{head}
	for _, name := range names {
		row := []string{name}
		for _, r := range results {
			cell := ""
			for _, s := range r.Stages {
				if s.Name == name {
					cell = progress.Duration(s.Elapsed)
					if s.Count > 0 {
						cell += " · " + progress.Count(s.Count) + " " + s.What
					}
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	rows = append(rows, nil) // a rule
	totals := []struct {
		name string
		cell func(*benchResult) string
	}{
		{"total", func(r *benchResult) string { return progress.Duration(r.Total) }},
		{"cpu time", func(r *benchResult) string { return progress.Duration(r.CPU) }},
		{"pages", func(r *benchResult) string { return progress.Count(r.Stats.Pages) }},
		{"files", func(r *benchResult) string { return progress.Count(r.Stats.Files) }},
		{"bytes", func(r *benchResult) string { return progress.Bytes(r.Stats.Bytes) }},
		{"peak memory", func(r *benchResult) string {
			if r.Peak <= 0 {
				return "unknown"
			}
			return fmt.Sprintf("%.0f MB", float64(r.Peak)/(1<<20))
		}},
	}
	for _, t := range totals {
		row := []string{t.name}
		for _, r := range results {
			row = append(row, t.cell(r))
		}
		rows = append(rows, row)
	}
	writeTable(w, rows)

	fmt.Fprintln(w)
	if bare != nil && bare.Total > 0 {
		ratio := mine.Total.Seconds() / bare.Total.Seconds()
		fmt.Fprintf(w, "minhbach took %.2f× the time of Hugo alone (goal: at most %.1f×), %.2f× its processor time\n",
			ratio, goalRatio, mine.CPU.Seconds()/bare.CPU.Seconds())
		extra, than := mine.Total-bare.Total, "more"
		if extra < 0 { // a disk that is busier for one side can do this
			extra, than = -extra, "less"
		}
		fmt.Fprintf(w, "minhbach took %s %s than Hugo alone (goal for a province: at most %s more)\n",
			progress.Duration(extra), than, progress.Duration(goalExtra))
	}
	if mine.Peak > 0 {
		verdict := "under"
		if mine.Peak >= goalPeak {
			verdict = "over"
		}
		fmt.Fprintf(w, "peak memory %.0f MB, %s the goal of %.1f GB\n", float64(mine.Peak)/(1<<20), verdict, float64(goalPeak)/(1<<30))
	}
}

// writeTable writes rows as columns separated by " | "; a nil row is a rule.
func writeTable(w io.Writer, rows [][]string) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], len([]rune(c)))
		}
	}
	for _, r := range rows {
		if r == nil {
			parts := make([]string, len(width))
			for i, n := range width {
				parts[i] = strings.Repeat("-", n+2)
			}
			fmt.Fprintln(w, strings.Join(parts, "+"))
			continue
		}
		parts := make([]string, len(r))
		for i, c := range r {
			parts[i] = " " + c + strings.Repeat(" ", width[i]-len([]rune(c))) + " "
		}
		fmt.Fprintln(w, strings.TrimRight(strings.Join(parts, "|"), " "))
	}
}
