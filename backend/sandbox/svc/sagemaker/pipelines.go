package sagemaker

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Pipelines: one per project, defined in SageMaker's pipeline JSON.

func pipelineNotFound(h handlers, name string) func() *server.Error {
	return func() *server.Error {
		arn := name
		if !strings.HasPrefix(name, "arn:") {
			arn = h.w.PipelineArn(name)
		}
		return server.ResourceNotFound("Pipeline '%s' does not exist.", arn)
	}
}

type ListPipelinesInput struct {
	PipelineNamePrefix *string
	CreatedAfter       *time.Time
	CreatedBefore      *time.Time
	SortBy             string
	SortOrder          string
	MaxResults         *int32
	NextToken          *string
}

type PipelineSummary struct {
	PipelineArn         string
	PipelineName        string
	PipelineDisplayName string
	PipelineDescription string
	RoleArn             string
	CreationTime        time.Time
	LastModifiedTime    time.Time
	LastExecutionTime   time.Time
}

type ListPipelinesOutput struct {
	PipelineSummaries []PipelineSummary
	NextToken         *string
}

// listPipelines is `aws sagemaker list-pipelines`, newest first by default
// as SageMaker lists them.
func (h handlers) listPipelines(_ context.Context, _ *server.Call, in *ListPipelinesInput) (*ListPipelinesOutput, error) {
	var items []PipelineSummary
	for _, p := range h.w.Pipelines() {
		if in.PipelineNamePrefix != nil && !strings.HasPrefix(p.PipelineName, *in.PipelineNamePrefix) {
			continue
		}
		items = append(items, PipelineSummary{PipelineArn: p.PipelineArn, PipelineName: p.PipelineName,
			PipelineDisplayName: p.PipelineDisplayName, PipelineDescription: p.PipelineDescription, RoleArn: p.RoleArn,
			CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime, LastExecutionTime: p.LastRunTime})
	}
	// ListPipelines names its creation window Created*, and has a name
	// prefix (above) for NameContains.
	q := listQuery{CreationTimeAfter: in.CreatedAfter, CreationTimeBefore: in.CreatedBefore,
		SortBy: in.SortBy, SortOrder: in.SortOrder, MaxResults: in.MaxResults, NextToken: in.NextToken}
	spec := listSpec{op: "ListPipelines", sortBy: []string{"Name", "CreationTime"}, defaultOrder: "Descending"}
	page, err := listNamed(spec, q, items, func(p PipelineSummary) listKey {
		return listKey{name: p.PipelineName, created: p.CreationTime}
	})
	if err != nil {
		return nil, err
	}
	return &ListPipelinesOutput{PipelineSummaries: page.Items, NextToken: page.Next}, nil
}

type DescribePipelineInput struct {
	PipelineName string `aws:",required"`
}

type DescribePipelineOutput struct {
	PipelineArn         string
	PipelineName        string
	PipelineDisplayName string
	PipelineDescription string
	PipelineDefinition  string
	RoleArn             string
	PipelineStatus      string
	CreationTime        time.Time
	LastModifiedTime    time.Time
	LastRunTime         time.Time
	CreatedBy           *world.UserContext
	LastModifiedBy      *world.UserContext
}

// describePipeline is `aws sagemaker describe-pipeline --pipeline-name NAME`;
// PipelineDefinition is the pipeline's JSON as a string.
func (h handlers) describePipeline(_ context.Context, _ *server.Call, in *DescribePipelineInput) (*DescribePipelineOutput, error) {
	p, err := h.w.Pipeline(in.PipelineName)
	if err != nil {
		return nil, fromWorld(err, pipelineNotFound(h, in.PipelineName))
	}
	return &DescribePipelineOutput{
		PipelineArn: p.PipelineArn, PipelineName: p.PipelineName, PipelineDisplayName: p.PipelineDisplayName,
		PipelineDescription: p.PipelineDescription, PipelineDefinition: p.PipelineDefinition, RoleArn: p.RoleArn,
		PipelineStatus: p.PipelineStatus, CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime,
		LastRunTime: p.LastRunTime, CreatedBy: userContext(p.CreatedBy), LastModifiedBy: userContext(p.LastModifiedBy),
	}, nil
}

// userContext leaves out an empty UserContext, as AWS does.
func userContext(u world.UserContext) *world.UserContext {
	if u == (world.UserContext{}) {
		return nil
	}
	return &u
}
