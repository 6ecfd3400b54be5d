package aws

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/agdash/agdash/backend/domain"
)

// LogStreams lists a group's streams: those named with prefix (by name, as
// CloudWatch Logs cannot order a prefix query by time), or else the most
// recently written first. At most limit streams.
// aws logs describe-log-streams --log-group-name GROUP [--log-stream-name-prefix PREFIX | --order-by LastEventTime --descending]
func (a *Account) LogStreams(ctx context.Context, group, prefix string, limit int) ([]domain.LogStream, error) {
	in := &cloudwatchlogs.DescribeLogStreamsInput{LogGroupName: sdk.String(group)}
	if prefix != "" {
		in.LogStreamNamePrefix = sdk.String(prefix)
	} else {
		in.OrderBy = types.OrderByLastEventTime
		in.Descending = sdk.Bool(true)
	}
	var out []domain.LogStream
	p := cloudwatchlogs.NewDescribeLogStreamsPaginator(a.Logs, in)
	for p.HasMorePages() && len(out) < limit {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, s := range page.LogStreams {
			if len(out) == limit {
				break
			}
			out = append(out, domain.LogStream{Group: group, Name: str(s.LogStreamName), LastEventTime: millis(s.LastEventTimestamp)})
		}
	}
	return out, nil
}

// A GetLogEvents page holds at most fullPageEvents events or
// fullPageBytes of them (message bytes plus 26 each), whichever comes
// first. A page at least half as big as either was probably cut by the
// limit: the stream has a backlog worth reading on in the same poll. A
// smaller page means the tail has caught up, or that CloudWatch Logs gave
// a partial page; either way the next poll goes on from its token, so no
// event is lost or read twice.
const (
	fullPageEvents = 10000
	fullPageBytes  = 1 << 20
)

func pageFull(events []types.OutputLogEvent) bool {
	if 2*len(events) >= fullPageEvents {
		return true
	}
	n := 0
	for _, e := range events {
		n += len(str(e.Message)) + 26
	}
	return 2*n >= fullPageBytes
}

func logEvents(stream string, events []types.OutputLogEvent) []domain.LogEvent {
	out := make([]domain.LogEvent, len(events))
	for i, e := range events {
		out[i] = domain.LogEvent{Stream: stream, Timestamp: millis(e.Timestamp), Message: str(e.Message)}
	}
	return out
}

// LogEvents reads a stream forward from token ("" = from the head), for
// at most maxPages pages (more than one only while catching up a
// backlog), and returns the events and the token to continue from, so no
// event is read twice.
// aws logs get-log-events --log-group-name GROUP --log-stream-name STREAM --start-from-head [--next-token TOKEN]
func (a *Account) LogEvents(ctx context.Context, group, stream, token string, maxPages int) ([]domain.LogEvent, string, error) {
	events, next, _, err := a.logEventsForward(ctx, group, stream, token, maxPages)
	return events, next, err
}

// logEventsForward is LogEvents that also says whether the last page read
// was full, so a backlog may remain.
func (a *Account) logEventsForward(ctx context.Context, group, stream, token string, maxPages int) ([]domain.LogEvent, string, bool, error) {
	in := &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: sdk.String(group), LogStreamName: sdk.String(stream), StartFromHead: sdk.Bool(true),
	}
	if token != "" {
		in.NextToken = sdk.String(token)
	}
	p := cloudwatchlogs.NewGetLogEventsPaginator(a.Logs, in, func(o *cloudwatchlogs.GetLogEventsPaginatorOptions) {
		o.StopOnDuplicateToken = true
	})
	var events []domain.LogEvent
	next, full := token, false
	for pages := 0; p.HasMorePages() && pages < maxPages; pages++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return events, next, false, err
		}
		events = append(events, logEvents(stream, page.Events)...)
		if page.NextForwardToken != nil {
			next = *page.NextForwardToken
		}
		if full = pageFull(page.Events); !full {
			break // caught up (or nearly): the next poll goes on from here
		}
	}
	return events, next, full, nil
}

// OpenLogEvents is a tail's first read of a stream: the stream from its
// head when that fits in one page, else its newest want events (see
// LatestLogEvents), so a tail opened on a long-running, chatty stream
// starts at its end instead of catching up through lines its bounded
// scrollback would drop. It returns the events and the forward token to
// continue from.
func (a *Account) OpenLogEvents(ctx context.Context, group, stream string, want, maxPages int) ([]domain.LogEvent, string, error) {
	events, token, full, err := a.logEventsForward(ctx, group, stream, "", 1)
	if err != nil || !full {
		return events, token, err
	}
	return a.LatestLogEvents(ctx, group, stream, want, maxPages)
}

// LatestLogEvents reads a stream's newest events, paging back from its
// end until it has want of them or reaches the head (at most maxPages
// pages), and returns the newest want in time order with the forward
// token that goes on after them. It opens a long stream at its end
// instead of reading from its head everything a bounded scrollback would
// drop.
// aws logs get-log-events --log-group-name GROUP --log-stream-name STREAM [--next-token BACKWARD-TOKEN]
func (a *Account) LatestLogEvents(ctx context.Context, group, stream string, want, maxPages int) ([]domain.LogEvent, string, error) {
	in := &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: sdk.String(group), LogStreamName: sdk.String(stream), StartFromHead: sdk.Bool(false),
	}
	var pages [][]domain.LogEvent // newest first
	forward, n := "", 0
	for range maxPages {
		page, err := a.Logs.GetLogEvents(ctx, in)
		if err != nil {
			return nil, "", err
		}
		if len(pages) == 0 {
			forward = str(page.NextForwardToken)
		}
		pages = append(pages, logEvents(stream, page.Events))
		n += len(page.Events)
		back := str(page.NextBackwardToken)
		// The same token back means the head; the returned tokens are never null.
		if n >= want || back == "" || back == str(in.NextToken) {
			break
		}
		in.NextToken = sdk.String(back)
	}
	events := make([]domain.LogEvent, 0, n)
	for i := len(pages) - 1; i >= 0; i-- {
		events = append(events, pages[i]...)
	}
	if len(events) > want {
		events = events[len(events)-want:]
	}
	return events, forward, nil
}

// FilteredEvent is a log event with the id CloudWatch Logs gives it, for
// dropping the events a time-windowed query returns twice.
type FilteredEvent struct {
	ID string
	domain.LogEvent
}

// FilterLogEvents reads events of every stream of group (named with prefix,
// if given) at or after start, for at most maxPages pages.
// aws logs filter-log-events --log-group-name GROUP --start-time MILLIS
func (a *Account) FilterLogEvents(ctx context.Context, group, prefix string, start time.Time, maxPages int) ([]FilteredEvent, error) {
	in := &cloudwatchlogs.FilterLogEventsInput{LogGroupName: sdk.String(group), StartTime: sdk.Int64(start.UnixMilli())}
	if prefix != "" {
		in.LogStreamNamePrefix = sdk.String(prefix)
	}
	var out []FilteredEvent
	p := cloudwatchlogs.NewFilterLogEventsPaginator(a.Logs, in)
	for pages := 0; p.HasMorePages() && pages < maxPages; pages++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return out, err
		}
		for _, e := range page.Events {
			out = append(out, FilteredEvent{ID: str(e.EventId), LogEvent: domain.LogEvent{
				Stream: str(e.LogStreamName), Timestamp: millis(e.Timestamp), Message: str(e.Message),
			}})
		}
	}
	return out, nil
}
