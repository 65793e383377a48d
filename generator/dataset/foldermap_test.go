package dataset

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// TestFolderMapping loads testdata/national: a national statistics office's
// yearly tables read as they come through one mapping.toml for their folder
// (units by geocode, in the first non-empty of two columns, the country's
// row by default), and a folder whose files are matched by name through
// the units' aliases, one of them with a mapping of its own.
func TestFolderMapping(t *testing.T) {
	dir := filepath.Join("testdata", "national")
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, o := range d.Observations {
		got[fmt.Sprintf("%s %s %s", o.Period, o.Unit, o.Measure)] = fmt.Sprintf("%g %s:%d:%d", o.Value, filepath.Base(o.Source.File), o.Source.Line, o.Source.Column)
	}
	for key, want := range map[string]string{
		"2022 uk forms":            "4200 forms-2022.csv:2:10", // both code columns empty: the default (places are the value cells)
		"2022 london forms":        "3000 forms-2022.csv:3:25", // the region's code
		"2022 merton forms":        "1800 forms-2022.csv:4:40", // the local authority's, first
		"2023 merton forms":        "1900 forms-2023.csv:4:40", // the folder's other file
		"2023 sutton forms_online": "700 forms-2023.csv:5:48",
		"2024 sutton forms":        "1250 boroughs.csv:3:26", // by an alias
		"2024 cumberland forms":    "1300 cumbria.csv:2:12",  // its own mapping
	} {
		if got[key] != want {
			t.Errorf("%s = %q, want %q", key, got[key], want)
		}
	}
	if len(d.Observations) != 27 {
		t.Errorf("%d observations, want 27", len(d.Observations))
	}
	for _, f := range d.Findings {
		t.Errorf("unexpected finding: %s", f)
	}
}

func TestFolderMappingFindings(t *testing.T) {
	units := "code,name,type,parent,name_en,geocode,aliases\nan-giang,An Giang,province,,,AG,\ngo-quao,Gò Quao,commune,an-giang,,GQ,Huyện Gò Quao\n"
	mapping := "[period]\nvalue = \"2025\"\n[unit]\ncolumns = [\"Xã\", \"Tỉnh\"]\nby = \"geocode\"\n[columns]\n\"Hồ sơ\" = \"files_received\"\n"
	t.Run("cells", func(t *testing.T) {
		only(t, map[string]string{
			UnitsFile:                units,
			"exports/a/mapping.toml": mapping,
			"exports/a/x.csv":        "Tỉnh,Xã,Hồ sơ\nAG,GQ,5\nZZ,,6\n,,7\n",
		},
			`exports/a/x.csv:3:1: found "ZZ", expected the geocode of a unit in units.csv`,
			`exports/a/x.csv:4:2: found "", expected the geocode of a unit in units.csv`,
		)
	})
	t.Run("mapping", func(t *testing.T) {
		only(t, map[string]string{
			UnitsFile:                units,
			"exports/a/mapping.toml": strings.Replace(strings.Replace(mapping, "[unit]\n", "[unit]\ncolumn = \"Xã\"\n", 1), "geocode", "place", 1),
			"exports/a/x.csv":        "Tỉnh,Xã,Hồ sơ\nAG,GQ,5\n",
		},
			`exports/a/mapping.toml:5:1: unit: give column (one column) or columns (several, the first non-empty holding the unit), not both`,
			`exports/a/mapping.toml:6:1: unit.by: found "place", expected "code", "name" or "geocode"`,
		)
	})
	t.Run("unused", func(t *testing.T) {
		only(t, map[string]string{
			"exports/a/mapping.toml": mapping,
			"exports/a/x.csv":        "period,unit,files_received\n2025,go-quao,1\n",
			"exports/a/x.toml":       "numbers = \"canonical\"\n",
		},
			`exports/a/mapping.toml: a folder mapping that reads no export: every CSV file beside it has a mapping of its own, or there is none`,
		)
	})
}
