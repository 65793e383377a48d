package dataset

import (
	"io/fs"
	"path/filepath"
	"strings"

	"minhbach/generator/dataset/finding"
)

// The files of a data folder.
const (
	UnitsFile     = "units.csv"
	CatalogueFile = "catalogue.toml"
	MetaFile      = "site.toml"
	ExportsDir    = "exports"
)

// DefaultJumpPoints is how many percentage points a rate may move between
// consecutive periods before a warning asks whether the figure is right.
const DefaultJumpPoints = 20

// config holds the settings of a load; Options change them.
type config struct {
	// dir is the data folder; every input is a regular file inside it.
	dir         string
	maxFileSize int64
	maxField    int
	maxFindings int
	jumpPoints  float64
	tolerance   float64
}

func defaults() config {
	return config{
		maxFileSize: DefaultMaxFileSize,
		maxField:    DefaultMaxField,
		maxFindings: DefaultMaxFindings,
		jumpPoints:  DefaultJumpPoints,
		tolerance:   DefaultTotalTolerance,
	}
}

// Option changes how Load reads and checks the data.
type Option func(*config)

// WithMaxFileSize sets the largest file read, in bytes (DefaultMaxFileSize).
func WithMaxFileSize(bytes int64) Option { return func(c *config) { c.maxFileSize = bytes } }

// WithMaxField sets the longest field and line, in bytes (DefaultMaxField).
func WithMaxField(bytes int) Option { return func(c *config) { c.maxField = bytes } }

// WithMaxFindings sets how many findings of each severity are kept
// (DefaultMaxFindings); the rest are only counted. Zero keeps them all.
func WithMaxFindings(n int) Option { return func(c *config) { c.maxFindings = n } }

// WithJumpPoints sets how many percentage points a rate may move between
// consecutive periods without a warning (DefaultJumpPoints).
func WithJumpPoints(points float64) Option { return func(c *config) { c.jumpPoints = points } }

// WithTotalTolerance sets the relative difference allowed between a unit's
// reported total and the sum of its children (DefaultTotalTolerance).
func WithTotalTolerance(relative float64) Option { return func(c *config) { c.tolerance = relative } }

// Load reads and checks a data folder: units.csv, catalogue.toml, site.toml
// and every CSV file below exports/, each read through the mapping file
// beside it when there is one (see Mapping). When the data has errors it
// returns an *InvalidError listing them, in a stable order: by file, line
// and column. The warnings and notes of a good load are in Dataset.Findings.
func Load(dir string, opts ...Option) (*Dataset, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.dir = dir
	c := finding.NewCollector(cfg.maxFindings)
	units := readUnits(filepath.Join(dir, UnitsFile), cfg, c)
	cat := readCatalogue(filepath.Join(dir, CatalogueFile), cfg, c)
	// Exports are read against the units and the catalogue: with errors
	// in those, every row would be one more error.
	reference := c.Errors() == 0
	meta := readMeta(filepath.Join(dir, MetaFile), cfg, c)
	if meta.Checks.JumpPoints > 0 {
		cfg.jumpPoints = meta.Checks.JumpPoints
	}
	if meta.Checks.TotalTolerance > 0 {
		cfg.tolerance = meta.Checks.TotalTolerance
	}
	for _, o := range opts {
		o(&cfg) // options override site.toml
	}
	if !reference {
		c.Notef(Position{File: filepath.Join(dir, ExportsDir)}, "not-read",
			"the exports are not read until %s and %s have no errors", UnitsFile, CatalogueFile)
		found, tally := c.Result()
		return nil, &InvalidError{Findings: found, Tally: tally}
	}
	er := newExportReader(units, &cat, cfg, c)
	for _, ex := range exportFiles(filepath.Join(dir, ExportsDir), c) {
		er.read(ex.csv, ex.mapping)
	}
	obs := er.finish()
	checkObservations(&cat, units, obs, cfg, c)
	found, tally := c.Result()
	if tally.Errors > 0 {
		return nil, &InvalidError{Findings: found, Tally: tally}
	}
	return &Dataset{Units: units, Catalogue: cat, Observations: obs.list, Meta: meta, Findings: found, Tally: tally}, nil
}

// exportFile is an export and, when it has one, its mapping file.
type exportFile struct {
	csv, mapping string
}

// exportFiles lists the CSV files below dir in lexical order, each with the
// mapping file of the same name beside it (eoffice.csv, eoffice.toml). A
// mapping file without its export is an error.
func exportFiles(dir string, c *collector) []exportFile {
	var files []exportFile
	var mappings []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// Never followed nor read: a link could lead anywhere, a FIFO
			// or a device could hang the reading or never end.
			what, why := describeMode(d.Type()), ""
			if d.Type()&fs.ModeSymlink != 0 {
				what, why = "a symbolic link", " (links are not followed)"
			}
			c.Errorf(Position{File: path}, "input-file", "found %s; expected only regular files and folders below %s%s", what, dir, why)
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			files = append(files, exportFile{csv: path})
		case ".toml":
			mappings = append(mappings, path)
		}
		return nil
	})
	if err != nil {
		c.Errorf(Position{File: dir}, "io", "cannot read the exports: %v", err)
	}
	if len(files) == 0 && err == nil {
		c.Errorf(Position{File: dir}, "no-exports", "no CSV export found below the folder")
	}
	for _, m := range mappings {
		base := strings.TrimSuffix(m, filepath.Ext(m))
		found := false
		for i := range files {
			if strings.TrimSuffix(files[i].csv, filepath.Ext(files[i].csv)) == base {
				files[i].mapping, found = m, true
			}
		}
		if !found {
			c.Errorf(Position{File: m}, "mapping", "a mapping file without its export; expected %s beside it", filepath.Base(base)+".csv")
		}
	}
	return files
}
