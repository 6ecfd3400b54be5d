// Package jobs is the Training jobs pane: every training job, running
// first, with its progress, instances and time; a job's detail (status
// timeline, hyperparameters, data, final metrics, metric curves, the
// failure reason in full); a live tail of its CloudWatch logs; and the
// actions a data scientist takes on a job (stop it, copy its name or ARN,
// open the pipeline execution that started it).
package jobs

import (
	"cmp"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
)

// job is a row: a pointer into the delivered list, never modified.
type job = *domain.TrainingJobSummary

// columns are the list's columns. now is the clock elapsed time is
// measured against; it must be safe to call from any goroutine, as sorting
// runs off the update loop.
func columns(now func() time.Time) []table.Column[job] {
	return []table.Column[job]{
		{Title: "NAME", Width: 28, Flex: 3, Filter: true, Text: func(j job) string { return j.Name() },
			Compare: func(a, b job) int { return strings.Compare(a.Name(), b.Name()) }},
		{Title: "STATUS", Width: 10, Filter: true, Text: func(j job) string { return j.Status() },
			Look:    table.StatusLook(func(j job) string { return j.Status() }),
			Compare: func(a, b job) int { return cmp.Compare(statusRank(a.Status()), statusRank(b.Status())) }},
		{Title: "SECONDARY", Width: 11, Flex: 1, Drop: 1, Text: func(j job) string { return j.SecondaryStatus() },
			Look:    table.StatusLook(func(j job) string { return j.SecondaryStatus() }),
			Compare: func(a, b job) int { return strings.Compare(a.SecondaryStatus(), b.SecondaryStatus()) }},
		{Title: "INSTANCE", Width: 13, Drop: 2, Text: instanceText,
			Compare: func(a, b job) int {
				if c := strings.Compare(a.InstanceType(), b.InstanceType()); c != 0 {
					return c
				}
				return cmp.Compare(a.InstanceCount(), b.InstanceCount())
			}},
		{Title: "ELAPSED", Width: 7, Align: kit.AlignRight, Text: func(j job) string { return kit.Duration(j.Elapsed(now())) },
			Compare: func(a, b job) int { t := now(); return cmp.Compare(a.Elapsed(t), b.Elapsed(t)) }},
		{Title: "BILLABLE", Width: 8, Align: kit.AlignRight, Drop: 5, Text: billableText, Look: table.MutedLook[job],
			Compare: func(a, b job) int { return cmp.Compare(a.BillableSeconds(), b.BillableSeconds()) }},
		{Title: "CREATED", Width: 12, Drop: 3, Text: func(j job) string { return kit.Timestamp(j.CreatedAt(), now()) },
			Compare: func(a, b job) int { return a.CreatedAt().Compare(b.CreatedAt()) }},
		{Title: "PROJECT", Width: 14, Flex: 1, Drop: 4, Filter: true, Text: projectText, Look: projectLook,
			Compare: func(a, b job) int {
				return cmp.Or(cmp.Compare(b2i(!a.ProjectKnown()), b2i(!b.ProjectKnown())), strings.Compare(a.Project(), b.Project()))
			}},
	}
}

// statusRank orders statuses as the list does by default: what is still
// running before what has finished.
func statusRank(s string) int {
	switch s {
	case domain.JobInProgress:
		return 0
	case domain.JobStopping:
		return 1
	case domain.JobFailed:
		return 2
	case domain.JobStopped:
		return 3
	case domain.JobCompleted:
		return 4
	}
	return 5
}

// projectNotRead stands for a project not known yet: the job's tags are
// still to be read (older jobs' are read a few hundred a poll), and an
// empty cell would say it has none.
const projectNotRead = "…"

func projectText(j job) string {
	if !j.ProjectKnown() {
		return projectNotRead
	}
	return j.Project()
}

func projectLook(j job, st *themes.Styles) themes.Span {
	if !j.ProjectKnown() {
		return st.Muted
	}
	return themes.Span{}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// instanceText is "m5.xlarge" or "m5.xlarge×2": every SageMaker type
// starts with "ml.", which the column leaves out; "-" until described.
func instanceText(j job) string {
	t := strings.TrimPrefix(j.InstanceType(), "ml.")
	switch {
	case t == "":
		return "-"
	case j.InstanceCount() <= 1:
		return t
	}
	return t + "×" + strconv.Itoa(j.InstanceCount())
}

// billableText is the billable time, "-" until the job has been described.
func billableText(j job) string {
	if j.BillableSeconds() == 0 && (!j.Detailed() || j.Running()) {
		return "-"
	}
	return kit.Duration(time.Duration(j.BillableSeconds()) * time.Second)
}

// newestRunningFirst is the list's own order: running jobs first, then
// the newest.
func newestRunningFirst(a, b job) int { return a.NewerFirst(b) }
