package governance

import (
	"sort"

	"github.com/agdash/agdash/backend/domain"
)

// Members maps every project's name to the users whose project list
// (the ag:projects tag) names it, by project name or id, sorted by user
// name then domain. Projects without members map to an empty list; names
// that match no project are ignored.
func Members(projects []domain.Project, users []domain.User) map[string][]domain.User {
	idx := newProjectIndex(projects)
	out := make(map[string][]domain.User, len(projects))
	for _, p := range projects {
		out[p.Name] = []domain.User{}
	}
	for _, u := range users {
		for _, p := range idx.of(u) {
			out[p.Name] = append(out[p.Name], u)
		}
	}
	for _, members := range out {
		sort.SliceStable(members, func(i, j int) bool {
			if members[i].Name != members[j].Name {
				return members[i].Name < members[j].Name
			}
			return members[i].DomainID < members[j].DomainID
		})
	}
	return out
}

// projectIndex finds projects by name or id.
type projectIndex struct {
	byName map[string]domain.Project
	byID   map[string]domain.Project
}

func newProjectIndex(projects []domain.Project) projectIndex {
	idx := projectIndex{byName: map[string]domain.Project{}, byID: map[string]domain.Project{}}
	for _, p := range projects {
		if _, dup := idx.byName[p.Name]; !dup {
			idx.byName[p.Name] = p
		}
		if p.ID != "" {
			idx.byID[p.ID] = p
		}
	}
	return idx
}

// lookup finds a project by name, then by id.
func (idx projectIndex) lookup(ref string) (domain.Project, bool) {
	if p, ok := idx.byName[ref]; ok {
		return p, true
	}
	p, ok := idx.byID[ref]
	return p, ok
}

// of is the known projects a user belongs to, once each, by name.
func (idx projectIndex) of(u domain.User) []domain.Project {
	seen := map[string]bool{}
	var out []domain.Project
	for _, ref := range u.Projects {
		p, ok := idx.lookup(ref)
		if ok && !seen[p.Name] {
			seen[p.Name] = true
			out = append(out, p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
