package governance

import (
	"reflect"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func TestFindingsAGAccount(t *testing.T) {
	got := Findings(agAccount())

	type key struct {
		Project      string
		Kind         domain.FindingKind
		ResourceType string
		ResourceName string
		InstanceType string
	}
	const (
		outside = domain.FindingInstanceOutsideLimits
		noRole  = domain.FindingUserWithoutRole
		noProj  = domain.FindingResourceNoProject
		cpf     = "cpf-retirement-forecast"
		hdb     = "hdb-resale-valuation"
	)
	want := []key{
		{"", noProj, "endpoint", "scratch-ep", ""},
		{"", noProj, "training job", "adhoc-xgb-test", "ml.m5.xlarge"},
		{"", noRole, "user profile", "erin", ""},
		{cpf, outside, "Studio app", "bob/RStudioServerPro/default", "ml.m5.4xlarge"},
		{cpf, outside, "Studio app", "gina/JupyterLab/default", "ml.m5.xlarge"},
		{cpf, outside, "training job", "cpf-train-0008", "ml.p3.2xlarge"},
		{cpf, noRole, "user profile", "dave", ""},
		{hdb, outside, "Studio app", "alice/JupyterLab/default", "ml.g5.12xlarge"},
		{hdb, outside, "Studio app", "bob/RStudioServerPro/default", "ml.m5.4xlarge"},
		{hdb, outside, "endpoint", "hdb-resale-staging", "ml.g5.2xlarge"},
		{hdb, outside, "training job", "hdb-train-0142", "ml.p3.16xlarge"},
	}
	var keys []key
	for _, f := range got {
		keys = append(keys, key{f.Project, f.Kind, f.ResourceType, f.ResourceName, f.InstanceType})
	}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("findings:\n got %v\nwant %v", keys, want)
		for _, f := range got {
			t.Log(f.Detail)
		}
	}

	details := map[string]string{}
	allowed := map[string][]string{}
	for _, f := range got {
		details[f.Project+" "+f.ResourceName] = f.Detail
		allowed[f.Project+" "+f.ResourceName] = f.Allowed
	}
	wantDetails := map[string]string{
		hdb + " hdb-train-0142":               "Training job hdb-train-0142 runs on ml.p3.16xlarge, outside project hdb-resale-valuation's training limit (ml.m5.xlarge, ml.m5.2xlarge).",
		cpf + " cpf-train-0008":               "Training job cpf-train-0008 runs on 4 × ml.p3.2xlarge, outside project cpf-retirement-forecast's training limit (ml.m5.*, ml.g4dn.xlarge).",
		hdb + " hdb-resale-staging":           "Endpoint hdb-resale-staging (variant Green) runs on ml.g5.2xlarge, outside project hdb-resale-valuation's endpoint limit (ml.m5.large, ml.c5.*).",
		hdb + " alice/JupyterLab/default":     "JupyterLab app default of user alice runs on ml.g5.12xlarge, outside project hdb-resale-valuation's notebook limit (ml.t3.medium, ml.m5.large).",
		cpf + " bob/RStudioServerPro/default": "RStudioServerPro app default of user bob runs on ml.m5.4xlarge, outside project cpf-retirement-forecast's notebook limit (ml.t3.*).",
		cpf + " dave":                         "User profile dave in domain d-hdbteam0001 has no role, so agdash cannot tell whether dave is a data scientist, MLOps engineer or project admin.",
		" erin":                               `User profile erin in domain d-hdbteam0001 has the role "admin", which is not one of AG's roles (project-admin, mlops-engineer, data-scientist).`,
		" adhoc-xgb-test":                     "Training job adhoc-xgb-test is running with no project tag, so no project's limits or usage cover it.",
		" scratch-ep":                         "Endpoint scratch-ep is running with no project tag, so no project's limits or usage cover it.",
	}
	for k, want := range wantDetails {
		if details[k] != want {
			t.Errorf("detail for %s:\n got %q\nwant %q", k, details[k], want)
		}
	}
	if a := allowed[hdb+" hdb-train-0142"]; !reflect.DeepEqual(a, []string{"ml.m5.xlarge", "ml.m5.2xlarge"}) {
		t.Errorf("Allowed = %v", a)
	}
	if a := allowed[" erin"]; a != nil {
		t.Errorf("a role finding carries a limit: %v", a)
	}
}

