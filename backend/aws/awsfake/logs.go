package awsfake

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
)

// Stream is a log stream and its lines.
type Stream struct {
	Name  string
	Lines []Line
}

// Line is one log event.
type Line struct {
	At      time.Time
	Message string
}

// AppendLog writes lines to a stream of group, creating both as needed.
func (f *Account) AppendLog(group, stream string, lines ...Line) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, s := range f.streams[group] {
		if s.Name == stream {
			s.Lines = append(s.Lines, lines...)
			return
		}
	}
	f.streams[group] = append(f.streams[group], &Stream{Name: stream, Lines: lines})
}

func (f *Account) groupLocked(name string) ([]*Stream, error) {
	ss, ok := f.streams[name]
	if !ok {
		return nil, APIError("ResourceNotFoundException", "The specified log group does not exist.")
	}
	return ss, nil
}

func (f *Account) DescribeLogStreams(ctx context.Context, in *cloudwatchlogs.DescribeLogStreamsInput, _ ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.DescribeLogStreamsOutput, error) {
	if err := f.call(ctx, "logs", "DescribeLogStreams"); err != nil {
		return nil, err
	}
	if in.LogStreamNamePrefix != nil && in.OrderBy == types.OrderByLastEventTime {
		return nil, wrap("logs", "DescribeLogStreams", APIError("InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix."))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ss, err := f.groupLocked(sdk.ToString(in.LogGroupName))
	if err != nil {
		return nil, wrap("logs", "DescribeLogStreams", err)
	}
	var matched []*Stream
	for _, s := range ss {
		if strings.HasPrefix(s.Name, sdk.ToString(in.LogStreamNamePrefix)) {
			matched = append(matched, s)
		}
	}
	sort.Slice(matched, func(i, j int) bool { return matched[i].Name < matched[j].Name })
	if in.OrderBy == types.OrderByLastEventTime {
		sort.SliceStable(matched, func(i, j int) bool { return lastAt(matched[i]).After(lastAt(matched[j])) })
	}
	got, next, err := page(matched, in.NextToken, in.Limit, 50)
	if err != nil {
		return nil, wrap("logs", "DescribeLogStreams", err)
	}
	out := &cloudwatchlogs.DescribeLogStreamsOutput{NextToken: next}
	for _, s := range got {
		ls := types.LogStream{LogStreamName: sdk.String(s.Name)}
		if t := lastAt(s); !t.IsZero() {
			ls.LastEventTimestamp = sdk.Int64(t.UnixMilli())
		}
		out.LogStreams = append(out.LogStreams, ls)
	}
	return out, nil
}

func lastAt(s *Stream) time.Time {
	if len(s.Lines) == 0 {
		return time.Time{}
	}
	return s.Lines[len(s.Lines)-1].At
}

// GetLogEvents reads forward from the head: a forward token holds the
// index of the next unread line, and comes back unchanged at the end.
func (f *Account) GetLogEvents(ctx context.Context, in *cloudwatchlogs.GetLogEventsInput, _ ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.GetLogEventsOutput, error) {
	if err := f.call(ctx, "logs", "GetLogEvents"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ss, err := f.groupLocked(sdk.ToString(in.LogGroupName))
	if err != nil {
		return nil, wrap("logs", "GetLogEvents", err)
	}
	var s *Stream
	for _, x := range ss {
		if x.Name == sdk.ToString(in.LogStreamName) {
			s = x
		}
	}
	if s == nil {
		return nil, wrap("logs", "GetLogEvents", APIError("ResourceNotFoundException", "The specified log stream does not exist."))
	}
	from := 0
	if t := sdk.ToString(in.NextToken); t != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(t, "f/"))
		if err != nil || !strings.HasPrefix(t, "f/") {
			return nil, wrap("logs", "GetLogEvents", APIError("InvalidParameterException", "The specified nextToken is invalid."))
		}
		from = n
	} else if !sdk.ToBool(in.StartFromHead) {
		return nil, wrap("logs", "GetLogEvents", APIError("InvalidParameterException", "the fake reads from the head only"))
	}
	limit := 10000
	if l := sdk.ToInt32(in.Limit); l > 0 {
		limit = int(l)
	}
	to := min(from+limit, len(s.Lines))
	out := &cloudwatchlogs.GetLogEventsOutput{
		NextForwardToken:  sdk.String(fmt.Sprintf("f/%d", to)),
		NextBackwardToken: sdk.String(fmt.Sprintf("b/%d", from)),
	}
	for _, l := range s.Lines[min(from, to):to] {
		out.Events = append(out.Events, types.OutputLogEvent{Timestamp: sdk.Int64(l.At.UnixMilli()), Message: sdk.String(l.Message)})
	}
	return out, nil
}

// FilterLogEvents returns every stream's events at or after StartTime, in
// time order, each with an id (stream/index).
func (f *Account) FilterLogEvents(ctx context.Context, in *cloudwatchlogs.FilterLogEventsInput, _ ...func(*cloudwatchlogs.Options)) (*cloudwatchlogs.FilterLogEventsOutput, error) {
	if err := f.call(ctx, "logs", "FilterLogEvents"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	ss, err := f.groupLocked(sdk.ToString(in.LogGroupName))
	if err != nil {
		return nil, wrap("logs", "FilterLogEvents", err)
	}
	var events []types.FilteredLogEvent
	start := sdk.ToInt64(in.StartTime)
	for _, s := range ss {
		if !strings.HasPrefix(s.Name, sdk.ToString(in.LogStreamNamePrefix)) {
			continue
		}
		for i, l := range s.Lines {
			if ms := l.At.UnixMilli(); ms >= start {
				events = append(events, types.FilteredLogEvent{
					EventId: sdk.String(fmt.Sprintf("%s/%d", s.Name, i)), LogStreamName: sdk.String(s.Name),
					Timestamp: sdk.Int64(ms), Message: sdk.String(l.Message),
				})
			}
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return *events[i].Timestamp < *events[j].Timestamp })
	got, next, err := page(events, in.NextToken, in.Limit, 10000)
	if err != nil {
		return nil, wrap("logs", "FilterLogEvents", err)
	}
	return &cloudwatchlogs.FilterLogEventsOutput{Events: got, NextToken: next}, nil
}
