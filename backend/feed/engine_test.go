package feed

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// counter is a fetch that returns 1, 2, 3, ... and can be made to fail.
type counter struct {
	calls atomic.Int64
	fail  atomic.Bool
}

func (c *counter) fetch(ctx context.Context, prev any) (any, error) {
	n := c.calls.Add(1)
	if c.fail.Load() {
		return nil, errors.New("ThrottlingException: Rate exceeded")
	}
	return int(n), nil
}

func newTestEngine(t *testing.T, rnd float64) (*Engine[string], *FakeClock) {
	t.Helper()
	clock := NewFakeClock(t0)
	e := New[string](context.Background(), Options{Clock: clock, Rand: func() float64 { return rnd }})
	t.Cleanup(e.Close)
	return e, clock
}

func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// idle waits until n feeds are parked on their timers.
func idle(t *testing.T, clock *FakeClock, n int) {
	t.Helper()
	if err := clock.BlockUntil(waitCtx(t), n); err != nil {
		t.Fatalf("engine never parked %d timers (have %d): %v", n, clock.Waiters(), err)
	}
}

func recv(t *testing.T, e *Engine[string]) Update[string] {
	t.Helper()
	select {
	case u, ok := <-e.Updates():
		if !ok {
			t.Fatal("updates closed")
		}
		return u
	case <-waitCtx(t).Done():
		t.Fatal("no update delivered")
	}
	return Update[string]{}
}

func TestSubscribePollsAtOnceThenEveryInterval(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	unsub := e.Subscribe("jobs", Spec{Interval: 30 * time.Second, Fetch: c.fetch})
	defer unsub()

	u := recv(t, e)
	if u.Key != "jobs" || u.Data != 1 || u.State.Err != nil {
		t.Fatalf("first update = %+v, want data 1 for jobs", u)
	}
	if !u.State.LastSuccess.Equal(t0) || !u.State.NextAttempt.Equal(t0.Add(30*time.Second)) {
		t.Fatalf("state = %+v, want success at t0 and next attempt 30s later", u.State)
	}
	idle(t, clock, 1)
	clock.Advance(30*time.Second - time.Millisecond)
	idle(t, clock, 1)
	if got := c.calls.Load(); got != 1 {
		t.Fatalf("polled %d times before the interval passed, want 1", got)
	}
	clock.Advance(time.Millisecond)
	if u := recv(t, e); u.Data != 2 {
		t.Fatalf("second update data = %v, want 2", u.Data)
	}
	idle(t, clock, 1)
	if got := c.calls.Load(); got != 2 {
		t.Fatalf("polled %d times after one interval, want 2", got)
	}
}

func TestLastUnsubscribeStopsTheFeedGoroutine(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	baseline := goleak.IgnoreCurrent()
	var c counter
	spec := Spec{Interval: 5 * time.Second, Fetch: c.fetch}
	unsubA := e.Subscribe("logs", spec)
	unsubB := e.Subscribe("logs", spec)
	recv(t, e)
	idle(t, clock, 1)

	unsubA()
	unsubA() // leaving twice counts once
	if !e.Running("logs") {
		t.Fatal("feed stopped while a subscriber remained")
	}
	unsubB()
	if e.Running("logs") {
		t.Fatal("feed still running after its last subscriber left")
	}
	idle(t, clock, 0)
	if err := goleak.Find(baseline); err != nil {
		t.Fatalf("feed goroutine outlived its subscribers: %v", err)
	}
	clock.Advance(time.Hour)
	if got := c.calls.Load(); got != 1 {
		t.Fatalf("stopped feed polled again: %d calls", got)
	}
}

