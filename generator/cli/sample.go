package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"minhbach/generator/period"
	"minhbach/generator/sample"
)

// sampleCmd writes a synthetic national dataset, the benchmark's input, in
// the canonical contract: units.csv, exports/, site.toml, and a copy of the
// project's catalogue.
func sampleCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("sample", stderr)
	n := sample.DefaultNational
	fs.IntVar(&n.Provinces, "provinces", n.Provinces, "number of provinces")
	fs.IntVar(&n.Units, "units", n.Units, "number of commune-level units in all")
	fs.IntVar(&n.Quarters, "quarters", n.Quarters, "number of quarters, ending with --last")
	last := fs.String("last", "2025-Q3", "last quarter")
	seed := fs.Uint64("seed", 0, "seed of the random draws (0: the default)")
	catalogue := fs.String("catalogue", filepath.Join("data", "catalogue.toml"), "catalogue to copy into --out")
	out := fs.String("out", "", "folder to write the dataset to (required)")
	fs.BoolVar(&n.Boundaries, "boundaries", true, "also write synthetic boundaries (a grid of squares, invented) and name them in the catalogue, for the maps")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "minhbach sample: --out is required")
		return ExitUsage
	}
	q, err := period.Parse(*last)
	if err != nil || q.Kind != period.Quarter {
		fmt.Fprintf(stderr, "minhbach sample: --last %q: expected a quarter such as 2025-Q3\n", *last)
		return ExitUsage
	}
	n.Last, n.Seed = q, *seed
	cat, err := os.ReadFile(*catalogue)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach sample: %v\n", err)
		return ExitBadInput
	}
	start := time.Now()
	if err := sample.WriteNational(*out, n); err != nil {
		fmt.Fprintf(stderr, "minhbach sample: %v\n", err)
		return ExitBadInput
	}
	if n.Boundaries {
		cat = sample.WithBoundaries(cat)
	}
	if err := os.WriteFile(filepath.Join(*out, "catalogue.toml"), cat, 0o644); err != nil {
		fmt.Fprintf(stderr, "minhbach sample: %v\n", err)
		return ExitBadInput
	}
	fmt.Fprintf(stdout, "wrote %d provinces, %d units, %d quarters to %s in %s\n",
		n.Provinces, n.Units, n.Quarters, *out, time.Since(start).Round(time.Millisecond))
	return ExitOK
}
