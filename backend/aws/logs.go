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

// catchUpPage is the page size that suggests a backlog worth reading on
// in the same poll; a smaller page means the tail has caught up.
const catchUpPage = 1000

// LogEvents reads a stream forward from token ("" = from the start), for
// at most maxPages pages (more than one only while catching up a
// backlog), and returns the events and the token to continue from, so no
// event is read twice.
// aws logs get-log-events --log-group-name GROUP --log-stream-name STREAM --start-from-head [--next-token TOKEN]
func (a *Account) LogEvents(ctx context.Context, group, stream, token string, maxPages int) ([]domain.LogEvent, string, error) {
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
	next := token
	for pages := 0; p.HasMorePages() && pages < maxPages; pages++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return events, next, err
		}
		for _, e := range page.Events {
			events = append(events, domain.LogEvent{Stream: stream, Timestamp: millis(e.Timestamp), Message: str(e.Message)})
		}
		if page.NextForwardToken != nil {
			next = *page.NextForwardToken
		}
		if len(page.Events) < catchUpPage {
			break // caught up (or nearly): the next poll goes on from here
		}
	}
	return events, next, nil
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
