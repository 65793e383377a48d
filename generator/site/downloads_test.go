package site_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"minhbach/generator/locale"
)

func readCSV(t *testing.T, path string) []map[string]string {
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
		re := regexp.MustCompile(`<tr><td class=num>(\d+)</td><th scope=row><a href=(?:/en)?/units/([a-z0-9-]+)/>[^<]*</a></th><td class=num>([^<]*)</td>`)
		shown := map[string][2]string{}
		for _, m := range re.FindAllStringSubmatch(html, -1) {
			shown[m[2]] = [2]string{m[1], m[3]}
		}
		checked := 0
		for _, r := range rows {
			if r["period"] != "2025-Q3" || r["unit"] == "an-giang" {
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
		if checked != 102 {
			t.Errorf("%s: checked %d units, want 102", lang, checked)
		}
	}
}

// TestDownloadsCSVAndJSONAgree checks that each JSON download holds the same
// rows as its CSV twin, and that the observations download holds every input value.
func TestDownloadsCSVAndJSONAgree(t *testing.T) {
	dir := sampleSite(t)
	for _, name := range []string{"indicators/signature_rate", "indicators/docs_incoming", "units/go-quao", "units/an-giang"} {
		rows := readCSV(t, filepath.Join(dir, "data", name+".csv"))
		b, err := os.ReadFile(filepath.Join(dir, "data", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var objs []map[string]any
		if err := json.Unmarshal(b, &objs); err != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		if len(objs) != len(rows) || len(rows) == 0 {
			t.Fatalf("%s: %d JSON rows, %d CSV rows", name, len(objs), len(rows))
		}
		for i, r := range rows {
			for k, cell := range r {
				var got string
				switch v := objs[i][k].(type) {
				case nil:
				case string:
					got = v
				case float64:
					got = strconv.FormatFloat(v, 'f', -1, 64)
				case bool:
					got = strconv.FormatBool(v)
				}
				if got != cell {
					t.Fatalf("%s row %d column %s: JSON %v, CSV %q", name, i+1, k, objs[i][k], cell)
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
