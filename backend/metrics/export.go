package metrics

import (
	"encoding/csv"
	"math"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// ComparisonCSV writes the comparison for spreadsheets (RFC 4180).
//
// Header: "metric", "direction" ("lower", "higher" or ""), then per
// version its label (with " (baseline)" on the baseline) and, when there
// is a baseline, "<label> delta" and "<label> delta %" for every other
// version; then "best" (labels of the best versions, space-separated).
// Numbers are for computing with, so they are not rounded as the screen
// rounds them: values are full precision, deltas to 12 significant digits
// of the values compared, relative changes in percent to two decimals,
// signed as their delta; missing ones are empty. The hyperparameters that differ between the versions follow
// as rows "hyperparameter: <name>" with each version's value in its value
// column (empty when it has none). When any report could not be read, a
// last row "report error" carries each version's error in its value
// column. Text that a spreadsheet would run as a formula (=, +, -, @
// first) is prefixed with a quote.
func ComparisonCSV(c Comparison) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	withDeltas := c.Baseline >= 0

	header := []string{"metric", "direction"}
	for i, col := range c.Columns {
		header = append(header, safeText(headerLabel(c, i)))
		if withDeltas && i != c.Baseline {
			header = append(header, safeText(col.Label+" delta"), safeText(col.Label+" delta %"))
		}
	}
	_ = w.Write(append(header, "best"))

	for _, r := range c.Rows {
		rec := []string{safeText(r.Metric), directionWord(r.Direction)}
		for i, cell := range r.Cells {
			rec = append(rec, number(cell.Present, cell.Value))
			if withDeltas && i != c.Baseline {
				rec = append(rec, deltaNumber(cell))
				rec = append(rec, percent(cell))
			}
		}
		_ = w.Write(append(rec, safeText(bestLabels(c, r))))
	}

	for _, h := range c.Hyperparameters {
		rec := []string{"hyperparameter: " + safeText(h.Name), ""}
		for i, v := range h.Values {
			if v == Missing {
				v = ""
			}
			rec = append(rec, safeText(v))
			if withDeltas && i != c.Baseline {
				rec = append(rec, "", "")
			}
		}
		_ = w.Write(append(rec, ""))
	}

	if anyErr(c) {
		rec := []string{"report error", ""}
		for i, col := range c.Columns {
			rec = append(rec, safeText(col.Err))
			if withDeltas && i != c.Baseline {
				rec = append(rec, "", "")
			}
		}
		_ = w.Write(append(rec, ""))
	}
	w.Flush() // writes to a strings.Builder cannot fail
	return b.String()
}

// ComparisonMarkdown writes the comparison as GitHub-flavoured tables,
// with the numbers as the screen writes them (a metric's numbers share
// their decimals, a change is signed as its delta, an equal value is
// "same"): one column per version, the best value in bold, each other
// version's change against the baseline in brackets; then the
// hyperparameters that differ between the versions, and notes for
// reports that could not be read.
func ComparisonMarkdown(c Comparison) string {
	var b strings.Builder
	writeMDHeader(&b, c, "metric")
	for _, r := range c.Rows {
		n := NumbersOf(r)
		b.WriteString("| " + mdEscape(r.Metric) + directionArrow(r.Direction) + " |")
		for i, cell := range r.Cells {
			b.WriteString(" " + mdCell(r, n, i, cell) + " |")
		}
		b.WriteByte('\n')
	}
	b.WriteString("\n↓ lower is better, ↑ higher is better; **bold** marks the best value")
	if c.Baseline >= 0 {
		b.WriteString("; bracketed changes are against " + mdEscape(c.Columns[c.Baseline].Label))
	}
	b.WriteString(".\n\n")
	switch {
	case len(c.Hyperparameters) > 0:
		b.WriteString("Hyperparameters that differ:\n\n")
		writeMDHeader(&b, c, "hyperparameter")
		for _, h := range c.Hyperparameters {
			b.WriteString("| " + mdEscape(h.Name) + " |")
			for _, v := range h.Values {
				b.WriteString(" " + mdEscape(v) + " |")
			}
			b.WriteByte('\n')
		}
	case c.HyperparametersKnown:
		b.WriteString("Hyperparameters that differ: none; these versions were trained with the same hyperparameters.\n")
	default:
		b.WriteString("Hyperparameters that differ: not known; no training job is recorded for these versions.\n")
	}
	for _, col := range c.Columns {
		if col.Err != "" {
			b.WriteString("\n" + mdEscape(col.Label) + ": " + mdEscape(col.Err) + "\n")
		}
	}
	return b.String()
}

