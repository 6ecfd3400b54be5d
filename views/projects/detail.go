package projects

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// page is a detail's text; prose wraps at spaces and hyphens.
type page struct{ kit.Page }

func (p *page) wrapped(indent, text string) { p.Wrapped(indent, themes.Span{}, text, " -") }

// projectDetail is everything the Projects pane knows of one project.
func projectDetail(pr domain.Project, data backend.ProjectsData, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	name := kit.Sanitize(pr.Name)
	status := kit.Sanitize(pr.Status)
	p.Line(st.Bold.Render(name), "  ", st.Status(kit.StatusFamily(status)).Render(status))
	if pr.Description != "" {
		p.wrapped("", pr.Description)
	}
	meta := "id " + kit.Sanitize(orDash(pr.ID))
	if !pr.CreatedAt.IsZero() {
		meta += " · created " + kit.When(pr.CreatedAt, now)
	}
	if pr.CreatedBy != "" {
		meta += " by " + kit.Sanitize(pr.CreatedBy)
	}
	if pr.TemplateID != "" && pr.TemplateID != pr.Template {
		// A named template and the product id AWS knows it by. The wrap
		// breaks at every hyphen, ids included, so when both do not fit on
		// one line the id gets a line of its own.
		name, id := "Template "+kit.Sanitize(pr.Template), "product "+kit.Sanitize(pr.TemplateID)
		if kit.Width(name+" · "+id) <= width-2 {
			p.Line(name + " · " + id)
		} else {
			p.wrapped("", name)
			p.Line(id)
		}
		p.wrapped("", meta)
	} else {
		p.wrapped("", "Template "+kit.Sanitize(orDash(pr.Template))+" · "+meta)
	}

	// Early in the first poll members, usage and findings are unknown:
	// say so rather than show none.
	nameW := 8
	if data.Loading {
		p.Section("Members")
		p.Line("  ", st.Muted.Render("Reading the user profiles' tags…"))
	} else {
		nameW = members(p, pr)
	}

	p.Section("Instance-type limits")
	limit := func(types []string) string {
		if len(types) == 0 {
			return st.Muted.Render("no limit set")
		}
		return kit.Sanitize(strings.Join(types, ", "))
	}
	p.Row("training", 9, limit(pr.Limits.Training))
	p.Row("endpoints", 9, limit(pr.Limits.Endpoint))
	p.Row("notebooks", 9, limit(pr.Limits.Notebook))

	p.Section("S3 access")
	if len(pr.S3Access) == 0 {
		p.Line("  ", st.Muted.Render("none granted (no ag:s3-access tag)"))
	}
	for _, s := range pr.S3Access {
		p.wrapped("  ", s)
	}

	if data.Loading {
		p.Section("Running now")
		p.Line("  ", st.Muted.Render("Counting the running resources and checking them against the limits…"))
		return p.String()
	}

	p.Section("Running now")
	u := pr.Usage
	p.Line("  ", plural(u.RunningJobs, "training job"), " · ", plural(u.Endpoints, "endpoint"), " · ",
		plural(u.Pipelines, "pipeline"), " · ", plural(u.RunningApps, "Studio app"))
	p.Line("  ", strconv.FormatFloat(u.InstanceHoursMonth, 'f', 1, 64), " training instance-hours this month")
	if apps := memberApps(pr, data.Apps); len(apps) > 0 {
		p.Line("  ", st.Muted.Render("Studio apps of members:"))
		for _, a := range apps {
			p.Line("    ", kit.Fit(kit.Sanitize(a.UserProfile), nameW, kit.AlignLeft), "  ",
				kit.Fit(kit.Sanitize(a.AppType), 16, kit.AlignLeft), "  ",
				kit.Fit(kit.Sanitize(a.InstanceType), 14, kit.AlignLeft), "  ",
				st.Status(kit.StatusFamily(a.Status)).Render(kit.Sanitize(a.Status)), "  ",
				st.Muted.Render(since(a.CreatedAt, now)))
		}
	}

	findings := projectFindings(pr.Name, data.Findings)
	p.Section(fmt.Sprintf("Governance findings (%d)", len(findings)))
	if len(findings) == 0 {
		p.Line("  ", st.Status(themes.FamilySucceeded).Render("none: every running resource is within the project's limits"))
	}
	for _, f := range findings {
		p.wrapped("  ! ", findingText(f))
	}
	return p.String()
}

