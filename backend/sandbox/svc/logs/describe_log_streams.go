package logs

import (
	"context"
	"strconv"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// DescribeLogStreamsInput is DescribeLogStreams' request.
type DescribeLogStreamsInput struct {
	LogGroupName        *string `aws:"logGroupName"`
	LogGroupIdentifier  *string `aws:"logGroupIdentifier"`
	LogStreamNamePrefix *string `aws:"logStreamNamePrefix"`
	OrderBy             *string `aws:"orderBy"`
	Descending          *bool   `aws:"descending"`
	NextToken           *string `aws:"nextToken"`
	Limit               *int32  `aws:"limit"`
}

// LogStream is one stream as DescribeLogStreams shows it.
type LogStream struct {
	LogStreamName       *string `aws:"logStreamName"`
	CreationTime        *int64  `aws:"creationTime"`
	FirstEventTimestamp *int64  `aws:"firstEventTimestamp"`
	LastEventTimestamp  *int64  `aws:"lastEventTimestamp"`
	LastIngestionTime   *int64  `aws:"lastIngestionTime"`
	Arn                 *string `aws:"arn"`
	StoredBytes         *int64  `aws:"storedBytes"`
}

// DescribeLogStreamsOutput is DescribeLogStreams' answer.
type DescribeLogStreamsOutput struct {
	LogStreams []LogStream `aws:"logStreams"`
	NextToken  *string     `aws:"nextToken"`
}

// describeLogStreams pages a group's streams by name or by last event
// time, 50 a page at most. As in AWS, a name prefix cannot be combined
// with ordering by LastEventTime:
//
//	aws logs describe-log-streams --log-group-name /aws/sagemaker/TrainingJobs --log-stream-name-prefix <job>/
func (h handlers) describeLogStreams(_ context.Context, _ *server.Call, in *DescribeLogStreamsInput) (*DescribeLogStreamsOutput, error) {
	group, err := groupName(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return nil, err
	}
	if err := checkLimit(in.Limit, 50); err != nil {
		return nil, err
	}
	q := world.LogStreamQuery{Group: group, Prefix: optional.Value(in.LogStreamNamePrefix), OrderBy: optional.Value(in.OrderBy), Descending: optional.Value(in.Descending)}
	if in.Limit != nil {
		q.Limit = int(*in.Limit)
	}
	if in.NextToken != nil {
		// A token resumes the listing it came from: same group and order.
		f, err := decodeToken(*in.NextToken, "DescribeLogStreams", group, q.OrderBy, strconv.FormatBool(q.Descending), q.Prefix)
		if err != nil || len(f) != 1 {
			return nil, invalidParameter("The specified nextToken is invalid.")
		}
		q.After = f[0]
	}
	page, err := h.world.LogStreams(q)
	if err != nil {
		return nil, worldError(err)
	}
	out := &DescribeLogStreamsOutput{LogStreams: make([]LogStream, 0, len(page.Streams))}
	for _, s := range page.Streams {
		out.LogStreams = append(out.LogStreams, wireStream(s))
	}
	if page.Next != "" {
		tok := encodeToken("DescribeLogStreams", group, q.OrderBy, strconv.FormatBool(q.Descending), q.Prefix, page.Next)
		out.NextToken = &tok
	}
	return out, nil
}

func wireStream(s world.LogStream) LogStream {
	out := LogStream{LogStreamName: &s.LogStreamName, CreationTime: &s.CreationTime, Arn: &s.Arn, StoredBytes: &s.StoredBytes}
	// A stream without events has no event times, as in AWS.
	if s.LastEventTimestamp != 0 {
		out.FirstEventTimestamp, out.LastEventTimestamp, out.LastIngestionTime = &s.FirstEventTimestamp, &s.LastEventTimestamp, &s.LastIngestionTime
	}
	return out
}
