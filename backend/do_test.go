package backend

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// scientistAccount: alice.tan, a data scientist of hdb-resale, with a
// running job, a pipeline, a model version and a file system backup.
func scientistAccount() *awsfake.Account {
	f := awsfake.New(t0)
	f.CallerARN = "arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan"
	f.AddDomains(awsfake.Domain{ID: "d-hdb", Name: "hdb", HomeEFS: "fs-0hdb"})
	f.AddUsers(awsfake.User{DomainID: "d-hdb", Name: "alice-tan", HomeUID: "200005",
		Tags: map[string]string{"ag:role": "data-scientist", "ag:projects": "hdb-resale hdb-rental"}})
	f.AddJobs(awsfake.Job{Name: "hdb-r", Status: domain.JobInProgress, Created: t0.Add(-time.Hour)})
	f.AddPipelines(awsfake.Pipeline{Name: "hdb-train", Definition: `{"Version":"2020-12-01","Parameters":[{"Name":"Epochs","Type":"Integer","DefaultValue":10}],"Steps":[]}`})
	f.AddModelGroups(awsfake.ModelGroup{Name: "hdb-resale"})
	f.AddModelPackages(awsfake.ModelPackage{Group: "hdb-resale", Version: 3, Approval: domain.ApprovalPending, Created: t0})
	return f
}

var approve = SetApproval{
	ModelPackageARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:model-package/hdb-resale/3",
	Group:           "hdb-resale", Version: 3, Approve: true, Note: "rmse 21k beats v2",
}

func actionError(t *testing.T, err error) *ActionError {
	t.Helper()
	var ae *ActionError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T), want an *ActionError", err, err)
	}
	return ae
}

func TestReadOnlyRefusesMutationsWithoutCallingAWS(t *testing.T) {
	f := scientistAccount()
	c, _ := newTestClient(t, f, Options{ReadOnly: true})
	if !c.Identity().ReadOnly {
		t.Fatal("identity does not say read-only")
	}
	for _, req := range []ActionRequest{
		StopTrainingJob{Name: "hdb-r"},
		StartExecution{Pipeline: "hdb-train"},
		StopExecution{ARN: "arn:x"},
		RetryExecution{ARN: "arn:x"},
		approve,
		StartRestore{RestoreRequest: domain.RestoreRequest{RecoveryPointARN: "rp", FileSystemID: "fs", IAMRoleARN: "r", Paths: []string{"/200005/a"}}},
	} {
		before := c.Calls().Total
		_, err := c.Do(context.Background(), req)
		ae := actionError(t, err)
		if ae.Code != "ReadOnly" || !strings.HasPrefix(err.Error(), "Refused: agdash is in read-only mode") {
			t.Errorf("%T: %v, want a read-only refusal", req, err)
		}
		if got := c.Calls().Total; got != before {
			t.Errorf("%T: %d AWS calls in read-only mode", req, got-before)
		}
	}
	// Invoking an endpoint changes nothing, so on-call may smoke-test.
	f.AddEndpoints(awsfake.Endpoint{Name: "hdb-prod", Status: domain.EndpointInService})
	res, err := c.Do(context.Background(), InvokeEndpoint{Endpoint: "hdb-prod", ContentType: "application/json", Body: []byte(`{"town":"BISHAN"}`)})
	if err != nil || res.Invoke == nil || string(res.Invoke.Body) != `{"predictions":[512000.0]}` {
		t.Fatalf("invoke in read-only mode = %+v, %v", res, err)
	}
	if len(f.Invocations) != 1 || string(f.Invocations[0].Body) != `{"town":"BISHAN"}` {
		t.Fatalf("endpoint received %+v", f.Invocations)
	}
}

func TestIdenticalRequestInFlightIsRefused(t *testing.T) {
	f := scientistAccount()
	entered, release := make(chan struct{}), make(chan struct{})
	f.Hook = func(ctx context.Context, op string) error {
		if op == "sagemaker:StopTrainingJob" {
			entered <- struct{}{}
			<-release
		}
		return nil
	}
	c, _ := newTestClient(t, f, Options{})
	first := make(chan error, 1)
	go func() {
		_, err := c.Do(context.Background(), StopTrainingJob{Name: "hdb-r"})
		first <- err
	}()
	<-entered
	_, err := c.Do(context.Background(), StopTrainingJob{Name: "hdb-r"})
	if ae := actionError(t, err); ae.Code != "InFlight" {
		t.Fatalf("second submission: %v, want InFlight", err)
	}
	close(release)
	if err := <-first; err != nil {
		t.Fatalf("first submission: %v", err)
	}
	if got := f.Calls("sagemaker:StopTrainingJob"); got != 1 || len(f.Stopped) != 1 {
		t.Fatalf("StopTrainingJob sent %d times, want once", got)
	}
	go func() { <-entered }() // the hook still signals; nobody waits now
	if _, err := c.Do(context.Background(), StopTrainingJob{Name: "hdb-r"}); err != nil {
		t.Fatalf("a repeat after the answer came: %v", err)
	}
}

