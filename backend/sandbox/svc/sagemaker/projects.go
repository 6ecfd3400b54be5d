package sagemaker

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Projects: SageMaker Projects made from the agencies' MLOps templates.

type ListProjectsInput struct {
	listQuery
}

type ProjectSummary struct {
	ProjectName        string
	ProjectDescription string
	ProjectArn         string
	ProjectId          string
	ProjectStatus      string
	CreationTime       time.Time
}

type ListProjectsOutput struct {
	ProjectSummaryList []ProjectSummary
	NextToken          *string
}

// listProjects is `aws sagemaker list-projects`.
func (h handlers) listProjects(_ context.Context, _ *server.Call, in *ListProjectsInput) (*ListProjectsOutput, error) {
	var items []ProjectSummary
	for _, p := range h.w.Projects() {
		items = append(items, ProjectSummary{ProjectName: p.ProjectName, ProjectDescription: p.ProjectDescription, ProjectArn: p.ProjectArn,
			ProjectId: p.ProjectId, ProjectStatus: p.ProjectStatus, CreationTime: p.CreationTime})
	}
	spec := listSpec{op: "ListProjects", sortBy: []string{"Name", "CreationTime"}, defaultOrder: "Ascending"}
	page, err := listNamed(spec, in.listQuery, items, func(p ProjectSummary) listKey {
		return listKey{name: p.ProjectName, created: p.CreationTime}
	})
	if err != nil {
		return nil, err
	}
	return &ListProjectsOutput{ProjectSummaryList: page.Items, NextToken: page.Next}, nil
}

type DescribeProjectInput struct {
	ProjectName string `aws:",required"`
}

type DescribeProjectOutput struct {
	ProjectArn                              string
	ProjectName                             string
	ProjectId                               string
	ProjectDescription                      string
	ProjectStatus                           string
	ServiceCatalogProvisioningDetails       *world.ServiceCatalogProvisioningDetails
	ServiceCatalogProvisionedProductDetails *world.ServiceCatalogProvisionedProductDetails
	CreatedBy                               *world.UserContext
	CreationTime                            time.Time
	LastModifiedTime                        time.Time
}

// describeProject is `aws sagemaker describe-project --project-name NAME`.
func (h handlers) describeProject(_ context.Context, _ *server.Call, in *DescribeProjectInput) (*DescribeProjectOutput, error) {
	p, err := h.w.Project(in.ProjectName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("Project %s does not exist.", in.ProjectName)
		})
	}
	out := projectOut(p)
	return &out, nil
}

func projectOut(p world.Project) DescribeProjectOutput {
	return DescribeProjectOutput{
		ProjectArn: p.ProjectArn, ProjectName: p.ProjectName, ProjectId: p.ProjectId, ProjectDescription: p.ProjectDescription,
		ProjectStatus: p.ProjectStatus, ServiceCatalogProvisioningDetails: &p.ServiceCatalogProvisioningDetails,
		ServiceCatalogProvisionedProductDetails: &p.ServiceCatalogProvisionedProductDetails,
		CreatedBy:                               &p.CreatedBy, CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime,
	}
}
