package governance

import (
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// agAccount is a realistic AG account: three agencies' projects with
// different limits, their users, and what they run on 15 May 2024.
func agAccount() Input {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	hdb := domain.Project{
		Name: "hdb-resale-valuation", ID: "p-hdb1x2y3z4a5",
		Limits: domain.InstanceLimits{
			Training: []string{"ml.m5.xlarge", "ml.m5.2xlarge"},
			Endpoint: []string{"ml.m5.large", "ml.c5.*"},
			Notebook: []string{"ml.t3.medium", "ml.m5.large"},
		},
	}
	cpf := domain.Project{
		Name: "cpf-retirement-forecast", ID: "p-cpf9k8j7h6g5",
		Limits: domain.InstanceLimits{
			Training: []string{"ml.m5.*", "ml.g4dn.xlarge"},
			Notebook: []string{"ml.t3.*"},
		},
	}
	lta := domain.Project{Name: "lta-traffic-nowcast", ID: "p-lta1q2w3e4r5"}
	const d = "d-hdbteam0001"
	user := func(name string, role domain.Role, projects ...string) domain.User {
		return domain.User{DomainID: d, Name: name, Role: role, Projects: projects, Status: "InService"}
	}
	job := func(name, status, project, instance string, count int) domain.TrainingJobSummary {
		return domain.TrainingJob{Name: name, Status: status, Project: project, InstanceType: instance, InstanceCount: count, Detailed: instance != "",
			CreatedAt: at("2024-05-15T08:00:00Z"), StartedAt: at("2024-05-15T08:05:00Z")}.Summary()
	}
	endpoint := func(name, status, project string, variants ...domain.Variant) domain.Endpoint {
		return domain.Endpoint{Name: name, Status: status, Project: project, Variants: variants}
	}
	variant := func(name, instance string) domain.Variant {
		return domain.Variant{Name: name, InstanceType: instance, CurrentCount: 1, DesiredCount: 1}
	}
	app := func(user, space, typ, name, status, instance string) domain.StudioApp {
		return domain.StudioApp{DomainID: d, UserProfile: user, SpaceName: space, AppType: typ, AppName: name, Status: status, InstanceType: instance}
	}
	return Input{
		Projects: []domain.Project{hdb, cpf, lta},
		Users: []domain.User{
			user("alice", domain.RoleDataScientist, "hdb-resale-valuation"),
			user("bob", domain.RoleMLOpsEngineer, "hdb-resale-valuation", "cpf-retirement-forecast"),
			user("carol", domain.RoleProjectAdmin, "hdb-resale-valuation"),
			user("dave", domain.RoleUnknown, "cpf-retirement-forecast"),
			user("erin", domain.Role("admin")),
			user("frank", domain.RoleDataScientist, "lta-traffic-nowcast"),
			user("gina", domain.RoleDataScientist, "p-cpf9k8j7h6g5", "retired-project"),
		},
		Jobs: []domain.TrainingJobSummary{
			job("hdb-train-0142", domain.JobInProgress, "hdb-resale-valuation", "ml.p3.16xlarge", 1),
			job("hdb-train-0141", domain.JobInProgress, "hdb-resale-valuation", "ml.m5.2xlarge", 1),
			job("hdb-train-0140", domain.JobCompleted, "hdb-resale-valuation", "ml.p3.16xlarge", 1),
			job("hdb-train-0143", domain.JobInProgress, "hdb-resale-valuation", "", 0),
			job("cpf-train-0007", domain.JobInProgress, "cpf-retirement-forecast", "ml.m5.4xlarge", 1),
			job("cpf-train-0008", domain.JobStopping, "cpf-retirement-forecast", "ml.p3.2xlarge", 4),
			job("adhoc-xgb-test", domain.JobInProgress, "", "ml.m5.xlarge", 1),
			job("lta-train-0001", domain.JobInProgress, "lta-traffic-nowcast", "ml.p4d.24xlarge", 2),
		},
		Endpoints: []domain.Endpoint{
			endpoint("hdb-resale-prod", domain.EndpointInService, "hdb-resale-valuation", variant("AllTraffic", "ml.m5.large")),
			endpoint("hdb-resale-staging", domain.EndpointUpdating, "hdb-resale-valuation", variant("Blue", "ml.c5.xlarge"), variant("Green", "ml.g5.2xlarge")),
			endpoint("hdb-resale-old", domain.EndpointFailed, "hdb-resale-valuation", variant("AllTraffic", "ml.p3.2xlarge")),
			endpoint("hdb-resale-serverless", domain.EndpointInService, "hdb-resale-valuation", domain.Variant{Name: "AllTraffic", ServerlessMem: 2048}),
			endpoint("hdb-resale-next", domain.EndpointCreating, "hdb-resale-valuation", variant("AllTraffic", "ml.p3.2xlarge")),
			endpoint("cpf-forecast-prod", domain.EndpointInService, "cpf-retirement-forecast", variant("AllTraffic", "ml.g4dn.xlarge")),
			endpoint("scratch-ep", domain.EndpointInService, "", variant("AllTraffic", "ml.m5.large")),
			endpoint("scratch-deleting", "Deleting", "", variant("AllTraffic", "ml.m5.large")),
		},
		Apps: []domain.StudioApp{
			app("alice", "", "JupyterLab", "default", "InService", "ml.g5.12xlarge"),
			app("alice", "", "JupyterServer", "default", "InService", "system"),
			app("bob", "", "JupyterLab", "default", "InService", "ml.m5.large"),
			app("bob", "", "RStudioServerPro", "default", "Pending", "ml.m5.4xlarge"),
			app("carol", "", "KernelGateway", "datascience-1-0-ml-g4dn-xlarge-1abf34", "Deleted", "ml.g4dn.xlarge"),
			app("frank", "", "JupyterLab", "default", "InService", "ml.p3.2xlarge"),
			app("", "shared-eda", "JupyterLab", "default", "InService", "ml.g5.48xlarge"),
			app("gina", "", "JupyterLab", "default", "InService", "ml.m5.xlarge"),
			app("zed", "", "JupyterLab", "default", "InService", "ml.p3.2xlarge"),
		},
		Pipelines: []domain.Pipeline{
			{Name: "hdb-resale-train", Project: "hdb-resale-valuation"},
			{Name: "hdb-resale-deploy", Project: "hdb-resale-valuation"},
			{Name: "cpf-forecast-train", Project: "cpf-retirement-forecast"},
			{Name: "orphan-pipeline"},
		},
	}
}
