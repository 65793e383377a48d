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
	"strings"

	"minhbach/generator/workdir"
)

// SiteMarker is the file every site this program publishes holds at its
// root. A folder that holds it may be replaced by the next build; a folder
// that does not (and is not empty) is never touched.
const SiteMarker = ".minhbach-site"

// markerText is what SiteMarker says to whoever finds it.
const markerText = "This folder is a site published by Minh Bạch. Each build replaces all of it.\n"

// A Staging is the folder a build writes its site into before publishing.
type Staging struct{ dir *workdir.Dir }

// stagingPrefix is the start of the name of out's staging folders.
func stagingPrefix(out string) string { return "." + filepath.Base(out) + ".staging-" }

// Stage makes an empty folder beside out, on the same file system, for a
// build to be written to before it is published. It first removes the
// staging folders of builds that were killed (see package workdir), and
// returns their paths. The caller calls Remove when the build fails; after
// Swap, Remove removes nothing.
func Stage(out string) (*Staging, []string, error) {
	parent := filepath.Dir(filepath.Clean(out))
	swept, err := workdir.Sweep(parent, stagingPrefix(out), SiteMarker)
	if err != nil {
		return nil, swept, err
	}
	dir, err := workdir.Make(parent, stagingPrefix(out), SiteMarker, markerText)
	if err != nil {
		return nil, swept, err
	}
	return &Staging{dir: dir}, swept, nil
}

// Path is the staging folder.
func (s *Staging) Path() string { return s.dir.Path }

// Remove removes the staging folder; once it is published there is
// nothing left to remove.
func (s *Staging) Remove() error { return s.dir.Remove() }

// CheckOut says whether out may be published to: it must be absent, an
// empty folder, or a site this program published (holding SiteMarker). It
// must not be the project folder or any folder above it, and must neither
// be, hold nor lie inside any of inputs (the data, content and templates
// folders). It is checked before a build starts, and again at the swap.
func CheckOut(out, project string, inputs ...string) error {
	abs, err := realPath(out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	refuse := func(what string) error {
		return fmt.Errorf("--out %s: refusing to publish over %s; choose a folder of its own, such as public", out, what)
	}
	if p, err := realPath(project); err != nil {
		return err
	} else if inside(abs, p) {
		return refuse("the project folder " + p)
	}
	for _, in := range inputs {
		p, err := realPath(in)
		if err != nil {
			return err
		}
		if inside(abs, p) || inside(p, abs) {
			return refuse(in + ", which the build reads")
		}
	}
	return replaceable(out)
}

// replaceable says whether the folder out may be replaced by a new site.
func replaceable(out string) error {
	info, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("--out %s: refusing to replace it: it is not a folder (%s); expected a new, empty or previously published folder", out, info.Mode().Type())
	}
	if marker, err := os.Lstat(filepath.Join(out, SiteMarker)); err == nil && marker.Mode().IsRegular() {
		return nil
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("--out %s: refusing to replace it: it is not empty and has no %s file, so it is not a site this program published; choose a new or empty folder, or empty this one yourself", out, SiteMarker)
	}
	return nil
}

// realPath is path made absolute, with the links of its existing part
// resolved.
func realPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// inside says whether path b is a or lies inside it.
func inside(a, b string) bool {
	r, err := filepath.Rel(a, b)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

// Swap replaces out with the finished build in staging. Where the system
// can exchange two paths in one step (Linux renameat2), readers see either
// the old site or the new one, never a mix and never nothing; elsewhere the
// old site is moved aside, the new one moved in, and the old one restored if
// that fails. Either way a failure leaves out as it was. Once the new site
// is live, a previous site that could not be removed is not a failure: it
// is passed to warn, which says where it was left.
func Swap(s *Staging, out string, warn func(error)) error {
	if err := replaceable(out); err != nil {
		return err
	}
	old, err := swap(s.dir.Path, out)
	if err != nil {
		return fmt.Errorf("publishing %s: %w", out, err)
	}
	s.dir.Release()
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			warn(fmt.Errorf("the new site is published to %s, but the previous one could not be removed from %s: %w", out, old, err))
		}
	}
	return nil
}

// swap moves staging to out, and returns where the previous site now is
// ("" if there was none).
func swap(staging, out string) (old string, err error) {
	if err := os.Chmod(staging, 0o755); err != nil {
		return "", err
	}
	if _, err := os.Lstat(out); errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(staging, out)
	}
	if err := exchange(staging, out); err == nil {
		return staging, nil // staging now holds the old site
	}
	old = staging + ".old"
	if err := os.Rename(out, old); err != nil {
		return "", fmt.Errorf("moving the previous site aside: %w", err)
	}
	if err := os.Rename(staging, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return "", fmt.Errorf("publishing: %v; restoring the previous site: %w", err, rerr)
		}
		return "", fmt.Errorf("publishing: %w", err)
	}
	return old, nil
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
