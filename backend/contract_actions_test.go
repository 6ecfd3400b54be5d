package backend

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// do runs an action and returns its result or its *ActionError.
func do(t testing.TB, c *Client, req ActionRequest) (ActionResult, *ActionError) {
	t.Helper()
	res, err := c.Do(context.Background(), req)
	if err == nil {
		return res, nil
	}
	var ae *ActionError
	if !errors.As(err, &ae) {
		t.Fatalf("%s: %v is not an *ActionError", req.Target(), err)
	}
	return res, ae
}

// runningJobOf is a running (InProgress) job of project.
func runningJobOf(t testing.TB, w *world.World, project string) string {
	t.Helper()
	for _, j := range worldRunningJobs(t, w) {
		tags, _ := w.Tags(j.TrainingJobArn)
		if j.TrainingJobStatus == world.TrainingInProgress && tagMap(tags)["sagemaker:project-name"] == project {
			return j.TrainingJobName
		}
	}
	t.Fatalf("no running job of %s", project)
	return ""
}

// wantDenied checks an AccessDenied sentence that names the operation, the
// target and the caller's role.
func wantDenied(t testing.TB, ae *ActionError, op, target string, role domain.Role) {
	t.Helper()
	prefix := "AWS denied " + op + " on " + target + " for the " + role.Label() + " role: "
	if ae == nil || ae.Code != "AccessDenied" && ae.Code != "AccessDeniedException" || !strings.HasPrefix(ae.Error(), prefix) ||
		!strings.Contains(ae.Error(), "is not authorized to perform: "+op) {
		t.Fatalf("got %v, want %q followed by AWS's reason", ae, prefix)
	}
}

func TestSandboxStopTrainingJobByRole(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	hdbJob := runningJobOf(t, w, "hdb-resale-valuation")
	momJob := runningJobOf(t, w, "mom-work-pass-fraud")
	scientist := clientOn(t, env, "data-scientist", Options{}) // lim-jia-hui, of hdb-resale-valuation
	if id := scientist.c.Identity(); id.Role != domain.RoleDataScientist || id.UserProfile != "lim-jia-hui" {
		t.Fatalf("identity = %+v", id)
	}

	res, ae := do(t, scientist.c, StopTrainingJob{Name: hdbJob})
	if ae != nil || res.Outcome != OutcomeDone || !strings.Contains(res.Message, hdbJob) {
		t.Fatalf("stopping a job of her own project: %+v, %v", res, ae)
	}
	if j, _ := w.TrainingJob(hdbJob); j.TrainingJobStatus != world.TrainingStopping && j.TrainingJobStatus != world.TrainingStopped {
		t.Fatalf("after the stop the world says %s is %s", hdbJob, j.TrainingJobStatus)
	}

	_, ae = do(t, scientist.c, StopTrainingJob{Name: momJob})
	wantDenied(t, ae, "sagemaker:StopTrainingJob", momJob, domain.RoleDataScientist)
	if j, _ := w.TrainingJob(momJob); j.TrainingJobStatus != world.TrainingInProgress {
		t.Fatalf("a denied stop stopped %s (%s)", momJob, j.TrainingJobStatus)
	}

	onCall := clientOn(t, env, "on-call", Options{})
	_, ae = do(t, onCall.c, StopTrainingJob{Name: momJob})
	wantDenied(t, ae, "sagemaker:StopTrainingJob", momJob, domain.RoleOnCall)
}

