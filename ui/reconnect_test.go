package ui

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// switcher is an Options.Reconnect that hands out prepared services and
// records what it was asked for.
type switcher struct {
	mu    sync.Mutex
	next  []*kittest.Service
	err   error
	calls []string
}

func (s *switcher) reconnect(_ context.Context, profile, region string) (backend.Service, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, profile+"|"+region)
	if s.err != nil {
		return nil, s.err
	}
	svc := s.next[0]
	s.next = s.next[1:]
	return svc, nil
}

func closed(svc *kittest.Service) bool {
	select {
	case _, ok := <-svc.Updates():
		return !ok
	default:
		return false
	}
}

func TestProfileSwitchMovesTheSessionToTheNewService(t *testing.T) {
	onCall := domain.Identity{Account: "555566667777", ARN: "arn:aws:sts::555566667777:assumed-role/AG-OnCall-ReadOnly/on-call",
		Principal: "on-call", Role: domain.RoleOnCall, Region: "ap-southeast-1", Profile: "ag-oncall"}
	london := onCall
	london.Region = "eu-west-2"
	svc2 := kittest.NewService(onCall, kittest.Now)
	svc3 := kittest.NewService(london, kittest.Now)
	sw := &switcher{next: []*kittest.Service{svc2, svc3}}
	h := newHarness(t, 120, 30, withOptions(func(o *Options) {
		o.Reconnect = sw.reconnect
		o.Profiles = func() []string { return []string{"ag-oncall", "ag-prod"} }
		o.Regions = []string{"ap-southeast-1", "eu-west-2"}
	})).withProjects()
	svc1 := h.svc
	if !strings.Contains(h.screen(), "hdb-resale-valuation") {
		t.Fatalf("the first account's projects should show:\n%s", h.screen())
	}

	// Completion offers the configured profiles.
	h.keys(":", "type:profile ag-o", "tab")
	if v := h.m.prompt.value(); v != "profile ag-oncall" {
		t.Fatalf("completion: %q", v)
	}
	h.keys("enter")

	if got := strings.Join(sw.calls, ","); got != "ag-oncall|" {
		t.Fatalf("Reconnect called with %q, want the profile and an empty region (keep it)", got)
	}
	if got := svc1.Subscribed(); len(got) != 0 {
		t.Fatalf("the old service still has feeds: %v", got)
	}
	if closed(svc1) {
		t.Fatal("the service given to Run is the caller's to close")
	}
	if got := strings.Join(svc2.Subscribed(), ","); got != "projects" {
		t.Fatalf("the new service should feed the visible pane: %q", got)
	}
	screen := h.screen()
	if got, want := noteText(h), "Now on profile ag-oncall, ap-southeast-1, account 555566667777, as on-call."; got != want {
		t.Errorf("notification %q, want %q", got, want)
	}
	for _, want := range []string{"on-call (on-call)", "555566667777", "profile ag-oncall"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "hdb-resale-valuation") {
		t.Errorf("the old account's projects are still shown:\n%s", screen)
	}
	if h.m.ctx.Identity.Principal != "on-call" || h.m.ctx.Service != backend.Service(svc2) {
		t.Errorf("the panes' context was not moved: %+v", h.m.ctx.Identity)
	}

	// An update still in flight from the old service is dropped.
	h.send(liveUpdateMsg{updateMsg{backend.Update{Key: projectsKey, Data: kittest.Projects(), State: freshProjects()}}, svc1.Updates()})
	if strings.Contains(h.screen(), "hdb-resale-valuation") {
		t.Fatalf("an update from the replaced service reached the pane:\n%s", h.screen())
	}
	// The new service's updates arrive.
	h.send(liveUpdateMsg{updateMsg{backend.Update{Key: projectsKey, Data: kittest.Projects(), State: freshProjects()}}, svc2.Updates()})
	if !strings.Contains(h.screen(), "hdb-resale-valuation") {
		t.Fatalf("the new service's update did not reach the pane:\n%s", h.screen())
	}

	// :region swaps again; the service the shell made is closed.
	h.keys(":", "type:region eu-west-2", "enter")
	if got := sw.calls[len(sw.calls)-1]; got != "|eu-west-2" {
		t.Fatalf("Reconnect called with %q", got)
	}
	if !closed(svc2) {
		t.Fatal("the replaced service the shell owned was not closed")
	}
	if !strings.Contains(h.screen(), "eu-west-2") {
		t.Fatalf("the header does not show the new region:\n%s", h.screen())
	}

	// A failure keeps the current connection and says why.
	sw.err = errors.New("failed to get shared config profile, nosuch")
	h.keys(":", "type:profile nosuch", "enter")
	if got, want := noteText(h), "Still on profile ag-oncall, eu-west-2, account 555566667777, as on-call: could not switch to profile nosuch: failed to get shared config profile, nosuch"; got != want {
		t.Fatalf("the failure is not explained:\n got %q\nwant %q", got, want)
	}
	if closed(svc3) || strings.Join(svc3.Subscribed(), ",") != "projects" {
		t.Fatalf("a failed switch must keep the current service: closed=%v feeds=%v", closed(svc3), svc3.Subscribed())
	}

	// When the program ends, the service the shell owns is closed.
	h.m.feeds.closeAll()
	h.m.releaseService()
	if !closed(svc3) {
		t.Fatal("the shell's own service was not closed at the end")
	}
}

func TestProfileSwitchClearsTheScopeAndNeedsAName(t *testing.T) {
	svc2 := kittest.NewService(kittest.Scientist(), kittest.Now)
	sw := &switcher{next: []*kittest.Service{svc2}}
	h := newHarness(t, 120, 30, withOptions(func(o *Options) { o.Reconnect = sw.reconnect })).withProjects()
	h.keys(":", "type:project hdb-resale-valuation", "enter")
	h.keys(":", "type:profile", "enter")
	if !strings.Contains(h.screen(), ":profile needs one name") || len(sw.calls) != 0 {
		t.Fatalf("a bare :profile should ask for a name:\n%s", h.screen())
	}
	h.keys(":", "type:profile ag-prod", "enter")
	if h.m.ctx.Scope != "" || !strings.HasSuffix(noteText(h), "The project scope hdb-resale-valuation was cleared.") {
		t.Fatalf("the scope should be cleared on a new account: scope %q, note %q", h.m.ctx.Scope, noteText(h))
	}
}

func TestProfileSwitchWithoutReconnectSaysSo(t *testing.T) {
	h := newHarness(t, 120, 30).withProjects()
	h.keys(":", "type:region eu-west-1", "enter")
	if !strings.Contains(h.screen(), "Switching profile or region is not available in this session.") {
		t.Fatalf("screen:\n%s", h.screen())
	}
}

// noteText is the notification shown now, unwrapped.
func noteText(h *harness) string {
	if h.m.notes.current == nil {
		return ""
	}
	return h.m.notes.current.text
}
