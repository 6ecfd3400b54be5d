package awsfake

import (
	"context"
	"fmt"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"
	"github.com/aws/aws-sdk-go-v2/service/efs"
	efstypes "github.com/aws/aws-sdk-go-v2/service/efs/types"
)

// FileSystem is an EFS file system; DomainARN tags it as a Studio home.
type FileSystem struct {
	ID, Name, DomainARN string
	Size                int64
	Created             time.Time
}

// RecoveryPoint is a backup of a file system.
type RecoveryPoint struct {
	ARN, Vault, FileSystemID, Status, Role, Plan string
	Created, Completed                           time.Time
	Size                                         int64
}

// RestoreJob is an AWS Backup restore job.
type RestoreJob struct {
	ID, RecoveryPointARN, Status, Percent string
	Created                               time.Time
}

// StartedRestore is a StartRestoreJob request the fake received.
type StartedRestore struct {
	RecoveryPointARN, Role, IdempotencyToken string
	Metadata                                 map[string]string
}

// AddFileSystems adds EFS file systems.
func (f *Account) AddFileSystems(fs ...FileSystem) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fileSystems = append(f.fileSystems, fs...)
}

// AddRecoveryPoints adds recovery points.
func (f *Account) AddRecoveryPoints(ps ...RecoveryPoint) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.points = append(f.points, ps...)
}

// SetRestoreStatus moves a restore job on.
func (f *Account) SetRestoreStatus(id, status, percent string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range f.restores {
		if r.ID == id {
			r.Status, r.Percent = status, percent
		}
	}
}

func (f *Account) fsARN(id string) string {
	return "arn:aws:elasticfilesystem:" + f.Region + ":" + f.AccountID + ":file-system/" + id
}

