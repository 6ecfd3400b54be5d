package backend

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

func registryAccount() *awsfake.Account {
	f := scientistAccount()
	f.CallerARN = "arn:aws:sts::123456789012:assumed-role/AG-HDB-MLOps/mo"
	f.AddModelGroups(awsfake.ModelGroup{Name: "hdb-rental", Tags: map[string]string{"sagemaker:project-name": "hdb-rental"}})
	f.SetTags("arn:aws:sagemaker:ap-southeast-1:123456789012:model-package-group/hdb-resale", map[string]string{"sagemaker:project-name": "hdb-resale"})
	f.AddModelPackages(
		awsfake.ModelPackage{Group: "hdb-resale", Version: 1, Approval: domain.ApprovalApproved, Created: t0.Add(-72 * time.Hour)},
		awsfake.ModelPackage{Group: "hdb-resale", Version: 2, Approval: domain.ApprovalRejected, Created: t0.Add(-48 * time.Hour),
			MetricsURI: "s3://ag-hdb/eval/v2/evaluation.json", ModelDataURL: "s3://ag-hdb/models/hdb-r-done/output/model.tar.gz",
			GeneratedBy: "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-train/execution/abc"},
		awsfake.ModelPackage{Group: "hdb-rental", Version: 1, Approval: domain.ApprovalPending, Created: t0.Add(-time.Hour)},
	)
	// v3 (from scientistAccount) points at a report that does not exist.
	f.PutObject("s3://ag-hdb/eval/v2/evaluation.json", []byte(`{"regression_metrics":{"rmse":{"value":23500.5,"standard_deviation":120},"r2":{"value":0.91}}}`))
	f.AddJobs(awsfake.Job{Name: "hdb-r-done", Status: domain.JobCompleted, Created: t0.Add(-50 * time.Hour), Hyperparameters: map[string]string{"ntree": "500"}})
	return f
}

func TestModelGroupsCountVersionsFromOneListing(t *testing.T) {
	f := registryAccount()
	c, _ := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedModelGroups}
	var groups []domain.ModelGroup
	calls := delta(f, func() {
		defer c.Subscribe(key)()
		groups = next(t, c, key).Data.(ModelGroupsData).Groups
	})
	// The fake refuses to Search groups, as an emulator might: after one
	// refused Search the tags are read one by one.
	want := map[string]int64{"sagemaker:ListModelPackageGroups": 1, "sagemaker:ListModelPackages": 1, "sagemaker:Search": 1, "sagemaker:ListTags": 2}
	if !sameCalls(calls, want) {
		t.Fatalf("calls = %v, want %v", calls, want)
	}
	if len(groups) != 2 {
		t.Fatalf("groups = %+v", groups)
	}
	if g := groups[0]; g.Name != "hdb-rental" || g.Versions != 1 || g.Pending != 1 || g.LatestApproved != 0 || g.Project != "hdb-rental" {
		t.Fatalf("hdb-rental = %+v", g)
	}
	if g := groups[1]; g.Name != "hdb-resale" || g.Versions != 3 || g.Pending != 1 || g.LatestApproved != 1 || g.Project != "hdb-resale" {
		t.Fatalf("hdb-resale = %+v", g)
	}
}

func TestModelVersionsReadReportsOnceAndReDescribeOnApproval(t *testing.T) {
	f := registryAccount()
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedModelVersions, Arg: "hdb-resale"}
	defer c.Subscribe(key)()
	d := next(t, c, key).Data.(ModelVersionsData)
	if len(d.Versions) != 3 || d.Versions[0].Version != 3 || d.Versions[2].Version != 1 || d.Group.Versions != 3 {
		t.Fatalf("versions = %+v", d.Versions)
	}
	v2 := d.Versions[1]
	rmse, ok := v2.Report.Metric("rmse")
	if !v2.Report.Loaded || v2.Report.Format != "regression" || !ok || rmse.Value != 23500.5 || rmse.StdDev != 120 {
		t.Fatalf("v2 report = %+v", v2.Report)
	}
	if v2.Lineage.PipelineName != "hdb-train" || v2.Lineage.TrainingJobName != "hdb-r-done" || v2.Hyperparameter["ntree"] != "500" {
		t.Fatalf("v2 lineage = %+v", v2.Lineage)
	}
	if v3 := d.Versions[0]; v3.Report.Loaded || v3.MetricsURI != "" {
		t.Fatalf("v3 has no report URI, got %+v", v3.Report)
	}

	calls := delta(f, func() { step(t, c, clock, f, key, time.Minute) })
	if !sameCalls(calls, map[string]int64{"sagemaker:ListModelPackages": 1}) {
		t.Fatalf("steady calls = %v, want only the listing", calls)
	}
	// The action refreshes the feed at once; its poll may run before Do
	// has returned, so the count starts before the action.
	var after ModelVersionsData
	calls = delta(f, func() {
		if _, err := c.Do(context.Background(), approve); err != nil {
			t.Fatal(err)
		}
		after = next(t, c, key).Data.(ModelVersionsData)
	})
	if calls["sagemaker:UpdateModelPackage"] != 1 || calls["sagemaker:DescribeModelPackage"] != 1 || calls["s3:GetObject"] != 0 {
		t.Fatalf("calls after approving = %v, want v3 described again and no report read", calls)
	}
	if v3 := after.Versions[0]; v3.Approval != domain.ApprovalApproved || v3.ApprovalNote != "rmse 21k beats v2" {
		t.Fatalf("v3 after approval = %+v", v3)
	}
}

func TestMissingReportIsRecordedNotRetried(t *testing.T) {
	f := registryAccount()
	f.AddModelPackages(awsfake.ModelPackage{Group: "hdb-resale", Version: 4, Approval: domain.ApprovalPending, Created: t0,
		MetricsURI: "s3://ag-hdb/eval/v4/missing.json"})
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedModelVersions, Arg: "hdb-resale"}
	defer c.Subscribe(key)()
	v4 := next(t, c, key).Data.(ModelVersionsData).Versions[0]
	if !v4.Report.Loaded || !strings.Contains(v4.Report.Err, "s3:GetObject: not found") {
		t.Fatalf("v4 report = %+v", v4.Report)
	}
	calls := delta(f, func() { step(t, c, clock, f, key, time.Minute) })
	if calls["s3:GetObject"] != 0 {
		t.Fatal("a missing report was read again")
	}
}
