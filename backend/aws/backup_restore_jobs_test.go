package aws_test

import (
	"context"
	"testing"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// restoreJobsAPI answers the two restore job reads with one failed job,
// as AWS Backup sends it: no created resource, the source file system.
type restoreJobsAPI struct {
	aws.BackupAPI // the other operations are not called
}

const (
	failedJobID = "5d2b6f4e-0c1d-4a7e-9b1a-restore00001"
	sourceFS    = "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0hdb0001"
	pointARN    = "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:rp-0001"
)

func (restoreJobsAPI) ListRestoreJobs(context.Context, *backup.ListRestoreJobsInput, ...func(*backup.Options)) (*backup.ListRestoreJobsOutput, error) {
	return &backup.ListRestoreJobsOutput{RestoreJobs: []types.RestoreJobsListMember{{
		RestoreJobId: sdk.String(failedJobID), RecoveryPointArn: sdk.String(pointARN), ResourceType: sdk.String("EFS"),
		Status: types.RestoreJobStatusFailed, StatusMessage: sdk.String("Access denied to the file system"),
		CreationDate: sdk.Time(t0), SourceResourceArn: sdk.String(sourceFS),
	}}}, nil
}

func (restoreJobsAPI) DescribeRestoreJob(_ context.Context, in *backup.DescribeRestoreJobInput, _ ...func(*backup.Options)) (*backup.DescribeRestoreJobOutput, error) {
	return &backup.DescribeRestoreJobOutput{
		RestoreJobId: in.RestoreJobId, RecoveryPointArn: sdk.String(pointARN), ResourceType: sdk.String("EFS"),
		Status: types.RestoreJobStatusFailed, CreationDate: sdk.Time(t0), CompletionDate: sdk.Time(t0.Add(time.Minute)),
		SourceResourceArn: sdk.String(sourceFS),
	}, nil
}

// A restore job carries the resource its recovery point was taken of, so
// a failed job (which created nothing) still says which file system it is
// about.
func TestRestoreJobsCarryTheirSourceResource(t *testing.T) {
	acct := &aws.Account{Backup: restoreJobsAPI{}}
	listed, err := acct.RestoreJobs(context.Background(), time.Time{})
	if err != nil || len(listed) != 1 {
		t.Fatalf("listed %+v, %v; want the one job", listed, err)
	}
	if j := listed[0]; j.SourceResourceARN != sourceFS || j.CreatedResourceARN != "" || j.Status != domain.RestoreFailed || j.RecoveryPointARN != pointARN {
		t.Errorf("listed job = %+v, want source %s", j, sourceFS)
	}
	described, err := acct.DescribeRestoreJob(context.Background(), failedJobID)
	if err != nil || described.ID != failedJobID || described.SourceResourceARN != sourceFS || !described.CompletedAt.Equal(t0.Add(time.Minute)) {
		t.Fatalf("described %+v, %v; want source %s", described, err, sourceFS)
	}
}
