package backend

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

func projectAccount() *awsfake.Account {
	f := scientistAccount()
	f.AddUsers(
		awsfake.User{DomainID: "d-hdb", Name: "bob-lim", HomeUID: "200006", Tags: map[string]string{"ag:role": "project-admin", "ag:projects": "hdb-resale"}},
		awsfake.User{DomainID: "d-hdb", Name: "carol", HomeUID: "200007"},
	)
	f.AddProjects(awsfake.Project{Name: "hdb-resale", ID: "p-hdb1", Status: "CreateCompleted", CreatedBy: "bob-lim", Template: "prod-mlops",
		Tags: map[string]string{"ag:training-instance-types": "ml.m5.xlarge ml.m5.2xlarge", "ag:s3-access": "ag-hdb-data"}})
	f.AddJobs(awsfake.Job{Name: "big-gpu", Status: domain.JobInProgress, Created: t0.Add(-time.Hour), Started: t0.Add(-time.Hour),
		InstanceType: "ml.p3.8xlarge", InstanceCount: 1, Tags: map[string]string{"sagemaker:project-name": "hdb-resale"}})
	f.AddApps(awsfake.App{DomainID: "d-hdb", User: "alice-tan", Type: "JupyterLab", Name: "default", Status: "InService", InstanceType: "ml.t3.medium"})
	return f
}

func TestProjectsGatherMembersUsageAndFindings(t *testing.T) {
	f := projectAccount()
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedProjects}
	// Hold the second stage (the domains' describes are in it) until the
	// early delivery is seen: else the complete one may replace it first.
	gate := make(chan struct{})
	f.Hook = func(ctx context.Context, op string) error {
		if op == "sagemaker:DescribeDomain" {
			select {
			case <-gate:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	}
	defer c.Subscribe(key)()
	early := next(t, c, key).Data.(ProjectsData)
	close(gate)
	if !early.Loading || len(early.Projects) != 1 || early.Projects[0].Name != "hdb-resale" || len(early.Findings) != 0 {
		t.Fatalf("first delivery = %+v, want the listed project early, before roles and findings", early)
	}
	d := next(t, c, key).Data.(ProjectsData)
	if d.Loading {
		t.Fatal("the complete delivery is still marked loading")
	}
	if len(d.Domains) != 1 || d.Domains[0].HomeEFSID != "fs-0hdb" || len(d.Users) != 3 || len(d.Apps) != 1 {
		t.Fatalf("domains %+v users %d apps %d", d.Domains, len(d.Users), len(d.Apps))
	}
	p := d.Projects[0]
	if p.CreatedBy != "bob-lim" || p.Template != "prod-mlops" || strings.Join(p.Limits.Training, " ") != "ml.m5.xlarge ml.m5.2xlarge" ||
		strings.Join(p.S3Access, " ") != "ag-hdb-data" {
		t.Fatalf("project = %+v", p)
	}
	if len(p.Members) != 2 || p.Usage.RunningJobs != 1 || p.Usage.RunningApps != 1 || p.Usage.InstanceHoursMonth != 1 {
		t.Fatalf("members %d, usage %+v; want alice and bob, big-gpu running for an hour, alice's app", len(p.Members), p.Usage)
	}
	var outside *domain.Finding
	for i, fd := range d.Findings {
		if fd.Kind == domain.FindingInstanceOutsideLimits && fd.ResourceName == "big-gpu" {
			outside = &d.Findings[i]
		}
	}
	if outside == nil || outside.InstanceType != "ml.p3.8xlarge" || p.FindingCount == 0 {
		t.Fatalf("findings = %+v (count %d), want big-gpu outside the training limit", d.Findings, p.FindingCount)
	}

	calls := delta(f, func() { step(t, c, clock, f, key, time.Minute) })
	for _, op := range []string{"sagemaker:DescribeUserProfile", "sagemaker:DescribeProject", "sagemaker:DescribeDomain", "sagemaker:ListTags",
		"servicecatalog:DescribeProduct"} {
		if calls[op] != 0 {
			t.Errorf("second poll called %s %d times; it is read once per session", op, calls[op])
		}
	}
	if calls["sagemaker:ListProjects"] != 1 || calls["sagemaker:ListUserProfiles"] != 1 {
		t.Errorf("second poll = %v", calls)
	}
	// The second poll's one Search is the training jobs' history search
	// (projects of jobs before the month): this account has none, so its
	// first page is its last, and no poll searches again.
	if calls["sagemaker:Search"] != 1 {
		t.Errorf("second poll called sagemaker:Search %d times, want the history search's one page", calls["sagemaker:Search"])
	}
	calls = delta(f, func() { step(t, c, clock, f, key, time.Minute) })
	if calls["sagemaker:Search"] != 0 {
		t.Errorf("third poll called sagemaker:Search %d times; the history search is done", calls["sagemaker:Search"])
	}
}

func TestFileSystemsAndRecoveryPoints(t *testing.T) {
	f := projectAccount()
	f.AddFileSystems(awsfake.FileSystem{ID: "fs-0hdb", Name: "hdb-home", Size: 5 << 30,
		DomainARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:domain/d-hdb"})
	for i := 1; i <= 3; i++ {
		f.AddRecoveryPoints(awsfake.RecoveryPoint{ARN: "arn:rp-" + string(rune('0'+i)), Vault: "ag-vault", FileSystemID: "fs-0hdb",
			Status: "COMPLETED", Role: "arn:aws:iam::123456789012:role/AGBackup", Plan: "nightly",
			Created: t0.Add(-time.Duration(i) * 24 * time.Hour)})
	}
	c, clock := newTestClient(t, f, Options{})
	fsKey := FeedKey{Kind: FeedFileSystems}
	unsub := c.Subscribe(fsKey)
	d := next(t, c, fsKey).Data.(FileSystemsData)
	unsub()
	if len(d.FileSystems) != 1 || d.FileSystems[0].DomainID != "d-hdb" || d.FileSystems[0].DomainName != "hdb" {
		t.Fatalf("file systems = %+v", d.FileSystems)
	}
	if us := d.Users["d-hdb"]; len(us) != 3 || us[0].Name != "alice-tan" || us[0].HomeDir() != "/200005" {
		t.Fatalf("users = %+v", d.Users)
	}
	idle(t, clock, 0)

	key := FeedKey{Kind: FeedRecoveryPoints, Arg: "fs-0hdb"}
	defer c.Subscribe(key)()
	points := next(t, c, key).Data.(RecoveryPointsData).Points
	if len(points) != 3 || points[0].ARN != "arn:rp-1" || points[0].IAMRoleARN == "" || points[0].PlanName != "nightly" {
		t.Fatalf("points = %+v", points)
	}
	calls := delta(f, func() { step(t, c, clock, f, key, time.Minute) })
	if !sameCalls(calls, map[string]int64{"backup:ListRecoveryPointsByResource": 1}) {
		t.Fatalf("steady calls = %v, want only the listing", calls)
	}
}
