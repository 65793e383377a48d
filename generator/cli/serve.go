package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"minhbach/generator/build"
	"minhbach/generator/preview"
	"minhbach/generator/progress"
)

// serve builds the site into a work folder and serves it for preview,
// rebuilding and reloading the open pages when data/, content/ or
// templates/ change. Bad data keeps the last good site served and shows the
// problems in the browser and here.
func serve(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	data := fs.String("data", "data", "folder with units.csv, catalogue.toml and exports/")
	addr := fs.String("addr", "127.0.0.1:1313", "address to serve the preview on")
	out := fs.String("out", filepath.Join(".minhbach", "preview"), "folder the preview is built into")
	if code := parse(fs, args, stderr); code >= 0 {
		return code
	}
	srv := preview.New(*out, previewBuild(*data, *out, stdout, stderr), preview.WithLog(stdout))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	fmt.Fprintf(stdout, "serving a preview of %s at http://%s/ — press Ctrl+C to stop\n", *data, *addr)
	if err := srv.Serve(ctx, *addr, *data, "content", "templates"); err != nil {
		fmt.Fprintf(stderr, "minhbach serve: %v\n", err)
		return ExitBadInput
	}
	return ExitOK
}

// previewBuild returns the preview's build: the whole pipeline, as build
// runs it, into out. The problems it prints to stderr are also the error
// the preview shows in the browser.
func previewBuild(data, out string, stdout, stderr io.Writer) preview.BuildFunc {
	return func() error {
		var problems bytes.Buffer
		meter := progress.New(stdout)
		_, code := buildSite(data, build.Options{Root: ".", Out: out}, meter, stdout, io.MultiWriter(stderr, &problems))
		if code == ExitOK {
			return nil
		}
		text := strings.TrimSpace(problems.String())
		if text == "" {
			text = "the build failed"
		}
		return errors.New(text)
	}
}
