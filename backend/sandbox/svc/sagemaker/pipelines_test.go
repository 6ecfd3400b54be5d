package sagemaker_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

const hdbPipeline = "hdb-resale-valuation"

func TestListAndDescribePipelines(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "data-scientist")
	want := env.World().Pipelines()
	out, err := c.ListPipelines(t.Context(), &sm.ListPipelinesInput{SortBy: types.SortPipelinesByName, SortOrder: types.SortOrderAscending})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.PipelineSummaries) != len(want) || len(want) == 0 {
		t.Fatalf("%d pipelines, want %d", len(out.PipelineSummaries), len(want))
	}
	for i, p := range out.PipelineSummaries {
		w := want[i] // the world lists by name
		wantStr(t, "PipelineName", p.PipelineName, w.PipelineName)
		wantStr(t, "PipelineArn", p.PipelineArn, w.PipelineArn)
		wantStr(t, "RoleArn", p.RoleArn, w.RoleArn)
		wantTime(t, "CreationTime", p.CreationTime, w.CreationTime)
		wantTime(t, "LastExecutionTime", p.LastExecutionTime, w.LastRunTime)
	}
	prefix, err := c.ListPipelines(t.Context(), &sm.ListPipelinesInput{PipelineNamePrefix: aws.String("mom-")})
	if err != nil {
		t.Fatal(err)
	}
	if len(prefix.PipelineSummaries) != 2 {
		t.Errorf("PipelineNamePrefix mom- = %d pipelines, want 2", len(prefix.PipelineSummaries))
	}

	w, _ := env.World().Pipeline(hdbPipeline)
	d, err := c.DescribePipeline(t.Context(), &sm.DescribePipelineInput{PipelineName: aws.String(w.PipelineArn)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "PipelineName", d.PipelineName, hdbPipeline)
	if d.PipelineStatus != types.PipelineStatusActive {
		t.Errorf("PipelineStatus = %s", d.PipelineStatus)
	}
	var def struct {
		Parameters []struct{ Name string }
		Steps      []struct{ Name, Type string }
	}
	if err := json.Unmarshal([]byte(aws.ToString(d.PipelineDefinition)), &def); err != nil {
		t.Fatalf("PipelineDefinition is not JSON: %v", err)
	}
	if aws.ToString(d.PipelineDefinition) != w.PipelineDefinition || len(def.Steps) == 0 {
		t.Error("PipelineDefinition is not the world's definition")
	}
	if !slices.ContainsFunc(def.Parameters, func(p struct{ Name string }) bool { return p.Name == "TrainingInstanceType" }) {
		t.Errorf("definition parameters %v lack TrainingInstanceType", def.Parameters)
	}
	_, err = c.DescribePipeline(t.Context(), &sm.DescribePipelineInput{PipelineName: aws.String("no-such-pipeline")})
	servertest.WantCode(t, err, "ResourceNotFound")
}

