package sagemaker_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestModelPackageGroups(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	want := env.World().ModelPackageGroups()
	out, err := c.ListModelPackageGroups(t.Context(), &sm.ListModelPackageGroupsInput{SortBy: types.ModelPackageGroupSortByName})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.ModelPackageGroupSummaryList) != len(want) || len(want) == 0 {
		t.Fatalf("%d groups, want %d", len(out.ModelPackageGroupSummaryList), len(want))
	}
	for i, g := range out.ModelPackageGroupSummaryList {
		w := want[i]
		wantStr(t, "ModelPackageGroupName", g.ModelPackageGroupName, w.ModelPackageGroupName)
		wantStr(t, "ModelPackageGroupArn", g.ModelPackageGroupArn, w.ModelPackageGroupArn)
		if string(g.ModelPackageGroupStatus) != w.ModelPackageGroupStatus {
			t.Errorf("%s: status %s, want %s", w.ModelPackageGroupName, g.ModelPackageGroupStatus, w.ModelPackageGroupStatus)
		}
		wantTime(t, "CreationTime", g.CreationTime, w.CreationTime)
	}
	d, err := c.DescribeModelPackageGroup(t.Context(), &sm.DescribeModelPackageGroupInput{ModelPackageGroupName: aws.String(hdbPipeline)})
	if err != nil {
		t.Fatal(err)
	}
	w, _ := env.World().ModelPackageGroup(hdbPipeline)
	wantStr(t, "ModelPackageGroupArn", d.ModelPackageGroupArn, w.ModelPackageGroupArn)
	wantStr(t, "ModelPackageGroupDescription", d.ModelPackageGroupDescription, w.ModelPackageGroupDescription)
	_, err = c.DescribeModelPackageGroup(t.Context(), &sm.DescribeModelPackageGroupInput{ModelPackageGroupName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")
}

func TestListModelPackages(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	want, err := env.World().ModelPackages(world.ModelPackageQuery{Group: hdbPipeline, SortOrder: world.Ascending})
	if err != nil {
		t.Fatal(err)
	}
	var got []types.ModelPackageSummary
	p := sm.NewListModelPackagesPaginator(c, &sm.ListModelPackagesInput{ModelPackageGroupName: aws.String(hdbPipeline), MaxResults: aws.Int32(3)})
	for p.HasMorePages() {
		out, err := p.NextPage(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, out.ModelPackageSummaryList...)
	}
	if len(got) != len(want) || len(want) < 4 {
		t.Fatalf("paged %d versions, want %d", len(got), len(want))
	}
	for i, v := range got {
		w := want[i] // ascending by creation, AWS's default
		wantStr(t, "ModelPackageArn", v.ModelPackageArn, w.ModelPackageArn)
		if aws.ToInt32(v.ModelPackageVersion) != w.ModelPackageVersion || string(v.ModelApprovalStatus) != w.ModelApprovalStatus {
			t.Errorf("version %d %s, want %d %s", aws.ToInt32(v.ModelPackageVersion), v.ModelApprovalStatus, w.ModelPackageVersion, w.ModelApprovalStatus)
		}
		wantTime(t, "CreationTime", v.CreationTime, w.CreationTime)
	}

	for _, status := range []types.ModelApprovalStatus{types.ModelApprovalStatusApproved, types.ModelApprovalStatusPendingManualApproval} {
		out, err := c.ListModelPackages(t.Context(), &sm.ListModelPackagesInput{ModelPackageGroupName: aws.String(hdbPipeline),
			ModelApprovalStatus: status, SortOrder: types.SortOrderDescending, MaxResults: aws.Int32(100)})
		if err != nil {
			t.Fatal(err)
		}
		var wantArns []string
		for i := len(want) - 1; i >= 0; i-- {
			if want[i].ModelApprovalStatus == string(status) {
				wantArns = append(wantArns, want[i].ModelPackageArn)
			}
		}
		var arns []string
		for _, v := range out.ModelPackageSummaryList {
			arns = append(arns, aws.ToString(v.ModelPackageArn))
		}
		if !slices.Equal(arns, wantArns) || len(wantArns) == 0 {
			t.Errorf("%s, newest first: %v, want %v", status, arns, wantArns)
		}
	}

	// Without a group, only Versioned (or Both) lists the registry's versions.
	none, err := c.ListModelPackages(t.Context(), &sm.ListModelPackagesInput{})
	if err != nil {
		t.Fatal(err)
	}
	if len(none.ModelPackageSummaryList) != 0 {
		t.Errorf("the default (Unversioned) listed %d packages", len(none.ModelPackageSummaryList))
	}
	all, err := c.ListModelPackages(t.Context(), &sm.ListModelPackagesInput{ModelPackageType: types.ModelPackageTypeVersioned, MaxResults: aws.Int32(100)})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, g := range env.World().ModelPackageGroups() {
		vs, _ := env.World().ModelPackages(world.ModelPackageQuery{Group: g.ModelPackageGroupName})
		total += len(vs)
	}
	if len(all.ModelPackageSummaryList) != min(total, 100) {
		t.Errorf("Versioned listed %d packages, want %d", len(all.ModelPackageSummaryList), min(total, 100))
	}
	_, err = c.ListModelPackages(t.Context(), &sm.ListModelPackagesInput{ModelPackageGroupName: aws.String("nope")})
	servertest.WantCode(t, err, "ValidationException")
}

func TestDescribeModelPackage(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "mlops-engineer")
	vs, _ := env.World().ModelPackages(world.ModelPackageQuery{Group: hdbPipeline})
	w, err := env.World().ModelPackage(vs[0].ModelPackageArn)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{w.ModelPackageArn, hdbPipeline + "/" + strconv.Itoa(int(w.ModelPackageVersion))} {
		d, err := c.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: aws.String(name)})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		wantStr(t, "ModelPackageArn", d.ModelPackageArn, w.ModelPackageArn)
		wantStr(t, "ModelPackageGroupName", d.ModelPackageGroupName, hdbPipeline)
		if aws.ToInt32(d.ModelPackageVersion) != w.ModelPackageVersion || string(d.ModelApprovalStatus) != w.ModelApprovalStatus {
			t.Errorf("version %d %s, want %d %s", aws.ToInt32(d.ModelPackageVersion), d.ModelApprovalStatus, w.ModelPackageVersion, w.ModelApprovalStatus)
		}
		if d.ModelMetrics == nil || d.ModelMetrics.ModelQuality == nil || d.ModelMetrics.ModelQuality.Statistics == nil ||
			aws.ToString(d.ModelMetrics.ModelQuality.Statistics.S3Uri) != w.ModelMetrics.ModelQuality.Statistics.S3Uri ||
			!strings.HasPrefix(w.ModelMetrics.ModelQuality.Statistics.S3Uri, "s3://") {
			t.Errorf("ModelMetrics = %+v, want statistics at %s", d.ModelMetrics, w.ModelMetrics.ModelQuality.Statistics.S3Uri)
		}
		if d.MetadataProperties == nil || aws.ToString(d.MetadataProperties.GeneratedBy) != w.MetadataProperties.GeneratedBy ||
			aws.ToString(d.MetadataProperties.ProjectId) != w.MetadataProperties.ProjectId || w.MetadataProperties.ProjectId == "" {
			t.Errorf("MetadataProperties = %+v, want %+v", d.MetadataProperties, w.MetadataProperties)
		}
		spec := d.InferenceSpecification
		if spec == nil || len(spec.Containers) != 1 || aws.ToString(spec.Containers[0].ModelDataUrl) != w.InferenceSpecification.Containers[0].ModelDataUrl ||
			!slices.Equal(spec.SupportedContentTypes, w.InferenceSpecification.SupportedContentTypes) {
			t.Errorf("InferenceSpecification = %+v, want %+v", spec, w.InferenceSpecification)
		}
		if d.CreatedBy == nil && w.CreatedBy.UserProfileName != "" {
			t.Errorf("CreatedBy missing, want %s", w.CreatedBy.UserProfileName)
		}
		wantStr(t, "ApprovalDescription", d.ApprovalDescription, w.ApprovalDescription)
		wantTime(t, "CreationTime", d.CreationTime, w.CreationTime)
		wantTime(t, "LastModifiedTime", d.LastModifiedTime, w.LastModifiedTime)
	}
	_, err = c.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: aws.String(hdbPipeline + "/999")})
	servertest.WantCode(t, err, "ValidationException")
}