// members writes the project's members with their roles, and returns the
// width of the name column.
func members(p *page, pr domain.Project) int {
	st := p.St
	p.Section(fmt.Sprintf("Members (%d)", len(pr.Members)))
	if len(pr.Members) == 0 {
		p.Line("  ", st.Muted.Render("No user profile names this project in its ag:projects tag."))
	}
	sorted := append([]domain.User(nil), pr.Members...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	nameW := 8
	for _, u := range sorted {
		nameW = max(nameW, min(28, kit.Width(kit.Sanitize(u.Name))))
	}
	for _, u := range sorted {
		role := u.Role.Label()
		if u.Role == domain.RoleUnknown {
			role = st.Status(themes.FamilyWarning).Render("no ag:role tag")
		}
		p.Line("  ", kit.Fit(kit.Sanitize(u.Name), nameW, kit.AlignLeft), "  ", role)
	}
	return nameW
}

// domainDetail is a Studio domain with its users and their apps.
func domainDetail(d domainRow, data backend.ProjectsData, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	status := kit.Sanitize(d.Status)
	p.Line(st.Bold.Render(kit.Sanitize(d.Name)), "  ", st.Status(kit.StatusFamily(status)).Render(status))
	meta := "Domain " + kit.Sanitize(d.ID) + " · home EFS " + kit.Sanitize(orDash(d.HomeEFSID))
	if !d.CreatedAt.IsZero() {
		meta += " · created " + kit.Timestamp(d.CreatedAt, now)
	}
	p.wrapped("", meta)
	var users []domain.User
	for _, u := range data.Users {
		if u.DomainID == d.ID {
			users = append(users, u)
		}
	}
	sort.Slice(users, func(i, j int) bool { return users[i].Name < users[j].Name })
	p.Section(fmt.Sprintf("Users (%d)", len(users)))
	for _, u := range users {
		role := u.Role.Label()
		if u.Role == domain.RoleUnknown {
			role = st.Status(themes.FamilyWarning).Render("no ag:role tag")
		}
		projects := kit.Sanitize(strings.Join(u.Projects, " "))
		if projects == "" {
			projects = st.Muted.Render("no project")
		}
		if data.Loading { // the profiles' tags are not read yet
			role, projects = st.Muted.Render("…"), st.Muted.Render("…")
		}
		p.Line("  ", kit.Fit(kit.Sanitize(u.Name), 14, kit.AlignLeft), "  ", kit.Fit(role, 15, kit.AlignLeft), "  ", projects)
	}
	var running []domain.StudioApp
	for _, a := range data.Apps {
		if a.DomainID == d.ID && a.Running() {
			running = append(running, a)
		}
	}
	p.Section(fmt.Sprintf("Running Studio apps (%d)", len(running)))
	for _, a := range running {
		p.Line("  ", kit.Fit(kit.Sanitize(a.UserProfile), 14, kit.AlignLeft), "  ", kit.Fit(kit.Sanitize(a.AppType), 16, kit.AlignLeft), "  ",
			kit.Sanitize(a.InstanceType), "  ", st.Muted.Render(since(a.CreatedAt, now)))
	}
	return p.String()
}

// memberApps are the running Studio apps of the project's members.
func memberApps(pr domain.Project, apps []domain.StudioApp) []domain.StudioApp {
	member := map[string]bool{}
	for _, u := range pr.Members {
		member[u.DomainID+"/"+u.Name] = true
	}
	var out []domain.StudioApp
	for _, a := range apps {
		if a.Running() && member[a.DomainID+"/"+a.UserProfile] {
			out = append(out, a)
		}
	}
	return out
}

func projectFindings(project string, all []domain.Finding) []domain.Finding {
	var out []domain.Finding
	for _, f := range all {
		if f.Project == project {
			out = append(out, f)
		}
	}
	return out
}

// findingText is the finding in words: the backend's sentence, or one
// made from its fields when the backend left it empty.
func findingText(f domain.Finding) string {
	if f.Detail != "" {
		return f.Detail
	}
	switch f.Kind {
	case domain.FindingInstanceOutsideLimits:
		return fmt.Sprintf("%s %s runs on %s, outside the allowed %s.", f.ResourceType, f.ResourceName, f.InstanceType, strings.Join(f.Allowed, ", "))
	case domain.FindingUserWithoutRole:
		return fmt.Sprintf("User profile %s has no role tag.", f.ResourceName)
	case domain.FindingResourceNoProject:
		return fmt.Sprintf("%s %s belongs to no project.", f.ResourceType, f.ResourceName)
	}
	return fmt.Sprintf("%s %s: %s", f.ResourceType, f.ResourceName, f.Kind)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// since is how long an app has been up: "since 3h ago"; "" when AWS has
// not said when it started.
func since(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	return "since " + kit.Age(t, now)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
