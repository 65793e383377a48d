package opendata

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/indmeta"
	"minhbach/generator/indicator"
	"minhbach/generator/mark"
	"minhbach/generator/period"
)

// TestStatusesNotesAndBoundsInDownloads publishes a survey whose 2024
// value is estimated, with a note (holding a comma and quotes), an interval
// and a sample size, and whose 2025 value the publisher marks missing: the
// indicator table carries them in its last columns, annotations.csv has
// both observations, observations.csv only the one with a value, and the
// data package carries the indicator's metadata.
func TestStatusesNotesAndBoundsInDownloads(t *testing.T) {
	ds := &dataset.Dataset{
		Units: []dataset.Unit{{Code: "p", Name: "P", Type: dataset.Province}, {Code: "c", Name: "C", Type: dataset.Commune, Parent: "p"}},
		Catalogue: dataset.Catalogue{
			Measures: []dataset.Measure{{ID: "satisfied", Name: dataset.Text{VI: "s", EN: "s"}, Kind: dataset.Percent, OverTime: dataset.None, AcrossUnits: dataset.None}},
			Indicators: []dataset.Indicator{{ID: "sat", Name: dataset.Text{VI: "s", EN: "s"}, Type: dataset.Rate, Measure: "satisfied", Direction: dataset.HigherIsBetter,
				Metadata: &indmeta.Metadata{Source: dataset.Text{VI: "Khảo sát", EN: "Survey"}, LastUpdate: "2025-10-10"}}},
		},
		Observations: []dataset.Observation{
			{Period: period.Y(2024), Unit: "p", Measure: "satisfied", Value: 82.5, Status: mark.Estimated,
				Detail: &mark.Detail{Note: `Small sample, "weighted"`, Lower: 78.9, Upper: 86.1, HasBounds: true, N: 400, HasN: true}},
			{Period: period.Y(2025), Unit: "c", Measure: "satisfied", Value: 70},
			{Period: period.Y(2025), Unit: "p", Measure: "satisfied", Status: mark.Missing},
		},
		Meta: dataset.Meta{Licence: "CC-BY-4.0"},
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	staging := t.TempDir()
	if _, err := Write(context.Background(), ds, res, nil, t.TempDir(), staging); err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(staging, "data/indicators/sat.csv"))
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	got := map[string]string{}
	for _, r := range rows[1:] {
		if r[col["unit"]] != "p" {
			continue
		}
		got[r[col["period"]]] = strings.Join([]string{r[col["value"]], r[col["status"]], r[col["note"]], r[col["lower"]], r[col["upper"]], r[col["n"]], r[col["change_unit"]], r[col["denominator"]]}, "|")
	}
	if want := `82.5|E|Small sample, "weighted"|78.9|86.1|400|pp|`; got["2024"] != want {
		t.Errorf("2024 row %q, want %q", got["2024"], want)
	}
	if want := `|M|||||pp|`; got["2025"] != want {
		t.Errorf("2025 row %q, want %q", got["2025"], want)
	}
	ann := readCSV(t, filepath.Join(staging, "data/annotations.csv"))
	if len(ann) != 3 || strings.Join(ann[1], "|") != `2024|p|satisfied|E|Small sample, "weighted"|78.9|86.1|400` || strings.Join(ann[2], "|") != "2025|p|satisfied|M||||" {
		t.Errorf("annotations.csv = %q", ann)
	}
	obs := readCSV(t, filepath.Join(staging, "data/observations.csv"))
	if len(obs) != 3 || strings.Join(obs[1], ",") != "2025,c,satisfied,70" || strings.Join(obs[2], ",") != "2024,p,satisfied,82.5" {
		t.Errorf("observations.csv = %q; want the value only", obs)
	}
	var dp struct {
		Resources []struct {
			Name     string
			Metadata *struct {
				Texts      map[string]dataset.Text
				LastUpdate string `json:"last_update"`
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(staging, "datapackage.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &dp); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range dp.Resources {
		if r.Name == "indicators-sat" {
			found = r.Metadata != nil && r.Metadata.Texts["source"].EN == "Survey" && r.Metadata.LastUpdate == "2025-10-10"
		}
	}
	if !found {
		t.Errorf("datapackage.json: indicators-sat carries no metadata: %s", b)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
