package backups

import (
	"reflect"

	tea "github.com/charmbracelet/bubbletea"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

const hostile = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J\x1b[31mred\rCR\aBEL\u009b31mC1\u009dOSC\u009c\u202eRTL"

// hostileData puts escape sequences and control characters in every
// AWS-sourced field the pane shows.
func hostileData() (backend.FileSystemsData, backend.RecoveryPointsData, backend.RestoreJobsData) {
	fss := fileSystems()
	fs := &fss.FileSystems[0]
	fs.DomainName, fs.Name, fs.State = "hdb"+hostile, "home"+hostile, "available"+hostile
	users := fss.Users["d-hdb0001"]
	for i := range users {
		users[i].Name += hostile
		users[i].HomeEFSUID += hostile
		users[i].Status += hostile
	}
	pts := points()
	for i := range pts.Points {
		pts.Points[i].PlanName += hostile
		pts.Points[i].Vault += hostile
		pts.Points[i].Status += hostile
		pts.Points[i].IAMRoleARN += hostile
	}
	jobs := restoreJobs(startedJob(domain.RestoreRunning, "42.00%"+hostile, time.Minute))
	for i := range jobs.Jobs {
		j := &jobs.Jobs[i]
		j.StatusMessage += hostile
		j.CreatedResourceARN += hostile
		j.RecoveryPointARN += hostile
		j.IAMRoleARN += hostile
		j.ID += hostile
	}
	jobs.Jobs[1].Status += hostile
	return fss, pts, jobs
}

func TestHostileTextRendersInert(t *testing.T) {
	for _, sz := range sizes {
		bubble(t, sz.Name, func(t *testing.T) {
			h := newHarness(t, kittest.Admin(), sz.W, sz.H)
			fss, pts, jobs := hostileData()
			h.deliver(fsFeed, fss)
			h.deliver(pointsFeed(hdbFS), pts)
			h.deliver(jobsFeed, jobs)
			check := func(where string) {
				t.Helper()
				out := h.view()
				kittest.RequireBlock(t, out, sz.W, sz.H)
				for _, bad := range []string{"\x1b", "\a", "\r", "\u009b", "\u009d", "\u202e"} {
					if strings.Contains(out, bad) {
						t.Fatalf("%s: %q reached the screen:\n%q", where, bad, out)
					}
				}
				for _, c := range strings.Join(h.p.Crumbs(), "") + h.p.Info() {
					if c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) {
						t.Fatalf("%s: control %U in crumbs or info", where, c)
					}
				}
			}
			check("file systems")
			h.press("enter")
			check("timeline")
			h.press("r")
			check("users")
			h.press("enter")
			check("form")
			h.typeText("notebooks/x")
			h.press("ctrl+s")
			check("review")
			h.press("esc", "esc", "esc", "R")
			check("restore jobs")
			h.press("down")
			check("a failed job")
		})
	}
}

func TestWideCharactersKeepColumnsAligned(t *testing.T) {
	bubble(t, "wide", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 100, 20)
		fss := fileSystems()
		fss.FileSystems[0].DomainName = "建屋发展局-分析"
		fss.FileSystems[1].DomainName = "போக்குவரத்து"
		fss.FileSystems[2].DomainName = "kesihatan 🏥🧬"
		h.deliver(fsFeed, fss)
		out := h.view()
		kittest.RequireBlock(t, out, 100, 20)
		col := -1
		for _, l := range strings.Split(out, "\n")[1:5] {
			i := strings.Index(l, "fs-0")
			if i < 0 {
				t.Fatalf("no file system id in %q", l)
			}
			c := kit.Width(l[:i])
			if col >= 0 && c != col {
				t.Fatalf("FILE SYSTEM starts at cell %d and %d:\n%s", col, c, out)
			}
			col = c
		}
	})
}

