package probe

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// clockTicks is the kernel's USER_HZ, the unit of /proc/<pid>/stat's times.
// It is 100 on every Linux architecture Go supports.
const clockTicks = 100

// CPUTime is the user plus system CPU time a process has used so far, all
// its threads included.
func CPUTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseStatCPU(b)
}

// parseStatCPU reads utime and stime (fields 14 and 15) from a
// /proc/<pid>/stat line. The command name (field 2) may hold spaces and
// parentheses, so fields are counted from its closing parenthesis.
func parseStatCPU(stat []byte) (time.Duration, error) {
	end := bytes.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("not a /proc stat line: %q", stat)
	}
	fields := strings.Fields(string(stat[end+1:]))
	// fields[0] is field 3 (state): utime is field 14, stime field 15.
	if len(fields) < 13 {
		return 0, fmt.Errorf("a /proc stat line of %d fields after the name, want at least 13", len(fields))
	}
	utime, err := strconv.ParseInt(fields[11], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("utime: %w", err)
	}
	stime, err := strconv.ParseInt(fields[12], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("stime: %w", err)
	}
	return time.Duration(utime+stime) * time.Second / clockTicks, nil
}

// RSS is a process's resident memory in bytes (VmRSS).
func RSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return parseVmRSS(f)
}

func parseVmRSS(r io.Reader) (int64, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("VmRSS line %q: want \"N kB\"", rest)
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("VmRSS: %w", err)
		}
		return kb * 1024, nil
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmRSS line: a kernel thread, or the process has exited")
}

// CPUShare is a process's CPU time over wall time, as a fraction of one
// core, sampled every step for total (the samples show that the cost is
// spread, not one burst).
type CPUShare struct {
	Wall, CPU time.Duration
	// PerStep is the CPU time of each step.
	PerStep []time.Duration
}

// Percent is the CPU time as a percentage of one core.
func (s CPUShare) Percent() float64 {
	if s.Wall <= 0 {
		return 0
	}
	return 100 * s.CPU.Seconds() / s.Wall.Seconds()
}

// MeasureCPU samples pids' CPU time every step for total and returns each
// one's share. It sleeps: it is a measuring tool, not a test.
func MeasureCPU(pids []int, total, step time.Duration) ([]CPUShare, error) {
	shares := make([]CPUShare, len(pids))
	last := make([]time.Duration, len(pids))
	first := make([]time.Duration, len(pids))
	for i, pid := range pids {
		c, err := CPUTime(pid)
		if err != nil {
			return nil, err
		}
		last[i], first[i] = c, c
	}
	start := time.Now()
	for time.Since(start) < total {
		time.Sleep(min(step, total-time.Since(start)))
		for i, pid := range pids {
			c, err := CPUTime(pid)
			if err != nil {
				return nil, err
			}
			shares[i].PerStep = append(shares[i].PerStep, c-last[i])
			last[i] = c
		}
	}
	wall := time.Since(start)
	for i := range shares {
		shares[i].Wall, shares[i].CPU = wall, last[i]-first[i]
	}
	return shares, nil
}
