// Package script bundles the site's scripts with esbuild: the chart script
// (ECharts, from node_modules as package-lock.json pins it), the chart
// loader and the search script, each from templates/assets/js/<name>.js,
// minified for ES2020 browsers as one self-contained script (IIFE).
//
// These are the options Hugo's js.Build passes to esbuild for the same
// script, and the bytes are the same. The bundling is done here rather
// than in a template because it needs no data: a build starts it before it
// reads the exports (Start), so that the half second esbuild takes over
// ECharts runs while the reader leaves a processor core idle, instead of
// holding up every page with a chart while Hugo renders. Hugo then only
// fingerprints the bundles and publishes them.
package script

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Names are the scripts, by name: templates/assets/js/<name>.js is bundled
// into <name>.js.
var Names = []string{"charts", "maps", "chart-loader", "search"}

// File is a bundled script.
type File struct {
	// Name is the file's name: "charts.js".
	Name     string
	Contents []byte
}

// A Bundling is the bundling of a project's scripts, started by Start.
type Bundling struct {
	done  chan struct{}
	files []File
	err   error
}

// Start installs the JavaScript dependencies when they are missing
// (EnsureNodeModules, which says so on log) and bundles the scripts of the
// project at root, in the background: it returns at once, and Wait returns
// the bundles or what went wrong.
func Start(root string, log io.Writer) *Bundling {
	b := &Bundling{done: make(chan struct{})}
	go func() {
		defer close(b.done)
		if b.err = EnsureNodeModules(root, log); b.err == nil {
			b.files, b.err = Bundle(root)
		}
	}()
	return b
}

// Wait waits for the bundling to end and returns the bundles, in the order
// of Names.
func (b *Bundling) Wait() ([]File, error) {
	<-b.done
	return b.files, b.err
}

// Bundle bundles the scripts of the project at root and returns them, in
// the order of Names. An error names the file, line and column esbuild
// complains of.
func Bundle(root string) ([]File, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(root, "templates", "assets", "js")
	files := make([]File, len(Names))
	for i, name := range Names {
		path := filepath.Join(dir, name+".js")
		src, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("script: %w", err)
		}
		res := api.Build(api.BuildOptions{
			Stdin: &api.StdinOptions{
				Contents:   string(src),
				ResolveDir: dir,
				Sourcefile: path,
				Loader:     api.LoaderJS,
			},
			AbsWorkingDir:     root,
			Bundle:            true,
			Target:            api.ES2020,
			Format:            api.FormatIIFE,
			Platform:          api.PlatformBrowser,
			MinifyWhitespace:  true,
			MinifyIdentifiers: true,
			MinifySyntax:      true,
			// An output folder, so that esbuild writes nothing and hands
			// the bundle back; Write is false.
			Outdir: filepath.Join(root, ".minhbach", "scripts"),
		})
		if len(res.Errors) > 0 {
			return nil, buildError(root, res.Errors)
		}
		if len(res.OutputFiles) != 1 {
			return nil, fmt.Errorf("script: %s: esbuild wrote %d files, want 1", name, len(res.OutputFiles))
		}
		files[i] = File{Name: name + ".js", Contents: res.OutputFiles[0].Contents}
	}
	return files, nil
}

// buildError reports esbuild's errors as path:line:column: message, paths
// relative to the project.
func buildError(root string, msgs []api.Message) error {
	lines := make([]string, len(msgs))
	for i, m := range msgs {
		lines[i] = m.Text
		if l := m.Location; l != nil {
			file := l.File
			if rel, err := filepath.Rel(root, file); err == nil && !strings.HasPrefix(rel, "..") {
				file = rel
			}
			// esbuild counts columns from 0, in bytes.
			lines[i] = fmt.Sprintf("%s:%d:%d: %s", file, l.Line, l.Column+1, m.Text)
		}
	}
	return fmt.Errorf("script: %s", strings.Join(lines, "; "))
}
