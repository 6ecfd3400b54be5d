package registry

import (
	"math"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/metrics"
)

// maxRowDecimals caps the decimals a metric's numbers share.
const maxRowDecimals = 6

// numbers writes every number of one metric (its values across versions,
// their deviations and deltas) with the same count of decimals, so that
// they line up and read alike: 0.70 beside 0.74, a delta of -711.0 beside
// -523.2, not -711. The count is the most any value needs in
// metrics.FormatValue's own writing. A metric with a value that
// FormatValue writes in exponent form (very large or very small) keeps
// FormatValue's writing throughout.
type numbers struct {
	decimals int
	uniform  bool
}

// numbersOf is how the row's numbers are written.
func numbersOf(r metrics.Row) numbers {
	n := numbers{uniform: true}
	seen := false
	for _, c := range r.Cells {
		if !c.Present {
			continue
		}
		seen = true
		s := metrics.FormatValue(c.Value)
		if strings.ContainsAny(s, "eEIN") { // exponent, Inf, NaN
			return numbers{}
		}
		if _, frac, ok := strings.Cut(s, "."); ok {
			n.decimals = max(n.decimals, min(maxRowDecimals, len(frac)))
		}
	}
	if !seen {
		return numbers{}
	}
	return n
}

// value writes a value (or a deviation); one that would read as zero at
// the row's decimals though it is not keeps FormatValue's writing.
func (n numbers) value(v float64) string {
	if !n.uniform || math.IsNaN(v) || math.IsInf(v, 0) {
		return metrics.FormatValue(v)
	}
	s := fixed(v, n.decimals)
	if v != 0 && isZero(s) {
		return metrics.FormatValue(v)
	}
	return s
}

// delta writes a difference with its sign: "+1,149.8", "-711.0".
func (n numbers) delta(d float64) string {
	if !n.uniform {
		return metrics.FormatDelta(d)
	}
	s := n.value(d)
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s
}

// relative writes a relative change as a percentage with one decimal,
// signed as its delta is: a tiny fall reads "-0.0%", never "+0.0%".
func relative(delta, rel float64) string {
	s := strconv.FormatFloat(math.Abs(rel)*100, 'f', 1, 64) + "%"
	if delta < 0 {
		return "-" + s
	}
	return "+" + s
}

// fixed writes v with decimals decimals, its integer digits grouped in
// thousands as metrics.FormatValue groups them.
func fixed(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	sign := ""
	if rest, ok := strings.CutPrefix(s, "-"); ok {
		sign, s = "-", rest
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	if math.Abs(v) >= 1000 {
		var b strings.Builder
		for i, c := range whole {
			if i > 0 && (len(whole)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		whole = b.String()
	}
	if hasFrac {
		return sign + whole + "." + frac
	}
	return sign + whole
}

// isZero reports whether a written number has no digit but 0.
func isZero(s string) bool {
	return strings.Trim(s, "+-0.,") == ""
}