func TestSharedSubscriptionIsOneFeedAndLateJoinerGetsLatestData(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	spec := Spec{Interval: 5 * time.Second, Fetch: c.fetch}
	defer e.Subscribe("eps", spec)()
	recv(t, e)
	idle(t, clock, 1)
	defer e.Subscribe("eps", spec)()
	if u := recv(t, e); u.Data != 1 {
		t.Fatalf("late joiner got %v, want the feed's latest data 1", u.Data)
	}
	if got := c.calls.Load(); got != 1 {
		t.Fatalf("second subscriber caused %d polls, want 1 shared poll", got)
	}
}

// A feed failing alone backs off in full: there is no other failing feed
// for it to probe for (see probe).
func TestBackoffGrowsWithJitterAndCaps(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rnd   float64
		waits []time.Duration
	}{
		{"upper jitter", 0.999999, []time.Duration{10, 20, 40, 40, 40}},
		{"mid jitter", 0.5, []time.Duration{5, 10, 20, 20, 20}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, clock := newTestEngine(t, tc.rnd)
			var c counter
			c.fail.Store(true)
			defer e.Subscribe("jobs", Spec{Interval: 5 * time.Second, Fetch: c.fetch})()
			for i, want := range tc.waits {
				u := recv(t, e)
				got := u.State.NextAttempt.Sub(u.State.LastAttempt).Round(time.Second)
				if got != want*time.Second {
					t.Fatalf("wait after failure %d = %v, want %v", i+1, got, want*time.Second)
				}
				if u.State.Failures != i+1 {
					t.Fatalf("failures = %d, want %d", u.State.Failures, i+1)
				}
				idle(t, clock, 1)
				clock.Advance(got)
			}
		})
	}
}

func TestBackoffTable(t *testing.T) {
	for _, tc := range []struct {
		n        int
		interval time.Duration
		max      time.Duration
		rnd      float64
		want     time.Duration
	}{
		{1, 5 * time.Second, 2 * time.Minute, 0.5, 5 * time.Second},
		{3, 5 * time.Second, 2 * time.Minute, 0.5, 20 * time.Second},
		{10, 5 * time.Second, 2 * time.Minute, 0.5, 20 * time.Second},  // 8 x interval
		{10, 60 * time.Second, 2 * time.Minute, 0.5, 60 * time.Second}, // 2 minutes
		{10, 5 * time.Minute, 2 * time.Minute, 0.5, 150 * time.Second}, // never below one interval
		{1, 2 * time.Second, 2 * time.Minute, 0, time.Second},          // floor
		{1, 100 * time.Millisecond, time.Minute, 0, 100 * time.Millisecond},
		{62, 5 * time.Second, 2 * time.Minute, 0.5, 20 * time.Second}, // no overflow
	} {
		if got := backoff(tc.n, tc.interval, tc.max, tc.rnd); got != tc.want {
			t.Errorf("backoff(%d, %v, %v, %v) = %v, want %v", tc.n, tc.interval, tc.max, tc.rnd, got, tc.want)
		}
	}
}

func TestFailureKeepsDataMarksErrorAndRecovers(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	defer e.Subscribe("eps", Spec{Interval: 15 * time.Second, Fetch: c.fetch})()
	first := recv(t, e)
	idle(t, clock, 1)

	c.fail.Store(true)
	clock.Advance(15 * time.Second)
	u := recv(t, e)
	if u.Data != nil {
		t.Fatalf("failed poll delivered data %v, want a state-only update", u.Data)
	}
	if u.State.Err == nil || u.State.Err.Error() != "ThrottlingException: Rate exceeded" {
		t.Fatalf("state error = %v, want the fetch error", u.State.Err)
	}
	if !u.State.LastSuccess.Equal(first.State.LastSuccess) {
		t.Fatalf("last success moved to %v on failure, want %v", u.State.LastSuccess, first.State.LastSuccess)
	}
	if age := u.State.LastAttempt.Sub(u.State.LastSuccess); age != 15*time.Second {
		t.Fatalf("data age at the failed attempt = %v, want 15s", age)
	}
	idle(t, clock, 1)

	c.fail.Store(false)
	d, _ := clock.NextDeadline()
	clock.Advance(d)
	u = recv(t, e)
	if u.Data != 3 || u.State.Err != nil || u.State.Failures != 0 {
		t.Fatalf("after recovery update = %+v, want data 3 and no error", u)
	}
	if u.State.NextAttempt.Sub(u.State.LastAttempt) != 15*time.Second {
		t.Fatalf("after recovery the feed waits %v, want its interval", u.State.NextAttempt.Sub(u.State.LastAttempt))
	}
}

