package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is what a file outside the data folder holds; no finding may quote it.
const secret = "period,unit,AWS_SECRET_KEY_abc123\n2025-Q1,go-quao,1\n"

// TestInputsAreRegularFiles checks that an input that is a symbolic link
// (to a file outside the data folder or inside it), or below a linked
// folder, is refused with an error naming it, and that nothing of what the
// link leads to is read into a finding.
func TestInputsAreRegularFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.csv")
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	good := map[string]string{"exports/a.csv": wideHeader + "2025-Q1,go-quao,10,4\n"}
	for _, tc := range []struct {
		name, link string
		// target is relative to the data folder, or outside when "".
		target string
		want   string
	}{
		{"export to a file outside", "exports/b.csv", "", "exports/b.csv: found a symbolic link; expected only regular files and folders below DIR/exports (links are not followed)"},
		{"export to a file inside", "exports/b.csv", "exports/a.csv", "exports/b.csv: found a symbolic link; expected only regular files and folders below DIR/exports (links are not followed)"},
		{"folder of exports", "exports/2025", "..", "exports/2025: found a symbolic link; expected only regular files and folders below DIR/exports (links are not followed)"},
		{"mapping", "exports/a.toml", "", "exports/a.toml: found a symbolic link; expected only regular files and folders below DIR/exports (links are not followed)"},
		{"units.csv", UnitsFile, "", "units.csv: the file is a symbolic link; expected a regular file inside DIR (links are not followed)"},
		{"catalogue.toml", CatalogueFile, "", "catalogue.toml: the file is a symbolic link; expected a regular file inside DIR (links are not followed)"},
		{"site.toml", MetaFile, "", "site.toml: the file is a symbolic link; expected a regular file inside DIR (links are not followed)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeData(t, good)
			link := filepath.Join(dir, tc.link)
			os.Remove(link)
			target := outside
			if tc.target != "" {
				target = filepath.Join(dir, tc.target)
			}
			if err := os.Symlink(target, link); err != nil {
				t.Skipf("cannot make a symbolic link: %v", err)
			}
			_, err := Load(dir)
			var inv *InvalidError
			if !errors.As(err, &inv) {
				t.Fatalf("Load: %v, want an *InvalidError", err)
			}
			want := strings.ReplaceAll(tc.want, "DIR", dir)
			found := false
			for _, f := range inv.Findings {
				got := strings.TrimPrefix(f.String(), dir+string(filepath.Separator))
				found = found || got == want
				if strings.Contains(f.Message, "AWS_SECRET") {
					t.Errorf("a finding quotes the file outside: %s", f)
				}
			}
			if !found {
				t.Errorf("findings %v\nwant %q", inv.Findings, want)
			}
		})
	}
}
