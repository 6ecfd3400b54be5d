package iam

import (
	"fmt"
	"slices"
	"strings"
)

// invokeActions are the ways to send a request to a SageMaker endpoint.
var invokeActions = []string{
	"sagemaker:InvokeEndpoint",
	"sagemaker:InvokeEndpointAsync",
	"sagemaker:InvokeEndpointWithResponseStream",
}

// roleMutations lists, per role, the mutating actions its policy allows on
// top of read-only access to everything. The project admin is absent: it may
// call every action.
var roleMutations = map[AGRole][]string{
	RoleOnCall: invokeActions,
	RoleDataScientist: append(slices.Clone(invokeActions),
		"sagemaker:CreateTrainingJob",
		"sagemaker:StopTrainingJob",
		"sagemaker:StartPipelineExecution",
		"sagemaker:StopPipelineExecution",
		"sagemaker:RetryPipelineExecution",
	),
	RoleMLOpsEngineer: append(slices.Clone(invokeActions),
		"sagemaker:CreateTrainingJob",
		"sagemaker:StopTrainingJob",
		"sagemaker:StartPipelineExecution",
		"sagemaker:StopPipelineExecution",
		"sagemaker:RetryPipelineExecution",
		"sagemaker:UpdateModelPackage",
	),
}

// withheldReads lists, per role, the reads its policy does not grant,
// though the role reads everything else. On-call staff are not Studio
// users, and AG grants Service Catalog (where the projects' MLOps
// templates are products) to the Studio roles only: on-call sees a
// template by its product id, not its name.
var withheldReads = map[AGRole][]string{
	RoleOnCall: {"servicecatalog:DescribeProduct"},
}

// Allowed decides, as IAM would for AG's role policies, whether p may call
// service:operation on a resource that belongs to resourceProject ("" when
// the resource has no project or is not known yet). service is the IAM
// prefix, e.g. "sagemaker". The reason says why, in words, either way.
//
// Every role reads everything but its withheldReads. Mutations are allowed
// per role (see roleMutations); a project admin may do anything. A mutation by any role
// but project admin is limited to resources of the principal's own projects,
// as an aws:ResourceTag/sagemaker:project-name condition would limit it; a
// principal with no projects listed belongs to all of them.
func Allowed(p Principal, service, operation, resourceProject string) (bool, string) {
	action := service + ":" + operation
	if p.Role == RoleProjectAdmin {
		return true, "project-admin may perform every action"
	}
	granted, known := roleMutations[p.Role]
	if !known {
		return false, fmt.Sprintf("principal %s has unknown role %q", p.ARN, p.Role)
	}
	if IsReadOnly(service, operation) {
		if slices.Contains(withheldReads[p.Role], action) {
			return false, fmt.Sprintf("%s may read everything but %s", p.Role, action)
		}
		return true, fmt.Sprintf("%s may read everything", p.Role)
	}
	if !slices.Contains(granted, action) {
		return false, fmt.Sprintf("%s may not perform %s", p.Role, action)
	}
	if resourceProject != "" && len(p.Projects) > 0 && !slices.Contains(p.Projects, resourceProject) {
		return false, fmt.Sprintf("%s may perform %s only on resources of projects %s, not %s",
			p.Role, action, strings.Join(p.Projects, ", "), resourceProject)
	}
	return true, fmt.Sprintf("%s may perform %s", p.Role, action)
}

// DenyMessage is the message AWS gives when IAM refuses action (e.g.
// "sagemaker:UpdateModelPackage") on resource (an ARN, or "*").
func DenyMessage(p Principal, action, resource string) string {
	return fmt.Sprintf("User: %s is not authorized to perform: %s on resource: %s because no identity-based policy allows the %s action",
		p.ARN, action, resource, action)
}
