package backend

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// chattyLogRate is issue 9's target: a job that writes 1,000 lines a second.
const chattyLogRate = 1000

// chattyJob creates a one-instance training job on s's world that writes
// rate lines a second while it trains, and moves both of s's clocks until
// its Training phase has run for into. No feed may run yet.
func chattyJob(tb testing.TB, s *onSandbox, rate int, into time.Duration) string {
	tb.Helper()
	w := s.env.World()
	page, err := w.TrainingJobs(world.TrainingJobQuery{NameContains: "hdb-resale-ranger", StatusEquals: world.TrainingCompleted, MaxResults: 1})
	if err != nil || len(page.Items) == 0 {
		tb.Fatalf("no template job: %v", err)
	}
	tmpl, err := w.TrainingJob(page.Items[0].TrainingJobName)
	if err != nil {
		tb.Fatal(err)
	}
	const name = "hdb-resale-ranger-chatty"
	spec := tmpl.TrainingJobSpec
	spec.ResourceConfig.InstanceCount = 1
	if _, err := w.CreateTrainingJob(world.CreateTrainingJobInput{TrainingJobName: name, TrainingJobSpec: spec}); err != nil {
		tb.Fatal(err)
	}
	if err := w.SetTrainingLogRate(name, rate); err != nil {
		tb.Fatal(err)
	}
	move := func(d time.Duration) {
		s.env.Clock.Advance(d)
		s.clock.Advance(d)
	}
	for elapsed := time.Duration(0); ; elapsed += time.Second {
		if elapsed > time.Hour {
			tb.Fatalf("%s never began training", name)
		}
		j, err := w.TrainingJob(name)
		if err != nil {
			tb.Fatal(err)
		}
		if j.SecondaryStatus == world.SecondaryTraining {
			break
		}
		move(time.Second)
	}
	move(into)
	return name
}

// logFollow is what following a job's log showed.
type logFollow struct {
	first    int              // lines of the first delivery
	open     map[string]int64 // log calls of the first delivery
	lines    int              // lines delivered by the polls after it
	polls    int              // polls after the first delivery
	maxLag   time.Duration    // the world's clock at a poll minus the newest line delivered
	calls    map[string]int64 // log calls of the polls after the first delivery
	tail     LogsData         // what a late subscriber gets at the end
	heap     [2]int64         // live heap after a third of the polls and at the end (when measured)
	problems []string         // lines missing, repeated or out of order; polls behind
}

// problem records what went wrong, keeping the first few.
func (f *logFollow) problem(format string, args ...any) {
	if len(f.problems) < 10 {
		f.problems = append(f.problems, fmt.Sprintf(format, args...))
	}
}

// followLog subscribes to job's log on s and moves both clocks one
// default log interval at a time for d, checking every delivered line
// against the world's stream: each exactly once, in order, none skipped
// (from the stream's head when fromHead, else from the first line
// delivered), and after each poll no more than an interval behind.
func followLog(tb testing.TB, s *onSandbox, job string, d time.Duration, fromHead, measureHeap bool) logFollow {
	tb.Helper()
	iv := DefaultIntervals().Logs
	w := s.env.World()
	key := FeedKey{Kind: FeedJobLogs, Arg: job}
	f := logFollow{}
	cursors := map[string]*worldCursor{}
	recent := make([]domain.LogEvent, 0, maxLogLines) // the last maxLogLines delivered, as a ring
	delivered := 0
	check := func(d LogsData) {
		for _, e := range d.Events {
			c := cursors[e.Stream]
			if c == nil {
				c = newWorldCursor(w, e.Stream, e.Timestamp, fromHead)
				cursors[e.Stream] = c
				if !fromHead {
					c.skipTo(tb, e)
				}
			}
			want, ok := c.next(tb)
			switch {
			case !ok:
				f.problem("line %d %q is not in the world's stream", delivered, e.Message)
			case want.Message != e.Message || want.Timestamp != e.Timestamp.UnixMilli():
				f.problem("line %d is %q at %d, want %q at %d", delivered, e.Message, e.Timestamp.UnixMilli(), want.Message, want.Timestamp)
			}
			if len(recent) < maxLogLines {
				recent = append(recent, e)
			} else {
				recent[delivered%maxLogLines] = e
			}
			delivered++
		}
	}
	newest := func(d LogsData) time.Time {
		if len(d.Events) == 0 {
			return time.Time{}
		}
		return d.Events[len(d.Events)-1].Timestamp
	}

	opening := s.c.Calls().ByOp
	defer s.c.Subscribe(key)()
	first := s.settled(tb, key).Data.(LogsData)
	f.open = clientCalls(s.c, opening)
	if !first.Reset {
		tb.Fatal("the first delivery does not reset the tail")
	}
	check(first)
	f.first = len(first.Events)
	last := newest(first)
	before := s.c.Calls().ByOp
	polls := int(d / iv)
	for p := 1; p <= polls; p++ {
		s.advance(tb, 1, iv)
		u := next(tb, s.c, key)
		for u.State.Fetching {
			u = next(tb, s.c, key)
		}
		if u.State.Err != "" {
			tb.Fatalf("poll %d: %s", p, u.State.Err)
		}
		if data, ok := u.Data.(LogsData); ok {
			if data.Reset {
				f.problem("poll %d asked to reset the tail", p)
			}
			check(data)
			f.lines += len(data.Events)
			if n := newest(data); n.After(last) {
				last = n
			}
		}
		lag := s.env.Now().Sub(last)
		f.maxLag = max(f.maxLag, lag)
		if lag > iv {
			f.problem("after poll %d the tail is %v behind the job, more than the %v interval", p, lag, iv)
		}
		if measureHeap && p == polls/3 {
			f.heap[0] = heapAfterGC()
		}
	}
	f.polls = polls
	if measureHeap {
		f.heap[1] = heapAfterGC()
	}
	f.calls = clientCalls(s.c, before)

	// A late subscriber gets the tail's scrollback: the newest lines, at
	// most maxLogLines of them.
	leave := s.c.Subscribe(key)
	f.tail = next(tb, s.c, key).Data.(LogsData)
	leave()
	kept := min(delivered, maxLogLines)
	if len(f.tail.Events) != kept {
		f.problem("a late subscriber got %d lines, want the last %d delivered", len(f.tail.Events), kept)
	} else {
		for i, e := range f.tail.Events {
			if want := recent[(delivered-kept+i)%maxLogLines]; e != want {
				f.problem("a late subscriber's line %d is %q, want %q", i, e.Message, want.Message)
				break
			}
		}
	}
	return f
}

