package domain

// Role is a caller's platform role on Analytics.gov.
type Role string

const (
	RoleProjectAdmin  Role = "project-admin"
	RoleMLOpsEngineer Role = "mlops-engineer"
	RoleDataScientist Role = "data-scientist"
	// RoleOnCall is a read-only operations role with no Studio user profile.
	RoleOnCall Role = "on-call"
	// RoleUnknown is a caller whose role agdash could not work out.
	RoleUnknown Role = ""
)

// Label is the role as people say it.
func (r Role) Label() string {
	switch r {
	case RoleProjectAdmin:
		return "project admin"
	case RoleMLOpsEngineer:
		return "MLOps engineer"
	case RoleDataScientist:
		return "data scientist"
	case RoleOnCall:
		return "on-call"
	}
	return "unknown role"
}

// Identity is who agdash is acting as, and where.
type Identity struct {
	Account   string // 12-digit account id
	ARN       string // caller ARN from STS
	Principal string // short name: the session or user name
	Role      Role
	Projects  []string // projects the caller belongs to
	// The caller's Studio user profile, when one matches.
	UserProfile string
	DomainID    string

	Region   string
	Profile  string // AWS config profile in use, "" for default/env
	Endpoint string // custom endpoint URL, if any
	Sandbox  bool
	ReadOnly bool
}

// Action names a mutating thing a user can ask agdash to do.
type Action string

const (
	ActionStopTrainingJob   Action = "stop-training-job"
	ActionStartPipeline     Action = "start-pipeline-execution"
	ActionStopPipeline      Action = "stop-pipeline-execution"
	ActionRetryPipeline     Action = "retry-pipeline-execution"
	ActionApproveModel      Action = "approve-model-version"
	ActionRejectModel       Action = "reject-model-version"
	ActionStartRestore      Action = "start-restore-job"
	ActionInvokeEndpoint    Action = "invoke-endpoint"
	ActionTagResource       Action = "tag-resource"
	ActionCreateTrainingJob Action = "create-training-job"
)

// Mutates reports whether the action changes AWS state. Invoking an
// endpoint does not change state and is allowed in read-only mode, as the
// on-call role may smoke-test endpoints.
func (a Action) Mutates() bool { return a != ActionInvokeEndpoint }

// MayPerform says whether AG's role model lets this role do the action.
// It is advice for the UI (grey out, explain); AWS IAM is the real judge
// and its AccessDenied is always reported as it comes.
func (id Identity) MayPerform(a Action) (bool, string) {
	if id.ReadOnly && a.Mutates() {
		return false, "agdash is in read-only mode"
	}
	switch a {
	case ActionInvokeEndpoint:
		return true, ""
	case ActionStopTrainingJob, ActionStartPipeline, ActionStopPipeline, ActionRetryPipeline, ActionCreateTrainingJob:
		switch id.Role {
		case RoleDataScientist, RoleMLOpsEngineer, RoleProjectAdmin, RoleUnknown:
			return true, ""
		}
	case ActionApproveModel, ActionRejectModel:
		switch id.Role {
		case RoleMLOpsEngineer, RoleProjectAdmin, RoleUnknown:
			return true, ""
		}
	case ActionStartRestore, ActionTagResource:
		switch id.Role {
		case RoleProjectAdmin, RoleUnknown:
			return true, ""
		}
	}
	return false, "the " + id.Role.Label() + " role may not " + a.Verb()
}

// Verb is the action in words, for messages: "approve a model version".
func (a Action) Verb() string {
	switch a {
	case ActionStopTrainingJob:
		return "stop a training job"
	case ActionStartPipeline:
		return "start a pipeline execution"
	case ActionStopPipeline:
		return "stop a pipeline execution"
	case ActionRetryPipeline:
		return "retry a pipeline execution"
	case ActionApproveModel:
		return "approve a model version"
	case ActionRejectModel:
		return "reject a model version"
	case ActionStartRestore:
		return "start a restore job"
	case ActionInvokeEndpoint:
		return "invoke an endpoint"
	case ActionTagResource:
		return "tag a resource"
	case ActionCreateTrainingJob:
		return "create a training job"
	}
	return string(a)
}
