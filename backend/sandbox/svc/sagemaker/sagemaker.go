// Package sagemaker serves Amazon SageMaker (awsJson1_1, X-Amz-Target
// prefix "SageMaker", signing name "sagemaker") over the sandbox's world:
// Studio domains, user profiles, apps and spaces; projects; tags and
// Search; training and processing jobs; pipelines and their executions; the
// model registry; endpoints, endpoint configs and models.
//
// Each handler names its AWS CLI equivalent. Handlers of mutating
// operations call Call.Authorize with the resource's ARN and its project
// (the sagemaker:project-name tag) before they change anything, so that a
// data scientist cannot stop another project's job and IAM's role table
// decides who may approve a model.
package sagemaker

import (
	"github.com/agdash/agdash/backend/sandbox/iam"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// projectTag is the MLOps template's tag that names a resource's project.
const projectTag = "sagemaker:project-name"

// handlers serve SageMaker's operations over one world.
type handlers struct {
	w *world.World
}

// Service is SageMaker as the sandbox serves it.
func Service(w *world.World) server.Service {
	h := handlers{w: w}
	return server.Service{
		Name:        "SageMaker",
		SigningName: "sagemaker",
		IAMPrefix:   "sagemaker",
		Protocols:   []server.Protocol{server.AWSJSON{Version: "1.1", TargetPrefix: "SageMaker"}},
		Ops: []server.Op{
			server.Operation("ListDomains", h.listDomains),
			server.Operation("DescribeDomain", h.describeDomain),
			server.Operation("ListUserProfiles", h.listUserProfiles),
			server.Operation("DescribeUserProfile", h.describeUserProfile),
			server.Operation("ListApps", h.listApps),
			server.Operation("ListSpaces", h.listSpaces),
			server.Operation("ListProjects", h.listProjects),
			server.Operation("DescribeProject", h.describeProject),
			server.Operation("ListTags", h.listTags),
			server.Operation("AddTags", h.addTags),
			server.Operation("DeleteTags", h.deleteTags),
			server.Operation("Search", h.search),
			server.Operation("ListTrainingJobs", h.listTrainingJobs),
			server.Operation("DescribeTrainingJob", h.describeTrainingJob),
			server.Operation("CreateTrainingJob", h.createTrainingJob),
			server.Operation("StopTrainingJob", h.stopTrainingJob),
			server.Operation("ListProcessingJobs", h.listProcessingJobs),
			server.Operation("DescribeProcessingJob", h.describeProcessingJob),
			server.Operation("ListPipelines", h.listPipelines),
			server.Operation("DescribePipeline", h.describePipeline),
			server.Operation("ListPipelineExecutions", h.listPipelineExecutions),
			server.Operation("DescribePipelineExecution", h.describePipelineExecution),
			server.Operation("DescribePipelineDefinitionForExecution", h.describePipelineDefinitionForExecution),
			server.Operation("ListPipelineExecutionSteps", h.listPipelineExecutionSteps),
			server.Operation("ListPipelineParametersForExecution", h.listPipelineParametersForExecution),
			server.Operation("StartPipelineExecution", h.startPipelineExecution),
			server.Operation("StopPipelineExecution", h.stopPipelineExecution),
			server.Operation("RetryPipelineExecution", h.retryPipelineExecution),
			server.Operation("ListModelPackageGroups", h.listModelPackageGroups),
			server.Operation("DescribeModelPackageGroup", h.describeModelPackageGroup),
			server.Operation("ListModelPackages", h.listModelPackages),
			server.Operation("DescribeModelPackage", h.describeModelPackage),
			server.Operation("UpdateModelPackage", h.updateModelPackage),
			server.Operation("ListEndpoints", h.listEndpoints),
			server.Operation("DescribeEndpoint", h.describeEndpoint),
			server.Operation("ListEndpointConfigs", h.listEndpointConfigs),
			server.Operation("DescribeEndpointConfig", h.describeEndpointConfig),
			server.Operation("ListModels", h.listModels),
			server.Operation("DescribeModel", h.describeModel),
		},
	}
}

// callerOf is who the world records as having made a change.
func callerOf(p iam.Principal) world.Caller {
	return world.Caller{UserProfileName: p.UserProfile, DomainId: p.DomainID, Arn: p.ARN}
}

// projectOf is the project a resource's tags name, or "" for none.
func projectOf(tags []world.Tag) string {
	v, _ := world.TagValue(tags, projectTag)
	return v
}
