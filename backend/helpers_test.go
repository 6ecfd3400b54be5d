package backend

import (
	"context"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/feed"
)

var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

// newTestClient starts a Client on a fake account, with its feeds on a
// fake poll clock and jitter fixed at the middle.
func newTestClient(t testing.TB, f *awsfake.Account, opts Options) (*Client, *feed.FakeClock) {
	t.Helper()
	clock := feed.NewFakeClock(t0)
	opts.Account = f.AWS()
	opts.PollClock = clock
	opts.Clock = f.Now
	opts.Rand = func() float64 { return 0.5 }
	c, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c, clock
}

func deadline(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// next waits for the next update of key, skipping other keys' updates.
func next(t testing.TB, c *Client, key FeedKey) Update {
	t.Helper()
	ctx := deadline(t)
	for {
		select {
		case u := <-c.Updates():
			if u.Key == key {
				return u
			}
		case <-ctx.Done():
			t.Fatalf("no update for %s", key)
		}
	}
}

// idle waits until n feeds are parked on their timers.
func idle(t testing.TB, clock *feed.FakeClock, n int) {
	t.Helper()
	if err := clock.BlockUntil(deadline(t), n); err != nil {
		t.Fatalf("feeds never went idle (%d timers, want %d)", clock.Waiters(), n)
	}
}

// step advances the poll clock by d and the account's clock with it, then
// takes the update of key that the poll delivers.
func step(t testing.TB, c *Client, clock *feed.FakeClock, f *awsfake.Account, key FeedKey, d time.Duration) Update {
	t.Helper()
	idle(t, clock, 1)
	f.Advance(d)
	clock.Advance(d)
	return next(t, c, key)
}

// delta is how many calls of each op were made while run ran.
func delta(f *awsfake.Account, run func()) map[string]int64 {
	before := f.Meter.Stats().ByOp
	run()
	out := map[string]int64{}
	for op, n := range f.Meter.Stats().ByOp {
		if d := n - before[op]; d != 0 {
			out[op] = d
		}
	}
	return out
}
