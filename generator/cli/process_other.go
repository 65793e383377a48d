//go:build !linux

package cli

import "os"

// peakRSS returns 0: the peak memory of a process is read only on Linux.
func peakRSS(*os.ProcessState) int64 { return 0 }

// settle does nothing: the page cache is written back only on Linux.
func settle() {}
