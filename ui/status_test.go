package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func TestNotificationsExpireByTheirOwnID(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.send(kit.NotifyMsg{Level: kit.LevelInfo, Text: "first"})
	if !strings.Contains(h.screen(), "info: first") {
		t.Fatal("notification not shown")
	}
	firstTimers := h.timers
	h.timers = nil
	h.send(kit.NotifyMsg{Level: kit.LevelError, Text: "second \x1b[31mred"})
	if !strings.Contains(h.screen(), "error: second red") {
		t.Fatalf("newest notification not shown (sanitised):\n%s", h.screen())
	}
	if len(h.timers) != 1 || h.timers[0].d != 12*time.Second {
		t.Fatalf("an error should be scheduled to expire after 12s: %+v", h.timers)
	}
	// The first one's timer firing must not remove the second.
	secondTimers := h.timers
	h.timers = firstTimers
	fire[noteExpiredMsg](h)
	if !strings.Contains(h.screen(), "error: second red") {
		t.Fatal("an older timer removed a newer notification")
	}
	h.timers = secondTimers
	fire[noteExpiredMsg](h)
	if strings.Contains(h.screen(), "second") || !strings.Contains(h.screen(), "? help") {
		t.Fatalf("expired notification still shown:\n%s", h.screen())
	}
}

func TestStatusLineShowsFreshnessCallsAndSpinner(t *testing.T) {
	h := newHarness(t, 100, 24)
	if !strings.Contains(h.screen(), "projects waiting") {
		t.Fatalf("before any update:\n%s", h.screen())
	}
	h.withProjects()
	h.svc.Advance(2 * time.Minute)
	h.svc.SetCalls(backend.CallStats{Total: 1234, Throttl: 3, Errors: 2})
	h.send(clockMsg{})
	status := lastLine(h.screen())
	if !strings.Contains(status, "projects 2m ago") || !strings.Contains(status, "AWS calls 1,234 · throttled 3 · errors 2") {
		t.Fatalf("status line: %q", status)
	}
	// The service's own feed states (polled each second) drive the spinner.
	s := freshProjects()
	s.Fetching = true
	h.svc.SetFeeds(s)
	h.send(clockMsg{})
	if status := lastLine(h.screen()); !strings.Contains(status, h.m.spin.Spinner.Frames[0]+" projects") {
		t.Fatalf("no spinner while fetching: %q", status)
	}
	if len(h.timers) == 0 {
		t.Fatal("the clock should re-arm itself")
	}
}

func TestExpiredBannerWithoutProfile(t *testing.T) {
	id := kittest.Admin()
	id.Profile = ""
	h := newHarness(t, 100, 24, withIdentity(id)).withProjects()
	s := freshProjects()
	s.Err, s.Expired = "ExpiredToken", true
	h.deliver(projectsKey, nil, s)
	if !strings.Contains(h.screen(), "AWS credentials expired: refresh your credentials, then press ctrl+r") {
		t.Fatalf("banner:\n%s", h.screen())
	}
	checkFrame(t, h.screen(), 100, 24)
	h.keys("ctrl+r")
	if got := h.svc.Refreshed(); len(got) != 1 || got[0] != projectsKey {
		t.Fatalf("ctrl+r refreshed %v", got)
	}
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

func TestWaitForUpdate(t *testing.T) {
	svc := kittest.NewService(kittest.Admin(), kittest.Now)
	svc.Send(backend.Update{Key: projectsKey, Data: backend.ProjectsData{}})
	ctx, cancel := context.WithCancel(context.Background())
	msg := waitForUpdate(ctx, svc.Updates())()
	if u, ok := msg.(liveUpdateMsg); !ok || u.u.Key != projectsKey || u.from != svc.Updates() {
		t.Fatalf("got %#v", msg)
	}
	cancel()
	if msg := waitForUpdate(ctx, svc.Updates())(); msg != nil {
		t.Fatalf("after the context ended the pump should stop, got %#v", msg)
	}
	svc.Close()
	if msg := waitForUpdate(context.Background(), svc.Updates())(); msg != (updatesClosedMsg{}) {
		t.Fatalf("a closed channel should say so, got %#v", msg)
	}
}
