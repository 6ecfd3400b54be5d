package aws

import (
	"context"
	"sort"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// PipelineSummary is a pipeline as the list call gives it, with the time
// of its last execution (which tells whether its executions need reading).
type PipelineSummary struct {
	Pipeline          domain.Pipeline
	LastExecutionTime time.Time
}

// Pipelines lists every pipeline.
// aws sagemaker list-pipelines
func (a *Account) Pipelines(ctx context.Context) ([]PipelineSummary, error) {
	var out []PipelineSummary
	p := sagemaker.NewListPipelinesPaginator(a.SageMaker, &sagemaker.ListPipelinesInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.PipelineSummaries {
			out = append(out, PipelineSummary{
				Pipeline: domain.Pipeline{
					Name: str(s.PipelineName), ARN: str(s.PipelineArn), DisplayName: str(s.PipelineDisplayName),
					Description: str(s.PipelineDescription), CreatedAt: tm(s.CreationTime), LastModified: tm(s.LastModifiedTime),
					SuccessRate: -1,
				},
				LastExecutionTime: tm(s.LastExecutionTime),
			})
		}
	}
	return out, nil
}

// DescribePipeline reads a pipeline and its definition JSON.
// aws sagemaker describe-pipeline --pipeline-name NAME
func (a *Account) DescribePipeline(ctx context.Context, name string) (domain.Pipeline, string, error) {
	d, err := a.SageMaker.DescribePipeline(ctx, &sagemaker.DescribePipelineInput{PipelineName: sdk.String(name)})
	if err != nil {
		return domain.Pipeline{}, "", err
	}
	return domain.Pipeline{
		Name: str(d.PipelineName), ARN: str(d.PipelineArn), DisplayName: str(d.PipelineDisplayName),
		Description: str(d.PipelineDescription), CreatedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime),
		SuccessRate: -1,
	}, str(d.PipelineDefinition), nil
}

// PipelineExecutions lists a pipeline's executions, newest first, at most max.
// aws sagemaker list-pipeline-executions --pipeline-name NAME --sort-by CreationTime --sort-order Descending
func (a *Account) PipelineExecutions(ctx context.Context, pipeline string, max int) ([]domain.PipelineExecution, error) {
	var out []domain.PipelineExecution
	p := sagemaker.NewListPipelineExecutionsPaginator(a.SageMaker, &sagemaker.ListPipelineExecutionsInput{
		PipelineName: sdk.String(pipeline), SortBy: types.SortPipelineExecutionsByCreationTime,
		SortOrder: types.SortOrderDescending, MaxResults: sdk.Int32(int32(min(max, 100))),
	})
	for p.HasMorePages() && len(out) < max {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.PipelineExecutionSummaries {
			if len(out) == max {
				break
			}
			out = append(out, domain.PipelineExecution{
				ARN: str(s.PipelineExecutionArn), PipelineName: pipeline, DisplayName: str(s.PipelineExecutionDisplayName),
				Status: string(s.PipelineExecutionStatus), StartedAt: tm(s.StartTime),
				FailureReason: str(s.PipelineExecutionFailureReason),
			})
		}
	}
	return out, nil
}

// DescribePipelineExecution reads one execution.
// aws sagemaker describe-pipeline-execution --pipeline-execution-arn ARN
func (a *Account) DescribePipelineExecution(ctx context.Context, arn string) (domain.PipelineExecution, error) {
	d, err := a.SageMaker.DescribePipelineExecution(ctx, &sagemaker.DescribePipelineExecutionInput{PipelineExecutionArn: sdk.String(arn)})
	if err != nil {
		return domain.PipelineExecution{}, err
	}
	e := domain.PipelineExecution{
		ARN: str(d.PipelineExecutionArn), PipelineName: lastSegment(str(d.PipelineArn)),
		DisplayName: str(d.PipelineExecutionDisplayName), Status: string(d.PipelineExecutionStatus),
		StartedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime), FailureReason: str(d.FailureReason),
	}
	if e.Terminal() {
		e.EndedAt = e.LastModified
	}
	if u := d.CreatedBy; u != nil {
		e.StartedBy = str(u.UserProfileName)
		if e.StartedBy == "" && u.IamIdentity != nil {
			e.StartedBy, _ = ParseCallerARN(str(u.IamIdentity.Arn))
		}
	}
	return e, nil
}

// ExecutionDefinition is the definition JSON an execution ran with.
// aws sagemaker describe-pipeline-definition-for-execution --pipeline-execution-arn ARN
func (a *Account) ExecutionDefinition(ctx context.Context, arn string) (string, error) {
	d, err := a.SageMaker.DescribePipelineDefinitionForExecution(ctx, &sagemaker.DescribePipelineDefinitionForExecutionInput{
		PipelineExecutionArn: sdk.String(arn),
	})
	if err != nil {
		return "", err
	}
	return str(d.PipelineDefinition), nil
}

