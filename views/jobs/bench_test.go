package jobs

import (
	"context"
	"fmt"
	"io"
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
	return backend.TrainingJobsData{Jobs: jobs}
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

// One frame of the list of 100,000 jobs at 200x60, in colour, with the
// cursor in the middle.
func BenchmarkListView100k(b *testing.B) {
	p := benchPane(b, 200, 60)
	d := manyJobs(100_000)
	p.Update(kit.FeedMsg{Update: backend.Update{Key: listFeed, Data: d, State: kittest.Fresh(listFeed, now)}})
	p.table.MoveTo(50_000)
	if out := p.View(200, 60); !strings.Contains(out, "hdb-resale-train-050000") {
		b.Fatalf("the middle of the list is not drawn:\n%s", out)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = p.View(200, 60)
	}
}

// A delivery of 100,000 jobs: scoping, the order check and the table's
// new rows (what runs in Update on every poll of a large account).
func BenchmarkReceive100k(b *testing.B) {
	p := benchPane(b, 200, 60)
	d := manyJobs(100_000)
	msg := kit.FeedMsg{Update: backend.Update{Key: listFeed, Data: d, State: kittest.Fresh(listFeed, now)}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p.Update(msg)
	}
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
