package sagemaker

import (
	"cmp"
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Pipeline executions: reading them, and starting, stopping and retrying
// them. Steps run in dependency order on the world's clock.

func executionNotFound(arn string) func() *server.Error {
	return func() *server.Error {
		return server.ResourceNotFound("Pipeline execution '%s' does not exist.", arn)
	}
}

type ListPipelineExecutionsInput struct {
	PipelineName  string `aws:",required"`
	CreatedAfter  *time.Time
	CreatedBefore *time.Time
	SortBy        string
	SortOrder     string
	MaxResults    *int32
	NextToken     *string
}

type ListPipelineExecutionsOutput struct {
	PipelineExecutionSummaries []world.PipelineExecutionSummary
	NextToken                  *string
}

// listPipelineExecutions is `aws sagemaker list-pipeline-executions --pipeline-name NAME`,
// newest first by default.
func (h handlers) listPipelineExecutions(_ context.Context, _ *server.Call, in *ListPipelineExecutionsInput) (*ListPipelineExecutionsOutput, error) {
	if err := checkSort(in.SortBy, in.SortOrder, "CreationTime", "PipelineExecutionArn"); err != nil {
		return nil, err
	}
	items, err := h.w.PipelineExecutions(in.PipelineName, world.ExecutionQuery{
		CreatedAfter: optional.Value(in.CreatedAfter), CreatedBefore: optional.Value(in.CreatedBefore), SortOrder: world.Ascending})
	if err != nil {
		return nil, fromWorld(err, pipelineNotFound(h, in.PipelineName))
	}
	sortItems(items, descending(in.SortOrder, "Descending"), func(a, b world.PipelineExecutionSummary) int {
		if in.SortBy == "PipelineExecutionArn" {
			return cmp.Compare(a.PipelineExecutionArn, b.PipelineExecutionArn)
		}
		return byTime(a.StartTime, b.StartTime, a.PipelineExecutionArn, b.PipelineExecutionArn)
	})
	page, err := pageOf("ListPipelineExecutions", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListPipelineExecutionsOutput{PipelineExecutionSummaries: page.Items, NextToken: page.Next}, nil
}

type DescribePipelineExecutionInput struct {
	PipelineExecutionArn string `aws:",required"`
}

type DescribePipelineExecutionOutput struct {
	PipelineArn                  string
	PipelineExecutionArn         string
	PipelineExecutionDisplayName string
	PipelineExecutionStatus      string
	PipelineExecutionDescription string
	PipelineExperimentConfig     *world.PipelineExperimentConfig
	FailureReason                string
	CreationTime                 time.Time
	LastModifiedTime             time.Time
	CreatedBy                    *world.UserContext
	LastModifiedBy               *world.UserContext
}

// describePipelineExecution is `aws sagemaker describe-pipeline-execution --pipeline-execution-arn ARN`.
func (h handlers) describePipelineExecution(_ context.Context, _ *server.Call, in *DescribePipelineExecutionInput) (*DescribePipelineExecutionOutput, error) {
	ex, err := h.w.PipelineExecution(in.PipelineExecutionArn)
	if err != nil {
		return nil, fromWorld(err, executionNotFound(in.PipelineExecutionArn))
	}
	return &DescribePipelineExecutionOutput{
		PipelineArn: ex.PipelineArn, PipelineExecutionArn: ex.PipelineExecutionArn,
		PipelineExecutionDisplayName: ex.PipelineExecutionDisplayName, PipelineExecutionStatus: ex.PipelineExecutionStatus,
		PipelineExecutionDescription: ex.PipelineExecutionDescription, PipelineExperimentConfig: &ex.PipelineExperimentConfig,
		FailureReason: ex.FailureReason, CreationTime: ex.CreationTime, LastModifiedTime: ex.LastModifiedTime,
		CreatedBy: userContext(ex.CreatedBy), LastModifiedBy: userContext(ex.LastModifiedBy),
	}, nil
}

type DescribePipelineDefinitionForExecutionInput struct {
	PipelineExecutionArn string `aws:",required"`
}

type DescribePipelineDefinitionForExecutionOutput struct {
	PipelineDefinition string
	CreationTime       time.Time
}

// describePipelineDefinitionForExecution is
// `aws sagemaker describe-pipeline-definition-for-execution --pipeline-execution-arn ARN`.
// Sandbox pipelines are never updated, so every execution ran the
// pipeline's one definition.
func (h handlers) describePipelineDefinitionForExecution(_ context.Context, _ *server.Call, in *DescribePipelineDefinitionForExecutionInput) (*DescribePipelineDefinitionForExecutionOutput, error) {
	ex, p, err := h.executionAndPipeline(in.PipelineExecutionArn)
	if err != nil {
		return nil, err
	}
	return &DescribePipelineDefinitionForExecutionOutput{PipelineDefinition: p.PipelineDefinition, CreationTime: ex.CreationTime}, nil
}

// executionAndPipeline is an execution and the pipeline it ran; either
// missing is the execution's not-found error.
func (h handlers) executionAndPipeline(arn string) (world.PipelineExecution, world.Pipeline, error) {
	ex, err := h.w.PipelineExecution(arn)
	if err != nil {
		return ex, world.Pipeline{}, fromWorld(err, executionNotFound(arn))
	}
	p, err := h.w.Pipeline(ex.PipelineArn)
	if err != nil {
		return ex, p, fromWorld(err, executionNotFound(arn))
	}
	return ex, p, nil
}

type ListPipelineExecutionStepsInput struct {
	PipelineExecutionArn *string
	SortOrder            string
	MaxResults           *int32
	NextToken            *string
}

// PipelineExecutionStep is one step as ListPipelineExecutionSteps shows it.
type PipelineExecutionStep struct {
	StepName        string
	StepDisplayName string
	StepDescription string
	StepStatus      string
	FailureReason   string
	StartTime       time.Time
	EndTime         time.Time
	AttemptCount    int32
	Metadata        world.StepMetadata
}

type ListPipelineExecutionStepsOutput struct {
	PipelineExecutionSteps []PipelineExecutionStep
	NextToken              *string
}

// listPipelineExecutionSteps is `aws sagemaker list-pipeline-execution-steps --pipeline-execution-arn ARN`:
// the steps that have started, latest first by default, with the job,
// model package, condition outcome or failure message each produced.
func (h handlers) listPipelineExecutionSteps(_ context.Context, _ *server.Call, in *ListPipelineExecutionStepsInput) (*ListPipelineExecutionStepsOutput, error) {
	if in.PipelineExecutionArn == nil || *in.PipelineExecutionArn == "" {
		return nil, missing("pipelineExecutionArn")
	}
	if err := checkEnum("sortOrder", in.SortOrder, sortOrders...); err != nil {
		return nil, err
	}
	order := world.Descending
	if in.SortOrder == "Ascending" {
		order = world.Ascending
	}
	steps, err := h.w.PipelineExecutionSteps(*in.PipelineExecutionArn, order)
	if err != nil {
		return nil, fromWorld(err, executionNotFound(*in.PipelineExecutionArn))
	}
	items := make([]PipelineExecutionStep, len(steps))
	for i, s := range steps {
		items[i] = PipelineExecutionStep{StepName: s.StepName, StepDisplayName: s.StepDisplayName, StepDescription: s.StepDescription,
			StepStatus: s.StepStatus, FailureReason: s.FailureReason, StartTime: s.StartTime, EndTime: s.EndTime,
			AttemptCount: s.AttemptCount, Metadata: s.Metadata}
	}
	page, err := pageOf("ListPipelineExecutionSteps", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListPipelineExecutionStepsOutput{PipelineExecutionSteps: page.Items, NextToken: page.Next}, nil
}

type ListPipelineParametersForExecutionInput struct {
	PipelineExecutionArn string `aws:",required"`
	MaxResults           *int32
	NextToken            *string
}

type ListPipelineParametersForExecutionOutput struct {
	PipelineParameters []world.Parameter
	NextToken          *string
}

// listPipelineParametersForExecution is
// `aws sagemaker list-pipeline-parameters-for-execution --pipeline-execution-arn ARN`:
// every parameter's value in that execution, defaults included.
func (h handlers) listPipelineParametersForExecution(_ context.Context, _ *server.Call, in *ListPipelineParametersForExecutionInput) (*ListPipelineParametersForExecutionOutput, error) {
	ex, err := h.w.PipelineExecution(in.PipelineExecutionArn)
	if err != nil {
		return nil, fromWorld(err, executionNotFound(in.PipelineExecutionArn))
	}
	page, err := pageOf("ListPipelineParametersForExecution", ex.PipelineParameters, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListPipelineParametersForExecutionOutput{PipelineParameters: page.Items, NextToken: page.Next}, nil
}
