package input

import (
	"testing"

	"minhbach/generator/dataset/finding"
)

// TestPlacesOfEntries: a key is where it is written; an entry of an array
// of tables is at its own header, so that a key it lacks is reported at
// the entry, not at the array's first entry.
func TestPlacesOfEntries(t *testing.T) {
	src := []byte("[[indicators]]\nid = \"a\"\nunit = { vi = \"dân\" }\n\n[[indicators]]\nid = \"b\"\n")
	tp := NewPlaces("catalogue.toml", src)
	for key, want := range map[string]finding.Position{
		"indicators.0.id":      {File: "catalogue.toml", Line: 2, Column: 1},
		"indicators.0.unit.vi": {File: "catalogue.toml", Line: 3, Column: 10},
		"indicators.1":         {File: "catalogue.toml", Line: 5, Column: 3},
		"indicators.1.unit":    {File: "catalogue.toml", Line: 5, Column: 3},
		"levels.0":             {File: "catalogue.toml"},
	} {
		if got := tp.At(key); got != want {
			t.Errorf("At(%q) = %+v, want %+v", key, got, want)
		}
	}
}
