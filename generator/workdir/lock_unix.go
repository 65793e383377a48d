//go:build unix

package workdir

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// lock takes the lock of the folder at path for as long as the returned
// file stays open.
func lock(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// tryLock takes the lock of the folder at path if no one holds it, and
// returns nil, nil if someone does.
func tryLock(path string) (*os.File, error) {
	f, err := lock(path)
	if errors.Is(err, unix.EWOULDBLOCK) {
		return nil, nil
	}
	return f, err
}

// Hold waits for, then takes, the lock of the file at path (created if
// need be), until release is called.
func Hold(path string) (release func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
