package sagemaker_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestAWSCLI(t *testing.T) {
	env := sandboxtest.Start(t)
	out := env.AWSCLI(t, "on-call", "sagemaker", "list-training-jobs", "--max-items", "7", "--sort-order", "Descending")
	var list struct {
		TrainingJobSummaries []struct {
			TrainingJobName   string
			TrainingJobStatus string
			CreationTime      float64 // the CLI v1 prints timestamps as they came: epoch seconds
		}
	}
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("CLI output is not JSON: %v\n%s", err, out)
	}
	all := allJobs(t, env.World())
	if len(list.TrainingJobSummaries) != 7 {
		t.Fatalf("the CLI listed %d jobs, want 7", len(list.TrainingJobSummaries))
	}
	for i, s := range list.TrainingJobSummaries {
		w := all[len(all)-1-i]
		if s.TrainingJobName != w.TrainingJobName || s.TrainingJobStatus != string(w.TrainingJobStatus) {
			t.Errorf("job %d = %s %s, want %s %s", i, s.TrainingJobName, s.TrainingJobStatus, w.TrainingJobName, w.TrainingJobStatus)
		}
		if ms := int64(math.Round(s.CreationTime * 1000)); ms != w.CreationTime.UnixMilli() {
			t.Errorf("job %d CreationTime %v, want %v", i, s.CreationTime, w.CreationTime)
		}
	}

	// DescribeTrainingJob has no Tags member: tags come from ListTags.
	newest := all[len(all)-1]
	out = env.AWSCLI(t, "on-call", "sagemaker", "describe-training-job", "--training-job-name", newest.TrainingJobName)
	var job map[string]any
	if err := json.Unmarshal(out, &job); err != nil {
		t.Fatal(err)
	}
	if _, ok := job["Tags"]; ok {
		t.Error("describe-training-job answered Tags")
	}
	if job["TrainingJobArn"] != newest.TrainingJobArn || job["ResourceConfig"] == nil || job["SecondaryStatusTransitions"] == nil {
		t.Errorf("describe-training-job = %v", job)
	}

	pending, _ := env.World().ModelPackages(world.ModelPackageQuery{Group: hdbPipeline, ModelApprovalStatus: world.PendingManualApproval})
	if len(pending) == 0 {
		t.Fatal("no pending version")
	}
	arn := pending[0].ModelPackageArn
	stderr, err := env.CLI(t, "data-scientist").Try(t, "sagemaker", "update-model-package", "--model-package-arn", arn, "--model-approval-status", "Approved")
	if err == nil || !strings.Contains(string(stderr), "AccessDeniedException") {
		t.Errorf("a data scientist's approval through the CLI: err %v, stderr %s", err, stderr)
	}
	env.AWSCLI(t, "mlops-engineer", "sagemaker", "update-model-package", "--model-package-arn", arn,
		"--model-approval-status", "Approved", "--approval-description", "approved from the CLI")
	out = env.AWSCLI(t, "mlops-engineer", "sagemaker", "describe-model-package", "--model-package-name", arn)
	var pkg struct{ ModelApprovalStatus, ApprovalDescription string }
	if err := json.Unmarshal(out, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.ModelApprovalStatus != "Approved" || pkg.ApprovalDescription != "approved from the CLI" {
		t.Errorf("after the CLI approval: %+v", pkg)
	}
}
