package sample

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/dataset"
)

// TestSyntheticBoundariesCoverEveryUnit writes a small national sample
// with its synthetic grid and a catalogue naming it (WithBoundaries): the
// data loads with no error and no note, so every feature found its unit
// and every territorial unit below the country has a shape; the file says
// it is invented.
func TestSyntheticBoundariesCoverEveryUnit(t *testing.T) {
	dir := t.TempDir()
	if err := WriteNational(dir, National{Provinces: 3, Units: 20, Quarters: 2, Boundaries: true}); err != nil {
		t.Fatal(err)
	}
	cat, err := os.ReadFile(filepath.Join("..", "..", "data", "catalogue.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "catalogue.toml"), WithBoundaries(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	ds, err := dataset.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ds.Findings {
		if strings.HasPrefix(f.Code, "boundary") {
			t.Errorf("%s", f)
		}
	}
	if got, want := ds.Atlas.Len(), len(ds.Units)-1; got != want {
		t.Errorf("%d units have a shape, want %d (all but the country)", got, want)
	}
	grid, _ := os.ReadFile(filepath.Join(dir, BoundariesFile))
	if !bytes.Contains(grid, []byte("invented for benchmarks (not real boundaries)")) {
		t.Error("the grid does not say it is invented")
	}
}
