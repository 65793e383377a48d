package script

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBundleIsSelfContained bundles the project's scripts: one
// self-contained, minified script each, in the order of Names, the same
// on every run.
func TestBundleIsSelfContained(t *testing.T) {
	files, err := Bundle("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(Names) {
		t.Fatalf("%d bundles for %d scripts", len(files), len(Names))
	}
	for i, f := range files {
		if f.Name != Names[i]+".js" {
			t.Errorf("bundle %d is %q, want %q", i, f.Name, Names[i]+".js")
		}
		text := string(f.Contents)
		if !strings.HasPrefix(text, "(()=>{") {
			t.Errorf("%s does not start as a minified IIFE: %.40q", f.Name, text)
		}
		for _, s := range []string{"import ", "import(", "require(", "export "} {
			if strings.Contains(text, s) {
				t.Errorf("%s still has %q: it is not self-contained", f.Name, s)
			}
		}
	}
	// The chart script carries ECharts from node_modules: far bigger
	// than its own source.
	src, err := os.ReadFile("../../templates/assets/js/charts.js")
	if err != nil {
		t.Fatal(err)
	}
	if len(files[0].Contents) < 20*len(src) {
		t.Errorf("charts.js is %d bytes from a %d-byte source: ECharts was not bundled", len(files[0].Contents), len(src))
	}
	again, err := Bundle("../..")
	if err != nil {
		t.Fatal(err)
	}
	for i := range files {
		if !bytes.Equal(files[i].Contents, again[i].Contents) {
			t.Errorf("%s differs from one bundling to the next", files[i].Name)
		}
	}
}

// TestBundleErrorNamesPlace bundles a project whose chart script does not
// parse: the error names the file, line and column, through Start and
// Wait as a build uses them.
func TestBundleErrorNamesPlace(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "assets", "js")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range Names {
		if err := os.WriteFile(filepath.Join(dir, name+".js"), []byte("console.log(1);\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "search.js"), []byte("const a = 1;\nlet x = ;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Installed dependencies, as npm ci leaves them: nothing to install.
	if err := os.Mkdir(filepath.Join(root, "node_modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"package-lock.json", filepath.Join("node_modules", ".package-lock.json")} {
		if err := os.WriteFile(filepath.Join(root, name), []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Start(root, io.Discard).Wait()
	want := filepath.Join("templates", "assets", "js", "search.js") + ":2:9: "
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want one naming %s", err, want)
	}
}
