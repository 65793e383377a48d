package site

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// runHugo builds the Hugo project described by configFile into publishDir,
// in this process. The HTML files it publishes get their page bodies from
// bodies (see splice.go); bodies may be nil when no page has a marker. Hugo's working directory is workingDir: js.Build resolves
// node_modules there. Hugo's own log is returned in the error when the
// build fails, and warnings fail the build too, so that a template mistake
// never publishes a half-rendered site.
//
// hugolib is used rather than commands.Execute: it needs no command-line
// parsing or global flags, returns errors instead of printing them, and lets
// the generator hand Hugo its configuration directly.
func runHugo(workingDir, configFile, publishDir string, bodies *bodyStore) (pages int, err error) {
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
	if bodies != nil {
		fs.PublishDir = splicingFs{Fs: fs.PublishDir, bodies: bodies}
	}
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs: configs, Fs: fs, LogLevel: logger.Level(), StdErr: &logBuf, StdOut: &logBuf,
	})
	if err != nil {
		return 0, fmt.Errorf("hugo: %w", err)
	}
	if err := build(h, bodies); err != nil {
		return 0, fmt.Errorf("hugo: %w%s", err, indent(logBuf.String()))
	}
	if logger.LoggCount(logg.LevelWarn) > 0 || logger.LoggCount(logg.LevelError) > 0 {
		return 0, fmt.Errorf("hugo reported problems:%s", indent(logBuf.String()))
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
// for one holds Hugo up until then, through no fault of its own.
func build(h *hugolib.HugoSites, bodies *bodyStore) error {
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
