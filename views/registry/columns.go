// Package registry is the Registry pane: model package groups, their
// versions with approval status and headline metrics, several versions
// compared side by side, a version's lineage, approving or rejecting a
// version with a comment, and exporting a comparison.
package registry

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
)

// groupColumns are the model package groups list's columns.
func groupColumns(now func() time.Time) []table.Column[domain.ModelGroup] {
	return []table.Column[domain.ModelGroup]{
		{Title: "NAME", Width: 20, Flex: 2, Filter: true, Text: func(g domain.ModelGroup) string { return g.Name },
			Compare: func(a, b domain.ModelGroup) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "PROJECT", Width: 16, Flex: 1, Drop: 2, Filter: true, Text: func(g domain.ModelGroup) string { return orDash(g.Project) },
			Compare: func(a, b domain.ModelGroup) int { return strings.Compare(a.Project, b.Project) }},
		{Title: "VERSIONS", Width: 8, Align: kit.AlignRight, Text: func(g domain.ModelGroup) string { return strconv.Itoa(g.Versions) },
			Compare: func(a, b domain.ModelGroup) int { return cmp.Compare(a.Versions, b.Versions) }},
		{Title: "APPROVED", Width: 8, Align: kit.AlignRight, Text: func(g domain.ModelGroup) string {
			if g.LatestApproved == 0 {
				return "none"
			}
			return label(g.LatestApproved)
		}, Look: func(g domain.ModelGroup, st *themes.Styles) themes.Span {
			if g.LatestApproved == 0 {
				return st.Muted
			}
			return st.Status(themes.FamilySucceeded)
		}, Compare: func(a, b domain.ModelGroup) int { return cmp.Compare(a.LatestApproved, b.LatestApproved) }},
		{Title: "PENDING", Width: 7, Align: kit.AlignRight, Text: func(g domain.ModelGroup) string { return strconv.Itoa(g.Pending) },
			Look: func(g domain.ModelGroup, st *themes.Styles) themes.Span {
				if g.Pending > 0 {
					return st.Status(themes.FamilyPending)
				}
				return st.Muted
			}, Compare: func(a, b domain.ModelGroup) int { return cmp.Compare(a.Pending, b.Pending) }},
		{Title: "CREATED", Width: 12, Drop: 1, Text: func(g domain.ModelGroup) string { return kit.Timestamp(g.CreatedAt, now()) },
			Compare: func(a, b domain.ModelGroup) int { return a.CreatedAt.Compare(b.CreatedAt) }},
	}
}

// versionRow is a version with what the list shows of its headline
// metrics, measured against the approved version.
type versionRow struct {
	domain.ModelVersion
	// Head holds the cells of the headline metrics (see versionsTable).
	Head []metrics.Cell
	// HeadNumbers write each headline metric's values alike down its
	// column.
	HeadNumbers []numbers
	// ReportNote is why the version has no values: "unreadable" or
	// "loading"; "" when it has a readable report.
	ReportNote string
}