func TestPipelineExecutionsPagedNewestFirst(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	want, err := env.World().PipelineExecutions(hdbPipeline, world.ExecutionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 10 {
		t.Fatalf("%d executions; the test wants several pages of 4", len(want))
	}
	var got []types.PipelineExecutionSummary
	p := sm.NewListPipelineExecutionsPaginator(c, &sm.ListPipelineExecutionsInput{PipelineName: aws.String(hdbPipeline), MaxResults: aws.Int32(4)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.PipelineExecutionSummaries...)
	}
	if len(got) != len(want) {
		t.Fatalf("paged %d executions, want %d", len(got), len(want))
	}
	for i, e := range got {
		w := want[i] // newest first
		wantStr(t, "PipelineExecutionArn", e.PipelineExecutionArn, w.PipelineExecutionArn)
		if string(e.PipelineExecutionStatus) != w.PipelineExecutionStatus {
			t.Errorf("%s: status %s, want %s", w.PipelineExecutionArn, e.PipelineExecutionStatus, w.PipelineExecutionStatus)
		}
		wantStr(t, "PipelineExecutionFailureReason", e.PipelineExecutionFailureReason, w.PipelineExecutionFailureReason)
		wantTime(t, "StartTime", e.StartTime, w.StartTime)
	}
	_, err = c.ListPipelineExecutions(t.Context(), &sm.ListPipelineExecutionsInput{PipelineName: aws.String("nope")})
	servertest.WantCode(t, err, "ResourceNotFound")
}

// executionWhere finds the hdb pipeline's executions whose steps pass keep.
func executionWhere(t *testing.T, w *world.World, keep func([]world.PipelineExecutionStep) bool) string {
	t.Helper()
	execs, _ := w.PipelineExecutions(hdbPipeline, world.ExecutionQuery{})
	for _, e := range execs {
		steps, err := w.PipelineExecutionSteps(e.PipelineExecutionArn, world.Ascending)
		if err != nil {
			t.Fatal(err)
		}
		if keep(steps) {
			return e.PipelineExecutionArn
		}
	}
	t.Fatal("no such execution in the world")
	return ""
}

func TestDescribeSucceededExecutionAndItsSteps(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "mlops-engineer")
	arn := executionWhere(t, w, func(s []world.PipelineExecutionStep) bool {
		return slices.ContainsFunc(s, func(st world.PipelineExecutionStep) bool { return st.Metadata.RegisterModel != nil })
	})
	want, _ := w.PipelineExecution(arn)
	d, err := c.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if d.PipelineExecutionStatus != types.PipelineExecutionStatusSucceeded {
		t.Errorf("status %s, want Succeeded", d.PipelineExecutionStatus)
	}
	wantStr(t, "PipelineArn", d.PipelineArn, want.PipelineArn)
	wantStr(t, "PipelineExecutionDisplayName", d.PipelineExecutionDisplayName, want.PipelineExecutionDisplayName)
	wantTime(t, "CreationTime", d.CreationTime, want.CreationTime)
	wantTime(t, "LastModifiedTime", d.LastModifiedTime, want.LastModifiedTime)
	if d.PipelineExperimentConfig == nil || aws.ToString(d.PipelineExperimentConfig.TrialName) != want.PipelineExperimentConfig.TrialName {
		t.Errorf("PipelineExperimentConfig = %+v, want trial %s", d.PipelineExperimentConfig, want.PipelineExperimentConfig.TrialName)
	}

	def, err := c.DescribePipelineDefinitionForExecution(t.Context(), &sm.DescribePipelineDefinitionForExecutionInput{PipelineExecutionArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := w.Pipeline(hdbPipeline)
	if aws.ToString(def.PipelineDefinition) != p.PipelineDefinition {
		t.Error("DescribePipelineDefinitionForExecution is not the pipeline's definition")
	}
	wantTime(t, "definition CreationTime", def.CreationTime, want.CreationTime)

	params, err := c.ListPipelineParametersForExecution(t.Context(), &sm.ListPipelineParametersForExecutionInput{PipelineExecutionArn: aws.String(arn), MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	if len(params.PipelineParameters) != len(want.PipelineParameters) || len(want.PipelineParameters) == 0 {
		t.Fatalf("%d parameters, want %d", len(params.PipelineParameters), len(want.PipelineParameters))
	}
	for i, prm := range params.PipelineParameters {
		wantStr(t, "parameter Name", prm.Name, want.PipelineParameters[i].Name)
		wantStr(t, "parameter Value", prm.Value, want.PipelineParameters[i].Value)
	}

	out, err := c.ListPipelineExecutionSteps(t.Context(), &sm.ListPipelineExecutionStepsInput{PipelineExecutionArn: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	steps := map[string]types.PipelineExecutionStep{}
	for i, s := range out.PipelineExecutionSteps {
		if s.StepStatus != types.StepStatusSucceeded {
			t.Errorf("step %s is %s in a succeeded execution", aws.ToString(s.StepName), s.StepStatus)
		}
		if i > 0 && s.StartTime.After(*out.PipelineExecutionSteps[i-1].StartTime) {
			t.Error("steps are not latest first (the default)")
		}
		steps[aws.ToString(s.StepName)] = s
	}
	train := steps["TrainModel"].Metadata
	if train == nil || train.TrainingJob == nil {
		t.Fatal("TrainModel has no TrainingJob metadata")
	}
	jobName := aws.ToString(train.TrainingJob.Arn)[strings.LastIndexByte(aws.ToString(train.TrainingJob.Arn), '/')+1:]
	job, err := c.DescribeTrainingJob(t.Context(), &sm.DescribeTrainingJobInput{TrainingJobName: aws.String(jobName)})
	if err != nil {
		t.Fatalf("the step's training job: %v", err)
	}
	if job.TrainingJobStatus != types.TrainingJobStatusCompleted {
		t.Errorf("the step's training job is %s", job.TrainingJobStatus)
	}
	prep := steps["PreprocessData"].Metadata
	if prep == nil || prep.ProcessingJob == nil {
		t.Fatal("PreprocessData has no ProcessingJob metadata")
	}
	procName := aws.ToString(prep.ProcessingJob.Arn)[strings.LastIndexByte(aws.ToString(prep.ProcessingJob.Arn), '/')+1:]
	if _, err := c.DescribeProcessingJob(t.Context(), &sm.DescribeProcessingJobInput{ProcessingJobName: aws.String(procName)}); err != nil {
		t.Errorf("the step's processing job: %v", err)
	}
	if cond := steps["CheckModelQuality"].Metadata; cond == nil || cond.Condition == nil || cond.Condition.Outcome != types.ConditionOutcomeTrue {
		t.Errorf("CheckModelQuality metadata = %+v, want Outcome True", cond)
	}
	reg := steps["RegisterModel"].Metadata
	if reg == nil || reg.RegisterModel == nil {
		t.Fatal("RegisterModel has no RegisterModel metadata")
	}
	pkg, err := c.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: reg.RegisterModel.Arn})
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(pkg.MetadataProperties.GeneratedBy) != arn {
		t.Errorf("the registered package was generated by %s, want %s", aws.ToString(pkg.MetadataProperties.GeneratedBy), arn)
	}
	if _, ok := steps["FailOnQuality"]; ok {
		t.Error("the Else branch ran in a succeeded execution")
	}
}

func TestFailedExecutionStepsExplainWhy(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "data-scientist")
	quality := executionWhere(t, w, func(s []world.PipelineExecutionStep) bool {
		return slices.ContainsFunc(s, func(st world.PipelineExecutionStep) bool { return st.Metadata.Fail != nil })
	})
	out, err := c.ListPipelineExecutionSteps(t.Context(), &sm.ListPipelineExecutionStepsInput{PipelineExecutionArn: aws.String(quality), SortOrder: types.SortOrderAscending})
	if err != nil {
		t.Fatal(err)
	}
	last := out.PipelineExecutionSteps[len(out.PipelineExecutionSteps)-1]
	if aws.ToString(last.StepName) != "FailOnQuality" || last.StepStatus != types.StepStatusFailed ||
		last.Metadata == nil || last.Metadata.Fail == nil || !strings.Contains(aws.ToString(last.Metadata.Fail.ErrorMessage), "Model quality below the bar") {
		t.Errorf("last step = %s %s %+v, want FailOnQuality Failed with its message", aws.ToString(last.StepName), last.StepStatus, last.Metadata)
	}
	for _, s := range out.PipelineExecutionSteps {
		if aws.ToString(s.StepName) == "CheckModelQuality" && (s.Metadata == nil || s.Metadata.Condition == nil || s.Metadata.Condition.Outcome != types.ConditionOutcomeFalse) {
			t.Errorf("CheckModelQuality metadata = %+v, want Outcome False", s.Metadata)
		}
	}

	training := executionWhere(t, w, func(s []world.PipelineExecutionStep) bool {
		return slices.ContainsFunc(s, func(st world.PipelineExecutionStep) bool {
			return st.StepName == "TrainModel" && st.StepStatus == world.StepFailed
		})
	})
	d, err := c.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: aws.String(training)})
	if err != nil {
		t.Fatal(err)
	}
	if d.PipelineExecutionStatus != types.PipelineExecutionStatusFailed || aws.ToString(d.FailureReason) == "" {
		t.Errorf("training-failed execution: %s, reason %q", d.PipelineExecutionStatus, aws.ToString(d.FailureReason))
	}
	steps, err := c.ListPipelineExecutionSteps(t.Context(), &sm.ListPipelineExecutionStepsInput{PipelineExecutionArn: aws.String(training)})
	if err != nil {
		t.Fatal(err)
	}
	top := steps.PipelineExecutionSteps[0] // latest first
	if aws.ToString(top.StepName) != "TrainModel" || top.StepStatus != types.StepStatusFailed || aws.ToString(top.FailureReason) == "" {
		t.Errorf("latest step = %s %s %q, want TrainModel Failed with a reason", aws.ToString(top.StepName), top.StepStatus, aws.ToString(top.FailureReason))
	}

	_, err = c.ListPipelineExecutionSteps(t.Context(), &sm.ListPipelineExecutionStepsInput{PipelineExecutionArn: aws.String(w.PipelineArn(hdbPipeline) + "/execution/nope")})
	servertest.WantCode(t, err, "ResourceNotFound")
	_, err = c.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: aws.String(w.PipelineArn(hdbPipeline) + "/execution/nope")})
	servertest.WantCode(t, err, "ResourceNotFound")
}
