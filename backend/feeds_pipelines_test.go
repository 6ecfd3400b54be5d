package backend

import (
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

const trainDefinition = `{
  "Version": "2020-12-01",
  "Parameters": [{"Name": "Epochs", "Type": "Integer", "DefaultValue": 10}],
  "Steps": [
    {"Name": "Preprocess", "Type": "Processing", "Arguments": {}},
    {"Name": "Train", "Type": "Training", "DependsOn": ["Preprocess"], "Arguments": {}},
    {"Name": "CheckRMSE", "Type": "Condition", "Arguments": {"Conditions": [{"Type": "LessThanOrEqualTo",
      "LeftValue": {"Get": "Steps.Train.FinalMetricDataList['validation:rmse'].Value"}, "RightValue": 35000}],
      "IfSteps": [{"Name": "Register", "Type": "RegisterModel", "Arguments": {}}],
      "ElseSteps": [{"Name": "Fail", "Type": "Fail", "Arguments": {"ErrorMessage": "rmse too high"}}]}}
  ]
}`

// pipelineAccount: hdb-train with 12 executions, the newest still running,
// then alternately 8 succeeded and 3 failed.
func pipelineAccount() (*awsfake.Account, string) {
	f := awsfake.New(t0)
	f.AddPipelines(awsfake.Pipeline{Name: "hdb-train", Definition: trainDefinition, Created: t0.Add(-30 * 24 * time.Hour),
		Tags: map[string]string{"sagemaker:project-name": "hdb-resale"}})
	for i := 12; i >= 1; i-- {
		status := domain.ExecSucceeded
		if i%4 == 0 {
			status = domain.ExecFailed
		}
		started := t0.Add(-time.Duration(i) * 24 * time.Hour)
		f.AddExecutions(awsfake.Execution{Pipeline: "hdb-train", DisplayName: fmt.Sprintf("run-%d", i), Status: status,
			Started: started, Modified: started.Add(time.Hour), StartedBy: "alice-tan"})
	}
	f.AddExecutions(awsfake.Execution{Pipeline: "hdb-train", DisplayName: "run-now", Status: domain.ExecExecuting,
		Started: t0.Add(-10 * time.Minute), StartedBy: "alice-tan", Parameters: map[string]string{"Epochs": "20"},
		Steps: []awsfake.Step{
			{Name: "Preprocess", Status: domain.StepSucceeded, Started: t0.Add(-10 * time.Minute), Ended: t0.Add(-5 * time.Minute)},
			{Name: "Train", Status: domain.StepExecuting, Kind: "Training", JobARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/t1",
				Started: t0.Add(-5 * time.Minute)},
		}})
	return f, "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-train/execution/x0013"
}

func TestPipelinesSummariseAndRelistOnlyWhatMoves(t *testing.T) {
	f, running := pipelineAccount()
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedPipelines}
	defer c.Subscribe(key)()
	p := next(t, c, key).Data.(PipelinesData).Pipelines[0]
	if p.Project != "hdb-resale" || len(p.Parameters) != 1 || p.Parameters[0].Name != "Epochs" || p.Parameters[0].Default != "10" {
		t.Fatalf("pipeline = %+v", p)
	}
	// The ten newest: the running one and run-1..run-9, of which run-4
	// and run-8 failed.
	if p.Running != 1 || p.LastExecution == nil || p.LastExecution.DisplayName != "run-now" || p.SuccessRate != 7.0/9 {
		t.Fatalf("summary = running %d, last %+v, success %v", p.Running, p.LastExecution, p.SuccessRate)
	}
	// The summary needs only what the execution list says (status, start):
	// while one runs, the list is read again, and nothing is described.
	calls := delta(f, func() { step(t, c, clock, f, key, 30*time.Second) })
	want := map[string]int64{"sagemaker:ListPipelines": 1, "sagemaker:ListPipelineExecutions": 1}
	if !sameCalls(calls, want) {
		t.Fatalf("calls while an execution runs = %v, want %v", calls, want)
	}
	f.SetExecutionStatus(running, domain.ExecSucceeded)
	p = step(t, c, clock, f, key, 30*time.Second).Data.(PipelinesData).Pipelines[0]
	if p.Running != 0 || p.SuccessRate != 8.0/10 {
		t.Fatalf("after it finished: running %d, success %v", p.Running, p.SuccessRate)
	}
	calls = delta(f, func() { step(t, c, clock, f, key, 30*time.Second) })
	if !sameCalls(calls, map[string]int64{"sagemaker:ListPipelines": 1}) {
		t.Fatalf("calls when nothing runs = %v, want only ListPipelines", calls)
	}
}