// versionColumns are the versions list's columns. marked reports whether
// a version is marked for comparison; heads are the headline metric names
// shown as columns (at most two).
func versionColumns(marked func(int) bool, heads []string, now func() time.Time) []table.Column[versionRow] {
	cols := []table.Column[versionRow]{
		{Title: "", Width: 1, Text: func(v versionRow) string {
			if marked(v.Version) {
				return markSymbol
			}
			return ""
		}},
		{Title: "VER", Width: 4, Align: kit.AlignRight, Filter: true, Text: func(v versionRow) string { return label(v.Version) },
			Compare: func(a, b versionRow) int { return cmp.Compare(a.Version, b.Version) }},
		{Title: "CREATED", Width: 12, Text: func(v versionRow) string { return kit.Timestamp(v.CreatedAt, now()) },
			Compare: func(a, b versionRow) int { return a.CreatedAt.Compare(b.CreatedAt) }},
		{Title: "APPROVAL", Width: 8, Filter: true, Text: func(v versionRow) string { return approvalWord(v.Approval) },
			Look:    func(v versionRow, st *themes.Styles) themes.Span { return approvalLook(v.Approval, st) },
			Compare: func(a, b versionRow) int { return strings.Compare(a.Approval, b.Approval) }},
	}
	for i, name := range heads {
		i := i
		drop := 0
		if i > 0 {
			drop = 3
		}
		cols = append(cols, table.Column[versionRow]{
			Title: strings.ToUpper(kit.Sanitize(name)) + directionArrow(metrics.Direction(name)), Width: 10, Align: kit.AlignRight, Drop: drop,
			Text: func(v versionRow) string { return headText(v, i) },
			Look: func(v versionRow, st *themes.Styles) themes.Span { return headLook(v, i, st) },
			Compare: func(a, b versionRow) int {
				return compareCells(a.Head[i], b.Head[i])
			},
		})
	}
	cols = append(cols,
		table.Column[versionRow]{Title: "EXECUTION", Width: 12, Drop: 2, Filter: true,
			Text: func(v versionRow) string { return orDash(shortExecution(v.Lineage.PipelineExecutionARN)) }},
		table.Column[versionRow]{Title: "DECIDED BY", Width: 14, Drop: 1, Filter: true,
			Text: func(v versionRow) string { return decidedBy(v.ModelVersion) },
			Compare: func(a, b versionRow) int {
				return strings.Compare(decidedBy(a.ModelVersion), decidedBy(b.ModelVersion))
			}},
		// Why a version was approved or rejected is what people look for
		// first in a wide terminal; in a narrow one it gives way first.
		table.Column[versionRow]{Title: "COMMENT", Width: 12, Flex: 1, Drop: 4, Filter: true,
			Text: func(v versionRow) string { return v.ApprovalNote }, Look: table.MutedLook[versionRow]},
	)
	return cols
}

// markSymbol marks a version chosen for comparison.
const markSymbol = "●"

func headText(v versionRow, i int) string {
	switch {
	case v.ReportNote != "" && i == 0:
		return v.ReportNote
	case v.ReportNote != "":
		return ""
	}
	if i >= len(v.Head) || !v.Head[i].Present {
		return metrics.Missing
	}
	if i < len(v.HeadNumbers) {
		return v.HeadNumbers[i].Value(v.Head[i].Value)
	}
	return metrics.FormatValue(v.Head[i].Value)
}

func headLook(v versionRow, i int, st *themes.Styles) themes.Span {
	switch {
	case v.ReportNote == noteUnreadable:
		return st.Status(themes.FamilyFailed)
	case v.ReportNote != "", i >= len(v.Head) || !v.Head[i].Present:
		return st.Muted
	}
	return verdictLook(v.Head[i].Verdict, st)
}

// compareCells orders present values before missing ones.
func compareCells(a, b metrics.Cell) int {
	switch {
	case a.Present && b.Present:
		return cmp.Compare(a.Value, b.Value)
	case a.Present:
		return -1
	case b.Present:
		return 1
	}
	return 0
}

// Why a version's list cells have no values.
const (
	noteUnreadable = "unreadable"
	noteLoading    = "loading…"
	noteNoReport   = "no report"
)

func reportNote(v domain.ModelVersion) string {
	switch {
	case v.Report.Err != "":
		return noteUnreadable
	case !v.Report.Loaded && v.Detailed && v.MetricsURI == "":
		return noteNoReport
	case !v.Report.Loaded:
		return noteLoading
	}
	return ""
}

// approvalWord is SageMaker's approval status in a word.
func approvalWord(s string) string {
	switch s {
	case domain.ApprovalPending:
		return "Pending"
	case "":
		return "-"
	}
	return kit.Sanitize(s)
}

func approvalLook(s string, st *themes.Styles) themes.Span {
	return st.Status(kit.StatusFamily(s))
}

func verdictLook(v metrics.Verdict, st *themes.Styles) themes.Span {
	switch v {
	case metrics.Better:
		return st.Better
	case metrics.Worse:
		return st.Worse
	}
	return st.Text
}

// decidedBy is who approved or rejected the version: SageMaker records
// the last modifier, which for a decided version is the decision's author.
func decidedBy(v domain.ModelVersion) string {
	if v.Approval == domain.ApprovalPending || v.Approval == "" {
		return ""
	}
	return v.ModifiedBy
}

// shortExecution is a pipeline execution ARN's id, the part people quote.
func shortExecution(arn string) string {
	if i := strings.LastIndexByte(arn, '/'); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

func label(version int) string { return "v" + strconv.Itoa(version) }

func directionArrow(d domain.MetricDirection) string {
	switch d {
	case domain.LowerIsBetter:
		return "↓"
	case domain.HigherIsBetter:
		return "↑"
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
