package jobs

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

func feedNames(p *Pane) string {
	var out []string
	for _, k := range p.Feeds() {
		out = append(out, k.String())
	}
	return strings.Join(out, ",")
}

func TestFeedsFollowWhatIsShown(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	if got := feedNames(f.p); got != "training-jobs" {
		t.Fatalf("list feeds %s", got)
	}
	f.keys("down", "down", "enter")
	if got := feedNames(f.p); got != "training-jobs,training-job:"+runningJob {
		t.Fatalf("detail feeds %s", got)
	}
	f.keys("l")
	if got := feedNames(f.p); got != "training-jobs,training-job:"+runningJob+",job-logs:"+runningJob {
		t.Fatalf("logs feeds %s", got)
	}
	if got := strings.Join(f.p.Crumbs(), ">"); got != "Training jobs>"+runningJob+">Logs" {
		t.Fatalf("crumbs %s", got)
	}
	f.keys("esc")
	if got := feedNames(f.p); got != "training-jobs,training-job:"+runningJob {
		t.Fatalf("back from logs to the detail: %s", got)
	}
	f.keys("esc")
	if got := feedNames(f.p); got != "training-jobs" || len(f.p.Crumbs()) != 1 {
		t.Fatalf("back to the list: %s", got)
	}
	// Logs opened from the list go back to the list.
	f.keys("l", "esc")
	if f.p.mode != modeList {
		t.Fatalf("esc from logs opened in the list leaves mode %d", f.p.mode)
	}
}

func TestListOrderScopeAndCells(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist())
	d := listJobs()
	// Deliver them shuffled: the pane puts running jobs first, then newest.
	d.Jobs[0], d.Jobs[5] = d.Jobs[5], d.Jobs[0]
	f.deliver(listFeed, d, fresh(listFeed))
	var names []string
	for i := 0; i < f.p.table.Len(); i++ {
		f.p.table.MoveTo(i)
		j, _ := f.p.table.Selected()
		names = append(names, j.Name())
	}
	want := "hdb-resale-train-0412,hdb-rental-forecast-0601," + runningJob + "," + failedJob +
		",hdb-rental-forecast-0531,moh-triage-nlp-0530,hdb-resale-train-20250528-0900"
	if got := strings.Join(names, ","); got != want {
		t.Fatalf("order %s", got)
	}
	out := f.p.View(120, 35)
	row := lineWith(out, runningJob)
	for _, cell := range []string{"InProgress", "Training", "m5.2xlarge×2", "48m00s", "09:12", "hdb-resale-valua"} {
		if !strings.Contains(row, cell) {
			t.Errorf("running job's row lacks %q: %q", cell, row)
		}
	}
	if row := lineWith(out, "moh-triage-nlp-0530"); !strings.Contains(row, "Stopped") || !strings.Contains(row, "11h30m") || !strings.Contains(row, "May 30 18:00") {
		t.Errorf("stopped job's row: %q", row)
	}
	if f.p.Info() != "7 jobs · 3 running" {
		t.Errorf("Info %q", f.p.Info())
	}
	f.ctx.Scope = "hdb-rental-forecast"
	f.send(kit.ScopeMsg{Project: f.ctx.Scope})
	if f.p.table.Len() != 2 || f.p.Info() != "2 jobs · 1 running" {
		t.Fatalf("scoped: %d rows, Info %q", f.p.table.Len(), f.p.Info())
	}
	if out := f.p.View(120, 35); strings.Contains(out, "hdb-resale") {
		t.Fatalf("a job outside the scope is listed:\n%s", out)
	}
}

