package backend

import (
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// bigAccount has 10,000 finished training jobs, one a minute back from t0
// (every tenth tagged with a project), and three running ones: two recent
// and one started long ago, far below the first page.
func bigAccount() *awsfake.Account {
	f := awsfake.New(t0)
	jobs := make([]awsfake.Job, 0, 10003)
	for i := 1; i <= 10000; i++ {
		j := awsfake.Job{
			Name: fmt.Sprintf("hdb-resale-%05d", i), Status: domain.JobCompleted, SecondaryStatus: "Completed",
			Created: t0.Add(-time.Duration(i) * time.Minute), InstanceType: "ml.m5.xlarge", InstanceCount: 1,
		}
		j.Started, j.Ended = j.Created.Add(time.Minute), j.Created.Add(20*time.Minute)
		if i%10 == 0 {
			j.Tags = map[string]string{"sagemaker:project-name": "hdb-resale"}
		}
		jobs = append(jobs, j)
	}
	for _, r := range []struct {
		name string
		ago  time.Duration
	}{{"run-a", 15 * time.Minute}, {"run-b", 25 * time.Minute}, {"run-old", 20 * 24 * time.Hour}} {
		jobs = append(jobs, awsfake.Job{
			Name: r.name, Status: domain.JobInProgress, SecondaryStatus: "Training", Created: t0.Add(-r.ago),
			Started: t0.Add(-r.ago + time.Minute), InstanceType: "ml.g5.xlarge", InstanceCount: 2,
			Tags: map[string]string{"sagemaker:project-name": "hdb-resale"},
		})
	}
	f.AddJobs(jobs...)
	return f
}

var jobsKey = FeedKey{Kind: FeedTrainingJobs}

func TestTrainingJobsSteadyStateIsOneListPerIntervalAndDescribesOnlyRunningJobs(t *testing.T) {
	f := bigAccount()
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()

	// Warm up: the first polls page the 10,000 jobs in (50 pages a poll).
	u := next(t, c, jobsKey)
	if d := u.Data.(TrainingJobsData); !d.Loading || len(d.Jobs) < 5000 {
		t.Fatalf("first delivery has %d jobs (loading %v), want the newest 5,000 while loading", len(d.Jobs), d.Loading)
	}
	for range 12 {
		u = step(t, c, clock, f, jobsKey, 5*time.Second)
	}
	d := u.Data.(TrainingJobsData)
	if d.Loading || len(d.Jobs) != 10003 {
		t.Fatalf("after a minute: %d jobs, loading %v; want all 10,003 loaded", len(d.Jobs), d.Loading)
	}
	for i, want := range []string{"run-a", "run-b", "run-old", "hdb-resale-00001", "hdb-resale-00002"} {
		if d.Jobs[i].Name() != want {
			t.Fatalf("job %d = %s, want %s (running first, then newest)", i, d.Jobs[i].Name(), want)
		}
	}
	if j := d.Jobs[0]; !j.Detailed() || j.InstanceType() != "ml.g5.xlarge" || j.InstanceCount() != 2 || j.Project() != "hdb-resale" {
		t.Fatalf("running job = %+v, want it described with its project", j)
	}
	if j := d.Jobs[2]; j.Project() != "hdb-resale" {
		t.Fatalf("old running job's project = %q, want hdb-resale from its tags", j.Project())
	}
	if j := jobNamed(d.Jobs, "hdb-resale-00010"); j.Project() != "hdb-resale" || !j.Detailed() || j.BillableSeconds() != 19*60 {
		t.Fatalf("tagged job of this month = %+v, want its project and details from Search", j)
	}

	// Steady state: a minute is 12 polls at 5s and 2 list intervals of 30s.
	calls := delta(f, func() {
		for range 12 {
			step(t, c, clock, f, jobsKey, 5*time.Second)
		}
	})
	want := map[string]int64{"sagemaker:ListTrainingJobs": 2, "sagemaker:DescribeTrainingJob": 3 * 12}
	if !sameCalls(calls, want) {
		t.Fatalf("steady-state calls per minute = %v, want %v", calls, want)
	}

	// A running job finishes: described once more, then never again.
	f.SetJobStatus("run-b", domain.JobCompleted)
	var finished TrainingJobsData
	calls = delta(f, func() {
		finished = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData)
	})
	if calls["sagemaker:DescribeTrainingJob"] != 3 {
		t.Fatalf("describes in the poll the job finished = %d, want 3", calls["sagemaker:DescribeTrainingJob"])
	}
	if j := jobNamed(finished.Jobs, "run-b"); j.Status() != domain.JobCompleted || j.EndedAt().IsZero() {
		t.Fatalf("finished job = %+v, want Completed with its end", j)
	}
	if finished.Jobs[2].Name() == "run-b" || finished.Jobs[1].Name() != "run-old" {
		t.Fatalf("order after finishing = %s, %s, %s; the finished job must leave the running group",
			finished.Jobs[0].Name(), finished.Jobs[1].Name(), finished.Jobs[2].Name())
	}
	calls = delta(f, func() {
		for range 12 {
			step(t, c, clock, f, jobsKey, 5*time.Second)
		}
	})
	want = map[string]int64{"sagemaker:ListTrainingJobs": 2, "sagemaker:DescribeTrainingJob": 2 * 12}
	if !sameCalls(calls, want) {
		t.Fatalf("calls per minute after a job finished = %v, want %v", calls, want)
	}
}

