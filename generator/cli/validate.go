package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"minhbach/generator/commentary"
	"minhbach/generator/dataset"
	"minhbach/generator/dataset/finding"
	"minhbach/generator/indicator"
	"minhbach/generator/site"
)

// Formats of validate's findings.
const (
	formatText   = "text"
	formatJSON   = "json"
	formatGitHub = "github"
)

// checkConfig holds the flags that tune the data checks; validate has them
// all, build has --strict.
type checkConfig struct {
	format string
	strict bool
	// jump overrides the rate-jump threshold of site.toml when >= 0.
	jump float64
	// pages, when set, is the project folder whose pages are checked too
	// (site.Check): validate's. A build checks them by building them.
	pages string
	// loaded, when set, is told of the data once it is read and checked,
	// before the indicators are computed: build's progress starts its
	// compute stage there.
	loaded func(*dataset.Dataset)
}

// options turns the flags into dataset.Load options.
func (cc *checkConfig) options() []dataset.Option {
	if cc.jump >= 0 {
		return []dataset.Option{dataset.WithJumpPoints(cc.jump)}
	}
	return nil
}

// validate runs every check that build runs and builds nothing. It exits 1
// when the data has an error, or a warning with --strict.
func validate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	cc := &checkConfig{pages: "."}
	fs.StringVar(&cc.format, "format", formatText, "how to print findings: text (to stderr), json (one object a line) or github (Actions annotations), to stdout")
	fs.BoolVar(&cc.strict, "strict", false, "fail on warnings too")
	fs.Float64Var(&cc.jump, "max-jump", -1, "percentage points a rate may move between consecutive periods without a warning (default: site.toml's [checks] jump_points, else 20)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	switch cc.format {
	case formatText, formatJSON, formatGitHub:
	default:
		fmt.Fprintf(stderr, "minhbach validate: --format %q: expected text, json or github\n", cc.format)
		return ExitUsage
	}
	ds, _, code := cc.check(*data, stdout, stderr)
	if ds == nil {
		return code
	}
	fmt.Fprintf(stdout, "%s: %d units, %d observations, no errors\n", *data, len(ds.Units), len(ds.Observations))
	return code
}

// check loads and checks the data folder dir as build does — dataset.Load,
// then indicator.Compute, whose disagreements between a reported total and
// its roll-up become warnings when Load did not already report them — and
// prints the findings in cc.format. It returns a nil dataset and the exit
// status when the data has errors (or warnings, with cc.strict); otherwise
// the dataset and its computed indicators, so that build computes them once.
func (cc *checkConfig) check(dir string, stdout, stderr io.Writer) (*dataset.Dataset, *indicator.Result, int) {
	ds, err := dataset.Load(dir, cc.options()...)
	var inv *dataset.InvalidError
	var findings dataset.Findings
	var tally dataset.Tally
	var res *indicator.Result
	switch {
	case errors.As(err, &inv):
		findings, tally = inv.Findings, inv.Tally
	case err != nil:
		fmt.Fprintf(stderr, "minhbach: %s\n", oneLine(err))
		return nil, nil, ExitBadInput
	default:
		findings, tally = ds.Findings, ds.Tally
		if cc.loaded != nil {
			cc.loaded(ds)
		}
		res, err = indicator.Compute(ds, indicator.WithTolerance(tolerance(ds)))
		if err != nil {
			fmt.Fprintf(stderr, "minhbach: computing indicators: %v\n", err)
			return nil, nil, ExitBadInput
		}
		extra := rollupWarnings(ds, res.Warnings())
		tally.Warnings += len(extra)
		findings = append(findings, extra...)
		// What the pages would refuse (a report commentary naming an
		// unknown figure) is an error here too, so that "no errors" means
		// the build publishes.
		switch _, err := os.Stat(filepath.Join(cc.pages, "templates")); {
		case cc.pages == "":
		case err == nil:
			pages := siteFindings(site.Check(ds, res, cc.pages))
			tally.Errors += len(pages)
			findings = append(findings, pages...)
		default:
			findings = append(findings, dataset.Finding{Pos: dataset.Position{File: "templates"}, Severity: finding.Note, Code: "pages-not-checked",
				Message: "not found here, so the pages (report commentaries, interface strings) are not checked; run validate in the project folder to check them"})
		}
		findings.Sort()
	}
	out := stdout
	if cc.format == formatText {
		out = stderr
	}
	printFindings(out, cc.format, findings)
	failed := tally.Errors > 0 || cc.strict && tally.Warnings > 0
	if n := tally.Omitted(findings); n > 0 {
		fmt.Fprintf(stderr, "minhbach: %d more finding(s) not shown (at most %d of each kind are listed)\n", n, dataset.DefaultMaxFindings)
	}
	if failed || tally.Errors+tally.Warnings > 0 {
		verdict := "nothing is published from this data"
		if !failed {
			verdict = "warnings do not fail the run without --strict"
		}
		fmt.Fprintf(stderr, "minhbach: %d error(s), %d warning(s) in %d file(s); %s\n",
			tally.Errors, tally.Warnings, countFiles(findings), verdict)
	}
	if failed {
		return nil, nil, ExitBadInput
	}
	return ds, res, ExitOK
}

