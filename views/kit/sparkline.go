package kit

import (
	"math"
	"strings"
)

var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values as one row of block characters, width cells wide,
// scaled from their lowest to their highest value: right for a metric
// compared across versions, where the spread is the point. More values
// than cells are averaged into buckets (the newest at the right); fewer
// are drawn right-aligned. NaN draws as a space. A flat series draws at
// the lowest level so "no change" does not look like load.
func Sparkline(values []float64, width int) string {
	return sparkline(values, width, false)
}

// SparklineFromZero draws a quantity that cannot go below zero (calls,
// errors, latency, utilisation) against a zero baseline, so a dip from
// 465 to 386 a minute reads as a dip, not as traffic stopping. A flat
// series draws at its height: steady load looks like load.
func SparklineFromZero(values []float64, width int) string {
	return sparkline(values, width, true)
}

func sparkline(values []float64, width int, fromZero bool) string {
	if width <= 0 {
		return ""
	}
	vals := bucket(values, width)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if fromZero && lo > 0 {
		lo = 0
	}
	var b strings.Builder
	b.Grow(width * 3)
	for i := len(vals); i < width; i++ {
		b.WriteByte(' ')
	}
	top := len(sparkBlocks) - 1
	for _, v := range vals {
		switch {
		case math.IsNaN(v):
			b.WriteByte(' ')
		case hi == lo:
			b.WriteRune(sparkBlocks[0])
		default:
			b.WriteRune(sparkBlocks[int(math.Round((v-lo)/(hi-lo)*float64(top)))])
		}
	}
	return b.String()
}

// bucket averages values into at most n buckets, ignoring NaN; a bucket
// of only NaN stays NaN.
func bucket(values []float64, n int) []float64 {
	if len(values) <= n {
		return values
	}
	out := make([]float64, n)
	for i := range out {
		from, to := i*len(values)/n, (i+1)*len(values)/n
		sum, k := 0.0, 0
		for _, v := range values[from:to] {
			if !math.IsNaN(v) {
				sum += v
				k++
			}
		}
		if k == 0 {
			out[i] = math.NaN()
		} else {
			out[i] = sum / float64(k)
		}
	}
	return out
}
