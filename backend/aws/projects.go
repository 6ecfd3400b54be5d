package aws

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

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

// DescribeProject reads a project with its creator and template.
// aws sagemaker describe-project --project-name NAME
func (a *Account) DescribeProject(ctx context.Context, name string) (domain.Project, error) {
	d, err := a.SageMaker.DescribeProject(ctx, &sagemaker.DescribeProjectInput{ProjectName: sdk.String(name)})
	if err != nil {
		return domain.Project{}, err
	}
	p := domain.Project{
		Name: str(d.ProjectName), ID: str(d.ProjectId), ARN: str(d.ProjectArn), Status: string(d.ProjectStatus),
		Description: str(d.ProjectDescription), CreatedAt: tm(d.CreationTime),
	}
	if d.CreatedBy != nil {
		p.CreatedBy = str(d.CreatedBy.UserProfileName)
		if p.CreatedBy == "" && d.CreatedBy.IamIdentity != nil {
			p.CreatedBy = str(d.CreatedBy.IamIdentity.Arn)
		}
	}
	if d.ServiceCatalogProvisioningDetails != nil {
		p.Template = str(d.ServiceCatalogProvisioningDetails.ProductId)
	}
	return p, nil
}