func TestInvalidRequestsAreRefusedBeforeAnyCall(t *testing.T) {
	f := scientistAccount()
	c, _ := newTestClient(t, f, Options{})
	declared := []domain.PipelineParameter{{Name: "Epochs", Type: domain.ParamInteger, Default: "10"}}
	rr := func(paths ...string) StartRestore {
		return StartRestore{HomeDir: "/200005", User: "alice-tan", RestoreRequest: domain.RestoreRequest{
			RecoveryPointARN: "arn:rp", FileSystemID: "fs-0hdb", IAMRoleARN: "arn:role", Paths: paths}}
	}
	for _, tc := range []struct {
		req  ActionRequest
		want string
	}{
		{StartExecution{Pipeline: "hdb-train", Declared: declared, Parameters: map[string]string{"Epochs": "ten"}}, "Epochs"},
		{StartExecution{Pipeline: "hdb-train", Declared: declared, Parameters: map[string]string{"LearningRate": "0.1"}}, "LearningRate"},
		{StartExecution{Parameters: map[string]string{}}, "no pipeline"},
		{rr(), "no paths"},
		{rr("/200005/a", "/200005/b", "/200005/c", "/200005/d", "/200005/e", "/200005/f", "/200005/g", "/200005/h", "/200005/i", "/200005/j", "/200005/k"), "at most 10"},
		{rr("/200005/../200006/secret.R"), ".."},
		{rr("/200006/notebooks"), "outside the home directory /200005"},
		{SetApproval{Group: "g", Version: 1}, "no model version"},
	} {
		before := c.Calls().Total
		_, err := c.Do(context.Background(), tc.req)
		ae := actionError(t, err)
		if ae.Code != "Validation" || !strings.HasPrefix(err.Error(), "Not sent: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v, want a validation error naming %q", tc.req, err, tc.want)
		}
		if c.Calls().Total != before {
			t.Errorf("%+v: AWS was called", tc.req)
		}
	}
}

func TestAccessDeniedNamesOperationAndRole(t *testing.T) {
	f := scientistAccount()
	f.Fail("sagemaker:UpdateModelPackage", awsfake.APIError("AccessDeniedException",
		"User: arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan is not authorized to perform: sagemaker:UpdateModelPackage"))
	c, _ := newTestClient(t, f, Options{})
	_, err := c.Do(context.Background(), approve)
	ae := actionError(t, err)
	if ae.Code != "AccessDeniedException" || ae.Role != domain.RoleDataScientist || ae.Operation != "sagemaker:UpdateModelPackage" {
		t.Fatalf("error = %+v", ae)
	}
	want := "AWS denied sagemaker:UpdateModelPackage on hdb-resale v3 for the data scientist role: " +
		"User: arn:aws:sts::123456789012:assumed-role/AG-HDB-DataScientist/alice.tan is not authorized to perform: sagemaker:UpdateModelPackage"
	if err.Error() != want {
		t.Fatalf("message =\n  %s\nwant\n  %s", err, want)
	}
	if len(f.Approvals) != 0 {
		t.Fatal("a refused approval was recorded")
	}
}

func TestNoAnswerIsAnUnknownOutcome(t *testing.T) {
	for name, fail := range map[string]error{
		"timeout":   context.DeadlineExceeded,
		"transport": &smithyhttp.RequestSendError{Err: io.ErrUnexpectedEOF},
	} {
		t.Run(name, func(t *testing.T) {
			f := scientistAccount()
			c, _ := newTestClient(t, f, Options{})
			f.Fail("sagemaker:StopTrainingJob", fail)
			res, err := c.Do(context.Background(), StopTrainingJob{Name: "hdb-r"})
			ae := actionError(t, err)
			if !ae.Unknown || res.Outcome != OutcomeUnknown {
				t.Fatalf("result %+v, error %+v; want an unknown outcome", res, ae)
			}
			if !strings.HasPrefix(err.Error(), "Unknown outcome: sagemaker:StopTrainingJob on hdb-r got no answer") {
				t.Fatalf("message = %s", err)
			}
		})
	}
}

