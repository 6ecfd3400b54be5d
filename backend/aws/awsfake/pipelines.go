package awsfake

import (
	"context"
	"fmt"
	"sort"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
)

// Pipeline is a SageMaker pipeline and its definition JSON.
type Pipeline struct {
	Name, Definition  string
	Created, Modified time.Time
	Tags              map[string]string
}

// Execution is one pipeline execution.
type Execution struct {
	ARN, Pipeline, DisplayName, Status, FailureReason, StartedBy string
	Started, Modified                                            time.Time
	Parameters                                                   map[string]string
	Steps                                                        []Step
}

// Step is an execution step.
type Step struct {
	Name, Status, Kind, JobARN string
	Started, Ended             time.Time
}

// StartedExecution is a StartPipelineExecution request the fake received.
type StartedExecution struct {
	Pipeline, DisplayName, ClientToken string
	Parameters                         map[string]string
}

// AddPipelines adds pipelines (and their tags).
func (f *Account) AddPipelines(ps ...Pipeline) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range ps {
		p := p
		if p.Modified.IsZero() {
			p.Modified = p.Created
		}
		f.pipelines = append(f.pipelines, &p)
		if p.Tags != nil {
			f.tags[f.arn("pipeline", p.Name)] = p.Tags
		}
	}
}

// AddExecutions adds executions; an empty ARN is made from the pipeline.
func (f *Account) AddExecutions(es ...Execution) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range es {
		f.addExecutionLocked(e)
	}
}

func (f *Account) addExecutionLocked(e Execution) *Execution {
	if e.ARN == "" {
		e.ARN = f.arn("pipeline", fmt.Sprintf("%s/execution/x%04d", e.Pipeline, len(f.executions)+1))
	}
	if e.Modified.IsZero() {
		e.Modified = e.Started
	}
	f.executions = append(f.executions, &e)
	sort.SliceStable(f.executions, func(i, j int) bool { return f.executions[i].Started.After(f.executions[j].Started) })
	return &e
}

// SetExecutionStatus changes an execution's status at the fake's now.
func (f *Account) SetExecutionStatus(arn, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, e := range f.executions {
		if e.ARN == arn {
			e.Status, e.Modified = status, f.now
		}
	}
}

func (f *Account) pipelineLocked(name string) *Pipeline {
	for _, p := range f.pipelines {
		if p.Name == name {
			return p
		}
	}
	return nil
}

func (f *Account) executionLocked(arn string) (*Execution, error) {
	for _, e := range f.executions {
		if e.ARN == arn {
			return e, nil
		}
	}
	return nil, APIError("ResourceNotFound", "Pipeline execution "+arn+" does not exist.")
}

func (f *Account) ListPipelines(ctx context.Context, in *sagemaker.ListPipelinesInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListPipelinesOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListPipelines"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ps, next, err := page(f.pipelines, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListPipelines", err)
	}
	out := &sagemaker.ListPipelinesOutput{NextToken: next}
	for _, p := range ps {
		s := types.PipelineSummary{
			PipelineName: sdk.String(p.Name), PipelineArn: sdk.String(f.arn("pipeline", p.Name)),
			CreationTime: sdk.Time(p.Created), LastModifiedTime: sdk.Time(p.Modified),
		}
		for _, e := range f.executions {
			if e.Pipeline == p.Name {
				s.LastExecutionTime = sdk.Time(e.Started)
				break
			}
		}
		out.PipelineSummaries = append(out.PipelineSummaries, s)
	}
	return out, nil
}

func (f *Account) DescribePipeline(ctx context.Context, in *sagemaker.DescribePipelineInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribePipelineOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribePipeline"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.pipelineLocked(sdk.ToString(in.PipelineName))
	if p == nil {
		return nil, wrap("sagemaker", "DescribePipeline", APIError("ResourceNotFound", "Pipeline does not exist."))
	}
	return &sagemaker.DescribePipelineOutput{
		PipelineName: sdk.String(p.Name), PipelineArn: sdk.String(f.arn("pipeline", p.Name)),
		PipelineDefinition: sdk.String(p.Definition), CreationTime: sdk.Time(p.Created), LastModifiedTime: sdk.Time(p.Modified),
	}, nil
}

func (f *Account) ListPipelineExecutions(ctx context.Context, in *sagemaker.ListPipelineExecutionsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListPipelineExecutionsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListPipelineExecutions"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []*Execution
	for _, e := range f.executions {
		if e.Pipeline == sdk.ToString(in.PipelineName) {
			matched = append(matched, e)
		}
	}
	es, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListPipelineExecutions", err)
	}
	out := &sagemaker.ListPipelineExecutionsOutput{NextToken: next}
	for _, e := range es {
		out.PipelineExecutionSummaries = append(out.PipelineExecutionSummaries, types.PipelineExecutionSummary{
			PipelineExecutionArn: sdk.String(e.ARN), PipelineExecutionDisplayName: sdk.String(e.DisplayName),
			PipelineExecutionStatus: types.PipelineExecutionStatus(e.Status), StartTime: sdk.Time(e.Started),
			PipelineExecutionFailureReason: sdk.String(e.FailureReason),
		})
	}
	return out, nil
}

