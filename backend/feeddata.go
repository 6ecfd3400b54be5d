package backend

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// ProjectsData is the projects feed: workspaces, users, projects with their
// members and usage, and the governance findings across them.
type ProjectsData struct {
	Domains  []domain.StudioDomain
	Users    []domain.User
	Projects []domain.Project
	Apps     []domain.StudioApp
	Findings []domain.Finding
	// Loading is true on the early delivery of the first poll: projects,
	// domains, users and apps are listed, but users' roles, projects'
	// members, usage and findings are not filled in yet.
	Loading bool
}

// TrainingJobsData is every training job the account lists, running first,
// then newest. Running jobs are described; finished ones carry what the
// list shows (the list call's summary, with the instance, billable time
// and project from Search) plus anything described earlier in the
// session; TrainingJobData has a job in full. The slice and the jobs it
// points to are shared between deliveries and must not be modified: an
// account of 100,000 jobs is delivered every few seconds without being
// copied.
type TrainingJobsData struct {
	Jobs []*domain.TrainingJobSummary
	// Loading is true while older jobs are still being paged in (a large
	// account's first polls); Jobs then holds the newest ones.
	Loading bool
	// ProjectsUnknownUntil is set while the projects of older jobs are
	// still being read (a few Search pages a poll, back in time): a job
	// created at or before it may not have its project yet
	// (TrainingJobSummary.ProjectKnown), so a list scoped to a project may
	// lack some of its older jobs. Zero once every job's project is known.
	ProjectsUnknownUntil time.Time
}

// TrainingJobData is one job in full with its metric curves.
type TrainingJobData struct {
	Job domain.TrainingJob
	// Curves are the job's CloudWatch metrics (e.g. validation:rmse) over
	// its run, one series per metric name (all hosts merged by average).
	Curves []domain.Series
}

// LogsData is an increment of a log tail: only events not delivered before
// on this feed. Streams lists every stream known so far.
type LogsData struct {
	Group   string
	Streams []domain.LogStream
	Events  []domain.LogEvent // new events, in time order
	// Reset is true when the consumer must drop what it had (first delivery).
	Reset bool
}

// PipelinesData is every pipeline with its recent-execution summary.
type PipelinesData struct {
	Pipelines []domain.Pipeline
}

// ExecutionsData is one pipeline's executions, newest first.
type ExecutionsData struct {
	Pipeline   domain.Pipeline
	Executions []domain.PipelineExecution
}

// ExecutionData is one execution with its steps, its definition and the
// step graph derived from it.
type ExecutionData struct {
	Execution  domain.PipelineExecution
	Definition domain.PipelineDefinition
	// Steps holds one entry per step in the definition (those not reached
	// yet with status NotStarted), keyed by name.
	Steps map[string]domain.PipelineStep
	// GraphErr is why the definition could not be drawn ("" when it can).
	GraphErr string
}

// ModelGroupsData is every model package group.
type ModelGroupsData struct {
	Groups []domain.ModelGroup
}

// ModelVersionsData is one group's versions, newest first, with their
// evaluation reports parsed.
type ModelVersionsData struct {
	Group    domain.ModelGroup
	Versions []domain.ModelVersion
}

// EndpointsData is every endpoint with metrics, alarms and health.
type EndpointsData struct {
	Endpoints []domain.Endpoint
}

// EndpointData is one endpoint in detail: its config and each metric over
// the longest window the detail view offers (24 h), so shorter windows are
// slices of it.
type EndpointData struct {
	Endpoint domain.Endpoint
	Config   EndpointConfig
	Series   map[string]domain.Series // by metric name: Invocations, Invocation5XXErrors, ModelLatency, CPUUtilization, ...
	Window   time.Duration
}

// EndpointConfig is the endpoint configuration in words the detail view needs.
type EndpointConfig struct {
	Name         string
	CreatedAt    time.Time
	DataCapture  bool
	KMSKey       string
	VariantSpecs []domain.Variant
}

// FileSystemsData is every Studio home file system, with the users of its
// domain (for mapping a user to a home directory).
type FileSystemsData struct {
	FileSystems []domain.FileSystem
	Users       map[string][]domain.User // by domain id
}

// RecoveryPointsData is one file system's recovery points, newest first.
type RecoveryPointsData struct {
	FileSystemID string
	Points       []domain.RecoveryPoint
}

// RestoreJobsData is the account's restore jobs, newest first.
type RestoreJobsData struct {
	Jobs []domain.RestoreJob
}
