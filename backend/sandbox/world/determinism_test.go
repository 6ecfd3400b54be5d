package world_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// dump reads the world's state through its public API.
func dump(t *testing.T, w *world.World) []byte {
	t.Helper()
	state := map[string]any{}
	var jobs []world.TrainingJob
	q := world.TrainingJobQuery{}
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Items {
			j, _ := w.TrainingJob(s.TrainingJobName)
			jobs = append(jobs, j)
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	state["jobs"] = jobs
	var execs []any
	for _, p := range w.Pipelines() {
		list, _ := w.PipelineExecutions(p.PipelineName, world.ExecutionQuery{})
		for _, e := range list {
			d, _ := w.PipelineExecution(e.PipelineExecutionArn)
			steps, _ := w.PipelineExecutionSteps(e.PipelineExecutionArn, world.Ascending)
			execs = append(execs, d, steps)
		}
		pkgs, _ := w.ModelPackages(world.ModelPackageQuery{Group: p.PipelineName})
		for _, s := range pkgs {
			mp, _ := w.ModelPackage(s.ModelPackageArn)
			execs = append(execs, mp)
		}
	}
	state["pipelines"] = execs
	var eps []any
	for _, e := range w.Endpoints() {
		d, _ := w.Endpoint(e.EndpointName)
		_, v, _ := w.MetricData(world.NamespaceSageMaker, "Invocations", map[string]string{"EndpointName": e.EndpointName, "VariantName": d.ProductionVariants[0].VariantName}, "Sum", 5*time.Minute, testStart.Add(-time.Hour), testStart.Add(3*time.Hour))
		eps = append(eps, d, v)
	}
	state["endpoints"] = eps
	state["alarms"] = w.Alarms(nil, "", "")
	rps, _ := w.RecoveryPoints(world.RecoveryPointQuery{})
	state["backup"] = []any{rps, w.RestoreJobs(""), w.FileSystems(), w.BackupJobs()}
	streams, _ := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, OrderBy: "LastEventTime", Descending: true, Limit: 5})
	var logs []any
	for _, s := range streams.Streams {
		ev, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: s.LogStreamName})
		logs = append(logs, s, ev)
	}
	state["logs"] = logs
	b, err := json.Marshal(state)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// drive applies the same clock readings and calls to a world.
func drive(t *testing.T, w *world.World, c *world.ManualClock) {
	t.Helper()
	step(w, c, 20*time.Minute, 37*time.Second)
	arn, err := w.StartPipelineExecution(world.StartPipelineExecutionInput{PipelineName: "hdb-flat-demand", ClientRequestToken: "t1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.InvokeEndpoint(world.InvokeEndpointInput{EndpointName: "mom-work-pass-fraud-prod", ContentType: "text/csv", Body: []byte("1,2,3")}); err != nil {
		t.Log(err)
	}
	step(w, c, 90*time.Minute, 3*time.Minute)
	_, _ = w.StopPipelineExecution(arn)
	page, _ := w.TrainingJobs(world.TrainingJobQuery{StatusEquals: world.TrainingInProgress})
	if len(page.Items) > 0 {
		_ = w.StopTrainingJob(page.Items[0].TrainingJobName)
	}
	step(w, c, 4*time.Hour, 10*time.Minute)
}

func TestSameSeedAndClockGiveTheSameWorld(t *testing.T) {
	a, ca := newWorld(t, 42)
	b, cb := newWorld(t, 42)
	drive(t, a, ca)
	drive(t, b, cb)
	da, db := dump(t, a), dump(t, b)
	if !bytes.Equal(da, db) {
		i := 0
		for i < len(da) && i < len(db) && da[i] == db[i] {
			i++
		}
		lo := max(0, i-200)
		t.Fatalf("worlds differ at byte %d:\n%s\n%s", i, da[lo:min(len(da), i+200)], db[lo:min(len(db), i+200)])
	}
	c, cc := newWorld(t, 43)
	drive(t, c, cc)
	if bytes.Equal(da, dump(t, c)) {
		t.Fatal("a different seed gave the same world")
	}
}
