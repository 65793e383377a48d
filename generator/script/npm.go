package script

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"

	"minhbach/generator/workdir"
)

// EnsureNodeModules installs the JavaScript the site bundles (ECharts, pinned
// in package-lock.json) with `npm ci` when node_modules is missing or older
// than the lock file, and says so on log. Builds that need it at the same
// time (a preview and a build, two test packages) take turns, holding
// .minhbach/npm.lock: the first installs, the others find it done.
func EnsureNodeModules(root string, log io.Writer) error {
	if fresh, _, err := nodeModulesFresh(root); err != nil || fresh {
		return err
	}
	work := filepath.Join(root, ".minhbach")
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	release, err := workdir.Hold(filepath.Join(work, "npm.lock"))
	if err != nil {
		return fmt.Errorf("waiting for another npm ci: %w", err)
	}
	defer release()
	fresh, why, err := nodeModulesFresh(root)
	if err != nil || fresh {
		return err
	}
	fmt.Fprintf(log, "installing JavaScript dependencies with npm ci (%s)\n", why)
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("%s and npm was not found: install Node.js, then run npm ci", why)
	}
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund")
	cmd.Dir = root
	cmd.Stdout = log
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("npm ci: %w", err)
	}
	return nil
}

// nodeModulesFresh says whether node_modules is as package-lock.json pins
// it, or why not.
func nodeModulesFresh(root string) (fresh bool, why string, err error) {
	lock, err := os.Stat(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return false, "", fmt.Errorf("package-lock.json: %w", err)
	}
	marker, err := os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	if err == nil && !marker.ModTime().Before(lock.ModTime()) {
		return true, "", nil
	}
	if err == nil {
		return false, "node_modules is older than package-lock.json", nil
	}
	return false, "node_modules is missing", nil
}
