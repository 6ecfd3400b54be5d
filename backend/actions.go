package backend

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// ActionRequest is one thing a user asks agdash to do. Plan says exactly
// what will be sent, for the confirmation dialog.
type ActionRequest interface {
	Action() domain.Action
	// Target names the resource acted on, for messages.
	Target() string
	// Plan is the exact request in lines: the API call and its parameters.
	Plan() []string
}

// ActionOutcome says what is known of an action's effect.
type ActionOutcome int

const (
	OutcomeDone    ActionOutcome = iota // AWS accepted it
	OutcomeUnknown                      // no answer (timeout, dropped connection): the feed will tell
)

// ActionResult is AWS's answer to an action, in words and ids.
type ActionResult struct {
	Action  domain.Action
	Target  string
	Outcome ActionOutcome
	Message string // e.g. "Stop requested for training job X (status Stopping)"
	// ID is what the action created: an execution ARN, a restore job id.
	ID     string
	Invoke *InvokeResult // for ActionInvokeEndpoint
}

// InvokeResult is an endpoint's answer to a smoke request.
type InvokeResult struct {
	StatusCode  int
	ContentType string
	Body        []byte
	Latency     time.Duration
	// InvokedVariant is the production variant that answered, when AWS says.
	InvokedVariant string
}

// ActionError is a refused or failed action, readable as one sentence.
type ActionError struct {
	Action    domain.Action
	Target    string
	Operation string // e.g. "sagemaker:UpdateModelPackage"
	Code      string // AWS error code, or "ReadOnly", "Validation", "InFlight"
	Role      domain.Role
	Message   string // AWS's own message, sanitised
	// Unknown is true when the outcome is not known (timeout): the request
	// may or may not have taken effect.
	Unknown bool
}

func (e *ActionError) Error() string {
	switch e.Code {
	case "ReadOnly":
		return "Refused: agdash is in read-only mode, so it will not " + e.Action.Verb() + " (" + e.Target + ")."
	case "InFlight":
		return "Already sent: the same request to " + e.Action.Verb() + " (" + e.Target + ") is still waiting for AWS."
	case "Validation":
		return "Not sent: " + e.Message
	case "AccessDenied", "AccessDeniedException":
		who := "for the " + e.Role.Label() + " role"
		if e.Role == domain.RoleUnknown {
			who = "for this identity"
		}
		return "AWS denied " + e.Operation + " on " + e.Target + " " + who + ": " + e.Message
	}
	if e.Unknown {
		return "Unknown outcome: " + e.Operation + " on " + e.Target + " got no answer (" + e.Message + "); the list will show what happened."
	}
	return e.Operation + " on " + e.Target + " failed: " + e.Code + ": " + e.Message
}

// StopTrainingJob stops a running training job.
type StopTrainingJob struct{ Name string }

// StartExecution starts a pipeline execution. Parameters holds only the
// values the user changed; the rest keep the pipeline's defaults.
type StartExecution struct {
	Pipeline    string
	DisplayName string
	Parameters  map[string]string
	Description string
	// Declared is the pipeline's declared parameters, for validation
	// before any call.
	Declared []domain.PipelineParameter
	// ClientToken makes a retried request return the same execution; the
	// UI makes one per dialog so a second Enter cannot start a second run.
	ClientToken string
}

// StopExecution stops a running pipeline execution.
type StopExecution struct{ ARN string }

// RetryExecution retries a failed pipeline execution from its failed steps.
type RetryExecution struct {
	ARN         string
	ClientToken string
}

// SetApproval approves or rejects a model version, with a comment.
type SetApproval struct {
	ModelPackageARN string
	Group           string
	Version         int
	Approve         bool
	Note            string
}

// StartRestore starts an EFS item-level restore.
type StartRestore struct {
	domain.RestoreRequest
	// For messages: whose files, and the home they came from.
	User    string
	HomeDir string
}

// InvokeEndpoint sends a smoke request to an endpoint.
type InvokeEndpoint struct {
	Endpoint    string
	ContentType string
	Accept      string
	Body        []byte
}
