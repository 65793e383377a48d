package cli

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"minhbach/generator/shots"
)

// shotsCmd writes screenshots of one page of every kind of a built site.
func shotsCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("shots", stderr)
	dir := fs.String("site", "public", "the built site to take screenshots of")
	out := fs.String("out", "", "folder to write the PNGs to (new, or holding only PNGs)")
	only := fs.String("only", "", "comma-separated kinds to take, such as vi-report,en-home (default: every kind)")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	if *out == "" {
		fmt.Fprintln(stderr, "minhbach shots: --out DIR is required")
		return ExitUsage
	}
	opts := shots.Options{Site: *dir, Out: *out}
	if *only != "" {
		all, err := shots.Kinds(*dir)
		if err != nil {
			fmt.Fprintf(stderr, "minhbach shots: %s\n", oneLine(err))
			return ExitBadInput
		}
		for _, name := range strings.Split(*only, ",") {
			i := slices.IndexFunc(all, func(k shots.Kind) bool { return k.Name == strings.TrimSpace(name) })
			if i < 0 {
				fmt.Fprintf(stderr, "minhbach shots: no page of kind %q in %s\n", name, *dir)
				return ExitUsage
			}
			opts.Kinds = append(opts.Kinds, all[i])
		}
	}
	files, err := shots.Take(context.Background(), opts)
	if err != nil {
		fmt.Fprintf(stderr, "minhbach shots: %s\n", oneLine(err))
		return ExitBadInput
	}
	fmt.Fprintf(stdout, "wrote %d screenshots to %s\n", len(files), *out)
	return ExitOK
}
