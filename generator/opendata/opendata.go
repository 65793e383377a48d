// Package opendata writes the site's open data: every computed table as
// CSV and JSON, the validated input as CSV (downloads.go), a Frictionless
// Data Package descriptor (/datapackage.json) that describes every
// download with the Table Schema it follows, and a change log between
// exports (/data/changes.json).
//
// It needs the dataset and the computed indicators, and nothing of the
// pages: the site lists what [Write] wrote on its open-data page.
package opendata

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"minhbach/generator/breakdown"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/indmeta"
	"minhbach/generator/indicator"
	"minhbach/generator/period"
)

// Catalogue is what the open-data page lists: every download written, and
// the change log, newest export first.
type Catalogue struct {
	Files   []File
	Changes []Change
}

// Write writes the downloads, the change log against the site published
// in out, and the data package descriptor into staging, the folder about
// to be published. It stops, with ctx's error, when ctx is done.
func Write(ctx context.Context, ds *dataset.Dataset, res *indicator.Result, bd *breakdown.Set, out, staging string) (*Catalogue, error) {
	files, obs, err := writeDownloads(ctx, ds, res, bd, staging)
	if err != nil {
		return nil, fmt.Errorf("writing downloads: %w", err)
	}
	changes, err := changeLog(ds, obs, out)
	if err != nil {
		return nil, err
	}
	if err := writeChangeLog(changes, staging); err != nil {
		return nil, err
	}
	if err := writeDataPackage(ds, files, staging); err != nil {
		return nil, err
	}
	return &Catalogue{Files: files, Changes: changes}, nil
}

// File is one published download.
type File struct {
	// Path is site-relative, e.g. "data/indicators/signature_rate.csv".
	Path  string
	Bytes int64
	// Columns names the column set, whose Table Schema the file follows:
	// "indicators" or "indicators-annotated" (with the attribute columns)
	// for an indicator's or unit's table, "observations", "annotations".
	Columns string
	// Title says what the file holds.
	Title dataset.Text
	// Metadata is the indicator's, for an indicator's table; nil otherwise.
	Metadata *indmeta.Metadata
}

// Change is what one export changed, as the change log keeps it.
type Change struct {
	// Exported is the export's date (site.toml), "" when not given.
	Exported string `json:"exported"`
	// Initial marks the first publication.
	Initial    bool     `json:"initial,omitempty"`
	NewPeriods []string `json:"new_periods"`
	Added      int      `json:"added"`
	Removed    int      `json:"removed"`
	// RevisedCount counts the revised figures; Revised lists the first
	// maxRevisionsListed of them.
	RevisedCount int        `json:"revised_count"`
	Revised      []Revision `json:"revised"`
}

// Revision is a figure an export changed.
type Revision struct {
	Period  string `json:"period"`
	Unit    string `json:"unit"`
	Measure string `json:"measure"`
	Old     string `json:"old"`
	New     string `json:"new"`
}

// maxRevisionsListed bounds the revisions the change log lists per export.
// Added, Removed and RevisedCount stay exact counts.
const maxRevisionsListed = 200

