package sagemaker

import (
	"context"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Starting, stopping and retrying pipeline executions. Each is limited by
// IAM to the pipeline's project.

type Parameter struct {
	Name  string `aws:",required"`
	Value string `aws:",required"`
}

type StartPipelineExecutionInput struct {
	PipelineName                 string `aws:",required"`
	ClientRequestToken           string `aws:",required"`
	PipelineExecutionDisplayName string
	PipelineExecutionDescription string
	PipelineParameters           []Parameter
}

type PipelineExecutionArnOutput struct {
	PipelineExecutionArn string
}

// startPipelineExecution is
// `aws sagemaker start-pipeline-execution --pipeline-name NAME --pipeline-parameters Name=N,Value=V`.
// A ClientRequestToken seen before returns the execution it started, and
// parameters must be declared by the pipeline's definition.
func (h handlers) startPipelineExecution(_ context.Context, call *server.Call, in *StartPipelineExecutionInput) (*PipelineExecutionArnOutput, error) {
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	if err := checkLen("pipelineParameters", len(in.PipelineParameters), 200); err != nil {
		return nil, err
	}
	p, err := h.w.Pipeline(in.PipelineName)
	if err != nil {
		return nil, fromWorld(err, pipelineNotFound(h, in.PipelineName))
	}
	if err := call.Authorize(p.PipelineArn, projectOf(p.Tags)); err != nil {
		return nil, err
	}
	params := make([]world.Parameter, len(in.PipelineParameters))
	for i, prm := range in.PipelineParameters {
		params[i] = world.Parameter{Name: prm.Name, Value: prm.Value}
	}
	arn, err := h.w.StartPipelineExecution(world.StartPipelineExecutionInput{
		PipelineName:                 p.PipelineName,
		PipelineExecutionDisplayName: in.PipelineExecutionDisplayName,
		PipelineExecutionDescription: in.PipelineExecutionDescription,
		PipelineParameters:           params,
		ClientRequestToken:           in.ClientRequestToken,
		Caller:                       callerOf(call.Principal),
	})
	if err != nil {
		return nil, fromWorld(err, pipelineNotFound(h, in.PipelineName))
	}
	return &PipelineExecutionArnOutput{PipelineExecutionArn: arn}, nil
}

type ExecutionControlInput struct {
	PipelineExecutionArn string `aws:",required"`
	ClientRequestToken   string `aws:",required"`
}

// stopPipelineExecution is `aws sagemaker stop-pipeline-execution --pipeline-execution-arn ARN`:
// the execution goes Stopping and its running jobs are stopped.
func (h handlers) stopPipelineExecution(_ context.Context, call *server.Call, in *ExecutionControlInput) (*PipelineExecutionArnOutput, error) {
	return h.controlExecution(call, in, h.w.StopPipelineExecution)
}

// retryPipelineExecution is `aws sagemaker retry-pipeline-execution --pipeline-execution-arn ARN`:
// a Failed execution re-runs its failed steps and what waited on them.
func (h handlers) retryPipelineExecution(_ context.Context, call *server.Call, in *ExecutionControlInput) (*PipelineExecutionArnOutput, error) {
	return h.controlExecution(call, in, h.w.RetryPipelineExecution)
}

func (h handlers) controlExecution(call *server.Call, in *ExecutionControlInput, do func(arn string) (string, error)) (*PipelineExecutionArnOutput, error) {
	if err := checkToken(in.ClientRequestToken); err != nil {
		return nil, err
	}
	ex, p, err := h.executionAndPipeline(in.PipelineExecutionArn)
	if err != nil {
		return nil, err
	}
	if err := call.Authorize(ex.PipelineExecutionArn, projectOf(p.Tags)); err != nil {
		return nil, err
	}
	arn, err := do(ex.PipelineExecutionArn)
	if err != nil {
		return nil, fromWorld(err, executionNotFound(in.PipelineExecutionArn))
	}
	return &PipelineExecutionArnOutput{PipelineExecutionArn: arn}, nil
}

// checkToken applies AWS's length limits to an idempotency token.
func checkToken(token string) error {
	switch {
	case len(token) < 32:
		return server.ValidationException("1 validation error detected: Value '%s' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 32", token)
	case len(token) > 128:
		return server.ValidationException("1 validation error detected: Value '%s' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 128", token)
	}
	return nil
}
