package backups

import (
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/dialog"
	"github.com/agdash/agdash/views/kit/kittest"
)

// started drives a restore of notebooks/model.R from three days ago to
// AWS's answer, as the shell would after the user confirms.
func started(h *harness) {
	h.toForm()
	h.typeText("notebooks/model.R")
	h.press("ctrl+s")
	req := h.confirmed()
	h.send(kit.ActionDoneMsg{Pane: kit.PaneBackups, Req: req, Result: backend.ActionResult{
		Action: domain.ActionStartRestore, Target: req.FileSystemID, ID: newJobID}})
}

// states drives the pane into each state a user can see. overlay draws
// the shell's confirmation over the pane, as the shell does.
var states = []struct {
	name    string
	id      func() domain.Identity
	drive   func(h *harness)
	overlay bool
}{
	{name: "loading", drive: func(h *harness) {}},
	{name: "denied", drive: func(h *harness) {
		h.fail(fsFeed, backend.FeedState{Err: "AWS denied elasticfilesystem:DescribeFileSystems to alice.tan: not authorized", AccessDenied: true})
	}},
	{name: "file_systems", drive: func(h *harness) { h.loaded() }},
	{name: "scope_unmapped", drive: func(h *harness) {
		h.loaded()
		h.ctx.Scope = "moh-triage-nlp"
		h.send(kit.ScopeMsg{Project: h.ctx.Scope})
	}},
	{name: "timeline", drive: func(h *harness) {
		h.loaded()
		h.press("enter", "alt+3")
	}},
	{name: "points_loading", drive: func(h *harness) {
		h.deliver(fsFeed, fileSystems())
		h.press("enter")
	}},
	{name: "choose_user", drive: func(h *harness) {
		h.loaded()
		h.press("enter", "alt+3", "r")
	}},
	{name: "form_path_error", drive: func(h *harness) {
		h.loaded()
		h.toForm()
		h.typeText("../200001/.ssh/id_rsa")
		h.press("ctrl+s")
	}},
	{name: "confirmation", overlay: true, drive: func(h *harness) {
		h.loaded()
		h.toForm()
		h.typeText("notebooks/model.R")
		h.press("ctrl+o")
		h.typeText("data/")
		h.press("ctrl+s")
	}},
	{name: "review_refused", drive: func(h *harness) {
		h.loaded()
		h.toForm()
		h.typeText("notebooks/model.R")
		h.press("ctrl+s")
		req := h.confirmed()
		h.send(kit.ActionDoneMsg{Pane: kit.PaneBackups, Req: req, Err: &backend.ActionError{
			Action: domain.ActionStartRestore, Target: hdbFS, Operation: "backup:StartRestoreJob", Code: "AccessDeniedException",
			Role: domain.RoleProjectAdmin, Message: "User: arn:aws:sts::123456789012:assumed-role/ag-project-admin/alice.tan is not authorized to perform: iam:PassRole on resource: " + planRole}})
	}},
	{name: "restore_running", drive: func(h *harness) {
		h.loaded()
		started(h)
		h.deliver(jobsFeed, restoreJobs(startedJob(domain.RestoreRunning, "42.00%", 100*time.Second)))
	}},
	{name: "restore_completed", drive: func(h *harness) {
		h.loaded()
		started(h)
		h.deliver(jobsFeed, restoreJobs(startedJob(domain.RestoreCompleted, "100.00%", 5*time.Minute)))
	}},
	{name: "restore_failed", drive: func(h *harness) {
		h.loaded()
		started(h)
		failed := startedJob(domain.RestoreFailed, "0.00%", 5*time.Minute)
		failed.StatusMessage = failure
		h.deliver(jobsFeed, restoreJobs(failed))
	}},
	{name: "refused_scientist", id: kittest.Scientist, drive: func(h *harness) {
		h.loaded()
		h.press("enter", "alt+3", "r")
	}},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			bubble(t, s.name+"_"+sz.Name, func(t *testing.T) {
				id := kittest.Admin
				if s.id != nil {
					id = s.id
				}
				h := newHarness(t, id(), sz.W, sz.H)
				s.drive(h)
				out := h.view()
				kittest.RequireBlock(t, out, sz.W, sz.H)
				if s.overlay {
					req := h.confirmed()
					box := dialog.ForAction(req, h.ctx.Identity).View(h.ctx.Styles, sz.W-4)
					out = kittest.Overlay(out, box, sz.W)
				}
				head := strings.Join(h.p.Crumbs(), " > ") + " | " + h.p.Info() + "\n"
				golden.RequireEqual(t, []byte(head+out))
			})
		}
	}
}

// bubble runs a subtest on a virtual clock, so the text inputs' cursor
// blink commands the harness runs return at once instead of sleeping.
func bubble(t *testing.T, name string, fn func(t *testing.T)) {
	t.Run(name, func(t *testing.T) { synctest.Test(t, fn) })
}
