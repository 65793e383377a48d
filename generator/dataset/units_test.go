package dataset

import (
	"slices"
	"strings"
	"testing"

	"minhbach/generator/period"
)

// mergerUnits is a region whose two local authorities merged into a new one
// on 1 April 2021 (the first day of 2021-Q2): north and south end with
// 2021-Q1, and central takes them over from 2021-Q2.
const mergerUnits = "code,name,type,parent,name_en,geocode,aliases,valid_from,valid_to,successor\n" +
	"uk,Vương quốc Anh,country,,United Kingdom,K02000001,,,,\n" +
	"london,Luân Đôn,region,uk,London,E12000007,,,,\n" +
	"north,North,local_authority,london,,E07000001,North District|Northshire,,2021-Q1,central\n" +
	"south,South,local_authority,london,,E07000002,,,2021-Q1,central\n" +
	"central,Central,local_authority,london,,E06000099,,2021-Q2,,\n" +
	"merton,Merton,local_authority,london,,E09000024,,,,\n"

func TestUnitsOptionalColumns(t *testing.T) {
	dir := writeData(t, map[string]string{
		CatalogueFile: ukCatalogue,
		UnitsFile:     mergerUnits,
		"exports/q.csv": "period,unit,files_received,files_online\n" +
			"2021-Q1,north,10,5\n2021-Q1,south,10,5\n2021-Q1,merton,10,5\n" +
			"2021-Q2,central,20,10\n2021-Q2,merton,10,5\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	uk, _ := d.Unit("uk")
	if uk.NameIn("en") != "United Kingdom" || uk.NameIn("vi") != "Vương quốc Anh" || uk.Geocode != "K02000001" {
		t.Errorf("uk = %+v", uk)
	}
	if m, _ := d.Unit("merton"); m.NameIn("en") != "Merton" {
		t.Errorf("merton's English name = %q, want its name", m.NameIn("en"))
	}
	north, _ := d.Unit("north")
	if !slices.Equal(north.Aliases, []string{"North District", "Northshire"}) || north.Successor != "central" || north.ValidTo.String() != "2021-Q1" {
		t.Errorf("north = %+v", north)
	}
	// Neither the abolished units in 2021-Q2 nor the new one in 2021-Q1 are
	// missing: they did not exist then.
	for _, f := range d.Findings {
		if f.Code == "missing-unit" {
			t.Errorf("finding %v: a unit outside its validity is not missing", f)
		}
	}
	central, _ := d.Unit("central")
	for _, c := range []struct {
		u    *Unit
		p    string
		want bool
	}{{north, "2021-Q1", true}, {north, "2021-Q2", false}, {north, "2021", false}, {north, "2020", true},
		{central, "2021-Q1", false}, {central, "2021-04", true}, {central, "2022", true}, {central, "2021", false}} {
		if got := c.u.Covers(per(t, c.p)); got != c.want {
			t.Errorf("%s covers %s = %v, want %v", c.u.Code, c.p, got, c.want)
		}
	}
}

// TestUnitsMissingWithinValidity: a unit that existed and did not report
// is still missing.
func TestUnitsMissingWithinValidity(t *testing.T) {
	dir := writeData(t, map[string]string{
		CatalogueFile: ukCatalogue,
		UnitsFile:     mergerUnits,
		"exports/q.csv": "period,unit,files_received,files_online\n" +
			"2021-Q1,north,10,5\n2021-Q1,merton,10,5\n2021-Q2,central,20,10\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, f := range d.Findings {
		if f.Code == "missing-unit" {
			missing = append(missing, f.Message)
		}
	}
	slices.Sort(missing)
	if len(missing) != 2 || !strings.HasPrefix(missing[0], "merton has no files_received, files_online for 2021-Q2") ||
		!strings.HasPrefix(missing[1], "south has no files_received, files_online for 2021-Q1") {
		t.Errorf("missing-unit warnings: %q; want south in 2021-Q1 and merton in 2021-Q2 only", missing)
	}
}

func TestUnitsBadOptionalColumns(t *testing.T) {
	head := "code,name,type,parent,name_en,geocode,aliases,valid_from,valid_to,successor\nuk,UK,country,,,,,,,\n"
	tests := []struct{ name, row, want string }{
		{"bad period", "a,A,region,uk,,,,2021-Q5,,", `units.csv:3:18: valid_from: period "2021-Q5": quarter must be Q1 to Q4`},
		{"ends before it starts", "a,A,region,uk,,,,2021,2020,", `units.csv:3:23: valid_to 2020 is before valid_from 2021; expected the unit's last period, after its first`},
		{"successor of an open unit", "a,A,region,uk,,,,,,uk", `units.csv:3:20: found successor "uk" for a unit without valid_to; expected a successor only for a unit that ended`},
		{"unknown successor", "a,A,region,uk,,,,,2020,nowhere", `units.csv:3:24: found "nowhere", expected the code of a unit in units.csv`},
		{"geocode with a space", "a,A,region,uk,,E 1,,,,", `units.csv:3:16: found "E 1", expected an official code of printable ASCII without spaces, such as E09000024`},
		{"unknown column", "", `units.csv:1:11: unknown column "valid", expected one of code, name, type, parent, name_en, geocode, aliases, valid_from, valid_to, successor`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			units := head + tt.row + "\n"
			if tt.row == "" {
				units = "code,name,valid,type,parent\nuk,UK,x,country,\n"
			}
			got := findings(t, writeData(t, map[string]string{CatalogueFile: ukCatalogue, UnitsFile: units}))
			if !slices.Contains(got, tt.want) {
				t.Errorf("findings:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestUnitsAliasesMatchByName: a mapped export that names units finds
// them by their aliases and English names too.
func TestUnitsAliasesMatchByName(t *testing.T) {
	dir := writeData(t, map[string]string{
		CatalogueFile:   ukCatalogue,
		UnitsFile:       mergerUnits,
		"exports/a.csv": "Year,Area,Files\n2020,Northshire,10\n2020,South,20\n2020,Merton,5\n2020,Luân Đôn,99\n2020,London,1\n",
		"exports/a.toml": "[period]\ncolumn = \"Year\"\nformat = \"2025\"\n[unit]\ncolumn = \"Area\"\nby = \"name\"\n" +
			"[columns]\n\"Files\" = \"files_received\"\n",
	})
	got := findings(t, dir)
	// London is Luân Đôn's English name: the two rows are the same unit.
	// Northshire is north's alias: the region's units add up to 10+20+5.
	want := []string{
		"exports/a.csv:5:15: warning: files_received for london in 2020 is 99, but its units (3 of 4 reported) add up to 35",
		"exports/a.csv:6:13: files_received for london in 2020 is given twice",
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], want[0]) || !strings.HasPrefix(got[1], want[1]) {
		t.Errorf("findings %q, want %q…", got, want)
	}
}

func per(t *testing.T, s string) period.Period {
	t.Helper()
	p, err := period.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestValueOutsideValidityIsAWarning: north ended with 2021-Q1; a value it
// reports for 2021-Q2 is named at its file, line and column. Central's
// year 2021 (it existed from its second quarter) is no warning.
func TestValueOutsideValidityIsAWarning(t *testing.T) {
	dir := writeData(t, map[string]string{
		CatalogueFile: ukCatalogue,
		UnitsFile:     mergerUnits,
		"exports/q.csv": "period,unit,files_received,files_online\n" +
			"2021-Q1,north,10,5\n2021-Q1,south,10,5\n2021-Q1,merton,10,5\n" +
			"2021-Q2,central,20,10\n2021-Q2,merton,10,5\n2021-Q2,north,3,1\n",
		"exports/y.csv": "period,unit,files_received,files_online\n2021,central,20,10\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range d.Findings {
		if f.Code == "outside-validity" {
			got = append(got, strings.TrimPrefix(f.String(), dir+"/"))
		}
	}
	want := []string{
		"exports/q.csv:7:15: warning: north reported files_received for 2021-Q2, when it did not exist (to 2021-Q1); expected values only within its valid_from and valid_to",
		"exports/q.csv:7:17: warning: north reported files_online for 2021-Q2, when it did not exist (to 2021-Q1); expected values only within its valid_from and valid_to",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("outside-validity findings:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestUnitWithUnitsOfItsOwnIsNotMissing: london's totals add up from its
// local authorities, so a value another region reported for itself does
// not make london missing.
func TestUnitWithUnitsOfItsOwnIsNotMissing(t *testing.T) {
	units := mergerUnits + "wales,Wales,region,uk,,,,,,\n"
	dir := writeData(t, map[string]string{
		CatalogueFile: ukCatalogue,
		UnitsFile:     units,
		"exports/q.csv": "period,unit,files_received,files_online\n" +
			"2021-Q2,central,20,10\n2021-Q2,merton,10,5\n2021-Q2,wales,30,10\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Findings {
		if f.Code == "missing-unit" {
			t.Errorf("finding %v: london's totals are its local authorities'", f)
		}
	}
}