func TestActionsSendWhatThePlanSays(t *testing.T) {
	f := scientistAccount()
	f.CallerARN = "arn:aws:sts::123456789012:assumed-role/AG-HDB-Admin/bob"
	c, clock := newTestClient(t, f, Options{})
	ctx := context.Background()

	start := StartExecution{Pipeline: "hdb-train", DisplayName: "more-epochs", Parameters: map[string]string{"Epochs": "20"},
		Declared: []domain.PipelineParameter{{Name: "Epochs", Type: domain.ParamInteger, Default: "10"}}, ClientToken: "tok-1-0123456789abcdef0123456789abcdef"}
	res, err := c.Do(ctx, start)
	if err != nil || res.Outcome != OutcomeDone || !strings.Contains(res.ID, "hdb-train/execution/") {
		t.Fatalf("start = %+v, %v", res, err)
	}
	if s := f.Started[0]; s.ClientToken != "tok-1-0123456789abcdef0123456789abcdef" || s.Parameters["Epochs"] != "20" || s.DisplayName != "more-epochs" || len(s.Parameters) != 1 {
		t.Fatalf("sent %+v", s)
	}
	if _, err := c.Do(ctx, approve); err != nil || f.Approvals[0].Status != domain.ApprovalApproved || f.Approvals[0].Note != "rmse 21k beats v2" {
		t.Fatalf("approval sent %+v (%v)", f.Approvals, err)
	}

	f.AddFileSystems(awsfake.FileSystem{ID: "fs-0hdb"})
	restoreKey := FeedKey{Kind: FeedRestoreJobs}
	defer c.Subscribe(restoreKey)()
	if d := next(t, c, restoreKey).Data.(RestoreJobsData); len(d.Jobs) != 0 {
		t.Fatalf("restore jobs before = %+v", d)
	}
	idle(t, clock, 1)
	res, err = c.Do(ctx, StartRestore{User: "alice-tan", HomeDir: "/200005", RestoreRequest: domain.RestoreRequest{
		RecoveryPointARN: "arn:rp-1", FileSystemID: "fs-0hdb", IAMRoleARN: "arn:aws:iam::123456789012:role/AGBackupRestore",
		Paths: []string{"/200005/notebooks/valuation.R", "/200005/data/"}, IdempotencyToken: "restore-tok"}})
	if err != nil || res.ID != "restore-0001" {
		t.Fatalf("restore = %+v, %v", res, err)
	}
	sent := f.Restores[0]
	if sent.IdempotencyToken != "restore-tok" || sent.Metadata["file-system-id"] != "fs-0hdb" ||
		sent.Metadata["itemsToRestore"] != `["/200005/notebooks/valuation.R","/200005/data"]` || sent.Metadata["newFileSystem"] != "false" {
		t.Fatalf("restore sent %+v", sent)
	}
	// The restore feed polls at once, without waiting for its interval,
	// and then polls faster while the job runs.
	u := next(t, c, restoreKey)
	if d := u.Data.(RestoreJobsData); len(d.Jobs) != 1 || d.Jobs[0].Status != domain.RestorePending || u.State.Interval != 15*time.Second {
		t.Fatalf("restore jobs after = %+v (interval %v)", u.Data, u.State.Interval)
	}
}

func TestIdentityFromUserProfileTags(t *testing.T) {
	f := scientistAccount()
	c, _ := newTestClient(t, f, Options{})
	id := c.Identity()
	if id.Principal != "alice.tan" || id.UserProfile != "alice-tan" || id.DomainID != "d-hdb" || id.Role != domain.RoleDataScientist ||
		strings.Join(id.Projects, " ") != "hdb-resale hdb-rental" || id.Account != "123456789012" || id.Region != "ap-southeast-1" {
		t.Fatalf("identity = %+v", id)
	}
	for arn, role := range map[string]domain.Role{
		"arn:aws:sts::123456789012:assumed-role/AG-Ops-OnCall/sam":   domain.RoleOnCall,
		"arn:aws:sts::123456789012:assumed-role/AGReadOnly/sam":      domain.RoleOnCall,
		"arn:aws:sts::123456789012:assumed-role/SomeOtherRole/sam":   domain.RoleUnknown,
		"arn:aws:iam::123456789012:user/alice.tan@hdb.gov.sg":        domain.RoleDataScientist,
		"arn:aws:sts::123456789012:assumed-role/AG-HDB-DS/ALICE.TAN": domain.RoleDataScientist,
	} {
		f.CallerARN = arn
		id, err := c.ReloadIdentity(context.Background())
		if err != nil || id.Role != role {
			t.Errorf("%s: role %q (%v), want %q", arn, id.Role, err, role)
		}
	}

	f.CallerARN = "arn:aws:sts::123456789012:assumed-role/AG-Ops-OnCall/sam"
	f.Fail("sagemaker:ListUserProfiles", awsfake.APIError("AccessDeniedException", "not authorized"))
	if id, err := c.ReloadIdentity(context.Background()); err != nil || id.Role != domain.RoleOnCall {
		t.Errorf("on-call without ListUserProfiles: %+v (%v), want on-call", id, err)
	}
	f.Fail("sts:GetCallerIdentity", awsfake.APIError("ExpiredToken", "The security token included in the request is expired"))
	_, err := c.ReloadIdentity(context.Background())
	if !aws.IsExpired(err) || !strings.HasPrefix(err.Error(), "Credentials expired calling sts:GetCallerIdentity") {
		t.Errorf("expired credentials: %v", err)
	}
	if c.Identity().Role != domain.RoleOnCall {
		t.Error("a failed reload replaced the identity")
	}
}

