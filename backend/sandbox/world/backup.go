package world

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// BackupVault mirrors AWS Backup's shape.
type BackupVault struct {
	BackupVaultName        string
	BackupVaultArn         string
	EncryptionKeyArn       string
	CreationDate           time.Time
	NumberOfRecoveryPoints int64
	Locked                 bool
}

// BackupRule mirrors AWS Backup's shape.
type BackupRule struct {
	RuleName                string
	RuleId                  string
	TargetBackupVaultName   string
	ScheduleExpression      string // cron(M H * * ? *), UTC
	StartWindowMinutes      int64
	CompletionWindowMinutes int64
	DeleteAfterDays         int64
}

// BackupPlan mirrors AWS Backup's shape, with its one selection's resources.
type BackupPlan struct {
	BackupPlanId      string
	BackupPlanArn     string
	BackupPlanName    string
	VersionId         string
	CreationDate      time.Time
	LastExecutionDate time.Time
	Rules             []BackupRule
	Resources         []string // resource ARNs selected
	IamRoleArn        string
}

// RecoveryPointCreator mirrors AWS Backup's shape.
type RecoveryPointCreator struct {
	BackupPlanId      string
	BackupPlanArn     string
	BackupPlanName    string
	BackupPlanVersion string
	BackupRuleId      string
	BackupRuleName    string
	BackupRuleCron    string
}

// RecoveryPoint mirrors AWS Backup's RecoveryPointByBackupVault.
type RecoveryPoint struct {
	RecoveryPointArn  string
	BackupVaultName   string
	BackupVaultArn    string
	ResourceArn       string
	ResourceType      string // EFS
	ResourceName      string
	CreationDate      time.Time
	CompletionDate    time.Time
	Status            string // COMPLETED, PARTIAL, EXPIRED, ...
	StatusMessage     string
	BackupSizeInBytes int64
	IamRoleArn        string
	CreatedBy         RecoveryPointCreator
	DeleteAfterDays   int64
	DeleteAt          time.Time // CalculatedLifecycle.DeleteAt
	IsEncrypted       bool
	EncryptionKeyArn  string
	LastRestoreTime   time.Time
}

// BackupJob mirrors AWS Backup's shape.
type BackupJob struct {
	BackupJobId       string
	BackupVaultName   string
	BackupVaultArn    string
	RecoveryPointArn  string
	ResourceArn       string
	ResourceType      string
	State             string // CREATED, RUNNING, COMPLETED, PARTIAL
	StatusMessage     string
	PercentDone       string
	BackupSizeInBytes int64
	IamRoleArn        string
	CreationDate      time.Time
	CompletionDate    time.Time
	CreatedBy         RecoveryPointCreator
}

// RestoreJob mirrors DescribeRestoreJob's answer.
type RestoreJob struct {
	AccountId                     string
	RestoreJobId                  string
	RecoveryPointArn              string
	RecoveryPointCreationDate     time.Time
	BackupVaultArn                string
	SourceResourceArn             string
	CreationDate                  time.Time
	CompletionDate                time.Time
	Status                        string // PENDING, RUNNING, COMPLETED, ABORTED, FAILED
	StatusMessage                 string
	PercentDone                   string
	BackupSizeInBytes             int64
	IamRoleArn                    string
	ExpectedCompletionTimeMinutes int64
	CreatedResourceArn            string
	ResourceType                  string
}

// StartRestoreJobInput is StartRestoreJob's request. For EFS, Metadata
// holds file-system-id, newFileSystem, itemsToRestore (a JSON list of up to
// ten absolute paths), Encrypted, PerformanceMode and CreationToken.
type StartRestoreJobInput struct {
	RecoveryPointArn string
	IamRoleArn       string
	Metadata         map[string]string
	IdempotencyToken string
	ResourceType     string
}

type restoreJob struct {
	RestoreJob
	metadata  map[string]string
	created   time.Time
	running   time.Time
	done      time.Time
	failure   string
	items     []string
	fsID      string
	newFS     bool
	finalized bool
}

type backupStore struct {
	vaults   map[string]*BackupVault
	plans    map[string]*BackupPlan
	points   map[string]*RecoveryPoint // by ARN
	jobs     []*BackupJob
	restores []*restoreJob
	tokens   map[string]*restoreJob
	forced   map[string][2]string // resourceArn|date → status, message
}