func TestSlowConsumerGetsNewestUpdatePerKey(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	defer e.Subscribe("jobs", Spec{Interval: time.Second, Fetch: c.fetch})()
	idle(t, clock, 1)
	for range 4 {
		clock.Advance(time.Second)
		idle(t, clock, 1)
	}
	// Five polls happened while nobody read: the first update may already
	// sit in the hand-off, the rest coalesce into the newest.
	var got []any
	for len(got) == 0 || got[len(got)-1] != 5 {
		got = append(got, recv(t, e).Data)
	}
	if len(got) > 2 {
		t.Fatalf("slow consumer received %v, want at most the first and the newest", got)
	}
}

// logs is Incremental and Mergeable like the backend's log tail.
type logs struct {
	all, inc []int
}

func (l logs) Increment() any {
	if len(l.inc) == 0 {
		return nil
	}
	return lines(l.inc)
}
func (l logs) Snapshot() any { return lines(l.all) }

type lines []int

func (n lines) MergeAfter(earlier any) any { return append(slices.Clone(earlier.(lines)), n...) }

func TestIncrementsMergeInsteadOfReplacing(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var calls atomic.Int64
	fetch := func(ctx context.Context, prev any) (any, error) {
		n := int(calls.Add(1))
		l, _ := prev.(logs)
		if n == 3 {
			return logs{all: l.all}, nil // nothing new this poll
		}
		return logs{all: append(slices.Clone(l.all), n), inc: []int{n}}, nil
	}
	defer e.Subscribe("job-logs:x", Spec{Interval: 2 * time.Second, Fetch: fetch})()
	idle(t, clock, 1)
	for range 4 {
		clock.Advance(2 * time.Second)
		idle(t, clock, 1)
	}
	var events []int
	for len(events) < 4 {
		u := recv(t, e)
		if u.Data == nil {
			t.Fatalf("a state-only update dropped pending increments: %+v", u)
		}
		events = append(events, u.Data.(lines)...)
	}
	if !slices.Equal(events, []int{1, 2, 4, 5}) {
		t.Fatalf("delivered events %v, want every increment once: [1 2 4 5]", events)
	}
	defer e.Subscribe("job-logs:x", Spec{})()
	if u := recv(t, e); !slices.Equal(u.Data.(lines), []int{1, 2, 4, 5}) {
		t.Fatalf("late joiner got %v, want the whole tail", u.Data)
	}
}

func TestRefreshPollsNowAndCoalesces(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	var calls atomic.Int64
	fetch := func(ctx context.Context, prev any) (any, error) {
		n := calls.Add(1)
		started <- struct{}{}
		if n == 2 {
			<-release
		}
		return int(n), nil
	}
	defer e.Subscribe("execs", Spec{Interval: time.Minute, Fetch: fetch})()
	recv(t, e)
	idle(t, clock, 1)

	e.Refresh("execs")
	<-started
	<-started // the refresh poll is running and blocked
	for range 5 {
		e.Refresh("execs")
	}
	close(release)
	for u := recv(t, e); u.Data != 3; u = recv(t, e) {
	}
	idle(t, clock, 1)
	if got := calls.Load(); got != 3 {
		t.Fatalf("polls = %d, want 3 (start, refresh, one coalesced refresh)", got)
	}
	e.Refresh("not-running") // no feed: nothing happens
}