func TestUpdateModelPackageApproval(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	pending, err := w.ModelPackages(world.ModelPackageQuery{Group: hdbPipeline, ModelApprovalStatus: world.PendingManualApproval})
	if err != nil || len(pending) == 0 {
		t.Fatalf("no pending hdb version to approve (%v)", err)
	}
	arn := pending[0].ModelPackageArn
	before, _ := w.ModelPackage(arn)
	approve := &sm.UpdateModelPackageInput{ModelPackageArn: aws.String(arn), ModelApprovalStatus: types.ModelApprovalStatusApproved,
		ApprovalDescription: aws.String("RMSE 35,900 beats production; approved for rollout")}

	// Denied: the data scientist, on-call, and an MLOps engineer of another
	// project. Nothing changes.
	for _, who := range []string{"data-scientist", "on-call", "daniel-teo"} {
		_, err := client(t, env, who).UpdateModelPackage(t.Context(), approve)
		servertest.WantCode(t, err, "AccessDeniedException")
	}
	if now, _ := w.ModelPackage(arn); now.ModelApprovalStatus != before.ModelApprovalStatus || now.ApprovalDescription != before.ApprovalDescription ||
		!now.LastModifiedTime.Equal(before.LastModifiedTime) {
		t.Fatalf("denied updates changed the package: %s %q", now.ModelApprovalStatus, now.ApprovalDescription)
	}

	mlops := client(t, env, "nur-aisyah") // MLOps engineer of hdb-resale-valuation
	out, err := mlops.UpdateModelPackage(t.Context(), approve)
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "ModelPackageArn", out.ModelPackageArn, arn)
	d, err := mlops.DescribeModelPackage(t.Context(), &sm.DescribeModelPackageInput{ModelPackageName: aws.String(arn)})
	if err != nil {
		t.Fatal(err)
	}
	if d.ModelApprovalStatus != types.ModelApprovalStatusApproved {
		t.Errorf("after approval: %s", d.ModelApprovalStatus)
	}
	wantStr(t, "ApprovalDescription", d.ApprovalDescription, "RMSE 35,900 beats production; approved for rollout")
	if d.LastModifiedBy == nil || aws.ToString(d.LastModifiedBy.UserProfileName) != "nur-aisyah" {
		t.Errorf("LastModifiedBy = %+v, want nur-aisyah", d.LastModifiedBy)
	}
	wantTime(t, "LastModifiedTime", d.LastModifiedTime, env.Now())

	_, err = mlops.UpdateModelPackage(t.Context(), &sm.UpdateModelPackageInput{ModelPackageArn: aws.String(arn), ModelApprovalStatus: "Maybe"})
	servertest.WantCode(t, err, "ValidationException")
	_, err = mlops.UpdateModelPackage(t.Context(), &sm.UpdateModelPackageInput{ModelPackageArn: aws.String(w.ModelPackageArn(hdbPipeline, 999)), ModelApprovalStatus: types.ModelApprovalStatusApproved})
	servertest.WantCode(t, err, "ValidationException")
}
