package backend

import (
	"fmt"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestSandboxTrainingJobsAreTheWorldsRunningFirst(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	defer s.c.Subscribe(jobsKey)()
	d := s.settled(t, jobsKey).Data.(TrainingJobsData)

	all := worldJobs(t, w)
	if d.Loading || len(d.Jobs) != len(all) || len(all) < 300 {
		t.Fatalf("%d jobs (loading %v), the world has %d", len(d.Jobs), d.Loading, len(all))
	}
	running := worldRunningJobs(t, w)
	if len(running) < 3 {
		t.Fatalf("the world runs %d jobs; the scenario starts several", len(running))
	}
	for i, j := range d.Jobs {
		if want := i < len(running); j.Running() != want {
			t.Fatalf("job %d (%s, %s) running = %v; want the %d running jobs first", i, j.Name(), j.Status(), j.Running(), len(running))
		}
	}
	for i := len(running) + 1; i < len(d.Jobs); i++ {
		if d.Jobs[i].CreatedAt().After(d.Jobs[i-1].CreatedAt()) {
			t.Fatalf("finished jobs not newest first at %d: %s after %s", i, d.Jobs[i].Name(), d.Jobs[i-1].Name())
		}
	}
	byName := map[string]domain.TrainingJobSummary{}
	for _, j := range d.Jobs {
		byName[j.Name()] = *j
	}
	for _, ws := range all {
		j := byName[ws.TrainingJobName]
		if j.Status() != string(ws.TrainingJobStatus) || j.SecondaryStatus() != ws.SecondaryStatus || !sameTime(j.CreatedAt(), ws.CreationTime) {
			t.Errorf("%s: %s/%s created %v, want %s/%s created %v", ws.TrainingJobName, j.Status(), j.SecondaryStatus(), j.CreatedAt(),
				ws.TrainingJobStatus, ws.SecondaryStatus, ws.CreationTime)
		}
	}
	// Running jobs are known in full: instance type and project.
	for _, wj := range running {
		j := byName[wj.TrainingJobName]
		tags, _ := w.Tags(wj.TrainingJobArn)
		if !j.Detailed() || j.InstanceType() != wj.ResourceConfig.InstanceType || j.InstanceCount() != int(wj.ResourceConfig.InstanceCount) ||
			j.Project() != tagMap(tags)["sagemaker:project-name"] {
			t.Errorf("running %s = %s ×%d project %q, want %s ×%d project %q", j.Name(), j.InstanceType(), j.InstanceCount(), j.Project(),
				wj.ResourceConfig.InstanceType, wj.ResourceConfig.InstanceCount, tagMap(tags)["sagemaker:project-name"])
		}
	}
	// This month's jobs carry their project from their tags (what usage counts).
	month := monthStart(s.env.Now())
	tagged := 0
	for _, ws := range all {
		if ws.CreationTime.Before(month) {
			continue
		}
		tags, err := w.Tags(ws.TrainingJobArn)
		if err != nil {
			t.Fatal(err)
		}
		want := tagMap(tags)["sagemaker:project-name"]
		if got := byName[ws.TrainingJobName].Project(); got != want {
			t.Errorf("%s project = %q, want %q", ws.TrainingJobName, got, want)
		}
		if want != "" {
			tagged++
		}
	}
	if tagged < 10 {
		t.Fatalf("only %d jobs this month carry a project: the check above proves little", tagged)
	}
}

// finishedJobWithMetrics is a completed single-instance job of project
// with final metrics.
func finishedJobWithMetrics(t testing.TB, w *world.World, project string) world.TrainingJob {
	t.Helper()
	for _, s := range worldJobs(t, w) {
		if s.TrainingJobStatus != world.TrainingCompleted {
			continue
		}
		tags, _ := w.Tags(s.TrainingJobArn)
		j, err := w.TrainingJob(s.TrainingJobName)
		if err != nil {
			t.Fatal(err)
		}
		if tagMap(tags)["sagemaker:project-name"] == project && len(j.FinalMetricDataList) > 0 && j.ResourceConfig.InstanceCount == 1 {
			return j
		}
	}
	t.Fatalf("no completed job of %s with metrics", project)
	return world.TrainingJob{}
}

func TestSandboxTrainingJobDetailAndCurvesAreTheWorlds(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	wj := finishedJobWithMetrics(t, w, "hdb-resale-valuation")
	key := FeedKey{Kind: FeedTrainingJob, Arg: wj.TrainingJobName}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(TrainingJobData)
	j := d.Job
	if j.Status != string(wj.TrainingJobStatus) || j.InstanceType != wj.ResourceConfig.InstanceType || !sameTime(j.StartedAt, wj.TrainingStartTime) ||
		!sameTime(j.EndedAt, wj.TrainingEndTime) || j.BillableSeconds != int64(wj.BillableTimeInSeconds) || j.Project != "hdb-resale-valuation" ||
		j.ModelArtifact != wj.ModelArtifacts.S3ModelArtifacts || j.RoleARN != wj.RoleArn {
		t.Fatalf("job = %+v\nwant %+v", j, wj)
	}
	if len(j.Hyperparameters) == 0 || fmt.Sprint(j.Hyperparameters) != fmt.Sprint(wj.HyperParameters) {
		t.Fatalf("hyperparameters = %v, want %v", j.Hyperparameters, wj.HyperParameters)
	}
	if len(j.FinalMetrics) != len(wj.FinalMetricDataList) {
		t.Fatalf("final metrics = %+v, want %+v", j.FinalMetrics, wj.FinalMetricDataList)
	}
	for i, m := range wj.FinalMetricDataList {
		if j.FinalMetrics[i].Name != m.MetricName || float32(j.FinalMetrics[i].Value) != float32(m.Value) {
			t.Fatalf("final metric %d = %+v, want %+v", i, j.FinalMetrics[i], m)
		}
	}

	host := map[string]string{"Host": wj.TrainingJobName + "/algo-1"}
	metrics := w.ListMetrics(trainingMetricsNamespace, "", []world.DimensionFilter{{Name: "Host", Value: host["Host"]}})
	var names []string
	for _, m := range metrics {
		names = append(names, m.MetricName)
	}
	var curves []string
	for _, c := range d.Curves {
		curves = append(curves, c.Label)
	}
	sort.Strings(names)
	sort.Strings(curves)
	if len(names) == 0 || !slices.Equal(curves, names) {
		t.Fatalf("curves %v, want one per metric the job's host emits %v", curves, names)
	}
	for _, c := range d.Curves {
		times, values, err := w.MetricData(trainingMetricsNamespace, c.Label, host, "Average", time.Minute,
			wj.TrainingStartTime.Add(-time.Minute), wj.TrainingEndTime.Add(time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		if len(times) == 0 || len(c.Times) != len(times) || !sameTime(c.Times[0], times[0]) || c.Values[len(c.Values)-1] != values[len(values)-1] {
			t.Fatalf("curve %s: %d points ending %v, want %d ending %v", c.Label, len(c.Times), c.Values, len(times), values)
		}
	}
}

// worldLog is every line of a training job's streams, in order per stream.
func worldLog(t testing.TB, w *world.World, job string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	page, err := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: job + "/"})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range page.Streams {
		q := world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: st.LogStreamName, StartFromHead: true}
		for {
			p, err := w.LogEvents(q)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range p.Events {
				out[st.LogStreamName] = append(out[st.LogStreamName], e.Message)
			}
			if len(p.Events) == 0 || p.NextForwardToken == q.Token {
				break
			}
			q.Token = p.NextForwardToken
		}
	}
	return out
}

