package feed

import (
	"context"
	"time"
)

// Spec is what a feed polls and how often.
type Spec struct {
	// Interval is the wait between successful polls.
	Interval time.Duration
	// Fetch returns the feed's new data given the previous good data (nil
	// on the first poll). It must honour ctx: the feed cancels it when the
	// last subscriber leaves. A fetch may hand over part of its data before
	// it is done with Early(ctx, data).
	Fetch func(ctx context.Context, prev any) (any, error)
	// NextInterval, when set, picks the wait after a success from the new
	// data (e.g. faster while a restore job runs). Zero means Interval.
	NextInterval func(data any) time.Duration
}

// Incremental is data whose deliveries are increments of a growing whole,
// such as a log tail. The engine delivers Increment after each poll (nil:
// nothing new, so only the state is delivered) and Snapshot to a subscriber
// that joins a running feed.
type Incremental interface {
	Increment() any
	Snapshot() any
}

// Mergeable is delivered data that must not be dropped when a newer update
// for the same key arrives before the consumer took it: MergeAfter returns
// the two as one delivery (the receiver being the newer).
type Mergeable interface {
	MergeAfter(earlier any) any
}

// State is how a feed is doing.
type State struct {
	Interval    time.Duration // the wait after the last success
	LastSuccess time.Time
	LastAttempt time.Time
	NextAttempt time.Time
	// Err is the last attempt's error, nil after a success.
	Err error
	// Failures counts consecutive failed attempts.
	Failures int
	Fetching bool
}

// Update is one delivery: new data, or a state change only (Data nil).
type Update[K comparable] struct {
	Key   K
	Data  any
	State State
}
