package ui

import (
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/agdash/agdash/views/kit"
)

// WriteCrashReport writes a report of a panic recovered outside the shell
// (a feed's goroutine) to dir ("" for the system temp dir) and returns
// its path. Like the shell's own, it holds the panic and the stack only.
func WriteCrashReport(dir, version, where string, value any, stack []byte) (string, error) {
	return writeCrashReport(dir, version, &crash{value: value, stack: stack, where: where})
}

// writeCrashReport writes what is needed to find the bug: the panic, where
// it happened and the stack. It holds no identity, credentials,
// environment or AWS data beyond the panic's own text.
func writeCrashReport(dir, version string, c *crash) (string, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	f, err := os.CreateTemp(dir, "agdash-crash-*.txt")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = fmt.Fprintf(f, "agdash crash report\n\ntime:    %s\nversion: %s\ngo:      %s %s/%s\nwhere:   %s\npanic:   %s\n\n%s",
		time.Now().UTC().Format(time.RFC3339), nonEmpty(version, "dev"), runtime.Version(), runtime.GOOS, runtime.GOARCH,
		c.where, kit.Sanitize(fmt.Sprint(c.value)), c.stack)
	if err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}
