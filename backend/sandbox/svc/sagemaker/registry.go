package sagemaker

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// The model registry: one model package group per project, whose versions
// the pipelines register. Approving a version (UpdateModelPackage) is the
// MLOps engineer's job and starts its deployment.

var approvalStatuses = []string{world.Approved, world.Rejected, world.PendingManualApproval}

type ListModelPackageGroupsInput struct {
	listQuery
}

type ModelPackageGroupSummary struct {
	ModelPackageGroupName        string
	ModelPackageGroupArn         string
	ModelPackageGroupDescription string
	ModelPackageGroupStatus      string
	CreationTime                 time.Time
}

type ListModelPackageGroupsOutput struct {
	ModelPackageGroupSummaryList []ModelPackageGroupSummary
	NextToken                    *string
}

// listModelPackageGroups is `aws sagemaker list-model-package-groups`.
func (h handlers) listModelPackageGroups(_ context.Context, _ *server.Call, in *ListModelPackageGroupsInput) (*ListModelPackageGroupsOutput, error) {
	var items []ModelPackageGroupSummary
	for _, g := range h.w.ModelPackageGroups() {
		items = append(items, ModelPackageGroupSummary{ModelPackageGroupName: g.ModelPackageGroupName, ModelPackageGroupArn: g.ModelPackageGroupArn,
			ModelPackageGroupDescription: g.ModelPackageGroupDescription, ModelPackageGroupStatus: g.ModelPackageGroupStatus, CreationTime: g.CreationTime})
	}
	spec := listSpec{op: "ListModelPackageGroups", sortBy: []string{"Name", "CreationTime"}, defaultOrder: "Ascending"}
	page, err := listNamed(spec, in.listQuery, items, func(g ModelPackageGroupSummary) listKey {
		return listKey{name: g.ModelPackageGroupName, created: g.CreationTime}
	})
	if err != nil {
		return nil, err
	}
	return &ListModelPackageGroupsOutput{ModelPackageGroupSummaryList: page.Items, NextToken: page.Next}, nil
}

type DescribeModelPackageGroupInput struct {
	ModelPackageGroupName string `aws:",required"`
}

type DescribeModelPackageGroupOutput struct {
	ModelPackageGroupName        string
	ModelPackageGroupArn         string
	ModelPackageGroupDescription string
	ModelPackageGroupStatus      string
	CreationTime                 time.Time
	CreatedBy                    *world.UserContext
}

// describeModelPackageGroup is `aws sagemaker describe-model-package-group --model-package-group-name NAME`.
func (h handlers) describeModelPackageGroup(_ context.Context, _ *server.Call, in *DescribeModelPackageGroupInput) (*DescribeModelPackageGroupOutput, error) {
	g, err := h.w.ModelPackageGroup(in.ModelPackageGroupName)
	if err != nil {
		return nil, fromWorld(err, func() *server.Error {
			return server.ValidationException("ModelPackageGroup %s does not exist.", in.ModelPackageGroupName)
		})
	}
	out := groupOut(g)
	return &out, nil
}

func groupOut(g world.ModelPackageGroup) DescribeModelPackageGroupOutput {
	return DescribeModelPackageGroupOutput{ModelPackageGroupName: g.ModelPackageGroupName, ModelPackageGroupArn: g.ModelPackageGroupArn,
		ModelPackageGroupDescription: g.ModelPackageGroupDescription, ModelPackageGroupStatus: g.ModelPackageGroupStatus,
		CreationTime: g.CreationTime, CreatedBy: userContext(g.CreatedBy)}
}

type ListModelPackagesInput struct {
	ModelPackageGroupName *string
	ModelApprovalStatus   string
	ModelPackageType      string
	NameContains          *string
	CreationTimeAfter     *time.Time
	CreationTimeBefore    *time.Time
	SortBy                string
	SortOrder             string
	MaxResults            *int32
	NextToken             *string
}