// The first fill of a large history pages older jobs at every poll, 20
// pages a poll (half the SageMaker rate the meter allows), not only when
// the list is due; once the history is in, polls page nothing more.
func TestFirstFillPagesOlderJobsAtEveryPollThenStops(t *testing.T) {
	f := bigAccount() // 10,003 jobs: 101 pages of 100
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()
	if d := next(t, c, jobsKey).Data.(TrainingJobsData); !d.Loading || len(d.Jobs) != 5000 {
		t.Fatalf("first delivery: %d jobs, loading %v; want the newest 5,000 while loading", len(d.Jobs), d.Loading)
	}
	for poll, want := range []int{7000, 9000, 10003} {
		var d TrainingJobsData
		calls := delta(f, func() { d = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData) })
		if n := calls["sagemaker:ListTrainingJobs"]; n > backfillPagesPerPoll {
			t.Fatalf("poll %d listed %d pages, more than %d", poll+2, n, backfillPagesPerPoll)
		}
		if len(d.Jobs) < want || d.Loading != (want < 10003) {
			t.Fatalf("after poll %d: %d jobs, loading %v; want %d", poll+2, len(d.Jobs), d.Loading, want)
		}
	}
	calls := delta(f, func() {
		for range 2 { // at 20 s and 25 s; the list is due again at 30 s
			step(t, c, clock, f, jobsKey, 5*time.Second)
		}
	})
	if n := calls["sagemaker:ListTrainingJobs"]; n != 0 {
		t.Fatalf("with the history in, polls between list intervals listed %d pages, want none", n)
	}
}

// The list keeps a summary of a finished job that Search returned in full
// (a month of full records would hold tens of megabytes); opening the job
// reads its details with one describe, and never again.
func TestFinishedJobFromSearchIsListedInSummaryAndDescribedOnceWhenOpened(t *testing.T) {
	f := awsfake.New(t0) // no job runs: every describe is the opened job's
	f.AddJobs(awsfake.Job{Name: "hdb-resale-first", Status: domain.JobFailed, SecondaryStatus: "Failed",
		Created: t0.Add(-3 * time.Hour), Ended: t0.Add(-2 * time.Hour), Tags: map[string]string{"sagemaker:project-name": "hdb-resale"}})
	f.AddJobs(awsfake.Job{Name: "hdb-resale-tuned", Status: domain.JobCompleted, SecondaryStatus: "Completed",
		Created: t0.Add(-90 * time.Second), Started: t0.Add(-80 * time.Second), Ended: t0.Add(-30 * time.Second),
		InstanceType: "ml.m5.2xlarge", InstanceCount: 1, Hyperparameters: map[string]string{"ntree": "800"},
		Tags: map[string]string{"sagemaker:project-name": "hdb-resale"}})
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()
	listed := jobNamed(next(t, c, jobsKey).Data.(TrainingJobsData).Jobs, "hdb-resale-tuned")
	if !listed.Detailed() || listed.Project() != "hdb-resale" || listed.InstanceType() != "ml.m5.2xlarge" || listed.BillableSeconds() != 50 {
		t.Fatalf("listed = %+v, want its project, instance and billable time from Search", listed)
	}
	key := FeedKey{Kind: FeedTrainingJob, Arg: "hdb-resale-tuned"}
	var opened TrainingJobData
	calls := delta(f, func() {
		defer c.Subscribe(key)()
		opened = next(t, c, key).Data.(TrainingJobData)
	})
	if opened.Job.Hyperparameters["ntree"] != "800" || opened.Job.Project != "hdb-resale" {
		t.Fatalf("opened = %+v, want its hyperparameters and project", opened.Job)
	}
	if n := calls["sagemaker:DescribeTrainingJob"]; n != 1 {
		t.Fatalf("opening the finished job described it %d times, want once (%v)", n, calls)
	}
	calls = delta(f, func() {
		defer c.Subscribe(key)()
		next(t, c, key)
		for range 3 { // the list's feed and the job's
			idle(t, clock, 2)
			f.Advance(5 * time.Second)
			clock.Advance(5 * time.Second)
			next(t, c, key)
		}
	})
	if n := calls["sagemaker:DescribeTrainingJob"]; n != 0 {
		t.Fatalf("opening it again described it %d more times; a finished job is read once", n)
	}
}

