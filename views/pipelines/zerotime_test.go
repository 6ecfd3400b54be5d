package pipelines

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// noZeroLengths fails when text shows a length measured from the zero
// time (the year 1), as an unknown start once did.
func noZeroLengths(t *testing.T, where, text string) {
	t.Helper()
	for _, bad := range []string{"106751", "292y", "d23h", "2024y", "2025y"} {
		if strings.Contains(text, bad) {
			t.Fatalf("%s shows a length from the zero time (%s):\n%s", where, bad, text)
		}
	}
}

// Rows whose times are not known yet say "-" where a time goes.
func TestRowsWithZeroTimes(t *testing.T) {
	clock := func() time.Time { return now }
	pl := kittest.Cells(pipelineColumns(clock), domain.Pipeline{Name: hdb, SuccessRate: -1,
		LastExecution: &domain.PipelineExecution{ARN: runARN, Status: domain.ExecExecuting}})
	if pl["STARTED"] != "-" {
		t.Errorf("a pipeline whose last run has no start: STARTED is %q", pl["STARTED"])
	}
	for _, e := range []domain.PipelineExecution{
		{ARN: runARN, Status: domain.ExecExecuting},
		{ARN: doneARN, Status: domain.ExecSucceeded, EndedAt: now},
	} {
		cells := kittest.Cells(executionColumns(clock), execRow{PipelineExecution: e})
		for _, title := range []string{"STARTED", "DURATION"} {
			if cells[title] != "-" {
				t.Errorf("%s execution with no start: %s is %q, want -", e.Status, title, cells[title])
			}
		}
	}
	for _, s := range []domain.PipelineStep{
		{Name: "TrainModel", Status: domain.StepExecuting},
		{Name: "TrainModel", Status: domain.StepSucceeded, EndedAt: now},
		notStarted("EvaluateModel", "Processing"),
	} {
		cells := kittest.Cells(stepColumns(clock), s)
		for _, title := range []string{"STARTED", "TIME"} {
			if cells[title] != "-" {
				t.Errorf("%s step with no start: %s is %q, want -", s.Status, title, cells[title])
			}
		}
	}
}

// An execution (and a running step) that has no start time yet: the
// graph's header and the step's detail say "-", not a length.
func TestGraphAndStepWithZeroTimes(t *testing.T) {
	for _, status := range []string{domain.ExecExecuting, domain.ExecFailed} {
		h := newHarness(t, 120, 35, kittest.Admin())
		data := runningExecution(t)
		data.Execution.Status, data.Execution.StartedAt, data.Execution.EndedAt = status, time.Time{}, time.Time{}
		if status == domain.ExecFailed {
			data.Execution.EndedAt = now
		}
		train := data.Steps["TrainModel"]
		train.StartedAt = time.Time{}
		data.Steps["TrainModel"] = train
		h.graphOf(runARN, data)
		noZeroLengths(t, status+" graph", h.view())
		if !strings.Contains(h.view(), "started -") {
			t.Fatalf("%s: the header should say the start is not known:\n%s", status, h.view())
		}
		h.p.g.selected = "TrainModel"
		h.press("enter")
		out := h.view()
		noZeroLengths(t, status+" step detail", out)
		if !strings.Contains(out, "duration") || !strings.Contains(out, "started") {
			t.Fatalf("%s: not the step's detail:\n%s", status, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if f := strings.Fields(l); len(f) > 0 && (f[0] == "duration" || f[0] == "started") && (len(f) != 2 || f[1] != "-") {
				t.Errorf("%s: %q, want %s -", status, strings.TrimSpace(l), f[0])
			}
		}
	}
}
