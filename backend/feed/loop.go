package feed

import (
	"context"
	"time"
)

// feed is one running poller. Its data and state are guarded by the
// engine's mutex.
type feed[K comparable] struct {
	key     K
	spec    Spec
	ctx     context.Context
	cancel  context.CancelFunc
	refresh chan struct{}
	resume  chan struct{} // another feed succeeded: see resumeOthers
	// firstWait delays the first poll while a remembered back-off runs.
	firstWait time.Duration
	refs      int

	data  any
	state State
}

// run polls until the feed's context ends: at once (or when a remembered
// back-off ends), then after each interval (or back-off), or sooner when
// refreshed.
func (e *Engine[K]) run(f *feed[K]) {
	wait := f.firstWait
	fetchCtx := e.withEarly(f)
	for {
		if wait > 0 && !e.sleep(f, wait) {
			return
		}
		e.update(f, func(s *State) {
			s.Fetching = true
			s.LastAttempt = e.opts.Clock.Now()
		})
		e.mu.Lock()
		prev := f.data
		e.mu.Unlock()
		data, err := e.fetch(fetchCtx, f, prev)
		if f.ctx.Err() != nil {
			return
		}
		wait = e.finish(f, data, err)
	}
}

// sleep waits d, or less if refreshed or resumed; false when the feed
// must stop.
func (e *Engine[K]) sleep(f *feed[K], d time.Duration) bool {
	t := e.opts.Clock.NewTimer(d)
	defer func() { t.Stop() }()
	for {
		select {
		case <-f.ctx.Done():
			return false
		case <-t.C():
			return true
		case <-f.refresh:
			return true
		case <-f.resume:
			if left, shorter := e.resumeWait(f); shorter {
				if left <= 0 {
					return true
				}
				t.Stop()
				t = e.opts.Clock.NewTimer(left)
			}
		}
	}
}

// finish records a poll's outcome, delivers it and returns the wait until
// the next poll.
func (e *Engine[K]) finish(f *feed[K], data any, err error) time.Duration {
	now := e.opts.Clock.Now()
	e.mu.Lock()
	defer e.mu.Unlock()
	s := &f.state
	s.Fetching = false
	var wait time.Duration
	var deliver any
	if err != nil {
		s.Err = err
		s.Failures++
		wait = e.probe(f, now, backoff(s.Failures, f.spec.Interval, e.opts.MaxBackoff, e.opts.Rand()))
	} else {
		f.data = data
		s.Err = nil
		s.Failures = 0
		s.LastSuccess = now
		s.Interval = f.spec.Interval
		if f.spec.NextInterval != nil {
			if d := f.spec.NextInterval(data); d > 0 {
				s.Interval = d
			}
		}
		wait = s.Interval
		e.resumeOthers(f)
		deliver = data
		if inc, ok := data.(Incremental); ok {
			deliver = inc.Increment()
		}
	}
	s.NextAttempt = now.Add(wait)
	if e.feeds[f.key] == f {
		e.out.put(Update[K]{Key: f.key, Data: deliver, State: *s})
	}
	return wait
}

func (e *Engine[K]) update(f *feed[K], change func(*State)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	change(&f.state)
}
