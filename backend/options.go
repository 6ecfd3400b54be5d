package backend

import (
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/feed"
)

// Options configure a Client. Zero values pick the defaults.
type Options struct {
	// AWS chooses profile, region, endpoint, credentials and rate limits.
	AWS aws.Options
	// Sandbox marks the identity as the embedded sandbox's.
	Sandbox bool
	// ReadOnly refuses every mutating action in the backend itself.
	ReadOnly  bool
	Intervals Intervals
	// TagKeys name the tags that carry AG's concepts (DefaultTagKeys when
	// Role is empty).
	TagKeys domain.TagKeys
	// Health holds the endpoint health thresholds (zero: the defaults).
	Health HealthConfig
	// Clock is the time the data is measured against: the sandbox's
	// virtual clock in sandbox mode (time.Now when nil).
	Clock func() time.Time

	// PollClock drives the feeds' timers; FeedState times are on it. Tests
	// hand in a feed.FakeClock (the wall clock when nil).
	PollClock feed.Clock
	// Rand returns a number in [0,1) for back-off jitter (math/rand when nil).
	Rand func() float64
	// Account replaces the AWS clients built from AWS (tests hand in
	// awsfake's).
	Account *aws.Account

	// OnPanic is told of a feed's fetch that panicked (the feed reports it
	// as its error and goes on) and returns where it wrote a crash report.
	OnPanic func(where string, value any, stack []byte) (report string)
	// WrapSpec, when set, may wrap a feed's fetch: a seam for fault drills
	// and end-to-end tests, never set in normal use.
	WrapSpec func(key FeedKey, spec feed.Spec) feed.Spec
}

// Intervals are the feeds' polling periods.
type Intervals struct {
	RunningJobs    time.Duration // describe running training jobs (5s)
	TrainingList   time.Duration // list training jobs (30s)
	Endpoints      time.Duration // endpoints, their metrics and alarms (15s)
	Pipelines      time.Duration // pipelines and executions (30s)
	Projects       time.Duration // projects, users, apps, findings (60s)
	Registry       time.Duration // model groups and versions (60s)
	Backups        time.Duration // file systems and recovery points (60s)
	RestoreRunning time.Duration // restore jobs while any runs (15s)
	RestoreIdle    time.Duration // restore jobs otherwise (60s)
	Logs           time.Duration // log tails while following (2s)
}

// DefaultIntervals are the periods the design names.
func DefaultIntervals() Intervals {
	return Intervals{
		RunningJobs:    5 * time.Second,
		TrainingList:   30 * time.Second,
		Endpoints:      15 * time.Second,
		Pipelines:      30 * time.Second,
		Projects:       60 * time.Second,
		Registry:       60 * time.Second,
		Backups:        60 * time.Second,
		RestoreRunning: 15 * time.Second,
		RestoreIdle:    60 * time.Second,
		Logs:           2 * time.Second,
	}
}

// withDefaults fills every zero interval from DefaultIntervals.
func (iv Intervals) withDefaults() Intervals {
	d := DefaultIntervals()
	for _, p := range []struct{ v, def *time.Duration }{
		{&iv.RunningJobs, &d.RunningJobs}, {&iv.TrainingList, &d.TrainingList}, {&iv.Endpoints, &d.Endpoints},
		{&iv.Pipelines, &d.Pipelines}, {&iv.Projects, &d.Projects}, {&iv.Registry, &d.Registry},
		{&iv.Backups, &d.Backups}, {&iv.RestoreRunning, &d.RestoreRunning}, {&iv.RestoreIdle, &d.RestoreIdle},
		{&iv.Logs, &d.Logs},
	} {
		if *p.v <= 0 {
			*p.v = *p.def
		}
	}
	return iv
}
