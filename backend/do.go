package backend

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// maxRestorePaths is AWS Backup's limit of items in one EFS restore.
const maxRestorePaths = 10

// Do performs a user action. Read-only mode refuses every mutating action
// here, before any AWS call; an identical request still in flight is
// refused; bad input is refused before any call; AWS's refusals become an
// *ActionError naming the operation and the caller's role. After a
// success, or a call whose outcome is unknown, the affected feeds poll at
// once.
func (c *Client) Do(ctx context.Context, req ActionRequest) (ActionResult, error) {
	if req == nil {
		return ActionResult{}, fmt.Errorf("no action given")
	}
	action, target := req.Action(), c.targetName(req)
	role := c.Identity().Role
	refuse := func(code, msg string) error {
		return &ActionError{Action: action, Target: target, Operation: operationOf(req), Code: code, Role: role, Message: msg}
	}
	if c.readOnly && action.Mutates() {
		return ActionResult{}, refuse("ReadOnly", "")
	}
	key := requestKey(req)
	if !c.inflight.begin(key) {
		return ActionResult{}, refuse("InFlight", "")
	}
	defer c.inflight.end(key)
	if msg := validate(req); msg != "" {
		return ActionResult{}, refuse("Validation", msg)
	}

	res := ActionResult{Action: action, Target: target}
	var err error
	switch r := req.(type) {
	case StopTrainingJob:
		err = c.acct.StopTrainingJob(ctx, r.Name)
		res.Message = "Stop requested for training job " + r.Name + "; it moves to Stopping, then Stopped."
	case StartExecution:
		res.ID, err = c.acct.StartPipelineExecution(ctx, aws.StartExecution{
			Pipeline: r.Pipeline, DisplayName: r.DisplayName, Description: r.Description,
			Parameters: r.Parameters, ClientToken: r.ClientToken,
		})
		res.Message = "Started an execution of pipeline " + r.Pipeline + "."
	case StopExecution:
		err = c.acct.StopPipelineExecution(ctx, r.ARN, "")
		res.Message = "Stop requested for " + target + "."
	case RetryExecution:
		res.ID, err = c.acct.RetryPipelineExecution(ctx, r.ARN, r.ClientToken)
		res.Message = "Retry requested for " + target + "; its failed steps run again."
	case SetApproval:
		status, verb := domain.ApprovalRejected, "Rejected "
		if r.Approve {
			status, verb = domain.ApprovalApproved, "Approved "
		}
		err = c.acct.SetModelApproval(ctx, r.ModelPackageARN, status, r.Note)
		res.Message = verb + target + "."
	case StartRestore:
		res.ID, err = c.startRestore(ctx, r)
		res.Message = "Restore job started for " + restoreSubject(r) + "; items land in aws-backup-restore_<timestamp> at the file system root."
	case InvokeEndpoint:
		var out aws.Invoked
		out, err = c.acct.InvokeEndpoint(ctx, aws.Invocation{
			Endpoint: r.Endpoint, ContentType: r.ContentType, Accept: r.Accept, Body: r.Body,
		}, time.Now)
		if err == nil {
			res.Invoke = &InvokeResult{
				StatusCode: 200, ContentType: out.ContentType, Body: out.Body, Latency: out.Latency, InvokedVariant: out.Variant,
			}
			res.Message = fmt.Sprintf("%s answered in %s (%d bytes).", r.Endpoint, out.Latency.Round(time.Millisecond), len(out.Body))
		}
	default:
		return ActionResult{}, refuse("Validation", fmt.Sprintf("agdash cannot %s yet", action.Verb()))
	}
	if err != nil {
		if aws.IsUnknownOutcome(err) {
			c.refreshAfter(req)
			res.Outcome, res.Message = OutcomeUnknown, ""
			return res, c.actionError(req, target, role, err)
		}
		return ActionResult{}, c.actionError(req, target, role, err)
	}
	c.refreshAfter(req)
	return res, nil
}

