package backup

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// restoreJobStatuses are RestoreJobStatus's values.
var restoreJobStatuses = []string{"PENDING", "RUNNING", "COMPLETED", "ABORTED", "FAILED"}

// projectTag is the MLOps template's tag naming a resource's project.
const projectTag = "sagemaker:project-name"

// StartRestoreJobInput is StartRestoreJob's request. For an EFS item-level
// restore Metadata holds file-system-id, newFileSystem ("false"),
// itemsToRestore (a JSON list of at most ten absolute paths), Encrypted,
// PerformanceMode and CreationToken.
type StartRestoreJobInput struct {
	RecoveryPointArn                 *string
	Metadata                         map[string]string
	IamRoleArn                       *string
	IdempotencyToken                 *string
	ResourceType                     *string
	CopySourceTagsToRestoredResource *bool
}

// StartRestoreJobOutput is StartRestoreJob's answer.
type StartRestoreJobOutput struct {
	RestoreJobId string
}

// startRestoreJob starts a restore. A repeated IdempotencyToken returns the
// job the first call started. The caller must be allowed to restore the
// recovery point of the file system's project, if it has one.
// aws backup start-restore-job --recovery-point-arn ARN --iam-role-arn ROLE --metadata KEY=VALUE,... --resource-type EFS
func (h handlers) startRestoreJob(_ context.Context, call *server.Call, in *StartRestoreJobInput) (*StartRestoreJobOutput, error) {
	switch {
	case optional.Value(in.RecoveryPointArn) == "":
		return nil, missingParameter("RecoveryPointArn")
	case in.Metadata == nil:
		return nil, missingParameter("Metadata")
	}
	rp, err := h.world.RecoveryPoint(*in.RecoveryPointArn)
	if err != nil {
		return nil, fromWorld(err)
	}
	if err := call.Authorize(rp.RecoveryPointArn, h.projectOf(rp.ResourceArn)); err != nil {
		return nil, err
	}
	if t := optional.Value(in.ResourceType); t != "" && t != rp.ResourceType {
		return nil, invalidParameter("Resource type %s does not match the recovery point's resource type %s.", t, rp.ResourceType)
	}
	role := optional.Value(in.IamRoleArn)
	if role == "" {
		return nil, missingParameter("IamRoleArn")
	}
	if a, ok := world.ParseArn(role); !ok || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") {
		return nil, invalidParameter("IamRoleArn %s is not an IAM role ARN.", role)
	}
	id, err := h.world.StartRestoreJob(world.StartRestoreJobInput{
		RecoveryPointArn: rp.RecoveryPointArn, IamRoleArn: role, Metadata: in.Metadata,
		IdempotencyToken: optional.Value(in.IdempotencyToken), ResourceType: rp.ResourceType,
	})
	if err != nil {
		return nil, fromWorld(err)
	}
	return &StartRestoreJobOutput{RestoreJobId: id}, nil
}

// projectOf is the project of the Studio domain whose home file system
// resourceArn is, "" if none.
func (h handlers) projectOf(resourceArn string) string {
	a, ok := world.ParseArn(resourceArn)
	if !ok || a.Service != "elasticfilesystem" {
		return ""
	}
	fsID := strings.TrimPrefix(a.Resource, "file-system/")
	for _, d := range h.world.Domains() {
		if d.HomeEfsFileSystemId == fsID {
			p, _ := world.TagValue(d.Tags, projectTag)
			return p
		}
	}
	return ""
}

// RestoreJob is a restore job as DescribeRestoreJob and ListRestoreJobs
// give it.
type RestoreJob struct {
	AccountId                     string
	RestoreJobId                  string
	RecoveryPointArn              string
	SourceResourceArn             string
	BackupVaultArn                string
	CreationDate                  time.Time
	CompletionDate                time.Time
	Status                        string
	StatusMessage                 string
	PercentDone                   string
	BackupSizeInBytes             *int64
	IamRoleArn                    string
	ExpectedCompletionTimeMinutes *int64
	CreatedResourceArn            string
	ResourceType                  string
	RecoveryPointCreationDate     time.Time
}

func restoreJob(j world.RestoreJob) RestoreJob {
	return RestoreJob{
		AccountId: j.AccountId, RestoreJobId: j.RestoreJobId, RecoveryPointArn: j.RecoveryPointArn,
		SourceResourceArn: j.SourceResourceArn, BackupVaultArn: j.BackupVaultArn, CreationDate: j.CreationDate,
		CompletionDate: j.CompletionDate, Status: j.Status, StatusMessage: j.StatusMessage, PercentDone: j.PercentDone,
		BackupSizeInBytes: &j.BackupSizeInBytes, IamRoleArn: j.IamRoleArn,
		ExpectedCompletionTimeMinutes: &j.ExpectedCompletionTimeMinutes, CreatedResourceArn: j.CreatedResourceArn,
		ResourceType: j.ResourceType, RecoveryPointCreationDate: j.RecoveryPointCreationDate,
	}
}

