package logs_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

var tokenShape = regexp.MustCompile(`^[fb]/\d+/s$`)

// tail reads a stream from token until the forward token stops moving,
// as a log tail does, and returns the events and the final token.
func tail(t *testing.T, c *cloudwatchlogs.Client, stream, token string, limit int32) ([]types.OutputLogEvent, string) {
	t.Helper()
	var got []types.OutputLogEvent
	for calls := 0; ; calls++ {
		in := &cloudwatchlogs.GetLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream),
			StartFromHead: aws.Bool(true), Limit: aws.Int32(limit)}
		if token != "" {
			in.NextToken = aws.String(token)
		}
		out, err := c.GetLogEvents(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		next := aws.ToString(out.NextForwardToken)
		if !tokenShape.MatchString(next) || !tokenShape.MatchString(aws.ToString(out.NextBackwardToken)) ||
			!strings.HasPrefix(next, "f/") || !strings.HasPrefix(aws.ToString(out.NextBackwardToken), "b/") {
			t.Fatalf("tokens %q / %q are not AWS's f/…/s and b/…/s", next, aws.ToString(out.NextBackwardToken))
		}
		got = append(got, out.Events...)
		if next == token {
			if len(out.Events) != 0 {
				t.Errorf("the forward token did not move but %d events came back", len(out.Events))
			}
			return got, next
		}
		if calls > 1000 {
			t.Fatal("the tail never caught up")
		}
		token = next
	}
}

// TestTailOfRunningTrainingJob follows a running job's log as the clock
// moves: each read returns only what is new, never an event twice, and
// together they equal the stream.
func TestTailOfRunningTrainingJob(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	job, stream := jobWithStatus(t, env, world.TrainingInProgress, func(ev []world.LogEvent) bool { return true })
	if !strings.HasPrefix(stream, job.TrainingJobName+"/algo-1-") {
		t.Fatalf("stream %q is not <job>/algo-1-<epoch>", stream)
	}
	first, token := tail(t, c, stream, "", 5)
	if len(first) == 0 {
		t.Fatal("the running job has no log yet")
	}
	// Nothing new: the same token comes back with nothing.
	again, same := tail(t, c, stream, token, 5)
	if len(again) != 0 || same != token {
		t.Errorf("re-reading with the forward token gave %d events and token %q (was %q)", len(again), same, token)
	}

	var more []types.OutputLogEvent
	for step := 0; step < 6; step++ {
		env.Clock.Advance(5 * time.Minute)
		var news []types.OutputLogEvent
		news, token = tail(t, c, stream, token, 5)
		if n := len(more) + len(first); len(news) > 0 && aws.ToInt64(news[0].Timestamp) < aws.ToInt64(all(first, more)[n-1].Timestamp) {
			t.Errorf("step %d: new events start before the last seen", step)
		}
		more = append(more, news...)
	}
	if len(more) == 0 {
		t.Fatalf("30 minutes of %s (%s) wrote nothing new", job.TrainingJobName, job.TrainingJobStatus)
	}
	got := all(first, more)
	want := allEvents(t, env, world.TrainingLogGroup, stream)
	if len(got) != len(want) {
		t.Fatalf("tail read %d events, the stream has %d", len(got), len(want))
	}
	for i, e := range got {
		w := want[i]
		if aws.ToInt64(e.Timestamp) != w.Timestamp || aws.ToString(e.Message) != w.Message || aws.ToInt64(e.IngestionTime) != w.IngestionTime {
			t.Errorf("event %d = %d %q, want %d %q", i, aws.ToInt64(e.Timestamp), aws.ToString(e.Message), w.Timestamp, w.Message)
		}
	}

	// DescribeLogStreams sees the stream grow.
	out, err := c.DescribeLogStreams(context.Background(), &cloudwatchlogs.DescribeLogStreamsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamNamePrefix: aws.String(stream)})
	if err != nil || len(out.LogStreams) != 1 {
		t.Fatalf("%v %+v", err, out)
	}
	if last := aws.ToInt64(out.LogStreams[0].LastEventTimestamp); last != want[len(want)-1].Timestamp || last <= aws.ToInt64(first[len(first)-1].Timestamp) {
		t.Errorf("lastEventTimestamp %d, want %d (after %d)", last, want[len(want)-1].Timestamp, aws.ToInt64(first[len(first)-1].Timestamp))
	}
}

