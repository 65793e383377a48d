// Package publish puts a finished build where it is served, all at once.
//
// A build writes into a staging folder beside the published one ([Stage]),
// adds the security headers static hosts read ([WriteHeaders]), and is
// swapped in for the published site ([Swap]): readers see the old site or
// the new one, never a mix, and a build that fails before the swap leaves
// the published site as it was.
package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Stage makes an empty folder beside out, on the same file system, for a
// build to be written to before it is published. The caller removes it
// when the build fails; Swap leaves nothing of it behind.
func Stage(out string) (string, error) {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", parent, err)
	}
	return os.MkdirTemp(parent, "."+filepath.Base(out)+".staging-")
}

// Swap replaces out with the finished build in staging. Where the system
// can exchange two paths in one step (Linux renameat2), readers see either
// the old site or the new one, never a mix and never nothing; elsewhere the
// old site is moved aside, the new one moved in, and the old one restored if
// that fails. Either way a failure leaves out as it was.
func Swap(staging, out string) error {
	if err := swap(staging, out); err != nil {
		return fmt.Errorf("publishing %s: %w", out, err)
	}
	return nil
}

func swap(staging, out string) error {
	if err := os.Chmod(staging, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return os.Rename(staging, out)
	}
	if err := exchange(staging, out); err == nil {
		return os.RemoveAll(staging) // staging now holds the old site
	}
	old := staging + ".old"
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(staging, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("publishing: %v; restoring the previous site: %w", err, rerr)
		}
		return fmt.Errorf("publishing: %w", err)
	}
	return os.RemoveAll(old)
}

// Measure counts the files below dir and their bytes, for a build's
// summary.
func Measure(dir string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	return files, bytes, err
}
