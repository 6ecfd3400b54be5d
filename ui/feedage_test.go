package ui

import (
	"strings"
	"testing"
	"time"

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
