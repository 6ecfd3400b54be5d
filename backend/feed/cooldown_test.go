package feed

import (
	"testing"
	"time"
)

// Leaving and joining a failing feed (hiding a pane and showing it again)
// does not poll a failing AWS at once: the new feed keeps the old one's
// back-off and error, polls when the back-off ends, and polls at once
// only when asked to.
func TestResubscribingAFailingFeedKeepsItsBackoff(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	c.fail.Store(true)
	spec := Spec{Interval: 10 * time.Second, Fetch: c.fetch}
	leave := e.Subscribe("eps", spec)
	first := recv(t, e) // fails at t0: back-off 10s
	idle(t, clock, 1)
	leave()
	idle(t, clock, 0) // the old feed has let go of its timer

	clock.Advance(4 * time.Second)
	defer e.Subscribe("eps", spec)()
	u := recv(t, e)
	if u.Data != nil || u.State.Err == nil || u.State.Failures != 1 || !u.State.NextAttempt.Equal(first.State.NextAttempt) {
		t.Fatalf("on joining again: %+v, want the old error and back-off, no data", u)
	}
	idle(t, clock, 1)
	if n := c.calls.Load(); n != 1 {
		t.Fatalf("%d polls: joining again polled a failing feed at once", n)
	}
	clock.Advance(6 * time.Second) // the back-off ends at t0+10s
	if u := recv(t, e); u.State.Failures != 2 || !u.State.LastAttempt.Equal(t0.Add(10*time.Second)) {
		t.Fatalf("after the back-off: %+v, want the second failure at t0+10s", u.State)
	}
	if n := c.calls.Load(); n != 2 {
		t.Fatalf("%d polls, want 2", n)
	}

	// A refresh is the user asking: it polls at once, back-off or not.
	idle(t, clock, 1)
	c.fail.Store(false)
	e.Refresh("eps")
	if u := recv(t, e); u.State.Err != nil || u.Data != 3 {
		t.Fatalf("refresh: %+v", u)
	}
}

// A feed that stopped healthy, or whose back-off has run out, polls at
// once when joined again.
func TestResubscribingAfterTheBackoffPollsAtOnce(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	c.fail.Store(true)
	spec := Spec{Interval: 10 * time.Second, Fetch: c.fetch}
	leave := e.Subscribe("eps", spec)
	recv(t, e)
	idle(t, clock, 1)
	leave()
	idle(t, clock, 0) // the old feed has let go of its timer
	clock.Advance(10 * time.Second)
	defer e.Subscribe("eps", spec)()
	if u := recv(t, e); u.State.Failures != 1 || !u.State.LastAttempt.Equal(t0.Add(10*time.Second)) || c.calls.Load() != 2 {
		t.Fatalf("joined after the back-off: %+v, want an immediate poll, as a new feed", u.State)
	}
}
