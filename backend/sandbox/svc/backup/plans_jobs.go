package backup

import (
	"context"
	"slices"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// ListBackupPlansInput is ListBackupPlans' request.
type ListBackupPlansInput struct {
	NextToken      *string `aws:"nextToken,query"`
	MaxResults     *int32  `aws:"maxResults,query"`
	IncludeDeleted *bool   `aws:"includeDeleted,query"`
}

// BackupPlansListMember is one plan in ListBackupPlans.
type BackupPlansListMember struct {
	BackupPlanArn     string
	BackupPlanId      string
	BackupPlanName    string
	VersionId         string
	CreationDate      time.Time
	LastExecutionDate time.Time
}

// ListBackupPlansOutput is ListBackupPlans' answer.
type ListBackupPlansOutput struct {
	BackupPlansList []BackupPlansListMember
	NextToken       *string
}

// listBackupPlans lists the plans by name (none is ever deleted).
// aws backup list-backup-plans
func (h handlers) listBackupPlans(_ context.Context, _ *server.Call, in *ListBackupPlansInput) (*ListBackupPlansOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	key := func(p world.BackupPlan) string { return p.BackupPlanName + "\x00" + p.BackupPlanId }
	page, next, err := paginate(h.world.BackupPlans(), key, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListBackupPlansOutput{BackupPlansList: make([]BackupPlansListMember, len(page)), NextToken: next}
	for i, p := range page {
		out.BackupPlansList[i] = BackupPlansListMember{
			BackupPlanArn: p.BackupPlanArn, BackupPlanId: p.BackupPlanId, BackupPlanName: p.BackupPlanName,
			VersionId: p.VersionId, CreationDate: p.CreationDate, LastExecutionDate: p.LastExecutionDate,
		}
	}
	return out, nil
}

// ListBackupJobsInput is ListBackupJobs' request.
type ListBackupJobsInput struct {
	NextToken         *string    `aws:"nextToken,query"`
	MaxResults        *int32     `aws:"maxResults,query"`
	ByResourceArn     *string    `aws:"resourceArn,query"`
	ByState           *string    `aws:"state,query"`
	ByBackupVaultName *string    `aws:"backupVaultName,query"`
	ByCreatedBefore   *time.Time `aws:"createdBefore,query"`
	ByCreatedAfter    *time.Time `aws:"createdAfter,query"`
	ByResourceType    *string    `aws:"resourceType,query"`
	ByAccountId       *string    `aws:"accountId,query"`
	ByCompleteAfter   *time.Time `aws:"completeAfter,query"`
	ByCompleteBefore  *time.Time `aws:"completeBefore,query"`
}

// BackupJob is one job in ListBackupJobs.
type BackupJob struct {
	AccountId         string
	BackupJobId       string
	BackupVaultName   string
	BackupVaultArn    string
	RecoveryPointArn  string
	ResourceArn       string
	ResourceType      string
	CreationDate      time.Time
	CompletionDate    time.Time
	State             string
	StatusMessage     string
	PercentDone       string
	BackupSizeInBytes *int64
	IamRoleArn        string
	CreatedBy         *RecoveryPointCreator
}

// ListBackupJobsOutput is ListBackupJobs' answer.
type ListBackupJobsOutput struct {
	BackupJobs []BackupJob
	NextToken  *string
}

// backupJobStates are BackupJobState's values.
var backupJobStates = []string{"CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED", "EXPIRED", "PARTIAL", "AGGREGATE_ALL", "ANY"}

// listBackupJobs lists the nightly backup jobs, newest first.
// aws backup list-backup-jobs
func (h handlers) listBackupJobs(_ context.Context, call *server.Call, in *ListBackupJobsInput) (*ListBackupJobsOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	state := optional.Value(in.ByState)
	if state != "" && !slices.Contains(backupJobStates, state) {
		return nil, invalidParameter("Invalid value %q for state.", state)
	}
	var jobs []world.BackupJob
	for _, j := range h.world.BackupJobs() {
		switch {
		case in.ByResourceArn != nil && j.ResourceArn != *in.ByResourceArn,
			state != "" && state != "ANY" && state != "AGGREGATE_ALL" && j.State != state,
			in.ByBackupVaultName != nil && j.BackupVaultName != *in.ByBackupVaultName,
			in.ByResourceType != nil && j.ResourceType != *in.ByResourceType,
			in.ByAccountId != nil && *in.ByAccountId != call.Principal.Account,
			!inWindow(j.CreationDate, in.ByCreatedAfter, in.ByCreatedBefore),
			(in.ByCompleteAfter != nil || in.ByCompleteBefore != nil) &&
				(j.CompletionDate.IsZero() || !inWindow(j.CompletionDate, in.ByCompleteAfter, in.ByCompleteBefore)):
			continue
		}
		jobs = append(jobs, j)
	}
	key := func(j world.BackupJob) string { return newestFirst(j.CreationDate, j.BackupJobId) }
	page, next, err := paginate(jobs, key, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListBackupJobsOutput{BackupJobs: make([]BackupJob, len(page)), NextToken: next}
	for i, j := range page {
		out.BackupJobs[i] = BackupJob{
			AccountId: call.Principal.Account, BackupJobId: j.BackupJobId, BackupVaultName: j.BackupVaultName,
			BackupVaultArn: j.BackupVaultArn, RecoveryPointArn: j.RecoveryPointArn, ResourceArn: j.ResourceArn,
			ResourceType: j.ResourceType, CreationDate: j.CreationDate, CompletionDate: j.CompletionDate,
			State: j.State, StatusMessage: j.StatusMessage, PercentDone: j.PercentDone,
			BackupSizeInBytes: &j.BackupSizeInBytes, IamRoleArn: j.IamRoleArn, CreatedBy: creator(j.CreatedBy),
		}
	}
	return out, nil
}

// inWindow reports whether t is strictly after after and before before,
// where given.
func inWindow(t time.Time, after, before *time.Time) bool {
	return (after == nil || t.After(*after)) && (before == nil || t.Before(*before))
}
