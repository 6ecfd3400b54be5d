package pipelines

import (
	"cmp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/pipelineparams"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
	"github.com/agdash/agdash/views/pipelines/graph"
)

func pipelineColumns(now func() time.Time) []table.Column[domain.Pipeline] {
	last := func(p domain.Pipeline) domain.PipelineExecution {
		if p.LastExecution == nil {
			return domain.PipelineExecution{}
		}
		return *p.LastExecution
	}
	return []table.Column[domain.Pipeline]{
		{Title: "NAME", Width: 18, Flex: 2, Filter: true, Text: func(p domain.Pipeline) string { return p.Name },
			Compare: func(a, b domain.Pipeline) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "PROJECT", Width: 14, Flex: 1, Drop: 2, Filter: true, Text: func(p domain.Pipeline) string { return p.Project },
			Compare: func(a, b domain.Pipeline) int { return strings.Compare(a.Project, b.Project) }},
		{Title: "LAST RUN", Width: 10, Text: func(p domain.Pipeline) string {
			if p.LastExecution == nil {
				return "never run"
			}
			return p.LastExecution.Status
		}, Look: func(p domain.Pipeline, st *themes.Styles) themes.Span {
			if p.LastExecution == nil {
				return st.Muted
			}
			return st.Status(kit.StatusFamily(p.LastExecution.Status))
		}, Compare: func(a, b domain.Pipeline) int { return strings.Compare(last(a).Status, last(b).Status) }},
		{Title: "STARTED", Width: 8, Align: kit.AlignRight, Text: func(p domain.Pipeline) string {
			if p.LastExecution == nil {
				return "-"
			}
			return kit.Age(p.LastExecution.StartedAt, now())
		}, Compare: func(a, b domain.Pipeline) int { return last(a).StartedAt.Compare(last(b).StartedAt) }},
		{Title: "SUCCESS", Width: 7, Align: kit.AlignRight, Text: func(p domain.Pipeline) string { return successRate(p.SuccessRate) },
			Look: func(p domain.Pipeline, st *themes.Styles) themes.Span {
				switch {
				case p.SuccessRate < 0:
					return st.Muted
				case p.SuccessRate < 0.5:
					return st.Status(themes.FamilyFailed)
				}
				return st.Text
			},
			Compare: func(a, b domain.Pipeline) int { return cmp.Compare(a.SuccessRate, b.SuccessRate) }},
		{Title: "RUNNING", Width: 7, Align: kit.AlignRight, Text: func(p domain.Pipeline) string { return strconv.Itoa(p.Running) },
			Look: func(p domain.Pipeline, st *themes.Styles) themes.Span {
				if p.Running > 0 {
					return st.Status(themes.FamilyRunning)
				}
				return st.Muted
			},
			Compare: func(a, b domain.Pipeline) int { return cmp.Compare(a.Running, b.Running) }},
	}
}

// successRate is the share of recent runs that succeeded, "-" for none.
func successRate(r float64) string {
	if r < 0 {
		return "-"
	}
	return strconv.Itoa(int(r*100+0.5)) + "%"
}

// execRow is an execution with the parameters it changed from the
// pipeline's defaults, in words.
type execRow struct {
	domain.PipelineExecution
	Changed string
}

// notRead stands for parameters not read yet.
const notRead = "…"

func executionRows(data backend.ExecutionsData) []execRow {
	out := make([]execRow, len(data.Executions))
	for i, e := range data.Executions {
		out[i] = execRow{PipelineExecution: e, Changed: changedText(data.Pipeline.Parameters, e.Parameters)}
	}
	return out
}

// changedText lists "Name=value" for each parameter the execution set to
// something other than the pipeline's default; "defaults" when none.
func changedText(declared []domain.PipelineParameter, values map[string]string) string {
	if values == nil {
		return notRead
	}
	changed := pipelineparams.Changed(declared, values)
	if len(changed) == 0 {
		return "defaults"
	}
	names := make([]string, 0, len(changed))
	for k := range changed {
		names = append(names, k)
	}
	sort.Strings(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = k + "=" + changed[k]
	}
	return strings.Join(parts, " ")
}

// executionID is the last part of an execution's ARN
// (arn:aws:sagemaker:REGION:ACCOUNT:pipeline/NAME/execution/ID).
func executionID(arn string) string {
	if i := strings.LastIndex(arn, "/"); i >= 0 {
		return arn[i+1:]
	}
	return arn
}