type ModelPackageSummary struct {
	ModelPackageName        string
	ModelPackageGroupName   string
	ModelPackageVersion     int32
	ModelPackageArn         string
	ModelPackageDescription string
	ModelPackageStatus      string
	ModelApprovalStatus     string
	CreationTime            time.Time
}

type ListModelPackagesOutput struct {
	ModelPackageSummaryList []ModelPackageSummary
	NextToken               *string
}

// listModelPackages is `aws sagemaker list-model-packages --model-package-group-name NAME`.
// Every sandbox package is a version in a group: without a group, only
// ModelPackageType Versioned or Both lists them (AWS's default is
// Unversioned).
func (h handlers) listModelPackages(_ context.Context, _ *server.Call, in *ListModelPackagesInput) (*ListModelPackagesOutput, error) {
	for _, err := range []error{
		checkEnum("modelApprovalStatus", in.ModelApprovalStatus, approvalStatuses...),
		checkEnum("modelPackageType", in.ModelPackageType, "Versioned", "Unversioned", "Both"),
		checkSort(in.SortBy, in.SortOrder, "Name", "CreationTime"),
	} {
		if err != nil {
			return nil, err
		}
	}
	var groups []string
	switch {
	case in.ModelPackageType == "Unversioned":
	case in.ModelPackageGroupName != nil:
		groups = []string{*in.ModelPackageGroupName}
	case in.ModelPackageType != "":
		for _, g := range h.w.ModelPackageGroups() {
			groups = append(groups, g.ModelPackageGroupName)
		}
	}
	items := []ModelPackageSummary{}
	for _, g := range groups {
		pkgs, err := h.w.ModelPackages(world.ModelPackageQuery{Group: g, ModelApprovalStatus: in.ModelApprovalStatus, SortOrder: world.Ascending})
		if err != nil {
			return nil, fromWorld(err, func() *server.Error {
				return server.ValidationException("ModelPackageGroup %s does not exist.", g)
			})
		}
		for _, p := range pkgs {
			if !containsFold(p.ModelPackageGroupName, in.NameContains) || !within(p.CreationTime, in.CreationTimeAfter, in.CreationTimeBefore) {
				continue
			}
			items = append(items, ModelPackageSummary{ModelPackageName: p.ModelPackageGroupName, ModelPackageGroupName: p.ModelPackageGroupName,
				ModelPackageVersion: p.ModelPackageVersion, ModelPackageArn: p.ModelPackageArn, ModelPackageDescription: p.ModelPackageDescription,
				ModelPackageStatus: p.ModelPackageStatus, ModelApprovalStatus: p.ModelApprovalStatus, CreationTime: p.CreationTime})
		}
	}
	sortItems(items, descending(in.SortOrder, "Ascending"), func(a, b ModelPackageSummary) int {
		if in.SortBy == "Name" {
			if c := strings.Compare(a.ModelPackageGroupName, b.ModelPackageGroupName); c != 0 {
				return c
			}
			return int(a.ModelPackageVersion - b.ModelPackageVersion)
		}
		return byTime(a.CreationTime, b.CreationTime, a.ModelPackageArn, b.ModelPackageArn)
	})
	page, err := pageOf("ListModelPackages", items, in.NextToken, in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	return &ListModelPackagesOutput{ModelPackageSummaryList: page.Items, NextToken: page.Next}, nil
}

type DescribeModelPackageInput struct {
	ModelPackageName string `aws:",required"`
}

type DescribeModelPackageOutput struct {
	ModelPackageName           string
	ModelPackageGroupName      string
	ModelPackageVersion        int32
	ModelPackageArn            string
	ModelPackageDescription    string
	ModelPackageStatus         string
	ModelApprovalStatus        string
	ApprovalDescription        string
	CreationTime               time.Time
	LastModifiedTime           time.Time
	CreatedBy                  *world.UserContext
	LastModifiedBy             *world.UserContext
	MetadataProperties         *world.MetadataProperties
	InferenceSpecification     *world.InferenceSpecification
	ModelMetrics               *world.ModelMetrics
	CustomerMetadataProperties map[string]string
}

func packageNotFound(name string) func() *server.Error {
	return func() *server.Error { return server.ValidationException("ModelPackage %s does not exist.", name) }
}

// describeModelPackage is `aws sagemaker describe-model-package --model-package-name ARN`:
// the version's approval, lineage (MetadataProperties.GeneratedBy names the
// pipeline execution) and the S3 URI of its evaluation report.
func (h handlers) describeModelPackage(_ context.Context, _ *server.Call, in *DescribeModelPackageInput) (*DescribeModelPackageOutput, error) {
	p, err := h.w.ModelPackage(in.ModelPackageName)
	if err != nil {
		return nil, fromWorld(err, packageNotFound(in.ModelPackageName))
	}
	out := &DescribeModelPackageOutput{
		ModelPackageName: p.ModelPackageName, ModelPackageGroupName: p.ModelPackageGroupName, ModelPackageVersion: p.ModelPackageVersion,
		ModelPackageArn: p.ModelPackageArn, ModelPackageDescription: p.ModelPackageDescription, ModelPackageStatus: p.ModelPackageStatus,
		ModelApprovalStatus: p.ModelApprovalStatus, ApprovalDescription: p.ApprovalDescription,
		CreationTime: p.CreationTime, LastModifiedTime: p.LastModifiedTime,
		CreatedBy: userContext(p.CreatedBy), LastModifiedBy: userContext(p.LastModifiedBy),
		InferenceSpecification: &p.InferenceSpecification, CustomerMetadataProperties: p.CustomerMetadataProperties,
	}
	if p.MetadataProperties != (world.MetadataProperties{}) {
		out.MetadataProperties = &p.MetadataProperties
	}
	if p.ModelMetrics.ModelQuality != nil {
		out.ModelMetrics = &p.ModelMetrics
	}
	return out, nil
}

type UpdateModelPackageInput struct {
	ModelPackageArn            string `aws:",required"`
	ModelApprovalStatus        string
	ApprovalDescription        *string
	CustomerMetadataProperties map[string]string
}

type UpdateModelPackageOutput struct {
	ModelPackageArn string
}

// updateModelPackage is
// `aws sagemaker update-model-package --model-package-arn ARN --model-approval-status Approved --approval-description TEXT`.
// IAM decides with the package's ARN and project: data scientists and
// on-call may not approve at all, MLOps engineers only in their projects.
func (h handlers) updateModelPackage(_ context.Context, call *server.Call, in *UpdateModelPackageInput) (*UpdateModelPackageOutput, error) {
	if err := checkEnum("modelApprovalStatus", in.ModelApprovalStatus, approvalStatuses...); err != nil {
		return nil, err
	}
	p, err := h.w.ModelPackage(in.ModelPackageArn)
	if err != nil {
		return nil, fromWorld(err, packageNotFound(in.ModelPackageArn))
	}
	project := projectOf(p.Tags)
	if project == "" {
		if g, err := h.w.ModelPackageGroup(p.ModelPackageGroupName); err == nil {
			project = projectOf(g.Tags)
		}
	}
	if err := call.Authorize(p.ModelPackageArn, project); err != nil {
		return nil, err
	}
	req := world.UpdateModelPackageInput{
		ModelPackageArn:            p.ModelPackageArn,
		ModelApprovalStatus:        in.ModelApprovalStatus,
		CustomerMetadataProperties: in.CustomerMetadataProperties,
		Caller:                     callerOf(call.Principal),
	}
	if in.ApprovalDescription != nil {
		req.ApprovalDescription = *in.ApprovalDescription
	}
	arn, err := h.w.UpdateModelPackage(req)
	if err != nil {
		return nil, fromWorld(err, packageNotFound(in.ModelPackageArn))
	}
	return &UpdateModelPackageOutput{ModelPackageArn: arn}, nil
}