func TestSandboxPipelineActions(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	s := clientOn(t, env, "data-scientist", Options{})
	const pipeline = "hdb-resale-valuation"
	key := FeedKey{Kind: FeedPipelines}
	unsubscribe := s.c.Subscribe(key)
	declared := projectPipeline(t, s.settled(t, key).Data.(PipelinesData), pipeline).Parameters
	unsubscribe()

	// A value that does not fit its declared type is refused before any call.
	clientBefore, serverBefore := maps.Clone(s.c.Calls().ByOp), env.Server().Calls()
	_, ae := do(t, s.c, StartExecution{Pipeline: pipeline, Declared: declared, Parameters: map[string]string{"NumTrees": "many"}})
	if ae == nil || ae.Code != "Validation" || !strings.HasPrefix(ae.Error(), "Not sent: ") || !strings.Contains(ae.Error(), "NumTrees") {
		t.Fatalf("a non-integer NumTrees gave %v, want a validation sentence naming it", ae)
	}
	if c, srv := clientCalls(s.c, clientBefore), serverCalls(env, serverBefore); len(c) != 0 || len(srv) != 0 {
		t.Fatalf("a refused start made calls: client %v, sandbox %v", c, srv)
	}

	_, ae = do(t, s.c, StartExecution{Pipeline: pipeline, Declared: declared, ClientToken: "dialog-1"})
	if ae == nil || ae.Code != "Validation" || !strings.Contains(ae.Error(), "32 to 128") {
		t.Fatalf("a short client token gave %v, want a validation sentence", ae)
	}
	if c, srv := clientCalls(s.c, clientBefore), serverCalls(env, serverBefore); len(c) != 0 || len(srv) != 0 {
		t.Fatalf("refused starts made calls: client %v, sandbox %v", c, srv)
	}

	// An overridden hyperparameter, sent twice with one token: one execution.
	runs := len(worldExecutions(t, w, pipeline))
	start := StartExecution{Pipeline: pipeline, Declared: declared, Parameters: map[string]string{"NumTrees": "800"},
		ClientToken: "5f0c6f2e-8d0b-4f4e-9a57-3c1d2b7e9a10"}
	first, ae := do(t, s.c, start)
	if ae != nil || first.ID == "" {
		t.Fatalf("start: %+v, %v", first, ae)
	}
	second, ae := do(t, s.c, start)
	if ae != nil || second.ID != first.ID {
		t.Fatalf("the same token again gave %+v, %v; want the same execution %s", second, ae, first.ID)
	}
	if n := len(worldExecutions(t, w, pipeline)); n != runs+1 {
		t.Fatalf("the world has %d executions, want %d: one new", n, runs+1)
	}
	we, err := w.PipelineExecution(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	params := map[string]string{}
	for _, p := range we.PipelineParameters {
		params[p.Name] = p.Value
	}
	if params["NumTrees"] != "800" || params["Mtry"] != "3" {
		t.Fatalf("the execution runs with %v; want NumTrees 800 and the other defaults", params)
	}

	// Stop it.
	if _, ae := do(t, s.c, StopExecution{ARN: first.ID}); ae != nil {
		t.Fatalf("stop: %v", ae)
	}
	if we, _ := w.PipelineExecution(first.ID); we.PipelineExecutionStatus != domain.ExecStopping && we.PipelineExecutionStatus != domain.ExecStopped {
		t.Fatalf("after the stop the execution is %s", we.PipelineExecutionStatus)
	}

	// Retry: a failed execution runs again; a succeeded one is refused by AWS.
	var failed, succeeded string
	for _, e := range worldExecutions(t, w, pipeline) {
		switch e.PipelineExecutionStatus {
		case domain.ExecFailed:
			failed = e.PipelineExecutionArn
		case domain.ExecSucceeded:
			succeeded = e.PipelineExecutionArn
		}
	}
	if res, ae := do(t, s.c, RetryExecution{ARN: failed}); ae != nil || res.ID != failed {
		t.Fatalf("retrying failed %s: %+v, %v", failed, res, ae)
	}
	if we, _ := w.PipelineExecution(failed); we.PipelineExecutionStatus != domain.ExecExecuting {
		t.Fatalf("the retried execution is %s, want Executing", we.PipelineExecutionStatus)
	}
	_, ae = do(t, s.c, RetryExecution{ARN: succeeded})
	if ae == nil || ae.Code != "ValidationException" || ae.Operation != "sagemaker:RetryPipelineExecution" ||
		!strings.Contains(ae.Error(), "Only executions in Failed status can be retried") {
		t.Fatalf("retrying a succeeded execution gave %v, want AWS's refusal in a sentence", ae)
	}
}

func projectPipeline(t testing.TB, d PipelinesData, name string) domain.Pipeline {
	t.Helper()
	for _, p := range d.Pipelines {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no pipeline %s", name)
	return domain.Pipeline{}
}

func TestSandboxSetApprovalByRole(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	var pending world.ModelPackage
	for _, v := range worldVersions(t, w, "hdb-resale-valuation") {
		if v.ModelApprovalStatus == domain.ApprovalPending {
			pending = v
		}
	}
	if pending.ModelPackageArn == "" {
		t.Fatal("no version of hdb-resale-valuation awaits approval")
	}
	req := SetApproval{ModelPackageARN: pending.ModelPackageArn, Group: "hdb-resale-valuation",
		Version: int(pending.ModelPackageVersion), Approve: true, Note: "best RMSE of the month"}

	scientist := clientOn(t, env, "data-scientist", Options{})
	_, ae := do(t, scientist.c, req)
	wantDenied(t, ae, "sagemaker:UpdateModelPackage", req.Target(), domain.RoleDataScientist)

	mlops := clientOn(t, env, "mlops-engineer", Options{})
	res, ae := do(t, mlops.c, req)
	if ae != nil || res.Message != "Approved hdb-resale-valuation v"+itoa(int(pending.ModelPackageVersion))+"." {
		t.Fatalf("approval by the MLOps engineer: %+v, %v", res, ae)
	}
	v, _ := w.ModelPackage(pending.ModelPackageArn)
	if v.ModelApprovalStatus != domain.ApprovalApproved || v.ApprovalDescription != "best RMSE of the month" {
		t.Fatalf("the world's version is %s (%q)", v.ModelApprovalStatus, v.ApprovalDescription)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestSandboxStartRestoreByRole(t *testing.T) {
	env := sandboxtest.Start(t)
	scientist := clientOn(t, env, "data-scientist", Options{})
	req := limJiaHuiRestore(t, scientist)
	before := len(env.World().RestoreJobs(""))
	_, ae := do(t, scientist.c, req)
	wantDenied(t, ae, "backup:StartRestoreJob", req.Target(), domain.RoleDataScientist)
	if n := len(env.World().RestoreJobs("")); n != before {
		t.Fatalf("a denied restore started a job (%d, was %d)", n, before)
	}
	// The admin's restore, and its completion, are in
	// TestSandboxARestoreCompletingShowsAfterOneInterval.
}

func TestSandboxInvokeEndpointAnswersWithTheHDBPrice(t *testing.T) {
	env := sandboxtest.Start(t)
	for _, readOnly := range []bool{false, true} {
		s := clientOn(t, env, "on-call", Options{ReadOnly: readOnly})
		res, ae := do(t, s.c, InvokeEndpoint{Endpoint: "hdb-resale-valuation-prod", ContentType: "application/json",
			Body: []byte(`{"town":"TAMPINES","flat_type":"4 ROOM","floor_area_sqm":93,"storey_range":"07 TO 09","remaining_lease":62}`)})
		if ae != nil || res.Invoke == nil {
			t.Fatalf("read-only %v: invoke gave %+v, %v", readOnly, res, ae)
		}
		var answer struct {
			Price    float64 `json:"predicted_price"`
			Currency string  `json:"currency"`
		}
		if err := json.Unmarshal(res.Invoke.Body, &answer); err != nil || answer.Currency != "SGD" || answer.Price < 200_000 || answer.Price > 2_000_000 ||
			res.Invoke.ContentType != "application/json" || res.Invoke.StatusCode != 200 {
			t.Fatalf("read-only %v: answer %s (%s), want a resale price in SGD", readOnly, res.Invoke.Body, res.Invoke.ContentType)
		}
	}
}

func TestSandboxReadOnlyRefusesEveryMutationWithoutACall(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	s := clientOn(t, env, "project-admin", Options{ReadOnly: true})
	var failed string
	for _, e := range worldExecutions(t, w, "hdb-resale-valuation") {
		if e.PipelineExecutionStatus == domain.ExecFailed {
			failed = e.PipelineExecutionArn
		}
	}
	versions := worldVersions(t, w, "hdb-resale-valuation")
	clientBefore, serverBefore := maps.Clone(s.c.Calls().ByOp), env.Server().Calls()
	for _, req := range []ActionRequest{
		StopTrainingJob{Name: runningJobOf(t, w, "hdb-resale-valuation")},
		StartExecution{Pipeline: "hdb-resale-valuation", Parameters: map[string]string{"NumTrees": "800"}},
		StopExecution{ARN: failed},
		RetryExecution{ARN: failed},
		SetApproval{ModelPackageARN: versions[0].ModelPackageArn, Group: "hdb-resale-valuation", Version: 1, Approve: true},
		limJiaHuiRestore(t, s),
	} {
		_, ae := do(t, s.c, req)
		target := req.Target()
		switch req.(type) {
		case StopExecution, RetryExecution: // named as the panes name a run; no list read yet, so by its id
			target = "execution " + failed[strings.LastIndex(failed, "/")+1:] + " of hdb-resale-valuation"
		}
		want := "Refused: agdash is in read-only mode, so it will not " + req.Action().Verb() + " (" + target + ")."
		if ae == nil || ae.Code != "ReadOnly" || ae.Error() != want {
			t.Errorf("%T in read-only mode gave %v, want %q", req, ae, want)
		}
	}
	if c, srv := clientCalls(s.c, clientBefore), serverCalls(env, serverBefore); len(c) != 0 || len(srv) != 0 {
		t.Fatalf("refused actions made calls: client %v, sandbox %v", c, srv)
	}
}