func (s *backupStore) init() {
	s.vaults = map[string]*BackupVault{}
	s.plans = map[string]*BackupPlan{}
	s.points = map[string]*RecoveryPoint{}
	s.tokens = map[string]*restoreJob{}
	s.forced = map[string][2]string{}
}

// AddBackupVault places a vault.
func (b *Builder) AddBackupVault(v BackupVault) {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	v.BackupVaultArn = w.backupArn("backup-vault", v.BackupVaultName)
	w.backup.vaults[v.BackupVaultName] = &v
}

// AddBackupPlan places a plan whose daily rule runs from firstRun on.
func (b *Builder) AddBackupPlan(p BackupPlan, firstRun time.Time) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	p.BackupPlanArn = w.backupArn("backup-plan", p.BackupPlanId)
	for _, r := range p.Rules {
		if w.backup.vaults[r.TargetBackupVaultName] == nil {
			return invalid("backup plan %s targets unknown vault %s", p.BackupPlanName, r.TargetBackupVaultName)
		}
		min, hour, err := parseDailyCron(r.ScheduleExpression)
		if err != nil {
			return err
		}
		plan, rule := &p, r
		day := firstRun.UTC().Truncate(24 * time.Hour)
		next := day.Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute)
		if next.Before(firstRun) {
			next = next.Add(24 * time.Hour)
		}
		w.scheduleDailyBackup(plan, rule, next)
	}
	w.backup.plans[p.BackupPlanId] = &p
	return nil
}

// ForceBackupOutcome makes the backup of resourceArn on day's date end
// with status (e.g. PARTIAL) and message.
func (b *Builder) ForceBackupOutcome(resourceArn string, day time.Time, status, message string) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	b.w.backup.forced[resourceArn+"|"+day.UTC().Format("2006-01-02")] = [2]string{status, message}
}

// parseDailyCron reads "cron(M H * * ? *)".
func parseDailyCron(expr string) (int, int, error) {
	body, ok := strings.CutPrefix(expr, "cron(")
	f := strings.Fields(strings.TrimSuffix(body, ")"))
	if !ok || len(f) != 6 {
		return 0, 0, invalid("unsupported schedule expression %q; use cron(M H * * ? *)", expr)
	}
	m, e1 := strconv.Atoi(f[0])
	h, e2 := strconv.Atoi(f[1])
	if e1 != nil || e2 != nil || m < 0 || m > 59 || h < 0 || h > 23 {
		return 0, 0, invalid("unsupported schedule expression %q; use cron(M H * * ? *)", expr)
	}
	return m, h, nil
}

func (w *World) scheduleDailyBackup(p *BackupPlan, r BackupRule, at time.Time) {
	w.schedule(at, func(t time.Time) {
		// After a long idle gap, only the backups the retention keeps matter.
		if keep := w.target.Add(-time.Duration(r.DeleteAfterDays) * 24 * time.Hour); t.Before(keep) {
			w.scheduleDailyBackup(p, r, t.Add(24*time.Hour))
			return
		}
		p.LastExecutionDate = t
		for _, res := range p.Resources {
			w.startBackupJob(p, r, res, t)
		}
		w.scheduleDailyBackup(p, r, t.Add(24*time.Hour))
	})
}

