package feed

import "time"

// rememberBackoff keeps the state of a failing feed whose last subscriber
// left while it was backing off, so that subscribing again (a pane shown
// again during an outage) waits out the back-off instead of polling at
// once: flipping between panes cannot hammer a failing AWS. A refresh
// still polls at once. Called with e.mu held.
func (e *Engine[K]) rememberBackoff(f *feed[K]) {
	now := e.opts.Clock.Now()
	for k, s := range e.cooling {
		if !s.NextAttempt.After(now) {
			delete(e.cooling, k)
		}
	}
	if f.state.Failures == 0 {
		return
	}
	s := f.state
	if s.Fetching {
		// Left in the middle of a poll (its result is lost): wait as long
		// as the failures so far say, from now.
		s.Fetching = false
		s.NextAttempt = now.Add(backoff(s.Failures, f.spec.Interval, e.opts.MaxBackoff, e.opts.Rand()))
	}
	if s.NextAttempt.After(now) {
		e.cooling[f.key] = s
	}
}

// recallBackoff gives a new feed the remembered state of its key, if its
// back-off still runs, and returns how long the first poll waits. Called
// with e.mu held.
func (e *Engine[K]) recallBackoff(f *feed[K]) time.Duration {
	s, ok := e.cooling[f.key]
	if !ok {
		return 0
	}
	delete(e.cooling, f.key)
	left := s.NextAttempt.Sub(e.opts.Clock.Now())
	if left <= 0 {
		return 0
	}
	f.state = s
	return left
}
