package sagemaker_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

const token = "b6c5d8e4-agdash-contract-test-0001"

func executionCount(t *testing.T, w *world.World) int {
	t.Helper()
	execs, err := w.PipelineExecutions(hdbPipeline, world.ExecutionQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return len(execs)
}

func TestStartPipelineExecutionIsIdempotent(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "lim-jia-hui")
	before := executionCount(t, env.World())
	in := &sm.StartPipelineExecutionInput{
		PipelineName:       aws.String(hdbPipeline),
		ClientRequestToken: aws.String(token),
		PipelineParameters: []types.Parameter{{Name: aws.String("NumTrees"), Value: aws.String("800")}},
	}
	first, err := c.StartPipelineExecution(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.StartPipelineExecution(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(first.PipelineExecutionArn) != aws.ToString(second.PipelineExecutionArn) ||
		!strings.HasPrefix(aws.ToString(first.PipelineExecutionArn), env.World().PipelineArn(hdbPipeline)+"/execution/") {
		t.Errorf("ARNs %s and %s, want one execution of %s", aws.ToString(first.PipelineExecutionArn), aws.ToString(second.PipelineExecutionArn), hdbPipeline)
	}
	if got := executionCount(t, env.World()); got != before+1 {
		t.Errorf("%d executions after two starts with one token, want %d", got, before+1)
	}
	params, err := c.ListPipelineParametersForExecution(t.Context(), &sm.ListPipelineParametersForExecutionInput{PipelineExecutionArn: first.PipelineExecutionArn, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	for _, p := range params.PipelineParameters {
		values[aws.ToString(p.Name)] = aws.ToString(p.Value)
	}
	if values["NumTrees"] != "800" || values["TrainingInstanceType"] != "ml.m5.xlarge" {
		t.Errorf("parameters = %v; want the override NumTrees=800 and the default TrainingInstanceType", values)
	}
	d, err := c.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: first.PipelineExecutionArn})
	if err != nil {
		t.Fatal(err)
	}
	if d.CreatedBy == nil || aws.ToString(d.CreatedBy.UserProfileName) != "lim-jia-hui" {
		t.Errorf("CreatedBy = %+v, want lim-jia-hui", d.CreatedBy)
	}
}

func TestStartPipelineExecutionRefusals(t *testing.T) {
	env := sandboxtest.Start(t)
	before := executionCount(t, env.World())
	ds := client(t, env, "lim-jia-hui")
	start := func(c *sm.Client, pipeline string, params ...types.Parameter) error {
		_, err := c.StartPipelineExecution(t.Context(), &sm.StartPipelineExecutionInput{PipelineName: aws.String(pipeline), PipelineParameters: params})
		return err
	}
	err := start(ds, hdbPipeline, types.Parameter{Name: aws.String("LearningRate"), Value: aws.String("0.1")})
	if msg := servertest.WantCode(t, err, "ValidationException"); !strings.Contains(msg, "LearningRate") {
		t.Errorf("message %q does not name the undeclared parameter", msg)
	}
	servertest.WantCode(t, start(ds, "hdb-flat-demand"), "AccessDeniedException")
	servertest.WantCode(t, start(client(t, env, "on-call"), hdbPipeline), "AccessDeniedException")
	servertest.WantCode(t, start(ds, "no-such-pipeline"), "ResourceNotFound")
	_, err = ds.StartPipelineExecution(t.Context(), &sm.StartPipelineExecutionInput{PipelineName: aws.String(hdbPipeline), ClientRequestToken: aws.String("short")})
	servertest.WantCode(t, err, "ValidationException")
	if got := executionCount(t, env.World()); got != before {
		t.Errorf("%d executions after refused starts, want %d", got, before)
	}
}

// The execution runs its steps in dependency order as the clock moves, and
// ends by registering a new version that waits for approval.
func TestStartedExecutionRunsStepsInOrderAndRegistersAVersion(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "lim-jia-hui")
	versions := func() []types.ModelPackageSummary {
		out, err := c.ListModelPackages(t.Context(), &sm.ListModelPackagesInput{ModelPackageGroupName: aws.String(hdbPipeline), MaxResults: aws.Int32(100)})
		if err != nil {
			t.Fatal(err)
		}
		return out.ModelPackageSummaryList
	}
	before := versions()
	start, err := c.StartPipelineExecution(t.Context(), &sm.StartPipelineExecutionInput{
		PipelineName: aws.String(hdbPipeline), PipelineExecutionDisplayName: aws.String("contract-test"), ClientRequestToken: aws.String(token)})
	if err != nil {
		t.Fatal(err)
	}
	arn := start.PipelineExecutionArn
	status := types.PipelineExecutionStatusExecuting
	deadline := env.Now().Add(12 * time.Hour)
	for status == types.PipelineExecutionStatusExecuting && env.Now().Before(deadline) {
		env.Clock.Advance(time.Minute)
		d, err := c.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: arn})
		if err != nil {
			t.Fatal(err)
		}
		status = d.PipelineExecutionStatus
	}
	if status != types.PipelineExecutionStatusSucceeded {
		t.Fatalf("after the clock ran the execution is %s", status)
	}
	out, err := c.ListPipelineExecutionSteps(t.Context(), &sm.ListPipelineExecutionStepsInput{PipelineExecutionArn: arn, SortOrder: types.SortOrderAscending})
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	steps := map[string]types.PipelineExecutionStep{}
	for _, s := range out.PipelineExecutionSteps {
		order = append(order, aws.ToString(s.StepName))
		steps[aws.ToString(s.StepName)] = s
	}
	if got := strings.Join(order, ","); got != "PreprocessData,TrainModel,EvaluateModel,CheckModelQuality,RegisterModel" {
		t.Fatalf("steps ran as %s", got)
	}
	for _, dep := range [][2]string{{"PreprocessData", "TrainModel"}, {"TrainModel", "EvaluateModel"}, {"EvaluateModel", "CheckModelQuality"}, {"CheckModelQuality", "RegisterModel"}} {
		a, b := steps[dep[0]], steps[dep[1]]
		if a.EndTime == nil || b.StartTime.Before(*a.EndTime) {
			t.Errorf("%s started at %v, before %s ended at %v", dep[1], b.StartTime, dep[0], a.EndTime)
		}
	}

	// The scenario's own running execution may register a version too:
	// exactly one of the new versions must be this execution's.
	var mine []types.ModelPackageSummary
	for _, v := range versions()[len(before):] {
		pkg, err := c.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: v.ModelPackageArn})
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(pkg.MetadataProperties.GeneratedBy) == aws.ToString(arn) {
			mine = append(mine, v)
		}
	}
	if len(mine) != 1 {
		t.Fatalf("%d new versions generated by the execution, want 1", len(mine))
	}
	v := mine[0]
	if v.ModelApprovalStatus != types.ModelApprovalStatusPendingManualApproval || aws.ToInt32(v.ModelPackageVersion) <= int32(len(before)) {
		t.Errorf("new version %d is %s, want a version after %d, PendingManualApproval", aws.ToInt32(v.ModelPackageVersion), v.ModelApprovalStatus, len(before))
	}
	if reg := steps["RegisterModel"].Metadata; reg == nil || reg.RegisterModel == nil || aws.ToString(reg.RegisterModel.Arn) != aws.ToString(v.ModelPackageArn) {
		t.Errorf("RegisterModel metadata %+v does not name the new version %s", reg, aws.ToString(v.ModelPackageArn))
	}
	pkg, err := c.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: v.ModelPackageArn})
	if err != nil {
		t.Fatal(err)
	}
	trainArn := aws.ToString(steps["TrainModel"].Metadata.TrainingJob.Arn)
	if got := aws.ToString(pkg.InferenceSpecification.Containers[0].ModelDataUrl); !strings.Contains(strings.ToLower(got), trainArn[strings.LastIndexByte(trainArn, '/')+1:]) {
		t.Errorf("the version's model data %s is not the step's job %s", got, trainArn)
	}
}

