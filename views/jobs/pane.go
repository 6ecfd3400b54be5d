package jobs

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
)

// listFeed is every training job; a job's detail and logs have their own
// feeds, keyed by its name.
var listFeed = backend.FeedKey{Kind: backend.FeedTrainingJobs}

func jobFeed(name string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedTrainingJob, Arg: name}
}
func logsFeed(name string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedJobLogs, Arg: name}
}

// mode is what the pane shows.
type mode int

const (
	modeList mode = iota
	modeDetail
	modeLogs
)

// Pane is the Training jobs pane.
type Pane struct {
	ctx *kit.Context
	now func() time.Time // safe from any goroutine

	state   backend.FeedState
	data    *backend.TrainingJobsData
	table   *table.Model[job]
	inScope int // rows in scope, before the filter
	running int

	mode mode
	open string // the job in detail or logs
	// logsFrom is where esc leaves the logs for.
	logsFrom mode
	jobData  *backend.TrainingJobData
	jobState backend.FeedState
	detail   *scroll.Model
	// lines is the detail text the scroll model scrolls over, by line.
	lines []string
	gen   uint64 // bumps when what the detail shows changes
	// curvesGen bumps with each delivery of the open job's own feed.
	curvesGen uint64
	built     builtKey
	// charts are the open job's curves drawn, for chartsKey.
	charts    [][]string
	chartsKey builtKey

	logs *logView

	keys          [3]*kit.KeyMap // list, detail, logs
	width, height int
}

// builtKey is what the detail text was last built from; it is rebuilt
// when any of it changes (the clock by the second, for durations).
type builtKey struct {
	gen    uint64
	second int64
	width  int
	st     *themes.Styles
}

var _ kit.Pane = (*Pane)(nil)

// New makes the pane; Init wires it to the shell's Context.
func New() *Pane { return &Pane{} }

func (p *Pane) ID() kit.PaneID { return kit.PaneJobs }
func (p *Pane) Title() string  { return "Training jobs" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	svc := ctx.Service
	p.now = time.Now
	if svc != nil {
		p.now = svc.Now
	}
	p.table = table.New(ctx.Ctx, kit.PaneJobs, "jobs", columns(p.now), table.WithKey(func(j job) string { return j.Name() }))
	p.detail = scroll.New("Detail")
	p.logs = newLogView(MaxLogLines)
	p.keys[modeList], p.keys[modeDetail], p.keys[modeLogs] = p.bindings()
	ctx.ReadyKeys(p.keys[:]...)
	p.resize(ctx.Width, ctx.Height)
	return nil
}

func (p *Pane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	if p.ctx == nil {
		return p, nil
	}
	switch msg := msg.(type) {
	case kit.FeedMsg:
		return p, p.receive(msg.Update)
	case kit.FilterMsg:
		switch p.mode {
		case modeList:
			return p, p.table.SetFilter(msg.Text)
		case modeLogs:
			p.logs.setQuery(msg.Text)
		}
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg:
		p.sizeTable() // a scoped list may have a note to show
		return p, p.setRows()
	case kit.ThemeMsg:
		p.built = builtKey{}
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.keys[:]...)
	case kit.NavigateMsg:
		return p, p.arrive(msg)
	case kit.ActionDoneMsg:
		return p, p.actionDone(msg)
	case tea.KeyMsg:
		if p.mode == modeDetail {
			p.ensureDetail() // scrolling needs the text it scrolls
		}
		cmd, _ := p.keymap().Handle(msg)
		return p, cmd
	case tea.MouseMsg:
		if p.mode == modeDetail {
			p.ensureDetail()
		}
		return p, p.mouse(msg)
	case kit.Routed:
		if msg.RouteTo() == kit.PaneJobs {
			cmd, _ := p.table.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

func (p *Pane) mouse(msg tea.MouseMsg) tea.Cmd {
	switch p.mode {
	case modeDetail:
		cmd, _ := p.detail.Update(msg)
		return cmd
	case modeLogs:
		if msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				p.logs.scroll(-3)
			case tea.MouseButtonWheelDown:
				p.logs.scroll(3)
			}
		}
		return nil
	}
	cmd, _ := p.table.Update(msg)
	return cmd
}

// receive takes a feed delivery: the list, the open job, or its logs.
// Deliveries for a job no longer open are dropped.
func (p *Pane) receive(u backend.Update) tea.Cmd {
	switch {
	case u.Key == listFeed:
		p.state = u.State
		d, ok := u.Data.(backend.TrainingJobsData)
		if !ok {
			return nil
		}
		if p.data != nil && sameList(p.data.Jobs, d.Jobs) && p.data.Loading == d.Loading &&
			p.data.ProjectsUnknownUntil.Equal(d.ProjectsUnknownUntil) {
			// The backend hands the same list again while no job changed:
			// nothing to sort or filter again.
			return nil
		}
		p.data = &d
		p.gen++
		p.sizeTable()
		if j, ok := findFold(d.Jobs, p.open); ok {
			p.adopt(j.Name())
		}
		return p.setRows()
	case p.open == "":
		return nil
	case u.Key.Kind == backend.FeedTrainingJob && strings.EqualFold(u.Key.Arg, p.open):
		p.jobState = u.State
		if d, ok := u.Data.(backend.TrainingJobData); ok && strings.EqualFold(d.Job.Name, p.open) {
			p.adopt(d.Job.Name)
			p.jobData = &d
			p.curvesGen++
		}
		p.gen++
	case u.Key == logsFeed(p.open) && p.mode == modeLogs:
		p.logs.state = u.State
		if d, ok := u.Data.(backend.LogsData); ok {
			p.logs.receive(d)
		}
	}
	return nil
}