// changeLog returns the change log: the one published in out, with an
// entry in front for what this export changed against the observations
// published there, when it changed anything. Rebuilding the same data
// therefore adds nothing, and the output stays byte-identical.
func changeLog(ds *dataset.Dataset, now *observationsFile, out string) ([]Change, error) {
	var log []Change
	logPath := filepath.Join(out, "data", "changes.json")
	// Only a log that is not there is no log: one that cannot be read
	// fails the build rather than being replaced by a first entry.
	if b, err := os.ReadFile(logPath); err == nil {
		if err := json.Unmarshal(b, &log); err != nil {
			return nil, fmt.Errorf("the published change log %s: %w", logPath, err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading the published change log: %w", err)
	}
	entry := Change{Exported: ds.Meta.Exported, NewPeriods: []string{}, Revised: []Revision{}}
	prevPath := filepath.Join(out, "data", "observations.csv")
	before, err := os.ReadFile(prevPath)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(log) == 0) {
		entry.Initial = true
		entry.Added = now.rows
		entry.NewPeriods = append(entry.NewPeriods, now.periods...)
		return []Change{entry}, nil
	}
	if err != nil {
		return nil, err
	}
	d, err := diffObservations(before, now.data, prevPath)
	if errors.Is(err, errOtherHeader) {
		// Published by a version with other columns: this export starts
		// the comparisons afresh, in front of the history so far.
		entry.Initial = true
		entry.Added = now.rows
		entry.NewPeriods = append(entry.NewPeriods, now.periods...)
		return append([]Change{entry}, log...), nil
	}
	if err != nil {
		return nil, err
	}
	if d.added == 0 && d.removed == 0 && len(d.revised) == 0 {
		return log, nil
	}
	entry.Added, entry.Removed, entry.RevisedCount = d.added, d.removed, len(d.revised)
	entry.NewPeriods = append(entry.NewPeriods, d.newPeriods...)
	entry.Revised = append(entry.Revised, d.revised...)
	slices.SortFunc(entry.Revised, func(a, b Revision) int {
		return cmp.Or(strings.Compare(a.Period, b.Period), strings.Compare(a.Unit, b.Unit), strings.Compare(a.Measure, b.Measure))
	})
	return append([]Change{entry}, log...), nil
}

// observationDiff is what changed between two observations.csv files.
type observationDiff struct {
	added, removed int
	revised        []Revision
	// newPeriods are the periods of the new file that the old one lacks,
	// sorted as text.
	newPeriods []string
}

// errUnsorted reports an old observations file whose rows are not in the
// order the merge needs.
var errUnsorted = errors.New("rows out of order")

// diffObservations compares the published observations.csv, old (read from
// name), with the one about to be published, now.
//
// Identical files (a rebuild) are found by one comparison of their bytes.
// Otherwise the two files are merged row by row, as sorted lists are: now
// is in the dataset's order (by measure, unit and period; see
// writeObservations), and so is old when this program wrote it. A row the
// same in both is passed over by comparing its bytes; only rows that differ
// are split into cells. Should old turn out not to be in that order, it is
// sorted first.
func diffObservations(old, now []byte, name string) (observationDiff, error) {
	if bytes.Equal(old, now) {
		return observationDiff{}, nil
	}
	head, _, _ := bytes.Cut(now, []byte{'\n'})
	m := &obsMerge{name: name, periods: map[string]period.Period{}, want: string(head), cols: bytes.Count(head, []byte{','}) + 1}
	d, err := m.merge(newObsCursor(old, nil), newObsCursor(now, nil))
	if !errors.Is(err, errUnsorted) {
		return d, err
	}
	sorted, lines, err := m.sortLines(old)
	if err != nil {
		return observationDiff{}, err
	}
	return m.merge(newObsCursor(sorted, lines), newObsCursor(now, nil))
}

// obsMerge compares the rows of two observations files.
type obsMerge struct {
	// name is the old file's path, for messages.
	name string
	// periods caches the periods parsed from their text.
	periods map[string]period.Period
	// want is the header of the file now written, cols its number of
	// columns: four, and one for each dimension.
	want string
	cols int
}

// merge walks old and now side by side and returns what changed. It returns
// errUnsorted when old is not in order. Each row of old is either paired
// with the row of now that has its key, or removed. Two consecutive paired
// rows of old are in order, since the rows of now they pair with are; so
// the order of old needs checking only beside its removed rows.
func (m *obsMerge) merge(old, now *obsCursor) (observationDiff, error) {
	var d observationDiff
	if err := m.header(old); err != nil {
		return d, err
	}
	now.next() // the header, which writeObservations wrote
	oldPeriods, addedPeriods := map[string]bool{}, map[string]bool{}
	var prev []byte // the previous row of old
	prevLine, prevRemoved := 0, false
	hasOld, hasNow := old.next(), now.next()
	for hasOld || hasNow {
		if hasOld && hasNow && bytes.Equal(old.row, now.row) {
			p, _, _ := bytes.Cut(old.row, []byte{','})
			note(oldPeriods, p)
			prev, prevLine, prevRemoved = old.row, old.line, false
			hasOld, hasNow = old.next(), now.next()
			continue
		}
		var a, b obsKey
		var err error
		if hasOld {
			if a, err = m.key(old); err != nil {
				return d, err
			}
		}
		if hasNow {
			if b, err = m.key(now); err != nil {
				return d, err
			}
		}
		order := 0 // of old's row against now's
		switch {
		case !hasNow:
			order = -1
		case !hasOld:
			order = 1
		default:
			order = a.compare(b)
		}
		if order <= 0 { // a row of old is passed
			if prev != nil && (order < 0 || prevRemoved) {
				p, err := m.keyOf(prev, prevLine)
				if err != nil {
					return d, err
				}
				if p.compare(a) >= 0 {
					return d, errUnsorted
				}
			}
			prev, prevLine, prevRemoved = old.row, old.line, order < 0
			note(oldPeriods, a.period)
		}
		switch {
		case order < 0:
			d.removed++
			hasOld = old.next()
		case order > 0:
			d.added++
			note(addedPeriods, b.period)
			hasNow = now.next()
		default:
			d.revised = append(d.revised, Revision{Period: string(a.period), Unit: string(a.unit),
				Measure: strings.TrimRight(string(a.measure), ","), Old: string(a.value), New: string(b.value)})
			hasOld, hasNow = old.next(), now.next()
		}
	}
	for p := range addedPeriods {
		if !oldPeriods[p] {
			d.newPeriods = append(d.newPeriods, p)
		}
	}
	slices.Sort(d.newPeriods)
	return d, nil
}

// note adds p to set; the lookup first spares a copy of p when it is there.
func note(set map[string]bool, p []byte) {
	if !set[string(p)] {
		set[string(p)] = true
	}
}

// errOtherHeader says that the published observations have another
// header than this program writes: they come from an older version with
// other columns, and cannot be compared row by row.
var errOtherHeader = errors.New("another header")

// header checks the header of the old file.
func (m *obsMerge) header(old *obsCursor) error {
	if !old.next() || string(old.row) != m.want {
		return fmt.Errorf("%s:1: expected the header %q: %w", m.name, m.want, errOtherHeader)
	}
	return nil
}

// obsKey is a row of an observations file split into its cells.
type obsKey struct {
	measure, unit []byte
	p             period.Period
	period, value []byte
}

// compare orders keys as the dataset orders observations.
func (k obsKey) compare(o obsKey) int {
	return cmp.Or(bytes.Compare(k.measure, o.measure), bytes.Compare(k.unit, o.unit), period.Compare(k.p, o.p))
}

// key splits the current row of c.
func (m *obsMerge) key(c *obsCursor) (obsKey, error) { return m.keyOf(c.row, c.line) }

// keyOf splits row, found on line, into its cells.
func (m *obsMerge) keyOf(row []byte, line int) (obsKey, error) {
	var k obsKey
	cells := bytes.Split(row, []byte{','})
	if len(cells) != m.cols || bytes.IndexByte(row, '"') >= 0 {
		return k, fmt.Errorf("%s:%d: expected %s (found %q)", m.name, line, m.want, row)
	}
	// The measure's key is the measure and its breakdown cell, the
	// dimension columns between measure and value.
	k.period, k.unit, k.measure, k.value = cells[0], cells[1], row[len(cells[0])+len(cells[1])+2:len(row)-len(cells[m.cols-1])-1], cells[m.cols-1]
	p, ok := m.periods[string(k.period)]
	if !ok {
		var err error
		if p, err = period.Parse(string(k.period)); err != nil {
			return k, fmt.Errorf("%s:%d: %w", m.name, line, err)
		}
		m.periods[string(k.period)] = p
	}
	k.p = p
	return k, nil
}

// sortLines returns the rows of the old file data sorted by key, after its
// header, and the line each row was on, for messages. Two rows with the
// same key are an error.
func (m *obsMerge) sortLines(data []byte) ([]byte, []int, error) {
	type row struct {
		key  obsKey
		text []byte
		line int
	}
	c := newObsCursor(data, nil)
	if err := m.header(c); err != nil {
		return nil, nil, err
	}
	sorted := append([]byte(nil), data[:c.headerEnd]...)
	lines := []int{c.line}
	var rows []row
	for c.next() {
		k, err := m.key(c)
		if err != nil {
			return nil, nil, err
		}
		rows = append(rows, row{k, c.row, c.line})
	}
	slices.SortStableFunc(rows, func(a, b row) int { return a.key.compare(b.key) })
	for i, r := range rows {
		if i > 0 && r.key.compare(rows[i-1].key) == 0 {
			return nil, nil, fmt.Errorf("%s:%d: %s for %s in %s is given twice; first on line %d",
				m.name, r.line, r.key.measure, r.key.unit, r.key.period, rows[i-1].line)
		}
		sorted = append(append(sorted, r.text...), '\n')
		lines = append(lines, r.line)
	}
	return sorted, lines, nil
}

// obsCursor walks the rows of an observations file, one line at a time.
// Blank lines are passed over, and a line may end in CR LF.
type obsCursor struct {
	data []byte
	// at is where the next line starts; headerEnd where the first row does.
	at, headerEnd int
	// row is the current line, without its end; line is its number, from 1.
	row  []byte
	line int
	// lines, when data was sorted, gives the line each row was on before.
	lines []int
	read  int
}

func newObsCursor(data []byte, lines []int) *obsCursor {
	return &obsCursor{data: data, lines: lines}
}

// next moves to the next non-blank line and reports whether there is one.
func (c *obsCursor) next() bool {
	for c.at < len(c.data) {
		rest := c.data[c.at:]
		end := bytes.IndexByte(rest, '\n')
		if end < 0 {
			end = len(rest)
		}
		c.row = bytes.TrimSuffix(rest[:end], []byte{'\r'})
		c.at += min(end+1, len(rest))
		c.read++
		c.line = c.read
		if c.lines != nil {
			c.line = c.lines[c.read-1]
		}
		if len(c.row) > 0 {
			if c.headerEnd == 0 {
				c.headerEnd = c.at
			}
			return true
		}
	}
	c.row = nil
	return false
}

// writeChangeLog writes the change log, listing at most maxRevisionsListed
// revisions of each export.
func writeChangeLog(log []Change, staging string) error {
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
		Name      string `json:"name"`
		Path      string `json:"path"`
		Title     string `json:"title"`
		Profile   string `json:"profile"`
		Format    string `json:"format"`
		MediaType string `json:"mediatype"`
		Encoding  string `json:"encoding"`
		Bytes     int64  `json:"bytes"`
		// Schema is the path of the resource's Table Schema: the thousands
		// of tables of a national site share two.
		Schema string `json:"schema"`
		// Metadata is the indicator's metadata, on its tables.
		Metadata *dpMetadata `json:"metadata,omitempty"`
	}
	dpSchema struct {
		Fields        []dpField `json:"fields"`
		MissingValues []string  `json:"missingValues"`
		PrimaryKey    []string  `json:"primaryKey"`
	}
	dpField struct {
		Name        string         `json:"name"`
		Type        string         `json:"type"`
		Description string         `json:"description"`
		Constraints *dpConstraints `json:"constraints,omitempty"`
	}
	// dpConstraints lists the values a dimension column takes.
	dpConstraints struct {
		Enum []string `json:"enum"`
	}
)

