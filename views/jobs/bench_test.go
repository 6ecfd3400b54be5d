package jobs

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// manyJobs is a large account's list: a few running, the rest finished,
// newest first, across 40 projects.
func manyJobs(n int) backend.TrainingJobsData {
	statuses := []string{domain.JobCompleted, domain.JobFailed, domain.JobCompleted, domain.JobStopped}
	types := []string{"ml.m5.xlarge", "ml.m5.2xlarge", "ml.g4dn.xlarge", "ml.p3.2xlarge"}
	jobs := make([]domain.TrainingJob, n)
	for i := range jobs {
		created := now.Add(-time.Duration(i) * 7 * time.Minute)
		j := domain.TrainingJob{
			Name: fmt.Sprintf("hdb-resale-train-%06d", i), Status: statuses[i%4], SecondaryStatus: statuses[i%4],
			CreatedAt: created, EndedAt: created.Add(time.Duration(30+i%90) * time.Minute), Project: fmt.Sprintf("project-%02d", i%40),
			InstanceType: types[i%4], InstanceCount: 1 + i%3, BillableSeconds: int64(1800 + i%5400), Detailed: i%5 != 0,
		}
		if i < 12 {
			j.Status, j.SecondaryStatus, j.EndedAt = domain.JobInProgress, "Training", time.Time{}
		}
		j.ARN = arn(j.Name)
		jobs[i] = j
	}
	return backend.TrainingJobsData{Jobs: summaries(jobs...)}
}

func colourStyles(b *testing.B) *themes.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := themes.New("dark", r, false)
	if err != nil {
		b.Fatal(err)
	}
	return st
}

func benchPane(b *testing.B, w, h int) *Pane {
	svc := kittest.NewService(kittest.Scientist(), now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: svc.Identity(), Styles: colourStyles(b), Width: w, Height: h}
	p := New()
	p.Init(ctx)
	return p
}

// One frame of the list at 200x60, in colour, with the cursor in the
// middle, at 1,000, 10,000 and 100,000 jobs: the time and allocations of a
// frame depend on the rows on screen, not on the rows in the list.
func BenchmarkListView(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			p := benchPane(b, 200, 60)
			d := manyJobs(n)
			p.Update(kit.FeedMsg{Update: backend.Update{Key: listFeed, Data: d, State: kittest.Fresh(listFeed, now)}})
			p.table.MoveTo(n / 2)
			if out := p.View(200, 60); !strings.Contains(out, fmt.Sprintf("hdb-resale-train-%06d", n/2)) {
				b.Fatalf("the middle of the list is not drawn:\n%s", out)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = p.View(200, 60)
			}
		})
	}
}

// Typing a filter over 100,000 jobs, one keystroke an iteration (the
// prefixes of "hdb-resale-train-05", over and over), timed in three parts:
// loop-µs/key is Update returning with the keystroke (the table hands the
// matching to a tea.Cmd above table.AsyncAbove rows), filter-ms/key is that
// Cmd running off the update loop, and apply-µs/key is Update taking its
// result plus the next frame (View). Only the first and last hold up the
// update loop, so they are what a frame waits for.
func BenchmarkFilterKeystroke100k(b *testing.B) {
	p := benchPane(b, 200, 60)
	p.Update(kit.FeedMsg{Update: backend.Update{Key: listFeed, Data: manyJobs(100_000), State: kittest.Fresh(listFeed, now)}})
	const typed = "hdb-resale-train-05"
	var loop, filter, apply time.Duration
	keys := 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		q := typed[:1+keys%len(typed)]
		keys++
		t0 := time.Now()
		_, cmd := p.Update(kit.FilterMsg{Text: q})
		t1 := time.Now()
		if cmd == nil {
			b.Fatalf("filtering %q over 100,000 rows ran on the update loop", q)
		}
		msg := cmd()
		t2 := time.Now()
		p.Update(msg)
		_ = p.View(200, 60)
		t3 := time.Now()
		loop, filter, apply = loop+t1.Sub(t0), filter+t2.Sub(t1), apply+t3.Sub(t2)
	}
	b.StopTimer()
	if p.table.Pending() || p.table.Filter() != typed[:1+(keys-1)%len(typed)] {
		b.Fatalf("after the last keystroke the table is pending %v with filter %q", p.table.Pending(), p.table.Filter())
	}
	per := func(d time.Duration, unit time.Duration) float64 { return float64(d) / float64(unit) / float64(keys) }
	b.ReportMetric(per(loop, time.Microsecond), "loop-µs/key")
	b.ReportMetric(per(filter, time.Millisecond), "filter-ms/key")
	b.ReportMetric(per(apply, time.Microsecond), "apply-µs/key")
}

// A delivery of 100,000 jobs, as Update takes it on every poll of a large
// account. "same" is the backend handing over the list it delivered before
// (nothing changed: the pane keeps its rows); "changed" is a new list, as
// after a job's status moved: scoping, the order check and the table's
// new rows.
func BenchmarkReceive100k(b *testing.B) {
	d := manyJobs(100_000)
	msg := func(d backend.TrainingJobsData) kit.FeedMsg {
		return kit.FeedMsg{Update: backend.Update{Key: listFeed, Data: d, State: kittest.Fresh(listFeed, now)}}
	}
	b.Run("same", func(b *testing.B) {
		p := benchPane(b, 200, 60)
		p.Update(msg(d))
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			p.Update(msg(d))
		}
	})
	b.Run("changed", func(b *testing.B) {
		p := benchPane(b, 200, 60)
		// Two lists of the same jobs in different slices: each delivery is
		// new to the pane.
		lists := [2]backend.TrainingJobsData{d, {Jobs: slices.Clone(d.Jobs)}}
		p.Update(msg(lists[1]))
		b.ReportAllocs()
		b.ResetTimer()
		i := 0
		for b.Loop() {
			p.Update(msg(lists[i%2]))
			i++
		}
		b.StopTimer()
		if p.table.Len() != 100_000 {
			b.Fatalf("the table holds %d rows after the deliveries, want 100,000", p.table.Len())
		}
	})
}

