package backend

import (
	"context"
	"maps"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// bigSandbox is the default account with 28 times its training history
// (over 10,000 finished jobs) and exactly three jobs running: the rest
// are stopped through the SDK, as a project admin, and left to stop.
func bigSandbox(t testing.TB) *sandboxtest.Env {
	t.Helper()
	env := sandboxtest.Start(t, func(o *sandbox.Options) { o.Scale = 28 })
	w := env.World()
	sm := sagemaker.NewFromConfig(env.Config(t, "project-admin"))
	running := worldRunningJobs(t, w)
	for _, j := range running[3:] {
		if _, err := sm.StopTrainingJob(context.Background(), &sagemaker.StopTrainingJobInput{TrainingJobName: sdk.String(j.TrainingJobName)}); err != nil {
			t.Fatalf("stop %s: %v", j.TrainingJobName, err)
		}
	}
	for range 60 {
		if n := len(worldRunningJobs(t, w)); n == 3 {
			break
		}
		env.Clock.Advance(time.Minute)
	}
	finished := 0
	for _, s := range worldJobs(t, w) {
		if s.TrainingJobStatus != world.TrainingInProgress && s.TrainingJobStatus != world.TrainingStopping {
			finished++
		}
	}
	if n := len(worldRunningJobs(t, w)); n != 3 || finished < 10000 {
		t.Fatalf("the big sandbox runs %d jobs with %d finished; want 3 and at least 10,000", n, finished)
	}
	return env
}

func TestSandboxSteadyStateListsOncePerIntervalAndDescribesOnlyRunningJobs(t *testing.T) {
	env := bigSandbox(t)
	s := clientOn(t, env, "data-scientist", Options{})
	defer s.c.Subscribe(jobsKey)()

	// Warm up: the history pages in, 20 pages a poll, and the projects of
	// jobs before the month are read, 5 Search pages a poll.
	d := s.settled(t, jobsKey).Data.(TrainingJobsData)
	for i := 0; (d.Loading || !d.ProjectsUnknownUntil.IsZero()) && i < 30; i++ {
		s.advance(t, 1, DefaultIntervals().RunningJobs)
		d = s.settled(t, jobsKey).Data.(TrainingJobsData)
	}
	total := len(worldJobs(t, env.World()))
	if d.Loading || len(d.Jobs) != total || !d.ProjectsUnknownUntil.IsZero() {
		t.Fatalf("after warming up: %d of %d jobs, loading %v, projects unknown until %v", len(d.Jobs), total, d.Loading, d.ProjectsUnknownUntil)
	}
	for i := range 3 {
		if !d.Jobs[i].Running() || d.Jobs[3].Running() {
			t.Fatalf("jobs %d..3 = %s, %s; want the three running first", i, d.Jobs[i].Status(), d.Jobs[3].Status())
		}
	}
	// Line the list interval up with the minute to measure.
	for range 6 {
		s.advance(t, 1, DefaultIntervals().RunningJobs)
		s.settled(t, jobsKey)
	}

	// One minute of the world standing still: 12 polls at the running-jobs
	// interval, 2 list intervals.
	clientBefore, serverBefore := maps.Clone(s.c.Calls().ByOp), env.Server().Calls()
	for range 12 {
		s.advance(t, 1, DefaultIntervals().RunningJobs)
		s.settled(t, jobsKey)
	}
	client, server := clientCalls(s.c, clientBefore), serverCalls(env, serverBefore)
	want := map[string]int64{"sagemaker:ListTrainingJobs": 2, "sagemaker:DescribeTrainingJob": 3 * 12}
	if !sameCalls(client, want) {
		t.Fatalf("a steady minute cost %v, want %v: one list per 30 s, a describe of each running job per 5 s", client, want)
	}
	if !sameCalls(server, want) {
		t.Fatalf("the sandbox answered %v in that minute, the client counted %v", server, client)
	}
}
