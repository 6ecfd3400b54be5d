package main

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/jobs"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// job is what the pane shows of a sandbox training job.
type job struct {
	Name, Status, Secondary, Project string
	Created                          time.Time
}

// paneBench is the training jobs pane at 200x60 in colour, holding the
// sandbox's jobs, typed into as the shell types a filter into it.
type paneBench struct {
	pane kit.Pane
	w, h int
}

// keystroke is one keystroke's cost, in its three parts.
type keystroke struct {
	loop, filter, apply time.Duration
	matches             int
}

func newPaneBench(list []job) (*paneBench, error) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	st, err := themes.New("dark", r, false)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	svc := kittest.NewService(kittest.Scientist(), now)
	const w, h = 200, 60
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: svc.Identity(), Styles: st, Width: w, Height: h}
	pane := jobs.New()
	pane.Init(ctx)
	d := backend.TrainingJobsData{Jobs: make([]*domain.TrainingJobSummary, len(list))}
	for i, j := range list {
		s := domain.TrainingJob{Name: j.Name, Status: j.Status, SecondaryStatus: j.Secondary, Project: j.Project, CreatedAt: j.Created}.Summary()
		d.Jobs[i] = &s
	}
	key := backend.FeedKey{Kind: backend.FeedTrainingJobs}
	state := backend.FeedState{Key: key, Interval: 30 * time.Second, LastSuccess: now, LastAttempt: now}
	pane.Update(kit.FeedMsg{Update: backend.Update{Key: key, Data: d, State: state}})
	return &paneBench{pane: pane, w: w, h: h}, nil
}

// keystroke sets the filter to q as the shell does on a keystroke, runs
// the command it returns (off the loop in Bubble Tea), hands its result
// back and draws a frame.
func (b *paneBench) keystroke(q string) (keystroke, error) {
	var k keystroke
	t0 := time.Now()
	_, cmd := b.pane.Update(kit.FilterMsg{Text: q})
	t1 := time.Now()
	var msg tea.Msg
	if cmd != nil {
		msg = cmd()
	}
	t2 := time.Now()
	if msg != nil {
		b.pane.Update(msg)
	}
	_ = b.pane.View(b.w, b.h)
	t3 := time.Now()
	k.loop, k.filter, k.apply = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2)
	info := b.pane.Info()
	if strings.Contains(info, "working") {
		return k, fmt.Errorf("after %q the pane is still filtering: %s", q, info)
	}
	n, err := shown(info)
	k.matches = n
	return k, err
}

// shownRE reads the pane's count: "1,204 of 108,001 jobs" or "108,001 jobs".
var shownRE = regexp.MustCompile(`^([0-9][0-9,]*) (of|jobs)`)

func shown(info string) (int, error) {
	m := shownRE.FindStringSubmatch(info)
	if m == nil {
		return 0, fmt.Errorf("the pane's count %q is not a count of jobs", info)
	}
	return strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
}
