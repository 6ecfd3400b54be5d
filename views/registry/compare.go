package registry

import (
	"math"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// comparison is several versions of one group side by side: the state of
// the compare view. It is rebuilt from each new versions delivery, keeping
// the focused column and the horizontal scroll.
type comparison struct {
	group    string
	versions []domain.ModelVersion // oldest first
	table    metrics.Comparison
	nums     []numbers // how each of table.Rows writes its numbers
	// added is the approved version, put in as the baseline although it
	// was not marked; 0 when it was marked or there is none.
	added int
	// focus is the version column actions apply to; offset the first
	// column on screen.
	focus, offset int
}

// newComparison compares the versions numbered nums. The approved
// version is always among them when the group has one, as the baseline.
func newComparison(group string, all []domain.ModelVersion, nums []int) *comparison {
	c := &comparison{group: group}
	approved := approvedVersion(all)
	picked := append([]int(nil), nums...)
	if approved != 0 && !slices.Contains(nums, approved) {
		picked = append(picked, approved)
		c.added = approved
	}
	c.versions = pickVersions(all, picked)
	c.table = metrics.Compare(c.versions, approved)
	for _, r := range c.table.Rows {
		c.nums = append(c.nums, numbersOf(r))
	}
	c.focus = len(c.versions) - 1 // the newest: usually the candidate
	return c
}

// refresh rebuilds the comparison from new data for the same versions.
func (c *comparison) refresh(all []domain.ModelVersion) *comparison {
	var nums []int
	for _, v := range c.versions {
		if v.Version != c.added {
			nums = append(nums, v.Version)
		}
	}
	focused := c.focusedVersion()
	next := newComparison(c.group, all, nums)
	next.offset = c.offset
	for i, v := range next.versions {
		if v.Version == focused {
			next.focus = i
		}
	}
	return next
}

func (c *comparison) focusedVersion() int {
	if c.focus < 0 || c.focus >= len(c.versions) {
		return 0
	}
	return c.versions[c.focus].Version
}

// labels are the compared versions' labels, for crumbs and file names.
func (c *comparison) labels() []string {
	out := make([]string, len(c.versions))
	for i, v := range c.versions {
		out[i] = label(v.Version)
	}
	return out
}

// move shifts the focus by d columns.
func (c *comparison) move(d int) {
	c.focus = max(0, min(len(c.versions)-1, c.focus+d))
}

// Spacing of the compare table.
const (
	colSep    = 2 // between columns
	gutterW   = 2 // "◀ " and " ▶" where columns are scrolled off
	minColW   = 10
	maxColW   = 22
	maxTrendW = 16
)

// compareLayout is how the table fits a width.
type compareLayout struct {
	metricW, colW, trendW int
	visible               int // version columns on screen
}

func (c *comparison) layout(width int) compareLayout {
	l := compareLayout{metricW: kit.Width("METRIC"), colW: minColW}
	for _, r := range c.table.Rows {
		l.metricW = max(l.metricW, kit.Width(metricTitle(r)))
	}
	for _, h := range c.table.Hyperparameters {
		l.metricW = max(l.metricW, kit.Width(kit.Sanitize(h.Name)))
	}
	l.metricW = min(l.metricW, 24, max(8, width/4))
	for i := range c.table.Columns {
		l.colW = max(l.colW, kit.Width(c.columnLabel(i)), kit.Width(approvalWord(c.table.Columns[i].Approval)))
		for ri, r := range c.table.Rows {
			l.colW = max(l.colW, kit.Width(valueText(r, c.nums[ri], i)), kit.Width(deltaText(c.nums[ri], r.Cells[i])))
		}
		for _, h := range c.table.Hyperparameters {
			l.colW = max(l.colW, min(maxColW, kit.Width(kit.Sanitize(h.Values[i]))))
		}
	}
	l.colW = min(l.colW, maxColW)
	l.trendW = max(kit.Width("TREND"), min(maxTrendW, len(c.versions)))
	fixed := func() int { return 1 + l.metricW + colSep + 2*gutterW + colSep + l.trendW }
	if width-fixed() < l.colW && width < 60 {
		l.trendW = 0 // narrow: the values matter more than the chart
	}
	avail := width - fixed()
	if l.trendW == 0 {
		avail += colSep
	}
	if avail < l.colW {
		l.colW = max(6, avail)
	}
	l.visible = max(1, min(len(c.versions), (avail+colSep)/(l.colW+colSep)))
	return l
}

// scrollTo keeps the focused column on screen.
func (c *comparison) scrollTo(visible int) {
	n := len(c.versions)
	if c.focus < c.offset {
		c.offset = c.focus
	}
	if c.focus >= c.offset+visible {
		c.offset = c.focus - visible + 1
	}
	c.offset = max(0, min(c.offset, n-visible))
}

// columnLabel is a column's title: "v12 (base)" on the baseline.
func (c *comparison) columnLabel(i int) string {
	col := c.table.Columns[i]
	label := kit.Sanitize(col.Label) // built from the versions' AWS text
	if col.Baseline {
		return label + " (base)"
	}
	return label
}

func metricTitle(r metrics.Row) string {
	return fitMetricTitle(r, 0)
}

// fitMetricTitle is the metric's name and direction arrow in at most w
// cells (0: no limit); a long name is cut, never the arrow.
func fitMetricTitle(r metrics.Row, w int) string {
	name, arrow := kit.Sanitize(r.Metric), directionArrow(r.Direction)
	if arrow != "" {
		arrow = " " + arrow
	}
	if w > 0 {
		name = kit.Truncate(name, max(1, w-kit.Width(arrow)))
	}
	return name + arrow
}

// bestSymbol marks the best value of a row, besides its style, so the best
// is found without colour.
const bestSymbol = "★"

func valueText(r metrics.Row, n numbers, i int) string {
	cell := r.Cells[i]
	if !cell.Present {
		return metrics.Missing
	}
	s := n.Value(cell.Value)
	if r.IsBest(i) {
		s = bestSymbol + " " + s
	}
	return s
}

func deltaText(n numbers, cell metrics.Cell) string {
	switch {
	case !cell.HasDelta:
		return ""
	case cell.Verdict == metrics.Equal:
		return "same"
	}
	s := n.Delta(cell.Delta)
	if cell.HasRelative {
		s += " " + relative(cell.Delta, cell.Relative)
	}
	return s
}

// intro is the line above the table: what the deltas are measured against.
func (c *comparison) intro() string {
	b := c.table.Baseline
	switch {
	case b < 0:
		return "No version of " + kit.Sanitize(c.group) + " is approved yet, so there are no deltas."
	case c.added != 0:
		return "Deltas against " + label(c.added) + ", the approved version (production), added as the baseline."
	}
	return "Deltas against " + c.table.Columns[b].Label + ", the approved version (production)."
}

// header draws the column titles, approval statuses and a rule that is
// heavy under the focused column.
func (c *comparison) header(st *themes.Styles, l compareLayout) []string {
	first, last := c.offset, min(len(c.versions), c.offset+l.visible)
	var titles, statuses, rule strings.Builder
	titles.WriteByte(' ')
	statuses.WriteByte(' ')
	rule.WriteByte(' ')
	st.TableHeader.WriteTo(&titles, kit.Fit("METRIC", l.metricW, kit.AlignLeft))
	statuses.WriteString(strings.Repeat(" ", l.metricW))
	st.Muted.WriteTo(&rule, strings.Repeat("─", l.metricW))
	left, right := "  ", "  "
	if first > 0 {
		left = "◀ "
	}
	if last < len(c.versions) {
		right = " ▶"
	}
	pad := strings.Repeat(" ", colSep)
	titles.WriteString(pad + left)
	statuses.WriteString(pad + "  ")
	st.Muted.WriteTo(&rule, strings.Repeat("─", colSep+gutterW))
	for i := first; i < last; i++ {
		if i > first {
			titles.WriteString(pad)
			statuses.WriteString(pad)
			st.Muted.WriteTo(&rule, strings.Repeat("─", colSep))
		}
		look := st.TableHeader
		line := st.Muted
		ch := "─"
		if i == c.focus {
			look, line, ch = st.Accent, st.Accent, "━"
		}
		look.WriteTo(&titles, kit.Fit(c.columnLabel(i), l.colW, kit.AlignRight))
		approval := c.table.Columns[i].Approval
		approvalLook(approval, st).WriteTo(&statuses, kit.Fit(approvalWord(approval), l.colW, kit.AlignRight))
		line.WriteTo(&rule, strings.Repeat(ch, l.colW))
	}
	titles.WriteString(right)
	statuses.WriteString("  ")
	st.Muted.WriteTo(&rule, strings.Repeat("─", gutterW))
	if l.trendW > 0 {
		titles.WriteString(pad)
		st.TableHeader.WriteTo(&titles, kit.Fit("TREND", l.trendW, kit.AlignLeft))
		st.Muted.WriteTo(&rule, strings.Repeat("─", colSep+l.trendW))
	}
	return []string{titles.String(), statuses.String(), rule.String()}
}

// body draws one row per metric (a value line and, with a baseline, a
// delta line), columns whose report is unreadable as their error, the
// hyperparameters that differ, and a legend.
func (c *comparison) body(st *themes.Styles, l compareLayout, width int) string {
	first, last := c.offset, min(len(c.versions), c.offset+l.visible)
	perRow := 1
	if c.table.Baseline >= 0 {
		perRow = 2
	}
	metricLines := len(c.table.Rows) * perRow
	// An unreadable column shows its error down its cells.
	errLines := map[int][]string{}
	lines := metricLines
	for i := first; i < last; i++ {
		if e := c.table.Columns[i].Err; e != "" {
			text := "✗ " + kit.Sanitize(e)
			if c.versions[i].Report.Err == "" {
				text = kit.Sanitize(e) // not loaded yet: not an error
			}
			errLines[i] = strings.Split(ansi.Wrap(text, l.colW, " "), "\n")
			lines = max(lines, len(errLines[i]))
		}
	}
	if len(c.table.Rows) == 0 && len(errLines) == 0 {
		lines = 0
	}

	var out []string
	pad := strings.Repeat(" ", colSep)
	for ln := 0; ln < lines; ln++ {
		row, sub := ln/perRow, ln%perRow
		var r *metrics.Row
		if ln < metricLines {
			r = &c.table.Rows[row]
		}
		var b strings.Builder
		b.WriteByte(' ')
		if r != nil && sub == 0 {
			b.WriteString(kit.Fit(fitMetricTitle(*r, l.metricW), l.metricW, kit.AlignLeft))
		} else {
			b.WriteString(strings.Repeat(" ", l.metricW))
		}
		b.WriteString(pad + strings.Repeat(" ", gutterW))
		for i := first; i < last; i++ {
			if i > first {
				b.WriteString(pad)
			}
			if el, ok := errLines[i]; ok {
				text := ""
				if ln < len(el) {
					text = el[ln]
				}
				look := st.Status(themes.FamilyFailed)
				if c.versions[i].Report.Err == "" {
					look = st.Muted
				}
				look.WriteTo(&b, kit.Fit(text, l.colW, kit.AlignLeft))
				continue
			}
			if r == nil {
				b.WriteString(strings.Repeat(" ", l.colW))
				continue
			}
			cell := r.Cells[i]
			if sub == 0 {
				look := st.Text
				switch {
				case !cell.Present:
					look = st.Muted
				case r.IsBest(i):
					look = st.Bold
				}
				look.WriteTo(&b, kit.Fit(valueText(*r, c.nums[row], i), l.colW, kit.AlignRight))
			} else {
				look := verdictLook(cell.Verdict, st)
				if cell.Verdict == metrics.Equal {
					look = st.Muted
				}
				look.WriteTo(&b, kit.Fit(deltaText(c.nums[row], cell), l.colW, kit.AlignRight))
			}
		}
		b.WriteString(strings.Repeat(" ", gutterW))
		if l.trendW > 0 && r != nil && sub == 0 {
			b.WriteString(pad)
			st.Accent.WriteTo(&b, kit.Fit(trend(*r, l.trendW), l.trendW, kit.AlignLeft))
		}
		out = append(out, b.String())
	}
	if len(c.table.Rows) == 0 {
		out = append(out, " "+st.Muted.Render("None of these versions has a readable evaluation report."))
	}

	out = append(out, "", " "+st.HelpSection.Render("Hyperparameters that differ"))
	switch {
	case len(c.table.Hyperparameters) > 0:
		for _, h := range c.table.Hyperparameters {
			var b strings.Builder
			b.WriteByte(' ')
			b.WriteString(kit.Fit(kit.Sanitize(h.Name), l.metricW, kit.AlignLeft))
			b.WriteString(pad + strings.Repeat(" ", gutterW))
			for i := first; i < last; i++ {
				if i > first {
					b.WriteString(pad)
				}
				val := kit.Sanitize(h.Values[i])
				look := st.Text
				if val == metrics.Missing {
					look = st.Muted
				}
				look.WriteTo(&b, kit.Fit(val, l.colW, kit.AlignRight))
			}
			out = append(out, b.String())
		}
	case c.table.HyperparametersKnown:
		out = append(out, " "+st.Muted.Render("None: these versions were trained with the same hyperparameters."))
	default:
		out = append(out, " "+st.Muted.Render("Not known: no training job is recorded for these versions."))
	}

	out = append(out, "", " "+st.Muted.Render(kit.Truncate(c.legend(), max(1, width-1))))
	return strings.Join(out, "\n")
}

func (c *comparison) legend() string {
	parts := []string{bestSymbol + " best", "↓ lower is better", "↑ higher is better"}
	if b := c.table.Baseline; b >= 0 {
		parts = append(parts, "deltas against "+c.table.Columns[b].Label)
	}
	return strings.Join(parts, " · ")
}

// trend is the row's values across the versions, oldest at the left;
// a version without the value leaves a gap.
func trend(r metrics.Row, width int) string {
	vals := make([]float64, len(r.Cells))
	for i, cell := range r.Cells {
		vals[i] = math.NaN()
		if cell.Present {
			vals[i] = cell.Value
		}
	}
	return kit.Sparkline(vals, min(width, len(vals)))
}
