package jobs

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// A job listed but not described has no times yet: its row says "-"
// where a time goes, never a length measured from the year 1.
func TestRowsWithZeroTimes(t *testing.T) {
	cols := columns(func() time.Time { return now })
	for _, tc := range []struct {
		name string
		job  domain.TrainingJob
	}{
		{"running, not described", domain.TrainingJob{Name: "hdb-resale-train-0413", Status: domain.JobInProgress}},
		{"no status yet", domain.TrainingJob{Name: "hdb-resale-train-0413"}},
		{"an end without a start", domain.TrainingJob{Name: "hdb-resale-train-0412", Status: domain.JobCompleted, EndedAt: now}},
		{"failed, modified, no start", domain.TrainingJob{Name: "hdb-resale-train-0411", Status: domain.JobFailed, LastModified: now}},
	} {
		j := tc.job.Summary()
		cells := kittest.Cells(cols, &j)
		for _, title := range []string{"ELAPSED", "CREATED", "BILLABLE"} {
			if cells[title] != "-" {
				t.Errorf("%s: %s is %q, want -", tc.name, title, cells[title])
			}
		}
	}
}

// Arriving from a pipeline step before the job has loaded, the detail
// knows only the job's name: its elapsed time is not known yet.
func TestDetailBeforeTheJobLoads(t *testing.T) {
	for _, sz := range sizes {
		f := newFixture(t, sz.W, sz.H, onCall())
		f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: "pipelines-k2x9q0w7f3ab-Train-Ab12Cd34"})
		out := f.screen(sz.W, sz.H)
		if !strings.Contains(out, "elapsed -") || !strings.Contains(out, "Loading the job's details…") {
			t.Fatalf("%s: the detail should say the elapsed time is not known yet:\n%s", sz.Name, out)
		}
		for _, bad := range []string{"106751", "292y", "d23h"} {
			if strings.Contains(out, bad) {
				t.Fatalf("%s: a length from the zero time (%s) is shown:\n%s", sz.Name, bad, out)
			}
		}
		// Then the list arrives without the job (older than its page), and
		// the job's own feed with a timeline whose current step has no start.
		f.withList()
		d := backend.TrainingJobData{Job: domain.TrainingJob{Name: "pipelines-k2x9q0w7f3ab-Train-Ab12Cd34", Status: domain.JobInProgress,
			Transitions: []domain.StatusTransition{{Status: "Starting"}}}}
		f.deliver(jobFeed(d.Job.Name), d, fresh(jobFeed(d.Job.Name)))
		out = f.screen(sz.W, sz.H)
		for _, bad := range []string{"106751", "292y", "d23h"} {
			if strings.Contains(out, bad) {
				t.Fatalf("%s: a length from the zero time (%s) is shown once loaded:\n%s", sz.Name, bad, out)
			}
		}
	}
}
