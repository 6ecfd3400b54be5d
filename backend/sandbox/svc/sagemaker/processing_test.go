package sagemaker_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestProcessingJobs(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "data-scientist")
	want := env.World().ProcessingJobs("", "") // newest first
	slices.Reverse(want)
	var got []types.ProcessingJobSummary
	p := sm.NewListProcessingJobsPaginator(c, &sm.ListProcessingJobsInput{MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.ProcessingJobSummaries...)
	}
	if len(got) != len(want) || len(want) < 100 {
		t.Fatalf("paged %d processing jobs, want %d", len(got), len(want))
	}
	for i, j := range got {
		w := want[i] // ascending creation: the default
		wantStr(t, "ProcessingJobName", j.ProcessingJobName, w.ProcessingJobName)
		if string(j.ProcessingJobStatus) != w.ProcessingJobStatus {
			t.Errorf("%s: status %s, want %s", w.ProcessingJobName, j.ProcessingJobStatus, w.ProcessingJobStatus)
		}
		wantStr(t, "FailureReason", j.FailureReason, w.FailureReason)
		wantTime(t, "ProcessingEndTime", j.ProcessingEndTime, w.ProcessingEndTime)
	}

	failed, err := c.ListProcessingJobs(t.Context(), &sm.ListProcessingJobsInput{StatusEquals: types.ProcessingJobStatusFailed, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	wantFailed := env.World().ProcessingJobs("Failed", "")
	if len(failed.ProcessingJobSummaries) != len(wantFailed) {
		t.Errorf("%d failed processing jobs, want %d", len(failed.ProcessingJobSummaries), len(wantFailed))
	}

	w := want[len(want)/2]
	d, err := c.DescribeProcessingJob(t.Context(), &sm.DescribeProcessingJobInput{ProcessingJobName: aws.String(w.ProcessingJobName)})
	if err != nil {
		t.Fatal(err)
	}
	full, _ := env.World().ProcessingJob(w.ProcessingJobName)
	wantStr(t, "ProcessingJobArn", d.ProcessingJobArn, full.ProcessingJobArn)
	wantStr(t, "RoleArn", d.RoleArn, full.RoleArn)
	wantTime(t, "ProcessingStartTime", d.ProcessingStartTime, full.ProcessingStartTime)
	if d.ProcessingResources == nil || string(d.ProcessingResources.ClusterConfig.InstanceType) != full.ProcessingResources.ClusterConfig.InstanceType {
		t.Errorf("ProcessingResources = %+v, want %+v", d.ProcessingResources, full.ProcessingResources)
	}
	if len(d.ProcessingInputs) != len(full.ProcessingInputs) || len(d.ProcessingInputs) == 0 ||
		aws.ToString(d.ProcessingInputs[0].S3Input.S3Uri) != full.ProcessingInputs[0].S3Input.S3Uri {
		t.Errorf("ProcessingInputs = %d, want %d with the same URIs", len(d.ProcessingInputs), len(full.ProcessingInputs))
	}
	if d.AppSpecification == nil || !strings.Contains(aws.ToString(d.AppSpecification.ImageUri), ".dkr.ecr.") {
		t.Errorf("AppSpecification = %+v", d.AppSpecification)
	}
	_, err = c.DescribeProcessingJob(t.Context(), &sm.DescribeProcessingJobInput{ProcessingJobName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")
}
