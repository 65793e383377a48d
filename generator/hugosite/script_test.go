package hugosite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"minhbach/generator/script"
)

// TestScriptsAreWhatJSBuildMakes has Hugo's js.Build bundle each script
// with the options the templates used to give it, and checks that the
// generator's bundles (package script) are the same bytes: the site's
// scripts do not change for being bundled ahead of Hugo.
func TestScriptsAreWhatJSBuildMakes(t *testing.T) {
	abs, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	proj := t.TempDir()
	layouts := filepath.Join(proj, "layouts")
	if err := os.MkdirAll(layouts, 0o755); err != nil {
		t.Fatal(err)
	}
	home := `{{- range slice "charts" "maps" "chart-loader" "search" }}
{{- $js := resources.Get (printf "js/%s.js" .) | js.Build (dict "minify" true "target" "es2020" "format" "iife") }}
{{- $js.Publish }}
{{- end }}`
	if err := os.WriteFile(filepath.Join(layouts, "home.html"), []byte(home), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(proj, "hugo.toml")
	toml := fmt.Sprintf(`baseURL = "/"
disableKinds = ["page", "section", "taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]
[[module.mounts]]
source = %q
target = "assets"
[[module.mounts]]
source = %q
target = "layouts"
[[module.mounts]]
source = %q
target = "content"
`, filepath.Join(abs, "templates", "assets"), layouts, t.TempDir())
	if err := os.WriteFile(config, []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(proj, "public")
	if _, err := Run(abs, config, out, nil); err != nil {
		t.Fatal(err)
	}
	files, err := script.Bundle(abs)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want, err := os.ReadFile(filepath.Join(out, "js", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Contents, want) {
			t.Errorf("%s: %d bytes bundled, js.Build makes %d bytes, and they differ", f.Name, len(f.Contents), len(want))
		}
	}
}
