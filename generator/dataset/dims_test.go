package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// crossTab is testdata of package breakdown: people and those served, by
// sex and age.
var crossTab = filepath.Join("..", "breakdown", "testdata", "crosstab")

// crossTabWith returns the cross-tab's catalogue and units with exports.
func crossTabWith(t *testing.T, exports map[string]string) map[string]string {
	t.Helper()
	files := map[string]string{}
	for _, name := range []string{CatalogueFile, UnitsFile} {
		b, err := os.ReadFile(filepath.Join(crossTab, name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	for k, v := range exports {
		files[k] = v
	}
	return files
}

// TestDimensionColumnsAreRead reads the cross-tab: a canonical export with
// the dimension columns after measure, and a mapped one whose words name
// the values; each cell keeps its key, the totals stay observations, and
// the totals and margins not exported are added up.
func TestDimensionColumnsAreRead(t *testing.T) {
	d, err := Load(crossTab)
	if err != nil {
		t.Fatal(err)
	}
	count := func(list []Observation) (exported, computed int) {
		for _, o := range list {
			if o.Computed {
				computed++
			} else {
				exported++
			}
		}
		return exported, computed
	}
	// Exported: 2 totals and 16 cells; added up: the other 2 totals and
	// each unit's four margins of each measure.
	if e, c := count(d.Observations); e != 2 || c != 2 {
		t.Errorf("totals: %d exported, %d added up; want 2 and 2", e, c)
	}
	if e, c := count(d.Breakdowns); e != 16 || c != 16 {
		t.Errorf("cells: %d exported, %d added up; want 16 and 16", e, c)
	}
	got := map[string]float64{}
	for _, o := range d.Breakdowns {
		got[o.Unit+" "+o.Measure+" "+o.Cell] = o.Value
	}
	for key, want := range map[string]float64{
		"north people sex=f;age=old":   50,  // canonical, sex before age as the catalogue orders them
		"south served sex=m;age=old":   40,  // mapped: "Nam", "Già"
		"south served sex=f;age=young": 100, // mapped: "Nữ", "Trẻ"
	} {
		if got[key] != want {
			t.Errorf("%s = %v, want %v", key, got[key], want)
		}
	}
}

// TestDimensionCellsAreChecked: a value the dimension does not have, a
// cell of a dimension the measure is not broken down by, a cell given
// twice and a dimension column in a mapping that the catalogue lacks are
// errors at their cell.
func TestDimensionCellsAreChecked(t *testing.T) {
	cat := crossTabWith(t, nil)[CatalogueFile]
	only(t, crossTabWith(t, map[string]string{
		CatalogueFile: cat + "\n[[measures]]\nid = \"staff\"\nkind = \"count\"\nover_time = \"sum\"\nacross_units = \"sum\"\ndimensions = [\"age\"]\nname = { vi = \"Cán bộ\", en = \"Staff\" }\n",
		"exports/a.csv": "period,unit,measure,sex,age,value\n" +
			"2025,north,people,x,young,1\n" +
			"2025,north,staff,f,young,2\n" +
			"2025,north,people,f,old,3\n" +
			"2025,north,people,f,old,4\n",
		"exports/b/b.csv":  "Năm,Đơn vị,Nhóm,Số\n2025,north,A,1\n",
		"exports/b/b.toml": "[period]\ncolumn = \"Năm\"\nformat = \"2025\"\n[unit]\ncolumn = \"Đơn vị\"\n[columns]\n\"Số\" = \"people\"\n[dimensions.colour]\ncolumn = \"Nhóm\"\n",
	}),
		"exports/a.csv:2:19: sex: found \"x\", expected one of f, m, or an empty cell for the total",
		"exports/a.csv:3:18: measure \"staff\" is not broken down by sex (found \"f\"); expected an empty cell, or sex in the measure's dimensions",
		"exports/a.csv:5:25: people (sex=f;age=old) for north in 2025 is given twice; first at DIR/exports/a.csv:4:25",
		"exports/b/b.toml: dimensions.colour: not a dimension of the catalogue; expected one of sex, age",
	)
}

// TestDimensionsAreDeclaredWell: a dimension needs a unique id that is no
// export column's, names, and two values or more; a measure only lists
// declared dimensions.
func TestDimensionsAreDeclaredWell(t *testing.T) {
	cat := crossTabWith(t, nil)[CatalogueFile]
	cat = strings.Replace(cat, `id = "age"`, `id = "value"`, 1)
	got := strings.Join(findings(t, writeData(t, map[string]string{CatalogueFile: cat, UnitsFile: crossTabWith(t, nil)[UnitsFile]})), "\n")
	for _, want := range []string{`dimension "value": expected a unique id`, `measure "people": dimension "age" is not declared`} {
		if !strings.Contains(got, want) {
			t.Errorf("findings:\n%s\nwant one with %q", got, want)
		}
	}
}