func TestSandboxJobLogsArriveOnceInOrderAndGrow(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	var job string
	for _, j := range worldRunningJobs(t, w) {
		if j.TrainingJobStatus == world.TrainingInProgress && len(worldLog(t, w, j.TrainingJobName)) > 0 {
			job = j.TrainingJobName
			break
		}
	}
	if job == "" {
		t.Fatal("no running job has written a log yet")
	}
	key := FeedKey{Kind: FeedJobLogs, Arg: job}
	defer s.c.Subscribe(key)()
	got := map[string][]string{}
	take := func(d LogsData) {
		for _, e := range d.Events {
			got[e.Stream] = append(got[e.Stream], e.Message)
		}
	}
	first := s.settled(t, key).Data.(LogsData)
	if !first.Reset || first.Group != trainingLogGroup || len(first.Events) == 0 {
		t.Fatalf("first delivery = reset %v, group %s, %d events", first.Reset, first.Group, len(first.Events))
	}
	take(first)
	if want := worldLog(t, w, job); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("first delivery has %d streams, want the world's log so far (%d streams)", len(got), len(want))
	}
	before := 0
	for _, lines := range got {
		before += len(lines)
	}

	// The job writes on as the world moves; each poll brings only new
	// lines (a poll with none delivers only its state).
	for range 3 {
		idle(t, s.clock, 1)
		s.env.Clock.Advance(3 * time.Minute)
		s.clock.Advance(DefaultIntervals().Logs)
		u := next(t, s.c, key)
		for u.State.Fetching {
			u = next(t, s.c, key)
		}
		if u.State.Err != "" {
			t.Fatal(u.State.Err)
		}
		if d, ok := u.Data.(LogsData); ok {
			if d.Reset {
				t.Fatal("a later delivery asked to reset the tail")
			}
			take(d)
		}
	}
	after := 0
	for _, lines := range got {
		after += len(lines)
	}
	if after <= before {
		t.Fatalf("no new lines after nine minutes of a running job (%d lines)", after)
	}
	if want := worldLog(t, w, job); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("tail after three polls differs from the world's log: %d lines, want the world's, each once, in order", after)
	}
}
