package metrics

import (
	"math"
	"strconv"
	"strings"
)

// maxRowDecimals caps the decimals a metric's numbers share.
const maxRowDecimals = 6

// RowNumbers is how every number of one metric (its values across
// versions, their deviations and deltas) is written: with the same count
// of decimals, so that they line up and read alike, 0.70 beside 0.74, a
// delta of -711.0 beside -523.2, not -711. The count is the most any value
// needs in FormatValue's own writing. A metric with a value that
// FormatValue writes in exponent form (very large or very small) keeps
// FormatValue's writing throughout. The screen and the exports both write
// with it, so a file says what the screen said.
type RowNumbers struct {
	decimals int
	uniform  bool
}

// NumbersOf is how the row's numbers are written.
func NumbersOf(r Row) RowNumbers {
	n := RowNumbers{uniform: true}
	seen := false
	for _, c := range r.Cells {
		if !c.Present {
			continue
		}
		seen = true
		s := FormatValue(c.Value)
		if strings.ContainsAny(s, "eEIN") { // exponent, Inf, NaN
			return RowNumbers{}
		}
		if _, frac, ok := strings.Cut(s, "."); ok {
			n.decimals = max(n.decimals, min(maxRowDecimals, len(frac)))
		}
	}
	if !seen {
		return RowNumbers{}
	}
	return n
}

// Value writes a value (or a deviation); one that would read as zero at
// the row's decimals though it is not keeps FormatValue's writing.
func (n RowNumbers) Value(v float64) string {
	if !n.uniform || math.IsNaN(v) || math.IsInf(v, 0) {
		return FormatValue(v)
	}
	s := fixed(v, n.decimals)
	if v != 0 && isZero(s) {
		return FormatValue(v)
	}
	return s
}

// Delta writes a difference with its sign: "+1,149.8", "-711.0".
func (n RowNumbers) Delta(d float64) string {
	if !n.uniform {
		return FormatDelta(d)
	}
	s := n.Value(d)
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	return s
}

// FormatRelative writes a relative change rel as a percentage with one
// decimal, signed as its delta is: a tiny fall reads "-0.0%", never
// "+0.0%"; "+3.8%", "-12.0%".
func FormatRelative(delta, rel float64) string {
	s := strconv.FormatFloat(math.Abs(rel)*100, 'f', 1, 64) + "%"
	if delta < 0 {
		return "-" + s
	}
	return "+" + s
}

// fixed writes v with decimals decimals, its integer digits grouped in
// thousands as FormatValue groups them.
func fixed(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if math.Abs(v) >= 1000 {
		return groupThousands(s)
	}
	return s
}

// isZero reports whether a written number has no digit but 0.
func isZero(s string) bool {
	return strings.Trim(s, "+-0.,") == ""
}
