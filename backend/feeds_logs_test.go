package backend

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

func messages(events []domain.LogEvent) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Message
	}
	return out
}

func TestJobLogsDeliverIncrementsOnly(t *testing.T) {
	f := awsfake.New(t0)
	f.AddJobs(awsfake.Job{Name: "hdb-r", Status: domain.JobInProgress, Created: t0.Add(-time.Hour), InstanceCount: 2})
	g := "/aws/sagemaker/TrainingJobs"
	f.AppendLog(g, "hdb-r/algo-1-1740800000", awsfake.Line{At: t0.Add(1 * time.Second), Message: "a1"}, awsfake.Line{At: t0.Add(3 * time.Second), Message: "a3"})
	f.AppendLog(g, "hdb-r/algo-2-1740800000", awsfake.Line{At: t0.Add(2 * time.Second), Message: "b2"})
	f.AppendLog(g, "other-job/algo-1-1740800000", awsfake.Line{At: t0, Message: "not this job"})
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedJobLogs, Arg: "hdb-r"}
	defer c.Subscribe(key)()

	first := next(t, c, key).Data.(LogsData)
	if !first.Reset || !slices.Equal(messages(first.Events), []string{"a1", "b2", "a3"}) || len(first.Streams) != 2 {
		t.Fatalf("first delivery = %+v, want both hosts' lines in time order", first)
	}

	calls := delta(f, func() {
		if u := step(t, c, clock, f, key, 2*time.Second); u.Data != nil {
			t.Fatalf("a poll with no new lines delivered %+v", u.Data)
		}
	})
	if !sameCalls(calls, map[string]int64{"logs:GetLogEvents": 2}) {
		t.Fatalf("calls of a quiet poll = %v, want one GetLogEvents per stream", calls)
	}

	f.AppendLog(g, "hdb-r/algo-2-1740800000", awsfake.Line{At: t0.Add(4 * time.Second), Message: "b4"})
	u := step(t, c, clock, f, key, 2*time.Second).Data.(LogsData)
	if u.Reset || !slices.Equal(messages(u.Events), []string{"b4"}) {
		t.Fatalf("increment = %+v, want only the new line", u)
	}

	// A slow consumer: three polls with a line each before it reads.
	for i := 5; i <= 7; i++ {
		f.AppendLog(g, "hdb-r/algo-1-1740800000", awsfake.Line{At: t0.Add(time.Duration(i) * time.Second), Message: fmt.Sprintf("a%d", i)})
		idle(t, clock, 1)
		f.Advance(2 * time.Second)
		clock.Advance(2 * time.Second)
	}
	idle(t, clock, 1)
	var got []string
	for len(got) < 3 {
		u := next(t, c, key)
		if u.Data == nil {
			continue
		}
		got = append(got, messages(u.Data.(LogsData).Events)...)
	}
	if !slices.Equal(got, []string{"a5", "a6", "a7"}) {
		t.Fatalf("slow consumer got %v, want every line once, in order", got)
	}
}

func TestJobLogsOfFinishedJobSlowDown(t *testing.T) {
	f := awsfake.New(t0)
	f.AddJobs(awsfake.Job{Name: "done", Status: domain.JobCompleted, Created: t0.Add(-time.Hour), Ended: t0.Add(-time.Minute)})
	f.AppendLog("/aws/sagemaker/TrainingJobs", "done/algo-1-1", awsfake.Line{At: t0.Add(-2 * time.Minute), Message: "Training complete"})
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(FeedKey{Kind: FeedTrainingJob, Arg: "done"})()
	next(t, c, FeedKey{Kind: FeedTrainingJob, Arg: "done"})
	key := FeedKey{Kind: FeedJobLogs, Arg: "done"}
	defer c.Subscribe(key)()
	if u := next(t, c, key); len(u.Data.(LogsData).Events) != 1 || u.State.Interval != 2*time.Second {
		t.Fatalf("first = %+v", u)
	}
	idle(t, clock, 2)
	clock.Advance(2 * time.Second)
	if u := next(t, c, key); u.State.Interval != quietLogInterval {
		t.Fatalf("caught-up tail of a finished job polls every %v, want %v", u.State.Interval, quietLogInterval)
	}
}

func TestEndpointLogsNeverRepeatAnEvent(t *testing.T) {
	f := awsfake.New(t0)
	g := "/aws/sagemaker/Endpoints/hdb-prod"
	f.AppendLog(g, "AllTraffic/i-1", awsfake.Line{At: t0.Add(-time.Hour), Message: "too old"}, awsfake.Line{At: t0.Add(-time.Minute), Message: "x1"})
	f.AppendLog(g, "AllTraffic/i-2", awsfake.Line{At: t0.Add(-time.Minute), Message: "y1"})
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedEndpointLogs, Arg: "hdb-prod"}
	defer c.Subscribe(key)()
	first := next(t, c, key).Data.(LogsData)
	if !slices.Equal(messages(first.Events), []string{"x1", "y1"}) || len(first.Streams) != 2 {
		t.Fatalf("first = %+v, want the last 15 minutes of both streams", first)
	}
	// A line at the same millisecond as the last one read: the inclusive
	// query returns x1 and y1 again, which must not be delivered twice.
	f.AppendLog(g, "AllTraffic/i-1", awsfake.Line{At: t0.Add(-time.Minute), Message: "x2"})
	calls := delta(f, func() {
		u := step(t, c, clock, f, key, 2*time.Second).Data.(LogsData)
		if !slices.Equal(messages(u.Events), []string{"x2"}) {
			t.Fatalf("increment = %v, want only x2", messages(u.Events))
		}
	})
	if !sameCalls(calls, map[string]int64{"logs:FilterLogEvents": 1}) {
		t.Fatalf("calls = %v, want one FilterLogEvents for all streams", calls)
	}
}
