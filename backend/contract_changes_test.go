package backend

import (
	"context"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// worldUntil moves the world's clock (only) a minute at a time until done
// says so, at most a day.
func (s *onSandbox) worldUntil(t testing.TB, what string, done func() bool) {
	t.Helper()
	for range 24 * 60 {
		if done() {
			return
		}
		s.env.Clock.Advance(time.Minute)
	}
	t.Fatalf("the world never got to: %s", what)
}

func TestSandboxAJobFinishingShowsAfterOneInterval(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	defer s.c.Subscribe(jobsKey)()
	s.settled(t, jobsKey)
	var job string
	for _, j := range worldRunningJobs(t, w) {
		if j.TrainingJobStatus == world.TrainingInProgress {
			job = j.TrainingJobName
			break
		}
	}
	var ended world.TrainingJob
	s.worldUntil(t, job+" finishing", func() bool {
		ended, _ = w.TrainingJob(job)
		return ended.TrainingJobStatus != world.TrainingInProgress
	})
	s.advance(t, 1, DefaultIntervals().RunningJobs)
	d := s.settled(t, jobsKey).Data.(TrainingJobsData)
	j := jobNamed(d.Jobs, job)
	if j.Status() != string(ended.TrainingJobStatus) || j.Running() || !sameTime(j.EndedAt(), ended.TrainingEndTime) {
		t.Fatalf("one interval after %s finished the feed says %s (ended %v), want %s ended %v",
			job, j.Status(), j.EndedAt(), ended.TrainingJobStatus, ended.TrainingEndTime)
	}
}

func TestSandboxAnExecutionStepAdvancingShowsAfterOneInterval(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	var running string
	for _, e := range worldExecutions(t, w, "hdb-resale-valuation") {
		if !terminalExec(e.PipelineExecutionStatus) {
			running = e.PipelineExecutionArn
		}
	}
	key := FeedKey{Kind: FeedExecution, Arg: running}
	defer s.c.Subscribe(key)()
	before := s.settled(t, key).Data.(ExecutionData)
	steps := func() map[string]string {
		list, err := w.PipelineExecutionSteps(running, world.Ascending)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, st := range list {
			out[st.StepName] = st.StepStatus
		}
		return out
	}
	var now map[string]string
	s.worldUntil(t, "a step of the running execution moving", func() bool {
		now = steps()
		for name, status := range now {
			if before.Steps[name].Status != status {
				return true
			}
		}
		return false
	})
	s.advance(t, 1, DefaultIntervals().RunningJobs)
	after := s.settled(t, key).Data.(ExecutionData)
	moved := 0
	for name, status := range now {
		if after.Steps[name].Status != status {
			t.Errorf("step %s = %s one interval later, want %s", name, after.Steps[name].Status, status)
		}
		if before.Steps[name].Status != status {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("no step moved")
	}
}

func TestSandboxARestoreCompletingShowsAfterOneInterval(t *testing.T) {
	s := onNewSandbox(t, "project-admin")
	w := s.env.World()
	key := FeedKey{Kind: FeedRestoreJobs}
	defer s.c.Subscribe(key)()
	s.settled(t, key)
	req := limJiaHuiRestore(t, s)
	res, err := s.c.Do(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	// The action refreshed the feed at once: the new job shows running.
	started := restoreNamed(s.settled(t, key).Data.(RestoreJobsData).Jobs, res.ID)
	if started.ID == "" || started.Terminal() {
		t.Fatalf("just after the start the feed shows %+v, want the job %s running", started, res.ID)
	}
	var done world.RestoreJob
	s.worldUntil(t, "the restore completing", func() bool {
		done, _ = w.RestoreJob(res.ID)
		return done.Status == "COMPLETED" || done.Status == "FAILED"
	})
	s.advance(t, 1, DefaultIntervals().RestoreRunning)
	j := restoreNamed(s.settled(t, key).Data.(RestoreJobsData).Jobs, res.ID)
	if j.Status != "COMPLETED" || done.Status != "COMPLETED" || !sameTime(j.CompletedAt, done.CompletionDate) {
		t.Fatalf("one interval after the restore completed the feed says %+v, want COMPLETED at %v", j, done.CompletionDate)
	}
}

// limJiaHuiRestore restores a notebook of lim-jia-hui's from her domain's
// newest recovery point.
func limJiaHuiRestore(t testing.TB, s *onSandbox) StartRestore {
	t.Helper()
	w := s.env.World()
	var user world.UserProfile
	var fs world.FileSystem
	for _, d := range w.Domains() {
		if u, err := w.UserProfile(d.DomainId, "lim-jia-hui"); err == nil {
			user = u
			fs, _ = w.FileSystem(d.HomeEfsFileSystemId)
		}
	}
	points, err := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	if err != nil || len(points) == 0 {
		t.Fatalf("no recovery point of %s: %v", fs.FileSystemId, err)
	}
	home := "/" + user.HomeEfsFileSystemUid
	return StartRestore{
		RestoreRequest: domain.RestoreRequest{
			RecoveryPointARN: points[0].RecoveryPointArn, FileSystemID: fs.FileSystemId,
			Paths: []string{home + "/notebooks/resale-eda.ipynb"}, IAMRoleARN: points[0].IamRoleArn,
		},
		User: user.UserProfileName, HomeDir: home,
	}
}

func restoreNamed(jobs []domain.RestoreJob, id string) domain.RestoreJob {
	for _, j := range jobs {
		if j.ID == id {
			return j
		}
	}
	return domain.RestoreJob{}
}
