package backend

import (
	"context"
	"sort"
	"sync"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// maxReportBytes bounds an evaluation report read from S3.
const maxReportBytes = 1 << 20

// registryCache holds model groups (tags read once), versions (described
// when new or when the list shows their approval or status moved) and
// evaluation reports (read once per S3 URI: a report never changes).
type registryCache struct {
	acct *aws.Account
	tags domain.TagKeys

	mu       sync.Mutex
	groups   map[string]*groupEntry
	versions map[string]domain.ModelVersion // by ARN, described
	reports  map[string]domain.MetricsReport
}

type groupEntry struct {
	g      domain.ModelGroup
	tagged bool
}

func newRegistryCache(acct *aws.Account, tags domain.TagKeys) *registryCache {
	return &registryCache{
		acct: acct, tags: tags, groups: map[string]*groupEntry{},
		versions: map[string]domain.ModelVersion{}, reports: map[string]domain.MetricsReport{},
	}
}

// fetchModelGroups lists the groups and counts their versions from one
// paged ListModelPackages over every group.
func (c *Client) fetchModelGroups(ctx context.Context, _ any) (any, error) {
	rc := c.registry
	rc.mu.Lock()
	defer rc.mu.Unlock()
	listed, err := rc.acct.ModelGroups(ctx)
	if err != nil {
		return nil, err
	}
	versions, err := rc.acct.ModelVersions(ctx, "")
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]domain.ModelGroup, 0, len(listed))
	for _, g := range listed {
		seen[g.Name] = true
		e, err := rc.groupLocked(ctx, g)
		if err != nil {
			return nil, err
		}
		out = append(out, countVersions(e.g, versions))
	}
	for name := range rc.groups {
		if !seen[name] {
			delete(rc.groups, name)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return ModelGroupsData{Groups: out}, nil
}

func (rc *registryCache) groupLocked(ctx context.Context, g domain.ModelGroup) (*groupEntry, error) {
	e := rc.groups[g.Name]
	if e == nil {
		e = &groupEntry{g: g}
		rc.groups[g.Name] = e
	}
	project := e.g.Project
	e.g = g
	e.g.Project = project
	if !e.tagged && g.ARN != "" {
		tags, err := rc.acct.Tags(ctx, g.ARN)
		if err != nil {
			return nil, err
		}
		e.g.Project, e.tagged = tags[rc.tags.ProjectName], true
	}
	return e, nil
}

func countVersions(g domain.ModelGroup, versions []domain.ModelVersion) domain.ModelGroup {
	g.Versions, g.LatestApproved, g.Pending = 0, 0, 0
	for _, v := range versions {
		if v.Group != g.Name {
			continue
		}
		g.Versions++
		switch v.Approval {
		case domain.ApprovalApproved:
			g.LatestApproved = max(g.LatestApproved, v.Version)
		case domain.ApprovalPending:
			g.Pending++
		}
	}
	return g
}

// fetchModelVersions lists one group's versions, describes the new and
// changed ones, and reads each evaluation report once.
func (c *Client) fetchModelVersions(ctx context.Context, group string) (any, error) {
	rc := c.registry
	rc.mu.Lock()
	defer rc.mu.Unlock()
	listed, err := rc.acct.ModelVersions(ctx, group)
	if err != nil {
		return nil, err
	}
	g := domain.ModelGroup{Name: group}
	if e := rc.groups[group]; e != nil {
		g = e.g
	}
	out := make([]domain.ModelVersion, 0, len(listed))
	for _, l := range listed {
		v, ok := rc.versions[l.ARN]
		if !ok || v.Approval != l.Approval || v.Status != l.Status {
			if v, err = rc.acct.DescribeModelVersion(ctx, l.ARN); err != nil {
				return nil, err
			}
			rc.versions[l.ARN] = v
		}
		if v.MetricsURI != "" {
			if v.Report, err = rc.reportLocked(ctx, v.MetricsURI); err != nil {
				return nil, err
			}
		}
		if name := v.Lineage.TrainingJobName; name != "" {
			if job, ok, err := c.training.job(ctx, name); err == nil && ok {
				v.Hyperparameter = job.Hyperparameters
				if len(v.Lineage.InputData) == 0 {
					for _, in := range job.Inputs {
						v.Lineage.InputData = append(v.Lineage.InputData, in.S3URI)
					}
				}
			}
		}
		out = append(out, v)
	}
	g = countVersions(g, listed)
	sort.Slice(out, func(i, j int) bool { return out[i].Version > out[j].Version })
	return ModelVersionsData{Group: g, Versions: out}, nil
}

// reportLocked reads and parses an evaluation report once. A report that
// is missing or refused is recorded as such and not asked for again; a
// throttled or failed read is retried on the next poll.
func (rc *registryCache) reportLocked(ctx context.Context, uri string) (domain.MetricsReport, error) {
	if r, ok := rc.reports[uri]; ok {
		return r, nil
	}
	body, err := rc.acct.GetObject(ctx, uri, maxReportBytes)
	switch {
	case err == nil:
		r := parseReport(body)
		r.Loaded = true
		rc.reports[uri] = r
		return r, nil
	case aws.IsThrottle(err) || aws.IsTransient(err) || aws.IsExpired(err):
		return domain.MetricsReport{}, err
	default:
		r := domain.MetricsReport{Err: aws.Sentence(err), Loaded: true}
		rc.reports[uri] = r
		return r, nil
	}
}

// forget drops a described version so the next poll reads it again (after
// its approval changed here).
func (rc *registryCache) forget(arn string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	delete(rc.versions, arn)
}
