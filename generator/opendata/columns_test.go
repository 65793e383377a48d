package opendata

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"minhbach/generator/breakdown"
	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/locale"
	"minhbach/generator/period"
)

// writeFolder writes the downloads of the data in dir, computed with its
// breakdowns, and returns the folder they are in.
func writeFolder(t *testing.T, dir string) string {
	t.Helper()
	ds, err := dataset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	bd, err := breakdown.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := Write(context.Background(), ds, res, bd, filepath.Join(out, "none"), out); err != nil {
		t.Fatal(err)
	}
	return out
}

// lines returns the lines of a written file.
func lines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestAttributeColumnsOnlyWhereAny: testdata/annotated has a status, note,
// interval and sample size on one figure, the north's satisfaction. The
// tables that hold it, satisfaction's and the north's, end with the five
// attribute columns; the others (served_rate's, the land's, the south's)
// have none. A row in a table of each kind is the same row up to score,
// with the attribute cells empty where the other table has none: the
// north's served rate and the south's satisfaction.
func TestAttributeColumnsOnlyWhereAny(t *testing.T) {
	out := writeFolder(t, filepath.Join("testdata", "annotated"))
	const plain = "indicator,unit,unit_name,geocode,period,sex,value,numerator,denominator,partial,basis," +
		"change_prev,change_year_ago,change_unit,rank,rank_of,target,target_deadline,target_status,score"
	const annotated = plain + ",status,note,lower,upper,n"
	for name, want := range map[string]string{
		"indicators/served_rate": plain, "indicators/satisfaction": annotated,
		"units/land": plain, "units/north": annotated, "units/south": plain,
	} {
		if got := lines(t, filepath.Join(out, "data", name+".csv"))[0]; got != want {
			t.Errorf("%s.csv header:\n%s\nwant\n%s", name, got, want)
		}
		wantJSON := `["` + strings.ReplaceAll(want, ",", `","`) + `"],`
		if got := lines(t, filepath.Join(out, "data", name+".json"))[1]; got != wantJSON {
			t.Errorf("%s.json header:\n%s\nwant\n%s", name, got, wantJSON)
		}
	}
	for _, tc := range []struct {
		file string
		line int // 0 is the header
		want string
	}{
		{"indicators/satisfaction.csv", 1, `satisfaction,north,North,,2025,,81.5,81.5,,false,reported,,,pp,1,2,,,,,E,"Small sample, weighted",78,85,300`},
		{"units/north.csv", 4, `satisfaction,north,North,,2025,,81.5,81.5,,false,reported,,,pp,1,2,,,,,E,"Small sample, weighted",78,85,300`},
		{"indicators/satisfaction.csv", 2, "satisfaction,south,South,,2025,,77,77,,false,reported,,,pp,2,2,,,,,,,,,"},
		{"units/south.csv", 4, "satisfaction,south,South,,2025,,77,77,,false,reported,,,pp,2,2,,,,"},
		{"indicators/served_rate.csv", 4, "served_rate,north,North,,2025,,50,100,200,false,reported,,,pp,2,2,,,,"},
		{"units/north.csv", 1, "served_rate,north,North,,2025,,50,100,200,false,reported,,,pp,2,2,,,,,,,,,"},
		{"indicators/served_rate.csv", 5, "served_rate,north,North,,2025,f,60,60,100,false,reported,,,pp,2,2,,,,"},
		{"units/north.csv", 2, "served_rate,north,North,,2025,f,60,60,100,false,reported,,,pp,2,2,,,,,,,,,"},
		// The JSON twins: the header is on line 1, after "[".
		{"indicators/satisfaction.json", 3, `["satisfaction","south","South",null,"2025",null,77,77,null,false,"reported",null,null,"pp",2,2,null,null,null,null,null,null,null,null,null]`},
		{"units/south.json", 5, `["satisfaction","south","South",null,"2025",null,77,77,null,false,"reported",null,null,"pp",2,2,null,null,null,null]`},
		{"indicators/served_rate.json", 6, `["served_rate","north","North",null,"2025","f",60,60,100,false,"reported",null,null,"pp",2,2,null,null,null,null],`},
		{"units/north.json", 3, `["served_rate","north","North",null,"2025","f",60,60,100,false,"reported",null,null,"pp",2,2,null,null,null,null,null,null,null,null,null],`},
	} {
		rows := lines(t, filepath.Join(out, "data", tc.file))
		if tc.line >= len(rows) || rows[tc.line] != tc.want {
			t.Errorf("%s line %d:\n%s\nwant\n%s", tc.file, tc.line+1, strings.Join(rows, "\n"), tc.want)
		}
	}
}