// executionName is how an execution is called: its display name, else
// its id.
func executionName(e domain.PipelineExecution) string {
	if e.DisplayName != "" {
		return e.DisplayName
	}
	return executionID(e.ARN)
}

// executionColumns are the executions list's columns. EXECUTION is as
// wide as SageMaker's default display name ("execution-" and 13 digits),
// which differ only at their end; ID is what the Registry's lineage and
// the ARN name an execution by, so it is shown (and filtered on) where
// there is room.
func executionColumns(now func() time.Time) []table.Column[execRow] {
	return []table.Column[execRow]{
		{Title: "EXECUTION", Width: 23, Filter: true, Text: func(r execRow) string { return executionName(r.PipelineExecution) },
			Compare: func(a, b execRow) int {
				return strings.Compare(executionName(a.PipelineExecution), executionName(b.PipelineExecution))
			}},
		{Title: "STATUS", Width: 9, Text: func(r execRow) string { return r.Status },
			Look:    table.StatusLook(func(r execRow) string { return r.Status }),
			Compare: func(a, b execRow) int { return strings.Compare(a.Status, b.Status) }},
		{Title: "STARTED", Width: 12, Text: func(r execRow) string { return kit.Timestamp(r.StartedAt, now()) },
			Compare: func(a, b execRow) int { return a.StartedAt.Compare(b.StartedAt) }},
		{Title: "DURATION", Width: 8, Align: kit.AlignRight, Text: func(r execRow) string { return kit.Duration(r.Duration(now())) },
			Compare: func(a, b execRow) int { return cmp.Compare(a.Duration(now()), b.Duration(now())) }},
		{Title: "STARTED BY", Width: 14, Drop: 1, Filter: true, Text: func(r execRow) string { return orDash(r.StartedBy) },
			Compare: func(a, b execRow) int { return strings.Compare(a.StartedBy, b.StartedBy) }},
		{Title: "CHANGED PARAMETERS", Width: 18, Flex: 2, Filter: true, Text: func(r execRow) string { return r.Changed },
			Look: func(r execRow, st *themes.Styles) themes.Span {
				if r.Changed == "defaults" || r.Changed == notRead {
					return st.Muted
				}
				return st.Text
			}},
		{Title: "ID", Width: 12, Drop: 2, Filter: true, Look: table.MutedLook[execRow], Text: func(r execRow) string {
			if id := executionID(r.ARN); id != executionName(r.PipelineExecution) {
				return id
			}
			return ""
		}},
	}
}

// stepRows are an execution's steps in definition order, then any the
// definition does not name.
func stepRows(data backend.ExecutionData) []domain.PipelineStep {
	out := make([]domain.PipelineStep, 0, len(data.Steps))
	seen := map[string]bool{}
	for _, d := range data.Definition.Steps {
		if s, ok := data.Steps[d.Name]; ok {
			out = append(out, s)
			seen[d.Name] = true
		}
	}
	var rest []domain.PipelineStep
	for name, s := range data.Steps {
		if !seen[name] {
			rest = append(rest, s)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].Name < rest[j].Name })
	return append(out, rest...)
}

func stepColumns(now func() time.Time) []table.Column[domain.PipelineStep] {
	return []table.Column[domain.PipelineStep]{
		{Title: "STEP", Width: 18, Flex: 2, Filter: true, Text: func(s domain.PipelineStep) string { return s.Name }},
		{Title: "TYPE", Width: 13, Filter: true, Text: func(s domain.PipelineStep) string { return s.Type }},
		{Title: "STATUS", Width: 13, Text: func(s domain.PipelineStep) string {
			return graph.Symbol(s.Status) + " " + graph.StatusText(s.Status)
		}, Look: table.StatusLook(func(s domain.PipelineStep) string { return s.Status })},
		{Title: "STARTED", Width: 12, Text: func(s domain.PipelineStep) string { return kit.Timestamp(s.StartedAt, now()) }},
		{Title: "TIME", Width: 8, Align: kit.AlignRight, Text: func(s domain.PipelineStep) string {
			if s.StartedAt.IsZero() {
				return "-"
			}
			return kit.Duration(graph.Elapsed(s, now()))
		}},
		{Title: "FAILURE", Width: 10, Flex: 2, Drop: 1, Text: func(s domain.PipelineStep) string { return s.FailureReason }},
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
