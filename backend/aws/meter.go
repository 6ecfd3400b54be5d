package aws

import (
	"context"
	"maps"
	"math"
	"sync"

	"golang.org/x/time/rate"
)

// Meter counts AWS calls per "service:Operation", with errors and
// throttles, and rate-limits them per service. The SDK middleware feeds it
// for real clients; fakes call Record themselves so tests see the same
// numbers.
type Meter struct {
	mu        sync.Mutex
	total     int64
	errors    int64
	throttles int64
	byOp      map[string]int64
	limiters  map[string]*rate.Limiter
}

// Stats is a snapshot of a Meter.
type Stats struct {
	Total     int64
	ByOp      map[string]int64 // "sagemaker:ListTrainingJobs" -> calls
	Errors    int64
	Throttles int64
}

// BurstSeconds is how many seconds of a service's rate may go out at once.
// A start reads a few dozen SageMaker resources (projects, users' tags,
// endpoint configurations); with a burst of one second's worth they
// trickled out over twenty seconds. The sustained rate, which is what the
// account's limits and the user's teammates feel, stays the same.
const BurstSeconds = 5

// NewMeter makes a meter with calls-per-second limits by service key;
// services not named use DefaultRateLimits, and 0 means unlimited. Each
// service may burst BurstSeconds of its rate.
func NewMeter(limits map[string]float64) *Meter {
	all := DefaultRateLimits()
	maps.Copy(all, limits)
	m := &Meter{byOp: map[string]int64{}, limiters: map[string]*rate.Limiter{}}
	for svc, perSecond := range all {
		if perSecond > 0 {
			burst := max(1, int(math.Ceil(perSecond*BurstSeconds)))
			m.limiters[svc] = rate.NewLimiter(rate.Limit(perSecond), burst)
		}
	}
	return m
}

// Limit is service's sustained calls per second and burst; 0, 0 when the
// service is not limited.
func (m *Meter) Limit(service string) (perSecond float64, burst int) {
	if m == nil {
		return 0, 0
	}
	m.mu.Lock()
	l := m.limiters[service]
	m.mu.Unlock()
	if l == nil {
		return 0, 0
	}
	return float64(l.Limit()), l.Burst()
}

// Wait blocks until service may be called again, or ctx ends.
func (m *Meter) Wait(ctx context.Context, service string) error {
	if m == nil {
		return nil
	}
	m.mu.Lock()
	l := m.limiters[service]
	m.mu.Unlock()
	if l == nil {
		return nil
	}
	return l.Wait(ctx)
}

// Record counts one call of service:op and its outcome.
func (m *Meter) Record(service, op string, err error) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.total++
	m.byOp[service+":"+op]++
	if err != nil {
		m.errors++
		if IsThrottle(err) {
			m.throttles++
		}
	}
}

// Stats returns a copy of the counts so far.
func (m *Meter) Stats() Stats {
	if m == nil {
		return Stats{ByOp: map[string]int64{}}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return Stats{Total: m.total, ByOp: maps.Clone(m.byOp), Errors: m.errors, Throttles: m.throttles}
}
