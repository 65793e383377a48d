package dataset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// InputFileError says why a path is not an input file: it leads outside its
// folder, it or a folder on the way is a symbolic link, or it is not a
// regular file (a folder, a device, a FIFO, a socket). The message says what
// was found and never anything the file holds.
type InputFileError struct {
	Path string
	Msg  string
}

func (e *InputFileError) Error() string { return e.Msg }

// OpenInput opens name, a path inside the folder dir, for reading, only if
// it is a regular file reached without a symbolic link and without leaving
// dir: inputs are regular files inside the project, and a link or a device
// there could publish, or hang on, a file elsewhere. The error is an
// *InputFileError for a path that is not an input file. The site's report
// commentaries (content/) are read through it too.
func OpenInput(dir, name string) (*os.File, error) {
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return nil, &InputFileError{name, fmt.Sprintf("the file is outside the folder %s; expected an input file inside it", dir)}
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
			return nil, &InputFileError{name, fmt.Sprintf("%s is a symbolic link; expected a regular file inside %s (links are not followed)", what, dir)}
		case last && !mode.IsRegular():
			return nil, &InputFileError{name, fmt.Sprintf("found %s; expected a regular file", describeMode(mode))}
		}
	}
	f, err := root.Open(rel)
	if err != nil {
		return nil, unwrapPath(err)
	}
	// The file may have been swapped since it was looked at.
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return nil, &InputFileError{name, "the file changed while it was opened; expected a regular file"}
	}
	return f, nil
}

// readInput reads the input file name inside dir (see OpenInput), up to
// max bytes.
func readInput(dir, name string, max int64) ([]byte, error) {
	f, err := OpenInput(dir, name)
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

// reportRead reports why the input file at path (what) could not be read.
func reportRead(c *collector, path, what string, err error) {
	var ife *InputFileError
	if errors.As(err, &ife) {
		c.Errorf(Position{File: path}, "input-file", "%s", ife.Msg)
		return
	}
	c.Errorf(Position{File: path}, "io", "cannot read %s: %v", what, err)
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
