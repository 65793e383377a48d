// Package input finds and opens the input files of a data folder: regular
// files inside it, reached without a symbolic link (never a link, a device,
// a FIFO or a socket, which could publish, or hang on, a file elsewhere);
// and it decodes their TOML strictly, knowing the line and column of each
// key, so that every problem can say where it is.
package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"minhbach/generator/dataset/finding"
)

// Error says why a path is not an input file: it leads outside its
// folder, it or a folder on the way is a symbolic link, or it is not a
// regular file (a folder, a device, a FIFO, a socket). The message says what
// was found and never anything the file holds.
type Error struct {
	Path string
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Open opens name, a path inside the folder dir, for reading, only if
// it is a regular file reached without a symbolic link and without leaving
// dir: inputs are regular files inside the project, and a link or a device
// there could publish, or hang on, a file elsewhere. The error is an
// *Error for a path that is not an input file. Every file package dataset
// reads is opened through it; so can the site's report commentaries.
func Open(dir, name string) (*os.File, error) {
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, &Error{name, fmt.Sprintf("the file is outside the folder %s; expected an input file inside it", dir)}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	// Every step of the way, not just the file, must be what it seems.
	parts := strings.Split(rel, string(filepath.Separator))
	for i := range parts {
		step := filepath.Join(parts[:i+1]...)
		fi, err := root.Lstat(step)
		if err != nil {
			return nil, unwrapPath(err)
		}
		last := i == len(parts)-1
		switch mode := fi.Mode(); {
		case mode&fs.ModeSymlink != 0:
			what := "the file"
			if !last {
				what = "the folder " + filepath.Join(dir, step)
			}
			return nil, &Error{name, fmt.Sprintf("%s is a symbolic link; expected a regular file inside %s (links are not followed)", what, dir)}
		case last && !mode.IsRegular():
			return nil, &Error{name, fmt.Sprintf("found %s; expected a regular file", describeMode(mode))}
		}
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, unwrapPath(err)
	}
	// The file may have been swapped since it was looked at.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, &Error{name, "the file changed while it was opened; expected a regular file"}
	}
	return f, nil
}

// Read reads the input file name inside dir (see Open), up to max bytes.
func Read(dir, name string, max int64) ([]byte, error) {
	f, err := Open(dir, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > max {
		return nil, fmt.Errorf("the file is %d bytes, over the limit of %d bytes", fi.Size(), max)
	}
	src, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(src)) > max {
		err = fmt.Errorf("the file is over the limit of %d bytes", max)
	}
	return src, err
}

// Report reports why the input file at path (what it is) could not be read.
func Report(c *finding.Collector, path, what string, err error) {
	var ie *Error
	if errors.As(err, &ie) {
		c.Errorf(finding.Position{File: path}, "input-file", "%s", ie.Msg)
		return
	}
	c.Errorf(finding.Position{File: path}, "io", "cannot read %s: %v", what, err)
}

// describeMode names what a path that is not a regular file is.
func describeMode(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO (named pipe)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a file that is not a regular file"
}

// unwrapPath drops the path os puts in its errors: findings name the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Export is an export and, when it has one, its mapping file.
type Export struct {
	CSV, Mapping string
}

// FolderMapping is the name of a folder's mapping file: it reads every CSV
// of its folder (not of the folders below) that has no mapping of its own.
const FolderMapping = "mapping.toml"

// Exports lists the CSV files below dir in lexical order, each with the
// mapping file of the same name beside it (eoffice.csv, eoffice.toml), or
// else its folder's mapping.toml. A mapping file without its export, or a
// folder mapping that reads no export, is an error.
// Links, and anything that is neither a file nor a folder, are errors.
func Exports(dir string, c *finding.Collector) []Export {
	var files []Export
	var mappings []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// Never followed nor read: a link could lead anywhere, a FIFO
			// or a device could hang the reading or never end.
			what, why := describeMode(d.Type()), ""
			if d.Type()&fs.ModeSymlink != 0 {
				what, why = "a symbolic link", " (links are not followed)"
			}
			c.Errorf(finding.Position{File: path}, "input-file", "found %s; expected only regular files and folders below %s%s", what, dir, why)
			return nil
		}
		switch strings.ToLower(filepath.Ext(path)) {
		case ".csv":
			files = append(files, Export{CSV: path})
		case ".toml":
			mappings = append(mappings, path)
		}
		return nil
	})
	if err != nil {
		c.Errorf(finding.Position{File: dir}, "io", "cannot read the exports: %v", err)
	}
	if len(files) == 0 && err == nil {
		c.Errorf(finding.Position{File: dir}, "no-exports", "no CSV export found below the folder")
	}
	var folders []string
	for _, m := range mappings {
		if filepath.Base(m) == FolderMapping {
			folders = append(folders, m) // after every export has found its own
			continue
		}
		base := strings.TrimSuffix(m, filepath.Ext(m))
		found := false
		for i := range files {
			if strings.TrimSuffix(files[i].CSV, filepath.Ext(files[i].CSV)) == base {
				files[i].Mapping, found = m, true
			}
		}
		if !found {
			c.Errorf(finding.Position{File: m}, "mapping", "a mapping file without its export; expected %s beside it", filepath.Base(base)+".csv")
		}
	}
	for _, m := range folders {
		found := false
		for i := range files {
			if files[i].Mapping == "" && filepath.Dir(files[i].CSV) == filepath.Dir(m) {
				files[i].Mapping, found = m, true
			}
		}
		if !found {
			c.Errorf(finding.Position{File: m}, "mapping", "a folder mapping that reads no export: every CSV file beside it has a mapping of its own, or there is none")
		}
	}
	return files
}

// CheckTree checks that everything below the folder dir (hand-written
// content, templates) is a folder or a regular file, so that a link or a
// device there cannot publish, or hang on, a file elsewhere when Hugo
// reads the folder. It returns an *Error for each that is not, joined, and
// nil for a folder that does not exist.
func CheckTree(dir string) error {
	var errs []error
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && path == dir {
				return fs.SkipDir
			}
			return err
		}
		switch mode := d.Type(); {
		case mode&fs.ModeSymlink != 0:
			errs = append(errs, &Error{path, path + ": a symbolic link; expected a regular file or a folder (links are not followed)"})
		case !mode.IsDir() && !mode.IsRegular():
			errs = append(errs, &Error{path, path + ": found " + describeMode(mode) + "; expected a regular file or a folder"})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