// siteFindings turns the errors of site.Check into error findings: a
// commentary's refused placeholders each at its place, anything else
// (a missing interface string) as it is.
func siteFindings(err error) dataset.Findings {
	var fs dataset.Findings
	for _, e := range leaves(err) {
		var places commentary.Errors
		if !errors.As(e, &places) {
			fs = append(fs, dataset.Finding{Severity: finding.Error, Code: "page", Message: e.Error()})
			continue
		}
		for _, pe := range places {
			fs = append(fs, dataset.Finding{Pos: dataset.Position{File: pe.Path, Line: pe.Line, Column: pe.Column},
				Severity: finding.Error, Code: "page", Message: pe.Err.Error()})
		}
	}
	return fs
}

// leaves lists the errors joined in err (errors.Join), or err alone.
func leaves(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, leaves(e)...)
		}
		return out
	}
	return []error{err}
}

// tolerance is the relative difference allowed between a reported total
// and the roll-up of its units: site.toml's [checks] total_tolerance, as
// dataset.Load applies it, else the default.
func tolerance(ds *dataset.Dataset) float64 {
	if t := ds.Meta.Checks.TotalTolerance; t > 0 {
		return t
	}
	return dataset.DefaultTotalTolerance
}

// load reads and checks the data folder for build with the default
// settings, printing findings as text, one a line.
func load(dir string, stdout, stderr io.Writer, loaded func(*dataset.Dataset)) (*dataset.Dataset, *indicator.Result, int) {
	cc := &checkConfig{format: formatText, jump: -1, loaded: loaded}
	return cc.check(dir, stdout, stderr)
}

// strictFlag adds build's --strict flag. With it, build checks the data
// first (as validate --strict does) and stops on a warning too.
func strictFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("strict", false, "fail on warnings in the data too, as validate --strict does")
}

// strictCheck runs validate's checks with --strict before a build, and
// prints the findings only when they stop it.
func strictCheck(dir string, stderr io.Writer) int {
	var buf strings.Builder
	cc := &checkConfig{format: formatText, strict: true, jump: -1}
	if ds, _, code := cc.check(dir, io.Discard, &buf); ds == nil {
		io.WriteString(stderr, buf.String())
		return code
	}
	return ExitOK
}

// rollupWarnings turns the indicator engine's disagreements between a
// reported value and the roll-up of its children into findings at the
// reported value, leaving out those Load already reported there, and
// those of a total added up from its cells, which Load checks cell by cell.
func rollupWarnings(ds *dataset.Dataset, ws []indicator.Warning) dataset.Findings {
	reported := map[dataset.Position]bool{}
	for _, f := range ds.Findings {
		if f.Code == "total-mismatch" {
			reported[f.Pos] = true
		}
	}
	var out dataset.Findings
	for _, w := range ws {
		var at dataset.Position
		computed := false
		for i := range ds.Observations {
			o := &ds.Observations[i]
			if o.Unit == w.Unit && o.Measure == w.Measure && o.Period == w.Period {
				at, computed = o.Source, o.Computed
				break
			}
		}
		if computed || reported[at] && at.File != "" {
			continue
		}
		out = append(out, dataset.Finding{Pos: at, Severity: dataset.Warning, Code: "rollup-mismatch", Message: w.String()})
	}
	return out
}

// printFindings prints findings in format: text, json or github.
func printFindings(w io.Writer, format string, findings dataset.Findings) {
	enc := json.NewEncoder(w)
	for _, f := range findings {
		switch format {
		case formatJSON:
			enc.Encode(struct {
				File     string `json:"file"`
				Line     int    `json:"line,omitempty"`
				Column   int    `json:"column,omitempty"`
				Severity string `json:"severity"`
				Code     string `json:"code"`
				Message  string `json:"message"`
			}{f.Pos.File, f.Pos.Line, f.Pos.Column, f.Severity.String(), f.Code, f.Message})
		case formatGitHub:
			fmt.Fprintln(w, annotation(f))
		default:
			fmt.Fprintln(w, oneLine(errors.New(f.String())))
		}
	}
}

// annotation formats a finding as a GitHub Actions workflow command, with
// its properties and message escaped so that no cell text can end the
// command or start another.
func annotation(f dataset.Finding) string {
	level := map[dataset.Severity]string{dataset.Error: "error", dataset.Warning: "warning", dataset.Note: "notice"}[f.Severity]
	props := []string{"file=" + escapeProperty(f.Pos.File)}
	if f.Pos.Line > 0 {
		props = append(props, "line="+strconv.Itoa(f.Pos.Line))
		if f.Pos.Column > 0 {
			props = append(props, "col="+strconv.Itoa(f.Pos.Column))
		}
	}
	props = append(props, "title="+escapeProperty(f.Code))
	return "::" + level + " " + strings.Join(props, ",") + "::" + escapeData(f.Message)
}

func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// countFiles counts the files that findings name.
func countFiles(findings dataset.Findings) int {
	files := map[string]bool{}
	for _, f := range findings {
		if f.Severity != dataset.Note {
			files[f.Pos.File] = true
		}
	}
	return len(files)
}
