package backup_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// retention is the default scenario's backup retention.
const retention = 35 * 24 * time.Hour

func TestRecoveryPointsByResourceAreEachHomeEFSNewestFirst(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	now := env.Now()
	c := client(t, env, "data-scientist")
	for domain, fsArn := range homeFileSystems(t, w) {
		t.Run(domain, func(t *testing.T) {
			want, err := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fsArn})
			if err != nil {
				t.Fatal(err)
			}
			var got []types.RecoveryPointByResource
			pages := 0
			p := backup.NewListRecoveryPointsByResourcePaginator(c, &backup.ListRecoveryPointsByResourceInput{
				ResourceArn: aws.String(fsArn), MaxResults: aws.Int32(10), ManagedByAWSBackupOnly: true,
			})
			for p.HasMorePages() {
				page, err := p.NextPage(ctx)
				if err != nil {
					t.Fatalf("page %d: %v", pages+1, err)
				}
				if len(page.RecoveryPoints) > 10 {
					t.Errorf("page %d holds %d points, asked for at most 10", pages+1, len(page.RecoveryPoints))
				}
				got = append(got, page.RecoveryPoints...)
				pages++
			}
			if len(got) != 35 || len(want) != 35 {
				t.Fatalf("got %d recovery points (world has %d), want one a day for 35 days", len(got), len(want))
			}
			if pages != 4 {
				t.Errorf("35 points in pages of 10 took %d pages, want 4", pages)
			}
			seen := map[string]bool{}
			for i, rp := range got {
				arn := aws.ToString(rp.RecoveryPointArn)
				if seen[arn] {
					t.Errorf("%s listed twice", arn)
				}
				seen[arn] = true
				if i > 0 && !rp.CreationDate.Before(*got[i-1].CreationDate) {
					t.Errorf("point %d created %v, not before point %d's %v: not newest first", i, rp.CreationDate, i-1, got[i-1].CreationDate)
				}
				if age := now.Sub(*rp.CreationDate); age < 0 || age > retention {
					t.Errorf("%s is %v old, outside the 35-day retention", arn, age)
				}
				wp := want[i]
				g := pointView{arn, string(rp.Status), aws.ToString(rp.StatusMessage), aws.ToString(rp.BackupVaultName),
					aws.ToString(rp.ResourceName), aws.ToString(rp.EncryptionKeyArn), aws.ToInt64(rp.BackupSizeBytes), rp.CreationDate.UTC()}
				exp := pointView{wp.RecoveryPointArn, wp.Status, wp.StatusMessage, wp.BackupVaultName,
					wp.ResourceName, wp.EncryptionKeyArn, wp.BackupSizeInBytes, ms(g.Created, wp.CreationDate)}
				if g != exp {
					t.Errorf("point %d = %+v\nwant %+v", i, g, exp)
				}
				if wp.BackupSizeInBytes <= 0 {
					t.Errorf("%s: world size %d, want a real size", arn, wp.BackupSizeInBytes)
				}
			}
			if age := now.Sub(*got[0].CreationDate); age > 24*time.Hour {
				t.Errorf("newest point is %v old, want last night's", age)
			}
		})
	}
}

func TestPartialBackupIsReportedWithItsMessage(t *testing.T) {
	env := sandboxtest.Start(t)
	fsArn := homeFileSystems(t, env.World())["mom-analytics"]
	out, err := client(t, env, "on-call").ListRecoveryPointsByResource(ctx, &backup.ListRecoveryPointsByResourceInput{ResourceArn: aws.String(fsArn)})
	if err != nil {
		t.Fatal(err)
	}
	var partial []types.RecoveryPointByResource
	for _, rp := range out.RecoveryPoints {
		if rp.Status == types.RecoveryPointStatusPartial {
			partial = append(partial, rp)
		}
	}
	if len(partial) != 1 {
		t.Fatalf("%d PARTIAL points, want the one forced 9 days ago", len(partial))
	}
	rp := partial[0]
	if days := env.Now().Sub(*rp.CreationDate).Hours() / 24; days < 8 || days > 10 {
		t.Errorf("PARTIAL point is %.1f days old, want about 9", days)
	}
	if msg := aws.ToString(rp.StatusMessage); len(msg) < 20 || msg[:20] != "Some files could not" {
		t.Errorf("StatusMessage = %q", msg)
	}
}