func lineWith(out, s string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestNavigationIntoThePane(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist())
	// From the registry's lineage, by ARN, before the list has loaded.
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: arn(failedJob)})
	if f.p.mode != modeDetail || f.p.open != failedJob {
		t.Fatalf("navigated to mode %d, open %q", f.p.mode, f.p.open)
	}
	if out := f.p.View(120, 35); !strings.Contains(out, failedJob) || !strings.Contains(out, "Loading the job's details…") {
		t.Fatalf("before any data the detail names the job and says it is loading:\n%s", out)
	}
	f.deliver(jobFeed(failedJob), detailOf(failed()), fresh(jobFeed(failedJob)))
	if out := f.p.View(120, 35); !strings.Contains(out, "Why it failed") {
		t.Fatalf("detail after its feed delivered:\n%s", out)
	}
	// From a pipeline step, straight to the logs.
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: runningJob, View: kit.ViewLogs})
	if f.p.mode != modeLogs || f.p.open != runningJob || f.p.jobData != nil {
		t.Fatalf("navigated to logs: mode %d, open %q, stale detail %v", f.p.mode, f.p.open, f.p.jobData != nil)
	}
	f.keys("esc")
	if f.p.mode != modeDetail || f.p.open != runningJob {
		t.Fatalf("esc from navigated logs: mode %d, open %q", f.p.mode, f.p.open)
	}
	// A message for another pane is not this pane's.
	f.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: pipeARN})
	if f.p.open != runningJob {
		t.Fatal("a jump to another pane moved this one")
	}
}

func TestDeliveriesForAnotherJobAreDropped(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	f.keys("down", "down", "enter")
	f.deliver(jobFeed(failedJob), detailOf(failed()), fresh(jobFeed(failedJob)))
	f.deliver(logsFeed(runningJob), logLines(runningJob, 10), fresh(logsFeed(runningJob))) // logs not shown
	if f.p.jobData != nil || f.p.logs.got {
		t.Fatal("a delivery for another job, or for logs not shown, was taken")
	}
	if out := f.p.View(120, 35); strings.Contains(out, "Why it failed") {
		t.Fatalf("another job's detail shows:\n%s", out)
	}
}

func TestJumpCopyAndStopAsk(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	f.keys("down", "down")
	f.keys("p")
	if nav, ok := last[kit.NavigateMsg](f); !ok || nav.Pane != kit.PanePipelines || nav.Arg != pipeARN {
		t.Fatalf("p asked for %+v", nav)
	}
	f.keys("c")
	if c, ok := last[kit.CopyMsg](f); !ok || c.Text != runningJob {
		t.Fatalf("c asked for %+v", c)
	}
	f.keys("C")
	if c, ok := last[kit.CopyMsg](f); !ok || c.Text != arn(runningJob) {
		t.Fatalf("C asked for %+v", c)
	}
	f.keys("ctrl+k")
	c, ok := last[kit.ConfirmMsg](f)
	if req, isStop := c.Req.(backend.StopTrainingJob); !ok || !isStop || req.Name != runningJob || c.Pane != kit.PaneJobs {
		t.Fatalf("ctrl+k asked for %+v", c)
	}
	// An undescribed finished job: whether a pipeline started it is not
	// known from the list.
	f.keys("end", "p")
	if n, _ := last[kit.NotifyMsg](f); !strings.Contains(n.Text, "press enter") {
		t.Fatalf("p on an undescribed job: %q", n.Text)
	}
	// The failed job in detail: no pipeline, cannot be stopped.
	f.keys("home", "down", "down", "down", "enter")
	f.deliver(jobFeed(failedJob), detailOf(failed()), fresh(jobFeed(failedJob)))
	f.keys("p")
	if n, _ := last[kit.NotifyMsg](f); n.Text != failedJob+" was not started by a pipeline." {
		t.Fatalf("p on a job without a pipeline: %q", n.Text)
	}
	asked := len(f.msgs)
	f.keys("S")
	if _, ok := f.msgs[len(f.msgs)-1].(kit.NotifyMsg); !ok || len(f.msgs) != asked+1 {
		t.Fatal("stopping a failed job should only explain")
	}
}

func TestStopIsRefusedForOnCallAndReadOnly(t *testing.T) {
	ro := kittest.Scientist()
	ro.ReadOnly = true
	for _, id := range []domain.Identity{onCall(), ro} {
		f := newFixture(t, 120, 35, id).withList()
		f.keys("ctrl+k")
		if _, ok := last[kit.ConfirmMsg](f); ok {
			t.Fatalf("%s: a refused stop reached the shell's confirmation", id.Role.Label())
		}
		n, _ := last[kit.NotifyMsg](f)
		if !strings.HasPrefix(n.Text, "Refused: stop the job — ") {
			t.Fatalf("%s: %q", id.Role.Label(), n.Text)
		}
		for _, b := range f.p.Keys() {
			if b.Name == "jobs.stop" && (b.Disabled() == "" || !b.Mutates) {
				t.Fatalf("%s: the stop key is %+v", id.Role.Label(), b)
			}
		}
	}
}

