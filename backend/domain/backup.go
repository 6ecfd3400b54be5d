package domain

import "time"

// FileSystem is an EFS file system, mapped to the Studio domain whose home
// directories it holds.
type FileSystem struct {
	ID         string
	ARN        string
	Name       string
	DomainID   string
	DomainName string
	SizeBytes  int64
	CreatedAt  time.Time
	State      string
}

// RecoveryPoint is an AWS Backup recovery point of a file system.
type RecoveryPoint struct {
	ARN          string
	Vault        string
	ResourceARN  string
	ResourceType string
	Status       string // COMPLETED, PARTIAL, EXPIRED, ...
	CreatedAt    time.Time
	CompletedAt  time.Time
	SizeBytes    int64
	PlanName     string
	IAMRoleARN   string
}

// Restore job statuses, as AWS Backup spells them.
const (
	RestorePending   = "PENDING"
	RestoreRunning   = "RUNNING"
	RestoreCompleted = "COMPLETED"
	RestoreAborted   = "ABORTED"
	RestoreFailed    = "FAILED"
)

// RestoreJob is an AWS Backup restore job.
type RestoreJob struct {
	ID                 string
	RecoveryPointARN   string
	ResourceType       string
	Status             string
	StatusMessage      string
	PercentDone        string // AWS reports a string such as "42.00%"
	CreatedAt          time.Time
	CompletedAt        time.Time
	BackupSizeBytes    int64
	CreatedResourceARN string
	// SourceResourceARN is the resource the recovery point was taken of
	// (for EFS, the file system's ARN). AWS sends it even when the job
	// failed before creating anything, when CreatedResourceARN is empty.
	SourceResourceARN string
	IAMRoleARN        string
}

// Terminal reports whether the restore job has finished.
func (r RestoreJob) Terminal() bool {
	return r.Status == RestoreCompleted || r.Status == RestoreAborted || r.Status == RestoreFailed
}

// RestoreRequest is an EFS item-level restore as the user asked for it.
type RestoreRequest struct {
	RecoveryPointARN string
	FileSystemID     string
	// Paths are absolute paths on the file system (already mapped from the
	// user's home), at most 10.
	Paths      []string
	IAMRoleARN string
	// IdempotencyToken makes a retried request return the same job.
	IdempotencyToken string
}
