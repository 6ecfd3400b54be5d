package logs

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// GetLogEventsInput is GetLogEvents' request (times in epoch ms).
type GetLogEventsInput struct {
	LogGroupName       *string `aws:"logGroupName"`
	LogGroupIdentifier *string `aws:"logGroupIdentifier"`
	LogStreamName      *string `aws:"logStreamName,required"`
	StartTime          *int64  `aws:"startTime"`
	EndTime            *int64  `aws:"endTime"`
	NextToken          *string `aws:"nextToken"`
	Limit              *int32  `aws:"limit"`
	StartFromHead      *bool   `aws:"startFromHead"`
	Unmask             *bool   `aws:"unmask"`
}

// OutputLogEvent is one event as GetLogEvents returns it.
type OutputLogEvent struct {
	Timestamp     *int64  `aws:"timestamp"`
	Message       *string `aws:"message"`
	IngestionTime *int64  `aws:"ingestionTime"`
}

// GetLogEventsOutput is GetLogEvents' answer.
type GetLogEventsOutput struct {
	Events            []OutputLogEvent `aws:"events"`
	NextForwardToken  *string          `aws:"nextForwardToken"`
	NextBackwardToken *string          `aws:"nextBackwardToken"`
}

// getLogEvents reads one stream. Without a token it returns the newest
// events (or the oldest with startFromHead); nextForwardToken resumes just
// after the last event returned, and comes back unchanged when nothing new
// has arrived, which is how a tail knows to wait:
//
//	aws logs get-log-events --log-group-name /aws/sagemaker/TrainingJobs --log-stream-name <job>/algo-1-<epoch>
func (h handlers) getLogEvents(_ context.Context, _ *server.Call, in *GetLogEventsInput) (*GetLogEventsOutput, error) {
	group, err := groupName(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return nil, err
	}
	if err := checkLimit(in.Limit, 10000); err != nil {
		return nil, err
	}
	q := world.LogEventsQuery{Group: group, Stream: *in.LogStreamName, Token: optional.Value(in.NextToken), StartFromHead: optional.Value(in.StartFromHead)}
	if in.StartTime != nil {
		q.StartTime = time.UnixMilli(*in.StartTime)
	}
	if in.EndTime != nil {
		q.EndTime = time.UnixMilli(*in.EndTime)
	}
	if in.Limit != nil {
		q.Limit = int(*in.Limit)
	}
	page, err := h.world.LogEvents(q)
	if err != nil {
		return nil, worldError(err)
	}
	out := &GetLogEventsOutput{
		Events:           make([]OutputLogEvent, len(page.Events)),
		NextForwardToken: &page.NextForwardToken, NextBackwardToken: &page.NextBackwardToken,
	}
	for i, e := range page.Events {
		e := e
		out.Events[i] = OutputLogEvent{Timestamp: &e.Timestamp, Message: &e.Message, IngestionTime: &e.IngestionTime}
	}
	return out, nil
}
