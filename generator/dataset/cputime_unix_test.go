//go:build unix

package dataset

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used,
// which machines shared with other work disturb less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
