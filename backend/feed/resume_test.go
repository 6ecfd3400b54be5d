package feed

import (
	"testing"
	"time"
)

// A feed deep in back-off returns to its normal cadence as soon as any
// other feed succeeds: AWS is answering again, so it polls one interval
// after its last attempt rather than after its whole back-off.
func TestASuccessElsewhereEndsABackoff(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var b counter
	b.fail.Store(true)
	defer e.Subscribe("b", Spec{Interval: 10 * time.Second, Fetch: b.fetch})()
	recv(t, e) // fails at t0; back-off 10s
	for _, wait := range []time.Duration{10 * time.Second, 20 * time.Second} {
		idle(t, clock, 1)
		clock.Advance(wait)
		recv(t, e)
	}
	// Three failures: the third, at t0+30s, backs off 40s.
	s := e.States()[0].State
	if s.Failures != 3 || !s.NextAttempt.Equal(t0.Add(70*time.Second)) {
		t.Fatalf("after three failures: %+v, want the next attempt at t0+70s", s)
	}
	idle(t, clock, 1)

	var a counter
	defer e.Subscribe("a", Spec{Interval: 10 * time.Second, Fetch: a.fetch})()
	if u := recv(t, e); u.Key != "a" || u.State.Err != nil {
		t.Fatalf("a's first poll: %+v", u)
	}
	b.fail.Store(false)
	idle(t, clock, 2)
	clock.Advance(10 * time.Second)
	for got := map[string]bool{}; !got["b"]; {
		u := recv(t, e)
		got[u.Key] = true
		if u.Key == "b" && (u.State.Err != nil || !u.State.LastSuccess.Equal(t0.Add(40*time.Second))) {
			t.Fatalf("b polled %+v, want a success at t0+40s, one interval after its last attempt", u.State)
		}
	}
}

// In an outage nothing succeeds, so nothing cuts a back-off short; but
// of the failing feeds, one keeps asking once an interval (probe), so the
// end of the outage is seen within an interval.
func TestNoSuccessNoResumeButOneFeedKeepsAsking(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var a, b counter
	a.fail.Store(true)
	b.fail.Store(true)
	defer e.Subscribe("a", Spec{Interval: 10 * time.Second, Fetch: a.fetch})()
	defer e.Subscribe("b", Spec{Interval: 10 * time.Second, Fetch: b.fetch})()
	recv(t, e)
	recv(t, e)
	idle(t, clock, 2)
	clock.Advance(10 * time.Second) // both fail again: back-off 20s, but one probes at 10s
	recv(t, e)
	recv(t, e)
	idle(t, clock, 2)
	next := map[time.Time]int{}
	for _, k := range e.States() {
		next[k.State.NextAttempt]++
	}
	if next[t0.Add(20*time.Second)] != 1 || next[t0.Add(30*time.Second)] != 1 {
		t.Fatalf("next attempts %v: want one feed at t0+20s (its interval) and one at t0+30s (its back-off)", next)
	}
	clock.Advance(9 * time.Second)
	if n := a.calls.Load() + b.calls.Load(); n != 4 {
		t.Fatalf("%d polls before the probe, want 4", n)
	}

	// The outage ends: the probe succeeds at t0+20s and the other feed,
	// resumed, polls one interval after its last attempt: at once.
	a.fail.Store(false)
	b.fail.Store(false)
	clock.Advance(time.Second)
	for got := map[string]bool{}; !got["a"] || !got["b"]; {
		u := recv(t, e)
		if u.State.Err != nil {
			continue
		}
		got[u.Key] = true
		if !u.State.LastSuccess.Equal(t0.Add(20 * time.Second)) {
			t.Fatalf("%s succeeded at %v, want t0+20s", u.Key, u.State.LastSuccess)
		}
	}
}