// schemaPath is where the Table Schema of a column set is published.
func schemaPath(columns string) string { return "data/schemas/" + columns + ".json" }

// LicenceURL gives the text of the licences the site is likely to name.
func LicenceURL(name string) string {
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

// writeDataPackage writes /datapackage.json, which describes every
// download, CSV and JSON, and the Table Schemas the downloads share: those
// of the column sets some download has.
func writeDataPackage(ds *dataset.Dataset, files []File, staging string) error {
	schemas := []struct {
		columns string
		cols    []struct{ Name, Type, VI, EN string }
		header  []string
		key     []string
	}{
		{plainColumns, DownloadColumns, DownloadHeader(ds, false), downloadKey},
		{annotatedColumns, DownloadColumns, DownloadHeader(ds, true), downloadKey},
		{"observations", ObservationColumns, ObservationHeader(ds), observationKey},
		{"annotations", AnnotationColumns, columnNames(AnnotationColumns), observationKey},
	}
	used := map[string]bool{}
	for _, f := range files {
		used[f.Columns] = true
	}
	for _, s := range schemas {
		if !used[s.columns] {
			continue
		}
		// The dimension columns are part of the key: a row is one cell.
		schema := dpSchema{MissingValues: []string{""}, PrimaryKey: s.key}
		for _, d := range dimensionIDs(ds) {
			if slices.Contains(s.header, d) {
				schema.PrimaryKey = append(schema.PrimaryKey, d)
			}
		}
		for _, name := range s.header {
			if d, ok := ds.Catalogue.Dimension(name); ok {
				enum := &dpConstraints{}
				for _, v := range d.Values {
					enum.Enum = append(enum.Enum, v.ID)
				}
				schema.Fields = append(schema.Fields, dpField{Name: d.ID, Type: "string", Constraints: enum,
					Description: "Breakdown by " + d.Name.EN + " (empty: the total over it)"})
				continue
			}
			for _, c := range s.cols {
				if c.Name == name {
					schema.Fields = append(schema.Fields, dpField{Name: c.Name, Type: c.Type, Description: c.EN})
				}
			}
		}
		if err := writeJSONFile(filepath.Join(staging, filepath.FromSlash(schemaPath(s.columns))), schema); err != nil {
			return err
		}
	}
	dp := dataPackage{
		Profile:  "tabular-data-package",
		Name:     "minh-bach",
		Title:    ds.Meta.Title.Get("en"),
		Created:  ds.Meta.Exported,
		Licenses: []dpLicense{{Name: ds.Meta.Licence, Path: LicenceURL(ds.Meta.Licence)}},
	}
	for _, f := range files {
		// The CSV of data/units/an-giang.csv is units-an-giang, its JSON twin
		// units-an-giang.json: unit codes and ids have no dot, so names
		// stay unique.
		base, format, _ := strings.Cut(strings.TrimPrefix(f.Path, "data/"), ".")
		name := strings.ReplaceAll(strings.ReplaceAll(base, "/", "-"), "_", "-")
		r := dpResource{Name: name, Path: f.Path, Title: f.Title.EN, Profile: "tabular-data-resource",
			Format: format, MediaType: "text/csv", Encoding: "utf-8", Bytes: f.Bytes, Schema: schemaPath(f.Columns),
			Metadata: newDPMetadata(f.Metadata)}
		if format == "json" {
			r.Name += ".json"
			r.MediaType = "application/json"
		}
		dp.Resources = append(dp.Resources, r)
	}
	return writeJSONFile(filepath.Join(staging, "datapackage.json"), dp)
}

// writeJSONFile writes v to path as indented JSON.
func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return writeFile(path, append(b, '\n'))
}