func TestStopDoneRefreshesTheJob(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	req := backend.StopTrainingJob{Name: runningJob}
	f.send(kit.ActionDoneMsg{Pane: kit.PaneJobs, Req: req, Result: backend.ActionResult{Outcome: backend.OutcomeDone}})
	got := f.svc.Refreshed()
	if len(got) != 2 || got[0] != listFeed || got[1] != jobFeed(runningJob) {
		t.Fatalf("refreshed %v", got)
	}
	f.send(kit.ActionDoneMsg{Pane: kit.PaneJobs, Req: req, Err: &backend.ActionError{Code: "AccessDeniedException"}})
	if len(f.svc.Refreshed()) != 2 {
		t.Fatal("a refused stop refreshed the feeds")
	}
}

func TestFailureReasonIsShownInFull(t *testing.T) {
	for _, w := range []int{40, 60, 80, 200} {
		f := newFixture(t, w, 200, kittest.Scientist()).withList()
		f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: failedJob})
		f.deliver(jobFeed(failedJob), detailOf(failed()), fresh(jobFeed(failedJob)))
		out := f.p.View(w, 200)
		flat := strings.Join(strings.Fields(out), " ")
		for _, line := range strings.Split(failReason, "\n") {
			if !strings.Contains(flat, strings.Join(strings.Fields(line), " ")) {
				t.Fatalf("width %d: the reason's line %q is not all there:\n%s", w, line, out)
			}
		}
	}
}

// The current status is measured to now: as the clock moves, the
// detail's duration grows without new data.
func TestCurrentTransitionIsMeasuredToNow(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: runningJob})
	f.deliver(jobFeed(runningJob), detailOf(running()), fresh(jobFeed(runningJob)))
	if row := lineWith(f.p.View(120, 35), "▸ Training"); !strings.Contains(row, "39m40s…") {
		t.Fatalf("current transition: %q", row)
	}
	f.svc.Advance(2*time.Minute + 5*time.Second)
	if row := lineWith(f.p.View(120, 35), "▸ Training"); !strings.Contains(row, "41m45s…") {
		t.Fatalf("two minutes later: %q", row)
	}
}

func TestDetailShowsSetupAndCurves(t *testing.T) {
	f := newFixture(t, 120, 200, kittest.Scientist()).withList()
	f.send(kit.NavigateMsg{Pane: kit.PaneJobs, Arg: runningJob})
	f.deliver(jobFeed(runningJob), detailOf(running()), fresh(jobFeed(runningJob)))
	out := f.p.View(120, 200)
	for _, want := range []string{
		"InProgress · Training", "ml.m5.2xlarge × 2", "max runtime 4h",
		"Metric curves (2)", "train:rmse", "validation:rmse", "→ time (SGT)", "09:21",
		"Hyperparameters (5)", "num.trees        800", "sample.fraction  0.8",
		"train       s3://hdb-resale-transactions/training/hdb-resale-valuation/train/  (text/csv)",
		"output      s3://ag-hdb-models/hdb-resale-valuation/output/",
		"image     123456789012.dkr.ecr.ap-southeast-1.amazonaws.com/ag-r-ranger:4.3-1",
		"role      arn:aws:iam::123456789012:role/ag-hdb-resale-sagemaker-exec",
		"pipeline  " + pipeARN, "step TrainResaleModel · p opens this execution in Pipelines",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("detail lacks %q", want)
		}
	}
	// Both curves are drawn with braille dots and a value axis.
	if strings.Count(out, "└") != 2 || !strings.ContainsAny(out, "⠁⠂⠄⡀⠈⠐⠠⢀") {
		t.Errorf("expected two charts:\n%s", out)
	}
}

