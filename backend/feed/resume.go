package feed

import "time"

// resumeOthers is told that from has just succeeded: AWS answers again,
// so feeds backing off after failures return to their normal cadence
// (their next poll one interval after their last attempt) instead of
// waiting out a back-off of up to eight intervals. Once an outage ends,
// everything is fresh again within about two intervals; while it lasts
// nothing succeeds, and the back-off holds. It never makes a feed poll
// sooner than its interval would. Called with e.mu held.
func (e *Engine[K]) resumeOthers(from *feed[K]) {
	for _, g := range e.feeds {
		if g == from || g.state.Failures == 0 {
			continue
		}
		select {
		case g.resume <- struct{}{}:
		default:
		}
	}
}

// resumeWait is how much longer f waits on its normal cadence, and
// whether that is sooner than its back-off; the state's NextAttempt
// follows.
func (e *Engine[K]) resumeWait(f *feed[K]) (time.Duration, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	s := &f.state
	interval := s.Interval
	if interval <= 0 {
		interval = f.spec.Interval
	}
	at := s.LastAttempt.Add(interval)
	if s.Failures == 0 || !at.Before(s.NextAttempt) {
		return 0, false
	}
	now := e.opts.Clock.Now()
	if at.Before(now) {
		at = now
	}
	s.NextAttempt = at
	return at.Sub(now), true
}
