package backend

import (
	"slices"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// worldExecutions is a pipeline's executions, newest first.
func worldExecutions(t testing.TB, w *world.World, pipeline string) []world.PipelineExecutionSummary {
	t.Helper()
	execs, err := w.PipelineExecutions(pipeline, world.ExecutionQuery{SortOrder: world.Descending})
	if err != nil {
		t.Fatal(err)
	}
	return execs
}

func terminalExec(status string) bool {
	return status == domain.ExecSucceeded || status == domain.ExecFailed || status == domain.ExecStopped
}

func TestSandboxPipelinesSummariseTheWorldsLastTenRuns(t *testing.T) {
	s := onNewSandbox(t, "mlops-engineer")
	w := s.env.World()
	key := FeedKey{Kind: FeedPipelines}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(PipelinesData)
	if len(d.Pipelines) != len(w.Pipelines()) || len(d.Pipelines) == 0 {
		t.Fatalf("%d pipelines, the world has %d", len(d.Pipelines), len(w.Pipelines()))
	}
	sawRunning := false
	for _, p := range d.Pipelines {
		wp, err := w.Pipeline(p.Name)
		if err != nil {
			t.Fatal(err)
		}
		if p.ARN != wp.PipelineArn || p.Project != tagMap(wp.Tags)["sagemaker:project-name"] || p.Project == "" || len(p.Parameters) == 0 {
			t.Errorf("pipeline %s = project %q, %d parameters; want project %q and its declared parameters",
				p.Name, p.Project, len(p.Parameters), tagMap(wp.Tags)["sagemaker:project-name"])
		}
		execs := worldExecutions(t, w, p.Name)
		last10 := execs[:min(10, len(execs))]
		running, finished, succeeded := 0, 0, 0
		for _, e := range last10 {
			switch {
			case !terminalExec(e.PipelineExecutionStatus):
				running++
			case e.PipelineExecutionStatus == domain.ExecSucceeded:
				finished++
				succeeded++
			default:
				finished++
			}
		}
		wantRate := float64(succeeded) / float64(finished)
		if p.Running != running || p.SuccessRate != wantRate {
			t.Errorf("pipeline %s: running %d, success %.2f; want %d and %d/%d over the last ten", p.Name, p.Running, p.SuccessRate, running, succeeded, finished)
		}
		if p.LastExecution == nil || p.LastExecution.ARN != execs[0].PipelineExecutionArn || p.LastExecution.Status != execs[0].PipelineExecutionStatus {
			t.Errorf("pipeline %s last execution = %+v, want %s", p.Name, p.LastExecution, execs[0].PipelineExecutionArn)
		}
		sawRunning = sawRunning || running > 0
	}
	if !sawRunning {
		t.Fatal("no pipeline has a running execution; the scenario starts one")
	}
}

func TestSandboxExecutionsAndOneExecutionsStepsAreTheWorlds(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	const pipeline = "hdb-resale-valuation"
	key := FeedKey{Kind: FeedExecutions, Arg: pipeline}
	defer s.c.Subscribe(key)()
	d := s.settled(t, key).Data.(ExecutionsData)
	execs := worldExecutions(t, w, pipeline)
	if len(d.Executions) != min(len(execs), listedExecutions) || d.Pipeline.Name != pipeline {
		t.Fatalf("%d executions of %s, the world has %d", len(d.Executions), d.Pipeline.Name, len(execs))
	}
	var running string
	for i, e := range d.Executions {
		we, err := w.PipelineExecution(execs[i].PipelineExecutionArn)
		if err != nil {
			t.Fatal(err)
		}
		if e.ARN != we.PipelineExecutionArn || e.Status != we.PipelineExecutionStatus || !sameTime(e.StartedAt, we.CreationTime) ||
			e.StartedBy != we.CreatedBy.UserProfileName || e.FailureReason != we.FailureReason || e.DisplayName != we.PipelineExecutionDisplayName {
			t.Errorf("execution %d = %+v\nwant %+v", i, e, we)
		}
		if e.Terminal() != !e.EndedAt.IsZero() || (e.Terminal() && !sameTime(e.EndedAt, we.LastModifiedTime)) {
			t.Errorf("execution %s (%s) ended %v, want its end when finished (%v)", e.ARN, e.Status, e.EndedAt, we.LastModifiedTime)
		}
		if !e.Terminal() {
			running = e.ARN
		}
	}
	if running == "" {
		t.Fatal("no running execution of the HDB pipeline")
	}

	xkey := FeedKey{Kind: FeedExecution, Arg: running}
	defer s.c.Subscribe(xkey)()
	x := s.settled(t, xkey).Data.(ExecutionData)
	if x.GraphErr != "" || len(x.Definition.Steps) == 0 || len(x.Steps) != len(x.Definition.Steps) {
		t.Fatalf("execution graph: err %q, %d defined steps, %d steps", x.GraphErr, len(x.Definition.Steps), len(x.Steps))
	}
	wsteps, err := w.PipelineExecutionSteps(running, world.Ascending)
	if err != nil {
		t.Fatal(err)
	}
	reached := map[string]world.PipelineExecutionStep{}
	for _, st := range wsteps {
		reached[st.StepName] = st
	}
	for _, def := range x.Definition.Steps {
		st := x.Steps[def.Name]
		want, ok := reached[def.Name]
		switch {
		case !ok && st.Status != domain.StepNotStarted:
			t.Errorf("step %s = %s, want NotStarted: the execution has not reached it", def.Name, st.Status)
		case ok && (st.Status != want.StepStatus || !sameTime(st.StartedAt, want.StartTime) || st.Type != def.Type):
			t.Errorf("step %s = %s %s started %v, want %s %s started %v", def.Name, st.Type, st.Status, st.StartedAt, def.Type, want.StepStatus, want.StartTime)
		}
	}
	if len(reached) == 0 || len(reached) == len(x.Definition.Steps) {
		t.Fatalf("the running execution reached %d of %d steps; want some but not all", len(reached), len(x.Definition.Steps))
	}
	we, _ := w.PipelineExecution(running)
	for _, p := range we.PipelineParameters {
		if x.Execution.Parameters[p.Name] != p.Value {
			t.Errorf("parameter %s = %q, want %q", p.Name, x.Execution.Parameters[p.Name], p.Value)
		}
	}
	if len(we.PipelineParameters) == 0 || !slices.ContainsFunc(x.Definition.Steps, func(d domain.StepDefinition) bool { return d.Type == "Condition" }) {
		t.Fatalf("execution has %d parameters and no condition step: the scenario's pipeline has both", len(we.PipelineParameters))
	}
}