func TestOpenNamesAFileSystemOrAJob(t *testing.T) {
	bubble(t, "fs", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35)
		h.send(kit.NavigateMsg{Pane: kit.PaneBackups, Arg: hdbFS}) // before any data: opens when it comes
		h.loaded()
		if got := strings.Join(h.p.Crumbs(), ">"); got != "Backups>hdb-analytics fs-0hdb0001" {
			t.Fatalf("crumbs %q", got)
		}
		if !reflect.DeepEqual(h.p.Feeds(), []backend.FeedKey{fsFeed, jobsFeed, pointsFeed(hdbFS)}) {
			t.Errorf("feeds %v", h.p.Feeds())
		}
	})
	bubble(t, "job", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.send(kit.NavigateMsg{Pane: kit.PaneBackups, Arg: "8C1F2A44-3E5B-4D6C-9A7F-1B2C3D4E5F60"})
		if j, ok := h.p.jobTable.Selected(); !ok || j.ID != "8C1F2A44-3E5B-4D6C-9A7F-1B2C3D4E5F60" || h.p.screen != screenJobs {
			t.Fatalf("selected %v on screen %d", j.ID, h.p.screen)
		}
		if out := h.view(); !strings.Contains(out, "Restore job 8C1F2A44-3E5B-4D6C-9A7F-1B2C3D4E5F60  COMPLETED") {
			t.Fatalf("job detail:\n%s", out)
		}
	})
	bubble(t, "unknown", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.run(h.p.Open("fs-nope"))
		if n := take[kit.NotifyMsg](h); len(n) != 1 || !strings.Contains(n[0].Text, "no file system or restore job fs-nope") {
			t.Fatalf("notes %+v", n)
		}
	})
}

func TestScopeNarrowsFileSystemsAndJobs(t *testing.T) {
	bubble(t, "scope", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		h.ctx.Scope = "lta-bus-eta"
		h.send(kit.ScopeMsg{Project: h.ctx.Scope})
		out := h.view()
		if !strings.Contains(out, "fs-0lta0001") || strings.Contains(out, "fs-0hdb0001") {
			t.Fatalf("scoped to lta-bus-eta:\n%s", out)
		}
		if h.p.Info() != "1 file systems" {
			t.Errorf("info %q", h.p.Info())
		}
		if !strings.Contains(out, "No restore jobs in the last 30 days") {
			t.Errorf("the summary counts restore jobs outside the scope:\n%s", out)
		}
		h.press("R")
		if h.p.jobTable.Len() != 0 {
			t.Errorf("hdb restore jobs shown under the lta scope:\n%s", h.view())
		}
		h.ctx.Scope = ""
		h.send(kit.ScopeMsg{})
		if h.p.jobTable.Len() != 2 {
			t.Errorf("%d jobs without a scope", h.p.jobTable.Len())
		}
	})
}

func TestFollowedJobIsAnnouncedOnce(t *testing.T) {
	bubble(t, "announce", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		started(h)
		take[kit.NotifyMsg](h)
		if h.p.screen != screenJobs || h.p.followed != newJobID {
			t.Fatalf("not following: screen %d", h.p.screen)
		}
		if out := h.view(); !strings.Contains(out, "Restore job "+newJobID+" was started; waiting for AWS Backup to list it") {
			t.Fatalf("before the list has it:\n%s", out)
		}
		h.deliver(jobsFeed, restoreJobs(startedJob(domain.RestorePending, "0.00%", 10*time.Second)))
		if j, _ := h.p.jobTable.Selected(); j.ID != newJobID {
			t.Fatalf("selected %s", j.ID)
		}
		if n := take[kit.NotifyMsg](h); len(n) != 0 {
			t.Fatalf("announced a pending job: %+v", n)
		}
		failed := startedJob(domain.RestoreFailed, "0.00%", 5*time.Minute)
		failed.StatusMessage = failure
		h.deliver(jobsFeed, restoreJobs(failed))
		n := take[kit.NotifyMsg](h)
		if len(n) != 1 || n[0].Level != kit.LevelError || n[0].Text != "Restore job "+newJobID+" failed: "+failure {
			t.Fatalf("notes %+v", n)
		}
		h.deliver(jobsFeed, restoreJobs(failed))
		if n := take[kit.NotifyMsg](h); len(n) != 0 {
			t.Fatalf("announced twice: %+v", n)
		}
	})
}

func TestFeedsFollowTheScreen(t *testing.T) {
	bubble(t, "feeds", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35).loaded()
		if !reflect.DeepEqual(h.p.Feeds(), []backend.FeedKey{fsFeed, jobsFeed}) {
			t.Errorf("list feeds %v", h.p.Feeds())
		}
		h.press("down", "r") // restore on lta, straight from the list
		if !reflect.DeepEqual(h.p.Feeds(), []backend.FeedKey{fsFeed, jobsFeed, pointsFeed("fs-0lta0001")}) {
			t.Errorf("restore feeds %v", h.p.Feeds())
		}
		h.press("esc")
		if h.p.screen != screenFileSystems || len(h.p.Feeds()) != 2 {
			t.Errorf("esc left screen %d with feeds %v", h.p.screen, h.p.Feeds())
		}
	})
}

