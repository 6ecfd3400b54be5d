//go:build unix

package sagemaker_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user and system) this process has used, all
// threads together: on a machine shared with other work, CPU per request
// says more about the code than requests per wall-clock second.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
