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

// probe is the wait of a failing feed when other feeds are failing too:
// if none of them will ask AWS again within this feed's interval, this one
// does, at its normal cadence, instead of its back-off. While an outage
// lasts, one feed keeps asking once an interval and the rest back off, so
// calls stay bounded; when it ends, that feed's next poll succeeds within
// an interval and ends every other back-off (resumeOthers). Without it,
// the back-offs of all the feeds (up to eight intervals each) had to run
// out before anything was fresh again. A feed failing alone backs off in
// full. Called with e.mu held.
func (e *Engine[K]) probe(f *feed[K], now time.Time, wait time.Duration) time.Duration {
	interval := f.spec.Interval
	if wait <= interval {
		return wait
	}
	others := false
	for _, g := range e.feeds {
		if g == f || g.state.Failures == 0 {
			continue
		}
		if g.state.Fetching || !g.state.NextAttempt.After(now.Add(interval)) {
			return wait // g asks soon enough
		}
		others = true
	}
	if !others {
		return wait
	}
	return interval
}
