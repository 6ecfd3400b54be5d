package world

import "time"

// Pipeline is DescribePipeline's answer (plus Tags).
type Pipeline struct {
	PipelineName        string
	PipelineArn         string
	PipelineDisplayName string
	PipelineDescription string
	PipelineDefinition  string // SageMaker pipeline definition JSON
	RoleArn             string
	PipelineStatus      string // Active
	CreationTime        time.Time
	LastModifiedTime    time.Time
	LastRunTime         time.Time
	CreatedBy           UserContext
	LastModifiedBy      UserContext
	Tags                []Tag
}

// Parameter is a pipeline parameter's name and value.
type Parameter struct {
	Name  string
	Value string
}

// PipelineExecutionStatus values.
const (
	ExecutionExecuting = "Executing"
	ExecutionStopping  = "Stopping"
	ExecutionStopped   = "Stopped"
	ExecutionFailed    = "Failed"
	ExecutionSucceeded = "Succeeded"
)

// StepStatus values.
const (
	StepStarting  = "Starting"
	StepExecuting = "Executing"
	StepStopping  = "Stopping"
	StepStopped   = "Stopped"
	StepFailed    = "Failed"
	StepSucceeded = "Succeeded"
)

// PipelineExperimentConfig mirrors SageMaker's shape.
type PipelineExperimentConfig struct {
	ExperimentName string
	TrialName      string
}

// PipelineExecution is DescribePipelineExecution's answer.
type PipelineExecution struct {
	PipelineArn                  string
	PipelineExecutionArn         string
	PipelineExecutionDisplayName string
	PipelineExecutionStatus      string
	PipelineExecutionDescription string
	FailureReason                string
	CreationTime                 time.Time
	LastModifiedTime             time.Time
	CreatedBy                    UserContext
	LastModifiedBy               UserContext
	PipelineExperimentConfig     PipelineExperimentConfig
	// PipelineParameters holds every parameter's value for this execution,
	// defaults included (ListPipelineParametersForExecution).
	PipelineParameters []Parameter
}

// PipelineExecutionSummary is one ListPipelineExecutions entry.
type PipelineExecutionSummary struct {
	PipelineExecutionArn           string
	PipelineExecutionDisplayName   string
	PipelineExecutionDescription   string
	PipelineExecutionStatus        string
	PipelineExecutionFailureReason string
	StartTime                      time.Time
}

// ArnMetadata is step metadata that names a resource.
type ArnMetadata struct {
	Arn string
}

// ConditionMetadata says which branch a condition step took ("True"/"False").
type ConditionMetadata struct {
	Outcome string
}

// FailMetadata holds a Fail step's message.
type FailMetadata struct {
	ErrorMessage string
}

// StepMetadata mirrors PipelineExecutionStepMetadata for the step types the
// world runs.
type StepMetadata struct {
	TrainingJob   *ArnMetadata
	ProcessingJob *ArnMetadata
	RegisterModel *ArnMetadata
	Condition     *ConditionMetadata
	Fail          *FailMetadata
}

// PipelineExecutionStep is one ListPipelineExecutionSteps entry.
type PipelineExecutionStep struct {
	StepName        string
	StepDisplayName string
	StepDescription string
	StepStatus      string
	FailureReason   string
	StartTime       time.Time
	EndTime         time.Time
	AttemptCount    int32
	Metadata        StepMetadata
	// StepType is not an AWS member: the definition's step type.
	StepType string
}

// StartPipelineExecutionInput is StartPipelineExecution's request.
type StartPipelineExecutionInput struct {
	PipelineName                 string
	PipelineExecutionDisplayName string
	PipelineExecutionDescription string
	PipelineParameters           []Parameter
	ClientRequestToken           string
	Caller                       Caller
}

// ExecutionFate fixes how a seeded (historical) execution ends.
type ExecutionFate struct {
	// FailStep names a Training or Processing step whose job fails.
	FailStep string
	// FailureIndex picks the training failure from the vocabulary (-1: any).
	FailureIndex int
	// FailureReason is used for a failing processing job.
	FailureReason string
	// BadQuality makes the trained model miss the quality bar, so the
	// condition takes its Else branch.
	BadQuality bool
}
