package registry

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestApproveAsksTheShellToConfirmTheExactRequest(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "a")
	if !p.Capturing() {
		t.Fatal("the comment form should take typed keys")
	}
	typeText(p, "Beats v12 on RMSE.")
	req := confirmOf(t, press(p, "enter"))
	want := backend.SetApproval{ModelPackageARN: packageARN("hdb-resale-valuation", 14), Group: "hdb-resale-valuation", Version: 14,
		Approve: true, Note: "Beats v12 on RMSE."}
	if req != want {
		t.Fatalf("request = %+v\nwant      %+v", req, want)
	}
	if req.Action() != domain.ActionApproveModel {
		t.Errorf("action = %s", req.Action())
	}
	plan := strings.Join(req.Plan(), "\n")
	for _, s := range []string{"sagemaker:UpdateModelPackage", "ModelApprovalStatus: Approved", `ApprovalDescription: "Beats v12 on RMSE."`} {
		if !strings.Contains(plan, s) {
			t.Errorf("plan lacks %q:\n%s", s, plan)
		}
	}
	if p.Capturing() || p.approval != nil {
		t.Error("the form should close once the shell has the request")
	}
}

func TestApprovalCommentIsOptional(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "a")
	if req := confirmOf(t, press(p, "enter")); !req.Approve || req.Note != "" {
		t.Fatalf("request = %+v", req)
	}
}

func TestRejectNeedsAComment(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "r")
	for _, m := range run(press(p, "enter")) {
		if _, ok := m.(kit.ConfirmMsg); ok {
			t.Fatal("a rejection without a comment was sent for confirmation")
		}
	}
	if !strings.Contains(p.View(100, 30), "A rejection needs a comment saying why.") {
		t.Fatalf("the form does not say why:\n%s", p.View(100, 30))
	}
	typeText(p, "   ")
	if cmd := press(p, "enter"); cmd != nil {
		for _, m := range run(cmd) {
			if _, ok := m.(kit.ConfirmMsg); ok {
				t.Fatal("a comment of spaces counted as a reason")
			}
		}
	}
	typeText(p, "Worse on 4-room flats.")
	req := confirmOf(t, press(p, "enter"))
	if req.Approve || req.Note != "Worse on 4-room flats." || req.Action() != domain.ActionRejectModel {
		t.Fatalf("request = %+v", req)
	}
}

func TestCommentLimitIsSageMakers(t *testing.T) {
	for _, tc := range []struct {
		n  int
		ok bool
	}{{1024, true}, {1025, false}} {
		p, _ := newPane(t, 100, 30, engineer())
		openGroup(t, p, hdbData())
		moveTo(t, p, 14)
		press(p, "r")
		typeText(p, strings.Repeat("é", tc.n)) // characters, not bytes
		var sent bool
		for _, m := range run(press(p, "enter")) {
			_, sent = m.(kit.ConfirmMsg)
		}
		if sent != tc.ok {
			t.Errorf("%d characters: sent = %v, want %v", tc.n, sent, tc.ok)
		}
		if !tc.ok && !strings.Contains(p.View(100, 30), "1,025 characters: SageMaker takes at most 1,024.") {
			t.Errorf("no length error:\n%s", p.View(100, 30))
		}
	}
}

func TestCancelledFormSendsNothing(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "a")
	typeText(p, "x")
	if cmd := press(p, "esc"); cmd != nil {
		t.Fatalf("esc returned a command: %v", run(cmd))
	}
	if p.Capturing() || p.mode != modeVersions {
		t.Fatal("esc should close the form and stay on the versions")
	}
}

func TestAlreadyDecidedVersionsSaySo(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 12)
	if got := notice(press(p, "a")); got != "info: v12 is already approved." {
		t.Errorf("a on the approved version: %q", got)
	}
	moveTo(t, p, 13)
	if got := notice(press(p, "r")); got != "info: v13 is already rejected." {
		t.Errorf("r on a rejected version: %q", got)
	}
	if p.Capturing() {
		t.Error("no form should open")
	}
	// Rejecting the approved version is allowed: it takes it out of production.
	moveTo(t, p, 12)
	press(p, "r")
	if p.approval == nil || !strings.Contains(p.View(100, 30), "It is the approved version now") {
		t.Fatalf("rejecting the approved version:\n%s", p.View(100, 30))
	}
}

func TestRolesThatMayNotApproveAreRefusedWithTheReason(t *testing.T) {
	readOnly := engineer()
	readOnly.ReadOnly = true
	for _, tc := range []struct {
		name string
		id   domain.Identity
		why  string
	}{
		{"data scientist", kittest.Scientist(), "the data scientist role may not approve a model version"},
		{"read-only", readOnly, "agdash is in read-only mode"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := newPane(t, 100, 30, tc.id)
			openGroup(t, p, hdbData())
			moveTo(t, p, 14)
			got := notice(press(p, "a"))
			if got != "warn: Refused: approve the version — "+tc.why+"." {
				t.Errorf("notification = %q", got)
			}
			if p.Capturing() || p.approval != nil {
				t.Error("the comment form opened for a role that may not approve")
			}
			press(p, "enter") // lineage: the keys there are refused too
			if got := notice(press(p, "r")); !strings.Contains(got, "Refused: reject the version") {
				t.Errorf("r in the lineage: %q", got)
			}
		})
	}
}

func TestAWSAnswerIsShownWithTheVersion(t *testing.T) {
	p, _ := newPane(t, 100, 30, engineer())
	openGroup(t, p, hdbData())
	moveTo(t, p, 14)
	press(p, "a")
	req := confirmOf(t, press(p, "enter"))
	p.Update(kit.ActionDoneMsg{Pane: kit.PaneRegistry, Req: req, Err: &backend.ActionError{
		Action: req.Action(), Target: req.Target(), Operation: "sagemaker:UpdateModelPackage", Code: "AccessDeniedException",
		Role: domain.RoleMLOpsEngineer, Message: "User is not authorized to perform sagemaker:UpdateModelPackage"}})
	out := p.View(100, 30)
	if !strings.Contains(out, "✗ AWS denied sagemaker:UpdateModelPackage on hdb-resale-valuation v14 for the MLOps engineer role") {
		t.Fatalf("the refusal is not shown:\n%s", out)
	}
	press(p, "enter")
	if !strings.Contains(p.View(100, 30), "✗ AWS denied") {
		t.Errorf("the lineage of v14 should say what AWS answered:\n%s", p.View(100, 30))
	}
	press(p, "esc")
	moveTo(t, p, 13)
	press(p, "enter")
	if strings.Contains(p.View(100, 30), "AWS denied") {
		t.Error("another version's lineage shows v14's answer")
	}
}
