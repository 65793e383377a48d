package hugosite

import (
	"errors"
	"os"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"
)

// errAbandoned is what a Hugo build that was abandoned (see build) gets
// for every write it still tries.
var errAbandoned = errors.New("the Hugo build was abandoned; nothing more is written")

// sealingFs is the file system Hugo publishes to, which can be sealed: from
// then on nothing is created, written, moved or removed through it, not
// even through files opened before. A Hugo build that is abandoned keeps
// running, blocked, in its goroutine; sealed, it can no longer write into
// the staging folder while the build removes it, nor after.
type sealingFs struct {
	afero.Fs
	sealed *atomic.Bool
}

func (fs sealingFs) check() error {
	if fs.sealed.Load() {
		return errAbandoned
	}
	return nil
}

func (fs sealingFs) Create(name string) (afero.File, error) {
	if err := fs.check(); err != nil {
		return nil, err
	}
	f, err := fs.Fs.Create(name)
	if err != nil {
		return nil, err
	}
	return sealingFile{File: f, sealed: fs.sealed}, nil
}

func (fs sealingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if err := fs.check(); err != nil {
		return nil, err
	}
	f, err := fs.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return sealingFile{File: f, sealed: fs.sealed}, nil
}

func (fs sealingFs) Mkdir(name string, perm os.FileMode) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.Mkdir(name, perm)
}

func (fs sealingFs) MkdirAll(name string, perm os.FileMode) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.MkdirAll(name, perm)
}

func (fs sealingFs) Remove(name string) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.Remove(name)
}

func (fs sealingFs) RemoveAll(name string) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.RemoveAll(name)
}

func (fs sealingFs) Rename(oldname, newname string) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.Rename(oldname, newname)
}

func (fs sealingFs) Chmod(name string, mode os.FileMode) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.Chmod(name, mode)
}

func (fs sealingFs) Chtimes(name string, atime, mtime time.Time) error {
	if err := fs.check(); err != nil {
		return err
	}
	return fs.Fs.Chtimes(name, atime, mtime)
}

// sealingFile is a file opened through a sealingFs: once sealed, it takes
// no more writes.
type sealingFile struct {
	afero.File
	sealed *atomic.Bool
}

func (f sealingFile) Write(p []byte) (int, error) {
	if f.sealed.Load() {
		return 0, errAbandoned
	}
	return f.File.Write(p)
}

func (f sealingFile) WriteAt(p []byte, off int64) (int, error) {
	if f.sealed.Load() {
		return 0, errAbandoned
	}
	return f.File.WriteAt(p, off)
}

func (f sealingFile) WriteString(s string) (int, error) {
	if f.sealed.Load() {
		return 0, errAbandoned
	}
	return f.File.WriteString(s)
}

func (f sealingFile) Truncate(size int64) error {
	if f.sealed.Load() {
		return errAbandoned
	}
	return f.File.Truncate(size)
}
