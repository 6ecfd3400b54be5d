package domain

import "time"

// Model package approval statuses, as SageMaker spells them.
const (
	ApprovalApproved = "Approved"
	ApprovalRejected = "Rejected"
	ApprovalPending  = "PendingManualApproval"
)

// ModelGroup is a model package group in the registry.
type ModelGroup struct {
	Name           string
	ARN            string
	Description    string
	Project        string
	CreatedAt      time.Time
	Versions       int
	LatestApproved int // version number, 0 if none
	Pending        int // versions awaiting approval
}

// ModelVersion is one registered model package version.
type ModelVersion struct {
	Group          string
	Version        int
	ARN            string
	CreatedAt      time.Time
	LastModified   time.Time
	Approval       string
	ApprovalNote   string // ApprovalDescription
	Status         string // ModelPackageStatus
	Description    string
	CreatedBy      string
	ModifiedBy     string
	MetricsURI     string // S3 URI of the evaluation report
	Report         MetricsReport
	Lineage        Lineage
	Hyperparameter map[string]string // of the producing training job, when known
	Detailed       bool
}

// MetricDirection says which way a metric improves.
type MetricDirection int

const (
	DirectionUnknown MetricDirection = iota
	HigherIsBetter
	LowerIsBetter
)

// MetricsReport is a parsed evaluation report.
type MetricsReport struct {
	Format  string // "regression", "binary_classification", "multiclass_classification", "custom"
	Metrics []ReportMetric
	// Err is why the report could not be read or parsed; Metrics is then empty.
	Err string
	// Loaded is false until the report has been fetched.
	Loaded bool
}

// ReportMetric is one metric from an evaluation report.
type ReportMetric struct {
	Name      string
	Value     float64
	StdDev    float64
	HasStdDev bool
	Better    MetricDirection
}

// Metric returns the named metric and whether the report has it.
func (r MetricsReport) Metric(name string) (ReportMetric, bool) {
	for _, m := range r.Metrics {
		if m.Name == name {
			return m, true
		}
	}
	return ReportMetric{}, false
}

// Lineage is what produced a model version.
type Lineage struct {
	PipelineExecutionARN string
	PipelineName         string
	TrainingJobName      string
	InputData            []string // S3 URIs the training job read
	ModelDataURL         string
	Image                string
	ProjectID            string
}
