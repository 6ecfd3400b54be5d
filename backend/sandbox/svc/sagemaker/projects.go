package sagemaker

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Projects: SageMaker Projects made from the agencies' MLOps templates.

type ListProjectsInput struct {
	CreationTimeAfter  *time.Time
	CreationTimeBefore *time.Time
	NameContains       *string
	SortBy             string
	SortOrder          string
	MaxResults         *int32
	NextToken          *string
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
	if err := checkEnum("sortBy", in.SortBy, "Name", "CreationTime"); err != nil {
		return nil, err
	}
	if err := checkEnum("sortOrder", in.SortOrder, sortOrders...); err != nil {
		return nil, err
	}
	var items []ProjectSummary
	for _, p := range h.w.Projects() {
		if !containsFold(p.ProjectName, in.NameContains) || !within(p.CreationTime, in.CreationTimeAfter, in.CreationTimeBefore) {
			continue
		}
		items = append(items, ProjectSummary{ProjectName: p.ProjectName, ProjectDescription: p.ProjectDescription, ProjectArn: p.ProjectArn,
			ProjectId: p.ProjectId, ProjectStatus: p.ProjectStatus, CreationTime: p.CreationTime})
	}
	sortItems(items, descending(in.SortOrder, "Ascending"), func(a, b ProjectSummary) int {
		if in.SortBy == "Name" {
			return byName(a.ProjectName, b.ProjectName, a.CreationTime, b.CreationTime)
		}
		return byTime(a.CreationTime, b.CreationTime, a.ProjectName, b.ProjectName)
	})
	page, err := pageOf("ListProjects", items, in.NextToken, in.MaxResults, 10, 1, 100)
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
	return &DescribeProjectOutput{
		ProjectArn: p.ProjectArn, ProjectName: p.ProjectName, ProjectId: p.ProjectId, ProjectDescription: p.ProjectDescription,
		ProjectStatus: p.ProjectStatus, ServiceCatalogProvisioningDetails: &p.ServiceCatalogProvisioningDetails,
		ServiceCatalogProvisionedProductDetails: &p.ServiceCatalogProvisionedProductDetails,
		CreatedBy:                               &p.CreatedBy, CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime,
	}, nil
}
