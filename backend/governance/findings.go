package governance

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/agdash/agdash/backend/domain"
)

// Input is what the polling layer has listed.
type Input struct {
	Projects  []domain.Project
	Users     []domain.User
	Jobs      []domain.TrainingJobSummary
	Endpoints []domain.Endpoint
	Apps      []domain.StudioApp
	// Pipelines are used by Usage only.
	Pipelines []domain.Pipeline
}

// Findings checks the running resources and user profiles against AG's
// rules and returns every problem, ordered by project, kind and resource:
//
//   - a running training job (InProgress or Stopping) on an instance type
//     outside its project's training limit;
//   - a serving endpoint (InService, Updating, or a rollback or system
//     update) with a variant on an instance type outside its project's
//     endpoint limit, one finding per variant;
//   - a running Studio app (InService or Pending) whose instance type is
//     outside the notebook limit of every one of its user's projects that
//     sets one, one finding per such project so each project's admin sees
//     it. Projects without a notebook limit do not exempt the app: Studio
//     apps carry no project tag, so agdash cannot tell they are for that
//     project. A user in no project with a notebook limit gets no finding;
//     apps in shared spaces (no user) and on Studio's free "system"
//     instance are not checked;
//   - a user profile with no role, or a role AG does not define, one
//     finding per project the user belongs to (or one with no project);
//   - a running training job or endpoint with no project tag.
//
// A resource whose project or instance type is not known yet (not
// described, or a project agdash has not listed) is not judged.
func Findings(in Input) []domain.Finding {
	idx := newProjectIndex(in.Projects)
	var out []domain.Finding
	out = append(out, jobFindings(in.Jobs, idx)...)
	out = append(out, endpointFindings(in.Endpoints, idx)...)
	out = append(out, appFindings(in.Apps, in.Users, idx)...)
	out = append(out, userFindings(in.Users, idx)...)
	sortFindings(out)
	return out
}

func jobFindings(jobs []domain.TrainingJobSummary, idx projectIndex) []domain.Finding {
	var out []domain.Finding
	for _, j := range jobs {
		if !j.Running() || !j.ProjectKnown() {
			continue // a job whose tags are not read yet is not one without a project
		}
		if j.Project() == "" {
			out = append(out, noProject("training job", j.Name(), j.InstanceType()))
			continue
		}
		p, ok := idx.lookup(j.Project())
		if !ok || j.InstanceType() == "" || Allowed(p.Limits.Training, j.InstanceType()) {
			continue
		}
		on := j.InstanceType()
		if j.InstanceCount() > 1 {
			on = strconv.Itoa(j.InstanceCount()) + " × " + j.InstanceType()
		}
		out = append(out, domain.Finding{
			Kind:         domain.FindingInstanceOutsideLimits,
			Project:      p.Name,
			ResourceType: "training job",
			ResourceName: j.Name(),
			InstanceType: j.InstanceType(),
			Allowed:      p.Limits.Training,
			Detail: fmt.Sprintf("Training job %s runs on %s, outside project %s's training limit (%s).",
				j.Name(), on, p.Name, limitText(p.Limits.Training)),
		})
	}
	return out
}

func endpointFindings(endpoints []domain.Endpoint, idx projectIndex) []domain.Finding {
	var out []domain.Finding
	for _, e := range endpoints {
		if !endpointRunning(e.Status) {
			continue
		}
		if e.Project == "" {
			out = append(out, noProject("endpoint", e.Name, ""))
			continue
		}
		p, ok := idx.lookup(e.Project)
		if !ok || !endpointServing(e.Status) {
			continue
		}
		for _, v := range e.Variants {
			if v.InstanceType == "" || Allowed(p.Limits.Endpoint, v.InstanceType) {
				continue // serverless variants have no instance type
			}
			out = append(out, domain.Finding{
				Kind:         domain.FindingInstanceOutsideLimits,
				Project:      p.Name,
				ResourceType: "endpoint",
				ResourceName: e.Name,
				InstanceType: v.InstanceType,
				Allowed:      p.Limits.Endpoint,
				Detail: fmt.Sprintf("Endpoint %s (variant %s) runs on %s, outside project %s's endpoint limit (%s).",
					e.Name, v.Name, v.InstanceType, p.Name, limitText(p.Limits.Endpoint)),
			})
		}
	}
	return out
}

