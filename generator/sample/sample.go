// Package sample writes the sample dataset that Minh Bạch ships, so that the
// site builds out of the box: units.csv and quarterly exports of e-office,
// public-service portal and network-inventory figures.
//
// The figures are invented but plausible, and calibrated: where a province
// has published figures (An Giang, first quarter of 2025), the sums over its
// communes, wards and special zones equal them exactly. A Profile describes
// what to generate; Generate computes a Sample from it; Write writes a Sample
// in the canonical export format. WriteAnGiang does all three for the
// shipped sample.
package sample

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// Sample is a generated dataset: its units and its figures, quarter by quarter.
type Sample struct {
	// Units are written to units.csv in this order: parents before their children.
	Units    []dataset.Unit
	Quarters []Quarter
	// Survey is the yearly satisfaction survey (see SurveyFigures).
	Survey []SurveyFigures
}

// Quarter holds the figures of one quarter.
type Quarter struct {
	Period period.Period
	// Units are the commune-level units' figures, one per unit, in units.csv order.
	Units []Figures
	// Provinces are the figures provinces report for themselves.
	Provinces []ProvinceFigures
	// Departments are the departments' e-office figures (see DepartmentFigures).
	Departments []DepartmentFigures
	// Merged are the own totals of the provinces the province took in,
	// while they existed (see MergedProfile).
	Merged []Figures
}

// Figures are one commune-level unit's figures for one quarter. Flows
// (documents, files) count what happened in the quarter; stocks (accounts,
// users, points, subscribers) and speeds are values at its end.
type Figures struct {
	Unit string

	DocsIncoming       int
	DocsOutgoing       int
	DocsOutgoingSigned int
	EOfficeAccounts    int
	EOfficeMobileUsers int

	FilesReceived       int
	FilesReceivedOnline int
	FilesDigitized      int
	FilesResolved       int
	FilesResolvedOnTime int

	VideoPoints          int
	BroadbandSubscribers int
	BroadbandMbps        float64
}

// ProvinceFigures are what a province reports for itself rather than as a
// sum of its units: its published broadband speed.
type ProvinceFigures struct {
	Unit          string
	BroadbandMbps float64
}

// WriteAnGiang generates the An Giang sample and writes units.csv and
// exports/<yyyy>-q<n>/{eoffice,portal,network,services}.csv under dir.
func WriteAnGiang(dir string) error {
	p, err := AnGiang()
	if err != nil {
		return err
	}
	s, err := Generate(p)
	if err != nil {
		return err
	}
	if err := Write(dir, s); err != nil {
		return err
	}
	return writeServices(dir, s, p.Seed)
}

// Write writes s under dir: dir/units.csv and, per quarter,
// dir/exports/<yyyy>-q<n>/eoffice.csv (wide form), portal.csv (wide form)
// and network.csv (long form), and eoffice-departments.csv (wide form) when
// the sample has departments, and <province>.csv for each province the
// province took in, while it existed. Each file is written whole to a temporary file
// and renamed into place, so readers never see half a file. Nothing else in
// dir is touched.
func Write(dir string, s *Sample) error {
	if err := writeCSV(filepath.Join(dir, "units.csv"), unitRecords(s.Units)); err != nil {
		return err
	}
	for i := range s.Quarters {
		q := &s.Quarters[i]
		qdir := filepath.Join(dir, "exports", q.Period.Slug())
		if err := os.MkdirAll(qdir, 0o755); err != nil {
			return fmt.Errorf("sample exports for %v: %w", q.Period, err)
		}
		files := []struct {
			name    string
			records [][]string
		}{
			{"eoffice.csv", eofficeRecords(q)},
			{"portal.csv", portalRecords(q)},
			{"network.csv", networkRecords(q)},
		}
		if len(q.Departments) > 0 {
			files = append(files, struct {
				name    string
				records [][]string
			}{"eoffice-departments.csv", departmentRecords(q)})
		}
		if recs := breakRecords(q); len(recs) > 1 {
			files = append(files, struct {
				name    string
				records [][]string
			}{"eoffice-departments-break.csv", recs})
		}
		for _, m := range q.Merged {
			files = append(files, struct {
				name    string
				records [][]string
			}{m.Unit + ".csv", mergedRecords(q, m)})
		}
		for _, f := range files {
			if err := writeCSV(filepath.Join(qdir, f.name), f.records); err != nil {
				return err
			}
		}
	}
	if len(s.Survey) > 0 {
		dir := filepath.Join(dir, "exports", "surveys")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("sample survey: %w", err)
		}
		return writeCSV(filepath.Join(dir, "satisfaction.csv"), surveyRecords(s.Survey))
	}
	return nil
}