func (w *World) startBackupJob(p *BackupPlan, r BackupRule, resource string, at time.Time) {
	rnd := newRand(w.seed, "backup/"+resource+"/"+at.Format(time.RFC3339))
	vault := w.backup.vaults[r.TargetBackupVaultName]
	creator := RecoveryPointCreator{BackupPlanId: p.BackupPlanId, BackupPlanArn: p.BackupPlanArn, BackupPlanName: p.BackupPlanName,
		BackupPlanVersion: p.VersionId, BackupRuleId: r.RuleId, BackupRuleName: r.RuleName, BackupRuleCron: r.ScheduleExpression}
	job := &BackupJob{
		BackupJobId: strings.ToUpper(rnd.UUID()), BackupVaultName: vault.BackupVaultName, BackupVaultArn: vault.BackupVaultArn,
		ResourceArn: resource, ResourceType: "EFS", State: "RUNNING", PercentDone: "0.0", IamRoleArn: p.IamRoleArn,
		CreationDate: at, CreatedBy: creator,
	}
	w.backup.jobs = append(w.backup.jobs, job)
	done := at.Add(time.Duration(rnd.Range(6, 25) * float64(time.Minute)))
	w.schedule(done, func(t time.Time) {
		size := int64(0)
		name := ""
		if fs := w.efs.byId[resource[strings.LastIndexByte(resource, '/')+1:]]; fs != nil {
			size = fs.sizeAt(t)
			name = fs.Name
		}
		rp := &RecoveryPoint{
			RecoveryPointArn: w.backupArn("recovery-point", strings.ToUpper(rnd.UUID())),
			BackupVaultName:  vault.BackupVaultName, BackupVaultArn: vault.BackupVaultArn,
			ResourceArn: resource, ResourceType: "EFS", ResourceName: name,
			CreationDate: at, CompletionDate: t, Status: "COMPLETED", BackupSizeInBytes: size,
			IamRoleArn: p.IamRoleArn, CreatedBy: creator, DeleteAfterDays: r.DeleteAfterDays,
			DeleteAt:    at.Add(time.Duration(r.DeleteAfterDays) * 24 * time.Hour),
			IsEncrypted: true, EncryptionKeyArn: vault.EncryptionKeyArn,
		}
		if f, ok := w.backup.forced[resource+"|"+at.UTC().Format("2006-01-02")]; ok {
			rp.Status, rp.StatusMessage = f[0], f[1]
		}
		w.backup.points[rp.RecoveryPointArn] = rp
		job.State = rp.Status
		if job.State == "COMPLETED" || job.State == "PARTIAL" {
			job.PercentDone = "100.0"
		}
		job.StatusMessage = rp.StatusMessage
		job.CompletionDate = t
		job.BackupSizeInBytes = size
		job.RecoveryPointArn = rp.RecoveryPointArn
		w.schedule(rp.DeleteAt, func(time.Time) { delete(w.backup.points, rp.RecoveryPointArn) })
	})
}

// BackupVaults is ListBackupVaults, by name.
func (w *World) BackupVaults() []BackupVault {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]BackupVault, 0, len(w.backup.vaults))
	for _, v := range w.backup.vaults {
		cp := *v
		for _, rp := range w.backup.points {
			if rp.BackupVaultName == v.BackupVaultName {
				cp.NumberOfRecoveryPoints++
			}
		}
		out = append(out, cp)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].BackupVaultName < out[b].BackupVaultName })
	return out
}

// BackupPlans is ListBackupPlans, by name.
func (w *World) BackupPlans() []BackupPlan {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]BackupPlan, 0, len(w.backup.plans))
	for _, p := range w.backup.plans {
		out = append(out, *p)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].BackupPlanName < out[b].BackupPlanName })
	return out
}

// RecoveryPointQuery filters recovery points; empty fields match all.
type RecoveryPointQuery struct {
	BackupVaultName string
	ResourceArn     string
	CreatedAfter    time.Time
	CreatedBefore   time.Time
}

// RecoveryPoints lists recovery points newest first
// (ListRecoveryPointsByBackupVault / ByResource).
func (w *World) RecoveryPoints(q RecoveryPointQuery) ([]RecoveryPoint, error) {
	w.rlock()
	defer w.mu.RUnlock()
	if q.BackupVaultName != "" && w.backup.vaults[q.BackupVaultName] == nil {
		return nil, notFound("BackupVault", q.BackupVaultName)
	}
	var out []RecoveryPoint
	for _, rp := range w.backup.points {
		if q.BackupVaultName != "" && rp.BackupVaultName != q.BackupVaultName {
			continue
		}
		if q.ResourceArn != "" && rp.ResourceArn != q.ResourceArn {
			continue
		}
		if !q.CreatedAfter.IsZero() && !rp.CreationDate.After(q.CreatedAfter) {
			continue
		}
		if !q.CreatedBefore.IsZero() && !rp.CreationDate.Before(q.CreatedBefore) {
			continue
		}
		out = append(out, *rp)
	}
	sort.Slice(out, func(a, b int) bool {
		if !out[a].CreationDate.Equal(out[b].CreationDate) {
			return out[a].CreationDate.After(out[b].CreationDate)
		}
		return out[a].RecoveryPointArn < out[b].RecoveryPointArn
	})
	return out, nil
}

// RecoveryPoint is DescribeRecoveryPoint.
func (w *World) RecoveryPoint(arn string) (RecoveryPoint, error) {
	w.rlock()
	defer w.mu.RUnlock()
	rp := w.backup.points[arn]
	if rp == nil {
		return RecoveryPoint{}, notFound("RecoveryPoint", arn)
	}
	return *rp, nil
}