func (f *Account) DescribeFileSystems(ctx context.Context, in *efs.DescribeFileSystemsInput, _ ...func(*efs.Options)) (*efs.DescribeFileSystemsOutput, error) {
	if err := f.call(ctx, "efs", "DescribeFileSystems"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &efs.DescribeFileSystemsOutput{}
	for _, fs := range f.fileSystems {
		if id := sdk.ToString(in.FileSystemId); id != "" && id != fs.ID {
			continue
		}
		d := efstypes.FileSystemDescription{
			FileSystemId: sdk.String(fs.ID), FileSystemArn: sdk.String(f.fsARN(fs.ID)), Name: sdk.String(fs.Name),
			CreationTime: sdk.Time(fs.Created), LifeCycleState: efstypes.LifeCycleStateAvailable,
			SizeInBytes: &efstypes.FileSystemSize{Value: fs.Size},
		}
		if fs.DomainARN != "" {
			d.Tags = []efstypes.Tag{{Key: sdk.String("ManagedByAmazonSageMakerResource"), Value: sdk.String(fs.DomainARN)}}
		}
		out.FileSystems = append(out.FileSystems, d)
	}
	return out, nil
}

func (f *Account) ListBackupVaults(ctx context.Context, in *backup.ListBackupVaultsInput, _ ...func(*backup.Options)) (*backup.ListBackupVaultsOutput, error) {
	if err := f.call(ctx, "backup", "ListBackupVaults"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &backup.ListBackupVaultsOutput{}
	seen := map[string]bool{}
	for _, p := range f.points {
		if !seen[p.Vault] {
			seen[p.Vault] = true
			out.BackupVaultList = append(out.BackupVaultList, types.BackupVaultListMember{BackupVaultName: sdk.String(p.Vault)})
		}
	}
	return out, nil
}

func (f *Account) ListRecoveryPointsByResource(ctx context.Context, in *backup.ListRecoveryPointsByResourceInput, _ ...func(*backup.Options)) (*backup.ListRecoveryPointsByResourceOutput, error) {
	if err := f.call(ctx, "backup", "ListRecoveryPointsByResource"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &backup.ListRecoveryPointsByResourceOutput{}
	for _, p := range f.points {
		if f.fsARN(p.FileSystemID) == sdk.ToString(in.ResourceArn) {
			out.RecoveryPoints = append(out.RecoveryPoints, types.RecoveryPointByResource{
				RecoveryPointArn: sdk.String(p.ARN), BackupVaultName: sdk.String(p.Vault), Status: types.RecoveryPointStatus(p.Status),
				CreationDate: sdk.Time(p.Created), BackupSizeBytes: sdk.Int64(p.Size),
			})
		}
	}
	return out, nil
}

func (f *Account) ListRecoveryPointsByBackupVault(ctx context.Context, in *backup.ListRecoveryPointsByBackupVaultInput, _ ...func(*backup.Options)) (*backup.ListRecoveryPointsByBackupVaultOutput, error) {
	if err := f.call(ctx, "backup", "ListRecoveryPointsByBackupVault"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &backup.ListRecoveryPointsByBackupVaultOutput{}
	for _, p := range f.points {
		if p.Vault == sdk.ToString(in.BackupVaultName) && (in.ByResourceArn == nil || f.fsARN(p.FileSystemID) == *in.ByResourceArn) {
			out.RecoveryPoints = append(out.RecoveryPoints, types.RecoveryPointByBackupVault{
				RecoveryPointArn: sdk.String(p.ARN), BackupVaultName: sdk.String(p.Vault), Status: types.RecoveryPointStatus(p.Status),
				CreationDate: sdk.Time(p.Created), CompletionDate: timePtr(p.Completed), IamRoleArn: sdk.String(p.Role),
				ResourceArn: sdk.String(f.fsARN(p.FileSystemID)), ResourceType: sdk.String("EFS"), BackupSizeInBytes: sdk.Int64(p.Size),
				CreatedBy: &types.RecoveryPointCreator{BackupPlanName: sdk.String(p.Plan)},
			})
		}
	}
	return out, nil
}

func (f *Account) DescribeRecoveryPoint(ctx context.Context, in *backup.DescribeRecoveryPointInput, _ ...func(*backup.Options)) (*backup.DescribeRecoveryPointOutput, error) {
	if err := f.call(ctx, "backup", "DescribeRecoveryPoint"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.points {
		if p.ARN == sdk.ToString(in.RecoveryPointArn) {
			return &backup.DescribeRecoveryPointOutput{
				RecoveryPointArn: sdk.String(p.ARN), BackupVaultName: sdk.String(p.Vault), Status: types.RecoveryPointStatus(p.Status),
				CreationDate: sdk.Time(p.Created), CompletionDate: timePtr(p.Completed), IamRoleArn: sdk.String(p.Role),
				ResourceArn: sdk.String(f.fsARN(p.FileSystemID)), ResourceType: sdk.String("EFS"), BackupSizeInBytes: sdk.Int64(p.Size),
				CreatedBy: &types.RecoveryPointCreator{BackupPlanName: sdk.String(p.Plan)},
			}, nil
		}
	}
	return nil, wrap("backup", "DescribeRecoveryPoint", APIError("ResourceNotFoundException", "recovery point not found"))
}

func (f *Account) StartRestoreJob(ctx context.Context, in *backup.StartRestoreJobInput, _ ...func(*backup.Options)) (*backup.StartRestoreJobOutput, error) {
	if err := f.call(ctx, "backup", "StartRestoreJob"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	token := sdk.ToString(in.IdempotencyToken)
	for i, r := range f.Restores {
		if token != "" && r.IdempotencyToken == token {
			return &backup.StartRestoreJobOutput{RestoreJobId: sdk.String(f.restores[i].ID)}, nil
		}
	}
	f.Restores = append(f.Restores, StartedRestore{
		RecoveryPointARN: sdk.ToString(in.RecoveryPointArn), Role: sdk.ToString(in.IamRoleArn),
		IdempotencyToken: token, Metadata: in.Metadata,
	})
	job := &RestoreJob{
		ID: fmt.Sprintf("restore-%04d", len(f.restores)+1), RecoveryPointARN: sdk.ToString(in.RecoveryPointArn),
		Status: "PENDING", Created: f.now,
	}
	f.restores = append(f.restores, job)
	return &backup.StartRestoreJobOutput{RestoreJobId: sdk.String(job.ID)}, nil
}

func (f *Account) restoreOut(r *RestoreJob) types.RestoreJobsListMember {
	return types.RestoreJobsListMember{
		RestoreJobId: sdk.String(r.ID), RecoveryPointArn: sdk.String(r.RecoveryPointARN), Status: types.RestoreJobStatus(r.Status),
		PercentDone: sdk.String(r.Percent), CreationDate: sdk.Time(r.Created), ResourceType: sdk.String("EFS"),
	}
}

func (f *Account) DescribeRestoreJob(ctx context.Context, in *backup.DescribeRestoreJobInput, _ ...func(*backup.Options)) (*backup.DescribeRestoreJobOutput, error) {
	if err := f.call(ctx, "backup", "DescribeRestoreJob"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range f.restores {
		if r.ID == sdk.ToString(in.RestoreJobId) {
			return &backup.DescribeRestoreJobOutput{
				RestoreJobId: sdk.String(r.ID), RecoveryPointArn: sdk.String(r.RecoveryPointARN), Status: types.RestoreJobStatus(r.Status),
				PercentDone: sdk.String(r.Percent), CreationDate: sdk.Time(r.Created), ResourceType: sdk.String("EFS"),
			}, nil
		}
	}
	return nil, wrap("backup", "DescribeRestoreJob", APIError("ResourceNotFoundException", "restore job not found"))
}

func (f *Account) ListRestoreJobs(ctx context.Context, in *backup.ListRestoreJobsInput, _ ...func(*backup.Options)) (*backup.ListRestoreJobsOutput, error) {
	if err := f.call(ctx, "backup", "ListRestoreJobs"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := &backup.ListRestoreJobsOutput{}
	for _, r := range f.restores {
		if in.ByCreatedAfter != nil && r.Created.Before(*in.ByCreatedAfter) {
			continue
		}
		out.RestoreJobs = append(out.RestoreJobs, f.restoreOut(r))
	}
	return out, nil
}
