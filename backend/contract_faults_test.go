package backend

import (
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/feed"
	"github.com/agdash/agdash/backend/sandbox/server"
)

// stepToNextAttempt waits until the one feed is parked, moves both clocks
// to its next attempt and returns that attempt's update.
func (s *onSandbox) stepToNextAttempt(t testing.TB, key FeedKey) Update {
	t.Helper()
	idle(t, s.clock, 1)
	d, ok := s.clock.NextDeadline()
	if !ok {
		t.Fatal("no feed waits on the poll clock")
	}
	s.env.Clock.Advance(d)
	s.clock.Advance(d)
	for {
		u := next(t, s.c, key)
		if !u.State.Fetching {
			return u
		}
	}
}

func TestSandboxThrottlingBacksOffKeepsStaleDataAndRecovers(t *testing.T) {
	s := onNewSandbox(t, "on-call")
	defer s.c.Subscribe(endpointsKey)()
	good := s.settled(t, endpointsKey)
	interval := DefaultIntervals().Endpoints

	// Every call is throttled half the time; each attempt makes several
	// calls (list, alarms, metrics, a describe of the Updating endpoint),
	// so nearly every attempt fails.
	if err := s.env.Server().SetFaults(server.Faults{ThrottleRate: 0.5}); err != nil {
		t.Fatal(err)
	}
	before, start := s.c.Calls().Total, s.clock.Now()
	attempts, longestRun, run := 0, 0, 0
	var waits []time.Duration // after 1, 2, 3, ... consecutive failures
	var lastFailed Update
	// At least 40 attempts, and end on a failed one: what follows checks
	// the state while throttled, and any single attempt may succeed.
	for attempts < 40 || run == 0 {
		u := s.stepToNextAttempt(t, endpointsKey)
		attempts++
		if u.State.Err == "" {
			run = 0
			continue
		}
		run++
		longestRun = max(longestRun, run)
		lastFailed = u
		wait := u.State.NextAttempt.Sub(u.State.LastAttempt)
		if want := backoffWait(run, interval); wait != want {
			t.Fatalf("after %d failures in a row the feed waits %v, want %v", run, wait, want)
		}
		if run > len(waits) {
			waits = append(waits, wait)
		}
		if u.Data != nil || !u.State.Stale || !strings.HasPrefix(u.State.Err, "AWS throttled ") ||
			!strings.HasSuffix(u.State.Err, "(Rate exceeded); backing off.") || !u.State.LastSuccess.Before(u.State.LastAttempt) {
			t.Fatalf("failed attempt delivered %+v, want no data, stale, the throttling sentence and the last success kept", u)
		}
	}
	if longestRun < 3 || waits[1] <= waits[0] || waits[2] <= waits[1] {
		t.Fatalf("longest run of failures %d with waits %v; want at least three, each wait longer", longestRun, waits)
	}
	// Bounded: never more attempts than one a polling interval, nor more
	// calls than the heaviest steady poll makes (list, alarms, metrics and
	// a describe of each of the few endpoints that move).
	elapsed := s.clock.Now().Sub(start)
	calls := s.c.Calls().Total - before
	if maxAttempts := int(elapsed/interval) + 1; attempts > maxAttempts || calls > int64(attempts)*8 {
		t.Fatalf("%d attempts and %d calls in %v of throttling; want at most %d attempts and 8 calls each",
			attempts, calls, elapsed, maxAttempts)
	}
	if st := feedStateOf(s.c, endpointsKey); !st.Stale || st.Err != lastFailed.State.Err {
		t.Fatalf("Feeds() says %+v while throttled, want stale with %q", st, lastFailed.State.Err)
	}
	// A pane that joins now still gets the last good data, marked stale.
	unsubscribe := s.c.Subscribe(endpointsKey)
	joined := next(t, s.c, endpointsKey)
	unsubscribe()
	if d, ok := joined.Data.(EndpointsData); !ok || len(d.Endpoints) != len(good.Data.(EndpointsData).Endpoints) || !joined.State.Stale {
		t.Fatalf("joining a throttled feed gave %+v, want its last data, stale", joined)
	}

	// Throttling stops: the next attempt brings fresh data and the interval back.
	if err := s.env.Server().SetFaults(server.Faults{}); err != nil {
		t.Fatal(err)
	}
	u := s.stepToNextAttempt(t, endpointsKey)
	for u.State.Err != "" { // an attempt already under way when the faults stopped
		u = s.stepToNextAttempt(t, endpointsKey)
	}
	d, ok := u.Data.(EndpointsData)
	if !ok || len(d.Endpoints) == 0 || u.State.Stale || !u.State.LastSuccess.Equal(u.State.LastAttempt) ||
		u.State.NextAttempt.Sub(u.State.LastAttempt) != interval {
		t.Fatalf("after throttling stopped: %+v, want fresh data, not stale, polling every %v again", u.State, interval)
	}
}

// backoffWait is the engine's wait after n failures in a row with the
// jitter fixed at one half, as the test client's Rand is.
func backoffWait(n int, interval time.Duration) time.Duration {
	ceiling := min(8*interval, feed.DefaultMaxBackoff)
	if c := interval << min(n, 16); c < ceiling {
		ceiling = c
	}
	return max(ceiling/2, min(interval, time.Second))
}

func feedStateOf(c *Client, key FeedKey) FeedState {
	for _, st := range c.Feeds() {
		if st.Key == key {
			return st
		}
	}
	return FeedState{}
}

func TestSandboxExpiredCredentialsKeepDataAndANewClientWorks(t *testing.T) {
	s := onNewSandbox(t, "on-call")
	defer s.c.Subscribe(endpointsKey)()
	good := s.settled(t, endpointsKey).Data.(EndpointsData)

	// From now on the sandbox says every request's credentials expired.
	if err := s.env.Server().SetFaults(server.Faults{CredentialsExpireAfter: server.Duration(time.Nanosecond)}); err != nil {
		t.Fatal(err)
	}
	u := s.stepToNextAttempt(t, endpointsKey)
	if u.Data != nil || !u.State.Expired || !u.State.Stale || !strings.HasPrefix(u.State.Err, "Credentials expired calling ") ||
		!strings.Contains(u.State.Err, "refresh them") {
		t.Fatalf("with expired credentials the feed says %+v, want expired and stale with how to refresh", u.State)
	}
	unsubscribe := s.c.Subscribe(endpointsKey)
	joined := next(t, s.c, endpointsKey)
	unsubscribe()
	if d, ok := joined.Data.(EndpointsData); !ok || len(d.Endpoints) != len(good.Endpoints) || !joined.State.Expired {
		t.Fatalf("joining gave %+v, want the last data kept and marked expired", joined)
	}

	// Fresh credentials: a new Client (what the UI builds after a login) works.
	if err := s.env.Server().SetFaults(server.Faults{}); err != nil {
		t.Fatal(err)
	}
	fresh := clientOn(t, s.env, "on-call", Options{})
	defer fresh.c.Subscribe(endpointsKey)()
	if d := fresh.settled(t, endpointsKey).Data.(EndpointsData); len(d.Endpoints) != len(good.Endpoints) {
		t.Fatalf("the new client sees %d endpoints, want %d", len(d.Endpoints), len(good.Endpoints))
	}
}