// BackupJobs is ListBackupJobs, newest first.
func (w *World) BackupJobs() []BackupJob {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]BackupJob, 0, len(w.backup.jobs))
	for i := len(w.backup.jobs) - 1; i >= 0; i-- {
		out = append(out, *w.backup.jobs[i])
	}
	return out
}

// StartRestoreJob starts an item-level EFS restore. A repeated
// IdempotencyToken returns the job it started before. Items land in a new
// directory aws-backup-restore_<timestamp>, never over existing files.
func (w *World) StartRestoreJob(in StartRestoreJobInput) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	j, err := w.startRestore(in, "")
	if err != nil {
		return "", err
	}
	return j.RestoreJobId, nil
}

// StartRestoreJob starts a restore at the builder's instant; a non-empty
// failure makes it end FAILED with that message.
func (b *Builder) StartRestoreJob(in StartRestoreJobInput, failure string) (string, error) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	j, err := b.w.startRestore(in, failure)
	if err != nil {
		return "", err
	}
	return j.RestoreJobId, nil
}

func (w *World) startRestore(in StartRestoreJobInput, failure string) (*restoreJob, error) {
	if in.IdempotencyToken != "" {
		if j := w.backup.tokens[in.IdempotencyToken]; j != nil {
			return j, nil
		}
	}
	rp := w.backup.points[in.RecoveryPointArn]
	if rp == nil {
		return nil, notFound("RecoveryPoint", in.RecoveryPointArn)
	}
	if rp.Status != "COMPLETED" && rp.Status != "PARTIAL" {
		return nil, invalid("Recovery point %s is in status %s and cannot be restored.", rp.RecoveryPointArn, rp.Status)
	}
	if in.IamRoleArn == "" {
		return nil, invalid("IamRoleArn is required.")
	}
	md := in.Metadata
	newFS := strings.EqualFold(md["newFileSystem"], "true")
	fsID := md["file-system-id"]
	if !newFS {
		if fsID == "" {
			return nil, invalid("Invalid restore metadata: file-system-id is required when newFileSystem is false.")
		}
		if w.efs.byId[fsID] == nil {
			return nil, invalid("Invalid restore metadata: file system %s does not exist.", fsID)
		}
	} else if md["newFileSystem"] != "" && !strings.EqualFold(md["newFileSystem"], "true") && !strings.EqualFold(md["newFileSystem"], "false") {
		return nil, invalid("Invalid restore metadata: newFileSystem must be true or false.")
	}
	var items []string
	if raw := md["itemsToRestore"]; raw != "" {
		if err := json.Unmarshal([]byte(raw), &items); err != nil {
			return nil, invalid("Invalid restore metadata: itemsToRestore must be a JSON list of paths.")
		}
		if len(items) > 10 {
			return nil, invalid("Invalid restore metadata: itemsToRestore can list at most 10 items, got %d.", len(items))
		}
		for _, it := range items {
			if !strings.HasPrefix(it, "/") || strings.Contains(it, "..") {
				return nil, invalid("Invalid restore metadata: item %q is not an absolute path.", it)
			}
		}
	}
	if pm := md["PerformanceMode"]; pm != "" && pm != "generalPurpose" && pm != "maxIO" {
		return nil, invalid("Invalid restore metadata: PerformanceMode must be generalPurpose or maxIO.")
	}
	rnd := newRand(w.seed, "restore/"+itoa(int64(len(w.backup.restores)))+"/"+in.RecoveryPointArn)
	size := rp.BackupSizeInBytes
	if len(items) > 0 {
		size = int64(len(items)) * int64(rnd.Range(20e3, 80e6))
	}
	minutes := 3 + float64(len(items))*0.4 + rnd.Range(0, 3)
	j := &restoreJob{
		RestoreJob: RestoreJob{
			AccountId: w.account, RestoreJobId: strings.ToUpper(rnd.UUID()), RecoveryPointArn: rp.RecoveryPointArn,
			RecoveryPointCreationDate: rp.CreationDate, BackupVaultArn: rp.BackupVaultArn, SourceResourceArn: rp.ResourceArn,
			CreationDate: w.now, BackupSizeInBytes: size, IamRoleArn: in.IamRoleArn,
			ExpectedCompletionTimeMinutes: int64(minutes + 1), ResourceType: "EFS",
		},
		metadata: md, created: w.now, items: items, fsID: fsID, newFS: newFS, failure: failure,
	}
	j.running = w.now.Add(time.Duration(rnd.Range(30, 90) * float64(time.Second)))
	j.done = j.running.Add(time.Duration(minutes * float64(time.Minute)))
	if failure != "" {
		j.done = j.running.Add(time.Duration(minutes / 3 * float64(time.Minute)))
	}
	w.backup.restores = append(w.backup.restores, j)
	if in.IdempotencyToken != "" {
		w.backup.tokens[in.IdempotencyToken] = j
	}
	w.schedule(j.done, func(t time.Time) { w.finishRestore(j, rp, t) })
	return j, nil
}