func TestLogsSearchIsTheFilter(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	if _, ok := f.p.Filter(); !ok {
		t.Fatal("the list can be filtered")
	}
	f.keys("down", "down", "enter")
	if _, ok := f.p.Filter(); ok {
		t.Fatal("a detail cannot be filtered")
	}
	f.keys("l")
	f.deliver(logsFeed(runningJob), logLines(runningJob, 100), fresh(logsFeed(runningJob)))
	f.send(kit.FilterMsg{Text: "gpus"})
	if text, ok := f.p.Filter(); !ok || text != "gpus" || len(f.p.logs.matches) == 0 {
		t.Fatalf("search %q ok=%v with %d matches", text, ok, len(f.p.logs.matches))
	}
	if head := strings.SplitN(f.p.View(120, 35), "\n", 2)[0]; !strings.Contains(head, "match 8 of 8") {
		t.Fatalf("header %q", head)
	}
	f.keys("n")
	if f.p.logs.matchIndex() != 1 {
		t.Fatalf("n after the last match wraps to the first: %d", f.p.logs.matchIndex())
	}
	// The filter of the list is untouched by the search.
	if f.p.table.Filter() != "" {
		t.Fatal("the search leaked into the list's filter")
	}
}

func TestLogsReopenStartsOver(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist()).withList()
	f.keys("down", "down", "l")
	f.deliver(logsFeed(runningJob), logLines(runningJob, 10), fresh(logsFeed(runningJob)))
	f.keys("t", "w", "esc", "l")
	if out := f.p.View(120, 35); !strings.Contains(out, "Reading the job's CloudWatch logs…") {
		t.Fatalf("reopened logs wait for their feed:\n%s", out)
	}
	if !f.p.logs.stamps || f.p.logs.wrap {
		t.Fatal("timestamps and wrap choices should survive reopening")
	}
	f.deliver(logsFeed(runningJob), nil, backend.FeedState{Err: "AccessDeniedException: not authorized to perform logs:GetLogEvents", AccessDenied: true})
	if out := f.p.View(120, 35); !strings.Contains(out, "AWS denied access to the job's logs:") {
		t.Fatalf("a denied log feed:\n%s", out)
	}
}

func TestViewIsExactlyItsSizeEverywhere(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{60, 10}, {80, 19}, {133, 41}} {
		f := newFixture(t, sz.w, sz.h, kittest.Scientist()).withList()
		kittest.RequireBlock(t, f.p.View(sz.w, sz.h), sz.w, sz.h)
		f.keys("down", "down", "enter")
		f.deliver(jobFeed(runningJob), detailOf(running()), fresh(jobFeed(runningJob)))
		kittest.RequireBlock(t, f.p.View(sz.w, sz.h), sz.w, sz.h)
		f.keys("l")
		f.deliver(logsFeed(runningJob), logLines(runningJob, 50), fresh(logsFeed(runningJob)))
		f.keys("t")
		kittest.RequireBlock(t, f.p.View(sz.w, sz.h), sz.w, sz.h)
		// The shell may ask for a size other than the last SizeMsg.
		kittest.RequireBlock(t, f.p.View(sz.w-3, sz.h+2), sz.w-3, sz.h+2)
	}
}

func TestPaneBeforeInitIsSafe(t *testing.T) {
	p := New()
	if p.Keys() != nil || p.Info() != "" || p.Capturing() {
		t.Fatal("an uninitialised pane should be inert")
	}
	if _, cmd := p.Update(kit.FilterMsg{Text: "x"}); cmd != nil {
		t.Fatal("an uninitialised pane answered a message")
	}
	kittest.RequireBlock(t, p.View(20, 3), 20, 3)
	_ = context.Background()
}

