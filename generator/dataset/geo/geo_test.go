package geo

import (
	"fmt"
	"strings"
	"testing"
)

// TestCheckLevelsBoundaries checks a level's boundaries and match: a path
// inside the data folder to a GeoJSON or TopoJSON file, a property and by
// code or geocode, an object only of a TopoJSON file, and none on a level
// that is not territorial.
func TestCheckLevelsBoundaries(t *testing.T) {
	no := false
	name, plural := Text{VI: "Xã", EN: "Commune"}, Text{VI: "Các xã", EN: "Communes"}
	good := Match{Property: "MA_XA", By: "geocode"}
	for _, c := range []struct {
		level Level
		want  string // empty: no fault
	}{
		{Level{Boundaries: "boundaries/x.geojson", Match: good}, ""},
		{Level{Boundaries: "boundaries/x.json", Match: Match{Property: "id", By: "code"}}, ""},
		{Level{}, ""},
		{Level{Match: good}, "match: level c: found match without boundaries"},
		{Level{Boundaries: "../x.geojson", Match: good}, "boundaries: level c: found boundaries"},
		{Level{Boundaries: "/etc/x.geojson", Match: good}, "boundaries: level c: found boundaries"},
		{Level{Boundaries: "boundaries/x.shp", Match: good}, "expected a .geojson or .topojson file"},
		{Level{Boundaries: "boundaries/x.topojson", Match: good}, ""},
		{Level{Boundaries: "boundaries/x.topojson", Object: "communes", Match: good}, ""},
		{Level{Boundaries: "boundaries/x.json", Object: "communes", Match: good}, ""},
		{Level{Boundaries: "boundaries/x.geojson", Object: "communes", Match: good}, `object: level c: found object "communes" with a .geojson file`},
		{Level{Object: "communes"}, "object: level c: found object without boundaries"},
		{Level{Boundaries: "boundaries/x.geojson"}, "match: level c: expected match = {"},
		{Level{Boundaries: "boundaries/x.geojson", Match: Match{Property: "p", By: "name"}}, `match.by is "name"`},
		{Level{Boundaries: "boundaries/x.geojson", Match: good, Territorial: &no}, "is not territorial"},
	} {
		l := c.level
		l.ID, l.Name, l.Plural = "c", name, plural
		var got []string
		CheckLevels([]Level{l}, func(i int, field, format string, args ...any) {
			got = append(got, field+": "+fmt.Sprintf(format, args...))
		})
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%+v: %v, want no fault", c.level, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%+v: %v, want %q", c.level, got, c.want)
		}
	}
}
