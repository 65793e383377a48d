package dataset

import (
	"path/filepath"
	"time"

	"minhbach/generator/geomap"

	"minhbach/generator/dataset/cells"
	"minhbach/generator/dataset/finding"
	"minhbach/generator/dataset/input"
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
	// exported is site.toml's export date; a period that begins more than
	// a year after it is an error (a typing slip such as 2052 for 2025).
	exported time.Time
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
// beside it when there is one (see foreign.Mapping). When the data has errors it
// returns an *InvalidError listing them, in a stable order: by file, line
// and column. The warnings and notes of a good load are in Dataset.Findings.
func Load(dir string, opts ...Option) (*Dataset, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	cfg.dir = dir
	c := finding.NewCollector(cfg.maxFindings)
	// The catalogue first: it declares the levels that units belong to.
	cat := readCatalogue(filepath.Join(dir, CatalogueFile), cfg, c)
	units := readUnits(filepath.Join(dir, UnitsFile), cfg, &cat, c)
	// Exports are read against the units and the catalogue: with errors
	// in those, every row would be one more error.
	reference := c.Errors() == 0
	meta := readMeta(filepath.Join(dir, MetaFile), cfg, c)
	if meta.Checks.JumpPoints > 0 {
		cfg.jumpPoints = meta.Checks.JumpPoints
	}
	cfg.exported, _ = time.Parse("2006-01-02", meta.Exported)
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
	for _, ex := range input.Exports(filepath.Join(dir, ExportsDir), c) {
		er.read(ex.CSV, ex.Mapping)
	}
	obs, bd := er.finish(), er.cells.List()
	atlas := geomap.Read(dir, cat.Levels, mapUnits(units), cfg.maxFileSize, c)
	totals, fromCells := obs.list, map[cells.Key]bool(nil)
	if len(bd) > 0 { // the totals and margins that follow from the cells
		totals, bd, fromCells = er.cells.Complete(obs.list, cellRules(&cat, units, cfg.tolerance))
	}
	checkObservations(&cat, units, obs, bd, fromCells, cfg, c)
	found, tally := c.Result()
	if tally.Errors > 0 {
		return nil, &InvalidError{Findings: found, Tally: tally}
	}
	return &Dataset{Units: units, Catalogue: cat, Observations: totals, Breakdowns: bd, Meta: meta, Findings: found, Tally: tally, Atlas: atlas}, nil
}

// mapUnits are the units as geomap.Read matches them to shapes.
func mapUnits(units []Unit) []geomap.Unit {
	out := make([]geomap.Unit, len(units))
	for i, u := range units {
		out[i] = geomap.Unit{Code: u.Code, Geocode: u.Geocode, Parent: u.Parent, Level: u.Type, Ended: !u.ValidTo.IsZero()}
	}
	return out
}
