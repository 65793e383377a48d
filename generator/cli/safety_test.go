package cli

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/workdir"
)

// childArgs, in the environment of this test binary, makes it run the
// command line it holds (arguments separated by US, \x1f) instead of the
// tests: the tests that kill a build run it as a process of its own.
const childArgs = "MINHBACH_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		os.Exit(Run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestOutIsNeverAnotherFolder points build --out at folders it must not
// replace: each is refused with a reason, before any data is read, and is
// left exactly as it was.
func TestOutIsNeverAnotherFolder(t *testing.T) {
	t.Chdir("../..")
	photos := t.TempDir()
	if err := os.WriteFile(filepath.Join(photos, "holiday.jpg"), []byte("jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ out, want string }{
		{photos, "it is not empty and has no .minhbach-site file"},
		{"data", "refusing to publish over data, which the build reads"},
		{"content", "refusing to publish over content, which the build reads"},
		{"templates/layouts", "refusing to publish over templates, which the build reads"},
		{".", "refusing to publish over the project folder"},
		{"..", "refusing to publish over the project folder"},
	} {
		// The project and the folder above it are too big to hash; their
		// inputs are, in the cases above.
		folder := tc.out
		if folder == "." || folder == ".." {
			folder = "data"
		}
		before := treeHash(t, folder)
		code, _, stderr := runHere("build", "--out", tc.out)
		if code != ExitBadInput || !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "observations") {
			t.Errorf("--out %s: exit %d, stderr %q; want exit 1 and %q", tc.out, code, stderr, tc.want)
		}
		if treeHash(t, folder) != before {
			t.Errorf("--out %s: the folder changed", tc.out)
		}
	}
}

// TestKilledBuildsLoseNothing kills a build (SIGKILL) at each stage it
// reports, over a published site: the site is as it was each time (a build
// of the same data makes the same bytes, so a swap that beat the kill
// changes nothing either), and the next build removes the staging and
// work folders the killed ones left, and says so.
func TestKilledBuildsLoseNothing(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runHere("build", "--out", out); code != ExitOK {
		t.Fatalf("first build: exit %d: %s", code, stderr)
	}
	published := treeHash(t, out)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, moment := range []string{"read, validate:", "compute:", "rendering pages with Hugo", "pages, charts:", "hugo:"} {
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), childArgs+"=build\x1f--out\x1f"+out)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		killed := false
		for lines.Scan() {
			if strings.HasPrefix(lines.Text(), moment) {
				cmd.Process.Kill()
				killed = true
				break
			}
		}
		cmd.Wait()
		if !killed {
			t.Errorf("the build never printed %q", moment)
			continue
		}
		if treeHash(t, out) != published {
			t.Errorf("killed at %q: the published site changed", moment)
		}
	}

	code, _, stderr := runHere("build", "--out", out)
	if code != ExitOK {
		t.Fatalf("build after the killed ones: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "left by a build that was stopped") {
		t.Errorf("the build after the killed ones removed nothing; stderr %q", stderr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
		t.Errorf("%d entries beside the site after a clean build, want none", len(entries)-1)
	}
	sources, _ := filepath.Glob(filepath.Join(".minhbach", "source-*"))
	for _, s := range sources {
		// Another test package may be building at this moment; its folder
		// is locked and, once it ends, removed by it.
		if _, err := os.Stat(filepath.Join(s, ".minhbach-work")); err == nil && !workdir.InUse(s) {
			t.Errorf("%s was left behind", s)
		}
	}
	if treeHash(t, out) != published {
		t.Error("the site changed after the build that followed the killed ones")
	}
}
