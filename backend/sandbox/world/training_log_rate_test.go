package world_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// untilTraining advances the clock until job's Training phase has begun
// and returns when it began.
func untilTraining(t *testing.T, w *world.World, c *world.ManualClock, job string) time.Time {
	t.Helper()
	for elapsed := time.Duration(0); elapsed < time.Hour; elapsed += time.Second {
		j, err := w.TrainingJob(job)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range j.SecondaryStatusTransitions {
			if tr.Status == world.SecondaryTraining {
				return tr.StartTime
			}
		}
		c.Advance(time.Second)
	}
	t.Fatalf("%s never began training", job)
	return time.Time{}
}

// readForward pages a stream from the head to its end, checking each page
// against GetLogEvents' limits, and returns every event read.
func readForward(t *testing.T, w *world.World, stream string) []world.LogEvent {
	t.Helper()
	q := world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true}
	var all []world.LogEvent
	for {
		p, err := w.LogEvents(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Events) > 10000 || pageBytes(p.Events) > 1<<20 {
			t.Fatalf("a page of %d events, %d bytes: over 10,000 events or 1 MB", len(p.Events), pageBytes(p.Events))
		}
		all = append(all, p.Events...)
		if p.NextForwardToken == q.Token {
			if len(p.Events) != 0 {
				t.Fatalf("a page of %d events kept the token it was given", len(p.Events))
			}
			return all
		}
		q.Token = p.NextForwardToken
	}
}

// pageBytes counts a page as CloudWatch Logs does: message bytes plus 26
// per event.
func pageBytes(events []world.LogEvent) int {
	n := 0
	for _, e := range events {
		n += len(e.Message) + 26
	}
	return n
}

// stepOf is the step number of a step line ("[algo-1] step 12 loss=…"),
// or 0 for any other line.
func stepOf(msg string) int {
	_, rest, ok := strings.Cut(msg, "] step ")
	if !ok || !strings.HasPrefix(msg, "[algo-") {
		return 0
	}
	n, _ := strconv.Atoi(strings.Fields(rest)[0])
	return n
}

func TestTrainingLogRateAddsEveryStepOnceInOrder(t *testing.T) {
	const job, rate = "hdb-resale-ranger-chatty", 1000
	w, c := newWorld(t, 1)
	in := hdbJobInput(t, w, job)
	if _, err := w.CreateTrainingJob(in); err != nil {
		t.Fatal(err)
	}
	if err := w.SetTrainingLogRate(job, rate); err != nil {
		t.Fatal(err)
	}
	// The same job in a twin world without the rate: its own lines.
	quiet, qc := newWorld(t, 1)
	if _, err := quiet.CreateTrainingJob(in); err != nil {
		t.Fatal(err)
	}

	training := untilTraining(t, w, c, job)
	// One minute of steps: they start 3.5 s into the Training phase.
	c.Set(training.Add(63500 * time.Millisecond))
	qc.Set(c.Now())
	page, err := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: job + "/"})
	if err != nil || len(page.Streams) != 1 {
		t.Fatalf("streams %+v, %v; want one", page.Streams, err)
	}
	stream := page.Streams[0].LogStreamName
	all := readForward(t, w, stream)

	var own []string
	steps := 0
	for i, e := range all {
		if i > 0 && e.Timestamp < all[i-1].Timestamp {
			t.Fatalf("event %d at %d ms comes after one at %d ms", i, e.Timestamp, all[i-1].Timestamp)
		}
		n := stepOf(e.Message)
		if n == 0 {
			own = append(own, e.Message)
			continue
		}
		steps++
		if n != steps {
			t.Fatalf("event %d is step %d, want step %d: %q", i, n, steps, e.Message)
		}
		if want := training.UnixMilli() + 3500 + int64(n-1); e.Timestamp != want {
			t.Fatalf("step %d at %d ms, want %d (1,000 a second from 3.5 s into training)", n, e.Timestamp, want)
		}
	}
	if steps != 60001 {
		t.Fatalf("%d step lines in the first minute, want 60,001 (one a millisecond, both ends)", steps)
	}
	if want := readForward(t, quiet, stream); !slices.Equal(own, messagesOf(want)) {
		t.Fatalf("the job's own lines changed with the rate:\n%q\nwant\n%q", own, messagesOf(want))
	}
	if last := page.Streams[0].LastEventTimestamp; last != all[len(all)-1].Timestamp {
		t.Errorf("stream's last event at %d, the newest event is at %d", last, all[len(all)-1].Timestamp)
	}

	// A page from the head stops at 1 MB before 10,000 of these lines.
	head, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true})
	next := all[len(head.Events)]
	if n := len(head.Events); n >= 10000 || pageBytes(head.Events) > 1<<20 || pageBytes(head.Events)+len(next.Message)+26 <= 1<<20 {
		t.Errorf("head page: %d events, %d bytes; want as many as fit in 1 MB", n, pageBytes(head.Events))
	}
	// StartTime finds the first event at or after it.
	at := training.Add(10 * time.Second)
	from, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true, StartTime: at})
	k := slices.IndexFunc(all, func(e world.LogEvent) bool { return e.Timestamp >= at.UnixMilli() })
	if len(from.Events) == 0 || from.Events[0] != all[k] {
		t.Errorf("from %v the first event is %+v, want %+v", at, from.Events[:min(1, len(from.Events))], all[k])
	}

	// The newest page (no token, not from the head) ends at the newest
	// step; its forward token then brings exactly the next second's.
	tail, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream})
	if stepOf(tail.Events[len(tail.Events)-1].Message) != 60001 || pageBytes(tail.Events) > 1<<20 {
		t.Fatalf("the newest page ends at %q with %d bytes", tail.Events[len(tail.Events)-1].Message, pageBytes(tail.Events))
	}
	if !slices.Equal(tail.Events, all[len(all)-len(tail.Events):]) {
		t.Fatal("the newest page is not the stream's last events")
	}
	same, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true, Token: tail.NextForwardToken})
	if len(same.Events) != 0 || same.NextForwardToken != tail.NextForwardToken {
		t.Fatalf("nothing new, yet %d events and token %s (was %s)", len(same.Events), same.NextForwardToken, tail.NextForwardToken)
	}
	c.Advance(time.Second)
	more, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true, Token: tail.NextForwardToken})
	var got []int
	for _, e := range more.Events {
		if n := stepOf(e.Message); n != 0 {
			got = append(got, n)
		}
	}
	if len(got) != rate || got[0] != 60002 || got[len(got)-1] != 61001 {
		t.Fatalf("a second later: %d steps (%v…), want steps 60,002 to 61,001", len(got), got[:min(3, len(got))])
	}
}

func messagesOf(events []world.LogEvent) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Message
	}
	return out
}

func TestTrainingLogRateRefusals(t *testing.T) {
	w, c := newWorld(t, 1)
	in := hdbJobInput(t, w, "hdb-resale-ranger-late")
	if _, err := w.CreateTrainingJob(in); err != nil {
		t.Fatal(err)
	}
	var nf world.ErrNotFound
	if err := w.SetTrainingLogRate("no-such-job", 10); !errors.As(err, &nf) || nf.Kind != "TrainingJob" {
		t.Errorf("a missing job: %v", err)
	}
	wantValidation(t, w.SetTrainingLogRate(in.TrainingJobName, -1))
	wantValidation(t, w.SetTrainingLogRate(in.TrainingJobName, world.MaxTrainingLogRate+1))
	untilTraining(t, w, c, in.TrainingJobName)
	wantValidation(t, w.SetTrainingLogRate(in.TrainingJobName, 10))
}
