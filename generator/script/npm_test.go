package script

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestNodeModulesInstalledOnce has four builds need node_modules at once,
// with a stand-in npm on PATH that counts its runs: the builds take turns,
// so npm ci runs once and the others find node_modules installed.
func TestNodeModulesInstalledOnce(t *testing.T) {
	root, bin := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "package-lock.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	npm := "#!/bin/sh\necho ran >> runs\nmkdir -p node_modules && touch node_modules/.package-lock.json\n"
	if err := os.WriteFile(filepath.Join(bin, "npm"), []byte(npm), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() { errs[i] = EnsureNodeModules(root, io.Discard) })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	runs, _ := os.ReadFile(filepath.Join(root, "runs"))
	if n := strings.Count(string(runs), "ran"); n != 1 {
		t.Errorf("npm ci ran %d times, want once", n)
	}
}