func TestNextIntervalAdaptsToData(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	spec := Spec{Interval: time.Minute, Fetch: c.fetch, NextInterval: func(d any) time.Duration {
		if d.(int) < 2 {
			return 15 * time.Second // something is running
		}
		return 0
	}}
	defer e.Subscribe("restores", spec)()
	if u := recv(t, e); u.State.Interval != 15*time.Second {
		t.Fatalf("interval while running = %v, want 15s", u.State.Interval)
	}
	idle(t, clock, 1)
	clock.Advance(15 * time.Second)
	if u := recv(t, e); u.Data != 2 || u.State.Interval != time.Minute {
		t.Fatalf("update = %+v, want data 2 at the base interval", u)
	}
}

func TestCloseStopsEverythingAndClosesUpdates(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	clock := NewFakeClock(t0)
	e := New[string](context.Background(), Options{Clock: clock})
	blocked := make(chan struct{})
	var once sync.Once
	e.Subscribe("a", Spec{Interval: time.Second, Fetch: func(ctx context.Context, _ any) (any, error) {
		once.Do(func() { close(blocked) })
		<-ctx.Done() // a fetch stuck on the network
		return nil, ctx.Err()
	}})
	var c counter
	e.Subscribe("b", Spec{Interval: time.Second, Fetch: c.fetch})
	<-blocked
	e.Close()
	for range e.Updates() {
	}
	if e.Subscribe("c", Spec{Interval: time.Second, Fetch: c.fetch}); e.Running("c") {
		t.Fatal("a closed engine started a feed")
	}
}

func TestContextCancelStopsEngine(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	ctx, cancel := context.WithCancel(context.Background())
	e := New[string](ctx, Options{Clock: NewFakeClock(t0)})
	var c counter
	e.Subscribe("a", Spec{Interval: time.Second, Fetch: c.fetch})
	cancel()
	for range e.Updates() {
	}
	e.Close()
}

func TestLateJoinerOfAFailingFeedGetsItsError(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	var c counter
	c.fail.Store(true)
	spec := Spec{Interval: 5 * time.Second, Fetch: c.fetch}
	defer e.Subscribe("eps", spec)()
	recv(t, e)
	idle(t, clock, 1)
	defer e.Subscribe("eps", spec)()
	u := recv(t, e)
	if u.Data != nil || u.State.Err == nil || u.State.Failures != 1 {
		t.Fatalf("late joiner got %+v, want the feed's error and no data", u)
	}
}

func TestEarlyDataArrivesBeforeTheFetchEndsAndIsNotTheFeedsData(t *testing.T) {
	e, clock := newTestEngine(t, 0.5)
	release := make(chan struct{})
	var prevs []any
	var mu sync.Mutex
	fetch := func(ctx context.Context, prev any) (any, error) {
		mu.Lock()
		prevs = append(prevs, prev)
		n := len(prevs)
		mu.Unlock()
		Early(ctx, fmt.Sprintf("part %d", n))
		if n == 1 {
			<-release
		}
		return fmt.Sprintf("whole %d", n), nil
	}
	defer e.Subscribe("projects", Spec{Interval: time.Minute, Fetch: fetch})()
	u := recv(t, e)
	if u.Data != "part 1" || !u.State.Fetching || !u.State.LastSuccess.IsZero() {
		t.Fatalf("early update = %+v, want part 1 while fetching, before any success", u)
	}
	close(release)
	if u := recv(t, e); u.Data != "whole 1" || u.State.Fetching || u.State.LastSuccess.IsZero() {
		t.Fatalf("final update = %+v, want whole 1 as a success", u)
	}
	idle(t, clock, 1)
	clock.Advance(time.Minute)
	for u := recv(t, e); u.Data != "whole 2"; u = recv(t, e) {
	}
	mu.Lock()
	defer mu.Unlock()
	if prevs[1] != "whole 1" {
		t.Fatalf("second fetch got prev %v, want the last whole data, never the early part", prevs[1])
	}
	Early(context.Background(), "nowhere") // outside a fetch: nothing happens
}