// While no job changes, every poll delivers the same list, not a copy: a
// list of 100,000 jobs costs nothing to hand over again. A change makes a
// new list and leaves the one delivered before as it was.
func TestUnchangedJobsAreDeliveredAsTheSameList(t *testing.T) {
	f := bigAccount()
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()
	next(t, c, jobsKey)
	var d TrainingJobsData
	for d.Loading || d.Jobs == nil {
		d = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData)
	}
	again := step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData)
	if len(again.Jobs) != len(d.Jobs) || &again.Jobs[0] != &d.Jobs[0] {
		t.Fatal("a poll in which nothing changed delivered a new list")
	}
	f.SetJobStatus("run-b", domain.JobCompleted)
	changed := step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData)
	if &changed.Jobs[0] == &d.Jobs[0] {
		t.Fatal("a job finished and the same list was delivered")
	}
	if j := jobNamed(d.Jobs, "run-b"); j.Status() != domain.JobInProgress {
		t.Fatalf("the list delivered before the change now says %s: a delivered list must never change", j.Status())
	}
	if j := jobNamed(changed.Jobs, "run-b"); j.Status() != domain.JobCompleted {
		t.Fatalf("the new list says run-b is %s, want Completed", j.Status())
	}
}

func TestNewTrainingJobIsListedDescribedAndGivenItsProject(t *testing.T) {
	f := bigAccount()
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()
	next(t, c, jobsKey)
	for range 12 {
		step(t, c, clock, f, jobsKey, 5*time.Second)
	}

	f.AddJobs(awsfake.Job{
		Name: "hdb-resale-new", Status: domain.JobInProgress, Created: f.Now(), InstanceType: "ml.m5.2xlarge", InstanceCount: 1,
		Tags: map[string]string{"sagemaker:project-name": "hdb-resale"},
	})
	var d TrainingJobsData
	calls := delta(f, func() {
		for range 6 { // one list interval
			d = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData)
		}
	})
	j := jobNamed(d.Jobs, "hdb-resale-new")
	if j.Name() == "" || !j.Detailed() || j.InstanceType() != "ml.m5.2xlarge" || j.Project() != "hdb-resale" {
		t.Fatalf("new job = %+v, want it listed, described and with its project", j)
	}
	if calls["sagemaker:ListTrainingJobs"] != 1 || calls["sagemaker:Search"] != 1 || calls["sagemaker:ListTags"] != 0 {
		t.Fatalf("calls = %v, want one list, one Search for the new job, no ListTags", calls)
	}
}

func TestTrainingJobDetailIsCachedOnceFinished(t *testing.T) {
	f := awsfake.New(t0)
	f.AddJobs(awsfake.Job{
		Name: "hdb-resale-r", Status: domain.JobCompleted, Created: t0.Add(-2 * time.Hour), Started: t0.Add(-2 * time.Hour),
		Ended: t0.Add(-time.Hour), InstanceType: "ml.m5.xlarge", InstanceCount: 2, MetricNames: []string{"validation:rmse"},
		Hyperparameters: map[string]string{"ntree": "500"},
	})
	for h := 1; h <= 2; h++ {
		f.SetMetric("/aws/sagemaker/TrainingJobs", "validation:rmse", "Average",
			map[string]string{"Host": fmt.Sprintf("hdb-resale-r/algo-%d", h)},
			awsfake.Point{At: t0.Add(-90 * time.Minute), Value: float64(30000 + 1000*h)},
			awsfake.Point{At: t0.Add(-80 * time.Minute), Value: float64(25000 + 1000*h)})
	}
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedTrainingJob, Arg: "hdb-resale-r"}
	defer c.Subscribe(key)()
	d := next(t, c, key).Data.(TrainingJobData)
	if d.Job.Hyperparameters["ntree"] != "500" || len(d.Curves) != 1 {
		t.Fatalf("detail = %+v", d)
	}
	rmse := d.Curves[0]
	if rmse.Label != "validation:rmse" || len(rmse.Values) != 2 || rmse.Values[0] != 31500 || rmse.Values[1] != 26500 {
		t.Fatalf("curve = %+v, want the two hosts averaged per point", rmse)
	}
	calls := delta(f, func() {
		for range 10 {
			step(t, c, clock, f, key, 5*time.Second)
		}
	})
	if len(calls) != 0 {
		t.Fatalf("a finished job's detail made calls after the first read: %v", calls)
	}
}

func jobNamed(jobs []*domain.TrainingJobSummary, name string) domain.TrainingJobSummary {
	for _, j := range jobs {
		if j.Name() == name {
			return *j
		}
	}
	return domain.TrainingJobSummary{}
}

func sameCalls(got, want map[string]int64) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}