func TestStopAndRetryPipelineExecution(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	ds := client(t, env, "lim-jia-hui")
	start, err := ds.StartPipelineExecution(t.Context(), &sm.StartPipelineExecutionInput{PipelineName: aws.String(hdbPipeline)})
	if err != nil {
		t.Fatal(err)
	}
	arn := start.PipelineExecutionArn
	env.Clock.Advance(10 * time.Minute)

	// Another project's data scientist and on-call may not stop it.
	for _, who := range []string{"rajesh-kumar", "on-call"} {
		_, err := client(t, env, who).StopPipelineExecution(t.Context(), &sm.StopPipelineExecutionInput{PipelineExecutionArn: arn})
		servertest.WantCode(t, err, "AccessDeniedException")
	}
	if ex, _ := w.PipelineExecution(aws.ToString(arn)); ex.PipelineExecutionStatus != world.ExecutionExecuting {
		t.Fatalf("denied stops left the execution %s", ex.PipelineExecutionStatus)
	}

	stop, err := ds.StopPipelineExecution(t.Context(), &sm.StopPipelineExecutionInput{PipelineExecutionArn: arn})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "stopped ARN", stop.PipelineExecutionArn, aws.ToString(arn))
	status := func() types.PipelineExecutionStatus {
		d, err := ds.DescribePipelineExecution(t.Context(), &sm.DescribePipelineExecutionInput{PipelineExecutionArn: arn})
		if err != nil {
			t.Fatal(err)
		}
		return d.PipelineExecutionStatus
	}
	if s := status(); s != types.PipelineExecutionStatusStopping && s != types.PipelineExecutionStatusStopped {
		t.Fatalf("after StopPipelineExecution: %s", s)
	}
	for i := 0; i < 30 && status() == types.PipelineExecutionStatusStopping; i++ {
		env.Clock.Advance(time.Minute)
	}
	if s := status(); s != types.PipelineExecutionStatusStopped {
		t.Errorf("half an hour after stopping: %s", s)
	}

	failed := executionWhere(t, w, func(s []world.PipelineExecutionStep) bool {
		for _, st := range s {
			if st.StepName == "TrainModel" && st.StepStatus == world.StepFailed {
				return true
			}
		}
		return false
	})
	_, err = client(t, env, "rajesh-kumar").RetryPipelineExecution(t.Context(), &sm.RetryPipelineExecutionInput{PipelineExecutionArn: aws.String(failed)})
	servertest.WantCode(t, err, "AccessDeniedException")
	retry, err := ds.RetryPipelineExecution(t.Context(), &sm.RetryPipelineExecutionInput{PipelineExecutionArn: aws.String(failed)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "retried ARN", retry.PipelineExecutionArn, failed)
	if ex, _ := w.PipelineExecution(failed); ex.PipelineExecutionStatus != world.ExecutionExecuting {
		t.Errorf("retried execution is %s, want Executing", ex.PipelineExecutionStatus)
	}
	// Only failed executions can be retried.
	_, err = ds.RetryPipelineExecution(t.Context(), &sm.RetryPipelineExecutionInput{PipelineExecutionArn: arn})
	servertest.WantCode(t, err, "ValidationException")
}
