package backend

import (
	"context"
	"maps"
	"sort"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

const (
	trainingLogGroup       = "/aws/sagemaker/TrainingJobs"
	endpointLogGroupPrefix = "/aws/sagemaker/Endpoints/"
	// maxLogLines bounds the lines a tail keeps for late subscribers.
	maxLogLines = 10000
	// logPagesPerPoll bounds one poll's catching up per stream.
	logPagesPerPoll = 5
	// streamRefresh is how often a job's streams are listed again (a
	// multi-host job adds one per host as they start).
	streamRefresh = 30 * time.Second
	// endpointLogLookback is how far back an endpoint tail starts.
	endpointLogLookback = 15 * time.Minute
	// quietLogInterval is the poll period of a finished job's caught-up log.
	quietLogInterval = 30 * time.Second
)

// logTail is a log feed's state between polls. Each poll makes a new one
// (the engine may hand the previous one to a late subscriber meanwhile).
type logTail struct {
	group     string
	streams   []domain.LogStream
	streamsAt time.Time
	tokens    map[string]string // stream -> GetLogEvents forward token
	// For FilterLogEvents tails: the newest timestamp read and the ids of
	// the events at it, which the next (inclusive) query returns again.
	since  time.Time
	seenAt map[string]bool

	all   []domain.LogEvent // bounded to maxLogLines
	inc   []domain.LogEvent // this poll's new events
	first bool
}

func (l *logTail) next() *logTail {
	return &logTail{
		group: l.group, streams: l.streams, streamsAt: l.streamsAt, tokens: maps.Clone(l.tokens),
		since: l.since, seenAt: maps.Clone(l.seenAt), all: l.all,
	}
}

// Increment is this poll's new events; nil when there are none.
func (l *logTail) Increment() any {
	if !l.first && len(l.inc) == 0 {
		return nil
	}
	return LogsData{Group: l.group, Streams: l.streams, Events: l.inc, Reset: l.first}
}

// Snapshot is every event kept so far, for a subscriber that joins late.
func (l *logTail) Snapshot() any {
	return LogsData{Group: l.group, Streams: l.streams, Events: l.all[:len(l.all):len(l.all)], Reset: true}
}

// MergeAfter folds an undelivered earlier increment into this one, so a
// slow consumer loses no lines.
func (d LogsData) MergeAfter(earlier any) any {
	e, ok := earlier.(LogsData)
	if !ok || d.Reset {
		return d
	}
	merged := d
	merged.Events = append(append(make([]domain.LogEvent, 0, len(e.Events)+len(d.Events)), e.Events...), d.Events...)
	merged.Reset = e.Reset
	return merged
}

// take sorts this poll's events into time order and keeps them.
func (l *logTail) take(events []domain.LogEvent) {
	sort.SliceStable(events, func(i, j int) bool { return events[i].Timestamp.Before(events[j].Timestamp) })
	l.inc = events
	all := append(l.all[:len(l.all):len(l.all)], events...)
	if len(all) > maxLogLines {
		all = append([]domain.LogEvent(nil), all[len(all)-maxLogLines:]...)
	}
	l.all = all
}

// fetchJobLogs tails a training job's streams (one per host) with
// GetLogEvents, each continuing from its forward token, so no event is
// read twice. A stream is read from its head, or from its newest
// maxLogLines when it holds more than a page (see aws.OpenLogEvents).
func (c *Client) fetchJobLogs(ctx context.Context, job string, prev any) (any, error) {
	t := &logTail{group: trainingLogGroup, tokens: map[string]string{}, first: true}
	if old, ok := prev.(*logTail); ok {
		t = old.next()
	}
	now := c.pollClock.Now()
	if len(t.streams) == 0 || isDue(now, t.streamsAt, streamRefresh) {
		streams, err := c.acct.LogStreams(ctx, t.group, job+"/", 50)
		if err != nil && !aws.IsNotFound(err) {
			return nil, err
		}
		t.streams, t.streamsAt = streams, now
	}
	var events []domain.LogEvent
	for _, s := range t.streams {
		var got []domain.LogEvent
		var token string
		var err error
		if t.tokens[s.Name] == "" {
			// A stream opened long after it began starts at its end.
			got, token, err = c.acct.OpenLogEvents(ctx, t.group, s.Name, maxLogLines, logPagesPerPoll)
		} else {
			got, token, err = c.acct.LogEvents(ctx, t.group, s.Name, t.tokens[s.Name], logPagesPerPoll)
		}
		if err != nil && !aws.IsNotFound(err) {
			return nil, err
		}
		t.tokens[s.Name] = token
		events = append(events, got...)
	}
	t.take(events)
	return t, nil
}

// jobLogsInterval slows a finished job's caught-up tail.
func (c *Client) jobLogsInterval(job string) func(any) time.Duration {
	return func(data any) time.Duration {
		t, _ := data.(*logTail)
		if t == nil || t.first || len(t.inc) > 0 {
			return 0
		}
		if c.training.finished(job) {
			return quietLogInterval
		}
		return 0
	}
}

// fetchEndpointLogs tails every stream of an endpoint (one per instance)
// with one FilterLogEvents per poll from the newest timestamp read,
// dropping the events at that timestamp already delivered.
func (c *Client) fetchEndpointLogs(ctx context.Context, endpoint string, prev any) (any, error) {
	t := &logTail{group: endpointLogGroupPrefix + endpoint, first: true, since: c.now().Add(-endpointLogLookback)}
	if old, ok := prev.(*logTail); ok {
		t = old.next()
	}
	got, err := c.acct.FilterLogEvents(ctx, t.group, "", t.since, logPagesPerPoll)
	if err != nil && !aws.IsNotFound(err) {
		return nil, err
	}
	known := map[string]bool{}
	for _, s := range t.streams {
		known[s.Name] = true
	}
	streams := append([]domain.LogStream(nil), t.streams...)
	var events []domain.LogEvent
	for _, e := range got {
		if t.seenAt[e.ID] {
			continue
		}
		events = append(events, e.LogEvent)
		if !known[e.Stream] {
			known[e.Stream] = true
			streams = append(streams, domain.LogStream{Group: t.group, Name: e.Stream})
		}
		switch {
		case e.Timestamp.After(t.since):
			t.since, t.seenAt = e.Timestamp, map[string]bool{e.ID: true}
		case e.Timestamp.Equal(t.since):
			if t.seenAt == nil {
				t.seenAt = map[string]bool{}
			}
			t.seenAt[e.ID] = true
		}
	}
	for i := range streams {
		for _, e := range events {
			if e.Stream == streams[i].Name && e.Timestamp.After(streams[i].LastEventTime) {
				streams[i].LastEventTime = e.Timestamp
			}
		}
	}
	t.streams = streams
	t.take(events)
	return t, nil
}
