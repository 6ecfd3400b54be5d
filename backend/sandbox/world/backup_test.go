package world_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestRestoreJobProgressesAndLandsInANewDirectory(t *testing.T) {
	w, c := newWorld(t, 13)
	d := w.Domains()[0]
	u := w.UserProfiles(d.DomainId)[0]
	fs, _ := w.FileSystem(d.HomeEfsFileSystemId)
	points, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	in := world.StartRestoreJobInput{
		RecoveryPointArn: points[1].RecoveryPointArn, IamRoleArn: "arn:aws:iam::318224574112:role/AWSBackupDefaultServiceRole",
		IdempotencyToken: "restore-1", ResourceType: "EFS",
		Metadata: map[string]string{"file-system-id": fs.FileSystemId, "newFileSystem": "false",
			"itemsToRestore": `["/` + u.HomeEfsFileSystemUid + `/notebooks/eda.ipynb"]`, "Encrypted": "true", "PerformanceMode": "generalPurpose"},
	}
	id, err := w.StartRestoreJob(in)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := w.StartRestoreJob(in)
	if again != id {
		t.Errorf("the idempotency token gave a second job %s", again)
	}
	seen := []string{}
	until(t, w, c, 30*time.Minute, func() bool {
		j, _ := w.RestoreJob(id)
		if len(seen) == 0 || seen[len(seen)-1] != j.Status {
			seen = append(seen, j.Status)
		}
		return j.Status == "COMPLETED"
	})
	if strings.Join(seen, ",") != "PENDING,RUNNING,COMPLETED" {
		t.Errorf("statuses %v", seen)
	}
	j, _ := w.RestoreJob(id)
	if j.PercentDone != "100.00%" || j.CreatedResourceArn != fs.FileSystemArn || j.CompletionDate.IsZero() {
		t.Errorf("completed job %+v", j)
	}
	after, _ := w.FileSystem(fs.FileSystemId)
	if len(after.RestoredDirectories) != len(fs.RestoredDirectories)+1 {
		t.Fatalf("restored directories %v", after.RestoredDirectories)
	}
	dir := after.RestoredDirectories[len(after.RestoredDirectories)-1]
	if !strings.HasPrefix(dir.Path, "/aws-backup-restore_2025-06-02T") || dir.Items[0] != "/"+u.HomeEfsFileSystemUid+"/notebooks/eda.ipynb" {
		t.Errorf("restored into %+v", dir)
	}
	md, _ := w.RestoreJobMetadata(id)
	if md["newFileSystem"] != "false" {
		t.Errorf("metadata %v", md)
	}
}

func TestStartRestoreJobValidatesItsMetadata(t *testing.T) {
	w, _ := newWorld(t, 13)
	fs := w.FileSystems()[0]
	points, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	base := func(items string) world.StartRestoreJobInput {
		return world.StartRestoreJobInput{RecoveryPointArn: points[0].RecoveryPointArn, IamRoleArn: "arn:aws:iam::318224574112:role/r",
			Metadata: map[string]string{"file-system-id": fs.FileSystemId, "newFileSystem": "false", "itemsToRestore": items}}
	}
	eleven := `["/a","/b","/c","/d","/e","/f","/g","/h","/i","/j","/k"]`
	for _, items := range []string{eleven, `["relative/path"]`, `not json`} {
		_, err := w.StartRestoreJob(base(items))
		wantValidation(t, err)
	}
	in := base(`["/x"]`)
	in.Metadata["file-system-id"] = "fs-00000000"
	_, err := w.StartRestoreJob(in)
	wantValidation(t, err)
	in = base(`["/x"]`)
	in.RecoveryPointArn = "arn:aws:backup:ap-southeast-1:318224574112:recovery-point:NOPE"
	var nf world.ErrNotFound
	if _, err := w.StartRestoreJob(in); !errors.As(err, &nf) {
		t.Errorf("unknown recovery point: %v", err)
	}
}

func TestBackupsAreTakenDailyAndExpire(t *testing.T) {
	w, c := newWorld(t, 13)
	fs := w.FileSystems()[0]
	before, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	step(w, c, 48*time.Hour, 30*time.Minute)
	after, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	if len(after) != len(before) {
		t.Errorf("retention broke: %d points, then %d", len(before), len(after))
	}
	if !after[0].CreationDate.After(before[0].CreationDate.Add(47*time.Hour)) || after[0].BackupSizeInBytes < before[0].BackupSizeInBytes {
		t.Errorf("newest point went from %v (%d bytes) to %v (%d bytes)", before[0].CreationDate, before[0].BackupSizeInBytes, after[0].CreationDate, after[0].BackupSizeInBytes)
	}
	jobs := w.BackupJobs()
	if jobs[0].State != "COMPLETED" || jobs[0].RecoveryPointArn == "" {
		t.Errorf("latest backup job %+v", jobs[0])
	}
}
