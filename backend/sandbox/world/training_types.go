package world

import "time"

// TrainingJobStatus values as SageMaker spells them.
type TrainingJobStatus string

const (
	TrainingInProgress TrainingJobStatus = "InProgress"
	TrainingCompleted  TrainingJobStatus = "Completed"
	TrainingFailed     TrainingJobStatus = "Failed"
	TrainingStopping   TrainingJobStatus = "Stopping"
	TrainingStopped    TrainingJobStatus = "Stopped"
)

// SecondaryStatus values used by the simulation.
const (
	SecondaryStarting    = "Starting"
	SecondaryDownloading = "Downloading"
	SecondaryTraining    = "Training"
	SecondaryUploading   = "Uploading"
	SecondaryCompleted   = "Completed"
	SecondaryFailed      = "Failed"
	SecondaryStopping    = "Stopping"
	SecondaryStopped     = "Stopped"
)

// MetricDefinition is an algorithm metric and the regex that finds it in logs.
type MetricDefinition struct {
	Name  string
	Regex string
}

// AlgorithmSpecification mirrors SageMaker's shape.
type AlgorithmSpecification struct {
	TrainingImage                    string
	TrainingInputMode                string
	MetricDefinitions                []MetricDefinition
	EnableSageMakerMetricsTimeSeries bool
}

// S3DataSource mirrors SageMaker's shape.
type S3DataSource struct {
	S3DataType             string
	S3Uri                  string
	S3DataDistributionType string
}

// DataSource mirrors SageMaker's shape (S3 only).
type DataSource struct {
	S3DataSource *S3DataSource
}

// Channel is one training input channel.
type Channel struct {
	ChannelName     string
	DataSource      DataSource
	ContentType     string
	CompressionType string
	InputMode       string
}

// OutputDataConfig mirrors SageMaker's shape.
type OutputDataConfig struct {
	S3OutputPath string
	KmsKeyId     string
}

// ResourceConfig mirrors SageMaker's shape.
type ResourceConfig struct {
	InstanceType   string
	InstanceCount  int32
	VolumeSizeInGB int32
}

// StoppingCondition mirrors SageMaker's shape.
type StoppingCondition struct {
	MaxRuntimeInSeconds  int32
	MaxWaitTimeInSeconds int32
}

// ModelArtifacts mirrors SageMaker's shape.
type ModelArtifacts struct {
	S3ModelArtifacts string
}

// MetricData is one final metric value of a training job.
type MetricData struct {
	MetricName string
	Value      float64
	Timestamp  time.Time
}

// SecondaryStatusTransition is one step of a job's progress; a zero EndTime
// means the step is still under way.
type SecondaryStatusTransition struct {
	Status        string
	StartTime     time.Time
	EndTime       time.Time
	StatusMessage string
}

// ExperimentConfig mirrors SageMaker's shape; pipelines set ExperimentName to
// the pipeline name and TrialName to the execution id.
type ExperimentConfig struct {
	ExperimentName            string
	TrialName                 string
	TrialComponentDisplayName string
	RunName                   string
}

// TrainingJobSpec is what CreateTrainingJob asks for, shared by scenario
// templates and API callers. Treat its slices and maps as read-only.
type TrainingJobSpec struct {
	AlgorithmSpecification                AlgorithmSpecification
	RoleArn                               string
	InputDataConfig                       []Channel
	OutputDataConfig                      OutputDataConfig
	ResourceConfig                        ResourceConfig
	StoppingCondition                     StoppingCondition
	HyperParameters                       map[string]string
	Environment                           map[string]string
	EnableNetworkIsolation                bool
	EnableInterContainerTrafficEncryption bool
	EnableManagedSpotTraining             bool
	ExperimentConfig                      ExperimentConfig
	Tags                                  []Tag
}

// CreateTrainingJobInput is CreateTrainingJob's request.
type CreateTrainingJobInput struct {
	TrainingJobName string
	TrainingJobSpec
}

// TrainingJob is DescribeTrainingJob's answer (plus Tags). Zero times are
// absent members. Treat slices and maps as read-only.
type TrainingJob struct {
	TrainingJobName            string
	TrainingJobArn             string
	TrainingJobStatus          TrainingJobStatus
	SecondaryStatus            string
	FailureReason              string
	SecondaryStatusTransitions []SecondaryStatusTransition
	CreationTime               time.Time
	TrainingStartTime          time.Time
	TrainingEndTime            time.Time
	LastModifiedTime           time.Time
	TrainingTimeInSeconds      int32
	BillableTimeInSeconds      int32
	ModelArtifacts             ModelArtifacts
	FinalMetricDataList        []MetricData
	TrainingJobSpec

	// Not AWS members: the pipeline execution and step that started the job
	// (AWS shows this through ExperimentConfig and lineage).
	PipelineExecutionArn string
	PipelineStepName     string
}

// TrainingJobSummary is one ListTrainingJobs entry.
type TrainingJobSummary struct {
	TrainingJobName   string
	TrainingJobArn    string
	TrainingJobStatus TrainingJobStatus
	SecondaryStatus   string
	CreationTime      time.Time
	TrainingEndTime   time.Time
	LastModifiedTime  time.Time
}

// ModelProfile says how a project's models train, score and serve: the
// simulation's knowledge that AWS would get from running real code.
type ModelProfile struct {
	Project  string
	Language string // "r" or "python"
	Problem  string // "regression" or "binary"
	// Quality holds a good run's evaluation values by report metric name:
	// rmse, mae, r2 (regression); accuracy, precision, recall, f1, auc (binary).
	Quality         map[string]float64
	TrainingMinutes float64
	Epochs          int
	// Image is the training image prefix that identifies the profile's jobs
	// when they carry no project tag.
	Image string
	// HyperParameterChoices lets historical jobs vary: a job's variant picks
	// one value per key.
	HyperParameterChoices map[string][]string
	// Predictor picks the served model's behaviour: "hdb-resale", "binary" or
	// "regression".
	Predictor string
	// Features are the input columns the training script reads; a failure
	// that names a missing column ({feature}) names one of these.
	Features []string
}
