package kit

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Duration is a compact length of time: 45s, 12m05s, 1h02m, 3d4h. A
// length measured from (or to) the zero time, an instant not known yet
// (a job listed but not described), is Unknown: time.Time.Sub saturates
// then, and nothing agdash measures lasts 292 years.
func Duration(d time.Duration) string {
	if unknownLength(d) {
		return Unknown
	}
	var buf [24]byte // "-106751d23h" at most
	b := buf[:0]
	if d < 0 {
		b = append(b, '-')
	}
	s := int64(d / time.Second)
	if s < 0 {
		s = -s
	}
	two := func(b []byte, n int64) []byte {
		if n < 10 {
			b = append(b, '0')
		}
		return strconv.AppendInt(b, n, 10)
	}
	switch {
	case s < 60:
		b = append(strconv.AppendInt(b, s, 10), 's')
	case s < 3600:
		b = append(two(append(strconv.AppendInt(b, s/60, 10), 'm'), s%60), 's')
	case s < 86400:
		b = append(two(append(strconv.AppendInt(b, s/3600, 10), 'h'), s%3600/60), 'm')
	default:
		b = append(strconv.AppendInt(append(strconv.AppendInt(b, s/86400, 10), 'd'), s%86400/3600, 10), 'h')
	}
	return string(b)
}

// Unknown stands in a cell or a line for a value not known yet.
const Unknown = "-"

// unknownLength reports a duration time.Time.Sub saturated to: one side
// was the zero time.
func unknownLength(d time.Duration) bool { return d == math.MaxInt64 || d == math.MinInt64 }

// ShortDuration is a one-unit length of time: 12s, 5m, 3h, 2d, 5mo, 2y;
// Unknown when measured from the zero time, as Duration.
func ShortDuration(d time.Duration) string {
	if unknownLength(d) {
		return Unknown
	}
	if d < 0 {
		d = -d
	}
	s := int64(d / time.Second)
	const day = 86400
	switch {
	case s < 60:
		return strconv.FormatInt(s, 10) + "s"
	case s < 3600:
		return strconv.FormatInt(s/60, 10) + "m"
	case s < day:
		return strconv.FormatInt(s/3600, 10) + "h"
	case s < 100*day:
		return strconv.FormatInt(s/day, 10) + "d"
	case s < 730*day:
		return strconv.FormatInt(s/(30*day), 10) + "mo"
	}
	return strconv.FormatInt(s/(365*day), 10) + "y"
}

// Age is how long ago t was: "12s ago", "5m ago"; "in 3m" for the future,
// Unknown for the zero time.
func Age(t, now time.Time) string {
	if t.IsZero() {
		return Unknown
	}
	d := now.Sub(t)
	if d < -time.Second {
		return "in " + ShortDuration(-d)
	}
	if d < 0 {
		d = 0
	}
	return ShortDuration(d) + " ago"
}

// Bytes is a size in binary units: 512 B, 1.5 KiB, 12.3 GiB.
func Bytes(n int64) string {
	if n < 0 {
		return "-" + Bytes(-n)
	}
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " B"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v := float64(n) / unit
	i := 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f %s", v, units[i])
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}

// Percent shows a fraction in [0,1] as a percentage: 0.1234 → "12.3%".
func Percent(frac float64) string {
	if math.IsNaN(frac) {
		return "-"
	}
	p := frac * 100
	if p != 0 && math.Abs(p) < 0.1 {
		return fmt.Sprintf("%.2f%%", p)
	}
	return fmt.Sprintf("%.1f%%", p)
}

// Count is a whole number with thousands separators: 1234567 → "1,234,567".
func Count(n int64) string {
	if n < 0 {
		return "-" + Count(-n)
	}
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/3)
	pre := len(s) % 3
	if pre > 0 {
		out = append(out, s[:pre]...)
	}
	for i := pre; i < len(s); i += 3 {
		if len(out) > 0 {
			out = append(out, ',')
		}
		out = append(out, s[i:i+3]...)
	}
	return string(out)
}

// ShortCount is a number in at most four or five cells: 950, 12.3k, 4.5M.
func ShortCount(n float64) string {
	a := math.Abs(n)
	switch {
	case a < 1000:
		if a == math.Trunc(a) {
			return strconv.FormatFloat(n, 'f', 0, 64)
		}
		return strconv.FormatFloat(n, 'f', 1, 64)
	case a < 1e6:
		return strconv.FormatFloat(n/1e3, 'f', 1, 64) + "k"
	case a < 1e9:
		return strconv.FormatFloat(n/1e6, 'f', 1, 64) + "M"
	}
	return strconv.FormatFloat(n/1e9, 'f', 1, 64) + "G"
}

// Timestamp is t in now's location, compact: "15:04" today, "Jan 02 15:04"
// this year, "2006-01-02" before; Unknown for the zero time.
func Timestamp(t, now time.Time) string {
	if t.IsZero() {
		return Unknown
	}
	t = t.In(now.Location())
	switch {
	case t.Year() == now.Year() && t.YearDay() == now.YearDay():
		return t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("Jan 02 15:04")
	}
	return t.Format("2006-01-02")
}

// When is a Timestamp with its Age: "Jan 02 15:04 (3d ago)"; Unknown for
// the zero time.
func When(t, now time.Time) string {
	if t.IsZero() {
		return Unknown
	}
	return Timestamp(t, now) + " (" + Age(t, now) + ")"
}

// FullTimestamp is t in now's location with date, seconds and zone.
func FullTimestamp(t, now time.Time) string {
	if t.IsZero() {
		return Unknown
	}
	return t.In(now.Location()).Format("2006-01-02 15:04:05 MST")
}

// Noun is n with the noun in the right number: "1 pipeline", "3 pipelines".
// plural is used as given; the singular drops its final "s".
func Noun(n int, plural string) string {
	if n == 1 {
		return "1 " + strings.TrimSuffix(plural, "s")
	}
	return strconv.Itoa(n) + " " + plural
}
