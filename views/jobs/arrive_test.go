package jobs

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// stepJob is a job a pipeline step started: its name has capitals, which
// the step's TrainingJobARN spells in lower case.
func stepJob() domain.TrainingJob {
	const name = "pipelines-k2x9q0w7f3ab-TrainModel-Ab12Cd34"
	return domain.TrainingJob{Name: name, ARN: arn(strings.ToLower(name)), Status: domain.JobInProgress,
		SecondaryStatus: "Training", CreatedAt: now.Add(-5 * time.Minute), Project: "hdb-resale-valuation"}
}

// Arriving from a pipeline step by the job's ARN, before the list has the
// job: the job's own feed answers with its real name, and the pane shows
// it and follows it by that name (its log streams carry that case).
func TestArrivingByALowerCaseARNBeforeTheList(t *testing.T) {
	f := newFixture(t, 120, 35, onCall())
	j := stepJob()
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: j.ARN, View: kit.ViewLogs})
	lower := strings.ToLower(j.Name)
	if !slices.Contains(f.p.Feeds(), jobFeed(lower)) {
		t.Fatalf("feeds %v: the job is asked for by the name the ARN gives", f.p.Feeds())
	}
	f.deliver(jobFeed(lower), backend.TrainingJobData{Job: j}, fresh(jobFeed(lower)))
	if got := f.p.Feeds(); !slices.Equal(got, []backend.FeedKey{listFeed, jobFeed(j.Name), logsFeed(j.Name)}) {
		t.Fatalf("feeds %v, want the job and its logs by its own name", got)
	}
	f.keys("esc") // from the logs to the detail
	out := f.screen(120, 35)
	if !strings.Contains(out, "Training jobs > "+j.Name) || strings.Contains(out, "Loading the job's details") ||
		!strings.Contains(out, "elapsed 5m00s") {
		t.Fatalf("the job's detail should show once its feed answers:\n%s", out)
	}
}

// With the list at hand, the pane finds the job whatever the ARN's case.
func TestArrivingByALowerCaseARNWithTheList(t *testing.T) {
	f := newFixture(t, 120, 35, onCall())
	j := stepJob()
	list := listJobs()
	list.Jobs = append(summaries(j), list.Jobs...)
	f.deliver(listFeed, list, fresh(listFeed))
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: j.ARN})
	if got := f.p.Feeds(); !slices.Equal(got, []backend.FeedKey{listFeed, jobFeed(j.Name)}) {
		t.Fatalf("feeds %v, want the job by its own name", got)
	}
	if out := f.screen(120, 35); !strings.Contains(out, "elapsed 5m00s") || !strings.Contains(out, "Training jobs > "+j.Name) {
		t.Fatalf("the detail should show what the list knows at once:\n%s", out)
	}
}
