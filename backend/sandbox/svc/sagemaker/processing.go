package sagemaker

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Processing jobs: the pipelines' Processing and evaluation steps start
// them; agdash reads them for a step's detail.

type ListProcessingJobsInput struct {
	listQuery
	LastModifiedTimeAfter  *time.Time
	LastModifiedTimeBefore *time.Time
	StatusEquals           string
}

type ListProcessingJobsOutput struct {
	ProcessingJobSummaries []world.ProcessingJobSummary
	NextToken              *string
}

// listProcessingJobs is `aws sagemaker list-processing-jobs`.
func (h handlers) listProcessingJobs(_ context.Context, _ *server.Call, in *ListProcessingJobsInput) (*ListProcessingJobsOutput, error) {
	if err := checkEnum("statusEquals", in.StatusEquals, "InProgress", "Completed", "Failed", "Stopping", "Stopped"); err != nil {
		return nil, err
	}
	var items []world.ProcessingJobSummary
	for _, p := range h.w.ProcessingJobs(in.StatusEquals, "") {
		if within(p.LastModifiedTime, in.LastModifiedTimeAfter, in.LastModifiedTimeBefore) {
			items = append(items, p)
		}
	}
	spec := listSpec{op: "ListProcessingJobs", sortBy: []string{"Name", "CreationTime", "Status"}, defaultOrder: "Ascending"}
	page, err := listNamed(spec, in.listQuery, items, func(p world.ProcessingJobSummary) listKey {
		return listKey{name: p.ProcessingJobName, created: p.CreationTime, status: p.ProcessingJobStatus}
	})
	if err != nil {
		return nil, err
	}
	return &ListProcessingJobsOutput{ProcessingJobSummaries: page.Items, NextToken: page.Next}, nil
}

type DescribeProcessingJobInput struct {
	ProcessingJobName string `aws:",required"`
}

type DescribeProcessingJobOutput struct {
	ProcessingJobName      string
	ProcessingJobArn       string
	ProcessingJobStatus    string
	ExitMessage            string
	FailureReason          string
	CreationTime           time.Time
	ProcessingStartTime    time.Time
	ProcessingEndTime      time.Time
	LastModifiedTime       time.Time
	ProcessingInputs       []world.ProcessingInput
	ProcessingOutputConfig *world.ProcessingOutputConfig
	ProcessingResources    *world.ProcessingResources
	StoppingCondition      *world.ProcessingStoppingCondition
	AppSpecification       *world.AppSpecification
	Environment            map[string]string
	RoleArn                string
	ExperimentConfig       *world.ExperimentConfig
}

// describeProcessingJob is `aws sagemaker describe-processing-job --processing-job-name NAME`.
func (h handlers) describeProcessingJob(_ context.Context, _ *server.Call, in *DescribeProcessingJobInput) (*DescribeProcessingJobOutput, error) {
	p, err := h.w.ProcessingJob(in.ProcessingJobName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("Could not find requested job with name %s", in.ProcessingJobName)
		})
	}
	s := p.ProcessingJobSpec
	out := &DescribeProcessingJobOutput{
		ProcessingJobName: p.ProcessingJobName, ProcessingJobArn: p.ProcessingJobArn, ProcessingJobStatus: p.ProcessingJobStatus,
		ExitMessage: p.ExitMessage, FailureReason: p.FailureReason, CreationTime: p.CreationTime,
		ProcessingStartTime: p.ProcessingStartTime, ProcessingEndTime: p.ProcessingEndTime, LastModifiedTime: p.LastModifiedTime,
		ProcessingInputs: s.ProcessingInputs, ProcessingOutputConfig: &s.ProcessingOutputConfig,
		ProcessingResources: &s.ProcessingResources, StoppingCondition: &s.StoppingCondition,
		AppSpecification: &s.AppSpecification, Environment: s.Environment, RoleArn: s.RoleArn,
	}
	if s.ExperimentConfig != (world.ExperimentConfig{}) {
		out.ExperimentConfig = &s.ExperimentConfig
	}
	return out, nil
}
