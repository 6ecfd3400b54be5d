package main

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// playPipelines plays the Pipelines pane's feeds: two pipelines, the HDB
// one's executions, and a run that started two minutes before the demo
// and goes through its steps in about four minutes, plus a failed one.
func playPipelines(ctx context.Context, svc *kittest.Service) {
	start := svc.Now().Add(-2 * time.Minute)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		now := svc.Now()
		live := demoRun(start, now)
		failed := demoFailed(start)
		send(svc, backend.FeedKey{Kind: backend.FeedPipelines}, demoPipelines(live.Execution, failed.Execution))
		for _, key := range svc.Subscribed() {
			if name, ok := strings.CutPrefix(key, string(backend.FeedExecutions)+":"); ok && name == "hdb-resale-valuation" {
				send(svc, backend.FeedKey{Kind: backend.FeedExecutions, Arg: name}, backend.ExecutionsData{
					Pipeline: demoPipelines(live.Execution, failed.Execution).Pipelines[1], Executions: []domain.PipelineExecution{live.Execution, failed.Execution},
				})
			}
			if arn, ok := strings.CutPrefix(key, string(backend.FeedExecution)+":"); ok {
				switch arn {
				case live.Execution.ARN:
					send(svc, backend.FeedKey{Kind: backend.FeedExecution, Arg: arn}, live)
				case failed.Execution.ARN:
					send(svc, backend.FeedKey{Kind: backend.FeedExecution, Arg: arn}, failed)
				}
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

const demoPipelineAcct = "arn:aws:sagemaker:ap-southeast-1:123456789012:"

var demoParams = []domain.PipelineParameter{
	{Name: "TrainingInstanceType", Type: domain.ParamString, Default: "ml.m5.xlarge", Enum: []string{"ml.m5.xlarge", "ml.m5.2xlarge"}},
	{Name: "QualityThreshold", Type: domain.ParamFloat, Default: "44000"},
	{Name: "NumTrees", Type: domain.ParamInteger, Default: "300"},
	{Name: "Mtry", Type: domain.ParamInteger, Default: "3"},
}

// demoDefinition is the standard MLOps template pipeline.
func demoDefinition() domain.PipelineDefinition {
	return domain.PipelineDefinition{Parameters: demoParams, Steps: []domain.StepDefinition{
		{Name: "PreprocessData", Type: "Processing"},
		{Name: "TrainModel", Type: "Training", References: []string{"PreprocessData"}},
		{Name: "EvaluateModel", Type: "Processing", DependsOn: []string{"TrainModel"}, References: []string{"PreprocessData"}},
		{Name: "CheckModelQuality", Type: "Condition", References: []string{"EvaluateModel"}, IfSteps: []string{"RegisterModel"}, ElseSteps: []string{"FailOnQuality"}},
		{Name: "RegisterModel", Type: "RegisterModel", References: []string{"TrainModel", "EvaluateModel"}},
		{Name: "FailOnQuality", Type: "Fail", References: []string{"EvaluateModel"}},
	}}
}

var demoDurations = []time.Duration{40 * time.Second, 100 * time.Second, 40 * time.Second, 3 * time.Second, 15 * time.Second}

// demoRun is the live run as of now.
func demoRun(start, now time.Time) backend.ExecutionData {
	e := domain.PipelineExecution{ARN: demoPipelineAcct + "pipeline/hdb-resale-valuation/execution/demo0live01", PipelineName: "hdb-resale-valuation",
		DisplayName: "retrain-500-trees", Status: domain.ExecExecuting, StartedAt: start, StartedBy: "bala-k",
		Parameters: map[string]string{"TrainingInstanceType": "ml.m5.xlarge", "QualityThreshold": "44000", "NumTrees": "500", "Mtry": "3"}}
	names := []string{"PreprocessData", "TrainModel", "EvaluateModel", "CheckModelQuality", "RegisterModel"}
	steps := map[string]domain.PipelineStep{"FailOnQuality": {Name: "FailOnQuality", Type: "Fail", Status: domain.StepNotStarted}}
	at := start
	for i, n := range names {
		typ := demoDefinition().Steps[i].Type
		s := domain.PipelineStep{Name: n, Type: typ, Status: domain.StepNotStarted}
		switch end := at.Add(demoDurations[i]); {
		case now.Before(at):
		case now.Before(end):
			s.Status, s.StartedAt, s.AttemptCount = domain.StepExecuting, at, 1
		default:
			s.Status, s.StartedAt, s.EndedAt, s.AttemptCount = domain.StepSucceeded, at, end, 1
		}
		if n == "TrainModel" && s.Status != domain.StepNotStarted {
			s.TrainingJobARN = demoPipelineAcct + "training-job/pipelines-demo0live01-trainmodel-x1"
		}
		if n == "CheckModelQuality" && s.Status == domain.StepSucceeded {
			s.ConditionOutcome = "True"
		}
		if n == "RegisterModel" && s.Status == domain.StepSucceeded {
			s.ModelPackageARN = demoPipelineAcct + "model-package/hdb-resale-valuation/16"
			e.Status, e.EndedAt = domain.ExecSucceeded, s.EndedAt
		}
		steps[n] = s
		at = at.Add(demoDurations[i])
	}
	return backend.ExecutionData{Execution: e, Definition: demoDefinition(), Steps: steps}
}

// demoFailed is yesterday's run whose training failed.
func demoFailed(start time.Time) backend.ExecutionData {
	t0 := start.Add(-26 * time.Hour)
	e := domain.PipelineExecution{ARN: demoPipelineAcct + "pipeline/hdb-resale-valuation/execution/demo0fail01", PipelineName: "hdb-resale-valuation",
		Status: domain.ExecFailed, StartedAt: t0, EndedAt: t0.Add(19 * time.Minute), StartedBy: "bala-k",
		FailureReason: "Step failure: One or multiple steps failed.",
		Parameters:    map[string]string{"TrainingInstanceType": "ml.m5.xlarge", "QualityThreshold": "44000", "NumTrees": "800", "Mtry": "9"}}
	steps := map[string]domain.PipelineStep{
		"PreprocessData": {Name: "PreprocessData", Type: "Processing", Status: domain.StepSucceeded, StartedAt: t0, EndedAt: t0.Add(11 * time.Minute), AttemptCount: 1},
		"TrainModel": {Name: "TrainModel", Type: "Training", Status: domain.StepFailed, StartedAt: t0.Add(11 * time.Minute), EndedAt: t0.Add(19 * time.Minute),
			AttemptCount: 1, TrainingJobARN: demoPipelineAcct + "training-job/pipelines-demo0fail01-trainmodel-k1",
			FailureReason: "AlgorithmError: Error in ranger(): mtry can not be larger than number of variables in data. Exit code 1 from Rscript /opt/ml/code/train.R"},
	}
	for _, s := range demoDefinition().Steps[2:] {
		steps[s.Name] = domain.PipelineStep{Name: s.Name, Type: s.Type, Status: domain.StepNotStarted}
	}
	return backend.ExecutionData{Execution: e, Definition: demoDefinition(), Steps: steps}
}

func demoPipelines(live, failed domain.PipelineExecution) backend.PipelinesData {
	running := 0
	if !live.Terminal() {
		running = 1
	}
	return backend.PipelinesData{Pipelines: []domain.Pipeline{
		{Name: "hdb-flat-demand", Project: "hdb-flat-demand", Parameters: demoParams, SuccessRate: -1},
		{Name: "hdb-resale-valuation", Project: "hdb-resale-valuation", Parameters: demoParams, LastExecution: &live, SuccessRate: 0.8, Running: running},
	}}
}
