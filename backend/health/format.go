package health

import (
	"strconv"
	"strings"
	"time"
)

// percent writes a fraction as a percentage with sensible precision:
// 0.062 → "6.2%", 0.25 → "25%", 0.0004 → "0.04%".
func percent(f float64) string {
	p := f * 100
	switch {
	case p >= 10:
		return strconv.FormatFloat(p, 'f', 0, 64) + "%"
	case p >= 1:
		return trimZeros(strconv.FormatFloat(p, 'f', 1, 64)) + "%"
	}
	return trimZeros(strconv.FormatFloat(p, 'f', 2, 64)) + "%"
}

// whole writes a percentage already in percent units: 92.4 → "92%".
func whole(p float64) string {
	return strconv.FormatFloat(p, 'f', 0, 64) + "%"
}

// duration writes a latency: "350 ms", "2.4 s".
func duration(d time.Duration) string {
	if d < time.Second {
		return strconv.FormatInt(d.Round(time.Millisecond).Milliseconds(), 10) + " ms"
	}
	return trimZeros(strconv.FormatFloat(d.Seconds(), 'f', 1, 64)) + " s"
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}