func (w *World) finishRestore(j *restoreJob, rp *RecoveryPoint, t time.Time) {
	j.finalized = true
	if j.failure != "" {
		return
	}
	rp.LastRestoreTime = t
	if j.newFS {
		rnd := newRand(w.seed, "restore-fs/"+j.RestoreJobId)
		id := "fs-" + rnd.String(hexDigits, 8)
		src := w.efs.byId[rp.ResourceArn[strings.LastIndexByte(rp.ResourceArn, '/')+1:]]
		fs := &fileSystem{FileSystem: FileSystem{FileSystemId: id, FileSystemArn: w.efsArn(id), CreationTime: t, CreationToken: j.metadata["CreationToken"],
			Name: "restored-" + j.RestoreJobId[:8], LifeCycleState: "available", OwnerId: w.account, PerformanceMode: "generalPurpose",
			ThroughputMode: "bursting", Encrypted: true}, baseBytes: rp.BackupSizeInBytes}
		if src != nil {
			fs.KmsKeyId = src.KmsKeyId
		}
		w.efs.byId[id] = fs
		j.CreatedResourceArn = fs.FileSystemArn
		return
	}
	fs := w.efs.byId[j.fsID]
	if fs == nil {
		return
	}
	dir := "/aws-backup-restore_" + t.UTC().Format("2006-01-02T15-04-05")
	cp := make([]RestoredDirectory, len(fs.RestoredDirectories), len(fs.RestoredDirectories)+1)
	copy(cp, fs.RestoredDirectories)
	fs.RestoredDirectories = append(cp, RestoredDirectory{Path: dir, Items: j.items, RestoreJobId: j.RestoreJobId, CreationTime: t})
	fs.restored += j.BackupSizeInBytes
	j.CreatedResourceArn = fs.FileSystemArn
}

func (j *restoreJob) view(now time.Time) RestoreJob {
	out := j.RestoreJob
	switch {
	case now.Before(j.running):
		out.Status = "PENDING"
		out.PercentDone = "0.00%"
	case now.Before(j.done):
		out.Status = "RUNNING"
		frac := float64(now.Sub(j.running)) / float64(j.done.Sub(j.running))
		out.PercentDone = fmt.Sprintf("%.2f%%", 100*frac)
	case j.failure != "":
		out.Status = "FAILED"
		out.StatusMessage = j.failure
		out.CompletionDate = j.done
		out.PercentDone = "0.00%"
	default:
		out.Status = "COMPLETED"
		out.CompletionDate = j.done
		out.PercentDone = "100.00%"
	}
	return out
}

// RestoreJobs is ListRestoreJobs, newest first; status filters when set.
func (w *World) RestoreJobs(status string) []RestoreJob {
	now := w.rlock()
	defer w.mu.RUnlock()
	var out []RestoreJob
	for i := len(w.backup.restores) - 1; i >= 0; i-- {
		v := w.backup.restores[i].view(now)
		if status == "" || v.Status == status {
			out = append(out, v)
		}
	}
	return out
}

// RestoreJob is DescribeRestoreJob.
func (w *World) RestoreJob(id string) (RestoreJob, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	for _, j := range w.backup.restores {
		if j.RestoreJobId == id {
			return j.view(now), nil
		}
	}
	return RestoreJob{}, notFound("RestoreJob", id)
}

// RestoreJobMetadata is GetRestoreJobMetadata.
func (w *World) RestoreJobMetadata(id string) (map[string]string, error) {
	w.rlock()
	defer w.mu.RUnlock()
	for _, j := range w.backup.restores {
		if j.RestoreJobId == id {
			return j.metadata, nil
		}
	}
	return nil, notFound("RestoreJob", id)
}
