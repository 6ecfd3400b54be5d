package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestConfirmThenDoOnceAndReport(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 80, 24, withStub(stub))
	h.keys("2", "x")
	if h.m.confirm == nil || !strings.Contains(h.screen(), "TrainingJobName: hdb-resale-train-0412") {
		t.Fatalf("no confirmation with the plan:\n%s", h.screen())
	}
	// Keys go to the dialog: "1" does not switch panes behind it.
	h.keys("1", "?")
	if h.m.activePane().ID() != kit.PaneJobs || h.m.help {
		t.Fatal("keys leaked past the dialog")
	}
	first := h.sendRaw(keyMsg("enter"))
	if first == nil {
		t.Fatal("confirming returned no command")
	}
	if second := h.sendRaw(keyMsg("enter")); second != nil {
		t.Fatal("a second Enter while the action runs must do nothing")
	}
	if !strings.Contains(h.screen(), "Sending…") {
		t.Fatalf("the dialog should say it is sending:\n%s", h.screen())
	}
	h.run(first)
	if n := len(h.svc.Requests()); n != 1 {
		t.Fatalf("Service.Do called %d times", n)
	}
	if h.m.confirm != nil {
		t.Fatal("the dialog should close when AWS answers")
	}
	if !strings.Contains(h.screen(), "info: Done: stop a training job (hdb-resale-train-0412)") {
		t.Fatalf("no result notification:\n%s", h.screen())
	}
	var done *kit.ActionDoneMsg
	for _, m := range stub.got {
		if d, ok := m.(kit.ActionDoneMsg); ok {
			done = &d
		}
	}
	if done == nil || done.Req.Target() != "hdb-resale-train-0412" || done.Err != nil {
		t.Fatalf("the pane was not told the outcome: %#v", done)
	}
}

func TestActionErrorIsReportedAsASentence(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 100, 24, withStub(stub))
	h.svc.OnDo(func(_ context.Context, req backend.ActionRequest) (backend.ActionResult, error) {
		return backend.ActionResult{}, &backend.ActionError{Action: req.Action(), Target: req.Target(), Operation: "sagemaker:StopTrainingJob",
			Code: "AccessDeniedException", Role: domain.RoleProjectAdmin, Message: "not authorized"}
	})
	h.keys("2", "x", "y")
	want := "error: AWS denied sagemaker:StopTrainingJob on hdb-resale-train-0412 for the project admin role: not authorized"
	checkFrame(t, h.screen(), 100, 24)
	if !strings.Contains(flat(h.screen()), want) {
		t.Fatalf("want %q on screen:\n%s", want, h.screen())
	}
}

func TestCancelSendsNothing(t *testing.T) {
	h := newHarness(t, 80, 24, withStub(&stubPane{}))
	h.keys("2", "x", "n")
	if h.m.confirm != nil || len(h.svc.Requests()) != 0 {
		t.Fatal("n should close the dialog and send nothing")
	}
	if !strings.Contains(h.screen(), "Cancelled: nothing was sent.") {
		t.Fatalf("no cancel notice:\n%s", h.screen())
	}
}

func TestRefusedDialogSendsNothing(t *testing.T) {
	id := kittest.Scientist()
	id.ReadOnly = true
	h := newHarness(t, 80, 24, withStub(&stubPane{noRestrict: true}), withIdentity(id))
	h.keys("2", "x")
	if !strings.Contains(h.screen(), "refused: agdash is in read-only mode") {
		t.Fatalf("no refusal:\n%s", h.screen())
	}
	h.keys("enter")
	if h.m.confirm != nil || len(h.svc.Requests()) != 0 {
		t.Fatal("a refused action was sent")
	}
}

func TestReadOnlyOptionAppliesToIdentity(t *testing.T) {
	h := newHarness(t, 120, 30, withStub(&stubPane{}), withOptions(func(o *Options) { o.ReadOnly = true }))
	if !strings.Contains(h.screen(), "READ-ONLY") {
		t.Fatal("no READ-ONLY badge")
	}
	h.keys("2", "?")
	if !strings.Contains(h.screen(), "off: agdash is in read-only mode") {
		t.Fatalf("help should show the mutating key as off:\n%s", h.screen())
	}
}

func TestDismissedDialogStillReports(t *testing.T) {
	h := newHarness(t, 80, 24, withStub(&stubPane{}))
	h.keys("2", "x")
	pending := h.sendRaw(keyMsg("enter"))
	h.keys("esc")
	if h.m.confirm != nil {
		t.Fatal("esc while running should hide the dialog")
	}
	h.run(pending)
	if !strings.Contains(h.screen(), "Done: stop a training job") {
		t.Fatalf("the result of a hidden dialog should still be reported:\n%s", h.screen())
	}
}

// flat joins the screen's lines, trimmed, with single spaces: text that
// wrapped reads as one sentence again.
func flat(screen string) string {
	var parts []string
	for _, l := range strings.Split(screen, "\n") {
		parts = append(parts, strings.TrimSpace(l))
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}