// heapAfterGC is the heap in use after a collection.
func heapAfterGC() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// tailBytes is what the backend's tail holds: its events and their text.
func tailBytes(d LogsData) int {
	n := cap(d.Events) * int(unsafe.Sizeof(domain.LogEvent{}))
	for _, e := range d.Events {
		n += len(e.Message)
	}
	return n
}

// logCalls sums the CloudWatch Logs calls in calls.
func logCalls(calls map[string]int64) int64 {
	var n int64
	for op, c := range calls {
		if strings.HasPrefix(op, "logs:") {
			n += c
		}
	}
	return n
}

// worldCursor reads one of the world's training streams forward, page by
// page: the truth a tail is checked against, read without HTTP.
type worldCursor struct {
	w   *world.World
	q   world.LogEventsQuery
	buf []world.LogEvent
}

// newWorldCursor starts at the stream's head, or at its first event at
// or after from.
func newWorldCursor(w *world.World, stream string, from time.Time, fromHead bool) *worldCursor {
	q := world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: stream, StartFromHead: true}
	if !fromHead {
		q.StartTime = from
	}
	return &worldCursor{w: w, q: q}
}

// fill reads a page when none is buffered; false at the stream's end (as
// of the world's now).
func (c *worldCursor) fill(tb testing.TB) bool {
	tb.Helper()
	for len(c.buf) == 0 {
		p, err := c.w.LogEvents(c.q)
		if err != nil {
			tb.Fatal(err)
		}
		if len(p.Events) == 0 {
			return false
		}
		c.buf, c.q.Token = p.Events, p.NextForwardToken
	}
	return true
}

// next is the stream's next event, false at its end.
func (c *worldCursor) next(tb testing.TB) (world.LogEvent, bool) {
	tb.Helper()
	if !c.fill(tb) {
		return world.LogEvent{}, false
	}
	e := c.buf[0]
	c.buf = c.buf[1:]
	return e, true
}

// skipTo moves past the events of e's millisecond that come before e, so
// that next returns e.
func (c *worldCursor) skipTo(tb testing.TB, e domain.LogEvent) {
	tb.Helper()
	for c.fill(tb) && c.buf[0].Timestamp == e.Timestamp.UnixMilli() && c.buf[0].Message != e.Message {
		c.buf = c.buf[1:]
	}
}

// chattyCases are the two ways a user meets a chatty job's log: following
// it from the start, and opening it while it has long been writing.
var chattyCases = []struct {
	name     string
	into     time.Duration // how long the job has trained when the log opens
	fromHead bool          // whether the tail must begin at the stream's head
}{
	{"followed from the start", 5 * time.Second, true},
	{"opened ten minutes in", 10 * time.Minute, false},
}

func TestSandboxChattyJobLogKeepsUp(t *testing.T) {
	// Opened when the stream is a little over half a page: read from its
	// end, paging back to its head.
	cases := append(slices.Clip(chattyCases), struct {
		name     string
		into     time.Duration
		fromHead bool
	}{"opened nine seconds in", 9 * time.Second, true})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := onNewSandbox(t, "data-scientist")
			job := chattyJob(t, s, chattyLogRate, tc.into)
			f := followLog(t, s, job, time.Minute, tc.fromHead, false)
			if len(f.problems) > 0 {
				t.Fatalf("following %s at %d lines a second:\n%s", job, chattyLogRate, strings.Join(f.problems, "\n"))
			}
			if f.lines < 60*chattyLogRate {
				t.Errorf("a minute of polls delivered %d lines, want at least %d", f.lines, 60*chattyLogRate)
			}
			if !tc.fromHead && f.first != maxLogLines {
				t.Errorf("opened late, the first delivery has %d lines, want a full scrollback of %d", f.first, maxLogLines)
			}
			// Opening reads one page from the head and, if it was full, the
			// newest pages back to a scrollback's worth (or to the head).
			if got := f.open["logs:GetLogEvents"]; got > 3 {
				t.Errorf("opening the log took %d GetLogEvents, want at most 3", got)
			}
			if len(f.tail.Events) != maxLogLines {
				t.Errorf("the tail keeps %d lines, want the scrollback limit %d", len(f.tail.Events), maxLogLines)
			}
			// One GetLogEvents per stream per poll; streams listed every streamRefresh.
			if got := f.calls["logs:GetLogEvents"]; got > int64(f.polls) {
				t.Errorf("%d GetLogEvents in %d polls of one stream, want at most one a poll", got, f.polls)
			}
			if got, want := f.calls["logs:DescribeLogStreams"], int64(time.Minute/streamRefresh); got > want {
				t.Errorf("%d DescribeLogStreams in a minute, want at most %d", got, want)
			}
		})
	}
}
