package aws

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// Projects lists the SageMaker Projects (without tags or creator).
// aws sagemaker list-projects
func (a *Account) Projects(ctx context.Context) ([]domain.Project, error) {
	var out []domain.Project
	p := sagemaker.NewListProjectsPaginator(a.SageMaker, &sagemaker.ListProjectsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.ProjectSummaryList {
			out = append(out, domain.Project{
				Name: str(s.ProjectName), ID: str(s.ProjectId), ARN: str(s.ProjectArn),
				Status: string(s.ProjectStatus), Description: str(s.ProjectDescription), CreatedAt: tm(s.CreationTime),
			})
		}
	}
	return out, nil
}

// DescribeProject reads a project with its creator and template (by its
// product id).
// aws sagemaker describe-project --project-name NAME
func (a *Account) DescribeProject(ctx context.Context, name string) (domain.Project, error) {
	d, err := a.SageMaker.DescribeProject(ctx, &sagemaker.DescribeProjectInput{ProjectName: sdk.String(name)})
	if err != nil {
		return domain.Project{}, err
	}
	return projectOf(d.ProjectName, d.ProjectId, d.ProjectArn, d.ProjectStatus, d.ProjectDescription,
		d.CreationTime, d.CreatedBy, d.ServiceCatalogProvisioningDetails, nil), nil
}

// projectOf builds a project from the members DescribeProject and Search
// share.
func projectOf(name, id, arn *string, status types.ProjectStatus, description *string, created *time.Time,
	by *types.UserContext, sc *types.ServiceCatalogProvisioningDetails, tags map[string]string) domain.Project {
	p := domain.Project{
		Name: str(name), ID: str(id), ARN: str(arn), Status: string(status),
		Description: str(description), CreatedAt: tm(created), Tags: tags,
	}
	if by != nil {
		p.CreatedBy = str(by.UserProfileName)
		if p.CreatedBy == "" && by.IamIdentity != nil {
			p.CreatedBy = str(by.IamIdentity.Arn)
		}
	}
	if sc != nil {
		// Named by its id until the backend asks Service Catalog for the
		// name (see Account.ProductName).
		p.TemplateID = str(sc.ProductId)
		p.Template = p.TemplateID
	}
	return p
}