func TestExecutionStepsFollowTheDefinition(t *testing.T) {
	f, running := pipelineAccount()
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedExecution, Arg: running}
	defer c.Subscribe(key)()
	u := next(t, c, key)
	d := u.Data.(ExecutionData)
	if d.GraphErr != "" || len(d.Definition.Steps) != 5 || len(d.Steps) != 5 {
		t.Fatalf("execution = %+v", d)
	}
	for name, want := range map[string][2]string{
		"Preprocess": {domain.StepSucceeded, "Processing"}, "Train": {domain.StepExecuting, "Training"},
		"CheckRMSE": {domain.StepNotStarted, "Condition"}, "Register": {domain.StepNotStarted, "RegisterModel"}, "Fail": {domain.StepNotStarted, "Fail"},
	} {
		if s := d.Steps[name]; s.Status != want[0] || s.Type != want[1] {
			t.Errorf("step %s = %s/%s, want %s/%s", name, s.Status, s.Type, want[0], want[1])
		}
	}
	if d.Execution.Parameters["Epochs"] != "20" || d.Execution.StartedBy != "alice-tan" || u.State.Interval != 5*time.Second {
		t.Fatalf("execution %+v polled every %v", d.Execution, u.State.Interval)
	}
	f.SetExecutionStatus(running, domain.ExecSucceeded)
	step(t, c, clock, f, key, 5*time.Second)
	calls := delta(f, func() {
		for range 3 {
			step(t, c, clock, f, key, 30*time.Second)
		}
	})
	if len(calls) != 0 {
		t.Fatalf("a finished execution was read again: %v", calls)
	}
}

func TestExecutionsListCarriesParametersReadOncePerExecution(t *testing.T) {
	f, _ := pipelineAccount()
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedExecutions, Arg: "hdb-train"}
	defer c.Subscribe(key)()
	var d ExecutionsData
	calls := delta(f, func() { d = next(t, c, key).Data.(ExecutionsData) })
	if len(d.Executions) != 13 {
		t.Fatalf("%d executions, want 13", len(d.Executions))
	}
	if got := d.Executions[0]; got.DisplayName != "run-now" || got.Parameters["Epochs"] != "20" {
		t.Fatalf("the newest execution = %s with parameters %v, want run-now with Epochs=20", got.DisplayName, got.Parameters)
	}
	if n := calls["sagemaker:ListPipelineParametersForExecution"]; n != 13 {
		t.Fatalf("parameters read %d times on the first list, want once per execution (13)", n)
	}
	// Parameters never change: the next polls do not read them again.
	calls = delta(f, func() { step(t, c, clock, f, key, 30*time.Second) })
	if n := calls["sagemaker:ListPipelineParametersForExecution"]; n != 0 {
		t.Fatalf("parameters read again %d times; they never change", n)
	}
}

// The executions list and a running execution's own feed share one
// describe of it per RunningJobs interval: on the list's poll, whichever
// feed comes second uses what the first read.
func TestRunningExecutionDescribedOncePerIntervalByListAndDetail(t *testing.T) {
	f, running := pipelineAccount()
	c, clock := newTestClient(t, f, Options{})
	go func() {
		for range c.Updates() {
		}
	}()
	defer c.Subscribe(FeedKey{Kind: FeedExecutions, Arg: "hdb-train"})()
	defer c.Subscribe(FeedKey{Kind: FeedExecution, Arg: running})()
	idle(t, clock, 2)
	every := DefaultIntervals().RunningJobs
	polls := int(DefaultIntervals().Pipelines / every) // the list polls once meanwhile
	calls := delta(f, func() {
		for range polls {
			f.Advance(every)
			clock.Advance(every)
			idle(t, clock, 2)
		}
	})
	if n := calls["sagemaker:DescribePipelineExecution"]; n != int64(polls) {
		t.Fatalf("the running execution was described %d times in %d intervals, want once each (%v)", n, polls, calls)
	}
	if n := calls["sagemaker:ListPipelineExecutions"]; n != 1 {
		t.Fatalf("the executions were listed %d times in one list interval, want once", n)
	}
}
