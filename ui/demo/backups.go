package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// backupsDemo plays the Backups pane's feeds: the Studio home file
// systems, a month of daily recovery points each, and restore jobs that
// run for about twenty seconds once started (one whose paths mention
// "missing" fails, as AWS Backup does for a path not in the point).
type backupsDemo struct {
	svc   *kittest.Service
	start time.Time

	mu     sync.Mutex
	jobs   []domain.RestoreJob
	fail   map[string]bool
	tokens map[string]string // IdempotencyToken → job id
}

func playBackups(ctx context.Context, svc *kittest.Service) {
	d := &backupsDemo{svc: svc, start: svc.Now(), fail: map[string]bool{}, tokens: map[string]string{}}
	svc.OnDo(d.do)
	d.jobs = []domain.RestoreJob{{
		ID: "8C1F2A44-3E5B-4D6C-9A7F-1B2C3D4E5F60", RecoveryPointARN: demoPointARN("fs-0hdb0001", 3), ResourceType: "EFS",
		Status: domain.RestoreCompleted, PercentDone: "100.00%", CreatedAt: d.start.Add(-49 * time.Hour),
		CompletedAt: d.start.Add(-49*time.Hour + 4*time.Minute), BackupSizeBytes: 36 << 20,
		CreatedResourceARN: demoFSARN("fs-0hdb0001"), SourceResourceARN: demoFSARN("fs-0hdb0001"), IAMRoleARN: demoRole,
	}}
	fss := demoFileSystems(svc.Now())
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for i := 0; ; i++ {
		if i%30 == 0 {
			send(svc, backend.FeedKey{Kind: backend.FeedFileSystems}, fss)
			for _, fs := range fss.FileSystems {
				send(svc, backend.FeedKey{Kind: backend.FeedRecoveryPoints, Arg: fs.ID}, demoPoints(fs, d.start))
			}
		}
		send(svc, backend.FeedKey{Kind: backend.FeedRestoreJobs}, backend.RestoreJobsData{Jobs: d.advance(svc.Now())})
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func send(svc *kittest.Service, key backend.FeedKey, data any) {
	now := svc.Now()
	svc.Send(backend.Update{Key: key, Data: data, State: backend.FeedState{Key: key, Interval: 5 * time.Second, LastSuccess: now, LastAttempt: now}})
}

// do answers StartRestore with a new job; other actions succeed.
func (d *backupsDemo) do(_ context.Context, req backend.ActionRequest) (backend.ActionResult, error) {
	res := backend.ActionResult{Action: req.Action(), Target: req.Target(), Message: "Done: " + req.Action().Verb() + " (" + req.Target() + ")"}
	r, ok := req.(backend.StartRestore)
	if !ok {
		return res, nil
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.tokens[r.IdempotencyToken]; ok {
		res.ID = id // the same request again: the same job, as AWS Backup answers
		return res, nil
	}
	id := fmt.Sprintf("E2A7C5D1-9B3F-4E8A-B6C4-%012X", len(d.jobs))
	d.jobs = append([]domain.RestoreJob{{ID: id, RecoveryPointARN: r.RecoveryPointARN, ResourceType: "EFS", Status: domain.RestorePending,
		PercentDone: "0.00%", CreatedAt: d.svc.Now(), SourceResourceARN: demoFSARN(r.FileSystemID), IAMRoleARN: r.IAMRoleARN,
		BackupSizeBytes: int64(len(r.Paths)) * 7 << 20}}, d.jobs...)
	d.tokens[r.IdempotencyToken] = id
	d.fail[id] = strings.Contains(strings.Join(r.Paths, " "), "missing")
	res.ID = id
	res.Message = fmt.Sprintf("Restore job started for %d item(s); items land in aws-backup-restore_<timestamp> at the file system root.", len(r.Paths))
	return res, nil
}

// advance moves the started jobs on and returns them all, newest first.
func (d *backupsDemo) advance(now time.Time) []domain.RestoreJob {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := range d.jobs {
		j := &d.jobs[i]
		if j.Terminal() {
			continue
		}
		age := now.Sub(j.CreatedAt)
		switch {
		case age < 3*time.Second:
		case d.fail[j.ID] && age > 8*time.Second:
			j.Status, j.CompletedAt = domain.RestoreFailed, now
			j.StatusMessage = "Failed to restore item /200002/missing: the path does not exist in the recovery point."
		case age < 23*time.Second:
			j.Status, j.PercentDone = domain.RestoreRunning, fmt.Sprintf("%.2f%%", float64(age-3*time.Second)/float64(20*time.Second)*100)
		default:
			j.Status, j.PercentDone, j.CompletedAt = domain.RestoreCompleted, "100.00%", now
			j.CreatedResourceARN = demoFSARN("fs-0hdb0001")
		}
	}
	return append([]domain.RestoreJob(nil), d.jobs...)
}

const demoRole = "arn:aws:iam::123456789012:role/ag-backup-service"

func demoFSARN(id string) string {
	return "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/" + id
}

func demoPointARN(fsID string, d int) string {
	return fmt.Sprintf("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:%s-%04d", strings.TrimPrefix(fsID, "fs-"), d)
}

func demoFileSystems(now time.Time) backend.FileSystemsData {
	users := map[string][]domain.User{}
	for _, u := range kittest.Projects().Users {
		users[u.DomainID] = append(users[u.DomainID], u)
	}
	fs := func(id, domainID, domainName string, gib int64, age time.Duration) domain.FileSystem {
		return domain.FileSystem{ID: id, ARN: demoFSARN(id), Name: domainName + "-home", DomainID: domainID, DomainName: domainName,
			SizeBytes: gib << 30, CreatedAt: now.Add(-age), State: "available"}
	}
	return backend.FileSystemsData{Users: users, FileSystems: []domain.FileSystem{
		fs("fs-0hdb0001", "d-hdb0001", "hdb-analytics", 46, 420*24*time.Hour),
		fs("fs-0lta0001", "d-lta0001", "lta-transport", 31, 365*24*time.Hour),
		fs("fs-0moh0001", "d-moh0001", "moh-health-analytics", 18, 92*24*time.Hour),
	}}
}

// demoPoints is a daily backup at 02:14 for 35 days: one PARTIAL, the
// two oldest EXPIRED.
func demoPoints(fs domain.FileSystem, now time.Time) backend.RecoveryPointsData {
	today := time.Date(now.Year(), now.Month(), now.Day(), 2, 14, 0, 0, now.Location())
	if today.After(now) {
		today = today.AddDate(0, 0, -1)
	}
	var out []domain.RecoveryPoint
	for d := 0; d < 35; d++ {
		at := today.AddDate(0, 0, -d)
		status := "COMPLETED"
		switch {
		case d == 9:
			status = "PARTIAL"
		case d >= 33:
			status = "EXPIRED"
		}
		out = append(out, domain.RecoveryPoint{ARN: demoPointARN(fs.ID, d), Vault: "ag-studio-home", ResourceARN: fs.ARN, ResourceType: "EFS",
			Status: status, CreatedAt: at, CompletedAt: at.Add(11 * time.Minute), SizeBytes: fs.SizeBytes - int64(d)*(300<<20),
			PlanName: "ag-studio-daily", IAMRoleARN: demoRole})
	}
	return backend.RecoveryPointsData{FileSystemID: fs.ID, Points: out}
}
