package sagemaker_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// runCLI runs the AWS CLI (v1, botocore) as who against env and returns
// its standard output, or its standard error and the failure.
func runCLI(t *testing.T, env *sandboxtest.Env, who string, args ...string) ([]byte, error) {
	t.Helper()
	awsPath, err := exec.LookPath("aws")
	if err != nil {
		t.Skip("the AWS CLI (aws) is not on PATH; install awscli to run this test")
	}
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	cmd := exec.CommandContext(ctx, awsPath, append(args, "--endpoint-url", env.URL(), "--output", "json")...)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + dir,
		"AWS_ACCESS_KEY_ID=" + p.AccessKeyID, "AWS_SECRET_ACCESS_KEY=" + p.SecretAccessKey,
		"AWS_DEFAULT_REGION=" + sandbox.Region,
		"AWS_CONFIG_FILE=" + filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE=" + filepath.Join(dir, "credentials"),
		"AWS_EC2_METADATA_DISABLED=true", "AWS_MAX_ATTEMPTS=1", "AWS_PAGER=",
	}
	out, err := cmd.Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.Stderr, err
	}
	if err != nil {
		t.Fatalf("aws %s: %v", strings.Join(args, " "), err)
	}
	return out, nil
}

func TestAWSCLI(t *testing.T) {
	env := sandboxtest.Start(t)
	out, err := runCLI(t, env, "on-call", "sagemaker", "list-training-jobs", "--max-items", "7", "--sort-order", "Descending")
	if err != nil {
		t.Fatalf("list-training-jobs: %v\n%s", err, out)
	}
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
	out, err = runCLI(t, env, "on-call", "sagemaker", "describe-training-job", "--training-job-name", newest.TrainingJobName)
	if err != nil {
		t.Fatalf("describe-training-job: %v\n%s", err, out)
	}
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
	stderr, err := runCLI(t, env, "data-scientist", "sagemaker", "update-model-package", "--model-package-arn", arn, "--model-approval-status", "Approved")
	if err == nil || !strings.Contains(string(stderr), "AccessDeniedException") {
		t.Errorf("a data scientist's approval through the CLI: err %v, stderr %s", err, stderr)
	}
	out, err = runCLI(t, env, "mlops-engineer", "sagemaker", "update-model-package", "--model-package-arn", arn,
		"--model-approval-status", "Approved", "--approval-description", "approved from the CLI")
	if err != nil {
		t.Fatalf("update-model-package: %v\n%s", err, out)
	}
	out, err = runCLI(t, env, "mlops-engineer", "sagemaker", "describe-model-package", "--model-package-name", arn)
	if err != nil {
		t.Fatalf("describe-model-package: %v\n%s", err, out)
	}
	var pkg struct{ ModelApprovalStatus, ApprovalDescription string }
	if err := json.Unmarshal(out, &pkg); err != nil {
		t.Fatal(err)
	}
	if pkg.ModelApprovalStatus != "Approved" || pkg.ApprovalDescription != "approved from the CLI" {
		t.Errorf("after the CLI approval: %+v", pkg)
	}
}
