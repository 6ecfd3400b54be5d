package jobs

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// openRunningDetail opens the running job and delivers its detail.
func openRunningDetail(f *fixture) {
	f.withList()
	f.keys("down", "down", "enter")
	f.deliver(jobFeed(runningJob), detailOf(running()), fresh(jobFeed(runningJob)))
}

// openLogs opens the running job's logs with n lines delivered.
func openLogs(f *fixture, n int) {
	f.withList()
	f.keys("down", "down", "l")
	f.deliver(logsFeed(runningJob), logLines(runningJob, n), fresh(logsFeed(runningJob)))
}

// states drives the pane into each state a user can see.
var states = []struct {
	name  string
	id    func() domain.Identity
	drive func(f *fixture)
}{
	{name: "loading", drive: func(f *fixture) {}},
	{name: "data", drive: func(f *fixture) { f.withList() }},
	{name: "empty", drive: func(f *fixture) { f.deliver(listFeed, backend.TrainingJobsData{}, fresh(listFeed)) }},
	{name: "error", drive: func(f *fixture) {
		f.deliver(listFeed, nil, backend.FeedState{Err: "sagemaker:ListTrainingJobs: ThrottlingException: Rate exceeded", Stale: true, LastAttempt: now})
	}},
	{name: "denied", id: onCall, drive: func(f *fixture) {
		f.deliver(listFeed, nil, backend.FeedState{AccessDenied: true,
			Err: "User: arn:aws:sts::123456789012:assumed-role/ag-on-call/lee.mh is not authorized to perform: sagemaker:ListTrainingJobs"})
	}},
	{name: "stale", drive: func(f *fixture) {
		f.withList()
		s := fresh(listFeed)
		s.LastSuccess, s.Err, s.Stale = now.Add(-3*time.Minute), "connection reset by peer", true
		f.deliver(listFeed, nil, s)
	}},
	{name: "loading_older", drive: func(f *fixture) {
		d := listJobs()
		d.Loading = true
		f.deliver(listFeed, d, fresh(listFeed))
	}},
	{name: "projects_unread", drive: func(f *fixture) { f.deliver(listFeed, projectsUnread(), fresh(listFeed)) }},
	{name: "projects_unread_scoped", drive: func(f *fixture) {
		f.deliver(listFeed, projectsUnread(), fresh(listFeed))
		f.ctx.Scope = "hdb-resale-valuation"
		f.send(kit.ScopeMsg{Project: f.ctx.Scope})
	}},
	{name: "projects_unread_scoped_empty", drive: func(f *fixture) {
		f.deliver(listFeed, projectsUnread(), fresh(listFeed))
		f.ctx.Scope = "moh-triage-nlp"
		f.send(kit.ScopeMsg{Project: f.ctx.Scope})
	}},
	{name: "filtered", drive: func(f *fixture) { f.withList(); f.send(kit.FilterMsg{Text: "rental"}) }},
	{name: "scoped_sorted", drive: func(f *fixture) {
		f.withList()
		f.ctx.Scope = "hdb-resale-valuation"
		f.send(kit.ScopeMsg{Project: f.ctx.Scope})
		f.keys("o", "O") // by name, descending
	}},
	{name: "scoped_empty", drive: func(f *fixture) {
		f.withList()
		f.ctx.Scope = "ura-caveats"
		f.send(kit.ScopeMsg{Project: f.ctx.Scope})
	}},
	{name: "detail_loading", drive: func(f *fixture) { f.withList(); f.keys("enter") }},
	{name: "detail_running", drive: openRunningDetail},
	{name: "detail_running_curves", drive: func(f *fixture) {
		openRunningDetail(f)
		f.keys("pgdown")
	}},
	{name: "detail_failed", drive: func(f *fixture) {
		f.withList()
		f.keys("down", "down", "down", "enter")
		f.deliver(jobFeed(failedJob), detailOf(failed()), fresh(jobFeed(failedJob)))
	}},
	{name: "logs_waiting", drive: func(f *fixture) { f.withList(); f.keys("l") }},
	{name: "logs_following", drive: func(f *fixture) { openLogs(f, 300) }},
	{name: "logs_times_stream", drive: func(f *fixture) { openLogs(f, 300); f.keys("t", "]", "w") }},
	{name: "logs_search", drive: func(f *fixture) {
		openLogs(f, 300)
		f.send(kit.FilterMsg{Text: "GPU"})
		f.keys("N")
	}},
	{name: "logs_scrolled", drive: func(f *fixture) { openLogs(f, 300); f.keys("pgup", "up") }},
	{name: "stop_confirm", drive: func(f *fixture) { f.withList(); f.keys("ctrl+k") }},
	{name: "stop_refused_oncall", id: onCall, drive: func(f *fixture) { f.withList(); f.keys("ctrl+k") }},
	{name: "stop_finished", drive: func(f *fixture) { f.withList(); f.keys("down", "down", "down", "S") }},
}

func TestPaneGolden(t *testing.T) {
	for _, sz := range sizes {
		for _, s := range states {
			t.Run(s.name+"_"+sz.Name, func(t *testing.T) {
				id := kittest.Scientist()
				if s.id != nil {
					id = s.id()
				}
				f := newFixture(t, sz.W, sz.H, id)
				s.drive(f)
				golden.RequireEqual(t, []byte(f.screen(sz.W, sz.H)))
			})
		}
	}
}
