package site

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
)

// The open-data catalogue: the list of downloads with their sizes, a
// Frictionless Data Package descriptor (/datapackage.json) that describes
// every CSV with its schema, and a change log between exports
// (/data/changes.json).

// downloadFile is one published download.
type downloadFile struct {
	// Path is site-relative, e.g. "data/indicators/signature_rate.csv".
	Path  string
	Bytes int64
	// Columns names the column set: "indicators" or "observations".
	Columns string
	// Title says what the file holds.
	Title dataset.Text
}

// changeEntry is what one export changed, as the change log keeps it.
type changeEntry struct {
	// Exported is the export's date (site.toml), "" when not given.
	Exported string `json:"exported"`
	// Initial marks the first publication.
	Initial    bool       `json:"initial,omitempty"`
	NewPeriods []string   `json:"new_periods"`
	Added      int        `json:"added"`
	Removed    int        `json:"removed"`
	Revised    []revision `json:"revised"`
}

// revision is a figure an export changed.
type revision struct {
	Period  string `json:"period"`
	Unit    string `json:"unit"`
	Measure string `json:"measure"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

// maxRevisionsListed bounds the revisions the change log lists per export;
// the counts stay exact.
const maxRevisionsListed = 200

// changeLog compares the observations about to be published with those of
// the site already published in out, and returns the change log: the
// published one, with an entry for this export in front when anything
// changed. Rebuilding the same data therefore adds nothing, and the output
// stays byte-identical.
func changeLog(ds *dataset.Dataset, out string) ([]changeEntry, error) {
	var log []changeEntry
	if b, err := os.ReadFile(filepath.Join(out, "data", "changes.json")); err == nil {
		if err := json.Unmarshal(b, &log); err != nil {
			return nil, fmt.Errorf("the published change log %s: %w", filepath.Join(out, "data", "changes.json"), err)
		}
	}
	type key struct{ period, unit, measure string }
	now := make(map[key]string, len(ds.Observations))
	periods := map[string]bool{}
	for _, o := range ds.Observations {
		now[key{o.Period.String(), o.Unit, o.Measure}] = formatRaw(o.Value)
		periods[o.Period.String()] = true
	}
	entry := changeEntry{Exported: ds.Meta.Exported, NewPeriods: []string{}, Revised: []revision{}}
	prevPath := filepath.Join(out, "data", "observations.csv")
	f, err := os.Open(prevPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(log) == 0) {
		if f != nil {
			f.Close()
		}
		entry.Initial = true
		entry.Added = len(now)
		for p := range periods {
			entry.NewPeriods = append(entry.NewPeriods, p)
		}
		slices.Sort(entry.NewPeriods)
		return []changeEntry{entry}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("the published observations %s: %w", prevPath, err)
	}
	before := make(map[key]string, len(recs))
	oldPeriods := map[string]bool{}
	for _, r := range recs[1:] {
		if len(r) != 4 {
			continue
		}
		before[key{r[0], r[1], r[2]}] = r[3]
		oldPeriods[r[0]] = true
	}
	for p := range periods {
		if !oldPeriods[p] {
			entry.NewPeriods = append(entry.NewPeriods, p)
		}
	}
	slices.Sort(entry.NewPeriods)
	for k, v := range now {
		old, ok := before[k]
		switch {
		case !ok:
			entry.Added++
		case old != v:
			entry.Revised = append(entry.Revised, revision{k.period, k.unit, k.measure, old, v})
		}
	}
	for k := range before {
		if _, ok := now[k]; !ok {
			entry.Removed++
		}
	}
	if entry.Added == 0 && entry.Removed == 0 && len(entry.Revised) == 0 {
		return log, nil
	}
	slices.SortFunc(entry.Revised, func(a, b revision) int {
		return strings.Compare(a.Period+"\x00"+a.Unit+"\x00"+a.Measure, b.Period+"\x00"+b.Unit+"\x00"+b.Measure)
	})
	return append([]changeEntry{entry}, log...), nil
}

// writeChangeLog writes the change log, listing at most maxRevisionsListed
// revisions of each export.
func writeChangeLog(log []changeEntry, staging string) error {
	for i := range log {
		if len(log[i].Revised) > maxRevisionsListed {
			log[i].Revised = log[i].Revised[:maxRevisionsListed]
		}
	}
	b, err := json.MarshalIndent(log, "", " ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(staging, "data", "changes.json"), append(b, '\n'))
}

// Frictionless Data Package types, as much of them as the site uses.
type (
	dataPackage struct {
		Profile   string       `json:"profile"`
		Name      string       `json:"name"`
		Title     string       `json:"title"`
		Licenses  []dpLicense  `json:"licenses"`
		Created   string       `json:"created,omitempty"`
		Resources []dpResource `json:"resources"`
	}
	dpLicense struct {
		Name  string `json:"name"`
		Path  string `json:"path,omitempty"`
		Title string `json:"title,omitempty"`
	}
	dpResource struct {
		Name      string   `json:"name"`
		Path      string   `json:"path"`
		Title     string   `json:"title"`
		Profile   string   `json:"profile"`
		Format    string   `json:"format"`
		MediaType string   `json:"mediatype"`
		Encoding  string   `json:"encoding"`
		Bytes     int64    `json:"bytes"`
		Schema    dpSchema `json:"schema"`
	}
	dpSchema struct {
		Fields        []dpField `json:"fields"`
		MissingValues []string  `json:"missingValues"`
	}
	dpField struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
	}
)

// licenceURL gives the text of the licences the site is likely to name.
func licenceURL(name string) string {
	switch name {
	case "CC-BY-4.0":
		return "https://creativecommons.org/licenses/by/4.0/"
	case "CC0-1.0":
		return "https://creativecommons.org/publicdomain/zero/1.0/"
	case "ODC-BY-1.0":
		return "https://opendatacommons.org/licenses/by/1-0/"
	}
	return ""
}

// writeDataPackage writes /datapackage.json for the CSV downloads.
func writeDataPackage(ds *dataset.Dataset, files []downloadFile, staging string) error {
	dp := dataPackage{
		Profile:  "tabular-data-package",
		Name:     "minh-bach",
		Title:    ds.Meta.Title.Get("en"),
		Created:  ds.Meta.Exported,
		Licenses: []dpLicense{{Name: ds.Meta.Licence, Path: licenceURL(ds.Meta.Licence)}},
	}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".csv") {
			continue
		}
		cols := DownloadColumns
		if f.Columns == "observations" {
			cols = ObservationColumns
		}
		var schema dpSchema
		for _, c := range cols {
			schema.Fields = append(schema.Fields, dpField{Name: c.Name, Type: c.Type, Description: c.EN})
		}
		schema.MissingValues = []string{""}
		name := strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(f.Path, "data/"), ".csv"), "/", "-")
		dp.Resources = append(dp.Resources, dpResource{
			Name: strings.ReplaceAll(name, "_", "-"), Path: f.Path, Title: f.Title.EN,
			Profile: "tabular-data-resource", Format: "csv", MediaType: "text/csv", Encoding: "utf-8",
			Bytes: f.Bytes, Schema: schema,
		})
	}
	b, err := json.MarshalIndent(dp, "", " ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(staging, "datapackage.json"), append(b, '\n'))
}

// openData is what the pages say about the downloads.
type openData struct {
	files   []downloadFile
	changes []changeEntry
}

// writeOpenData writes the downloads, the change log against the site
// published in out, and the data package descriptor into staging.
func writeOpenData(ds *dataset.Dataset, res *indicator.Result, out, staging string) (*openData, error) {
	files, err := writeDownloads(ds, res, staging)
	if err != nil {
		return nil, fmt.Errorf("writing downloads: %w", err)
	}
	changes, err := changeLog(ds, out)
	if err != nil {
		return nil, err
	}
	if err := writeChangeLog(changes, staging); err != nil {
		return nil, err
	}
	if err := writeDataPackage(ds, files, staging); err != nil {
		return nil, err
	}
	return &openData{files: files, changes: changes}, nil
}
