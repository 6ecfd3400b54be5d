package backup_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/backup"
	"github.com/aws/aws-sdk-go-v2/service/backup/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// restoreRole is the role AWS Backup assumes to restore.
const restoreRole = "arn:aws:iam::318224574112:role/AWSBackupDefaultServiceRole"

// homeRestore is what a project admin restores: two paths under a user's
// home on the domain's file system, from the recovery point taken three
// days before now.
type homeRestore struct {
	fs       world.FileSystem
	point    world.RecoveryPoint
	items    []string
	metadata map[string]string
}

func newHomeRestore(t *testing.T, env *sandboxtest.Env, domainName, user string) homeRestore {
	t.Helper()
	w := env.World()
	var domain world.Domain
	for _, d := range w.Domains() {
		if d.DomainName == domainName {
			domain = d
		}
	}
	u, err := w.UserProfile(domain.DomainId, user)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := w.FileSystem(domain.HomeEfsFileSystemId)
	if err != nil {
		t.Fatal(err)
	}
	points, _ := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.FileSystemArn})
	day := env.Now().AddDate(0, 0, -3).Format("2006-01-02")
	i := slices.IndexFunc(points, func(rp world.RecoveryPoint) bool { return rp.CreationDate.Format("2006-01-02") == day })
	if i < 0 {
		t.Fatalf("no recovery point of %s on %s", fs.FileSystemId, day)
	}
	items := []string{"/" + u.HomeEfsFileSystemUid + "/notebooks/resale-eda.ipynb", "/" + u.HomeEfsFileSystemUid + "/data/"}
	list, _ := json.Marshal(items)
	return homeRestore{fs: fs, point: points[i], items: items, metadata: map[string]string{
		"file-system-id": fs.FileSystemId, "newFileSystem": "false", "itemsToRestore": string(list),
		"Encrypted": "false", "PerformanceMode": "generalPurpose", "CreationToken": "agdash-test",
	}}
}

func (r homeRestore) input(token string) *backup.StartRestoreJobInput {
	in := &backup.StartRestoreJobInput{
		RecoveryPointArn: aws.String(r.point.RecoveryPointArn), IamRoleArn: aws.String(restoreRole),
		ResourceType: aws.String("EFS"), Metadata: r.metadata,
	}
	if token != "" {
		in.IdempotencyToken = aws.String(token)
	}
	return in
}

