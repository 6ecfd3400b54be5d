package aws

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"

	"github.com/agdash/agdash/backend/domain"
)

// studioDomainTag is the tag SageMaker puts on a domain's home EFS,
// valued with the domain's ARN.
const studioDomainTag = "ManagedByAmazonSageMakerResource"

// FileSystems lists the EFS file systems; DomainID is set on those that
// SageMaker created for a Studio domain.
// aws efs describe-file-systems
func (a *Account) FileSystems(ctx context.Context) ([]domain.FileSystem, error) {
	var out []domain.FileSystem
	p := efs.NewDescribeFileSystemsPaginator(a.EFS, &efs.DescribeFileSystemsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range page.FileSystems {
			fs := domain.FileSystem{
				ID: str(f.FileSystemId), ARN: str(f.FileSystemArn), Name: str(f.Name),
				CreatedAt: tm(f.CreationTime), State: string(f.LifeCycleState),
			}
			if f.SizeInBytes != nil {
				fs.SizeBytes = f.SizeInBytes.Value
			}
			tags := tagMap(f.Tags, func(t efstypes.Tag) (*string, *string) { return t.Key, t.Value })
			if arn := tags[studioDomainTag]; arn != "" {
				fs.DomainID = lastSegment(arn)
			}
			out = append(out, fs)
		}
	}
	return out, nil
}

