package domain

import (
	"reflect"
	"testing"
	"time"
	"unsafe"
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

// A job known only from the list turns back into itself too, and costs
// one allocation (its name) to summarize: the rest is shared or inline.
func TestListedJobSummaryRoundTripsInOneAllocation(t *testing.T) {
	at := time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.UTC)
	listed := TrainingJob{
		Name: "moh-triage-nlp-0530", ARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/moh-triage-nlp-0530",
		Status: JobCompleted, SecondaryStatus: "Completed", CreatedAt: at, LastModified: at.Add(time.Hour), EndedAt: at.Add(time.Hour),
	}
	if got := listed.Summary().Job(); !reflect.DeepEqual(got, listed) {
		t.Fatalf("round trip = %+v\nwant %+v", got, listed)
	}
	listed.Summary() // share the status and the ARN's prefix once
	if n := testing.AllocsPerRun(100, func() { listed.Summary() }); n != 1 {
		t.Errorf("summarizing a listed job took %v allocations, want 1 (its name)", n)
	}
}

// The ARN is spelt from the name only when that gives it back: SageMaker
// spells the name in lower case in it, and an ARN of another shape is kept
// as it is.
func TestTrainingJobSummaryARN(t *testing.T) {
	const prefix = "arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/"
	for _, tc := range []struct{ name, arn string }{
		{"hdb-resale-train-0412", prefix + "hdb-resale-train-0412"},
		{"HDB-Resale-Train-0412", prefix + "hdb-resale-train-0412"},
		{"hdb-resale-train-0412", "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/other-name"},
		{"hdb-resale-train-0412", "not an ARN"},
		{"hdb-resale-train-0412", ""},
	} {
		s := TrainingJob{Name: tc.name, ARN: tc.arn}.Summary()
		if s.ARN() != tc.arn || s.Name() != tc.name {
			t.Errorf("%s, %q: summary says %s, %q", tc.name, tc.arn, s.Name(), s.ARN())
		}
	}
}

// Times keep their instant, read back in UTC; the zero time stays zero.
func TestTrainingJobSummaryTimes(t *testing.T) {
	sgt := time.FixedZone("SGT", 8*3600)
	created := time.Date(2025, 6, 1, 18, 0, 0, 0, sgt)
	s := TrainingJob{Name: "j", Status: JobInProgress, CreatedAt: created}.Summary()
	if got := s.CreatedAt(); !got.Equal(created) || got.Location() != time.UTC {
		t.Errorf("created %v, want %v in UTC", got, created)
	}
	if !s.EndedAt().IsZero() || !s.StartedAt().IsZero() || !s.LastModified().IsZero() {
		t.Errorf("unknown times are not zero: ended %v, started %v, modified %v", s.EndedAt(), s.StartedAt(), s.LastModified())
	}
	far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
	if got := (TrainingJob{Name: "j", CreatedAt: far}).Summary().CreatedAt(); got.Year() != 2262 {
		t.Errorf("a time beyond 2262 reads back as %v, want the last instant held", got)
	}
}

// Equal compares what the summaries say, not where they keep it.
func TestTrainingJobSummaryEqual(t *testing.T) {
	j := TrainingJob{Name: "j", Status: JobFailed, FailureReason: "AlgorithmError: out of memory", InstanceType: "ml.m5.xlarge"}
	if a, b := j.Summary(), j.Summary(); !a.Equal(b) {
		t.Error("two summaries of one job differ")
	}
	k := j
	k.FailureReason = "ClientError: no data"
	if j.Summary().Equal(k.Summary()) {
		t.Error("summaries with different failure reasons are equal")
	}
	if j.Summary().Equal(TrainingJob{Name: "j", Status: JobFailed}.Summary()) {
		t.Error("a described job equals its listed self")
	}
}

// A project not known yet is not "no project": Project is "" for both, and
// ProjectKnown tells them apart; knowing it (none or one) and forgetting
// it keep the rest of the summary as it was.
func TestTrainingJobSummaryProjectKnown(t *testing.T) {
	j := TrainingJob{Name: "hdb-resale-train-0412", Status: JobCompleted, Project: "hdb-resale-valuation", InstanceType: "ml.m5.xlarge"}
	known := j.Summary()
	if !known.ProjectKnown() || known.Project() != "hdb-resale-valuation" {
		t.Fatalf("from a job: known %v, project %q", known.ProjectKnown(), known.Project())
	}
	unknown := known.WithProjectUnknown()
	if unknown.ProjectKnown() || unknown.Project() != "" || unknown.Job().Project != "" {
		t.Fatalf("unknown: known %v, project %q", unknown.ProjectKnown(), unknown.Project())
	}
	none := unknown.WithProject("")
	if !none.ProjectKnown() || none.Project() != "" {
		t.Fatalf("none: known %v, project %q", none.ProjectKnown(), none.Project())
	}
	if none.Equal(unknown) || !unknown.WithProject("hdb-resale-valuation").Equal(known) {
		t.Fatal("Equal does not tell a project not known from none, or forgets the rest")
	}
	if unknown.InstanceType() != "ml.m5.xlarge" || unknown.Name() != j.Name || unknown.Status() != JobCompleted {
		t.Fatalf("the rest changed: %+v", unknown.Job())
	}
}

// What a describe or Search adds fits one 64-byte allocation: the history
// search gives it to every older job with a project.
func TestJobSummaryMoreIs64Bytes(t *testing.T) {
	if n := unsafe.Sizeof(jobSummaryMore{}); n != 64 {
		t.Fatalf("jobSummaryMore is %d bytes, want 64", n)
	}
	if n := unsafe.Sizeof(TrainingJobSummary{}); n != 80 {
		t.Fatalf("TrainingJobSummary is %d bytes, want 80", n)
	}
}
