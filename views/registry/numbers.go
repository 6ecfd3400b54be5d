package registry

import "github.com/agdash/agdash/backend/metrics"

// numbers is how the pane writes one metric's numbers: alike down the
// row (0.70 beside 0.74, -711.0 beside -523.2). The writing lives in
// backend/metrics, so that an export says what the screen says.
type numbers = metrics.RowNumbers

// numbersOf is how the row's numbers are written.
func numbersOf(r metrics.Row) numbers { return metrics.NumbersOf(r) }

// relative writes a relative change as a percentage with one decimal,
// signed as its delta is: a tiny fall reads "-0.0%", never "+0.0%".
func relative(delta, rel float64) string { return metrics.FormatRelative(delta, rel) }
