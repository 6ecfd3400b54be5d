package pipelines

import (
	"os"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

var now = kittest.Now

const (
	hdb       = "hdb-resale-valuation"
	acct      = "arn:aws:sagemaker:ap-southeast-1:123456789012:"
	runARN    = acct + "pipeline/hdb-resale-valuation/execution/r7k2m9x4p1qa"
	failedARN = acct + "pipeline/hdb-resale-valuation/execution/f3n8c2d6t0wb"
	doneARN   = acct + "pipeline/hdb-resale-valuation/execution/s9q4v1h7e2jc"
	trainJob  = acct + "training-job/pipelines-r7k2m9x4p1qa-trainmodel-x8ab3k"
	modelPkg  = acct + "model-package/hdb-resale-valuation/15"
)

// hdbDefinition is the sandbox's HDB pipeline definition (the same JSON
// backend/sandbox/scenario generates), parsed.
func hdbDefinition(t testing.TB) domain.PipelineDefinition {
	t.Helper()
	raw, err := os.ReadFile("graph/testdata/sandbox/hdb-resale-valuation.json")
	if err != nil {
		t.Fatal(err)
	}
	def, err := dag.ParseDefinition(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	return def
}

func execution(arn, display, status string, started time.Duration, took time.Duration, by string, params map[string]string) domain.PipelineExecution {
	e := domain.PipelineExecution{ARN: arn, PipelineName: hdb, DisplayName: display, Status: status,
		StartedAt: now.Add(-started), StartedBy: by, Parameters: params}
	if e.Terminal() {
		e.EndedAt = e.StartedAt.Add(took)
		e.LastModified = e.EndedAt
	}
	return e
}

// defaults are the HDB pipeline's parameter values as a run reports them.
func defaults(t testing.TB, changes ...string) map[string]string {
	out := map[string]string{}
	for _, p := range hdbDefinition(t).Parameters {
		out[p.Name] = p.Default
	}
	for i := 0; i+1 < len(changes); i += 2 {
		out[changes[i]] = changes[i+1]
	}
	return out
}

func pipelinesData(t testing.TB) backend.PipelinesData {
	def := hdbDefinition(t)
	running := execution(runARN, "retrain-500-trees", domain.ExecExecuting, 32*time.Minute, 0, "bala-k", nil)
	demand := execution(acct+"pipeline/hdb-flat-demand/execution/d1", "", domain.ExecSucceeded, 26*time.Hour, 41*time.Minute, "chen-wei", nil)
	fraud := execution(acct+"pipeline/mom-work-pass-fraud/execution/m1", "", domain.ExecFailed, 3*24*time.Hour, 12*time.Minute, "ops", nil)
	return backend.PipelinesData{Pipelines: []domain.Pipeline{
		{Name: "hdb-flat-demand", Project: "hdb-flat-demand", Parameters: def.Parameters, LastExecution: &demand, SuccessRate: 0.9},
		{Name: hdb, Project: hdb, Parameters: def.Parameters, LastExecution: &running, SuccessRate: 0.8, Running: 1,
			ARN: acct + "pipeline/hdb-resale-valuation"},
		{Name: "hdb-rental-index-draft", Project: "hdb-rental-forecast", SuccessRate: -1},
		{Name: "mom-work-pass-fraud", Project: "mom-work-pass-fraud", Parameters: def.Parameters, LastExecution: &fraud, SuccessRate: 0.3},
	}}
}

func executionsData(t testing.TB) backend.ExecutionsData {
	pl := pipelinesData(t).Pipelines[1]
	return backend.ExecutionsData{Pipeline: pl, Executions: []domain.PipelineExecution{
		execution(runARN, "retrain-500-trees", domain.ExecExecuting, 32*time.Minute, 0, "bala-k", defaults(t, "NumTrees", "500")),
		execution(failedARN, "", domain.ExecFailed, 5*time.Hour, 18*time.Minute, "bala-k", defaults(t, "Mtry", "9", "NumTrees", "800")),
		execution(doneARN, "", domain.ExecSucceeded, 26*time.Hour, 47*time.Minute, "alice-tan", defaults(t)),
		execution(acct+"pipeline/hdb-resale-valuation/execution/a0", "", domain.ExecStopped, 50*time.Hour, 3*time.Minute, "chen-wei",
			defaults(t, "TrainingInstanceType", "ml.m5.2xlarge")),
		execution(acct+"pipeline/hdb-resale-valuation/execution/a1", "", domain.ExecSucceeded, 74*time.Hour, 45*time.Minute, "", nil),
	}}
}

// step is a step that started ago and, unless running, took took.
func step(name, typ, status string, ago, took time.Duration) domain.PipelineStep {
	s := domain.PipelineStep{Name: name, Type: typ, Status: status, AttemptCount: 1, StartedAt: now.Add(-ago)}
	if status != domain.StepExecuting && status != domain.StepStarting {
		s.EndedAt = s.StartedAt.Add(took)
	}
	return s
}

func notStarted(name, typ string) domain.PipelineStep {
	return domain.PipelineStep{Name: name, Type: typ, Status: domain.StepNotStarted}
}

// runningExecution is a run half-way: preprocessing done, training on.
func runningExecution(t testing.TB) backend.ExecutionData {
	train := step("TrainModel", "Training", domain.StepExecuting, 21*time.Minute, 0)
	train.TrainingJobARN = trainJob
	pre := step("PreprocessData", "Processing", domain.StepSucceeded, 32*time.Minute, 11*time.Minute)
	pre.ProcessingJobARN = acct + "processing-job/pipelines-r7k2m9x4p1qa-preprocessdata-q2"
	return backend.ExecutionData{
		Execution:  executionsData(t).Executions[0],
		Definition: hdbDefinition(t),
		Steps: map[string]domain.PipelineStep{
			"PreprocessData": pre, "TrainModel": train,
			"EvaluateModel": notStarted("EvaluateModel", "Processing"), "CheckModelQuality": notStarted("CheckModelQuality", "Condition"),
			"RegisterModel": notStarted("RegisterModel", "RegisterModel"), "FailOnQuality": notStarted("FailOnQuality", "Fail"),
		},
	}
}

// trainingFailure is what SageMaker says of the failed run's training.
const trainingFailure = "AlgorithmError: Error in ranger(formula, data = train, num.trees = 800, mtry = 9): " +
	"mtry can not be larger than number of variables in data. Ranger will EXIT now. Exit code 1 from Rscript /opt/ml/code/train.R"

// failedExecution is a run whose training failed.
func failedExecution(t testing.TB) backend.ExecutionData {
	train := step("TrainModel", "Training", domain.StepFailed, 5*time.Hour-11*time.Minute, 7*time.Minute)
	train.TrainingJobARN = acct + "training-job/pipelines-f3n8c2d6t0wb-trainmodel-k1"
	train.FailureReason = trainingFailure
	train.AttemptCount = 2
	e := executionsData(t).Executions[1]
	e.FailureReason = "Step failure: One or multiple steps failed."
	return backend.ExecutionData{
		Execution:  e,
		Definition: hdbDefinition(t),
		Steps: map[string]domain.PipelineStep{
			"PreprocessData": step("PreprocessData", "Processing", domain.StepSucceeded, 5*time.Hour, 11*time.Minute), "TrainModel": train,
			"EvaluateModel": notStarted("EvaluateModel", "Processing"), "CheckModelQuality": notStarted("CheckModelQuality", "Condition"),
			"RegisterModel": notStarted("RegisterModel", "RegisterModel"), "FailOnQuality": notStarted("FailOnQuality", "Fail"),
		},
	}
}

// registeredExecution is a run that passed its quality check and
// registered a model version.
func registeredExecution(t testing.TB) backend.ExecutionData {
	h := time.Hour
	cond := step("CheckModelQuality", "Condition", domain.StepSucceeded, 26*h-44*time.Minute, 10*time.Second)
	cond.ConditionOutcome = "True"
	reg := step("RegisterModel", "RegisterModel", domain.StepSucceeded, 26*h-45*time.Minute, 2*time.Minute)
	reg.ModelPackageARN = modelPkg
	train := step("TrainModel", "Training", domain.StepSucceeded, 26*h-11*time.Minute, 24*time.Minute)
	train.TrainingJobARN = acct + "training-job/pipelines-s9q4v1h7e2jc-trainmodel-z7"
	return backend.ExecutionData{
		Execution:  executionsData(t).Executions[2],
		Definition: hdbDefinition(t),
		Steps: map[string]domain.PipelineStep{
			"PreprocessData": step("PreprocessData", "Processing", domain.StepSucceeded, 26*h, 11*time.Minute), "TrainModel": train,
			"EvaluateModel":     step("EvaluateModel", "Processing", domain.StepSucceeded, 26*h-35*time.Minute, 9*time.Minute),
			"CheckModelQuality": cond, "RegisterModel": reg, "FailOnQuality": notStarted("FailOnQuality", "Fail"),
		},
	}
}
