package sagemaker

import (
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// TrainingJob is a training job as DescribeTrainingJob answers it (without
// tags, which only ListTags and Search return).
type TrainingJob struct {
	TrainingJobName                       string
	TrainingJobArn                        string
	TrainingJobStatus                     string
	SecondaryStatus                       string
	SecondaryStatusTransitions            []world.SecondaryStatusTransition
	FailureReason                         string
	CreationTime                          time.Time
	TrainingStartTime                     time.Time
	TrainingEndTime                       time.Time
	LastModifiedTime                      time.Time
	TrainingTimeInSeconds                 *int32
	BillableTimeInSeconds                 *int32
	ModelArtifacts                        *world.ModelArtifacts
	FinalMetricDataList                   []world.MetricData
	AlgorithmSpecification                *world.AlgorithmSpecification
	RoleArn                               string
	InputDataConfig                       []world.Channel
	OutputDataConfig                      *world.OutputDataConfig
	ResourceConfig                        *world.ResourceConfig
	StoppingCondition                     *world.StoppingCondition
	HyperParameters                       map[string]string
	Environment                           map[string]string
	EnableNetworkIsolation                *bool
	EnableInterContainerTrafficEncryption *bool
	EnableManagedSpotTraining             *bool
	ExperimentConfig                      *world.ExperimentConfig
}

// trainingJobOut turns the world's record into the wire shape.
func trainingJobOut(j world.TrainingJob) TrainingJob {
	spec := j.TrainingJobSpec
	out := TrainingJob{
		TrainingJobName:                       j.TrainingJobName,
		TrainingJobArn:                        j.TrainingJobArn,
		TrainingJobStatus:                     string(j.TrainingJobStatus),
		SecondaryStatus:                       j.SecondaryStatus,
		SecondaryStatusTransitions:            j.SecondaryStatusTransitions,
		FailureReason:                         j.FailureReason,
		CreationTime:                          j.CreationTime,
		TrainingStartTime:                     j.TrainingStartTime,
		TrainingEndTime:                       j.TrainingEndTime,
		LastModifiedTime:                      j.LastModifiedTime,
		FinalMetricDataList:                   j.FinalMetricDataList,
		AlgorithmSpecification:                &spec.AlgorithmSpecification,
		RoleArn:                               spec.RoleArn,
		InputDataConfig:                       spec.InputDataConfig,
		OutputDataConfig:                      &spec.OutputDataConfig,
		ResourceConfig:                        &spec.ResourceConfig,
		StoppingCondition:                     &spec.StoppingCondition,
		HyperParameters:                       spec.HyperParameters,
		Environment:                           spec.Environment,
		EnableNetworkIsolation:                &spec.EnableNetworkIsolation,
		EnableInterContainerTrafficEncryption: &spec.EnableInterContainerTrafficEncryption,
		EnableManagedSpotTraining:             &spec.EnableManagedSpotTraining,
	}
	if !j.TrainingEndTime.IsZero() {
		out.TrainingTimeInSeconds = &j.TrainingTimeInSeconds
		out.BillableTimeInSeconds = &j.BillableTimeInSeconds
	}
	if j.ModelArtifacts.S3ModelArtifacts != "" {
		out.ModelArtifacts = &j.ModelArtifacts
	}
	if spec.ExperimentConfig != (world.ExperimentConfig{}) {
		out.ExperimentConfig = &spec.ExperimentConfig
	}
	return out
}

// TrainingJobSummary is one ListTrainingJobs entry.
type TrainingJobSummary struct {
	TrainingJobName   string
	TrainingJobArn    string
	TrainingJobStatus string
	SecondaryStatus   string
	CreationTime      time.Time
	TrainingEndTime   time.Time
	LastModifiedTime  time.Time
}