// writeMDHeader writes a table's header: first, then a right-aligned
// column per version.
func writeMDHeader(b *strings.Builder, c Comparison, first string) {
	b.WriteString("| " + first + " |")
	for i := range c.Columns {
		b.WriteString(" " + mdEscape(headerLabel(c, i)) + " |")
	}
	b.WriteString("\n| --- |")
	for range c.Columns {
		b.WriteString(" ---: |")
	}
	b.WriteByte('\n')
}

func mdCell(r Row, n RowNumbers, col int, cell Cell) string {
	if !cell.Present {
		return Missing
	}
	s := n.Value(cell.Value)
	if r.IsBest(col) {
		s = "**" + s + "**"
	}
	switch {
	case !cell.HasDelta:
	case cell.Verdict == Equal:
		s += " (same)"
	case cell.HasRelative:
		s += " (" + n.Delta(cell.Delta) + ", " + FormatRelative(cell.Delta, cell.Relative) + ")"
	default:
		s += " (" + n.Delta(cell.Delta) + ")"
	}
	return s
}

func headerLabel(c Comparison, i int) string {
	col := c.Columns[i]
	if col.Baseline {
		return col.Label + " (baseline)"
	}
	return col.Label
}

func bestLabels(c Comparison, r Row) string {
	labels := make([]string, len(r.Best))
	for i, b := range r.Best {
		labels[i] = c.Columns[b].Label
	}
	return strings.Join(labels, " ")
}

func anyErr(c Comparison) bool {
	for _, col := range c.Columns {
		if col.Err != "" {
			return true
		}
	}
	return false
}

func number(ok bool, v float64) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// percent is a cell's relative change in percent to two decimals, signed
// as its delta: a fall too small to show still reads "-0.00".
func percent(cell Cell) string {
	if !cell.HasRelative {
		return ""
	}
	s := strconv.FormatFloat(math.Abs(cell.Relative)*100, 'f', 2, 64)
	if cell.Delta < 0 {
		return "-" + s
	}
	return s
}

// deltaNumber writes a cell's difference to 12 significant digits of the
// larger of the two values it is the difference of, which drops the
// noise of binary subtraction (31000.5 - 31800.4 is -799.9000000000015,
// 0.906299 - 0.9063 is -1.00000000002876e-06) and keeps every digit a
// metric is reported with.
func deltaNumber(cell Cell) string {
	if !cell.HasDelta {
		return ""
	}
	d := cell.Delta
	scale := math.Max(math.Abs(cell.Value), math.Abs(cell.Value-d))
	if scale == 0 || math.IsNaN(d) || math.IsInf(d, 0) || math.IsInf(scale, 0) {
		return strconv.FormatFloat(d, 'g', -1, 64)
	}
	decimals := 11 - int(math.Floor(math.Log10(scale)))
	if decimals < 0 || decimals > 300 {
		return strconv.FormatFloat(d, 'g', 12, 64)
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(d, 'f', decimals, 64), 64)
	if err != nil {
		r = d
	}
	return strconv.FormatFloat(r, 'g', -1, 64)
}

func directionWord(d domain.MetricDirection) string {
	switch d {
	case domain.LowerIsBetter:
		return "lower"
	case domain.HigherIsBetter:
		return "higher"
	}
	return ""
}

func directionArrow(d domain.MetricDirection) string {
	switch d {
	case domain.LowerIsBetter:
		return " ↓"
	case domain.HigherIsBetter:
		return " ↑"
	}
	return ""
}

// safeText defuses spreadsheet formulas in text that came from AWS.
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// mdEscape keeps text from breaking the table or adding markup.
func mdEscape(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "*", "\\*", "`", "\\`", "\r\n", " ", "\n", " ", "\r", " ")
	return r.Replace(s)
}
