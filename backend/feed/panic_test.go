package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sync/errgroup"
)

// A fetch that panics neither kills the program nor the feed: the panic
// becomes the feed's error (with where its report went), the last good
// data stays, and the next poll recovers.
func TestPanickingFetchBecomesTheFeedsErrorAndTheFeedRecovers(t *testing.T) {
	clock := NewFakeClock(t0)
	var mu sync.Mutex
	var reported []string
	e := New[string](context.Background(), Options{Clock: clock, Rand: func() float64 { return 0.5 },
		OnPanic: func(key string, p *PanicError) string {
			mu.Lock()
			defer mu.Unlock()
			reported = append(reported, fmt.Sprintf("%s: %v: %t", key, p.Value, strings.Contains(string(p.Stack), "panic_test.go")))
			return "/tmp/agdash-crash-1.txt"
		}})
	t.Cleanup(e.Close)
	var calls atomic.Int64
	fetch := func(ctx context.Context, prev any) (any, error) {
		n := calls.Add(1)
		if n == 2 {
			var none []int
			_ = none[n] // a runtime panic: index out of range
		}
		return int(n), nil
	}
	defer e.Subscribe("projects", Spec{Interval: time.Minute, Fetch: fetch})()
	if u := recv(t, e); u.Data != 1 {
		t.Fatalf("first update = %+v, want data 1", u)
	}
	idle(t, clock, 1)
	clock.Advance(time.Minute)
	u := recv(t, e)
	var p *PanicError
	if u.Data != nil || !errors.As(u.State.Err, &p) {
		t.Fatalf("after the panic: %+v, want no data and a *PanicError", u)
	}
	want := "internal error (a bug in agdash): runtime error: index out of range [2] with length 0; crash report in /tmp/agdash-crash-1.txt"
	if u.State.Err.Error() != want {
		t.Fatalf("error = %q, want %q", u.State.Err, want)
	}
	if u.State.LastSuccess != t0 || u.State.Failures != 1 {
		t.Fatalf("state = %+v, want the first success kept and one failure", u.State)
	}
	mu.Lock()
	if len(reported) != 1 || reported[0] != "projects: runtime error: index out of range [2] with length 0: true" {
		t.Fatalf("reported %q, want the panic once with its stack", reported)
	}
	mu.Unlock()

	idle(t, clock, 1)
	d, _ := clock.NextDeadline()
	clock.Advance(d)
	if u := recv(t, e); u.Data != 3 || u.State.Err != nil {
		t.Fatalf("after the panic the feed should recover: %+v", u)
	}
}

// Guard catches a panic in a goroutine a fetch started (an errgroup does
// not), so it reaches the feed as an error, not as a crash.
func TestGuardTurnsAPanicInAFetchsGoroutineIntoAnError(t *testing.T) {
	var g errgroup.Group
	g.Go(func() error { return Guard(func() error { panic("in a reader goroutine") }) })
	g.Go(func() error { return Guard(func() error { return nil }) })
	err := fmt.Errorf("list projects: %w", g.Wait())
	var p *PanicError
	if !errors.As(err, &p) || p.Value != "in a reader goroutine" || !strings.Contains(string(p.Stack), "TestGuardTurnsAPanic") {
		t.Fatalf("got %v, want a *PanicError with the value and stack", err)
	}
	if err := Guard(func() error { return errors.New("plain") }); err == nil || err.Error() != "plain" {
		t.Fatalf("Guard changed an ordinary error: %v", err)
	}
}