func TestFeedProblemsAreShown(t *testing.T) {
	bubble(t, "problems", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 100, 20)
		h.deliver(fsFeed, fileSystems())
		h.fail(jobsFeed, backend.FeedState{Err: "backup:ListRestoreJobs: ThrottlingException: Rate exceeded", Stale: true})
		if out := h.view(); !strings.Contains(out, "Restore jobs: backup:ListRestoreJobs: ThrottlingException: Rate exceeded") {
			t.Errorf("list:\n%s", out)
		}
		h.press("enter")
		h.fail(pointsFeed(hdbFS), backend.FeedState{Err: "AWS denied backup:ListRecoveryPointsByResource", AccessDenied: true})
		if out := h.view(); !strings.Contains(out, "AWS denied access to the recovery points:") {
			t.Errorf("timeline:\n%s", out)
		}
	})
}

func TestPointsArrivingAfterTheFormRecheckIt(t *testing.T) {
	bubble(t, "late", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 120, 35)
		h.deliver(fsFeed, fileSystems())
		h.press("r") // straight from the list: the points are not loaded yet
		h.chooseUser("bala-k")
		h.typeText("a.R")
		h.press("ctrl+s")
		if out := h.view(); !strings.Contains(out, "✗ this file system has no recovery points yet") {
			t.Fatalf("before the points:\n%s", out)
		}
		h.deliver(pointsFeed(hdbFS), points())
		out := h.view()
		if strings.Contains(out, "no recovery points yet") || !strings.Contains(out, "From          02:14 (7h ago) · COMPLETED") {
			t.Fatalf("after the points arrived:\n%s", out)
		}
		h.press("ctrl+s")
		if got := h.confirmed().RecoveryPointARN; got != pointARN(0) {
			t.Errorf("newest is %s", got)
		}
	})
}

func TestMouseSelectsAFileSystem(t *testing.T) {
	bubble(t, "mouse", func(t *testing.T) {
		h := newHarness(t, kittest.Admin(), 100, 20).loaded()
		h.send(tea.MouseMsg{X: 5, Y: 2, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		if r, _ := h.p.fsTable.Selected(); r.ID != "fs-0lta0001" {
			t.Fatalf("click on the second row selected %s", r.ID)
		}
		h.send(tea.MouseMsg{X: 5, Y: 1, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		h.press("enter")
		// The timeline's list starts under the file system line, the day
		// strip and its caret: its header is line pointsHead.
		h.send(tea.MouseMsg{X: 5, Y: pointsHead + 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
		if rp, _ := h.p.pointTable.Selected(); rp.ARN != pointARN(2) {
			t.Fatalf("click on the third point selected %s:\n%s", rp.ARN, h.view())
		}
	})
}

// A failed restore created nothing, so AWS names no created resource;
// its file system is the one its recovery point was taken of, which AWS
// sends as the source, even when that file system's points were never
// read and agdash did not start the job.
func TestFailedRestoreJobNamesItsSourceFileSystem(t *testing.T) {
	bubble(t, "source", func(t *testing.T) {
		const ltaARN = "arn:aws:elasticfilesystem:ap-southeast-1:123456789012:file-system/fs-0lta0001"
		failed := domain.RestoreJob{ID: "0F1E2D3C-4B5A-4968-8776-A5B4C3D2E1F0", ResourceType: "EFS", Status: domain.RestoreFailed,
			RecoveryPointARN: "arn:aws:backup:ap-southeast-1:123456789012:recovery-point:lta-0001", StatusMessage: "Access denied",
			CreatedAt: now.Add(-10 * time.Minute), CompletedAt: now.Add(-8 * time.Minute), SourceResourceARN: ltaARN}
		h := newHarness(t, kittest.Admin(), 120, 35).loaded(failed)
		h.press("R")
		j, ok := h.p.jobTable.Selected()
		if !ok || j.ID != failed.ID || j.fsLabel() != "lta-transport fs-0lta0001" {
			t.Fatalf("selected %+v, want the failed lta job on lta-transport fs-0lta0001", j)
		}
		out := h.view()
		if !strings.Contains(out, "File system   lta-transport fs-0lta0001") {
			t.Errorf("the detail does not name lta-transport fs-0lta0001:\n%s", out)
		}
		// The scope knows it too: it is lta's job, not hdb's.
		h.ctx.Scope = "lta-bus-eta"
		h.send(kit.ScopeMsg{Project: h.ctx.Scope})
		if h.p.jobTable.Len() != 1 {
			t.Errorf("%d jobs under the lta scope, want the failed lta job:\n%s", h.p.jobTable.Len(), h.view())
		}
	})
}
