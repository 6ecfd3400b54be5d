package domain

import (
	"reflect"
	"testing"
	"time"
)

// A summary holds every field the list reads, and turns back into the
// same job less its details.
func TestTrainingJobSummaryRoundTripsTheListFields(t *testing.T) {
	at := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	listed := TrainingJob{
		Name: "hdb-resale-train-0412", ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/hdb-resale-train-0412",
		Status: JobFailed, SecondaryStatus: "Failed", Project: "hdb-resale-valuation", InstanceType: "ml.m5.xlarge",
		FailureReason: "AlgorithmError: out of memory", PipelineExecutionARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/p/execution/x",
		CreatedAt: at, LastModified: at.Add(40 * time.Minute), EndedAt: at.Add(39 * time.Minute), StartedAt: at.Add(2 * time.Minute),
		InstanceCount: 2, BillableSeconds: 2200, TrainingSeconds: 2220, Detailed: true,
	}
	if got := listed.Summary().Job(); !reflect.DeepEqual(got, listed) {
		t.Fatalf("round trip = %+v\nwant %+v", got, listed)
	}
	full := listed
	full.Hyperparameters = map[string]string{"ntree": "500"}
	full.Transitions = []StatusTransition{{Status: "Training", Start: at}}
	full.Tags = map[string]string{"sagemaker:project-name": "hdb-resale-valuation"}
	if got := full.Summary().Job(); !reflect.DeepEqual(got, listed) {
		t.Fatalf("the details survived the summary: %+v", got)
	}
}

func TestTrainingJobSummaryStatusAndElapsedAgreeWithTheJob(t *testing.T) {
	at := time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC)
	now := at.Add(3 * time.Hour)
	for _, j := range []TrainingJob{
		{Status: JobInProgress, CreatedAt: at},
		{Status: JobStopping, CreatedAt: at, LastModified: at.Add(time.Hour)},
		{Status: JobCompleted, CreatedAt: at, EndedAt: at.Add(50 * time.Minute)},
		{Status: JobStopped, CreatedAt: at, LastModified: at.Add(20 * time.Minute)},
	} {
		s := j.Summary()
		if s.Terminal() != j.Terminal() || s.Running() != j.Running() || s.Elapsed(now) != j.Elapsed(now) {
			t.Errorf("%s: summary says terminal %v, elapsed %v; job says %v, %v", j.Status, s.Terminal(), s.Elapsed(now), j.Terminal(), j.Elapsed(now))
		}
	}
}
