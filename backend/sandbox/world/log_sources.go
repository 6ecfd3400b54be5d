package world

import "sort"

// LogEvent is one CloudWatch Logs event.
type LogEvent struct {
	Timestamp     int64 // ms
	IngestionTime int64 // ms
	Message       string
}

// eventSource yields a stream's events by ordinal. Ordinals never change
// once an event is visible, which is what makes forward tokens exact.
type eventSource interface {
	// visible is the number of events with Timestamp <= now (ms).
	visible(now int64) int
	// event returns the i-th event.
	event(i int) LogEvent
	// search returns the first ordinal whose Timestamp >= ts.
	search(ts int64) int
}

// sliceSource is a finite, pre-generated list of events in time order.
type sliceSource []LogEvent

func (s sliceSource) visible(now int64) int {
	return sort.Search(len(s), func(i int) bool { return s[i].Timestamp > now })
}
func (s sliceSource) event(i int) LogEvent { return s[i] }
func (s sliceSource) search(ts int64) int {
	return sort.Search(len(s), func(i int) bool { return s[i].Timestamp >= ts })
}

// periodicSource has an event every interval from base (until end, if
// set), each shifted by a jitter below half the interval, with messages
// computed from the ordinal: an endless stream that needs no storage.
type periodicSource struct {
	base     int64 // ms
	interval int64 // ms
	end      int64 // ms, 0 = open
	seed     uint64
	message  func(i int, ts int64) string
}

func (p periodicSource) ts(i int) int64 {
	return p.base + int64(i)*p.interval + int64(hashOf(p.seed, uint64(i))%uint64(p.interval/2+1))
}

func (p periodicSource) limit(now int64) int64 {
	if p.end != 0 && p.end < now {
		return p.end
	}
	return now
}

func (p periodicSource) visible(now int64) int {
	lim := p.limit(now)
	if lim < p.base {
		return 0
	}
	n := int((lim-p.base)/p.interval) + 1
	for n > 0 && p.ts(n-1) > lim {
		n--
	}
	return n
}

func (p periodicSource) event(i int) LogEvent {
	ts := p.ts(i)
	return LogEvent{Timestamp: ts, IngestionTime: ts + 400 + int64(hashOf(p.seed, uint64(i), 7)%1500), Message: p.message(i, ts)}
}

func (p periodicSource) search(ts int64) int {
	if ts <= p.base {
		return 0
	}
	i := int((ts - p.base) / p.interval)
	if i > 0 {
		i--
	}
	for p.ts(i) < ts {
		i++
	}
	return i
}
