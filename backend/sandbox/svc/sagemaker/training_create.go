package sagemaker

import (
	"context"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// CreateTrainingJob's request shapes carry their own required members;
// the world checks the rest (name pattern, image, S3 URIs, instance type).

type CreateTrainingJobInput struct {
	TrainingJobName                       string `aws:",required"`
	AlgorithmSpecification                *AlgorithmSpecification
	RoleArn                               string `aws:",required"`
	InputDataConfig                       []Channel
	OutputDataConfig                      *OutputDataConfig `aws:",required"`
	ResourceConfig                        *world.ResourceConfig
	StoppingCondition                     *world.StoppingCondition
	HyperParameters                       map[string]string
	Environment                           map[string]string
	EnableNetworkIsolation                bool
	EnableInterContainerTrafficEncryption bool
	EnableManagedSpotTraining             bool
	ExperimentConfig                      *world.ExperimentConfig
	Tags                                  []Tag
}

type AlgorithmSpecification struct {
	TrainingImage                    string
	AlgorithmName                    string
	TrainingInputMode                string `aws:",required"`
	MetricDefinitions                []MetricDefinition
	EnableSageMakerMetricsTimeSeries bool
}

type MetricDefinition struct {
	Name  string `aws:",required"`
	Regex string `aws:",required"`
}

type Channel struct {
	ChannelName     string      `aws:",required"`
	DataSource      *DataSource `aws:",required"`
	ContentType     string
	CompressionType string
	InputMode       string
}

type DataSource struct {
	S3DataSource *S3DataSource
}

type S3DataSource struct {
	S3DataType             string `aws:",required"`
	S3Uri                  string `aws:",required"`
	S3DataDistributionType string
}

type OutputDataConfig struct {
	S3OutputPath string `aws:",required"`
	KmsKeyId     string
}

type CreateTrainingJobOutput struct {
	TrainingJobArn string
}

// createTrainingJob is `aws sagemaker create-training-job --cli-input-json file://job.json`.
// The job then runs on the world's clock: Starting, Downloading, Training,
// Uploading, and ends Completed (or Failed at the scenario's rate).
func (h handlers) createTrainingJob(_ context.Context, call *server.Call, in *CreateTrainingJobInput) (*CreateTrainingJobOutput, error) {
	req, err := in.toWorld()
	if err != nil {
		return nil, err
	}
	arn := h.w.TrainingJobArn(in.TrainingJobName)
	if err := call.Authorize(arn, projectOf(req.Tags)); err != nil {
		return nil, err
	}
	arn, err = h.w.CreateTrainingJob(req)
	if err != nil {
		return nil, fromWorld(err, nil)
	}
	return &CreateTrainingJobOutput{TrainingJobArn: arn}, nil
}

// toWorld checks what the struct tags cannot and builds the world's request.
func (in *CreateTrainingJobInput) toWorld() (world.CreateTrainingJobInput, error) {
	if in.AlgorithmSpecification == nil {
		return world.CreateTrainingJobInput{}, missing("algorithmSpecification")
	}
	if in.ResourceConfig == nil {
		return world.CreateTrainingJobInput{}, missing("resourceConfig")
	}
	a := in.AlgorithmSpecification
	for _, err := range []error{
		checkEnum("algorithmSpecification.trainingInputMode", a.TrainingInputMode, "Pipe", "File", "FastFile"),
		checkLen("hyperParameters", len(in.HyperParameters), 100),
		checkLen("tags", len(in.Tags), 50),
		checkLen("algorithmSpecification.metricDefinitions", len(a.MetricDefinitions), 40),
		checkLen("inputDataConfig", len(in.InputDataConfig), 20),
	} {
		if err != nil {
			return world.CreateTrainingJobInput{}, err
		}
	}
	if a.TrainingImage == "" && a.AlgorithmName != "" {
		return world.CreateTrainingJobInput{}, server.ValidationException("Algorithm %s is not available in the sandbox: give a TrainingImage.", a.AlgorithmName)
	}
	spec := world.TrainingJobSpec{
		AlgorithmSpecification: world.AlgorithmSpecification{
			TrainingImage: a.TrainingImage, TrainingInputMode: a.TrainingInputMode,
			EnableSageMakerMetricsTimeSeries: a.EnableSageMakerMetricsTimeSeries,
		},
		RoleArn:                               in.RoleArn,
		OutputDataConfig:                      world.OutputDataConfig{S3OutputPath: in.OutputDataConfig.S3OutputPath, KmsKeyId: in.OutputDataConfig.KmsKeyId},
		ResourceConfig:                        *in.ResourceConfig,
		HyperParameters:                       in.HyperParameters,
		Environment:                           in.Environment,
		EnableNetworkIsolation:                in.EnableNetworkIsolation,
		EnableInterContainerTrafficEncryption: in.EnableInterContainerTrafficEncryption,
		EnableManagedSpotTraining:             in.EnableManagedSpotTraining,
		Tags:                                  toWorldTags(in.Tags),
	}
	if in.StoppingCondition != nil {
		spec.StoppingCondition = *in.StoppingCondition
	}
	if in.ExperimentConfig != nil {
		spec.ExperimentConfig = *in.ExperimentConfig
	}
	for _, d := range a.MetricDefinitions {
		spec.AlgorithmSpecification.MetricDefinitions = append(spec.AlgorithmSpecification.MetricDefinitions, world.MetricDefinition{Name: d.Name, Regex: d.Regex})
	}
	for i, c := range in.InputDataConfig {
		ch := world.Channel{ChannelName: c.ChannelName, ContentType: c.ContentType, CompressionType: c.CompressionType, InputMode: c.InputMode}
		if err := checkEnum("inputDataConfig.member.compressionType", c.CompressionType, "None", "Gzip"); err != nil {
			return world.CreateTrainingJobInput{}, err
		}
		if s := c.DataSource.S3DataSource; s != nil {
			for _, err := range []error{
				checkEnum("inputDataConfig.member.dataSource.s3DataSource.s3DataType", s.S3DataType, "ManifestFile", "S3Prefix", "AugmentedManifestFile", "Converse"),
				checkEnum("inputDataConfig.member.dataSource.s3DataSource.s3DataDistributionType", s.S3DataDistributionType, "FullyReplicated", "ShardedByS3Key"),
			} {
				if err != nil {
					return world.CreateTrainingJobInput{}, err
				}
			}
			ch.DataSource.S3DataSource = &world.S3DataSource{S3DataType: s.S3DataType, S3Uri: s.S3Uri, S3DataDistributionType: s.S3DataDistributionType}
		} else {
			return world.CreateTrainingJobInput{}, server.ValidationException("InputDataConfig[%d] (%s): the sandbox reads training data from S3 only: give DataSource.S3DataSource.", i, c.ChannelName)
		}
		spec.InputDataConfig = append(spec.InputDataConfig, ch)
	}
	return world.CreateTrainingJobInput{TrainingJobName: in.TrainingJobName, TrainingJobSpec: spec}, nil
}

// checkLen refuses a list or map longer than max, as AWS words it.
func checkLen(member string, n, max int) error {
	if n <= max {
		return nil
	}
	return server.ValidationException("1 validation error detected: Value at '%s' failed to satisfy constraint: Member must have length less than or equal to %d", member, max)
}
