package domain

import "time"

// Pipeline execution statuses, as SageMaker spells them.
const (
	ExecExecuting = "Executing"
	ExecStopping  = "Stopping"
	ExecStopped   = "Stopped"
	ExecFailed    = "Failed"
	ExecSucceeded = "Succeeded"
)

// Pipeline step statuses, as SageMaker spells them.
const (
	StepStarting  = "Starting"
	StepExecuting = "Executing"
	StepStopping  = "Stopping"
	StepStopped   = "Stopped"
	StepFailed    = "Failed"
	StepSucceeded = "Succeeded"
	// StepNotStarted is agdash's own status for a step in the definition
	// that the execution has not reached (SageMaker lists no such step).
	StepNotStarted = "NotStarted"
)

// Pipeline is a SageMaker Pipeline with a summary of its recent executions.
type Pipeline struct {
	Name         string
	ARN          string
	DisplayName  string
	Description  string
	Project      string
	CreatedAt    time.Time
	LastModified time.Time
	Parameters   []PipelineParameter // declared in the definition, with defaults

	LastExecution *PipelineExecution // most recent, nil if never run
	// SuccessRate over the last (up to) ten finished executions, in [0,1];
	// negative when there are none.
	SuccessRate float64
	Running     int // executions currently Executing or Stopping
}

// ParameterType is a pipeline parameter's declared type.
type ParameterType string

const (
	ParamString  ParameterType = "String"
	ParamInteger ParameterType = "Integer"
	ParamFloat   ParameterType = "Float"
	ParamBoolean ParameterType = "Boolean"
)

// PipelineParameter is one declared pipeline parameter.
type PipelineParameter struct {
	Name    string
	Type    ParameterType
	Default string
	// Enum lists allowed values when the definition restricts them.
	Enum []string
}

// PipelineExecution is one run of a pipeline.
type PipelineExecution struct {
	ARN           string
	PipelineName  string
	DisplayName   string
	Status        string
	StartedAt     time.Time
	LastModified  time.Time
	EndedAt       time.Time // zero while running; LastModified of a finished execution
	StartedBy     string    // user profile name or principal
	FailureReason string
	Parameters    map[string]string // values used, including defaults
	Steps         []PipelineStep    // empty until listed
}

// Terminal reports whether the execution has finished.
func (e PipelineExecution) Terminal() bool {
	return e.Status == ExecStopped || e.Status == ExecFailed || e.Status == ExecSucceeded
}

// Duration of the execution, to now while it runs.
func (e PipelineExecution) Duration(now time.Time) time.Duration {
	if !e.EndedAt.IsZero() {
		return e.EndedAt.Sub(e.StartedAt)
	}
	return now.Sub(e.StartedAt)
}

// PipelineStep is the state of one step within an execution.
type PipelineStep struct {
	Name          string
	DisplayName   string
	Type          string // Training, Processing, Condition, RegisterModel, Fail, ...
	Status        string
	StartedAt     time.Time
	EndedAt       time.Time
	FailureReason string
	AttemptCount  int

	TrainingJobARN   string
	ProcessingJobARN string
	ModelPackageARN  string
	// ConditionOutcome is "True" or "False" for an evaluated condition step.
	ConditionOutcome string
}

// PipelineDefinition is the parsed definition JSON of an execution's pipeline.
type PipelineDefinition struct {
	Parameters []PipelineParameter
	Steps      []StepDefinition
}

// StepDefinition is one step as declared in the definition.
type StepDefinition struct {
	Name      string
	Type      string
	DependsOn []string
	// References are the steps whose properties this step's arguments read
	// ({"Get": "Steps.X..."} or Std:JsonGet on X's property file).
	References []string
	// For condition steps: the steps run when the condition is true or false.
	IfSteps   []string
	ElseSteps []string
	// Arguments is the step's raw Arguments JSON, for the detail view.
	Arguments string
}
