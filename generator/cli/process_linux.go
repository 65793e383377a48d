package cli

import (
	"os"
	"syscall"
)

// peakRSS returns the peak resident memory of a finished process in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss * 1024 // Linux counts kilobytes
	}
	return 0
}

// settle writes back to disk what earlier runs left in the page cache, so
// that the writes of one measured build do not slow down the next one.
func settle() { syscall.Sync() }
