package backups

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

var now = kittest.Now // 1 June 2025, 10:00 SGT

const (
	hdbFS    = "fs-0hdb0001"
	hdbARN   = "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0hdb0001"
	planRole = "arn:aws:iam::123456789012:role/ag-backup-service"
)

// fileSystems is a file systems delivery: three agencies' Studio homes
// and one file system no domain owns.
func fileSystems() backend.FileSystemsData {
	byDomain := map[string][]domain.User{}
	for _, u := range kittest.Projects().Users {
		byDomain[u.DomainID] = append(byDomain[u.DomainID], u)
	}
	gib := int64(1) << 30
	return backend.FileSystemsData{
		FileSystems: []domain.FileSystem{
			{ID: hdbFS, ARN: hdbARN, Name: "hdb-analytics-home", DomainID: "d-hdb0001", DomainName: "hdb-analytics",
				SizeBytes: 46 * gib, CreatedAt: now.AddDate(-1, -2, 0), State: "available"},
			{ID: "fs-0lta0001", ARN: "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0lta0001", Name: "lta-transport-home",
				DomainID: "d-lta0001", DomainName: "lta-transport", SizeBytes: 31 * gib, CreatedAt: now.AddDate(-1, 0, 0), State: "available"},
			{ID: "fs-0moh0001", ARN: "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0moh0001", Name: "moh-home",
				DomainID: "d-moh0001", DomainName: "moh-health-analytics", SizeBytes: 18*gib + 300<<20, CreatedAt: now.AddDate(0, -3, 0), State: "available"},
			{ID: "fs-0shared01", ARN: "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0shared01", Name: "shared-datasets",
				SizeBytes: 2 * gib, CreatedAt: now.AddDate(0, -8, 0), State: "available"},
		},
		Users: byDomain,
	}
}

// pointARN names the hdb file system's point of day d ago.
func pointARN(d int) string {
	return fmt.Sprintf("arn:aws:backup:ap-southeast-1:123456789012:recovery-point:7c1e%04d-5d2a-4b8e-9f10-3a6b2c9d%04d", d, d)
}

// points is the hdb file system's recovery points, newest first: one a
// day at 02:14 for 35 days, the one of 9 days ago PARTIAL, the two oldest
// EXPIRED.
func points() backend.RecoveryPointsData {
	var out []domain.RecoveryPoint
	today := time.Date(now.Year(), now.Month(), now.Day(), 2, 14, 0, 0, now.Location())
	for d := 0; d < 35; d++ {
		at := today.AddDate(0, 0, -d)
		status := "COMPLETED"
		switch {
		case d == 9:
			status = "PARTIAL"
		case d >= 33:
			status = "EXPIRED"
		}
		out = append(out, domain.RecoveryPoint{
			ARN: pointARN(d), Vault: "ag-studio-home", ResourceARN: hdbARN, ResourceType: "EFS", Status: status,
			CreatedAt: at, CompletedAt: at.Add(11 * time.Minute), SizeBytes: int64(46<<30) - int64(d)*(300<<20),
			PlanName: "ag-studio-daily", IAMRoleARN: planRole,
		})
	}
	return backend.RecoveryPointsData{FileSystemID: hdbFS, Points: out}
}

const failure = "Failed to restore item /200002/data/raw/: the path does not exist in the recovery point. " +
	"Items deleted before the backup was taken are not in it; check the recovery point's creation time and try an older one."

// restoreJobs is a restore jobs delivery, newest first: one failed, one
// completed two days ago.
func restoreJobs(extra ...domain.RestoreJob) backend.RestoreJobsData {
	jobs := append(extra,
		domain.RestoreJob{ID: "5B0E91C2-7A4D-4C1B-A8E3-2F6D0C9B1E77", RecoveryPointARN: pointARN(2), ResourceType: "EFS",
			Status: domain.RestoreFailed, StatusMessage: failure, PercentDone: "0.00%",
			CreatedAt: now.Add(-50 * time.Minute), CompletedAt: now.Add(-48 * time.Minute), SourceResourceARN: hdbARN, IAMRoleARN: planRole},
		domain.RestoreJob{ID: "8C1F2A44-3E5B-4D6C-9A7F-1B2C3D4E5F60", RecoveryPointARN: pointARN(3), ResourceType: "EFS",
			Status: domain.RestoreCompleted, PercentDone: "100.00%", CreatedAt: now.Add(-49 * time.Hour),
			CompletedAt: now.Add(-49*time.Hour + 4*time.Minute + 12*time.Second), BackupSizeBytes: 36 << 20,
			CreatedResourceARN: hdbARN, SourceResourceARN: hdbARN, IAMRoleARN: planRole},
	)
	return backend.RestoreJobsData{Jobs: jobs}
}

