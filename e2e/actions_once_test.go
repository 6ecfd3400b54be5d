package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/e2e/term"
)

const stopTrainingJob = "sagemaker:StopTrainingJob"

// A stop whose answer never comes is reported as of unknown outcome, and
// the list then shows what really happened (here: nothing, the request
// was dropped before SageMaker acted). A stop confirmed with a quick
// double press of y is sent once.
func TestActionsOutcomeUnknownAndNeverSentTwice(t *testing.T) {
	sb := startSideSandbox(t, 1)
	job := sb.runningJob(t, "hdb-resale-valuation")
	tm, _ := agdashOn(t, sb, 160, 40, sideRun{role: "data-scientist", args: []string{"--pane", "jobs"},
		intervals: map[string]string{"running_jobs": "2s", "training_list": "2s"}})
	tm.WaitText(t, dataWaitLong, "[2 Training jobs]", "SECONDARY")
	press(t, tm, "/"+job+term.Enter)
	row := regexp.MustCompile(`(?m)^>\s*` + regexp.QuoteMeta(job) + `\s+(InProgress|Stopping|Stopped)\b`)
	rowStatus := func(s string) string {
		if m := row.FindStringSubmatch(s); m != nil {
			return m[1]
		}
		return ""
	}
	awaitScreen(t, tm, dataWaitLong, job+" selected and InProgress", func(s string) bool { return rowStatus(s) == "InProgress" })

	// The connection drops on every StopTrainingJob.
	sb.setFaults(t, server.Faults{DropRate: 1, Operations: []string{"StopTrainingJob"}})
	press(t, tm, "S")
	tm.WaitText(t, keyWaitShort, "Stop a training job?", "TrainingJobName: "+job)
	press(t, tm, "y")
	screen := tm.WaitText(t, dataWaitLong, "Unknown outcome: "+stopTrainingJob+" on "+job+" got no answer")
	flat := strings.Join(strings.Fields(screen), " ")
	if !strings.Contains(flat, "the list will show what happened") {
		t.Fatalf("the unknown outcome should say where to look:\n%s", screen)
	}
	dropped := sb.stats(t)[stopTrainingJob]
	if dropped < 1 || dropped > 3 {
		t.Fatalf("%d StopTrainingJob calls reached the sandbox; want 1 to 3 (the SDK's attempts)", dropped)
	}
	// The truth, polled after the action: the job was not stopped.
	polls := jobPolls(sb.stats(t))
	awaitScreen(t, tm, dataWaitLong, "a poll after the unknown outcome", func(s string) bool {
		return jobPolls(sb.stats(t)) > polls && rowStatus(s) != ""
	})
	if st := sb.jobStatus(t, job); st != "InProgress" {
		t.Fatalf("the dropped stop changed the job to %s", st)
	}
	if st := rowStatus(tm.Screen()); st != "InProgress" {
		t.Fatalf("the list shows %s after a stop that never reached SageMaker, want InProgress:\n%s", st, tm.Screen())
	}

	sb.setFaults(t, server.Faults{})
	press(t, tm, "S")
	tm.WaitText(t, keyWaitShort, "Stop a training job?", "TrainingJobName: "+job)
	press(t, tm, "yy")
	tm.WaitText(t, dataWaitLong, "Stop requested for training job "+job)
	awaitScreen(t, tm, dataWaitLong, job+" stopping", func(s string) bool { st := rowStatus(s); return st == "Stopping" || st == "Stopped" })
	if n := sb.stats(t)[stopTrainingJob] - dropped; n != 1 {
		t.Fatalf("the double press sent StopTrainingJob %d times, want once", n)
	}
	if st := sb.jobStatus(t, job); st != "Stopping" && st != "Stopped" {
		t.Fatalf("the job is %s after the stop", st)
	}
}

// jobPolls counts the calls that read training jobs.
func jobPolls(stats map[string]int64) int64 {
	return stats["sagemaker:ListTrainingJobs"] + stats["sagemaker:DescribeTrainingJob"]
}
