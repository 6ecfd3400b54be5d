package jobs

import (
	"testing"
	"time"

	"github.com/agdash/agdash/views/kit/kittest"
)

// The list's "stale" age is measured on the clock the feed was polled by,
// not on the sandbox's faster clock the jobs' own times are on.
func TestStaleAgeIsOnThePollClock(t *testing.T) {
	f := newFixture(t, 120, 35, onCall())
	wall := now
	f.ctx.PollNow = func() time.Time { return wall }
	s := kittest.Fresh(listFeed, now)
	s.Stale, s.Err = true, "sagemaker:ListTrainingJobs: ThrottlingException: Rate exceeded"
	f.deliver(listFeed, listJobs(), s)
	wall = wall.Add(2 * time.Minute)
	f.svc.Advance(time.Hour)
	if got, want := f.p.Info(), "7 jobs · 3 running · stale 2m"; got != want {
		t.Fatalf("Info %q, want %q", got, want)
	}
}
