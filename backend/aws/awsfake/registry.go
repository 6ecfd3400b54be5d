package awsfake

import (
	"bytes"
	"context"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
)

// ModelGroup is a model package group.
type ModelGroup struct {
	Name, Description string
	Created           time.Time
	Tags              map[string]string
}

// ModelPackage is a registered model version.
type ModelPackage struct {
	Group, Approval, Note, MetricsURI, ModelDataURL, GeneratedBy string
	Version                                                      int
	Created                                                      time.Time
}

// Approval is an UpdateModelPackage request the fake received.
type Approval struct {
	ARN, Status, Note string
}

// AddModelGroups adds model package groups (and their tags).
func (f *Account) AddModelGroups(gs ...ModelGroup) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, g := range gs {
		f.groups = append(f.groups, g)
		if g.Tags != nil {
			f.tags[f.arn("model-package-group", g.Name)] = g.Tags
		}
	}
}

// AddModelPackages adds registered versions.
func (f *Account) AddModelPackages(ps ...ModelPackage) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range ps {
		p := p
		f.packages = append(f.packages, &p)
	}
	sort.SliceStable(f.packages, func(i, j int) bool { return f.packages[i].Created.After(f.packages[j].Created) })
}

// PutObject stores an S3 object at an s3:// URI.
func (f *Account) PutObject(uri string, body []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.objects[uri] = body
}

func (f *Account) packageARN(p *ModelPackage) string {
	return f.arn("model-package", p.Group+"/"+strconv.Itoa(p.Version))
}

func (f *Account) ListModelPackageGroups(ctx context.Context, in *sagemaker.ListModelPackageGroupsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListModelPackageGroupsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListModelPackageGroups"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	gs, next, err := page(f.groups, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListModelPackageGroups", err)
	}
	out := &sagemaker.ListModelPackageGroupsOutput{NextToken: next}
	for _, g := range gs {
		out.ModelPackageGroupSummaryList = append(out.ModelPackageGroupSummaryList, types.ModelPackageGroupSummary{
			ModelPackageGroupName: sdk.String(g.Name), ModelPackageGroupArn: sdk.String(f.arn("model-package-group", g.Name)),
			ModelPackageGroupDescription: sdk.String(g.Description), CreationTime: sdk.Time(g.Created),
			ModelPackageGroupStatus: types.ModelPackageGroupStatusCompleted,
		})
	}
	return out, nil
}

func (f *Account) ListModelPackages(ctx context.Context, in *sagemaker.ListModelPackagesInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListModelPackagesOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListModelPackages"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []*ModelPackage
	for _, p := range f.packages {
		if g := sdk.ToString(in.ModelPackageGroupName); g == "" || p.Group == g {
			matched = append(matched, p)
		}
	}
	ps, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListModelPackages", err)
	}
	out := &sagemaker.ListModelPackagesOutput{NextToken: next}
	for _, p := range ps {
		out.ModelPackageSummaryList = append(out.ModelPackageSummaryList, types.ModelPackageSummary{
			ModelPackageGroupName: sdk.String(p.Group), ModelPackageVersion: sdk.Int32(int32(p.Version)),
			ModelPackageArn: sdk.String(f.packageARN(p)), CreationTime: sdk.Time(p.Created),
			ModelApprovalStatus: types.ModelApprovalStatus(p.Approval), ModelPackageStatus: types.ModelPackageStatusCompleted,
		})
	}
	return out, nil
}

func (f *Account) packageLocked(arn string) *ModelPackage {
	for _, p := range f.packages {
		if f.packageARN(p) == arn {
			return p
		}
	}
	return nil
}

func (f *Account) DescribeModelPackage(ctx context.Context, in *sagemaker.DescribeModelPackageInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeModelPackageOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeModelPackage"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.packageLocked(sdk.ToString(in.ModelPackageName))
	if p == nil {
		return nil, wrap("sagemaker", "DescribeModelPackage", notFound("Model package"))
	}
	out := &sagemaker.DescribeModelPackageOutput{
		ModelPackageGroupName: sdk.String(p.Group), ModelPackageVersion: sdk.Int32(int32(p.Version)),
		ModelPackageArn: sdk.String(f.packageARN(p)), CreationTime: sdk.Time(p.Created), LastModifiedTime: sdk.Time(p.Created),
		ModelApprovalStatus: types.ModelApprovalStatus(p.Approval), ApprovalDescription: sdk.String(p.Note),
		ModelPackageStatus: types.ModelPackageStatusCompleted,
		MetadataProperties: &types.MetadataProperties{GeneratedBy: sdk.String(p.GeneratedBy)},
		InferenceSpecification: &types.InferenceSpecification{Containers: []types.ModelPackageContainerDefinition{
			{Image: sdk.String("ag/r-plumber:latest"), ModelDataUrl: sdk.String(p.ModelDataURL)},
		}},
	}
	if p.MetricsURI != "" {
		out.ModelMetrics = &types.ModelMetrics{ModelQuality: &types.ModelQuality{
			Statistics: &types.MetricsSource{S3Uri: sdk.String(p.MetricsURI), ContentType: sdk.String("application/json")},
		}}
	}
	return out, nil
}

func (f *Account) UpdateModelPackage(ctx context.Context, in *sagemaker.UpdateModelPackageInput, _ ...func(*sagemaker.Options)) (*sagemaker.UpdateModelPackageOutput, error) {
	if err := f.call(ctx, "sagemaker", "UpdateModelPackage"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	arn := sdk.ToString(in.ModelPackageArn)
	p := f.packageLocked(arn)
	if p == nil {
		return nil, wrap("sagemaker", "UpdateModelPackage", notFound("Model package"))
	}
	p.Approval, p.Note = string(in.ModelApprovalStatus), sdk.ToString(in.ApprovalDescription)
	f.Approvals = append(f.Approvals, Approval{ARN: arn, Status: p.Approval, Note: p.Note})
	return &sagemaker.UpdateModelPackageOutput{ModelPackageArn: sdk.String(arn)}, nil
}

func (f *Account) GetObject(ctx context.Context, in *s3.GetObjectInput, _ ...func(*s3.Options)) (*s3.GetObjectOutput, error) {
	if err := f.call(ctx, "s3", "GetObject"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	body, ok := f.objects["s3://"+sdk.ToString(in.Bucket)+"/"+sdk.ToString(in.Key)]
	if !ok {
		return nil, wrap("s3", "GetObject", APIError("NoSuchKey", "The specified key does not exist."))
	}
	return &s3.GetObjectOutput{Body: io.NopCloser(bytes.NewReader(body)), ContentLength: sdk.Int64(int64(len(body)))}, nil
}

func (f *Account) ListObjectsV2(ctx context.Context, in *s3.ListObjectsV2Input, _ ...func(*s3.Options)) (*s3.ListObjectsV2Output, error) {
	if err := f.call(ctx, "s3", "ListObjectsV2"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	prefix := "s3://" + sdk.ToString(in.Bucket) + "/" + sdk.ToString(in.Prefix)
	out := &s3.ListObjectsV2Output{}
	var keys []string
	for uri := range f.objects {
		if strings.HasPrefix(uri, prefix) {
			keys = append(keys, strings.TrimPrefix(uri, "s3://"+sdk.ToString(in.Bucket)+"/"))
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		out.Contents = append(out.Contents, s3types.Object{Key: sdk.String(k)})
	}
	return out, nil
}