func appFindings(apps []domain.StudioApp, users []domain.User, idx projectIndex) []domain.Finding {
	var out []domain.Finding
	for _, a := range apps {
		if !a.Running() || a.UserProfile == "" || a.InstanceType == "" || a.InstanceType == systemInstance {
			continue
		}
		u, ok := findUser(users, a.DomainID, a.UserProfile)
		if !ok {
			continue
		}
		var limited []domain.Project
		allowed := false
		for _, p := range idx.of(u) {
			if len(p.Limits.Notebook) == 0 {
				continue
			}
			limited = append(limited, p)
			allowed = allowed || Allowed(p.Limits.Notebook, a.InstanceType)
		}
		if allowed {
			continue
		}
		for _, p := range limited {
			out = append(out, domain.Finding{
				Kind:         domain.FindingInstanceOutsideLimits,
				Project:      p.Name,
				ResourceType: "Studio app",
				ResourceName: appName(a),
				InstanceType: a.InstanceType,
				Allowed:      p.Limits.Notebook,
				Detail: fmt.Sprintf("%s app %s of user %s runs on %s, outside project %s's notebook limit (%s).",
					a.AppType, a.AppName, a.UserProfile, a.InstanceType, p.Name, limitText(p.Limits.Notebook)),
			})
		}
	}
	return out
}

func userFindings(users []domain.User, idx projectIndex) []domain.Finding {
	var out []domain.Finding
	for _, u := range users {
		if knownRole(u.Role) {
			continue
		}
		detail := fmt.Sprintf("User profile %s in domain %s has no role, so agdash cannot tell whether %s is a data scientist, MLOps engineer or project admin.",
			u.Name, u.DomainID, u.Name)
		if u.Role != domain.RoleUnknown {
			detail = fmt.Sprintf("User profile %s in domain %s has the role %q, which is not one of AG's roles (project-admin, mlops-engineer, data-scientist).",
				u.Name, u.DomainID, string(u.Role))
		}
		f := domain.Finding{Kind: domain.FindingUserWithoutRole, ResourceType: "user profile", ResourceName: u.Name, Detail: detail}
		member := idx.of(u)
		for _, p := range member {
			f.Project = p.Name
			out = append(out, f)
		}
		if len(member) == 0 {
			out = append(out, f)
		}
	}
	return out
}

func noProject(resourceType, name, instanceType string) domain.Finding {
	what := "Training job"
	if resourceType == "endpoint" {
		what = "Endpoint"
	}
	return domain.Finding{
		Kind:         domain.FindingResourceNoProject,
		ResourceType: resourceType,
		ResourceName: name,
		InstanceType: instanceType,
		Detail:       fmt.Sprintf("%s %s is running with no project tag, so no project's limits or usage cover it.", what, name),
	}
}

// appName names an app as ListApps keys it: its owner (user profile or
// space), type and name, e.g. "alice/JupyterLab/default".
func appName(a domain.StudioApp) string {
	owner := a.UserProfile
	if owner == "" {
		owner = a.SpaceName
	}
	return owner + "/" + a.AppType + "/" + a.AppName
}

// findUser matches an app's user profile; a missing domain id on either
// side matches any domain.
func findUser(users []domain.User, domainID, name string) (domain.User, bool) {
	for _, u := range users {
		if u.Name == name && (domainID == "" || u.DomainID == "" || u.DomainID == domainID) {
			return u, true
		}
	}
	return domain.User{}, false
}

func sortFindings(fs []domain.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Project != b.Project:
			return a.Project < b.Project
		case a.Kind != b.Kind:
			return a.Kind < b.Kind
		case a.ResourceType != b.ResourceType:
			return a.ResourceType < b.ResourceType
		case a.ResourceName != b.ResourceName:
			return a.ResourceName < b.ResourceName
		case a.InstanceType != b.InstanceType:
			return a.InstanceType < b.InstanceType
		}
		return a.Detail < b.Detail
	})
}
