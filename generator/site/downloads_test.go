package site_test

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"minhbach/generator/locale"
	"minhbach/generator/opendata"
)

// csvForm gives a cell of a JSON download as its CSV twin writes it, and
// whether its JSON type is the one a column of type typ calls for.
func csvForm(v any, typ string) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "", true // no data, in any column
	case string:
		return v, typ == "string"
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), typ == "number" || typ == "integer"
	case bool:
		return strconv.FormatBool(v), typ == "boolean"
	}
	return fmt.Sprint(v), false
}

// readRecords reads a CSV file whole.
func readRecords(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// readCSV reads a CSV file into one map a row, keyed by the header.
func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	recs := readRecords(t, path)
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

// TestDownloadRowsMatchPages checks every unit's latest signature rate in the
// download against the ranking the indicator page shows, in both languages:
// value, rank and unit.
func TestDownloadRowsMatchPages(t *testing.T) {
	dir := sampleSite(t)
	rows := readCSV(t, filepath.Join(dir, "data", "indicators", "signature_rate.csv"))
	for _, lang := range []string{"vi", "en"} {
		f := locale.MustNew(lang)
		page := "indicators/signature_rate/index.html"
		if lang == "en" {
			page = "en/" + page
		}
		html := readPage(t, dir, page)
		// A ranking row: rank, unit link, value.
		re := regexp.MustCompile(`<tr><td class="num">(\d+)</td><th scope="row"><a href="(?:/en)?/units/([a-z0-9-]+)/">[^<]*</a></th><td class="num">([^<]*)(?:</td>|<span class="obs-mark")`)
		shown := map[string][2]string{}
		for _, m := range re.FindAllStringSubmatch(html, -1) {
			shown[m[2]] = [2]string{m[1], m[3]}
		}
		checked := 0
		for _, r := range rows {
			// An Giang is the whole; Kiên Giang ended before 2025-Q3 and
			// is not one of An Giang's units.
			if r["period"] != "2025-Q3" || r["unit"] == "an-giang" || r["unit"] == "kien-giang" {
				continue
			}
			v, err := strconv.ParseFloat(r["value"], 64)
			if err != nil {
				t.Fatalf("%s: value %q", r["unit"], r["value"])
			}
			got, ok := shown[r["unit"]]
			if !ok {
				t.Errorf("%s: %s is not in the ranking", lang, r["unit"])
				continue
			}
			if want := f.Percent(v, 1); got[1] != want || got[0] != r["rank"] {
				t.Errorf("%s: %s: page shows rank %s value %s, download says rank %s value %s", lang, r["unit"], got[0], got[1], r["rank"], want)
			}
			checked++
		}
		// 102 communes, wards and special zones, and 6 departments ranked apart.
		if checked != 108 {
			t.Errorf("%s: checked %d units, want 108", lang, checked)
		}
	}
}

// TestDownloadsCSVAndJSONAgree checks that each JSON download holds the same
// table as its CSV twin: the column names as its first row, then the same
// rows, cell for cell, with text as strings, numbers and booleans as JSON
// literals and no data as null. It also checks that the observations
// download holds every input value.
func TestDownloadsCSVAndJSONAgree(t *testing.T) {
	dir := sampleSite(t)
	types := map[string]string{}
	for _, c := range opendata.DownloadColumns {
		types[c.Name] = c.Type
	}
	for _, name := range []string{"indicators/signature_rate", "indicators/docs_incoming", "units/go-quao", "units/an-giang"} {
		recs := readRecords(t, filepath.Join(dir, "data", name+".csv"))
		b, err := os.ReadFile(filepath.Join(dir, "data", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var rows [][]any
		if err := json.Unmarshal(b, &rows); err != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		if len(rows) != len(recs) || len(recs) < 2 {
			t.Fatalf("%s: %d JSON rows, %d CSV rows", name, len(rows), len(recs))
		}
		for i, rec := range recs {
			if len(rows[i]) != len(rec) {
				t.Fatalf("%s.json row %d has %d cells, the CSV %d", name, i+1, len(rows[i]), len(rec))
			}
			for j, cell := range rec {
				typ := "string" // of the header
				if t, ok := types[recs[0][j]]; i > 0 && ok {
					typ = t // else a dimension column (level, sector): text
				}
				if got, ok := csvForm(rows[i][j], typ); got != cell || !ok {
					t.Fatalf("%s row %d column %s: JSON %#v, CSV %q, column type %s", name, i+1, recs[0][j], rows[i][j], cell, typ)
				}
			}
		}
	}
	obs := readCSV(t, filepath.Join(dir, "data", "observations.csv"))
	if len(obs) < 9000 {
		t.Errorf("observations.csv has %d rows", len(obs))
	}
	first := obs[0]
	if first["period"] == "" || first["unit"] == "" || first["measure"] == "" || first["value"] == "" {
		t.Errorf("first observation row: %v", first)
	}
}