// RecoveryPoints lists a resource's recovery points (without the IAM role,
// which DescribeRecoveryPoint gives).
// aws backup list-recovery-points-by-resource --resource-arn ARN
func (a *Account) RecoveryPoints(ctx context.Context, resourceARN string) ([]domain.RecoveryPoint, error) {
	var out []domain.RecoveryPoint
	p := backup.NewListRecoveryPointsByResourcePaginator(a.Backup, &backup.ListRecoveryPointsByResourceInput{ResourceArn: sdk.String(resourceARN)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range page.RecoveryPoints {
			out = append(out, domain.RecoveryPoint{
				ARN: str(r.RecoveryPointArn), Vault: str(r.BackupVaultName), ResourceARN: resourceARN,
				Status: string(r.Status), CreatedAt: tm(r.CreationDate), SizeBytes: i64(r.BackupSizeBytes),
			})
		}
	}
	return out, nil
}

// DescribeRecoveryPoint reads a recovery point in full.
// aws backup describe-recovery-point --backup-vault-name VAULT --recovery-point-arn ARN
func (a *Account) DescribeRecoveryPoint(ctx context.Context, vault, arn string) (domain.RecoveryPoint, error) {
	d, err := a.Backup.DescribeRecoveryPoint(ctx, &backup.DescribeRecoveryPointInput{
		BackupVaultName: sdk.String(vault), RecoveryPointArn: sdk.String(arn),
	})
	if err != nil {
		return domain.RecoveryPoint{}, err
	}
	rp := domain.RecoveryPoint{
		ARN: str(d.RecoveryPointArn), Vault: str(d.BackupVaultName), ResourceARN: str(d.ResourceArn),
		ResourceType: str(d.ResourceType), Status: string(d.Status), CreatedAt: tm(d.CreationDate),
		CompletedAt: tm(d.CompletionDate), SizeBytes: i64(d.BackupSizeInBytes), IAMRoleARN: str(d.IamRoleArn),
	}
	if d.CreatedBy != nil {
		rp.PlanName = str(d.CreatedBy.BackupPlanName)
	}
	return rp, nil
}

// BackupVaults lists the vault names.
// aws backup list-backup-vaults
func (a *Account) BackupVaults(ctx context.Context) ([]string, error) {
	var out []string
	p := backup.NewListBackupVaultsPaginator(a.Backup, &backup.ListBackupVaultsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, v := range page.BackupVaultList {
			out = append(out, str(v.BackupVaultName))
		}
	}
	return out, nil
}

// VaultRecoveryPoints lists a vault's recovery points of one resource, in
// full (role and plan included), as an alternative to describing each.
// aws backup list-recovery-points-by-backup-vault --backup-vault-name VAULT --by-resource-arn ARN
func (a *Account) VaultRecoveryPoints(ctx context.Context, vault, resourceARN string) ([]domain.RecoveryPoint, error) {
	var out []domain.RecoveryPoint
	p := backup.NewListRecoveryPointsByBackupVaultPaginator(a.Backup, &backup.ListRecoveryPointsByBackupVaultInput{
		BackupVaultName: sdk.String(vault), ByResourceArn: sdk.String(resourceARN),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, r := range page.RecoveryPoints {
			rp := domain.RecoveryPoint{
				ARN: str(r.RecoveryPointArn), Vault: str(r.BackupVaultName), ResourceARN: str(r.ResourceArn),
				ResourceType: str(r.ResourceType), Status: string(r.Status), CreatedAt: tm(r.CreationDate),
				CompletedAt: tm(r.CompletionDate), SizeBytes: i64(r.BackupSizeInBytes), IAMRoleARN: str(r.IamRoleArn),
			}
			if r.CreatedBy != nil {
				rp.PlanName = str(r.CreatedBy.BackupPlanName)
			}
			out = append(out, rp)
		}
	}
	return out, nil
}

// RestoreJobs lists restore jobs created at or after since.
// aws backup list-restore-jobs --by-created-after SINCE
func (a *Account) RestoreJobs(ctx context.Context, since time.Time) ([]domain.RestoreJob, error) {
	in := &backup.ListRestoreJobsInput{}
	if !since.IsZero() {
		in.ByCreatedAfter = sdk.Time(since)
	}
	var out []domain.RestoreJob
	p := backup.NewListRestoreJobsPaginator(a.Backup, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, j := range page.RestoreJobs {
			out = append(out, domain.RestoreJob{
				ID: str(j.RestoreJobId), RecoveryPointARN: str(j.RecoveryPointArn), ResourceType: str(j.ResourceType),
				Status: string(j.Status), StatusMessage: str(j.StatusMessage), PercentDone: str(j.PercentDone),
				CreatedAt: tm(j.CreationDate), CompletedAt: tm(j.CompletionDate), BackupSizeBytes: i64(j.BackupSizeInBytes),
				CreatedResourceARN: str(j.CreatedResourceArn), SourceResourceARN: str(j.SourceResourceArn), IAMRoleARN: str(j.IamRoleArn),
			})
		}
	}
	return out, nil
}

// DescribeRestoreJob reads one restore job.
// aws backup describe-restore-job --restore-job-id ID
func (a *Account) DescribeRestoreJob(ctx context.Context, id string) (domain.RestoreJob, error) {
	j, err := a.Backup.DescribeRestoreJob(ctx, &backup.DescribeRestoreJobInput{RestoreJobId: sdk.String(id)})
	if err != nil {
		return domain.RestoreJob{}, err
	}
	return domain.RestoreJob{
		ID: str(j.RestoreJobId), RecoveryPointARN: str(j.RecoveryPointArn), ResourceType: str(j.ResourceType),
		Status: string(j.Status), StatusMessage: str(j.StatusMessage), PercentDone: str(j.PercentDone),
		CreatedAt: tm(j.CreationDate), CompletedAt: tm(j.CompletionDate), BackupSizeBytes: i64(j.BackupSizeInBytes),
		CreatedResourceARN: str(j.CreatedResourceArn), SourceResourceARN: str(j.SourceResourceArn), IAMRoleARN: str(j.IamRoleArn),
	}, nil
}

// StartRestoreJob starts an EFS item-level restore with the given metadata
// (see restore.Plan) and returns the job id.
// aws backup start-restore-job --recovery-point-arn ARN --iam-role-arn ROLE --resource-type EFS --metadata file://metadata.json --idempotency-token TOKEN
func (a *Account) StartRestoreJob(ctx context.Context, req domain.RestoreRequest, metadata map[string]string) (string, error) {
	in := &backup.StartRestoreJobInput{
		RecoveryPointArn: sdk.String(req.RecoveryPointARN), IamRoleArn: sdk.String(req.IAMRoleARN),
		ResourceType: sdk.String("EFS"), Metadata: metadata,
	}
	if req.IdempotencyToken != "" {
		in.IdempotencyToken = sdk.String(req.IdempotencyToken)
	}
	out, err := a.Backup.StartRestoreJob(ctx, in)
	if err != nil {
		return "", err
	}
	return str(out.RestoreJobId), nil
}
