package backend

import (
	"testing"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func TestSandboxFileSystemsRecoveryPointsAndRestoresAreTheWorlds(t *testing.T) {
	s := onNewSandbox(t, "project-admin")
	w := s.env.World()
	fsKey := FeedKey{Kind: FeedFileSystems}
	defer s.c.Subscribe(fsKey)()
	d := s.settled(t, fsKey).Data.(FileSystemsData)

	domainOf := map[string]world.Domain{}
	for _, dom := range w.Domains() {
		domainOf[dom.HomeEfsFileSystemId] = dom
	}
	if len(d.FileSystems) != len(w.FileSystems()) || len(d.FileSystems) == 0 {
		t.Fatalf("%d file systems, the world has %d", len(d.FileSystems), len(w.FileSystems()))
	}
	for _, fs := range d.FileSystems {
		wfs, err := w.FileSystem(fs.ID)
		if err != nil {
			t.Fatal(err)
		}
		dom := domainOf[fs.ID]
		if fs.ARN != wfs.FileSystemArn || fs.DomainID != dom.DomainId || fs.DomainName != dom.DomainName || fs.DomainID == "" ||
			fs.SizeBytes != wfs.SizeInBytes.Value {
			t.Errorf("file system %s = %+v, want domain %s (%s), %d bytes", fs.ID, fs, dom.DomainId, dom.DomainName, wfs.SizeInBytes.Value)
		}
		users := d.Users[fs.DomainID]
		if len(users) != len(w.UserProfiles(fs.DomainID)) || len(users) == 0 {
			t.Errorf("domain %s: %d users, the world has %d", fs.DomainID, len(users), len(w.UserProfiles(fs.DomainID)))
		}
		for _, u := range users {
			wu, _ := w.UserProfile(u.DomainID, u.Name)
			if u.HomeEFSUID != wu.HomeEfsFileSystemUid || u.HomeDir() != "/"+wu.HomeEfsFileSystemUid {
				t.Errorf("user %s home = %q, want /%s", u.Name, u.HomeDir(), wu.HomeEfsFileSystemUid)
			}
		}
	}

	fs := d.FileSystems[0]
	rpKey := FeedKey{Kind: FeedRecoveryPoints, Arg: fs.ID}
	defer s.c.Subscribe(rpKey)()
	points := s.settled(t, rpKey).Data.(RecoveryPointsData).Points
	want, err := w.RecoveryPoints(world.RecoveryPointQuery{ResourceArn: fs.ARN})
	if err != nil {
		t.Fatal(err)
	}
	if len(points) != len(want) || len(want) < 10 {
		t.Fatalf("%d recovery points of %s, the world has %d", len(points), fs.ID, len(want))
	}
	for i, p := range points {
		wp := want[i] // both newest first
		if p.ARN != wp.RecoveryPointArn || p.Vault != wp.BackupVaultName || p.Status != wp.Status || !sameTime(p.CreatedAt, wp.CreationDate) ||
			p.IAMRoleARN != wp.IamRoleArn || p.IAMRoleARN == "" || p.PlanName != wp.CreatedBy.BackupPlanName || p.PlanName == "" ||
			p.SizeBytes != wp.BackupSizeInBytes || p.ResourceARN != fs.ARN {
			t.Errorf("recovery point %d = %+v\nwant %+v", i, p, wp)
		}
	}
	calls := s.c.Calls().ByOp
	if calls["backup:DescribeRecoveryPoint"] != 0 || calls["backup:ListRecoveryPointsByBackupVault"] != 1 {
		t.Errorf("calls = %v; want the points in full from one vault listing, none described one by one", calls)
	}

	rjKey := FeedKey{Kind: FeedRestoreJobs}
	defer s.c.Subscribe(rjKey)()
	jobs := s.settled(t, rjKey).Data.(RestoreJobsData).Jobs
	wantJobs := w.RestoreJobs("")
	if len(jobs) != len(wantJobs) || len(jobs) == 0 {
		t.Fatalf("%d restore jobs, the world has %d", len(jobs), len(wantJobs))
	}
	failed := 0
	for i, j := range jobs {
		wj, err := w.RestoreJob(j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != wj.Status || j.StatusMessage != wj.StatusMessage || j.RecoveryPointARN != wj.RecoveryPointArn || !sameTime(j.CreatedAt, wj.CreationDate) {
			t.Errorf("restore job %s = %+v\nwant %+v", j.ID, j, wj)
		}
		if i > 0 && j.CreatedAt.After(jobs[i-1].CreatedAt) {
			t.Errorf("restore jobs not newest first at %d", i)
		}
		if j.Status == "FAILED" && j.StatusMessage != "" {
			failed++
		}
	}
	if failed != 1 {
		t.Errorf("%d failed restores with a message, want the scenario's one", failed)
	}
}