func TestFindingsEdgeCases(t *testing.T) {
	limited := domain.Project{Name: "p", Limits: domain.InstanceLimits{Notebook: []string{"ml.t3.medium"}, Training: []string{"ml.m5.large"}}}
	unlimited := domain.Project{Name: "q"}
	tests := []struct {
		name string
		in   Input
		want int
	}{
		{"empty account", Input{}, 0},
		{
			"app of a user in a limited and an unlimited project is judged by the limited one",
			Input{
				Projects: []domain.Project{limited, unlimited},
				Users:    []domain.User{{Name: "u", Role: domain.RoleDataScientist, Projects: []string{"p", "q"}}},
				Apps:     []domain.StudioApp{{UserProfile: "u", AppType: "JupyterLab", AppName: "default", Status: "InService", InstanceType: "ml.g5.xlarge"}},
			},
			1,
		},
		{
			"app of a user in no project with limits",
			Input{
				Projects: []domain.Project{unlimited},
				Users:    []domain.User{{Name: "u", Role: domain.RoleDataScientist, Projects: []string{"q"}}},
				Apps:     []domain.StudioApp{{UserProfile: "u", Status: "InService", InstanceType: "ml.p4d.24xlarge"}},
			},
			0,
		},
		{
			"app in another domain's profile of the same name is not matched",
			Input{
				Projects: []domain.Project{limited},
				Users:    []domain.User{{DomainID: "d-1", Name: "u", Role: domain.RoleDataScientist, Projects: []string{"p"}}},
				Apps:     []domain.StudioApp{{DomainID: "d-2", UserProfile: "u", Status: "InService", InstanceType: "ml.g5.xlarge"}},
			},
			0,
		},
		{
			"job of a project agdash has not listed",
			Input{Jobs: []domain.TrainingJobSummary{domain.TrainingJob{Name: "j", Status: domain.JobInProgress, Project: "elsewhere", InstanceType: "ml.p3.2xlarge"}.Summary()}},
			0,
		},
		{
			// Its tags are not read yet: that is not "no project tag".
			"running job whose project is not known yet",
			Input{Jobs: []domain.TrainingJobSummary{domain.TrainingJob{Name: "j", Status: domain.JobInProgress, InstanceType: "ml.p3.2xlarge"}.Summary().WithProjectUnknown()}},
			0,
		},
		{
			"running job with no project tag",
			Input{Jobs: []domain.TrainingJobSummary{domain.TrainingJob{Name: "j", Status: domain.JobInProgress, InstanceType: "ml.p3.2xlarge"}.Summary()}},
			1,
		},
		{
			"project referenced by id",
			Input{
				Projects: []domain.Project{{Name: "p", ID: "p-123", Limits: limited.Limits}},
				Jobs:     []domain.TrainingJobSummary{domain.TrainingJob{Name: "j", Status: domain.JobInProgress, Project: "p-123", InstanceType: "ml.p3.2xlarge"}.Summary()},
			},
			1,
		},
		{
			"upper-case instance type still within limit",
			Input{
				Projects: []domain.Project{limited},
				Jobs:     []domain.TrainingJobSummary{domain.TrainingJob{Name: "j", Status: domain.JobInProgress, Project: "p", InstanceType: "ML.M5.LARGE"}.Summary()},
			},
			0,
		},
		{
			"on-call role is a role",
			Input{Users: []domain.User{{Name: "oncall", Role: domain.RoleOnCall}}},
			0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Findings(tt.in)
			if len(got) != tt.want {
				t.Errorf("%d findings, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

func TestFindingsDeterministic(t *testing.T) {
	in := agAccount()
	first := Findings(in)
	// Reverse every input list: the findings must not change.
	rev := func(n int, swap func(i, j int)) {
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			swap(i, j)
		}
	}
	rev(len(in.Jobs), func(i, j int) { in.Jobs[i], in.Jobs[j] = in.Jobs[j], in.Jobs[i] })
	rev(len(in.Endpoints), func(i, j int) { in.Endpoints[i], in.Endpoints[j] = in.Endpoints[j], in.Endpoints[i] })
	rev(len(in.Apps), func(i, j int) { in.Apps[i], in.Apps[j] = in.Apps[j], in.Apps[i] })
	rev(len(in.Users), func(i, j int) { in.Users[i], in.Users[j] = in.Users[j], in.Users[i] })
	rev(len(in.Projects), func(i, j int) { in.Projects[i], in.Projects[j] = in.Projects[j], in.Projects[i] })
	if again := Findings(in); !reflect.DeepEqual(first, again) {
		t.Error("findings depend on input order")
	}
}

func TestAllowed(t *testing.T) {
	tests := []struct {
		limit    []string
		instance string
		want     bool
	}{
		{nil, "ml.p4d.24xlarge", true},
		{[]string{"ml.m5.xlarge"}, "ml.m5.xlarge", true},
		{[]string{"ml.m5.xlarge"}, "ml.m5.2xlarge", false},
		{[]string{"ml.m5.*"}, "ml.m5.24xlarge", true},
		{[]string{"ml.m5.*"}, "ml.m5d.xlarge", false},
		{[]string{"ml.m5*"}, "ml.m5d.xlarge", true},
		{[]string{"ml.g5.?xlarge"}, "ml.g5.2xlarge", true},
		{[]string{"ml.g5.?xlarge"}, "ml.g5.12xlarge", false},
		{[]string{"*"}, "ml.p5.48xlarge", true},
		{[]string{"ML.T3.Medium"}, "ml.t3.medium", true},
		{[]string{"ml.[", "ml.t3.medium"}, "ml.t3.medium", true},
		{[]string{"ml.["}, "ml.[", true},
		{[]string{"ml.["}, "ml.t3.medium", false},
	}
	for _, tt := range tests {
		if got := Allowed(tt.limit, tt.instance); got != tt.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", tt.limit, tt.instance, got, tt.want)
		}
	}
}
