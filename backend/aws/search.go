package aws

import (
	"context"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// SageMaker Search returns a resource in full with its tags: one page of
// up to 100 answers what a Describe and a ListTags per resource would. Its
// index lags behind the resources by seconds to minutes, so agdash uses it
// to fill in what the strongly consistent List calls name, not to decide
// what exists.

// SearchProjects returns every project in full (creator, template) with
// its tags.
// aws sagemaker search --resource Project
func (a *Account) SearchProjects(ctx context.Context) ([]domain.Project, error) {
	var out []domain.Project
	err := a.search(ctx, types.ResourceTypeProject, func(r types.SearchRecord) {
		if p := r.Project; p != nil {
			out = append(out, projectOf(p.ProjectName, p.ProjectId, p.ProjectArn, p.ProjectStatus, p.ProjectDescription,
				p.CreationTime, p.CreatedBy, p.ServiceCatalogProvisioningDetails, sageMakerTags(p.Tags)))
		}
	})
	return out, err
}

// SearchEndpoints returns every endpoint as DescribeEndpoint would (its
// variants' live counts, its configuration's name) with its tags.
// aws sagemaker search --resource Endpoint
func (a *Account) SearchEndpoints(ctx context.Context) ([]domain.Endpoint, error) {
	var out []domain.Endpoint
	err := a.search(ctx, types.ResourceTypeEndpoint, func(r types.SearchRecord) {
		d := r.Endpoint
		if d == nil {
			return
		}
		e := domain.Endpoint{
			Name: str(d.EndpointName), ARN: str(d.EndpointArn), Status: string(d.EndpointStatus),
			FailureReason: str(d.FailureReason), ConfigName: str(d.EndpointConfigName),
			CreatedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime), Tags: sageMakerTags(d.Tags),
		}
		for _, v := range d.ProductionVariants {
			e.Variants = append(e.Variants, variantFromSummary(v))
		}
		out = append(out, e)
	})
	return out, err
}

// SearchResource is a kind of resource whose tags SearchTags reads.
type SearchResource string

const (
	SearchPipelines   SearchResource = SearchResource(types.ResourceTypePipeline)
	SearchModelGroups SearchResource = SearchResource(types.ResourceTypeModelPackageGroup)
)

// SearchTags returns the tags of every pipeline or model package group, by
// name (a resource without tags maps to an empty map).
// aws sagemaker search --resource Pipeline|ModelPackageGroup
func (a *Account) SearchTags(ctx context.Context, resource SearchResource) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	err := a.search(ctx, types.ResourceType(resource), func(r types.SearchRecord) {
		switch {
		case r.Pipeline != nil:
			out[str(r.Pipeline.PipelineName)] = nonNil(sageMakerTags(r.Pipeline.Tags))
		case r.ModelPackageGroup != nil:
			out[str(r.ModelPackageGroup.ModelPackageGroupName)] = nonNil(sageMakerTags(r.ModelPackageGroup.Tags))
		}
	})
	return out, err
}

// search pages through every resource of a type.
func (a *Account) search(ctx context.Context, resource types.ResourceType, visit func(types.SearchRecord)) error {
	p := sagemaker.NewSearchPaginator(a.SageMaker, &sagemaker.SearchInput{Resource: resource, MaxResults: sdk.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		for _, r := range page.Results {
			visit(r)
		}
	}
	return nil
}

// SearchUnsupported reports a Search error that says this account (an
// emulator, or an IAM policy without sagemaker:Search) will not search,
// rather than "not now": the caller should read the resources one by one
// instead, and need not try Search again.
func SearchUnsupported(err error) bool {
	switch Classify(err) {
	case KindOther, KindAccessDenied, KindNotFound:
		return true
	}
	return false
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}
