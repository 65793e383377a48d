// Package hugosite drives Hugo, in this process, over a site the generator
// has written as a Hugo project: it lays out the project's folders
// ([Project]), writes Hugo's configuration ([Config]), the front matter of
// the generated pages ([PageList]) and, for the benchmark, a plain project
// of the same size ([WritePlain]), and runs Hugo ([Run]). As Hugo
// publishes each page, the page's body, kept aside in [Bodies], goes into
// the place its layout marks for it (splice.go).
//
// It knows Hugo, not the site: what the pages say is generator/site's.
package hugosite

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"minhbach/generator/workdir"
)

// A Project is where one Hugo build works: the project folder, Hugo's
// caches in it, and a fresh source folder for what the build generates
// (configuration, content, data, bundled scripts).
type Project struct {
	// Root is the project folder: content/, templates/, node_modules/.
	Root string
	// Work is .minhbach/ in Root, where Hugo keeps its caches.
	Work string
	// Src is a fresh Hugo source folder in Work, for Remove to remove.
	Src string
	// Swept lists the source folders of killed builds that NewProject
	// removed.
	Swept []string
	src   *workdir.Dir
}

// workMarker marks a source folder as a build's (see package workdir).
const workMarker = ".minhbach-work"

// NewProject makes a fresh source folder, whose name starts with prefix,
// in the work folder of the project at root. It first removes the source
// folders of that prefix that killed builds left there.
func NewProject(root, prefix string) (*Project, error) {
	root, err := filepath.Abs(root)
	if err != nil {
		return nil, err
	}
	p := &Project{Root: root, Work: filepath.Join(root, ".minhbach")}
	if p.Swept, err = workdir.Sweep(p.Work, prefix, workMarker); err != nil {
		return nil, err
	}
	if p.src, err = workdir.Make(p.Work, prefix, workMarker, "A build's work folder; the next build removes it if that build was stopped.\n"); err != nil {
		return nil, err
	}
	p.Src = p.src.Path
	return p, nil
}

// Remove removes the project's source folder.
func (p *Project) Remove() error { return p.src.Remove() }

// Run builds the Hugo project described by configFile into publishDir, in
// this process, and returns how many pages Hugo built. The HTML files it
// publishes get their page bodies from bodies (see splice.go); bodies may
// be nil when no page has a marker. Hugo's working directory is
// workingDir: js.Build resolves node_modules there. Hugo's own log is returned in the error when the
// build fails, and warnings fail the build too, so that a template mistake
// never publishes a half-rendered site.
//
// hugolib is used rather than commands.Execute: it needs no command-line
// parsing or global flags, returns errors instead of printing them, and lets
// the generator hand Hugo its configuration directly.
func Run(workingDir, configFile, publishDir string, bodies *Bodies) (pages int, err error) {
	var logBuf bytes.Buffer
	logger := loggers.New(loggers.Options{
		StdOut: &logBuf, StdErr: &logBuf,
		Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn,
	})
	flags := config.New()
	flags.Set("workingDir", workingDir)
	flags.Set("publishDir", publishDir)
	afs := afero.NewOsFs()
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs: afs, Logger: logger, Flags: flags, Filename: configFile, Environment: "production",
	})
	if err != nil {
		return 0, fmt.Errorf("hugo configuration: %w", err)
	}
	fs := hugofs.NewFrom(afs, configs.LoadingInfo.BaseConfig)
	sealed := new(atomic.Bool)
	fs.PublishDir = sealingFs{Fs: fs.PublishDir, sealed: sealed}
	if bodies != nil {
		fs.PublishDir = splicingFs{Fs: fs.PublishDir, bodies: bodies}
	}
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs: configs, Fs: fs, LogLevel: logger.Level(), StdErr: &logBuf, StdOut: &logBuf,
	})
	if err != nil {
		return 0, fmt.Errorf("hugo: %w", err)
	}
	if err := build(h, bodies, sealed); err != nil {
		return 0, fmt.Errorf("hugo: %w%s", err, indent(logBuf.String()))
	}
	if logger.LoggCount(logg.LevelWarn) > 0 || logger.LoggCount(logg.LevelError) > 0 {
		return 0, fmt.Errorf("hugo reported problems:%s", indent(logBuf.String()))
	}
	if bodies != nil {
		if err := bodies.checkAllTaken(); err != nil {
			return 0, err
		}
	}
	for _, s := range h.Sites {
		pages += len(s.Pages())
	}
	return pages, nil
}

// stopGrace is how long a Hugo build that has stopped on errors is given
// to return them.
const stopGrace = 10 * time.Second

// build runs h.Build and returns its error, also when Hugo does not.
//
// Hugo stops rendering once ten pages have failed (a broken template fails
// every page). In v0.165.0 its render loop can then block for ever: the
// loop that hands pages to the workers waits on a channel that the
// stopped workers no longer read (hugolib/site_render.go, renderPages).
// Hugo's Done channel says that it has stopped; a build still running
// stopGrace later is abandoned, blocked, with an error, rather than
// hanging the build, CI or the preview. The grace starts once the bodies
// reserved in bodies (nil for none) are given or failed: a page waiting
// for one holds Hugo up until then, through no fault of its own. An
// abandoned build is sealed first: it writes nothing more (sealingFs).
func build(h *hugolib.HugoSites, bodies *Bodies, sealed *atomic.Bool) error {
	done := make(chan error, 1)
	go func() { done <- h.Build(hugolib.BuildCfg{}) }()
	select {
	case err := <-done:
		return err
	case <-h.Done():
	}
	if bodies != nil {
		bodies.waitReserved()
	}
	select {
	case err := <-done:
		return err
	case <-time.After(stopGrace):
		sealed.Store(true)
		return errors.New("rendering stopped after ten pages failed, and Hugo did not say why " +
			"(a template that fails on every page is the usual cause: check the last template changed)")
	}
}

func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "\n  " + strings.ReplaceAll(s, "\n", "\n  ")
}
