// Package workdir makes the folders a build works in (the staging folder
// beside the published site, Hugo's source folder in .minhbach/) so that
// the ones a killed build left behind can be told from everything else,
// and removed by the next build.
//
// A work folder has a name of a known prefix, holds a marker file, and is
// locked (flock) by its build for as long as the build runs. The kernel
// drops a process's locks when it dies, however it dies (kill -9
// included), so a folder that has the prefix and the marker and whose lock
// can be taken is litter: [Sweep] removes it. A folder without the marker
// was not made here and is never touched, and neither is one whose build is
// still running (a preview beside a build, two test packages at once).
package workdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A Dir is a work folder, locked until Release or Remove.
type Dir struct {
	// Path is the folder.
	Path string
	lock *os.File
}

// Make creates a new folder in parent whose name starts with prefix,
// writes the marker file (named marker, holding text) into it and locks
// it.
func Make(parent, prefix, marker, text string) (*Dir, error) {
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", parent, err)
	}
	path, err := os.MkdirTemp(parent, prefix)
	if err != nil {
		return nil, err
	}
	d := &Dir{Path: path}
	// The lock comes before the marker: a folder with a marker is never
	// seen unlocked while its build runs.
	if d.lock, err = lock(path); err == nil {
		err = os.WriteFile(filepath.Join(path, marker), []byte(text), 0o644)
	}
	if err != nil {
		d.Remove()
		return nil, fmt.Errorf("making the work folder %s: %w", path, err)
	}
	return d, nil
}

// Release unlocks the folder and leaves it where it is: a staging folder
// that has become the published site.
func (d *Dir) Release() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// Remove removes the folder and everything in it, then unlocks it.
func (d *Dir) Remove() error {
	err := os.RemoveAll(d.Path)
	d.Release()
	return err
}

// Sweep removes the folders in parent that killed builds left: those whose
// name starts with prefix, that hold the marker file, and whose lock no
// running build holds. It returns the folders it removed. A parent that
// does not exist has nothing to sweep.
func Sweep(parent, prefix, marker string) ([]string, error) {
	entries, err := os.ReadDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue // links, files and other folders are not ours
		}
		path := filepath.Join(parent, e.Name())
		if info, err := os.Lstat(filepath.Join(path, marker)); err != nil || !info.Mode().IsRegular() {
			continue
		}
		held, err := tryLock(path)
		if err != nil || held == nil {
			continue // its build is running, or it cannot be locked here
		}
		err = os.RemoveAll(path)
		held.Close()
		if err != nil {
			return removed, fmt.Errorf("removing %s, left by a build that was stopped: %w", path, err)
		}
		removed = append(removed, path)
	}
	return removed, nil
}

// InUse says whether a running build holds the lock of the folder at path.
func InUse(path string) bool {
	held, err := tryLock(path)
	if held != nil {
		held.Close()
	}
	return err == nil && held == nil
}
