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

	"minhbach/generator/build"
	"minhbach/generator/progress"
)

// Exit statuses.
const (
	ExitOK       = 0
	ExitBadInput = 1
	ExitUsage    = 2
)

const usage = `Minh Bạch builds a static dashboard site from statistics exported as CSV.

Usage:
  minhbach build    [--data DIR] [--out DIR] [--base-url URL] [--pdf] [--strict]
  minhbach validate [--data DIR] [--format text|json|github] [--strict] [--max-jump POINTS]
  minhbach serve    [--data DIR] [--addr HOST:PORT]
  minhbach sample   --out DIR [--provinces N] [--units N] [--quarters N] [--last QUARTER]
  minhbach bench    [--data DIR] [--runs N] [--plain=false] [--keep DIR] [--cpuprofile FILE]
  minhbach shots    --out DIR [--site DIR]

Commands:
  build     check the data, compute the indicators and publish the site to --out;
            on any error the previously published site is left untouched
  validate  run every check that build runs, and build nothing
  serve     preview the site on a local address, rebuilding and reloading the
            open pages when data/, content/ or templates/ change
  sample    write a synthetic national dataset (34 provinces, 3,321 units,
            20 quarters by default), the benchmark's input
  bench     build the site from --data and, in the same run, Hugo alone
            building as many plain pages (--runs times each, alternately);
            print time per stage, pages, files, bytes and peak memory of both
  shots     screenshot one page of every kind of the built site (--site, default
            public/) at phone and desktop width, light and dark, into --out

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
		return buildCmd(args[1:], stdout, stderr)
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "sample":
		return sampleCmd(args[1:], stdout, stderr)
	case "bench":
		return bench(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stdout, stderr)
	case "shots":
		return shotsCmd(args[1:], stdout, stderr)
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

func buildCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	out := fs.String("out", "public", "folder to publish the site to")
	baseURL := fs.String("base-url", "/", "address the site is served from, e.g. https://example.gov.vn/")
	pdf := fs.Bool("pdf", false, "also print every quarterly report to PDF with headless Chromium")
	strict := strictFlag(fs)
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *strict {
		if code := strictCheck(*data, stderr); code != ExitOK {
			return code
		}
	}
	meter := progress.New(stdout)
	stats, code := buildSite(*data, build.Options{Root: ".", Out: *out, BaseURL: *baseURL, PDF: *pdf}, meter, stdout, stderr)
	if code != ExitOK {
		return code
	}
	summary(stdout, meter, stats)
	fmt.Fprintf(stdout, "published %d pages to %s in %s\n", stats.Pages, *out, stats.Duration.Round(1e6))
	return ExitOK
}

// oneLine folds an error onto one line, as CI logs and editors expect.
func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "\n", " | ")), " ")
}