// The charts take their colours from the theme: the curve in the
// theme's series colour, the axes muted.
func TestChartColoursComeFromTheTheme(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := themes.New("dark", r, false)
	if err != nil {
		t.Fatal(err)
	}
	lines := curveChart(detailOf(running()).Curves[0], 0, st, now.Location(), 60)
	chart := strings.Join(lines, "\n")
	line, axis := spanOf(st.ChartLine[0]), spanOf(st.ChartAxis)
	if line.Pre == "" || axis.Pre == "" || line.Pre == axis.Pre {
		t.Fatalf("the theme gives no distinct chart colours: %q %q", line.Pre, axis.Pre)
	}
	if !strings.Contains(chart, line.Pre+"⠒") && !strings.Contains(chart, line.Pre+"⠢") {
		t.Errorf("the curve is not in the series colour:\n%q", lines[1])
	}
	if bottom := lines[len(lines)-2]; !strings.HasPrefix(bottom, axis.Pre) || !strings.Contains(bottom, "└─") || strings.Contains(bottom, line.Pre) {
		t.Errorf("the axis is not in the axis colour:\n%q", lines[len(lines)-2])
	}
	plain := ansi.Strip(chart)
	for _, l := range strings.Split(plain, "\n") {
		if kit.Width(l) > 60 {
			t.Fatalf("a chart line is wider than asked: %q", l)
		}
	}
	if !strings.Contains(plain, "09:21") || !strings.Contains(plain, "71371│") {
		t.Fatalf("the axes are not labelled:\n%s", plain)
	}
}

// The backend delivers the same list again while no job changed: a large
// list is then not filtered again (a filter over more than AsyncAbove rows
// runs off the update loop, so a new list would return its command).
func TestSameListDeliveredAgainIsNotFilteredAgain(t *testing.T) {
	f := newFixture(t, 120, 35, kittest.Scientist())
	d := manyJobs(6000)
	if cmd := f.p.receive(backend.Update{Key: listFeed, Data: d, State: fresh(listFeed)}); cmd != nil {
		t.Fatal("an unfiltered list was sorted off the loop")
	}
	f.send(kit.FilterMsg{Text: "train-0042"})
	if cmd := f.p.receive(backend.Update{Key: listFeed, Data: d, State: fresh(listFeed)}); cmd != nil {
		t.Fatal("the same list delivered again was filtered again")
	}
	changed := d
	changed.Jobs = append([]*domain.TrainingJobSummary(nil), d.Jobs...)
	if cmd := f.p.receive(backend.Update{Key: listFeed, Data: changed, State: fresh(listFeed)}); cmd == nil {
		t.Fatal("a new list was not filtered")
	}
}

// A project not read yet is not "no project": its cell says "…" in the
// muted colour where a job without a project has an empty plain cell, it
// sorts after the known ones, and a scoped list leaves it out until known.
// When only the reading's progress changes, the same list is taken again.
func TestProjectNotReadIsNotNone(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := themes.New("dark", r, false)
	if err != nil {
		t.Fatal(err)
	}
	d := projectsUnread()
	unread, none := d.Jobs[5], d.Jobs[4].WithProject("")
	if got := projectText(unread); got != "…" {
		t.Fatalf("unread project = %q, want …", got)
	}
	if got := projectText(&none); got != "" {
		t.Fatalf("no project = %q, want an empty cell", got)
	}
	if projectLook(unread, st) != st.Muted || projectLook(&none, st) != (themes.Span{}) {
		t.Fatal("an unread project is not muted, or a job without one is")
	}
	var project func(a, b job) int
	for _, c := range columns(time.Now) {
		if c.Title == "PROJECT" {
			project = c.Compare
		}
	}
	if project(unread, &none) <= 0 || project(&none, unread) >= 0 || project(d.Jobs[0], unread) >= 0 {
		t.Fatal("unread projects do not sort after the known ones")
	}
	rows := scopedRows(d.Jobs, func(p string) bool { return p == "hdb-resale-valuation" })
	if len(rows) != 2 || rows[0].Name() != "hdb-resale-train-0412" || rows[1].Name() != runningJob {
		t.Fatalf("scoped rows = %d, want the two known jobs of hdb-resale-valuation", len(rows))
	}

	f := newFixture(t, 120, 35, kittest.Scientist())
	f.deliver(listFeed, d, fresh(listFeed))
	if info := f.p.Info(); !strings.Contains(info, "reading older jobs' projects…") {
		t.Fatalf("info = %q while older jobs' projects are read", info)
	}
	done := d
	done.ProjectsUnknownUntil = time.Time{}
	f.deliver(listFeed, done, fresh(listFeed))
	f.ctx.Scope = "hdb-resale-valuation"
	f.send(kit.ScopeMsg{Project: f.ctx.Scope})
	if info := f.p.Info(); strings.Contains(info, "projects") {
		t.Fatalf("info = %q after every project was read", info)
	}
}
