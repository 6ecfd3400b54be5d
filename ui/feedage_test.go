package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit/kittest"
)

// In the sandbox the data's clock may run 30 times faster than the wall
// clock the backend polls by: a feed polled a minute ago is a minute old,
// not the half hour that passed in the sandbox meanwhile.
func TestFeedAgesAreOnThePollClock(t *testing.T) {
	h := newHarness(t, 100, 24)
	wall := kittest.Now
	h.m.ctx.PollNow = func() time.Time { return wall }
	h.withProjects() // polled 12s before kittest.Now
	wall = wall.Add(48 * time.Second)
	h.svc.Advance(30 * time.Minute)
	h.send(clockMsg{})
	if status := lastLine(h.screen()); !strings.Contains(status, "projects 1m ago") {
		t.Fatalf("a feed polled a minute ago by the wall clock: %q", status)
	}
	s := freshProjects()
	s.Stale, s.Err = true, "sagemaker:ListProjects: ThrottlingException: Rate exceeded"
	h.deliver(projectsKey, nil, s)
	if status := lastLine(h.screen()); !strings.Contains(status, "projects stale 1m: ") {
		t.Fatalf("stale data polled a minute ago: %q", status)
	}
}

// A pane shown again subscribes to its feed afresh, and the service's new
// feed has no success yet; the pane still draws the data kept from the
// last one. That data is stale with its age when the new feed fails, not
// "failed", and the pane is told its age too.
func TestAFeedSubscribedAgainKeepsTheAgeOfTheDataShown(t *testing.T) {
	h := newHarness(t, 100, 24)
	wall := kittest.Now
	h.m.ctx.PollNow = func() time.Time { return wall }
	h.withProjects() // polled 12s before kittest.Now
	wall = wall.Add(48 * time.Second)

	again := backend.FeedState{Interval: 30 * time.Second, LastAttempt: wall, Fetching: true}
	h.deliver(projectsKey, nil, again)
	h.send(clockMsg{})
	if status := lastLine(h.screen()); !strings.Contains(status, "projects 1m ago") {
		t.Fatalf("the new feed's first poll, with the old data on screen: %q", status)
	}
	again.Fetching, again.Err, again.Stale = false, "sagemaker:ListProjects: ThrottlingException: Rate exceeded", true
	h.deliver(projectsKey, nil, again)
	if status := lastLine(h.screen()); !strings.Contains(status, "projects stale 1m: ") || strings.Contains(status, "failed") {
		t.Fatalf("the new feed failed, the old data is on screen: %q", status)
	}
	if s, _ := h.m.feeds.state(projectsKey); !s.LastSuccess.Equal(freshProjects().LastSuccess) {
		t.Fatalf("the state kept %v as the last success, want %v", s.LastSuccess, freshProjects().LastSuccess)
	}

	// A feed never delivered has no age to keep: it failed.
	other := backend.FeedKey{Kind: backend.FeedEndpoints}
	h.deliver(other, nil, backend.FeedState{Interval: 30 * time.Second, LastAttempt: wall, Err: "no route to host", Stale: true})
	if s, _ := h.m.feeds.state(other); !s.LastSuccess.IsZero() {
		t.Fatalf("a feed with no data gained a success at %v", s.LastSuccess)
	}
}
