package kittest

import (
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// Now is the fixtures' reference time: 1 June 2025, 10:00 in Singapore.
var Now = time.Date(2025, 6, 1, 10, 0, 0, 0, time.FixedZone("SGT", 8*3600))

// Admin is a project admin of the HDB projects, in the sandbox.
func Admin() domain.Identity {
	return domain.Identity{
		Account: "123456789012", ARN: "arn:aws:sts::123456789012:assumed-role/ag-project-admin/alice.tan",
		Principal: "alice.tan", Role: domain.RoleProjectAdmin, Projects: []string{"hdb-resale-valuation", "hdb-rental-forecast"},
		UserProfile: "alice-tan", DomainID: "d-hdb0001", Region: "ap-southeast-1", Profile: "ag-sandbox", Sandbox: true,
	}
}

// Scientist is a data scientist on a real account (no sandbox), with an
// SSO profile.
func Scientist() domain.Identity {
	return domain.Identity{
		Account: "210987654321", ARN: "arn:aws:sts::210987654321:assumed-role/AWSReservedSSO_DataScientist/bala.k",
		Principal: "bala.k", Role: domain.RoleDataScientist, Projects: []string{"hdb-resale-valuation"},
		UserProfile: "bala-k", DomainID: "d-hdb0001", Region: "ap-southeast-1", Profile: "ag-prod",
	}
}

func users() []domain.User {
	u := func(dom, name string, role domain.Role, uid string, projects ...string) domain.User {
		return domain.User{DomainID: dom, Name: name, Status: "InService", Role: role, Projects: projects, HomeEFSUID: uid,
			CreatedAt: Now.AddDate(0, -6, 0)}
	}
	return []domain.User{
		u("d-hdb0001", "alice-tan", domain.RoleProjectAdmin, "200001", "hdb-resale-valuation", "hdb-rental-forecast"),
		u("d-hdb0001", "bala-k", domain.RoleDataScientist, "200002", "hdb-resale-valuation"),
		u("d-hdb0001", "chen-wei", domain.RoleMLOpsEngineer, "200003", "hdb-resale-valuation", "hdb-rental-forecast"),
		u("d-hdb0001", "siti-nur", domain.RoleDataScientist, "200004", "hdb-rental-forecast"),
		u("d-lta0001", "david-lim", domain.RoleProjectAdmin, "300001", "lta-bus-eta"),
		u("d-lta0001", "priya-r", domain.RoleDataScientist, "300002", "lta-bus-eta"),
		u("d-moh0001", "farah-a", domain.RoleUnknown, "400001"),
	}
}

// Projects is a projects feed delivery: three agencies' domains, four
// projects (one failed), Studio apps and governance findings.
func Projects() backend.ProjectsData {
	us := users()
	members := func(project string) []domain.User {
		var out []domain.User
		for _, u := range us {
			for _, p := range u.Projects {
				if p == project {
					out = append(out, u)
				}
			}
		}
		return out
	}
	findings := []domain.Finding{
		{Kind: domain.FindingInstanceOutsideLimits, Project: "hdb-resale-valuation", ResourceType: "training job",
			ResourceName: "hdb-resale-train-0412", InstanceType: "ml.p3.2xlarge", Allowed: []string{"ml.m5.xlarge", "ml.m5.2xlarge"},
			Detail: "Training job hdb-resale-train-0412 runs on ml.p3.2xlarge, outside the project's training limit (ml.m5.xlarge, ml.m5.2xlarge)."},
		{Kind: domain.FindingInstanceOutsideLimits, Project: "hdb-resale-valuation", ResourceType: "endpoint",
			ResourceName: "hdb-resale-staging", InstanceType: "ml.c5.4xlarge", Allowed: []string{"ml.m5.large"},
			Detail: "Endpoint hdb-resale-staging serves on ml.c5.4xlarge, outside the project's endpoint limit (ml.m5.large)."},
		{Kind: domain.FindingInstanceOutsideLimits, Project: "lta-bus-eta", ResourceType: "Studio app",
			ResourceName: "priya-r/JupyterLab/default", InstanceType: "ml.g4dn.xlarge", Allowed: []string{"ml.t3.medium"},
			Detail: "Studio app JupyterLab of priya-r runs on ml.g4dn.xlarge, outside the project's notebook limit (ml.t3.medium)."},
		{Kind: domain.FindingUserWithoutRole, ResourceType: "user profile", ResourceName: "farah-a",
			Detail: "User profile farah-a in domain moh-health-analytics has no ag:role tag, so agdash cannot tell what it may do."},
	}
	projects := []domain.Project{
		{Name: "hdb-resale-valuation", ID: "p-hdbresale01", Status: "CreateCompleted", Template: "R model build, train and deploy", TemplateID: "prod-r7tq2vyk4hbam",
			Description: "Resale-flat valuation model in R, served through plumber.", CreatedAt: Now.AddDate(0, -5, -3), CreatedBy: "alice-tan",
			Limits:   domain.InstanceLimits{Training: []string{"ml.m5.xlarge", "ml.m5.2xlarge"}, Endpoint: []string{"ml.m5.large"}, Notebook: []string{"ml.t3.medium", "ml.m5.large"}},
			S3Access: []string{"hdb-resale-transactions", "arn:aws:s3:ap-southeast-1:111122223333:accesspoint/ura-caveats"},
			Members:  members("hdb-resale-valuation"),
			Usage:    domain.ProjectUsage{RunningJobs: 2, Endpoints: 2, Pipelines: 3, RunningApps: 2, InstanceHoursMonth: 412.5}, FindingCount: 2},
		{Name: "hdb-rental-forecast", ID: "p-hdbrent0002", Status: "CreateCompleted", Template: "Python model build and train", TemplateID: "prod-pt9kq4zr8vw1s",
			Description: "Monthly rental index forecast.", CreatedAt: Now.AddDate(0, -2, 0), CreatedBy: "alice-tan",
			Limits:  domain.InstanceLimits{Training: []string{"ml.m5.xlarge"}},
			Members: members("hdb-rental-forecast"),
			Usage:   domain.ProjectUsage{RunningJobs: 0, Endpoints: 1, Pipelines: 1, RunningApps: 1, InstanceHoursMonth: 36}},
		{Name: "lta-bus-eta", ID: "p-ltabuseta03", Status: "UpdateInProgress", Template: "Python model build, train and deploy", TemplateID: "prod-pd3xw6mn5jc2e",
			Description: "Bus arrival time prediction.", CreatedAt: Now.AddDate(-1, 0, 0), CreatedBy: "david-lim",
			Limits:   domain.InstanceLimits{Training: []string{"ml.g4dn.xlarge"}, Endpoint: []string{"ml.c5.xlarge"}, Notebook: []string{"ml.t3.medium"}},
			S3Access: []string{"lta-datamall-archive"},
			Members:  members("lta-bus-eta"),
			Usage:    domain.ProjectUsage{RunningJobs: 1, Endpoints: 3, Pipelines: 2, RunningApps: 1, InstanceHoursMonth: 1287.25}, FindingCount: 1},
		{Name: "moh-triage-nlp", ID: "p-mohtriage04", Status: "CreateFailed", Template: "Python model build and train", TemplateID: "prod-pt9kq4zr8vw1s",
			Description: "Triage notes classifier (template failed: missing launch constraint).", CreatedAt: Now.AddDate(0, 0, -2), CreatedBy: "farah-a"},
	}
	domains := []domain.StudioDomain{
		{ID: "d-hdb0001", Name: "hdb-analytics", Status: "InService", HomeEFSID: "fs-0hdb0001", CreatedAt: Now.AddDate(-1, -2, 0)},
		{ID: "d-lta0001", Name: "lta-transport", Status: "InService", HomeEFSID: "fs-0lta0001", CreatedAt: Now.AddDate(-1, 0, 0)},
		{ID: "d-moh0001", Name: "moh-health-analytics", Status: "Updating", HomeEFSID: "fs-0moh0001", CreatedAt: Now.AddDate(0, -3, 0)},
	}
	apps := []domain.StudioApp{
		{DomainID: "d-hdb0001", UserProfile: "bala-k", AppType: "RStudioServerPro", AppName: "default", Status: "InService", InstanceType: "ml.m5.large", CreatedAt: Now.Add(-3 * time.Hour)},
		{DomainID: "d-hdb0001", UserProfile: "chen-wei", AppType: "JupyterLab", AppName: "default", Status: "InService", InstanceType: "ml.t3.medium", CreatedAt: Now.Add(-26 * time.Hour)},
		{DomainID: "d-hdb0001", UserProfile: "siti-nur", AppType: "JupyterLab", AppName: "default", Status: "Deleted", InstanceType: "ml.t3.medium", CreatedAt: Now.Add(-72 * time.Hour)},
		{DomainID: "d-lta0001", UserProfile: "priya-r", AppType: "JupyterLab", AppName: "default", Status: "InService", InstanceType: "ml.g4dn.xlarge", CreatedAt: Now.Add(-5 * time.Hour)},
	}
	return backend.ProjectsData{Domains: domains, Users: us, Projects: projects, Apps: apps, Findings: findings}
}

// Fresh is the state of a feed that has just succeeded.
func Fresh(key backend.FeedKey, at time.Time) backend.FeedState {
	return backend.FeedState{Key: key, Interval: 30 * time.Second, LastSuccess: at, LastAttempt: at, NextAttempt: at.Add(30 * time.Second)}
}
