package world_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func finished(w *world.World, arn string) func() bool {
	return func() bool {
		ex, _ := w.PipelineExecution(arn)
		switch ex.PipelineExecutionStatus {
		case world.ExecutionSucceeded, world.ExecutionFailed, world.ExecutionStopped:
			return true
		}
		return false
	}
}

func TestPipelineExecutionRunsStepsInOrderAndRegistersAVersion(t *testing.T) {
	w, c := newWorld(t, 5)
	for _, pipeline := range []string{"hdb-resale-valuation", "ssg-course-dropout"} {
		before, _ := w.ModelPackages(world.ModelPackageQuery{Group: pipeline})
		in := world.StartPipelineExecutionInput{PipelineName: pipeline, ClientRequestToken: "tok-" + pipeline,
			Caller: world.Caller{UserProfileName: "nur-aisyah", DomainId: "d-x"}}
		arn, err := w.StartPipelineExecution(in)
		if err != nil {
			t.Fatal(err)
		}
		again, err := w.StartPipelineExecution(in)
		if err != nil || again != arn {
			t.Fatalf("repeated token gave %s (%v), want %s", again, err, arn)
		}
		if !strings.HasPrefix(arn, "arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/"+pipeline+"/execution/") {
			t.Errorf("execution arn %s", arn)
		}
		until(t, w, c, 6*time.Hour, finished(w, arn))
		ex, _ := w.PipelineExecution(arn)
		if ex.PipelineExecutionStatus != world.ExecutionSucceeded {
			t.Fatalf("%s: execution %s: %s", pipeline, ex.PipelineExecutionStatus, ex.FailureReason)
		}
		steps, _ := w.PipelineExecutionSteps(arn, world.Ascending)
		p, _ := w.Pipeline(pipeline)
		deps := dependencies(t, p.PipelineDefinition)
		ends := map[string]time.Time{}
		var register string
		for _, s := range steps {
			if s.StepStatus != world.StepSucceeded {
				t.Errorf("%s: step %s is %s", pipeline, s.StepName, s.StepStatus)
			}
			for _, d := range deps[s.StepName] {
				if e, ok := ends[d]; !ok || s.StartTime.Before(e) {
					t.Errorf("%s: step %s started before its dependency %s ended", pipeline, s.StepName, d)
				}
			}
			ends[s.StepName] = s.EndTime
			if s.Metadata.Condition != nil && s.Metadata.Condition.Outcome != "True" {
				t.Errorf("condition outcome %s", s.Metadata.Condition.Outcome)
			}
			if s.Metadata.RegisterModel != nil {
				register = s.Metadata.RegisterModel.Arn
			}
		}
		if _, ok := ends["FailOnQuality"]; ok || register == "" {
			t.Fatalf("%s: steps %v, registered %q", pipeline, ends, register)
		}
		// (hdb-resale-valuation also finishes the run it had under way.)
		after, _ := w.ModelPackages(world.ModelPackageQuery{Group: pipeline})
		found := false
		for _, v := range after {
			if v.ModelPackageArn == register {
				found = v.ModelApprovalStatus == world.PendingManualApproval && int(v.ModelPackageVersion) > len(before)
			}
		}
		if !found || len(after) <= len(before) {
			t.Fatalf("%s: registry went from %d to %d versions without a pending %s", pipeline, len(before), len(after), register)
		}
		mp, _ := w.ModelPackage(register)
		if mp.MetadataProperties.GeneratedBy != arn || mp.CreatedBy.UserProfileName != "nur-aisyah" {
			t.Errorf("lineage %+v / %+v", mp.MetadataProperties, mp.CreatedBy)
		}
		uri := mp.ModelMetrics.ModelQuality.Statistics.S3Uri
		bucket, key, _ := strings.Cut(strings.TrimPrefix(uri, "s3://"), "/")
		obj, err := w.Object(bucket, key)
		if err != nil {
			t.Fatalf("report %s: %v", uri, err)
		}
		var report map[string]map[string]map[string]any
		if err := json.Unmarshal(obj.Body, &report); err != nil {
			t.Fatal(err)
		}
		if _, ok := report["regression_metrics"]; pipeline == "hdb-resale-valuation" && !ok {
			t.Errorf("HDB report %s", obj.Body)
		}
		if _, ok := report["binary_classification_metrics"]["auc"]; pipeline == "ssg-course-dropout" && !ok {
			t.Errorf("dropout report %s", obj.Body)
		}
	}
}

