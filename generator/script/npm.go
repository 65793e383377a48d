package script

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// EnsureNodeModules installs the JavaScript the site bundles (ECharts, pinned
// in package-lock.json) with `npm ci` when node_modules is missing or older
// than the lock file, and says so on log.
func EnsureNodeModules(root string, log io.Writer) error {
	lock, err := os.Stat(filepath.Join(root, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("package-lock.json: %w", err)
	}
	marker, err := os.Stat(filepath.Join(root, "node_modules", ".package-lock.json"))
	if err == nil && !marker.ModTime().Before(lock.ModTime()) {
		return nil
	}
	why := "node_modules is missing"
	if err == nil {
		why = "node_modules is older than package-lock.json"
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