// validate checks a request before any call; "" when it may be sent.
func validate(req ActionRequest) string {
	switch r := req.(type) {
	case StopTrainingJob:
		if r.Name == "" {
			return "no training job named."
		}
	case StartExecution:
		if r.Pipeline == "" {
			return "no pipeline named."
		}
		if problems := validateParameters(r.Declared, r.Parameters); len(problems) > 0 {
			return joinProblems(problems)
		}
		return validToken(r.ClientToken)
	case StopExecution:
		if r.ARN == "" {
			return "no pipeline execution named."
		}
	case RetryExecution:
		if r.ARN == "" {
			return "no pipeline execution named."
		}
		return validToken(r.ClientToken)
	case SetApproval:
		if r.ModelPackageARN == "" {
			return "no model version named."
		}
	case StartRestore:
		switch {
		case r.RecoveryPointARN == "":
			return "no recovery point chosen."
		case r.FileSystemID == "":
			return "no file system chosen."
		case r.IAMRoleARN == "":
			return "no IAM role for AWS Backup to restore with."
		case len(r.Paths) == 0:
			return "no paths chosen to restore."
		case len(r.Paths) > maxRestorePaths:
			return fmt.Sprintf("%d paths chosen; AWS Backup restores at most %d items at once.", len(r.Paths), maxRestorePaths)
		}
		if _, _, err := restoreItems(r.FileSystemID, r.HomeDir, r.Paths); err != nil {
			return err.Error()
		}
	case InvokeEndpoint:
		if r.Endpoint == "" {
			return "no endpoint named."
		}
	}
	return ""
}

// validToken checks a client request token against SageMaker's limits
// (32 to 128 characters), so a bad one is refused before the call.
func validToken(token string) string {
	if n := len(token); n != 0 && (n < 32 || n > 128) {
		return fmt.Sprintf("the client request token %q has %d characters; SageMaker wants 32 to 128.", token, n)
	}
	return ""
}

func joinProblems(problems map[string]string) string {
	names := make([]string, 0, len(problems))
	for name := range problems {
		names = append(names, name)
	}
	sort.Strings(names)
	msgs := make([]string, len(names))
	for i, n := range names {
		msgs[i] = strings.TrimSuffix(problems[n], ".")
	}
	return strings.Join(msgs, "; ") + "."
}

func (c *Client) startRestore(ctx context.Context, r StartRestore) (string, error) {
	metadata, paths, err := restoreItems(r.FileSystemID, r.HomeDir, r.Paths)
	if err != nil {
		return "", err
	}
	req := r.RestoreRequest
	req.Paths = paths
	id, err := c.acct.StartRestoreJob(ctx, req, metadata)
	if err == nil {
		c.backups.trackRestore(id)
	}
	return id, err
}

func restoreSubject(r StartRestore) string {
	if r.User != "" {
		return fmt.Sprintf("%d item(s) of %s's home", len(r.Paths), r.User)
	}
	return fmt.Sprintf("%d item(s) on %s", len(r.Paths), r.FileSystemID)
}

// actionError turns an AWS error into a sentence-ready ActionError about
// target, the request's resource as targetName says it.
func (c *Client) actionError(req ActionRequest, target string, role domain.Role, err error) error {
	ae := &ActionError{
		Action: req.Action(), Target: target, Operation: operationOf(req), Role: role,
		Code: aws.ErrorCode(err), Message: aws.ErrorMessage(err),
	}
	if op := aws.Operation(err); op != "" {
		ae.Operation = op
	}
	switch {
	case aws.IsUnknownOutcome(err):
		ae.Unknown = true
		if ae.Code == "" {
			ae.Code = "Unknown"
		}
	case aws.IsAccessDenied(err) && ae.Code != "AccessDeniedException":
		ae.Code = "AccessDenied"
	case ae.Code == "":
		ae.Code = "Error"
	}
	return ae
}

