package iam

import (
	"strings"
	"testing"
)

func TestIsReadOnly(t *testing.T) {
	cases := []struct {
		service, op string
		want        bool
	}{
		{"sagemaker", "ListTrainingJobs", true},
		{"sagemaker", "DescribeEndpoint", true},
		{"sagemaker", "Search", true},
		{"sagemaker", "BatchDescribeModelPackage", true},
		{"sagemaker", "QueryLineage", true},
		{"logs", "FilterLogEvents", true},
		{"logs", "GetLogEvents", true},
		{"logs", "StartQuery", true},
		{"cloudwatch", "GetMetricData", true},
		{"s3", "HeadObject", true},
		{"s3", "GetObject", true},
		{"sts", "GetCallerIdentity", true},
		{"sts", "GetSessionToken", false},
		{"sagemaker", "UpdateModelPackage", false},
		{"sagemaker", "CreateTrainingJob", false},
		{"sagemaker", "InvokeEndpoint", false},
		{"sagemaker", "AddTags", false},
		{"backup", "StartRestoreJob", false},
		{"cloudwatch", "PutMetricAlarm", false},
		{"s3", "PutObject", false},
		{"sagemaker", "Lister", true}, // a prefix is a prefix
	}
	for _, c := range cases {
		if got := IsReadOnly(c.service, c.op); got != c.want {
			t.Errorf("IsReadOnly(%s, %s) = %v, want %v", c.service, c.op, got, c.want)
		}
	}
}

var (
	admin  = Principal{ARN: "arn:aws:sts::1:assumed-role/AG-Admin/priya", Role: RoleProjectAdmin, Projects: []string{"hdb-resale"}}
	mlops  = Principal{ARN: "arn:aws:sts::1:assumed-role/AG-MLOps/wei", Role: RoleMLOpsEngineer, Projects: []string{"hdb-resale"}}
	ds     = Principal{ARN: "arn:aws:sts::1:assumed-role/AG-DS/alice", Role: RoleDataScientist, Projects: []string{"hdb-resale", "taxi-eta"}}
	oncall = Principal{ARN: "arn:aws:sts::1:assumed-role/AG-OnCall/sam", Role: RoleOnCall}
)

// TestAllowedRoleTable is the role policy as a table: every role against
// the actions that tell them apart.
func TestAllowedRoleTable(t *testing.T) {
	type row struct {
		action                        string
		oncall, ds, mlops, projectAdm bool
	}
	rows := []row{
		{"sagemaker:ListTrainingJobs", true, true, true, true},
		{"sagemaker:DescribeModelPackage", true, true, true, true},
		{"cloudwatch:GetMetricData", true, true, true, true},
		{"logs:FilterLogEvents", true, true, true, true},
		{"backup:ListRecoveryPointsByBackupVault", true, true, true, true},
		{"s3:GetObject", true, true, true, true},
		{"sagemaker:InvokeEndpoint", true, true, true, true},
		{"servicecatalog:DescribeProduct", false, true, true, true}, // template names: Studio roles only
		{"sagemaker:CreateTrainingJob", false, true, true, true},
		{"sagemaker:StopTrainingJob", false, true, true, true},
		{"sagemaker:StartPipelineExecution", false, true, true, true},
		{"sagemaker:StopPipelineExecution", false, true, true, true},
		{"sagemaker:RetryPipelineExecution", false, true, true, true},
		{"sagemaker:UpdateModelPackage", false, false, true, true},
		{"backup:StartRestoreJob", false, false, false, true},
		{"sagemaker:AddTags", false, false, false, true},
		{"sagemaker:DeleteEndpoint", false, false, false, true},
		{"cloudwatch:PutMetricAlarm", false, false, false, true},
	}
	for _, r := range rows {
		service, op, _ := strings.Cut(r.action, ":")
		for _, c := range []struct {
			p    Principal
			want bool
		}{{oncall, r.oncall}, {ds, r.ds}, {mlops, r.mlops}, {admin, r.projectAdm}} {
			got, reason := Allowed(c.p, service, op, "hdb-resale")
			if got != c.want {
				t.Errorf("%s %s: allowed = %v (%s), want %v", c.p.Role, r.action, got, reason, c.want)
			}
			if reason == "" {
				t.Errorf("%s %s: no reason given", c.p.Role, r.action)
			}
		}
	}
}

func TestAllowedLimitsMutationsToOwnProjects(t *testing.T) {
	cases := []struct {
		p              Principal
		action, projct string
		want           bool
	}{
		{ds, "sagemaker:StopTrainingJob", "hdb-resale", true},
		{ds, "sagemaker:StopTrainingJob", "taxi-eta", true},
		{ds, "sagemaker:StopTrainingJob", "cpf-fraud", false},
		{ds, "sagemaker:StopTrainingJob", "", true}, // project not known yet
		{ds, "sagemaker:DescribeTrainingJob", "cpf-fraud", true},
		{mlops, "sagemaker:UpdateModelPackage", "cpf-fraud", false},
		{mlops, "sagemaker:UpdateModelPackage", "hdb-resale", true},
		{oncall, "sagemaker:InvokeEndpoint", "cpf-fraud", true}, // on-call belongs to every project
		{admin, "backup:StartRestoreJob", "cpf-fraud", true},
		{Principal{ARN: "x", Role: "intern"}, "sagemaker:ListEndpoints", "", false},
	}
	for _, c := range cases {
		service, op, _ := strings.Cut(c.action, ":")
		got, reason := Allowed(c.p, service, op, c.projct)
		if got != c.want {
			t.Errorf("%s %s on %q: allowed = %v (%s), want %v", c.p.Role, c.action, c.projct, got, reason, c.want)
		}
	}
	_, reason := Allowed(ds, "sagemaker", "StopTrainingJob", "cpf-fraud")
	if !strings.Contains(reason, "cpf-fraud") || !strings.Contains(reason, "hdb-resale, taxi-eta") {
		t.Errorf("reason %q should name the project and the principal's projects", reason)
	}
}

func TestDenyMessage(t *testing.T) {
	got := DenyMessage(ds, "sagemaker:UpdateModelPackage", "arn:aws:sagemaker:ap-southeast-1:1:model-package/hdb-resale/3")
	want := "User: arn:aws:sts::1:assumed-role/AG-DS/alice is not authorized to perform: sagemaker:UpdateModelPackage on resource: arn:aws:sagemaker:ap-southeast-1:1:model-package/hdb-resale/3 because no identity-based policy allows the sagemaker:UpdateModelPackage action"
	if got != want {
		t.Errorf("DenyMessage =\n%s\nwant\n%s", got, want)
	}
}

func TestNewKeyring(t *testing.T) {
	k, err := NewKeyring([]Principal{{AccessKeyID: "A", SecretAccessKey: "s", ARN: "a", Projects: []string{"p"}}})
	if err != nil {
		t.Fatal(err)
	}
	if p, ok := k.Lookup("A"); !ok || p.ARN != "a" {
		t.Errorf("Lookup(A) = %+v, %v", p, ok)
	}
	if _, ok := k.Lookup("B"); ok {
		t.Error("Lookup(B) found a principal")
	}
	for _, bad := range [][]Principal{
		{{AccessKeyID: "", SecretAccessKey: "s"}},
		{{AccessKeyID: "A", SecretAccessKey: ""}},
		{{AccessKeyID: "A", SecretAccessKey: "s"}, {AccessKeyID: "A", SecretAccessKey: "t"}},
	} {
		if _, err := NewKeyring(bad); err == nil {
			t.Errorf("NewKeyring(%+v) accepted bad principals", bad)
		}
	}
}