// One second of a job writing 1,000 lines a second, delivered in four
// increments, then a frame of the log at 200x60 while following; memory
// stays bounded at MaxLogLines lines.
func BenchmarkLogSecondAt1000LinesPerSecond(b *testing.B) {
	v := newLogView(MaxLogLines)
	v.setSize(200, 59)
	v.stamps = true
	st := colourStyles(b)
	streams := []domain.LogStream{{Name: "job/algo-1-1748741520"}, {Name: "job/algo-2-1748741520"}}
	incs := make([]backend.LogsData, 4)
	at := now
	for k := range incs {
		incs[k] = backend.LogsData{Streams: streams}
		for i := 0; i < 250; i++ {
			at = at.Add(time.Millisecond)
			incs[k].Events = append(incs[k].Events, domain.LogEvent{Stream: streams[i%2].Name, Timestamp: at,
				Message: fmt.Sprintf("#metrics iter %d/400 train:rmse=%.5f validation:rmse=%.5f and some more words to wrap past the edge of a wide terminal window", i, 24000.5, 25500.25)})
		}
	}
	var frame strings.Builder
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for k := range incs {
			// Each second's lines are newer than the last second's.
			for i := range incs[k].Events {
				incs[k].Events[i].Timestamp = incs[k].Events[i].Timestamp.Add(time.Second)
			}
			v.receive(incs[k])
		}
		frame.Reset()
		v.render(&frame, st, time.UTC)
	}
	b.StopTimer()
	if v.buf.Len() > MaxLogLines {
		b.Fatalf("the buffer holds %d lines, more than %d", v.buf.Len(), MaxLogLines)
	}
}

// Sixty seconds of a job writing 1,000 lines a second (every line a
// string of its own, as decoded from CloudWatch), delivered four times a
// second with a frame each second, then the live heap after a collection
// at 10 s and at 60 s. The log keeps MaxLogLines lines, so once the first
// 10 s have filled it the heap stays flat: heap-MiB@60s is heap-MiB@10s.
func BenchmarkLogHeapOverSixtySeconds(b *testing.B) {
	st := colourStyles(b)
	streams := []domain.LogStream{{Name: "job/algo-1-1748741520"}, {Name: "job/algo-2-1748741520"}}
	var at10, at60 float64
	b.ReportAllocs()
	for b.Loop() {
		v := newLogView(MaxLogLines)
		v.setSize(200, 59)
		v.stamps = true
		var frame strings.Builder
		at := now
		line := 0
		for second := 1; second <= 60; second++ {
			for range 4 {
				inc := backend.LogsData{Streams: streams, Events: make([]domain.LogEvent, 250)}
				for i := range inc.Events {
					at = at.Add(time.Millisecond)
					line++
					inc.Events[i] = domain.LogEvent{Stream: streams[i%2].Name, Timestamp: at,
						Message: fmt.Sprintf("#metrics line %d iter %d/400 train:rmse=%.5f validation:rmse=%.5f and more words to wrap past the edge of a wide window", line, line%400, 24000.5, 25500.25)}
				}
				v.receive(inc)
			}
			frame.Reset()
			v.render(&frame, st, time.UTC)
			switch second {
			case 10:
				at10 = liveHeapMiB()
			case 60:
				at60 = liveHeapMiB()
			}
		}
		if v.buf.Len() != MaxLogLines {
			b.Fatalf("after 60,000 lines the buffer holds %d lines, want %d", v.buf.Len(), MaxLogLines)
		}
		runtime.KeepAlive(v)
	}
	b.ReportMetric(at10, "heap-MiB@10s")
	b.ReportMetric(at60, "heap-MiB@60s")
	if at60 > at10*1.1 {
		b.Fatalf("the live heap grew from %.1f MiB at 10 s to %.1f MiB at 60 s: the log is not bounded", at10, at60)
	}
}

// liveHeapMiB is the heap in use after a full collection.
func liveHeapMiB() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// Building a running job's detail with its two metric charts at 200
// cells, in colour: what a new delivery of the job's feed costs.
func BenchmarkDetailText(b *testing.B) {
	st := colourStyles(b)
	d := detailOf(running())
	in := detailInput{job: d.Job, curves: d.Curves, loaded: true, now: now, width: 200, st: st}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = detailText(in)
	}
}

// The same with the charts kept from before: what the once-a-second
// rebuild (durations measured to now) costs.
func BenchmarkDetailTextChartsKept(b *testing.B) {
	st := colourStyles(b)
	d := detailOf(running())
	in := detailInput{job: d.Job, curves: d.Curves, loaded: true, now: now, width: 200, st: st}
	in.charts = curveCharts(d.Curves, st, now.Location(), 200)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = detailText(in)
	}
}
