package dataset

import (
	"slices"
	"strings"
	"testing"
)

// ukLevels declares a geography that is not Vietnam's: a country, its
// regions and their local authorities, and a non-territorial level.
const ukLevels = `
[[levels]]
id = "country"
name = { vi = "Quốc gia", en = "Country" }
plural = { vi = "Các quốc gia", en = "Countries" }

[[levels]]
id = "region"
name = { vi = "Vùng", en = "Region" }
plural = { vi = "Các vùng", en = "Regions" }

[[levels]]
id = "local_authority"
name = { vi = "Chính quyền địa phương", en = "Local authority" }
plural = { vi = "Các chính quyền địa phương", en = "Local authorities" }

[[levels]]
id = "agency"
territorial = false
name = { vi = "Cơ quan", en = "Agency" }
plural = { vi = "Các cơ quan", en = "Agencies" }
`

// ukCatalogue is the test catalogue under the levels of ukLevels.
var ukCatalogue = ukLevels + strings.Replace(testCatalogue, `applies_to = ["province"]`, `applies_to = ["region"]`, 1)

const ukUnits = "code,name,type,parent\nuk,United Kingdom,country,\nlondon,London,region,uk\nmerton,Merton,local_authority,london\nons,Office for National Statistics,agency,uk\n"

func TestLevelsDeclared(t *testing.T) {
	dir := writeData(t, map[string]string{
		CatalogueFile:      ukCatalogue,
		UnitsFile:          ukUnits,
		"exports/2021.csv": "period,unit,files_received,files_online\n2021,merton,10,4\n2021,ons,5,5\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, l := range d.Catalogue.Levels {
		ids = append(ids, string(l.ID))
	}
	if want := []string{"country", "region", "local_authority", "agency"}; !slices.Equal(ids, want) {
		t.Errorf("levels = %v, want %v (in the catalogue's order)", ids, want)
	}
	if got := d.Catalogue.LevelName("local_authority", "en"); got != "Local authority" {
		t.Errorf("LevelName(local_authority, en) = %q", got)
	}
	if got := d.Catalogue.LevelName("region", "vi"); got != "Vùng" {
		t.Errorf("LevelName(region, vi) = %q", got)
	}
	if d.Catalogue.Territorial("agency") || !d.Catalogue.Territorial("region") {
		t.Errorf("agency territorial = %v, region = %v; want false, true",
			d.Catalogue.Territorial("agency"), d.Catalogue.Territorial("region"))
	}
	if _, ok := d.Catalogue.Level(Province); ok {
		t.Error("a catalogue with [[levels]] still has the default level province")
	}
}

func TestLevelsDefault(t *testing.T) {
	dir := writeData(t, map[string]string{
		"exports/q1.csv": "period,unit,files_received,files_online\n2025-Q1,go-quao,10,4\n2025-Q1,long-xuyen,10,4\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Catalogue.Levels) != len(DefaultLevels()) {
		t.Fatalf("levels = %+v, want the defaults", d.Catalogue.Levels)
	}
	for _, id := range []UnitType{Country, Province, Commune, Ward, SpecialZone} {
		l, ok := d.Catalogue.Level(id)
		if !ok || l.Name.VI == "" || l.Name.EN == "" || l.Plural.EN == "" || !l.IsTerritorial() {
			t.Errorf("default level %s = %+v, %v", id, l, ok)
		}
	}
	if got := d.Catalogue.LevelName(Ward, "vi"); got != "Phường" {
		t.Errorf("LevelName(ward, vi) = %q, want Phường", got)
	}
}

func TestLevelsUnknown(t *testing.T) {
	tests := []struct {
		name      string
		catalogue string
		units     string
		want      string
	}{
		{"a default type under declared levels", ukCatalogue,
			"code,name,type,parent\nuk,United Kingdom,country,\nlondon,London,province,uk\n",
			`units.csv:3:15: found "province", expected a level of catalogue.toml: one of country, region, local_authority, agency`},
		{"a type outside the defaults", testCatalogue,
			"code,name,type,parent\nan-giang,An Giang,province,\nx,X,hamlet,an-giang\n",
			`units.csv:3:5: found "hamlet", expected a level of catalogue.toml: one of country, province, commune, ward, special_zone`},
		{"a level without its plural", "[[levels]]\nid = \"country\"\nname = { vi = \"Quốc gia\", en = \"Country\" }\n" + testCatalogue,
			"code,name,type,parent\nuk,United Kingdom,country,\n",
			`catalogue.toml:1:3: level country: expected a plural in both vi and en`},
		{"a level twice", ukLevels + "[[levels]]\nid = \"region\"\nname = { vi = \"V\", en = \"R\" }\nplural = { vi = \"V\", en = \"R\" }\n" + ukCatalogue[len(ukLevels):],
			ukUnits,
			`catalogue.toml:23:1: level "region": expected a unique id of lower-case letters, digits and _`},
		{"applies_to an unknown level", ukLevels + testCatalogue,
			ukUnits,
			`catalogue.toml:42:1: measure "speed": applies_to has unknown level "province", expected one of country, region, local_authority, agency`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findings(t, writeData(t, map[string]string{CatalogueFile: tt.catalogue, UnitsFile: tt.units}))
			if !slices.Contains(got, tt.want) {
				t.Errorf("findings:\n%s\nwant among them:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestNonTerritorialLevelIsNotInTotals: a province's reported total is
// checked against its communes, not against its departments too.
func TestNonTerritorialLevelIsNotInTotals(t *testing.T) {
	levels := "[[levels]]\nid = \"province\"\nname = { vi = \"Tỉnh\", en = \"Province\" }\nplural = { vi = \"Các tỉnh\", en = \"Provinces\" }\n" +
		"[[levels]]\nid = \"commune\"\nname = { vi = \"Xã\", en = \"Commune\" }\nplural = { vi = \"Các xã\", en = \"Communes\" }\n" +
		"[[levels]]\nid = \"ward\"\nname = { vi = \"Phường\", en = \"Ward\" }\nplural = { vi = \"Các phường\", en = \"Wards\" }\n" +
		"[[levels]]\nid = \"agency\"\nterritorial = false\nname = { vi = \"Sở\", en = \"Department\" }\nplural = { vi = \"Các sở\", en = \"Departments\" }\n"
	dir := writeData(t, map[string]string{
		CatalogueFile: levels + testCatalogue,
		UnitsFile:     testUnits + "so-tttt,Sở Thông tin,agency,an-giang\n",
		"exports/q1.csv": "period,unit,files_received,files_online\n2025-Q1,an-giang,300,190\n" +
			"2025-Q1,go-quao,100,40\n2025-Q1,long-xuyen,200,150\n2025-Q1,so-tttt,900,800\n",
	})
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range d.Findings {
		if f.Code == "total-mismatch" {
			t.Errorf("finding %v: a department is not part of the province's total", f)
		}
	}
}
