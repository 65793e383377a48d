package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckOut checks which folders a build may publish to: absent, empty
// or published ones, and never the project, a folder above it, an input
// folder or anything in one, a file, a link, or a folder of other things.
func TestCheckOut(t *testing.T) {
	root := t.TempDir()
	project := filepath.Join(root, "project")
	data := filepath.Join(project, "data")
	mkdir := func(path string) string {
		if err := os.MkdirAll(path, 0o755); err != nil {
			t.Fatal(err)
		}
		return path
	}
	write := func(path string) string {
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mkdir(data)
	published := mkdir(filepath.Join(project, "public"))
	write(filepath.Join(published, SiteMarker))
	write(filepath.Join(published, "index.html"))
	other := mkdir(filepath.Join(root, "photos"))
	write(filepath.Join(other, "holiday.jpg"))
	link := filepath.Join(root, "link")
	if err := os.Symlink(published, link); err != nil {
		t.Fatal(err)
	}
	linkToData := filepath.Join(root, "data-link")
	if err := os.Symlink(project, linkToData); err != nil {
		t.Fatal(err)
	}
	fakeMarker := mkdir(filepath.Join(root, "fake"))
	mkdir(filepath.Join(fakeMarker, SiteMarker))

	for _, tc := range []struct {
		out, refusal string // "" when out may be replaced
	}{
		{filepath.Join(project, "new"), ""},
		{mkdir(filepath.Join(root, "empty")), ""},
		{published, ""},
		{filepath.Join(root, "a", "b", "c"), ""},
		{project, "refusing to publish over the project folder"},
		{root, "refusing to publish over the project folder"},
		{"/", "refusing to publish over the project folder"},
		{data, "which the build reads"},
		{filepath.Join(data, "site"), "which the build reads"},
		{filepath.Join(linkToData, "data", "site"), "which the build reads"},
		{other, "it is not empty and has no .minhbach-site file"},
		{fakeMarker, "it is not empty and has no .minhbach-site file"},
		{write(filepath.Join(root, "file")), "it is not a folder"},
		{link, "it is not a folder"},
	} {
		err := CheckOut(tc.out, project, data)
		switch {
		case tc.refusal == "" && err != nil:
			t.Errorf("%s: %v, want it allowed", tc.out, err)
		case tc.refusal != "" && (err == nil || !strings.Contains(err.Error(), tc.refusal)):
			t.Errorf("%s: %v, want %q", tc.out, err, tc.refusal)
		}
	}
	if _, err := os.Stat(filepath.Join(other, "holiday.jpg")); err != nil {
		t.Errorf("checking touched what it checked: %v", err)
	}
}

// TestSwapLeavesNoStaging publishes twice over the same folder and checks
// that each swap leaves the new site, its marker, and nothing beside it.
func TestSwapLeavesNoStaging(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for i, page := range []string{"first", "second"} {
		stage, _, err := Stage(out)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(stage.Path(), "index.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Swap(stage, out, func(err error) { t.Error(err) }); err != nil {
			t.Fatal(err)
		}
		if err := stage.Remove(); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if string(got) != page {
			t.Errorf("build %d: index.html is %q", i+1, got)
		}
		if _, err := os.Stat(filepath.Join(out, SiteMarker)); err != nil {
			t.Errorf("build %d: %v", i+1, err)
		}
		entries, _ := os.ReadDir(parent)
		if len(entries) != 1 {
			t.Errorf("build %d: %d entries beside the site, want none", i+1, len(entries)-1)
		}
	}
}
