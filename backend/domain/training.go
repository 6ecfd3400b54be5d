package domain

import "time"

// Training job statuses, as SageMaker spells them.
const (
	JobInProgress = "InProgress"
	JobCompleted  = "Completed"
	JobFailed     = "Failed"
	JobStopping   = "Stopping"
	JobStopped    = "Stopped"
)

// TrainingJob is a SageMaker training job. Fields after Detailed are only
// known once the job has been described.
type TrainingJob struct {
	Name            string
	ARN             string
	Status          string
	SecondaryStatus string
	CreatedAt       time.Time
	LastModified    time.Time
	EndedAt         time.Time // zero while running
	Project         string    // from the sagemaker:project-name tag, "" if none

	Detailed                bool
	StartedAt               time.Time // TrainingStartTime
	InstanceType            string
	InstanceCount           int
	BillableSeconds         int64
	TrainingSeconds         int64
	Transitions             []StatusTransition
	Hyperparameters         map[string]string
	Inputs                  []InputChannel
	OutputPath              string
	ModelArtifact           string
	Image                   string
	FinalMetrics            []MetricValue
	MetricNames             []string // from the algorithm's metric definitions
	FailureReason           string
	PipelineExecutionARN    string
	PipelineExecutionStep   string
	RoleARN                 string
	StoppingMaxRuntimeHours float64
	Tags                    map[string]string
}

// StatusTransition is one secondary-status step of a training job.
type StatusTransition struct {
	Status  string
	Start   time.Time
	End     time.Time // zero while current
	Message string
}

// Duration of the transition, measured to now while it is current.
func (t StatusTransition) Duration(now time.Time) time.Duration {
	if t.End.IsZero() {
		return now.Sub(t.Start)
	}
	return t.End.Sub(t.Start)
}

// InputChannel is one named data input of a training job.
type InputChannel struct {
	Name        string
	S3URI       string
	ContentType string
}

// MetricValue is one named number with a timestamp.
type MetricValue struct {
	Name      string
	Value     float64
	Timestamp time.Time
}

// Terminal reports whether the job has finished and will not change again.
func (j TrainingJob) Terminal() bool { return terminalJob(j.Status) }

func terminalJob(status string) bool {
	return status == JobCompleted || status == JobFailed || status == JobStopped
}

// Running reports whether the job is still in progress or stopping.
func (j TrainingJob) Running() bool { return !j.Terminal() }

// Elapsed is the wall time from creation to end (or to now while running).
func (j TrainingJob) Elapsed(now time.Time) time.Duration {
	return elapsed(j.CreatedAt, j.EndedAt, j.LastModified, j.Terminal(), now)
}

func elapsed(created, ended, modified time.Time, terminal bool, now time.Time) time.Duration {
	if !ended.IsZero() {
		return ended.Sub(created)
	}
	if terminal && !modified.IsZero() {
		return modified.Sub(created)
	}
	return now.Sub(created)
}

// LogStream is one CloudWatch Logs stream, e.g. one per training host.
type LogStream struct {
	Group         string
	Name          string
	LastEventTime time.Time
}

// LogEvent is one log line.
type LogEvent struct {
	Stream    string
	Timestamp time.Time
	Message   string
}

// Series is a metric's values over time, e.g. validation:rmse per epoch.
type Series struct {
	Label  string
	Unit   string
	Times  []time.Time
	Values []float64
}

// Last is the most recent value, and false when the series is empty.
func (s Series) Last() (float64, bool) {
	if len(s.Values) == 0 {
		return 0, false
	}
	return s.Values[len(s.Values)-1], true
}
