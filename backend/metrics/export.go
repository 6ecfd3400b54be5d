package metrics

import (
	"encoding/csv"
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
// Values are full precision, deltas to 12 significant digits, relative
// changes in percent to two decimals; missing ones are empty. When any report
// could not be read, a last row "report error" carries each version's
// error in its value column. Text that a spreadsheet would run as a
// formula (=, +, -, @ first) is prefixed with a quote.
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
				rec = append(rec, deltaNumber(cell.HasDelta, cell.Delta))
				pct := ""
				if cell.HasRelative {
					pct = strconv.FormatFloat(cell.Relative*100, 'f', 2, 64)
				}
				rec = append(rec, pct)
			}
		}
		_ = w.Write(append(rec, safeText(bestLabels(c, r))))
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

// ComparisonMarkdown writes the comparison as a GitHub-flavoured table:
// one column per version, the best value in bold, each other version's
// delta against the baseline in brackets, and notes below for reports
// that could not be read.
func ComparisonMarkdown(c Comparison) string {
	var b strings.Builder
	b.WriteString("| metric |")
	for i := range c.Columns {
		b.WriteString(" " + mdEscape(headerLabel(c, i)) + " |")
	}
	b.WriteString("\n| --- |")
	for range c.Columns {
		b.WriteString(" ---: |")
	}
	b.WriteByte('\n')
	for _, r := range c.Rows {
		b.WriteString("| " + mdEscape(r.Metric) + directionArrow(r.Direction) + " |")
		for i, cell := range r.Cells {
			b.WriteString(" " + mdCell(r, i, cell) + " |")
		}
		b.WriteByte('\n')
	}
	b.WriteString("\n↓ lower is better, ↑ higher is better; **bold** marks the best value")
	if c.Baseline >= 0 {
		b.WriteString("; bracketed changes are against " + mdEscape(c.Columns[c.Baseline].Label))
	}
	b.WriteString(".\n")
	for _, col := range c.Columns {
		if col.Err != "" {
			b.WriteString("\n" + mdEscape(col.Label) + ": " + mdEscape(col.Err) + "\n")
		}
	}
	return b.String()
}

func mdCell(r Row, col int, cell Cell) string {
	if !cell.Present {
		return Missing
	}
	s := FormatValue(cell.Value)
	if r.IsBest(col) {
		s = "**" + s + "**"
	}
	if cell.HasDelta {
		s += " (" + FormatDelta(cell.Delta)
		if cell.HasRelative {
			s += ", " + FormatRelative(cell.Relative)
		}
		s += ")"
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

// deltaNumber rounds a difference to 12 significant digits, which drops
// the noise of binary subtraction (31000.5 - 31800.4 is
// -799.9000000000015) and keeps every digit a metric is reported with.
func deltaNumber(ok bool, d float64) string {
	if !ok {
		return ""
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(d, 'g', 12, 64), 64)
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
