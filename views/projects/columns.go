// Package projects is the Projects pane: SageMaker Projects with their
// members, limits, usage and governance findings, and the Studio domains
// (team workspaces) they live in.
package projects

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/table"
)

// projectColumns are the list's columns. scope reports the project the
// shell is scoped to, for the marker column; loading reports that members
// and usage are not read yet, when their columns show "…" rather than a
// false 0.
func projectColumns(scope func() string, loading func() bool) []table.Column[domain.Project] {
	num := func(n int) string {
		if loading() {
			return "…"
		}
		return strconv.Itoa(n)
	}
	return []table.Column[domain.Project]{
		{Title: "", Width: 1, Text: func(p domain.Project) string {
			if p.Name == scope() {
				return "*"
			}
			return ""
		}},
		// Spare width is shared evenly by the name (up to 32 characters in
		// SageMaker) and the template's name, a phrase.
		{Title: "NAME", Width: 16, Flex: 1, Filter: true, Text: func(p domain.Project) string { return p.Name },
			Compare: func(a, b domain.Project) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "STATUS", Width: 16, Text: func(p domain.Project) string { return p.Status },
			Look:    table.StatusLook(func(p domain.Project) string { return p.Status }),
			Compare: func(a, b domain.Project) int { return strings.Compare(a.Status, b.Status) }},
		{Title: "TEMPLATE", Width: 12, Flex: 1, Drop: 2, Filter: true, Text: func(p domain.Project) string { return p.Template },
			Compare: func(a, b domain.Project) int { return strings.Compare(a.Template, b.Template) }},
		{Title: "USERS", Width: 5, Align: kit.AlignRight, Text: func(p domain.Project) string { return num(len(p.Members)) },
			Compare: func(a, b domain.Project) int { return cmp.Compare(len(a.Members), len(b.Members)) }},
		{Title: "JOBS", Width: 4, Align: kit.AlignRight, Text: func(p domain.Project) string { return num(p.Usage.RunningJobs) },
			Compare: func(a, b domain.Project) int { return cmp.Compare(a.Usage.RunningJobs, b.Usage.RunningJobs) }},
		{Title: "ENDPTS", Width: 6, Align: kit.AlignRight, Text: func(p domain.Project) string { return num(p.Usage.Endpoints) },
			Compare: func(a, b domain.Project) int { return cmp.Compare(a.Usage.Endpoints, b.Usage.Endpoints) }},
		{Title: "PIPES", Width: 5, Align: kit.AlignRight, Drop: 1, Text: func(p domain.Project) string { return num(p.Usage.Pipelines) },
			Compare: func(a, b domain.Project) int { return cmp.Compare(a.Usage.Pipelines, b.Usage.Pipelines) }},
		{Title: "INST-H", Width: 6, Align: kit.AlignRight, Text: func(p domain.Project) string {
			if loading() {
				return "…"
			}
			return hours(p.Usage.InstanceHoursMonth)
		},
			Compare: func(a, b domain.Project) int {
				return cmp.Compare(a.Usage.InstanceHoursMonth, b.Usage.InstanceHoursMonth)
			}},
		{Title: "FINDINGS", Width: 8, Align: kit.AlignRight, Text: func(p domain.Project) string { return num(p.FindingCount) },
			Look:    findingsLook,
			Compare: func(a, b domain.Project) int { return cmp.Compare(a.FindingCount, b.FindingCount) }},
	}
}

func findingsLook(p domain.Project, st *themes.Styles) themes.Span {
	if p.FindingCount > 0 {
		return st.Status(themes.FamilyFailed)
	}
	return st.Muted
}

// hours is instance-hours in at most six cells: 412.5, 1287, 123456, 1.2M.
func hours(h float64) string {
	switch {
	case h < 1000:
		return strconv.FormatFloat(h, 'f', 1, 64)
	case h < 1e6:
		return strconv.FormatFloat(h, 'f', 0, 64)
	}
	return kit.ShortCount(h)
}

// domainRow is a Studio domain with what the list shows about it.
type domainRow struct {
	domain.StudioDomain
	Users       int
	RunningApps int
}

func domainColumns() []table.Column[domainRow] {
	return []table.Column[domainRow]{
		{Title: "NAME", Width: 16, Flex: 2, Filter: true, Text: func(d domainRow) string { return d.Name },
			Compare: func(a, b domainRow) int { return strings.Compare(a.Name, b.Name) }},
		{Title: "ID", Width: 12, Flex: 1, Filter: true, Drop: 2, Text: func(d domainRow) string { return d.ID },
			Compare: func(a, b domainRow) int { return strings.Compare(a.ID, b.ID) }},
		{Title: "STATUS", Width: 12, Text: func(d domainRow) string { return d.Status },
			Look:    table.StatusLook(func(d domainRow) string { return d.Status }),
			Compare: func(a, b domainRow) int { return strings.Compare(a.Status, b.Status) }},
		{Title: "USERS", Width: 5, Align: kit.AlignRight, Text: func(d domainRow) string { return strconv.Itoa(d.Users) },
			Compare: func(a, b domainRow) int { return cmp.Compare(a.Users, b.Users) }},
		{Title: "APPS", Width: 4, Align: kit.AlignRight, Text: func(d domainRow) string { return strconv.Itoa(d.RunningApps) },
			Compare: func(a, b domainRow) int { return cmp.Compare(a.RunningApps, b.RunningApps) }},
		{Title: "HOME EFS", Width: 12, Drop: 1, Text: func(d domainRow) string { return d.HomeEFSID }},
	}
}

// domainRows joins domains with their users and running apps.
func domainRows(ds []domain.StudioDomain, users []domain.User, apps []domain.StudioApp) []domainRow {
	out := make([]domainRow, len(ds))
	for i, d := range ds {
		out[i].StudioDomain = d
		for _, u := range users {
			if u.DomainID == d.ID {
				out[i].Users++
			}
		}
		for _, a := range apps {
			if a.DomainID == d.ID && a.Running() {
				out[i].RunningApps++
			}
		}
	}
	return out
}
