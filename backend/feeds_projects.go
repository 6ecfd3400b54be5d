package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/feed"
)

// projectTagRefresh is how often the projects' tags (their instance limits
// and S3 access, which admins change) are read again: one Search for all
// of them, or a ListTags each where Search is refused. User profiles, which
// may be thousands, are re-read only when their LastModifiedTime moves.
const projectTagRefresh = 5 * time.Minute

// projectCache holds projects: read in full once (creator, template),
// their tags every projectTagRefresh, their templates' names once.
type projectCache struct {
	mu        sync.Mutex
	entries   map[string]*projectEntry
	search    searchable
	templates templateNames
}

type projectEntry struct {
	p         domain.Project
	described bool
	taggedAt  time.Time
}

// fetchProjects gathers workspaces, users, apps and projects, counts what
// each project runs, and checks the running resources against the
// projects' limits. On the first poll the projects are delivered early,
// as soon as they are listed, while members' roles and the running
// resources are still being read.
func (c *Client) fetchProjects(ctx context.Context, prev any) (any, error) {
	now := c.pollClock.Now()
	var projects []domain.Project
	err := together(ctx,
		func(ctx context.Context) error { return c.studio.list(ctx, now, c.intervals.Projects, true) },
		func(ctx context.Context) (err error) { projects, err = c.syncProjects(ctx, now); return err },
	)
	if err != nil {
		return nil, err
	}
	if prev == nil && !c.studio.allTagged() {
		domains, users, apps := c.studio.snapshot()
		feed.Early(ctx, ProjectsData{Domains: domains, Users: users, Projects: projects, Apps: apps, Loading: true})
	}
	// Members' roles, and the running resources that usage and findings
	// need. These share the training, endpoint and pipeline caches, so with
	// those panes' feeds running too nothing is listed twice.
	err = together(ctx,
		func(ctx context.Context) error { return c.studio.fill(ctx, studioNeeds{tags: true, domains: true}) },
		func(ctx context.Context) error { return c.training.sync(ctx, true) },
		func(ctx context.Context) error { return c.endpoints.syncList(ctx, c.intervals.Endpoints) },
		func(ctx context.Context) error { return c.pipelines.syncCatalog(ctx, now, c.intervals.Pipelines) },
	)
	if err != nil {
		return nil, err
	}
	domains, users, apps := c.studio.snapshot()
	// Running jobs for the findings, and this month's for instance-hours.
	started := monthStart(c.now())
	jobs := c.training.selected(func(j domain.TrainingJobSummary) bool { return j.Running() || !j.CreatedAt().Before(started) })
	projects, findings := annotateProjects(projects, users, jobs, c.endpoints.snapshot(), apps, c.pipelines.list(), c.now())
	return ProjectsData{Domains: domains, Users: users, Projects: projects, Apps: apps, Findings: findings}, nil
}

// syncProjects lists the projects (the truth of which exist) and, when
// tags are due, searches them all in full with their tags at the same
// time; a project Search did not return is described and its tags read.
// A template seen for the first time is named (see templateNames).
func (c *Client) syncProjects(ctx context.Context, now time.Time) ([]domain.Project, error) {
	pc := &c.projects
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.entries == nil {
		pc.entries = map[string]*projectEntry{}
	}
	tagsDue := len(pc.entries) == 0
	for _, e := range pc.entries {
		tagsDue = tagsDue || isDue(now, e.taggedAt, projectTagRefresh)
	}
	var listed []domain.Project
	var searched map[string]domain.Project
	reads := []func(context.Context) error{
		func(ctx context.Context) (err error) { listed, err = c.acct.Projects(ctx); return err },
	}
	if tagsDue {
		reads = append(reads, func(ctx context.Context) error {
			_, err := pc.search.try("Project", func() error {
				found, err := c.acct.SearchProjects(ctx)
				searched = map[string]domain.Project{}
				for _, p := range found {
					searched[p.Name] = p
				}
				return err
			})
			return err
		})
	}
	if err := together(ctx, reads...); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var slow []*projectEntry // read one by one: Search did not answer for them
	for _, l := range listed {
		seen[l.Name] = true
		e := pc.entries[l.Name]
		if e == nil {
			e = &projectEntry{p: l}
			pc.entries[l.Name] = e
		}
		if s, ok := searched[l.Name]; ok {
			e.p, e.described, e.taggedAt = c.withProjectTags(s, s.Tags), true, now
			e.p.Status = l.Status // the list is fresher than Search's index
			continue
		}
		if e.described && e.p.Status != l.Status {
			e.described = false
		}
		if !e.described || isDue(now, e.taggedAt, projectTagRefresh) {
			slow = append(slow, e)
		}
	}
	err := each(ctx, len(slow), func(ctx context.Context, i int) error {
		e := slow[i]
		if !e.described {
			d, err := c.acct.DescribeProject(ctx, e.p.Name)
			if err != nil {
				return err
			}
			e.p, e.described = c.withProjectTags(d, e.p.Tags), true
		}
		if e.p.ARN == "" || !isDue(now, e.taggedAt, projectTagRefresh) {
			return nil
		}
		tags, err := c.acct.Tags(ctx, e.p.ARN)
		if err != nil {
			return err
		}
		e.p, e.taggedAt = c.withProjectTags(e.p, tags), now
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Project, 0, len(listed))
	for name, e := range pc.entries {
		if !seen[name] {
			delete(pc.entries, name)
			continue
		}
		out = append(out, e.p)
	}
	// Before the early delivery, so that the list never flashes the
	// templates' ids; only templates not seen before cost a call.
	pc.templates.resolve(ctx, c.acct, now, out)
	for i := range out {
		out[i] = pc.templates.named(out[i])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// withProjectTags sets a project's tags and what AG reads from them.
func (c *Client) withProjectTags(p domain.Project, tags map[string]string) domain.Project {
	p.Tags = tags
	p.Limits = domain.InstanceLimits{
		Training: domain.SplitTagList(tags[c.tags.TrainingInstances]),
		Endpoint: domain.SplitTagList(tags[c.tags.EndpointInstances]),
		Notebook: domain.SplitTagList(tags[c.tags.NotebookInstances]),
	}
	p.S3Access = domain.SplitTagList(tags[c.tags.S3Access])
	return p
}
