package logs

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// FilterLogEventsInput is FilterLogEvents' request (times in epoch ms).
type FilterLogEventsInput struct {
	LogGroupName        *string  `aws:"logGroupName"`
	LogGroupIdentifier  *string  `aws:"logGroupIdentifier"`
	LogStreamNames      []string `aws:"logStreamNames"`
	LogStreamNamePrefix *string  `aws:"logStreamNamePrefix"`
	StartTime           *int64   `aws:"startTime"`
	EndTime             *int64   `aws:"endTime"`
	FilterPattern       *string  `aws:"filterPattern"`
	NextToken           *string  `aws:"nextToken"`
	Limit               *int32   `aws:"limit"`
	Interleaved         *bool    `aws:"interleaved"`
	Unmask              *bool    `aws:"unmask"`
	StartFromHead       *bool    `aws:"startFromHead"`
}

// FilteredLogEvent is one matching event.
type FilteredLogEvent struct {
	LogStreamName *string `aws:"logStreamName"`
	Timestamp     *int64  `aws:"timestamp"`
	Message       *string `aws:"message"`
	IngestionTime *int64  `aws:"ingestionTime"`
	EventId       *string `aws:"eventId"`
}

// SearchedLogStream says which streams a call searched.
type SearchedLogStream struct {
	LogStreamName      *string `aws:"logStreamName"`
	SearchedCompletely *bool   `aws:"searchedCompletely"`
}

// FilterLogEventsOutput is FilterLogEvents' answer.
type FilterLogEventsOutput struct {
	Events             []FilteredLogEvent  `aws:"events"`
	SearchedLogStreams []SearchedLogStream `aws:"searchedLogStreams"`
	NextToken          *string             `aws:"nextToken"`
}

// filterLogEvents searches a group's streams (all, by names, or by name
// prefix) for events matching a filter pattern. Each call searches up to
// 100 streams in name order and returns their matches in time order; a
// nextToken, possibly with no events, continues the search:
//
//	aws logs filter-log-events --log-group-name /aws/sagemaker/TrainingJobs \
//	    --log-stream-name-prefix <job>/ --filter-pattern ERROR
func (h handlers) filterLogEvents(_ context.Context, _ *server.Call, in *FilterLogEventsInput) (*FilterLogEventsOutput, error) {
	group, err := groupName(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return nil, err
	}
	if err := checkLimit(in.Limit, 10000); err != nil {
		return nil, err
	}
	if len(in.LogStreamNames) > 0 && in.LogStreamNamePrefix != nil {
		return nil, invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.")
	}
	if len(in.LogStreamNames) > 100 {
		return nil, invalidParameter("1 validation error detected: Value at 'logStreamNames' failed to satisfy constraint: " +
			"Member must have length less than or equal to 100")
	}
	if in.StartTime != nil && in.EndTime != nil && *in.EndTime < *in.StartTime {
		return nil, invalidParameter("startTime must be less than or equal to endTime.")
	}
	pat, err := parsePattern(optional.Value(in.FilterPattern))
	if err != nil {
		return nil, err
	}
	q := world.LogFilterQuery{Group: group, Streams: in.LogStreamNames, Prefix: optional.Value(in.LogStreamNamePrefix), Match: pat.match}
	if in.StartTime != nil {
		q.Start = time.UnixMilli(*in.StartTime)
	}
	if in.EndTime != nil {
		q.End = time.UnixMilli(*in.EndTime)
	}
	if in.Limit != nil {
		q.Limit = int(*in.Limit)
	}
	if in.NextToken != nil {
		f, err := decodeToken(*in.NextToken, "FilterLogEvents", group)
		if err != nil || len(f) != 1 {
			return nil, invalidParameter("The specified nextToken is invalid.")
		}
		q.After = f[0]
	}
	page, err := h.world.FilterLogEvents(q)
	if err != nil {
		return nil, worldError(err)
	}
	out := &FilterLogEventsOutput{Events: make([]FilteredLogEvent, len(page.Events)), SearchedLogStreams: []SearchedLogStream{}}
	for i, e := range page.Events {
		e := e
		out.Events[i] = FilteredLogEvent{LogStreamName: &e.LogStreamName, Timestamp: &e.Timestamp, Message: &e.Message,
			IngestionTime: &e.IngestionTime, EventId: &e.EventId}
	}
	for _, name := range page.Searched {
		name, done := name, page.SearchedCompletely
		out.SearchedLogStreams = append(out.SearchedLogStreams, SearchedLogStream{LogStreamName: &name, SearchedCompletely: &done})
	}
	if page.Next != "" {
		tok := encodeToken("FilterLogEvents", group, page.Next)
		out.NextToken = &tok
	}
	return out, nil
}