// ExecutionSteps lists the steps an execution has reached, in start order.
// aws sagemaker list-pipeline-execution-steps --pipeline-execution-arn ARN
func (a *Account) ExecutionSteps(ctx context.Context, arn string) ([]domain.PipelineStep, error) {
	var out []domain.PipelineStep
	p := sagemaker.NewListPipelineExecutionStepsPaginator(a.SageMaker, &sagemaker.ListPipelineExecutionStepsInput{
		PipelineExecutionArn: sdk.String(arn), SortOrder: types.SortOrderAscending,
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.PipelineExecutionSteps {
			out = append(out, stepFromSDK(s))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartedAt.Before(out[j].StartedAt) })
	return out, nil
}

func stepFromSDK(s types.PipelineExecutionStep) domain.PipelineStep {
	st := domain.PipelineStep{
		Name: str(s.StepName), DisplayName: str(s.StepDisplayName), Status: string(s.StepStatus),
		StartedAt: tm(s.StartTime), EndedAt: tm(s.EndTime), FailureReason: str(s.FailureReason),
		AttemptCount: i32(s.AttemptCount),
	}
	m := s.Metadata
	if m == nil {
		return st
	}
	switch {
	case m.TrainingJob != nil:
		st.Type, st.TrainingJobARN = "Training", str(m.TrainingJob.Arn)
	case m.ProcessingJob != nil:
		st.Type, st.ProcessingJobARN = "Processing", str(m.ProcessingJob.Arn)
	case m.RegisterModel != nil:
		st.Type, st.ModelPackageARN = "RegisterModel", str(m.RegisterModel.Arn)
	case m.Condition != nil:
		st.Type, st.ConditionOutcome = "Condition", string(m.Condition.Outcome)
	case m.Model != nil:
		st.Type = "Model"
	case m.TransformJob != nil:
		st.Type = "Transform"
	case m.TuningJob != nil:
		st.Type = "Tuning"
	case m.Fail != nil:
		st.Type = "Fail"
	case m.Lambda != nil:
		st.Type = "Lambda"
	case m.Callback != nil:
		st.Type = "Callback"
	case m.QualityCheck != nil:
		st.Type = "QualityCheck"
	case m.ClarifyCheck != nil:
		st.Type = "ClarifyCheck"
	case m.EMR != nil:
		st.Type = "EMR"
	}
	return st
}

// ExecutionParameters are the parameter values an execution used.
// aws sagemaker list-pipeline-parameters-for-execution --pipeline-execution-arn ARN
func (a *Account) ExecutionParameters(ctx context.Context, arn string) (map[string]string, error) {
	params := map[string]string{}
	p := sagemaker.NewListPipelineParametersForExecutionPaginator(a.SageMaker, &sagemaker.ListPipelineParametersForExecutionInput{
		PipelineExecutionArn: sdk.String(arn),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, kv := range page.PipelineParameters {
			params[str(kv.Name)] = str(kv.Value)
		}
	}
	return params, nil
}

// StartExecution is a StartPipelineExecution request.
type StartExecution struct {
	Pipeline    string
	DisplayName string
	Description string
	Parameters  map[string]string
	ClientToken string
}

// StartPipelineExecution starts a run and returns its ARN.
// aws sagemaker start-pipeline-execution --pipeline-name NAME --pipeline-parameters Name=K,Value=V ... --client-request-token TOKEN
func (a *Account) StartPipelineExecution(ctx context.Context, s StartExecution) (string, error) {
	in := &sagemaker.StartPipelineExecutionInput{PipelineName: sdk.String(s.Pipeline)}
	if s.DisplayName != "" {
		in.PipelineExecutionDisplayName = sdk.String(s.DisplayName)
	}
	if s.Description != "" {
		in.PipelineExecutionDescription = sdk.String(s.Description)
	}
	if s.ClientToken != "" {
		in.ClientRequestToken = sdk.String(s.ClientToken)
	}
	names := make([]string, 0, len(s.Parameters))
	for k := range s.Parameters {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		in.PipelineParameters = append(in.PipelineParameters, types.Parameter{Name: sdk.String(k), Value: sdk.String(s.Parameters[k])})
	}
	out, err := a.SageMaker.StartPipelineExecution(ctx, in)
	if err != nil {
		return "", err
	}
	return str(out.PipelineExecutionArn), nil
}

// StopPipelineExecution asks a running execution to stop.
// aws sagemaker stop-pipeline-execution --pipeline-execution-arn ARN --client-request-token TOKEN
func (a *Account) StopPipelineExecution(ctx context.Context, arn, token string) error {
	in := &sagemaker.StopPipelineExecutionInput{PipelineExecutionArn: sdk.String(arn)}
	if token != "" {
		in.ClientRequestToken = sdk.String(token)
	}
	_, err := a.SageMaker.StopPipelineExecution(ctx, in)
	return err
}

// RetryPipelineExecution reruns a failed execution's failed steps.
// aws sagemaker retry-pipeline-execution --pipeline-execution-arn ARN --client-request-token TOKEN
func (a *Account) RetryPipelineExecution(ctx context.Context, arn, token string) (string, error) {
	in := &sagemaker.RetryPipelineExecutionInput{PipelineExecutionArn: sdk.String(arn)}
	if token != "" {
		in.ClientRequestToken = sdk.String(token)
	}
	out, err := a.SageMaker.RetryPipelineExecution(ctx, in)
	if err != nil {
		return "", err
	}
	return str(out.PipelineExecutionArn), nil
}
