package backend

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// restoreLookback is how far back the restore jobs feed lists.
const restoreLookback = 30 * 24 * time.Hour

// backupCache holds the file systems, recovery points described once each
// (a finished point does not change) and the restore jobs this session
// started, which are described until they finish (the list can lag behind
// a job just started).
type backupCache struct {
	acct *aws.Account

	mu          sync.Mutex
	fileSystems map[string]domain.FileSystem // by id
	points      map[string]domain.RecoveryPoint
	started     map[string]bool // restore job ids started here, until terminal
}

func newBackupCache(acct *aws.Account) *backupCache {
	return &backupCache{
		acct: acct, fileSystems: map[string]domain.FileSystem{},
		points: map[string]domain.RecoveryPoint{}, started: map[string]bool{},
	}
}

// fetchFileSystems lists the EFS file systems, maps each to its Studio
// domain, and lists the users of each domain (for their home directories).
func (c *Client) fetchFileSystems(ctx context.Context, _ any) (any, error) {
	now := c.pollClock.Now()
	var fss []domain.FileSystem
	err := together(ctx,
		func(ctx context.Context) error { return c.studio.list(ctx, now, c.intervals.Backups, false) },
		func(ctx context.Context) (err error) { fss, err = c.acct.FileSystems(ctx); return err },
	)
	if err != nil {
		return nil, err
	}
	if err := c.studio.fill(ctx, studioNeeds{homes: true, domains: true}); err != nil {
		return nil, err
	}
	domains, users, _ := c.studio.snapshot()
	byEFS := map[string]domain.StudioDomain{}
	byID := map[string]domain.StudioDomain{}
	for _, d := range domains {
		byEFS[d.HomeEFSID], byID[d.ID] = d, d
	}
	c.backups.mu.Lock()
	clear(c.backups.fileSystems)
	for i, fs := range fss {
		if d, ok := byEFS[fs.ID]; ok && fs.DomainID == "" {
			fs.DomainID = d.ID
		}
		fs.DomainName = byID[fs.DomainID].Name
		fss[i] = fs
		c.backups.fileSystems[fs.ID] = fs
	}
	c.backups.mu.Unlock()
	byDomain := map[string][]domain.User{}
	for _, u := range users {
		byDomain[u.DomainID] = append(byDomain[u.DomainID], u)
	}
	sort.Slice(fss, func(i, j int) bool { return fss[i].ID < fss[j].ID })
	return FileSystemsData{FileSystems: fss, Users: byDomain}, nil
}

// fetchRecoveryPoints lists one file system's recovery points, newest
// first. Points not seen before (or whose status moved) are read in full
// (IAM role, plan) by listing their vault's points of this file system:
// one call per vault, not one describe per point.
func (c *Client) fetchRecoveryPoints(ctx context.Context, fsID string) (any, error) {
	bc := c.backups
	bc.mu.Lock()
	defer bc.mu.Unlock()
	fs, ok := bc.fileSystems[fsID]
	if !ok {
		all, err := bc.acct.FileSystems(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range all {
			bc.fileSystems[f.ID] = f
		}
		if fs, ok = bc.fileSystems[fsID]; !ok {
			return nil, fmt.Errorf("file system %s does not exist", fsID)
		}
	}
	listed, err := bc.acct.RecoveryPoints(ctx, fs.ARN)
	if err != nil {
		return nil, err
	}
	var vaults []string
	for _, l := range listed {
		if p, ok := bc.points[l.ARN]; (!ok || p.Status != l.Status) && !slices.Contains(vaults, l.Vault) {
			vaults = append(vaults, l.Vault)
		}
	}
	full := make([][]domain.RecoveryPoint, len(vaults))
	err = each(ctx, len(vaults), func(ctx context.Context, i int) (err error) {
		full[i], err = bc.acct.VaultRecoveryPoints(ctx, vaults[i], fs.ARN)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, points := range full {
		for _, p := range points {
			bc.points[p.ARN] = p
		}
	}
	out := make([]domain.RecoveryPoint, 0, len(listed))
	for _, l := range listed {
		p, ok := bc.points[l.ARN]
		if !ok || p.Status != l.Status {
			// Listed by resource but not (yet) by its vault.
			if p, err = bc.acct.DescribeRecoveryPoint(ctx, l.Vault, l.ARN); err != nil {
				return nil, err
			}
			bc.points[l.ARN] = p
		}
		if p.ResourceARN == "" {
			p.ResourceARN = fs.ARN
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	return RecoveryPointsData{FileSystemID: fsID, Points: out}, nil
}

// fetchRestoreJobs lists the month's restore jobs and describes those this
// session started until they finish.
func (c *Client) fetchRestoreJobs(ctx context.Context, _ any) (any, error) {
	bc := c.backups
	bc.mu.Lock()
	defer bc.mu.Unlock()
	jobs, err := bc.acct.RestoreJobs(ctx, c.now().Add(-restoreLookback))
	if err != nil {
		return nil, err
	}
	byID := map[string]int{}
	for i, j := range jobs {
		byID[j.ID] = i
	}
	for id := range bc.started {
		j, err := bc.acct.DescribeRestoreJob(ctx, id)
		if err != nil {
			return nil, err
		}
		if i, ok := byID[id]; ok {
			jobs[i] = j
		} else {
			jobs = append(jobs, j)
		}
		if j.Terminal() {
			delete(bc.started, id)
		}
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].CreatedAt.After(jobs[j].CreatedAt) })
	return RestoreJobsData{Jobs: jobs}, nil
}

// restoreInterval polls faster while any restore runs.
func (c *Client) restoreInterval(data any) time.Duration {
	if d, ok := data.(RestoreJobsData); ok {
		for _, j := range d.Jobs {
			if !j.Terminal() {
				return c.intervals.RestoreRunning
			}
		}
	}
	return c.intervals.RestoreIdle
}

func (bc *backupCache) trackRestore(id string) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	bc.started[id] = true
}