func TestListRecoveryPointsByBackupVaultFilters(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "mlops-engineer")
	vaults := w.BackupVaults()
	if len(vaults) != 3 {
		t.Fatalf("world has %d vaults, want one per agency", len(vaults))
	}
	plans := w.BackupPlans()
	for _, v := range vaults {
		t.Run(v.BackupVaultName, func(t *testing.T) {
			all, _ := w.RecoveryPoints(world.RecoveryPointQuery{BackupVaultName: v.BackupVaultName})
			list := func(in backup.ListRecoveryPointsByBackupVaultInput) []types.RecoveryPointByBackupVault {
				t.Helper()
				in.BackupVaultName = aws.String(v.BackupVaultName)
				var got []types.RecoveryPointByBackupVault
				p := backup.NewListRecoveryPointsByBackupVaultPaginator(c, &in)
				for p.HasMorePages() {
					page, err := p.NextPage(ctx)
					if err != nil {
						t.Fatal(err)
					}
					got = append(got, page.RecoveryPoints...)
				}
				return got
			}

			got := list(backup.ListRecoveryPointsByBackupVaultInput{MaxResults: aws.Int32(7)})
			if len(got) != len(all) || len(all) != 35 {
				t.Fatalf("listed %d points, world has %d, want 35", len(got), len(all))
			}
			for i, rp := range got {
				wp := all[i]
				g := vaultPointView{aws.ToString(rp.RecoveryPointArn), aws.ToString(rp.ResourceArn), aws.ToString(rp.ResourceType),
					aws.ToString(rp.BackupVaultArn), aws.ToString(rp.IamRoleArn), aws.ToTime(rp.CompletionDate).UTC(),
					aws.ToInt64(rp.BackupSizeInBytes), "", "", 0, time.Time{}, rp.IsEncrypted}
				if rp.CreatedBy != nil {
					g.PlanID, g.Cron = aws.ToString(rp.CreatedBy.BackupPlanId), aws.ToString(rp.CreatedBy.BackupRuleCron)
				}
				if rp.Lifecycle != nil {
					g.DeleteAfterDays = aws.ToInt64(rp.Lifecycle.DeleteAfterDays)
				}
				if rp.CalculatedLifecycle != nil {
					g.DeleteAt = aws.ToTime(rp.CalculatedLifecycle.DeleteAt).UTC()
				}
				exp := vaultPointView{wp.RecoveryPointArn, wp.ResourceArn, "EFS", v.BackupVaultArn, wp.IamRoleArn, ms(g.Completed, wp.CompletionDate),
					wp.BackupSizeInBytes, wp.CreatedBy.BackupPlanId, "cron(0 18 * * ? *)", 35, ms(g.DeleteAt, wp.CreationDate.Add(retention)), true}
				if g != exp {
					t.Errorf("point %d = %+v\nwant %+v", i, g, exp)
				}
			}

			after := env.Now().Add(-7 * 24 * time.Hour)
			recent := list(backup.ListRecoveryPointsByBackupVaultInput{ByCreatedAfter: aws.Time(after)})
			if len(recent) != 7 {
				t.Errorf("ByCreatedAfter a week ago: %d points, want 7", len(recent))
			}
			for _, rp := range recent {
				if !rp.CreationDate.After(after) {
					t.Errorf("%v is not after %v", rp.CreationDate, after)
				}
			}
			before := list(backup.ListRecoveryPointsByBackupVaultInput{ByCreatedBefore: aws.Time(after)})
			if len(before)+len(recent) != len(all) {
				t.Errorf("before %d + after %d != %d", len(before), len(recent), len(all))
			}
			if n := len(list(backup.ListRecoveryPointsByBackupVaultInput{ByResourceType: aws.String("EFS"), ByResourceArn: aws.String(all[0].ResourceArn)})); n != 35 {
				t.Errorf("EFS points of the home file system: %d, want 35", n)
			}
			if n := len(list(backup.ListRecoveryPointsByBackupVaultInput{ByResourceType: aws.String("RDS")})); n != 0 {
				t.Errorf("RDS points: %d, want 0", n)
			}
			for _, plan := range plans {
				n := len(list(backup.ListRecoveryPointsByBackupVaultInput{ByBackupPlanId: aws.String(plan.BackupPlanId)}))
				mine := plan.Rules[0].TargetBackupVaultName == v.BackupVaultName
				if (mine && n != 35) || (!mine && n != 0) {
					t.Errorf("plan %s: %d points in %s", plan.BackupPlanName, n, v.BackupVaultName)
				}
			}
		})
	}
}

func TestRecoveryPointErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "data-scientist")
	vault := env.World().BackupVaults()[0].BackupVaultName

	_, err := c.ListRecoveryPointsByBackupVault(ctx, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String("no-such-vault")})
	servertest.WantCode(t, err, "ResourceNotFoundException")

	_, err = c.ListRecoveryPointsByBackupVault(ctx, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String(vault), NextToken: aws.String("not-a-token")})
	servertest.WantCode(t, err, "InvalidParameterValueException")

	_, err = c.ListRecoveryPointsByBackupVault(ctx, &backup.ListRecoveryPointsByBackupVaultInput{BackupVaultName: aws.String(vault), MaxResults: aws.Int32(0)})
	servertest.WantCode(t, err, "InvalidParameterValueException")

	_, err = c.ListRecoveryPointsByResource(ctx, &backup.ListRecoveryPointsByResourceInput{ResourceArn: aws.String("fs-12345678")})
	servertest.WantCode(t, err, "InvalidParameterValueException")

	none, err := c.ListRecoveryPointsByResource(ctx, &backup.ListRecoveryPointsByResourceInput{
		ResourceArn: aws.String("arn:aws:elasticfilesystem:ap-southeast-1:318224574112:file-system/fs-00000000"),
	})
	if err != nil || len(none.RecoveryPoints) != 0 {
		t.Errorf("a file system never backed up: %v, %d points; want none", err, len(none.RecoveryPoints))
	}

	_, err = c.DescribeRecoveryPoint(ctx, &backup.DescribeRecoveryPointInput{
		BackupVaultName: aws.String(vault), RecoveryPointArn: aws.String("arn:aws:backup:ap-southeast-1:318224574112:recovery-point:NOPE"),
	})
	servertest.WantCode(t, err, "ResourceNotFoundException")
}

func TestDescribeRecoveryPoint(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	c := client(t, env, "project-admin")
	vaults := w.BackupVaults()
	points, _ := w.RecoveryPoints(world.RecoveryPointQuery{BackupVaultName: vaults[0].BackupVaultName})
	rp := points[3]

	out, err := c.DescribeRecoveryPoint(ctx, &backup.DescribeRecoveryPointInput{
		BackupVaultName: aws.String(rp.BackupVaultName), RecoveryPointArn: aws.String(rp.RecoveryPointArn),
	})
	if err != nil {
		t.Fatal(err)
	}
	g := describedView{aws.ToString(out.RecoveryPointArn), aws.ToString(out.ResourceArn), aws.ToString(out.ResourceType),
		aws.ToString(out.IamRoleArn), string(out.Status), aws.ToTime(out.CreationDate).UTC(), aws.ToTime(out.CompletionDate).UTC(),
		aws.ToInt64(out.BackupSizeInBytes), "", string(out.StorageClass), time.Time{}}
	if out.CreatedBy != nil {
		g.Plan = aws.ToString(out.CreatedBy.BackupPlanName)
	}
	if out.CalculatedLifecycle != nil {
		g.DeleteAt = aws.ToTime(out.CalculatedLifecycle.DeleteAt).UTC()
	}
	want := describedView{rp.RecoveryPointArn, rp.ResourceArn, "EFS", rp.IamRoleArn, rp.Status, ms(g.Created, rp.CreationDate), ms(g.Completed, rp.CompletionDate),
		rp.BackupSizeInBytes, rp.CreatedBy.BackupPlanName, "WARM", ms(g.DeleteAt, rp.DeleteAt)}
	if g != want {
		t.Errorf("DescribeRecoveryPoint = %+v\nwant %+v", g, want)
	}
	if out.LastRestoreTime != nil {
		t.Errorf("LastRestoreTime = %v for a point never restored", out.LastRestoreTime)
	}

	// The point exists, but not in another vault.
	_, err = c.DescribeRecoveryPoint(ctx, &backup.DescribeRecoveryPointInput{
		BackupVaultName: aws.String(vaults[1].BackupVaultName), RecoveryPointArn: aws.String(rp.RecoveryPointArn),
	})
	servertest.WantCode(t, err, "ResourceNotFoundException")
}

// ms is want as a client reads it: AWS's epoch-seconds timestamps carry
// milliseconds, so got stands for want when they are less than 1 ms apart.
func ms(got, want time.Time) time.Time {
	if d := got.Sub(want); d > -time.Millisecond && d < time.Millisecond {
		return got
	}
	return want.UTC()
}

// pointView is what a user reads of a recovery point listed by resource.
type pointView struct {
	ARN, Status, Message, Vault, ResourceName, KeyArn string
	Size                                              int64
	Created                                           time.Time
}

// vaultPointView is what a user reads of a recovery point listed by vault.
type vaultPointView struct {
	ARN, Resource, Type, VaultArn, Role string
	Completed                           time.Time
	Size                                int64
	PlanID, Cron                        string
	DeleteAfterDays                     int64
	DeleteAt                            time.Time
	Encrypted                           bool
}

// describedView is what a user reads of a described recovery point.
type describedView struct {
	ARN, Resource, Type, Role, Status string
	Created, Completed                time.Time
	Size                              int64
	Plan, StorageClass                string
	DeleteAt                          time.Time
}
