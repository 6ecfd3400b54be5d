package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// projectTagRefresh is how often a project's tags (its instance limits and
// S3 access, which admins change) are read again. Projects are few, so
// this costs a handful of calls an hour; user profiles, which may be
// thousands, are re-read only when their LastModifiedTime moves.
const projectTagRefresh = 5 * time.Minute

// projectCache holds projects: described once (creator, template), tags
// re-read every projectTagRefresh.
type projectCache struct {
	mu      sync.Mutex
	entries map[string]*projectEntry
}

type projectEntry struct {
	p        domain.Project
	taggedAt time.Time
}

// fetchProjects gathers workspaces, users, apps and projects, counts what
// each project runs, and checks the running resources against the
// projects' limits.
func (c *Client) fetchProjects(ctx context.Context, _ any) (any, error) {
	now := c.pollClock.Now()
	if err := c.studio.sync(ctx, now, c.intervals.Projects, true); err != nil {
		return nil, err
	}
	projects, err := c.syncProjects(ctx, now)
	if err != nil {
		return nil, err
	}
	// Usage and governance need the running jobs and endpoints: these calls
	// share the training and endpoint caches, so with those panes' feeds
	// running too nothing is listed twice.
	if err := c.training.sync(ctx, true); err != nil {
		return nil, err
	}
	if err := c.endpoints.syncList(ctx, c.intervals.Endpoints); err != nil {
		return nil, err
	}
	if _, err := c.pipelines.syncList(ctx); err != nil {
		return nil, err
	}
	domains, users, apps := c.studio.snapshot()
	// Running jobs for the findings, and this month's for instance-hours.
	started := monthStart(c.now())
	jobs := c.training.selected(func(j domain.TrainingJob) bool { return j.Running() || !j.CreatedAt.Before(started) })
	projects, findings := annotateProjects(projects, users, jobs, c.endpoints.snapshot(), apps, c.pipelines.list(), c.now())
	return ProjectsData{Domains: domains, Users: users, Projects: projects, Apps: apps, Findings: findings}, nil
}

func (c *Client) syncProjects(ctx context.Context, now time.Time) ([]domain.Project, error) {
	pc := &c.projects
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.entries == nil {
		pc.entries = map[string]*projectEntry{}
	}
	listed, err := c.acct.Projects(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]domain.Project, 0, len(listed))
	for _, l := range listed {
		seen[l.Name] = true
		e := pc.entries[l.Name]
		if e == nil || e.p.Status != l.Status {
			d, err := c.acct.DescribeProject(ctx, l.Name)
			if err != nil {
				return nil, err
			}
			if e == nil {
				e = &projectEntry{}
				pc.entries[l.Name] = e
			}
			d.Tags, d.Limits, d.S3Access = e.p.Tags, e.p.Limits, e.p.S3Access
			e.p = d
		}
		if isDue(now, e.taggedAt, projectTagRefresh) && e.p.ARN != "" {
			tags, err := c.acct.Tags(ctx, e.p.ARN)
			if err != nil {
				return nil, err
			}
			e.p.Tags = tags
			e.p.Limits = domain.InstanceLimits{
				Training: domain.SplitTagList(tags[c.tags.TrainingInstances]),
				Endpoint: domain.SplitTagList(tags[c.tags.EndpointInstances]),
				Notebook: domain.SplitTagList(tags[c.tags.NotebookInstances]),
			}
			e.p.S3Access = domain.SplitTagList(tags[c.tags.S3Access])
			e.taggedAt = now
		}
		out = append(out, e.p)
	}
	for name := range pc.entries {
		if !seen[name] {
			delete(pc.entries, name)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
