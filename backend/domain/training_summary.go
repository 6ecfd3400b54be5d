package domain

import "time"

// TrainingJobSummary is a training job as the list of every job shows it:
// what ListTrainingJobs says of it, plus the instances, times and project
// that Search or a describe added. It is half the size of a TrainingJob,
// whose details (transitions, hyperparameters, data channels, metrics)
// only the job's own view reads: an account of 100,000 jobs is listed in
// summaries.
type TrainingJobSummary struct {
	Name                 string
	ARN                  string
	Status               string
	SecondaryStatus      string
	Project              string // from the sagemaker:project-name tag, "" if none
	InstanceType         string
	FailureReason        string
	PipelineExecutionARN string
	CreatedAt            time.Time
	LastModified         time.Time
	EndedAt              time.Time // zero while running
	StartedAt            time.Time
	InstanceCount        int
	BillableSeconds      int64
	TrainingSeconds      int64
	// Detailed is true once the job has been described (or found by
	// Search): its instances, billable time and pipeline are known.
	Detailed bool
}

// Summary is what the list shows of j.
func (j TrainingJob) Summary() TrainingJobSummary {
	return TrainingJobSummary{
		Name: j.Name, ARN: j.ARN, Status: j.Status, SecondaryStatus: j.SecondaryStatus, Project: j.Project,
		InstanceType: j.InstanceType, FailureReason: j.FailureReason, PipelineExecutionARN: j.PipelineExecutionARN,
		CreatedAt: j.CreatedAt, LastModified: j.LastModified, EndedAt: j.EndedAt, StartedAt: j.StartedAt,
		InstanceCount: j.InstanceCount, BillableSeconds: j.BillableSeconds, TrainingSeconds: j.TrainingSeconds,
		Detailed: j.Detailed,
	}
}

// Job is the summary as a TrainingJob whose details are not known.
func (s TrainingJobSummary) Job() TrainingJob {
	return TrainingJob{
		Name: s.Name, ARN: s.ARN, Status: s.Status, SecondaryStatus: s.SecondaryStatus, Project: s.Project,
		InstanceType: s.InstanceType, FailureReason: s.FailureReason, PipelineExecutionARN: s.PipelineExecutionARN,
		CreatedAt: s.CreatedAt, LastModified: s.LastModified, EndedAt: s.EndedAt, StartedAt: s.StartedAt,
		InstanceCount: s.InstanceCount, BillableSeconds: s.BillableSeconds, TrainingSeconds: s.TrainingSeconds,
		Detailed: s.Detailed,
	}
}

// Terminal reports whether the job has finished and will not change again.
func (s TrainingJobSummary) Terminal() bool { return terminalJob(s.Status) }

// Running reports whether the job is still in progress or stopping.
func (s TrainingJobSummary) Running() bool { return !s.Terminal() }

// Elapsed is the wall time from creation to end (or to now while running).
func (s TrainingJobSummary) Elapsed(now time.Time) time.Duration {
	return elapsed(s.CreatedAt, s.EndedAt, s.LastModified, s.Terminal(), now)
}
