package aws

import (
	"context"
	"strings"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// ModelGroups lists the model package groups (counts are filled by the caller).
// aws sagemaker list-model-package-groups
func (a *Account) ModelGroups(ctx context.Context) ([]domain.ModelGroup, error) {
	var out []domain.ModelGroup
	p := sagemaker.NewListModelPackageGroupsPaginator(a.SageMaker, &sagemaker.ListModelPackageGroupsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, g := range page.ModelPackageGroupSummaryList {
			out = append(out, domain.ModelGroup{
				Name: str(g.ModelPackageGroupName), ARN: str(g.ModelPackageGroupArn),
				Description: str(g.ModelPackageGroupDescription), CreatedAt: tm(g.CreationTime),
			})
		}
	}
	return out, nil
}

// ModelVersions lists registered versions, newest first: of one group, or
// of every group when group is "" (one paged call serves all groups' counts).
// aws sagemaker list-model-packages --model-package-type Versioned [--model-package-group-name GROUP] --sort-by CreationTime --sort-order Descending
func (a *Account) ModelVersions(ctx context.Context, group string) ([]domain.ModelVersion, error) {
	in := &sagemaker.ListModelPackagesInput{
		ModelPackageType: types.ModelPackageTypeVersioned, SortBy: types.ModelPackageSortByCreationTime,
		SortOrder: types.SortOrderDescending, MaxResults: sdk.Int32(100),
	}
	if group != "" {
		in.ModelPackageGroupName = sdk.String(group)
	}
	var out []domain.ModelVersion
	p := sagemaker.NewListModelPackagesPaginator(a.SageMaker, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.ModelPackageSummaryList {
			out = append(out, domain.ModelVersion{
				Group: str(s.ModelPackageGroupName), Version: i32(s.ModelPackageVersion), ARN: str(s.ModelPackageArn),
				CreatedAt: tm(s.CreationTime), Approval: string(s.ModelApprovalStatus), Status: string(s.ModelPackageStatus),
				Description: str(s.ModelPackageDescription),
			})
		}
	}
	return out, nil
}

// DescribeModelVersion reads a version in full: approval note, evaluation
// report location and lineage.
// aws sagemaker describe-model-package --model-package-name ARN
func (a *Account) DescribeModelVersion(ctx context.Context, arn string) (domain.ModelVersion, error) {
	d, err := a.SageMaker.DescribeModelPackage(ctx, &sagemaker.DescribeModelPackageInput{ModelPackageName: sdk.String(arn)})
	if err != nil {
		return domain.ModelVersion{}, err
	}
	v := domain.ModelVersion{
		Group: str(d.ModelPackageGroupName), Version: i32(d.ModelPackageVersion), ARN: str(d.ModelPackageArn),
		CreatedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime), Approval: string(d.ModelApprovalStatus),
		ApprovalNote: str(d.ApprovalDescription), Status: string(d.ModelPackageStatus),
		Description: str(d.ModelPackageDescription), CreatedBy: userContextName(d.CreatedBy),
		ModifiedBy: userContextName(d.LastModifiedBy), Detailed: true,
	}
	if m := d.ModelMetrics; m != nil {
		switch {
		case m.ModelQuality != nil && m.ModelQuality.Statistics != nil:
			v.MetricsURI = str(m.ModelQuality.Statistics.S3Uri)
		case m.ModelDataQuality != nil && m.ModelDataQuality.Statistics != nil:
			v.MetricsURI = str(m.ModelDataQuality.Statistics.S3Uri)
		}
	}
	if mp := d.MetadataProperties; mp != nil {
		v.Lineage.PipelineExecutionARN = str(mp.GeneratedBy)
		v.Lineage.ProjectID = str(mp.ProjectId)
		if name := PipelineOfExecution(v.Lineage.PipelineExecutionARN); name != "" {
			v.Lineage.PipelineName = name
		}
	}
	if spec := d.InferenceSpecification; spec != nil && len(spec.Containers) > 0 {
		c := spec.Containers[0]
		v.Lineage.Image = str(c.Image)
		v.Lineage.ModelDataURL = str(c.ModelDataUrl)
		v.Lineage.TrainingJobName = trainingJobOfArtifact(v.Lineage.ModelDataURL)
	}
	return v, nil
}

// SetModelApproval approves or rejects a version, with a note.
// aws sagemaker update-model-package --model-package-arn ARN --model-approval-status STATUS --approval-description NOTE
func (a *Account) SetModelApproval(ctx context.Context, arn, status, note string) error {
	_, err := a.SageMaker.UpdateModelPackage(ctx, &sagemaker.UpdateModelPackageInput{
		ModelPackageArn: sdk.String(arn), ModelApprovalStatus: types.ModelApprovalStatus(status),
		ApprovalDescription: sdk.String(note),
	})
	return err
}

func userContextName(u *types.UserContext) string {
	if u == nil {
		return ""
	}
	if n := str(u.UserProfileName); n != "" {
		return n
	}
	if u.IamIdentity != nil {
		p, _ := ParseCallerARN(str(u.IamIdentity.Arn))
		return p
	}
	return ""
}

// PipelineOfExecution reads the pipeline name from an execution ARN:
// arn:aws:sagemaker:R:A:pipeline/NAME/execution/ID -> NAME.
func PipelineOfExecution(arn string) string {
	return segmentAfter(arn, ":pipeline/")
}

// trainingJobOfArtifact reads the job name from a model artefact a
// training job wrote: s3://bucket/prefix/JOB/output/model.tar.gz.
func trainingJobOfArtifact(uri string) string {
	parts := strings.Split(uri, "/")
	for i := len(parts) - 1; i > 3; i-- { // parts[2] is the bucket
		if parts[i] == "output" {
			return parts[i-1]
		}
	}
	return ""
}
