package dataset

import (
	"cmp"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"minhbach/generator/period"
)

// The files of a data folder.
const (
	UnitsFile     = "units.csv"
	CatalogueFile = "catalogue.toml"
	MetaFile      = "site.toml"
	ExportsDir    = "exports"
)

// Load reads and checks a data folder: units.csv, catalogue.toml and every
// CSV file below exports/. When the data has errors it returns an
// *InvalidError listing all of them, in a stable order. Warnings of a good
// load are in Dataset.Findings.
func Load(dir string) (*Dataset, error) {
	c := &collector{}
	units := readUnits(filepath.Join(dir, UnitsFile), c)
	cat := readCatalogue(filepath.Join(dir, CatalogueFile), c)
	meta := readMeta(filepath.Join(dir, MetaFile), c)
	er := newExportReader(units, &cat, c)
	for _, path := range exportFiles(filepath.Join(dir, ExportsDir), c) {
		er.read(path)
	}
	sortObservations(er.obs)
	checkRates(&cat, er.obs, c)
	c.findings.Sort()
	if c.hasErrors() {
		return nil, &InvalidError{Findings: c.findings}
	}
	return &Dataset{Units: units, Catalogue: cat, Observations: er.obs, Meta: meta, Findings: c.findings}, nil
}

// exportFiles lists the CSV files below dir in lexical order.
func exportFiles(dir string, c *collector) []string {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(path), ".csv") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		c.errorf(Position{File: dir}, "io", "cannot read the exports: %v", err)
	}
	if len(paths) == 0 && err == nil {
		c.errorf(Position{File: dir}, "no-exports", "no CSV export found below the folder")
	}
	return paths
}

// sortObservations orders observations by measure, unit and period.
func sortObservations(obs []Observation) {
	slices.SortFunc(obs, func(a, b Observation) int {
		return cmp.Or(
			cmp.Compare(a.Measure, b.Measure),
			cmp.Compare(a.Unit, b.Unit),
			period.Compare(a.Period, b.Period),
		)
	})
}

// checkRates reports a rate's numerator above its denominator: more files
// received online than received is a broken export, not a 120% rate.
func checkRates(cat *Catalogue, obs []Observation, c *collector) {
	type key struct {
		p    period.Period
		unit string
	}
	byMeasure := map[string]map[key]*Observation{}
	index := func(measure string) map[key]*Observation {
		if m, ok := byMeasure[measure]; ok {
			return m
		}
		m := map[key]*Observation{}
		for i := range obs {
			if obs[i].Measure == measure {
				m[key{obs[i].Period, obs[i].Unit}] = &obs[i]
			}
		}
		byMeasure[measure] = m
		return m
	}
	for _, ind := range cat.Indicators {
		if ind.Type != Rate {
			continue
		}
		dens := index(ind.Denominator)
		for k, num := range index(ind.Numerator) {
			den, ok := dens[k]
			if ok && num.Value > den.Value {
				c.errorf(num.Source, "rate-above-denominator",
					"%s is %g for %s in %s, above %s (%g at %s); expected at most the denominator",
					ind.Numerator, num.Value, k.unit, k.p, ind.Denominator, den.Value, den.Source.short())
			}
		}
	}
}
