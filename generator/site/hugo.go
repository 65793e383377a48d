package site

import (
	"bytes"
	"fmt"
	"strings"

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
// in this process. Hugo's working directory is workingDir: js.Build resolves
// node_modules there. Hugo's own log is returned in the error when the
// build fails, and warnings fail the build too, so that a template mistake
// never publishes a half-rendered site.
//
// hugolib is used rather than commands.Execute: it needs no command-line
// parsing or global flags, returns errors instead of printing them, and lets
// the generator hand Hugo its configuration directly.
func runHugo(workingDir, configFile, publishDir string) (pages int, err error) {
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
	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs: configs, Fs: fs, LogLevel: logger.Level(), StdErr: &logBuf, StdOut: &logBuf,
	})
	if err != nil {
		return 0, fmt.Errorf("hugo: %w", err)
	}
	if err := h.Build(hugolib.BuildCfg{}); err != nil {
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

func indent(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return "\n  " + strings.ReplaceAll(s, "\n", "\n  ")
}
