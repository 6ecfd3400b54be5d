package backup_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
)

func TestListBackupVaultsPagesOverEveryVault(t *testing.T) {
	env := sandboxtest.Start(t)
	want := env.World().BackupVaults()
	var got []types.BackupVaultListMember
	p := backup.NewListBackupVaultsPaginator(client(t, env, "on-call"), &backup.ListBackupVaultsInput{MaxResults: aws.Int32(1)})
	pages := 0
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, page.BackupVaultList...)
		pages++
	}
	if len(got) != len(want) || pages != len(want) {
		t.Fatalf("%d vaults in %d pages, want %d in %d", len(got), pages, len(want), len(want))
	}
	for i, v := range got {
		wv := want[i]
		if aws.ToString(v.BackupVaultName) != wv.BackupVaultName || aws.ToString(v.BackupVaultArn) != wv.BackupVaultArn ||
			v.NumberOfRecoveryPoints != 35 || wv.NumberOfRecoveryPoints != 35 || aws.ToString(v.EncryptionKeyArn) != wv.EncryptionKeyArn ||
			!v.CreationDate.Equal(wv.CreationDate) || v.VaultType != types.VaultTypeBackupVault || v.VaultState != types.VaultStateAvailable ||
			aws.ToBool(v.Locked) {
			t.Errorf("vault %d = %+v\nwant %+v", i, v, wv)
		}
	}

	shared, err := client(t, env, "on-call").ListBackupVaults(ctx, &backup.ListBackupVaultsInput{ByShared: true})
	if err != nil || len(shared.BackupVaultList) != 0 {
		t.Errorf("shared vaults: %v, %d; want none", err, len(shared.BackupVaultList))
	}
	_, err = client(t, env, "on-call").ListBackupVaults(ctx, &backup.ListBackupVaultsInput{MaxResults: aws.Int32(1001)})
	servertest.WantCode(t, err, "InvalidParameterValueException")
}

func TestListBackupPlansAndJobs(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "data-scientist")

	plans, err := c.ListBackupPlans(ctx, &backup.ListBackupPlansInput{})
	if err != nil {
		t.Fatal(err)
	}
	want := w.BackupPlans()
	if len(plans.BackupPlansList) != len(want) || len(want) != 3 {
		t.Fatalf("%d plans, world has %d, want 3", len(plans.BackupPlansList), len(want))
	}
	for i, p := range plans.BackupPlansList {
		if aws.ToString(p.BackupPlanName) != want[i].BackupPlanName || aws.ToString(p.BackupPlanId) != want[i].BackupPlanId ||
			aws.ToString(p.BackupPlanArn) != want[i].BackupPlanArn || aws.ToString(p.VersionId) != want[i].VersionId ||
			p.LastExecutionDate == nil || !p.LastExecutionDate.Equal(want[i].LastExecutionDate) {
			t.Errorf("plan %d = %+v\nwant %+v", i, p, want[i])
		}
	}

	wantJobs := w.BackupJobs()
	var jobs []types.BackupJob
	p := backup.NewListBackupJobsPaginator(c, &backup.ListBackupJobsInput{MaxResults: aws.Int32(25)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, page.BackupJobs...)
	}
	if len(jobs) != len(wantJobs) || len(jobs) < 3*35 {
		t.Fatalf("%d backup jobs, world has %d", len(jobs), len(wantJobs))
	}
	seen := map[string]bool{}
	for i, j := range jobs {
		id := aws.ToString(j.BackupJobId)
		if seen[id] {
			t.Errorf("job %s listed twice", id)
		}
		seen[id] = true
		if i > 0 && j.CreationDate.After(*jobs[i-1].CreationDate) {
			t.Errorf("job %d is newer than job %d", i, i-1)
		}
	}
	partial, err := c.ListBackupJobs(ctx, &backup.ListBackupJobsInput{ByState: types.BackupJobStatePartial})
	if err != nil {
		t.Fatal(err)
	}
	if len(partial.BackupJobs) != 1 || aws.ToString(partial.BackupJobs[0].StatusMessage) == "" ||
		aws.ToString(partial.BackupJobs[0].PercentDone) != "100.0" {
		t.Errorf("PARTIAL jobs = %+v, want the one forced 9 days ago", partial.BackupJobs)
	}
	_, err = c.ListBackupJobs(ctx, &backup.ListBackupJobsInput{ByState: "DONE"})
	servertest.WantCode(t, err, "InvalidParameterValueException")
}

// TestAWSCLIListRecoveryPointsByResource: the AWS CLI (botocore) percent-
// encodes the resource ARN in the path and reads the answer.
func TestAWSCLIListRecoveryPointsByResource(t *testing.T) {
	env := sandboxtest.Start(t)
	fsArn := homeFileSystems(t, env.World())["hdb-analytics"]
	var out struct {
		RecoveryPoints []struct {
			RecoveryPointArn, Status, BackupVaultName string
			BackupSizeBytes                           int64
			CreationDate                              float64
		}
	}
	env.AWSCLIJSON(t, "project-admin", &out, "backup", "list-recovery-points-by-resource", "--resource-arn", fsArn)
	if len(out.RecoveryPoints) != 35 {
		t.Fatalf("CLI listed %d recovery points, want 35", len(out.RecoveryPoints))
	}
	first := out.RecoveryPoints[0]
	want, _ := client(t, env, "project-admin").ListRecoveryPointsByResource(ctx, &backup.ListRecoveryPointsByResourceInput{ResourceArn: aws.String(fsArn), MaxResults: aws.Int32(1)})
	w := want.RecoveryPoints[0]
	if first.RecoveryPointArn != aws.ToString(w.RecoveryPointArn) || first.Status != "COMPLETED" ||
		first.BackupVaultName != "ag-hdb-studio-efs-vault" || first.BackupSizeBytes != aws.ToInt64(w.BackupSizeBytes) ||
		int64(first.CreationDate) != w.CreationDate.Unix() {
		t.Errorf("CLI's newest point = %+v, SDK's %+v", first, w)
	}
}