// targetName names a request's resource in answers as the panes name it,
// so that a one-line answer stays short: a pipeline execution as "NAME of
// PIPELINE" (NAME its display name, else "execution ID" with the id its
// ARN ends with), a model version as "GROUP vN". The confirmation dialog
// still shows the full ARN that is sent.
func (c *Client) targetName(req ActionRequest) string {
	switch r := req.(type) {
	case StopExecution:
		return c.executionName(r.ARN)
	case RetryExecution:
		return c.executionName(r.ARN)
	case SetApproval:
		if r.Group == "" {
			if group, version, ok := modelVersionOf(r.ModelPackageARN); ok {
				return group + " v" + version
			}
		}
	}
	return req.Target()
}

// executionName is "NAME of PIPELINE" for an execution ARN
// (arn:aws:sagemaker:R:A:pipeline/PIPELINE/execution/ID); the ARN itself
// when it is not one.
func (c *Client) executionName(arn string) string {
	pipeline := aws.PipelineOfExecution(arn)
	_, id, ok := strings.Cut(arn, "/execution/")
	if pipeline == "" || !ok || id == "" {
		return arn
	}
	name := "execution " + id
	if display := c.pipelines.knownDisplayName(arn); display != "" {
		name = display
	}
	return name + " of " + pipeline
}

// knownDisplayName is the display name the executions feeds have read for
// arn, "" when none has. The cache's lock is held across AWS calls while a
// feed polls; a name for a message is not worth waiting for, so a busy
// cache answers "" and the execution goes by its id.
func (pc *pipelineCache) knownDisplayName(arn string) string {
	if !pc.mu.TryLock() {
		return ""
	}
	defer pc.mu.Unlock()
	if x := pc.executions[arn]; x != nil {
		return x.exec.DisplayName
	}
	return ""
}

// modelVersionOf reads a model package ARN
// (arn:aws:sagemaker:R:A:model-package/GROUP/N) as its group and version.
func modelVersionOf(arn string) (group, version string, ok bool) {
	_, rest, found := strings.Cut(arn, ":model-package/")
	if !found {
		return "", "", false
	}
	group, version, found = strings.Cut(rest, "/")
	if !found || group == "" || version == "" || strings.Contains(version, "/") {
		return "", "", false
	}
	return group, version, true
}

// operationOf names the AWS call a request makes.
func operationOf(req ActionRequest) string {
	switch req.(type) {
	case StopTrainingJob:
		return "sagemaker:StopTrainingJob"
	case StartExecution:
		return "sagemaker:StartPipelineExecution"
	case StopExecution:
		return "sagemaker:StopPipelineExecution"
	case RetryExecution:
		return "sagemaker:RetryPipelineExecution"
	case SetApproval:
		return "sagemaker:UpdateModelPackage"
	case StartRestore:
		return "backup:StartRestoreJob"
	case InvokeEndpoint:
		return "sagemaker-runtime:InvokeEndpoint"
	}
	return string(req.Action())
}

// refreshAfter polls the feeds an action changes.
func (c *Client) refreshAfter(req ActionRequest) {
	var keys []FeedKey
	switch r := req.(type) {
	case StopTrainingJob:
		c.training.touch(r.Name)
		keys = []FeedKey{{Kind: FeedTrainingJobs}, {Kind: FeedTrainingJob, Arg: r.Name}}
	case StartExecution:
		keys = []FeedKey{{Kind: FeedPipelines}, {Kind: FeedExecutions, Arg: r.Pipeline}}
	case StopExecution:
		keys = executionFeeds(r.ARN)
	case RetryExecution:
		keys = executionFeeds(r.ARN)
	case SetApproval:
		c.registry.forget(r.ModelPackageARN)
		keys = []FeedKey{{Kind: FeedModelGroups}, {Kind: FeedModelVersions, Arg: r.Group}}
	case StartRestore:
		keys = []FeedKey{{Kind: FeedRestoreJobs}}
	}
	for _, k := range keys {
		c.engine.Refresh(k)
	}
}

func executionFeeds(arn string) []FeedKey {
	keys := []FeedKey{{Kind: FeedPipelines}, {Kind: FeedExecution, Arg: arn}}
	if name := aws.PipelineOfExecution(arn); name != "" {
		keys = append(keys, FeedKey{Kind: FeedExecutions, Arg: name})
	}
	return keys
}