// dependencies reads each step's dependencies from a definition: DependsOn,
// Get references and, for branch steps, their condition.
func dependencies(t *testing.T, def string) map[string][]string {
	var doc struct{ Steps []json.RawMessage }
	if err := json.Unmarshal([]byte(def), &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	var walk func(raw json.RawMessage, cond string)
	walk = func(raw json.RawMessage, cond string) {
		var s struct {
			Name      string
			Type      string
			DependsOn []string
			Arguments map[string]json.RawMessage
		}
		_ = json.Unmarshal(raw, &s)
		deps := append([]string(nil), s.DependsOn...)
		if cond != "" {
			deps = append(deps, cond)
		}
		text := string(raw)
		for _, part := range strings.Split(text, `"Steps.`)[1:] {
			name := part[:strings.IndexAny(part, ".[")]
			if name != s.Name {
				deps = append(deps, name)
			}
		}
		if s.Type == "Condition" {
			deps = deps[:len(s.DependsOn)]
			conds := string(s.Arguments["Conditions"])
			for _, part := range strings.Split(conds, `"Steps.`)[1:] {
				deps = append(deps, part[:strings.IndexAny(part, ".[")])
			}
			for _, branch := range []string{"IfSteps", "ElseSteps"} {
				var inner []json.RawMessage
				_ = json.Unmarshal(s.Arguments[branch], &inner)
				for _, r := range inner {
					walk(r, s.Name)
				}
			}
		}
		out[s.Name] = deps
	}
	for _, raw := range doc.Steps {
		walk(raw, "")
	}
	return out
}

func TestPipelineQualityGateFailsRetriesAndStops(t *testing.T) {
	w, c := newWorld(t, 5)
	_, err := w.StartPipelineExecution(world.StartPipelineExecutionInput{PipelineName: "hdb-resale-valuation",
		PipelineParameters: []world.Parameter{{Name: "NoSuchParameter", Value: "1"}}})
	wantValidation(t, err)
	arn, err := w.StartPipelineExecution(world.StartPipelineExecutionInput{PipelineName: "hdb-resale-valuation",
		PipelineParameters: []world.Parameter{{Name: "QualityThreshold", Value: "100"}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.RetryPipelineExecution(arn)
	wantValidation(t, err)
	until(t, w, c, 6*time.Hour, finished(w, arn))
	ex, _ := w.PipelineExecution(arn)
	if ex.PipelineExecutionStatus != world.ExecutionFailed || !strings.Contains(ex.FailureReason, "Model quality below the bar: RMSE") {
		t.Fatalf("execution %s: %q", ex.PipelineExecutionStatus, ex.FailureReason)
	}
	steps, _ := w.PipelineExecutionSteps(arn, world.Descending)
	if steps[0].StepName != "FailOnQuality" || steps[0].Metadata.Fail == nil || steps[1].Metadata.Condition.Outcome != "False" {
		t.Fatalf("last steps %+v %+v", steps[0], steps[1])
	}
	if _, err := w.RetryPipelineExecution(arn); err != nil {
		t.Fatal(err)
	}
	until(t, w, c, time.Hour, finished(w, arn))
	steps, _ = w.PipelineExecutionSteps(arn, world.Descending)
	if steps[0].StepName != "FailOnQuality" || steps[0].AttemptCount != 2 || len(steps) != 5 {
		t.Errorf("after retry: %d steps, newest %s attempt %d", len(steps), steps[0].StepName, steps[0].AttemptCount)
	}

	arn, _ = w.StartPipelineExecution(world.StartPipelineExecutionInput{PipelineName: "mom-work-pass-fraud"})
	until(t, w, c, 2*time.Hour, func() bool {
		steps, _ := w.PipelineExecutionSteps(arn, world.Ascending)
		return len(steps) == 2
	})
	if _, err := w.StopPipelineExecution(arn); err != nil {
		t.Fatal(err)
	}
	until(t, w, c, 30*time.Minute, finished(w, arn))
	ex, _ = w.PipelineExecution(arn)
	steps, _ = w.PipelineExecutionSteps(arn, world.Descending)
	if ex.PipelineExecutionStatus != world.ExecutionStopped || steps[0].StepStatus != world.StepStopped {
		t.Errorf("stopped execution %s, training step %s", ex.PipelineExecutionStatus, steps[0].StepStatus)
	}
	job, _ := w.TrainingJob(steps[0].Metadata.TrainingJob.Arn[strings.LastIndexByte(steps[0].Metadata.TrainingJob.Arn, '/')+1:])
	if job.TrainingJobStatus != world.TrainingStopped {
		t.Errorf("the stopped execution's training job is %s", job.TrainingJobStatus)
	}
}