func all(a, b []types.OutputLogEvent) []types.OutputLogEvent {
	return append(append([]types.OutputLogEvent(nil), a...), b...)
}

func TestGetLogEventsNewestFirstAndBackwards(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	_, stream := jobWithStatus(t, env, world.TrainingCompleted, func(ev []world.LogEvent) bool { return len(ev) >= 12 })
	want := allEvents(t, env, world.TrainingLogGroup, stream)
	// Without startFromHead: the newest events.
	out, err := c.GetLogEvents(context.Background(), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream), Limit: aws.Int32(5)})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Events) != 5 || aws.ToString(out.Events[4].Message) != want[len(want)-1].Message {
		t.Fatalf("newest 5 = %d events ending %q, want the stream's last 5", len(out.Events), aws.ToString(out.Events[len(out.Events)-1].Message))
	}
	// The backward token reads the 5 before.
	back, err := c.GetLogEvents(context.Background(), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream), Limit: aws.Int32(5), NextToken: out.NextBackwardToken})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range back.Events {
		if w := want[len(want)-10+i]; aws.ToString(e.Message) != w.Message || aws.ToInt64(e.Timestamp) != w.Timestamp {
			t.Errorf("backward event %d = %q, want %q", i, aws.ToString(e.Message), w.Message)
		}
	}
	// A time window.
	from, to := want[2].Timestamp, want[6].Timestamp
	win, err := c.GetLogEvents(context.Background(), &cloudwatchlogs.GetLogEventsInput{
		LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream), StartFromHead: aws.Bool(true),
		StartTime: aws.Int64(from), EndTime: aws.Int64(to)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range win.Events {
		if ts := aws.ToInt64(e.Timestamp); ts < from || ts >= to {
			t.Errorf("event at %d outside [%d, %d)", ts, from, to)
		}
	}
	if len(win.Events) == 0 {
		t.Error("no events in a window around the stream's third to seventh events")
	}
}

func TestGetLogEventsErrors(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env)
	_, stream := jobWithStatus(t, env, world.TrainingCompleted, func(ev []world.LogEvent) bool { return true })
	cases := []struct {
		name string
		in   cloudwatchlogs.GetLogEventsInput
		code string
		msg  string
	}{
		{"unknown group", cloudwatchlogs.GetLogEventsInput{LogGroupName: aws.String("/aws/sagemaker/Nope"), LogStreamName: aws.String(stream)},
			"ResourceNotFoundException", "The specified log group does not exist."},
		{"unknown stream", cloudwatchlogs.GetLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String("no-such-job/algo-1-1")},
			"ResourceNotFoundException", "The specified log stream does not exist."},
		{"bad token", cloudwatchlogs.GetLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream), NextToken: aws.String("x/1")},
			"InvalidParameterException", "nextToken"},
		{"limit", cloudwatchlogs.GetLogEventsInput{LogGroupName: aws.String(world.TrainingLogGroup), LogStreamName: aws.String(stream), Limit: aws.Int32(10001)},
			"InvalidParameterException", "limit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.GetLogEvents(context.Background(), &tc.in)
			servertest.WantCodeContaining(t, err, tc.code, tc.msg)
		})
	}
	// A log group ARN works where a name does.
	arn := "arn:aws:logs:ap-southeast-1:" + env.World().Account() + ":log-group:" + world.TrainingLogGroup + ":*"
	out, err := c.GetLogEvents(context.Background(), &cloudwatchlogs.GetLogEventsInput{LogGroupIdentifier: aws.String(arn), LogStreamName: aws.String(stream)})
	if err != nil || len(out.Events) == 0 {
		t.Errorf("by ARN: %v, %d events", err, len(out.Events))
	}
}