func (f *Account) DescribePipelineExecution(ctx context.Context, in *sagemaker.DescribePipelineExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribePipelineExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribePipelineExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "DescribePipelineExecution", err)
	}
	return &sagemaker.DescribePipelineExecutionOutput{
		PipelineExecutionArn: sdk.String(e.ARN), PipelineArn: sdk.String(f.arn("pipeline", e.Pipeline)),
		PipelineExecutionDisplayName: sdk.String(e.DisplayName), PipelineExecutionStatus: types.PipelineExecutionStatus(e.Status),
		CreationTime: sdk.Time(e.Started), LastModifiedTime: sdk.Time(e.Modified), FailureReason: sdk.String(e.FailureReason),
		CreatedBy: &types.UserContext{UserProfileName: sdk.String(e.StartedBy)},
	}, nil
}

func (f *Account) DescribePipelineDefinitionForExecution(ctx context.Context, in *sagemaker.DescribePipelineDefinitionForExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribePipelineDefinitionForExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribePipelineDefinitionForExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "DescribePipelineDefinitionForExecution", err)
	}
	p := f.pipelineLocked(e.Pipeline)
	if p == nil {
		return nil, wrap("sagemaker", "DescribePipelineDefinitionForExecution", APIError("ResourceNotFound", "Pipeline does not exist."))
	}
	return &sagemaker.DescribePipelineDefinitionForExecutionOutput{PipelineDefinition: sdk.String(p.Definition), CreationTime: sdk.Time(e.Started)}, nil
}

func (f *Account) ListPipelineExecutionSteps(ctx context.Context, in *sagemaker.ListPipelineExecutionStepsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListPipelineExecutionStepsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListPipelineExecutionSteps"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "ListPipelineExecutionSteps", err)
	}
	out := &sagemaker.ListPipelineExecutionStepsOutput{}
	for _, s := range e.Steps {
		st := types.PipelineExecutionStep{
			StepName: sdk.String(s.Name), StepStatus: types.StepStatus(s.Status), StartTime: timePtr(s.Started), EndTime: timePtr(s.Ended),
		}
		if s.Kind == "Training" {
			st.Metadata = &types.PipelineExecutionStepMetadata{TrainingJob: &types.TrainingJobStepMetadata{Arn: sdk.String(s.JobARN)}}
		}
		out.PipelineExecutionSteps = append(out.PipelineExecutionSteps, st)
	}
	return out, nil
}

func (f *Account) ListPipelineParametersForExecution(ctx context.Context, in *sagemaker.ListPipelineParametersForExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListPipelineParametersForExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListPipelineParametersForExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "ListPipelineParametersForExecution", err)
	}
	out := &sagemaker.ListPipelineParametersForExecutionOutput{}
	for k, v := range e.Parameters {
		out.PipelineParameters = append(out.PipelineParameters, types.Parameter{Name: sdk.String(k), Value: sdk.String(v)})
	}
	return out, nil
}

func (f *Account) StartPipelineExecution(ctx context.Context, in *sagemaker.StartPipelineExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.StartPipelineExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "StartPipelineExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	name := sdk.ToString(in.PipelineName)
	if f.pipelineLocked(name) == nil {
		return nil, wrap("sagemaker", "StartPipelineExecution", APIError("ResourceNotFound", "Pipeline "+name+" does not exist."))
	}
	params := map[string]string{}
	for _, p := range in.PipelineParameters {
		params[sdk.ToString(p.Name)] = sdk.ToString(p.Value)
	}
	f.Started = append(f.Started, StartedExecution{
		Pipeline: name, DisplayName: sdk.ToString(in.PipelineExecutionDisplayName),
		ClientToken: sdk.ToString(in.ClientRequestToken), Parameters: params,
	})
	e := f.addExecutionLocked(Execution{Pipeline: name, DisplayName: sdk.ToString(in.PipelineExecutionDisplayName),
		Status: "Executing", Started: f.now, Parameters: params})
	return &sagemaker.StartPipelineExecutionOutput{PipelineExecutionArn: sdk.String(e.ARN)}, nil
}

func (f *Account) StopPipelineExecution(ctx context.Context, in *sagemaker.StopPipelineExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.StopPipelineExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "StopPipelineExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "StopPipelineExecution", err)
	}
	e.Status, e.Modified = "Stopping", f.now
	f.StopsRequested = append(f.StopsRequested, e.ARN)
	return &sagemaker.StopPipelineExecutionOutput{PipelineExecutionArn: sdk.String(e.ARN)}, nil
}

func (f *Account) RetryPipelineExecution(ctx context.Context, in *sagemaker.RetryPipelineExecutionInput, _ ...func(*sagemaker.Options)) (*sagemaker.RetryPipelineExecutionOutput, error) {
	if err := f.call(ctx, "sagemaker", "RetryPipelineExecution"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e, err := f.executionLocked(sdk.ToString(in.PipelineExecutionArn))
	if err != nil {
		return nil, wrap("sagemaker", "RetryPipelineExecution", err)
	}
	e.Status, e.Modified = "Executing", f.now
	f.Retried = append(f.Retried, e.ARN)
	return &sagemaker.RetryPipelineExecutionOutput{PipelineExecutionArn: sdk.String(e.ARN)}, nil
}