// TestNoAttributeColumnsWithoutAttributes: package breakdown's cross-tab
// has no status, note or interval at all, so no table has the attribute
// columns, and the data package has no schema with them.
func TestNoAttributeColumnsWithoutAttributes(t *testing.T) {
	out := writeCrossTab(t)
	for _, dir := range []string{"indicators", "units"} {
		files, err := filepath.Glob(filepath.Join(out, "data", dir, "*.csv"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no tables in %s: %v", dir, err)
		}
		for _, f := range files {
			if head := readCSV(t, f)[0]; head[len(head)-1] != "score" || slices.Contains(head, "status") {
				t.Errorf("%s: header %v; want it to end with score", f, head)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, "data", "schemas", annotatedColumns+".json")); err == nil {
		t.Errorf("a schema with the attribute columns, which no table has")
	}
}

// TestSchemasDescribeEveryFile reads back every download the data package
// lists, CSV and JSON: its header is the fields of the Table Schema it
// names, in order. The schemas published are those some download follows.
// On testdata/annotated (both kinds of table), the cross-tab (none with
// attributes) and the sample (annotated survey figures beside the rest).
func TestSchemasDescribeEveryFile(t *testing.T) {
	if testing.Short() {
		t.Skip("writes the sample's downloads")
	}
	for name, dir := range map[string]string{
		"annotated": filepath.Join("testdata", "annotated"),
		"crosstab":  filepath.Join("..", "breakdown", "testdata", "crosstab"),
		"sample":    filepath.Join("..", "..", "data"),
	} {
		t.Run(name, func(t *testing.T) {
			out := writeFolder(t, dir)
			var dp struct {
				Resources []struct{ Path, Format, Schema string }
			}
			if err := json.Unmarshal(readFile(t, filepath.Join(out, "datapackage.json")), &dp); err != nil {
				t.Fatal(err)
			}
			schemas := map[string][]string{} // path → field names
			for _, r := range dp.Resources {
				fields, ok := schemas[r.Schema]
				if !ok {
					var s dpSchema
					if err := json.Unmarshal(readFile(t, filepath.Join(out, filepath.FromSlash(r.Schema))), &s); err != nil {
						t.Fatal(err)
					}
					for _, f := range s.Fields {
						fields = append(fields, f.Name)
					}
					schemas[r.Schema] = fields
				}
				var head []string
				path := filepath.Join(out, filepath.FromSlash(r.Path))
				switch r.Format {
				case "csv":
					head = readCSV(t, path)[0]
				case "json":
					var rows [][]any
					if err := json.Unmarshal(readFile(t, path), &rows); err != nil {
						t.Fatalf("%s: %v", r.Path, err)
					}
					for _, c := range rows[0] {
						head = append(head, c.(string))
					}
				default:
					t.Fatalf("%s: format %q", r.Path, r.Format)
				}
				if !slices.Equal(head, fields) {
					t.Errorf("%s has the columns\n%v\nits schema %s the fields\n%v", r.Path, head, r.Schema, fields)
				}
			}
			written, err := filepath.Glob(filepath.Join(out, "data", "schemas", "*.json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(written) != len(schemas) {
				t.Errorf("%d schemas written, %d followed: %v", len(written), len(schemas), written)
			}
		})
	}
}

// TestUnitTablesHoldTheIndicatorTablesRows: every row of the unit tables is
// a row of its indicator's table, cell for cell in the columns both have;
// a column only one of them has is empty in that row. Together the unit
// tables hold every row of the indicator tables. On testdata/annotated,
// where tables of both kinds share rows.
func TestUnitTablesHoldTheIndicatorTablesRows(t *testing.T) {
	out := writeFolder(t, filepath.Join("testdata", "annotated"))
	type table struct {
		head []string
		rows map[string][]string // by indicator, unit, period and sex
	}
	read := func(path string) table {
		recs := readCSV(t, path)
		tb := table{head: recs[0], rows: map[string][]string{}}
		for _, r := range recs[1:] {
			tb.rows[strings.Join([]string{r[0], r[1], r[4], r[5]}, "|")] = r
		}
		return tb
	}
	inds := map[string]table{}
	files, _ := filepath.Glob(filepath.Join(out, "data", "indicators", "*.csv"))
	indicatorRows := 0
	for _, f := range files {
		tb := read(f)
		inds[strings.TrimSuffix(filepath.Base(f), ".csv")] = tb
		indicatorRows += len(tb.rows)
	}
	units, _ := filepath.Glob(filepath.Join(out, "data", "units", "*.csv"))
	unitRows := 0
	for _, f := range units {
		u := read(f)
		for key, row := range u.rows {
			unitRows++
			ind := inds[row[0]]
			other, ok := ind.rows[key]
			if !ok {
				t.Errorf("%s: row %s is not in %s's table", f, key, row[0])
				continue
			}
			for _, name := range slices.Concat(u.head, ind.head) {
				var a, b string // a column a table lacks is empty there
				if j := slices.Index(u.head, name); j >= 0 {
					a = row[j]
				}
				if j := slices.Index(ind.head, name); j >= 0 {
					b = other[j]
				}
				if a != b {
					t.Errorf("%s: row %s has %s %q, %s's table %q", f, key, name, a, row[0], b)
				}
			}
		}
	}
	if unitRows != indicatorRows || unitRows != 11 {
		t.Errorf("%d rows in the unit tables, %d in the indicator tables; want 11 in both (9 of served_rate, 2 of satisfaction)", unitRows, indicatorRows)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestAttributesWithoutColumnsFail: a value with a note whose unit's table
// has the attribute columns but whose indicator's has not (which
// annotatedTables rules out) stops the writing, naming the value, rather
// than losing the note; nothing of the row is written.
func TestAttributesWithoutColumnsFail(t *testing.T) {
	f := locale.MustNew("en")
	w := rowWriter{f: f, unit: &tableFile{}, ind: &tableFile{}, unitAnnotated: true, code: newTextCell("p")}
	ind := newIndicatorCells(f, &dataset.Catalogue{}, &dataset.Indicator{ID: "sat", Type: dataset.Rate}, nil, nil)
	v := indicator.Value{Indicator: "sat", Unit: "p", Period: period.Y(2025), OK: true, Value: 80, Numerator: 4, Denominator: 5, Note: "Small sample"}
	err := w.row(&ind, newTextCell("2025"), nil, v)
	if err == nil || !strings.Contains(err.Error(), "sat for p in 2025 has a status, note") {
		t.Errorf("error %v; want one naming sat for p in 2025", err)
	}
	if len(w.unit.csv)+len(w.ind.csv) > 0 {
		t.Errorf("written: %q and %q; want nothing", w.unit.csv, w.ind.csv)
	}
	v.Note = "" // without the note, the row goes to both tables
	if err := w.row(&ind, newTextCell("2025"), nil, v); err != nil {
		t.Fatal(err)
	}
	if got, want := string(w.ind.csv), "sat,p,,,2025,80,4,5,false,,,,pp,,,,,,\n"; got != want {
		t.Errorf("the indicator's table got %q, want %q", got, want)
	}
	if got, want := string(w.unit.csv), "sat,p,,,2025,80,4,5,false,,,,pp,,,,,,,,,,,\n"; got != want {
		t.Errorf("the unit's table got %q, want %q", got, want)
	}
}