// unitRecords is units.csv: code,name,type,parent, and valid_to,successor
// when a unit ended.
func unitRecords(units []dataset.Unit) [][]string {
	recs := [][]string{{"code", "name", "type", "parent"}}
	ended := slices.ContainsFunc(units, func(u dataset.Unit) bool { return u.Successor != "" })
	if ended {
		recs[0] = append(recs[0], "valid_to", "successor")
	}
	for _, u := range units {
		rec := []string{u.Code, u.Name, string(u.Type), u.Parent}
		if ended {
			to := ""
			if !u.ValidTo.IsZero() {
				to = u.ValidTo.String()
			}
			rec = append(rec, to, u.Successor)
		}
		recs = append(recs, rec)
	}
	return recs
}

// eofficeRecords is the e-office export in wide form.
func eofficeRecords(q *Quarter) [][]string {
	recs := [][]string{{"period", "unit", "docs_incoming", "docs_outgoing", "docs_outgoing_signed", "eoffice_accounts", "eoffice_mobile_users"}}
	for _, f := range q.Units {
		recs = append(recs, []string{q.Period.String(), f.Unit,
			count(f.DocsIncoming), count(f.DocsOutgoing), count(f.DocsOutgoingSigned),
			count(f.EOfficeAccounts), count(f.EOfficeMobileUsers)})
	}
	return recs
}

// portalRecords is the public-service portal export in wide form.
func portalRecords(q *Quarter) [][]string {
	recs := [][]string{{"period", "unit", "files_received", "files_received_online", "files_digitized", "files_resolved", "files_resolved_on_time"}}
	for _, f := range q.Units {
		recs = append(recs, []string{q.Period.String(), f.Unit,
			count(f.FilesReceived), count(f.FilesReceivedOnline), count(f.FilesDigitized),
			count(f.FilesResolved), count(f.FilesResolvedOnTime)})
	}
	return recs
}

// networkRecords is the network inventory export in long form: the
// provinces' own rows first, then three rows per commune-level unit.
func networkRecords(q *Quarter) [][]string {
	p := q.Period.String()
	recs := [][]string{{"period", "unit", "measure", "value"}}
	for _, f := range q.Provinces {
		recs = append(recs, []string{p, f.Unit, "broadband_mbps", amount(f.BroadbandMbps)})
	}
	for _, f := range q.Units {
		recs = append(recs,
			[]string{p, f.Unit, "video_points", count(f.VideoPoints)},
			[]string{p, f.Unit, "broadband_subscribers", count(f.BroadbandSubscribers)},
			[]string{p, f.Unit, "broadband_mbps", amount(f.BroadbandMbps)})
	}
	return recs
}

// count writes a count canonically: 1234.
func count(n int) string { return strconv.Itoa(n) }

// amount writes an amount canonically, in as few digits as it takes: 65.3, 70.
func amount(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// writeCSV writes records to path as UTF-8 CSV with LF line ends, atomically.
func writeCSV(path string, records [][]string) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(records); err != nil {
		return fmt.Errorf("sample %s: %w", path, err)
	}
	return writeFileAtomic(path, buf.Bytes())
}

// writeFileAtomic writes data to a temporary file beside path and renames it
// to path, so that path holds either its old content or all of data.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("sample %s: %w", path, err)
	}
	_, err = tmp.Write(data)
	if closeErr := tmp.Close(); err == nil {
		err = closeErr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("sample %s: %w", path, err)
	}
	return nil
}
