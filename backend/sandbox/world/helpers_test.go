package world_test

import (
	"errors"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/scenario"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var testStart = time.Date(2025, 6, 2, 2, 30, 0, 0, time.UTC) // 10:30 on a Monday in Singapore

// newWorld generates the default scenario driven by a manual clock. Jobs
// started by tests never fail at random.
func newWorld(t testing.TB, seed int64) (*world.World, *world.ManualClock) {
	t.Helper()
	s, err := scenario.Default()
	if err != nil {
		t.Fatal(err)
	}
	clock := world.NewManualClock(testStart)
	zero := 0.0
	res, err := scenario.Generate(s, scenario.Options{Seed: seed, Start: testStart, Clock: clock, NewJobFailureRate: &zero})
	if err != nil {
		t.Fatal(err)
	}
	return res.World, clock
}

// step advances the clock by d in increments of every, reading the world
// after each.
func step(w *world.World, c *world.ManualClock, d, every time.Duration) {
	for elapsed := time.Duration(0); elapsed < d; elapsed += every {
		c.Advance(every)
		w.Now()
	}
}

// until advances the clock a minute at a time until cond holds, failing
// after max.
func until(t *testing.T, w *world.World, c *world.ManualClock, max time.Duration, cond func() bool) {
	t.Helper()
	for elapsed := time.Duration(0); !cond(); elapsed += time.Minute {
		if elapsed > max {
			t.Fatalf("condition not met within %s of virtual time", max)
		}
		c.Advance(time.Minute)
	}
}

func wantValidation(t *testing.T, err error) {
	t.Helper()
	var v world.ErrValidation
	if !errors.As(err, &v) {
		t.Fatalf("got %v, want a validation error", err)
	}
}
