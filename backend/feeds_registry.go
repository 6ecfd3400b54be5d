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
	search   searchable
}

type groupEntry struct {
	g      domain.ModelGroup
	tagged bool
}

func (e *groupEntry) tagTarget() (string, string) { return e.g.Name, e.g.ARN }

func (e *groupEntry) setProject(project string) { e.g.Project, e.tagged = project, true }

func newRegistryCache(acct *aws.Account, tags domain.TagKeys) *registryCache {
	return &registryCache{
		acct: acct, tags: tags, groups: map[string]*groupEntry{},
		versions: map[string]domain.ModelVersion{}, reports: map[string]domain.MetricsReport{},
	}
}

// fetchModelGroups lists the groups and, at the same time, every group's
// versions in one paged ListModelPackages (for the counts); new groups'
// project tags come from one Search.
func (c *Client) fetchModelGroups(ctx context.Context, _ any) (any, error) {
	rc := c.registry
	rc.mu.Lock()
	defer rc.mu.Unlock()
	var listed []domain.ModelGroup
	var versions []domain.ModelVersion
	err := together(ctx,
		func(ctx context.Context) (err error) { listed, err = rc.acct.ModelGroups(ctx); return err },
		func(ctx context.Context) (err error) { versions, err = rc.acct.ModelVersions(ctx, ""); return err },
	)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var untagged []*groupEntry
	for _, g := range listed {
		seen[g.Name] = true
		e := rc.groups[g.Name]
		if e == nil {
			e = &groupEntry{}
			rc.groups[g.Name] = e
		}
		project := e.g.Project
		e.g = g
		e.g.Project = project
		if !e.tagged && g.ARN != "" {
			untagged = append(untagged, e)
		}
	}
	for name := range rc.groups {
		if !seen[name] {
			delete(rc.groups, name)
		}
	}
	if err := readProjectTags(ctx, rc.acct, &rc.search, aws.SearchModelGroups, rc.tags.ProjectName, untagged); err != nil {
		return nil, err
	}
	out := make([]domain.ModelGroup, 0, len(listed))
	for _, g := range listed {
		out = append(out, countVersions(rc.groups[g.Name].g, versions))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return ModelGroupsData{Groups: out}, nil
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

// fetchModelVersions lists one group's versions and, for all of them at
// once, describes the new and changed ones, reads each evaluation report
// once and looks up the training job that produced each.
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
	// The goroutines only read the caches; what they learn is kept after.
	out := make([]domain.ModelVersion, len(listed))
	described := make([]*domain.ModelVersion, len(listed))
	reports := make([]*domain.MetricsReport, len(listed))
	err = each(ctx, len(listed), func(ctx context.Context, i int) error {
		l := listed[i]
		v, ok := rc.versions[l.ARN]
		if !ok || v.Approval != l.Approval || v.Status != l.Status {
			d, err := rc.acct.DescribeModelVersion(ctx, l.ARN)
			if err != nil {
				return err
			}
			v, described[i] = d, &d
		}
		if uri := v.MetricsURI; uri != "" {
			r, known := rc.reports[uri]
			if !known {
				read, keep, err := rc.readReport(ctx, uri)
				if err != nil {
					return err
				}
				if r = read; keep {
					reports[i] = &read
				}
			}
			v.Report = r
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
		out[i] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i := range listed {
		if described[i] != nil {
			rc.versions[listed[i].ARN] = *described[i]
		}
		if reports[i] != nil {
			rc.reports[out[i].MetricsURI] = *reports[i]
		}
	}
	g = countVersions(g, listed)
	sort.Slice(out, func(i, j int) bool { return out[i].Version > out[j].Version })
	return ModelVersionsData{Group: g, Versions: out}, nil
}

// readReport reads and parses an evaluation report. A report that is
// missing or refused is an answer to keep (never asked for again); a
// throttled or failed read is an error, retried on the next poll.
func (rc *registryCache) readReport(ctx context.Context, uri string) (report domain.MetricsReport, keep bool, err error) {
	body, err := rc.acct.GetObject(ctx, uri, maxReportBytes)
	switch {
	case err == nil:
		r := parseReport(body)
		r.Loaded = true
		return r, true, nil
	case aws.IsThrottle(err) || aws.IsTransient(err) || aws.IsExpired(err):
		return domain.MetricsReport{}, false, err
	}
	return domain.MetricsReport{Err: aws.Sentence(err), Loaded: true}, true, nil
}

// forget drops a described version so the next poll reads it again (after
// its approval changed here).
func (rc *registryCache) forget(arn string) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	delete(rc.versions, arn)
}
