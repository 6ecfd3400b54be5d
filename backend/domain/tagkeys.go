package domain

import "strings"

// TagKeys are the tag names that carry AG's concepts on AWS resources.
// Agencies may rename them in the config file.
type TagKeys struct {
	Role              string `yaml:"role"`               // user profile: the AG role
	Projects          string `yaml:"projects"`           // user profile: space-separated project names
	TrainingInstances string `yaml:"training_instances"` // project: allowed training instance types
	EndpointInstances string `yaml:"endpoint_instances"` // project: allowed endpoint instance types
	NotebookInstances string `yaml:"notebook_instances"` // project: allowed notebook/app instance types
	S3Access          string `yaml:"s3_access"`          // project: bucket or access point names
	ProjectName       string `yaml:"project_name"`       // any resource: its project's name
	ProjectID         string `yaml:"project_id"`         // any resource: its project's id
	Stage             string `yaml:"stage"`              // endpoint: prod or staging
}

// DefaultTagKeys are the keys shared/DESIGN.md names.
func DefaultTagKeys() TagKeys {
	return TagKeys{
		Role:              "ag:role",
		Projects:          "ag:projects",
		TrainingInstances: "ag:training-instance-types",
		EndpointInstances: "ag:endpoint-instance-types",
		NotebookInstances: "ag:notebook-instance-types",
		S3Access:          "ag:s3-access",
		ProjectName:       "sagemaker:project-name",
		ProjectID:         "sagemaker:project-id",
		Stage:             "ag:stage",
	}
}

// SplitTagList splits a space-separated tag value (AWS tag values may not
// contain commas) into its items, dropping empties.
func SplitTagList(v string) []string {
	return strings.Fields(v)
}

// TagPipelineExecutionARN is the tag SageMaker Pipelines puts on the jobs a
// pipeline step starts: the execution that started them. DescribeTrainingJob
// has no such member, so the tag is how a job leads to its pipeline run.
const TagPipelineExecutionARN = "sagemaker:pipeline-execution-arn"