// Answers about a pipeline run name it as the panes do (its display
// name, or its id before any list has named it, and its pipeline), so a
// one-line answer does not carry a wrapping ARN; errors too.
func TestPipelineRunAnswersNameTheRunNotItsARN(t *testing.T) {
	f := scientistAccount()
	f.AddExecutions(
		awsfake.Execution{Pipeline: "hdb-train", DisplayName: "more-epochs", Status: domain.ExecExecuting, Started: t0.Add(-time.Hour)},
		awsfake.Execution{Pipeline: "hdb-train", Status: domain.ExecFailed, Started: t0.Add(-2 * time.Hour)},
	)
	running := "arn:aws:sagemaker:" + f.Region + ":" + f.AccountID + ":pipeline/hdb-train/execution/x0001"
	failed := "arn:aws:sagemaker:" + f.Region + ":" + f.AccountID + ":pipeline/hdb-train/execution/x0002"
	c, _ := newTestClient(t, f, Options{})
	ctx := context.Background()

	// No list has been read: the run goes by the id its ARN ends with.
	res, err := c.Do(ctx, RetryExecution{ARN: failed})
	if err != nil || res.Message != "Retry requested for execution x0002 of hdb-train; its failed steps run again." || res.Target != "execution x0002 of hdb-train" {
		t.Fatalf("retry = %+v, %v", res, err)
	}

	key := FeedKey{Kind: FeedExecutions, Arg: "hdb-train"}
	defer c.Subscribe(key)()
	if d := next(t, c, key).Data.(ExecutionsData); len(d.Executions) != 2 || d.Executions[0].ARN != running {
		t.Fatalf("executions = %+v, want %s first", d.Executions, running)
	}
	res, err = c.Do(ctx, StopExecution{ARN: running})
	if want := "Stop requested for more-epochs of hdb-train."; err != nil || res.Message != want {
		t.Fatalf("stop = %+v, %v; want the message %q", res, err, want)
	}
	if len(f.StopsRequested) != 1 || f.StopsRequested[0] != running {
		t.Fatalf("stopped %v, want the full ARN %s sent", f.StopsRequested, running)
	}

	f.Fail("sagemaker:StopPipelineExecution", awsfake.APIError("AccessDeniedException", "not authorized"))
	_, err = c.Do(ctx, StopExecution{ARN: running})
	if want := "AWS denied sagemaker:StopPipelineExecution on more-epochs of hdb-train for the data scientist role: not authorized"; err == nil || err.Error() != want {
		t.Fatalf("denied stop: %v, want %q", err, want)
	}

	// A model version named only by its ARN is named by group and version.
	res, err = c.Do(ctx, SetApproval{ModelPackageARN: approve.ModelPackageARN, Approve: false, Note: "worse"})
	if err != nil || res.Message != "Rejected hdb-resale v3." {
		t.Fatalf("reject = %+v, %v", res, err)
	}

	// Refusals name the run too; what is not an execution ARN is shown as given.
	ro, _ := newTestClient(t, scientistAccount(), Options{ReadOnly: true})
	for arn, name := range map[string]string{running: "execution x0001 of hdb-train", "x1": "x1"} {
		_, err = ro.Do(ctx, StopExecution{ARN: arn})
		if want := "Refused: agdash is in read-only mode, so it will not stop a pipeline execution (" + name + ")."; err == nil || err.Error() != want {
			t.Errorf("read-only stop of %s: %v, want %q", arn, err, want)
		}
	}
}