func TestItemLevelRestoreRunsToCompletionAsTheClockAdvances(t *testing.T) {
	env := sandboxtest.Start(t)
	r := newHomeRestore(t, env, "hdb-analytics", "lim-jia-hui")
	admin := client(t, env, "project-admin")
	started := env.Now()

	out, err := admin.StartRestoreJob(ctx, r.input(""))
	if err != nil {
		t.Fatalf("StartRestoreJob: %v", err)
	}
	id := aws.ToString(out.RestoreJobId)
	if id == "" {
		t.Fatal("no RestoreJobId")
	}

	var statuses []types.RestoreJobStatus
	var last *backup.DescribeRestoreJobOutput
	for step := 0; step < 60; step++ {
		j, err := admin.DescribeRestoreJob(ctx, &backup.DescribeRestoreJobInput{RestoreJobId: aws.String(id)})
		if err != nil {
			t.Fatalf("DescribeRestoreJob at +%v: %v", env.Now().Sub(started), err)
		}
		if len(statuses) == 0 || statuses[len(statuses)-1] != j.Status {
			statuses = append(statuses, j.Status)
		}
		if j.Status == types.RestoreJobStatusRunning {
			if p := aws.ToString(j.PercentDone); !strings.HasSuffix(p, "%") || p == "100.00%" {
				t.Errorf("RUNNING with PercentDone %q", p)
			}
		}
		last = j
		if j.Status == types.RestoreJobStatusCompleted {
			break
		}
		env.Clock.Advance(30 * time.Second)
	}
	if want := []types.RestoreJobStatus{"PENDING", "RUNNING", "COMPLETED"}; !slices.Equal(statuses, want) {
		t.Fatalf("statuses %v, want %v", statuses, want)
	}
	if aws.ToString(last.RecoveryPointArn) != r.point.RecoveryPointArn || aws.ToString(last.SourceResourceArn) != r.fs.FileSystemArn ||
		aws.ToString(last.CreatedResourceArn) != r.fs.FileSystemArn || aws.ToString(last.IamRoleArn) != restoreRole ||
		aws.ToString(last.ResourceType) != "EFS" || aws.ToString(last.PercentDone) != "100.00%" ||
		aws.ToString(last.AccountId) != "318224574112" || aws.ToInt64(last.BackupSizeInBytes) <= 0 ||
		aws.ToInt64(last.ExpectedCompletionTimeMinutes) <= 0 || !last.CreationDate.Equal(started) ||
		last.CompletionDate == nil || last.CompletionDate.After(env.Now()) || !last.CompletionDate.After(started) {
		t.Errorf("completed job = %+v", last)
	}

	// The items landed in a new aws-backup-restore_<timestamp> directory at
	// the file system's root, stamped with the completion time.
	fs, _ := env.World().FileSystem(r.fs.FileSystemId)
	i := slices.IndexFunc(fs.RestoredDirectories, func(d world.RestoredDirectory) bool { return d.RestoreJobId == id })
	if i < 0 {
		t.Fatalf("no restored directory for job %s in %+v", id, fs.RestoredDirectories)
	}
	dir := fs.RestoredDirectories[i]
	wantDir := "/aws-backup-restore_" + last.CompletionDate.UTC().Format("2006-01-02T15-04-05")
	if dir.Path != wantDir || !slices.Equal(dir.Items, r.items) {
		t.Errorf("restored into %s %v, want %s %v", dir.Path, dir.Items, wantDir, r.items)
	}

	md, err := admin.GetRestoreJobMetadata(ctx, &backup.GetRestoreJobMetadataInput{RestoreJobId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	if md.Metadata["itemsToRestore"] != r.metadata["itemsToRestore"] || md.Metadata["file-system-id"] != r.fs.FileSystemId ||
		aws.ToString(md.RestoreJobId) != id {
		t.Errorf("metadata = %v", md.Metadata)
	}

	rp, err := admin.DescribeRecoveryPoint(ctx, &backup.DescribeRecoveryPointInput{
		BackupVaultName: aws.String(r.point.BackupVaultName), RecoveryPointArn: aws.String(r.point.RecoveryPointArn),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rp.LastRestoreTime == nil || !rp.LastRestoreTime.Equal(*last.CompletionDate) {
		t.Errorf("LastRestoreTime = %v, want the completion %v", rp.LastRestoreTime, last.CompletionDate)
	}
}

func TestIdempotencyTokenStartsOneJob(t *testing.T) {
	env := sandboxtest.Start(t)
	r := newHomeRestore(t, env, "mom-analytics", "priya-nair")
	admin := client(t, env, "project-admin")
	before := restoreJobCount(env.World())

	first, err := admin.StartRestoreJob(ctx, r.input("restore-priya-1"))
	if err != nil {
		t.Fatal(err)
	}
	env.Clock.Advance(10 * time.Second)
	second, err := admin.StartRestoreJob(ctx, r.input("restore-priya-1"))
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(first.RestoreJobId) != aws.ToString(second.RestoreJobId) {
		t.Errorf("the same token gave jobs %s and %s", aws.ToString(first.RestoreJobId), aws.ToString(second.RestoreJobId))
	}
	if n := restoreJobCount(env.World()); n != before+1 {
		t.Errorf("%d restore jobs after two calls with one token, want %d", n, before+1)
	}
	third, err := admin.StartRestoreJob(ctx, r.input("restore-priya-2"))
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(third.RestoreJobId) == aws.ToString(first.RestoreJobId) {
		t.Error("a new token returned the old job")
	}
}

func TestOnlyProjectAdminMayRestore(t *testing.T) {
	env := sandboxtest.Start(t)
	r := newHomeRestore(t, env, "hdb-analytics", "lim-jia-hui")
	before := restoreJobCount(env.World())
	for _, who := range []string{"data-scientist", "on-call", "mlops-engineer", "lim-jia-hui"} {
		t.Run(who, func(t *testing.T) {
			_, err := client(t, env, who).StartRestoreJob(ctx, r.input(""))
			servertest.WantCode(t, err, "AccessDeniedException")
			if !strings.Contains(err.Error(), "backup:StartRestoreJob") {
				t.Errorf("message does not name the action: %v", err)
			}
		})
	}
	if n := restoreJobCount(env.World()); n != before {
		t.Errorf("denied calls left %d restore jobs, had %d", n, before)
	}
	if _, err := client(t, env, "tan-wei-ming").StartRestoreJob(ctx, r.input("")); err != nil {
		t.Errorf("HDB's project admin: %v", err)
	}
}

func TestStartRestoreJobValidation(t *testing.T) {
	env := sandboxtest.Start(t)
	r := newHomeRestore(t, env, "ssg-analytics", "siti-rahmah")
	admin := client(t, env, "project-admin")
	before := restoreJobCount(env.World())
	items := func(paths ...string) map[string]string {
		b, _ := json.Marshal(paths)
		md := map[string]string{}
		for k, v := range r.metadata {
			md[k] = v
		}
		md["itemsToRestore"] = string(b)
		return md
	}
	eleven := make([]string, 11)
	for i := range eleven {
		eleven[i] = "/200201/file-" + string(rune('a'+i))
	}
	cases := []struct {
		name string
		edit func(*backup.StartRestoreJobInput)
		code string
	}{
		{"eleven items", func(in *backup.StartRestoreJobInput) { in.Metadata = items(eleven...) }, "InvalidParameterValueException"},
		{"relative path", func(in *backup.StartRestoreJobInput) { in.Metadata = items("200201/notes.txt") }, "InvalidParameterValueException"},
		{"parent directory", func(in *backup.StartRestoreJobInput) { in.Metadata = items("/200201/../200101/secrets") }, "InvalidParameterValueException"},
		{"items not JSON", func(in *backup.StartRestoreJobInput) {
			in.Metadata = map[string]string{"file-system-id": r.fs.FileSystemId, "newFileSystem": "false", "itemsToRestore": "/a,/b"}
		}, "InvalidParameterValueException"},
		{"no file system", func(in *backup.StartRestoreJobInput) {
			in.Metadata = map[string]string{"newFileSystem": "false", "itemsToRestore": `["/a"]`}
		}, "InvalidParameterValueException"},
		{"unknown file system", func(in *backup.StartRestoreJobInput) {
			in.Metadata = map[string]string{"file-system-id": "fs-00000000", "newFileSystem": "false"}
		}, "InvalidParameterValueException"},
		{"no role", func(in *backup.StartRestoreJobInput) { in.IamRoleArn = nil }, "MissingParameterValueException"},
		{"role is not a role", func(in *backup.StartRestoreJobInput) { in.IamRoleArn = aws.String("AWSBackupDefaultServiceRole") }, "InvalidParameterValueException"},
		{"wrong resource type", func(in *backup.StartRestoreJobInput) { in.ResourceType = aws.String("RDS") }, "InvalidParameterValueException"},
		{"unknown recovery point", func(in *backup.StartRestoreJobInput) {
			in.RecoveryPointArn = aws.String("arn:aws:backup:ap-southeast-1:318224574112:recovery-point:NOPE")
		}, "ResourceNotFoundException"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := r.input("")
			c.edit(in)
			_, err := admin.StartRestoreJob(ctx, in)
			servertest.WantCode(t, err, c.code)
		})
	}
	if n := restoreJobCount(env.World()); n != before {
		t.Errorf("rejected calls left %d restore jobs, had %d", n, before)
	}
}

func TestListRestoreJobsFiltersAndPages(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	admin := client(t, env, "project-admin")
	r := newHomeRestore(t, env, "hdb-analytics", "lim-jia-hui")
	for i := 0; i < 4; i++ {
		if _, err := admin.StartRestoreJob(ctx, r.input("")); err != nil {
			t.Fatal(err)
		}
		env.Clock.Advance(time.Minute)
	}
	want := w.RestoreJobs("")
	if len(want) != 7 {
		t.Fatalf("world has %d restore jobs, want the scenario's 3 and our 4", len(want))
	}

	list := func(in backup.ListRestoreJobsInput) []types.RestoreJobsListMember {
		t.Helper()
		var got []types.RestoreJobsListMember
		p := backup.NewListRestoreJobsPaginator(client(t, env, "on-call"), &in)
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, page.RestoreJobs...)
		}
		return got
	}
	ids := func(jobs []types.RestoreJobsListMember) []string {
		var out []string
		for _, j := range jobs {
			out = append(out, aws.ToString(j.RestoreJobId))
		}
		return out
	}
	var wantIDs []string
	for _, j := range want {
		wantIDs = append(wantIDs, j.RestoreJobId)
	}

	all := list(backup.ListRestoreJobsInput{MaxResults: aws.Int32(2)})
	if !slices.Equal(ids(all), wantIDs) {
		t.Errorf("paged listing %v\nwant newest first %v", ids(all), wantIDs)
	}
	for i := 1; i < len(all); i++ {
		if all[i].CreationDate.After(*all[i-1].CreationDate) {
			t.Errorf("job %d is newer than job %d", i, i-1)
		}
	}

	failed := list(backup.ListRestoreJobsInput{ByStatus: types.RestoreJobStatusFailed})
	if len(failed) != 1 || !strings.Contains(aws.ToString(failed[0].StatusMessage), "does not exist in the recovery point") {
		t.Errorf("FAILED jobs = %+v, want the scenario's SSG failure", failed)
	}
	completed := list(backup.ListRestoreJobsInput{ByStatus: types.RestoreJobStatusCompleted})
	if len(completed) != 2 {
		t.Errorf("%d COMPLETED jobs, want the scenario's two", len(completed))
	}
	recent := list(backup.ListRestoreJobsInput{ByCreatedAfter: aws.Time(env.Now().Add(-time.Hour))})
	if len(recent) != 4 {
		t.Errorf("%d jobs created in the last hour, want our 4", len(recent))
	}
	if n := len(list(backup.ListRestoreJobsInput{ByResourceType: aws.String("EFS")})); n != 7 {
		t.Errorf("%d EFS restore jobs, want 7", n)
	}

	_, err := admin.ListRestoreJobs(ctx, &backup.ListRestoreJobsInput{ByStatus: "DONE"})
	servertest.WantCode(t, err, "InvalidParameterValueException")
	_, err = admin.ListRestoreJobs(ctx, &backup.ListRestoreJobsInput{NextToken: aws.String("bogus")})
	servertest.WantCode(t, err, "InvalidParameterValueException")
	_, err = admin.DescribeRestoreJob(ctx, &backup.DescribeRestoreJobInput{RestoreJobId: aws.String("00000000-0000-0000-0000-000000000000")})
	servertest.WantCode(t, err, "ResourceNotFoundException")
}