// DescribeRestoreJobInput is DescribeRestoreJob's request.
type DescribeRestoreJobInput struct {
	RestoreJobId string `aws:",uri"`
}

// describeRestoreJob reads one restore job as of now: PENDING, then
// RUNNING with PercentDone, then COMPLETED (CreatedResourceArn set) or
// FAILED (StatusMessage says why).
// aws backup describe-restore-job --restore-job-id ID
func (h handlers) describeRestoreJob(_ context.Context, _ *server.Call, in *DescribeRestoreJobInput) (*RestoreJob, error) {
	j, err := h.world.RestoreJob(in.RestoreJobId)
	if err != nil {
		return nil, fromWorld(err)
	}
	out := restoreJob(j)
	return &out, nil
}

// GetRestoreJobMetadataInput is GetRestoreJobMetadata's request.
type GetRestoreJobMetadataInput struct {
	RestoreJobId string `aws:",uri"`
}

// GetRestoreJobMetadataOutput is GetRestoreJobMetadata's answer.
type GetRestoreJobMetadataOutput struct {
	RestoreJobId string
	Metadata     map[string]string
}

// getRestoreJobMetadata returns the metadata a restore job was started with.
// aws backup get-restore-job-metadata --restore-job-id ID
func (h handlers) getRestoreJobMetadata(_ context.Context, _ *server.Call, in *GetRestoreJobMetadataInput) (*GetRestoreJobMetadataOutput, error) {
	md, err := h.world.RestoreJobMetadata(in.RestoreJobId)
	if err != nil {
		return nil, fromWorld(err)
	}
	return &GetRestoreJobMetadataOutput{RestoreJobId: in.RestoreJobId, Metadata: md}, nil
}

// ListRestoreJobsInput is ListRestoreJobs' request.
type ListRestoreJobsInput struct {
	NextToken        *string    `aws:"nextToken,query"`
	MaxResults       *int32     `aws:"maxResults,query"`
	ByAccountId      *string    `aws:"accountId,query"`
	ByResourceType   *string    `aws:"resourceType,query"`
	ByCreatedBefore  *time.Time `aws:"createdBefore,query"`
	ByCreatedAfter   *time.Time `aws:"createdAfter,query"`
	ByStatus         *string    `aws:"status,query"`
	ByCompleteBefore *time.Time `aws:"completeBefore,query"`
	ByCompleteAfter  *time.Time `aws:"completeAfter,query"`
}

// ListRestoreJobsOutput is ListRestoreJobs' answer.
type ListRestoreJobsOutput struct {
	RestoreJobs []RestoreJob
	NextToken   *string
}

// listRestoreJobs lists restore jobs newest first, filtered as asked.
// aws backup list-restore-jobs
func (h handlers) listRestoreJobs(_ context.Context, call *server.Call, in *ListRestoreJobsInput) (*ListRestoreJobsOutput, error) {
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return nil, err
	}
	status := optional.Value(in.ByStatus)
	if status != "" && !slices.Contains(restoreJobStatuses, status) {
		return nil, invalidParameter("Invalid value %q for status; use one of %s.", status, strings.Join(restoreJobStatuses, ", "))
	}
	var jobs []world.RestoreJob
	for _, j := range h.world.RestoreJobs(status) {
		switch {
		case in.ByAccountId != nil && *in.ByAccountId != call.Principal.Account,
			in.ByResourceType != nil && j.ResourceType != *in.ByResourceType,
			!inWindow(j.CreationDate, in.ByCreatedAfter, in.ByCreatedBefore),
			(in.ByCompleteAfter != nil || in.ByCompleteBefore != nil) &&
				(j.CompletionDate.IsZero() || !inWindow(j.CompletionDate, in.ByCompleteAfter, in.ByCompleteBefore)):
			continue
		}
		jobs = append(jobs, j)
	}
	key := func(j world.RestoreJob) string { return newestFirst(j.CreationDate, j.RestoreJobId) }
	page, next, err := paginate(jobs, key, in.NextToken, size)
	if err != nil {
		return nil, err
	}
	out := &ListRestoreJobsOutput{RestoreJobs: make([]RestoreJob, len(page)), NextToken: next}
	for i, j := range page {
		out.RestoreJobs[i] = restoreJob(j)
	}
	return out, nil
}
