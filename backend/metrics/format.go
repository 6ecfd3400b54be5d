package metrics

import (
	"math"
	"strconv"
	"strings"
)

// Missing is shown for a value a version does not have.
const Missing = "—"

// FormatValue writes a metric value for people: four significant digits
// for small numbers (0.9123, 12.35), one decimal with thousands
// separators from 1,000 up (31,000.5), and trailing zeros dropped.
func FormatValue(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return strconv.FormatFloat(v, 'g', -1, 64)
	case v == 0:
		return "0"
	case a >= 1e15 || a < 1e-4:
		return strconv.FormatFloat(v, 'g', 4, 64)
	case a >= 1000:
		// One decimal always, so a column of values lines up on the point.
		return groupThousands(strconv.FormatFloat(v, 'f', 1, 64))
	}
	// Four significant digits: as many decimals as the integer part leaves.
	decimals := 3 - int(math.Floor(math.Log10(a)))
	return trimZeros(strconv.FormatFloat(v, 'f', decimals, 64))
}

// FormatDelta writes a difference with its sign: "+1,210.7", "-0.01".
func FormatDelta(d float64) string {
	s := FormatValue(d)
	if d > 0 || d == 0 && !strings.HasPrefix(s, "-") {
		return "+" + s
	}
	return s
}

func trimZeros(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// groupThousands puts commas between groups of three integer digits.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		return sign + b.String() + "." + frac
	}
	return sign + b.String()
}
