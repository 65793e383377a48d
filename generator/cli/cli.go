// Package cli is the command line of Minh Bạch: it parses the commands and
// flags, runs the pipeline (load and check the data, compute the indicators,
// build the site) and turns the outcome into an exit status.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/site"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitBadInput = 1
	ExitUsage    = 2
)

const usage = `Minh Bạch builds a static dashboard site from statistics exported as CSV.

Usage:
  minhbach build    [--data DIR] [--out DIR] [--base-url URL]
  minhbach validate [--data DIR]

Commands:
  build     check the data, compute the indicators and publish the site to --out;
            on any error the previously published site is left untouched
  validate  run every check that build runs, and build nothing

Run 'minhbach COMMAND --help' for a command's flags.
`

// Run runs the command line args (without the program name) and returns the
// exit status. Output goes to stdout, errors to stderr, one line each.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return ExitUsage
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	fmt.Fprintf(stderr, "minhbach: unknown command %q\n\n%s", args[0], usage)
	return ExitUsage
}

// newFlags makes a flag set that reports errors to stderr and does not exit.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("minhbach "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parse parses flags and rejects stray arguments. It returns the exit status
// to use when parsing did not succeed, or -1 to go on.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return ExitUsage
	}
	return -1
}

func build(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	out := fs.String("out", "public", "folder to publish the site to")
	baseURL := fs.String("base-url", "/", "address the site is served from, e.g. https://example.gov.vn/")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	ds, code := load(*data, stdout, stderr)
	if ds == nil {
		return code
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach: computing indicators: %v\n", err)
		return ExitBadInput
	}
	for _, w := range res.Warnings() {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	stats, err := site.Build(ds, res, site.Options{Root: ".", Out: *out, BaseURL: *baseURL, Log: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "minhbach: %s\n", oneLine(err))
		return ExitBadInput
	}
	fmt.Fprintf(stdout, "published %d pages to %s in %s\n", stats.Pages, *out, stats.Duration.Round(1e6))
	return ExitOK
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	ds, code := load(*data, stdout, stderr)
	if ds == nil {
		return code
	}
	if _, err := indicator.Compute(ds); err != nil {
		fmt.Fprintf(stderr, "minhbach: computing indicators: %v\n", err)
		return ExitBadInput
	}
	fmt.Fprintf(stdout, "%s: %d units, %d observations, no errors\n", *data, len(ds.Units), len(ds.Observations))
	return ExitOK
}

// load reads the data folder and prints its findings, one a line. It returns
// a nil dataset and the exit status when the data cannot be used.
func load(dir string, stdout, stderr io.Writer) (*dataset.Dataset, int) {
	ds, err := dataset.Load(dir)
	var inv *dataset.InvalidError
	if errors.As(err, &inv) {
		for _, f := range inv.Findings {
			fmt.Fprintln(stderr, oneLine(errors.New(f.String())))
		}
		fmt.Fprintf(stderr, "minhbach: %d error(s), %d warning(s); nothing was published\n",
			inv.Findings.Count(dataset.Error), inv.Findings.Count(dataset.Warning))
		return nil, ExitBadInput
	}
	if err != nil {
		fmt.Fprintf(stderr, "minhbach: %s\n", oneLine(err))
		return nil, ExitBadInput
	}
	for _, f := range ds.Findings {
		fmt.Fprintln(stderr, oneLine(errors.New(f.String())))
	}
	return ds, ExitOK
}

// oneLine folds an error onto one line, as CI logs and editors expect.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " | ")), " ")
}