// setRows gives the table the delivered jobs that are in scope.
func (p *Pane) setRows() tea.Cmd {
	if p.data == nil {
		return nil
	}
	rows := scopedRows(p.data.Jobs, p.ctx.InScope)
	p.inScope, p.running = len(rows), 0
	for _, j := range rows {
		if !j.Running() {
			break // running jobs come first
		}
		p.running++
	}
	return p.table.SetRows(rows)
}

func (p *Pane) resize(w, h int) {
	p.width, p.height = max(0, w), max(0, h)
	p.sizeTable()
	p.detail.SetSize(p.width, p.height)
	p.logs.setSize(p.width-logMargin, p.height-1)
}

// sizeTable leaves the last lines for the notes below the list.
func (p *Pane) sizeTable() {
	p.table.SetSize(p.width, max(0, p.height-len(p.notes())))
}

// notes are the lines below the list that say what it does not hold yet:
// older jobs still loading; in a list scoped to a project, older jobs
// whose projects are still being read.
func (p *Pane) notes() []string {
	if p.data == nil {
		return nil
	}
	var out []string
	if p.data.Loading {
		out = append(out, " Loading older jobs… "+kit.Count(int64(len(p.data.Jobs)))+" listed so far.")
	}
	if p.projectsUnread() && p.ctx.Scope != "" {
		out = append(out, " Jobs up to "+kit.Timestamp(p.data.ProjectsUnknownUntil, p.now())+" may be missing: their projects are still being read.")
	}
	return out
}

// projectsUnread reports that the projects of older jobs are still being
// read: their PROJECT says "…", and a list scoped to a project may lack
// some of its older jobs.
func (p *Pane) projectsUnread() bool {
	return p.data != nil && !p.data.ProjectsUnknownUntil.IsZero()
}

// current is the job the keys act on: the one open, or the one under the
// cursor, with the best data at hand.
func (p *Pane) current() (domain.TrainingJob, bool) {
	if p.mode == modeList {
		j, ok := p.table.Selected()
		if !ok {
			return domain.TrainingJob{}, false
		}
		return j.Job(), true
	}
	return p.openJob(), true
}

// openJob is the open job: from its own feed, else from the list, else
// only its name.
func (p *Pane) openJob() domain.TrainingJob {
	if p.jobData != nil && p.jobData.Job.Name == p.open {
		return p.jobData.Job
	}
	if p.data != nil {
		if j, ok := find(p.data.Jobs, p.open); ok {
			return j.Job()
		}
	}
	return domain.TrainingJob{Name: p.open}
}

// ensureDetail rebuilds the detail text when what it shows has changed.
func (p *Pane) ensureDetail() {
	now := p.now()
	key := builtKey{gen: p.gen, second: now.Unix(), width: p.width, st: p.ctx.Styles}
	if key == p.built {
		return
	}
	p.built = key
	in := detailInput{job: p.openJob(), state: p.jobState, now: now, width: p.width, st: p.ctx.Styles}
	if p.jobData != nil && p.jobData.Job.Name == p.open {
		in.loaded, in.curves = true, p.jobData.Curves
		// Curves change only with the job's own feed: the second and the
		// list's deliveries leave them be.
		ck := builtKey{gen: p.curvesGen, width: p.width, st: p.ctx.Styles}
		if ck != p.chartsKey {
			p.charts, p.chartsKey = curveCharts(in.curves, in.st, now.Location(), p.width), ck
		}
		in.charts = p.charts
	}
	text := detailText(in)
	p.lines = strings.Split(text, "\n")
	p.detail.SetContent(text)
}

func (p *Pane) Keys() []kit.Binding {
	if p.ctx == nil {
		return nil
	}
	return p.keymap().Bindings()
}

func (p *Pane) keymap() *kit.KeyMap { return p.keys[p.mode] }

func (p *Pane) Feeds() []backend.FeedKey {
	switch p.mode {
	case modeDetail:
		return []backend.FeedKey{listFeed, jobFeed(p.open)}
	case modeLogs:
		return []backend.FeedKey{listFeed, jobFeed(p.open), logsFeed(p.open)}
	}
	return []backend.FeedKey{listFeed}
}

func (p *Pane) Crumbs() []string {
	switch p.mode {
	case modeDetail:
		return []string{"Training jobs", kit.Sanitize(p.open)}
	case modeLogs:
		return []string{"Training jobs", kit.Sanitize(p.open), "Logs"}
	}
	return []string{"Training jobs"}
}

func (p *Pane) Info() string {
	if p.ctx == nil || p.data == nil || p.mode != modeList {
		return ""
	}
	shown := p.table.Len()
	info := kit.Count(int64(p.inScope)) + " jobs"
	if shown != p.inScope {
		info = kit.Count(int64(shown)) + " of " + info
	}
	if p.running > 0 {
		info += " · " + strconv.Itoa(p.running) + " running"
	}
	if s := p.table.SortInfo(); s != "" {
		info += " · sort " + s
	}
	if p.table.Pending() {
		info += " · working…"
	}
	if p.data.Loading {
		info += " · loading older jobs…"
	}
	if p.projectsUnread() { // a scope or a filter on the project may miss older jobs
		info += " · reading older jobs' projects…"
	}
	if p.state.Stale && !p.state.LastSuccess.IsZero() {
		info += " · stale " + kit.ShortDuration(p.ctx.FeedAge(p.state))
	}
	return info
}

func (p *Pane) Capturing() bool { return false }

// Filter is the list's filter, or in the logs the search; a detail has
// none.
func (p *Pane) Filter() (string, bool) {
	switch {
	case p.ctx == nil:
		return "", false
	case p.mode == modeLogs:
		return p.logs.query, true
	case p.mode == modeList:
		return p.table.Filter(), p.data != nil
	}
	return "", false
}