// newJobID is the id the fake backend gives a started restore.
const newJobID = "E2A7C5D1-9B3F-4E8A-B6C4-0D1F2E3A4B5C"

// startedJob is the job the restore started, at a status and progress.
func startedJob(status, pct string, age time.Duration) domain.RestoreJob {
	j := domain.RestoreJob{ID: newJobID, RecoveryPointARN: pointARN(3), ResourceType: "EFS", Status: status, PercentDone: pct,
		CreatedAt: now.Add(-age), SourceResourceARN: hdbARN, IAMRoleARN: planRole, BackupSizeBytes: 12 << 20}
	if status == domain.RestoreCompleted || status == domain.RestoreFailed {
		j.CompletedAt = now.Add(-age + 4*time.Minute + 12*time.Second)
	}
	if status == domain.RestoreCompleted {
		j.CreatedResourceARN = hdbARN
	}
	return j
}

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

type harness struct {
	t   *testing.T
	p   *Pane
	ctx *kit.Context
	svc *kittest.Service
	// cmds are the messages the last commands produced, run at once.
	msgs []tea.Msg
}

func newHarness(t *testing.T, id domain.Identity, w, h int) *harness {
	t.Helper()
	svc := kittest.NewService(id, now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: id, Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	p := New()
	tokens := 0
	p.newToken = func() string { // numbered, so goldens are stable
		tokens++
		return fmt.Sprintf("agdash-restore-test%04d", tokens)
	}
	p.Init(ctx)
	return &harness{t: t, p: p, ctx: ctx, svc: svc}
}

func (h *harness) deliver(key backend.FeedKey, data any) {
	h.send(kit.FeedMsg{Update: backend.Update{Key: key, Data: data, State: kittest.Fresh(key, now)}})
}

func (h *harness) fail(key backend.FeedKey, state backend.FeedState) {
	state.Key = key
	h.send(kit.FeedMsg{Update: backend.Update{Key: key, State: state}})
}

// loaded delivers the file systems, the hdb points and the restore jobs.
func (h *harness) loaded(extra ...domain.RestoreJob) *harness {
	h.deliver(fsFeed, fileSystems())
	h.deliver(jobsFeed, restoreJobs(extra...))
	h.deliver(pointsFeed(hdbFS), points())
	return h
}

// send runs a message through the pane and collects what its commands
// produce (batches unrolled; table re-derivations fed back).
func (h *harness) send(msg tea.Msg) {
	_, cmd := h.p.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch m := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range m {
			h.run(c)
		}
	case kit.Routed:
		h.send(m)
	default:
		h.msgs = append(h.msgs, m)
	}
}

// press sends keys: names such as "enter", "esc", "down", "ctrl+s",
// "alt+3", or text typed rune by rune.
func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(kittest.Key(k))
	}
}

// typeText types s one rune at a time, as a user does.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// take removes and returns the collected messages of type T.
func take[T any](h *harness) []T {
	var out []T
	rest := h.msgs[:0]
	for _, m := range h.msgs {
		if v, ok := m.(T); ok {
			out = append(out, v)
		} else {
			rest = append(rest, m)
		}
	}
	h.msgs = rest
	return out
}

// confirmed is the last restore the pane asked the shell to confirm.
func (h *harness) confirmed() backend.StartRestore {
	h.t.Helper()
	cs := take[kit.ConfirmMsg](h)
	if len(cs) == 0 {
		h.t.Fatalf("no confirmation asked; screen:\n%s", h.view())
	}
	req, ok := cs[len(cs)-1].Req.(backend.StartRestore)
	if !ok {
		h.t.Fatalf("confirmation of %T", cs[len(cs)-1].Req)
	}
	return req
}

func (h *harness) view() string { return h.p.View(h.ctx.Width, h.ctx.Height) }

// toForm goes from the file system list to the restore form for bala-k
// with the point of three days ago.
func (h *harness) toForm() {
	h.press("enter", "alt+3", "r")
	h.chooseUser("bala-k")
}

func (h *harness) chooseUser(name string) {
	h.t.Helper()
	f := h.p.flow
	if f == nil || f.step != stepUser {
		h.t.Fatalf("not choosing a user; screen:\n%s", h.view())
	}
	if !selectWhere(f.users, func(u domain.User) bool { return u.Name == name }) {
		h.t.Fatalf("no user %s in the list:\n%s", name, h.view())
	}
	h.press("enter")
}
