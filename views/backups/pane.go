package backups

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
)

// The feeds this pane reads; recovery points are per file system.
var (
	fsFeed   = backend.FeedKey{Kind: backend.FeedFileSystems}
	jobsFeed = backend.FeedKey{Kind: backend.FeedRestoreJobs}
)

func pointsFeed(fsID string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedRecoveryPoints, Arg: fsID}
}

// screen is what the pane shows.
type screen int

const (
	screenFileSystems screen = iota
	screenPoints             // one file system's recovery points
	screenJobs               // restore jobs
	screenRestore            // the restore flow (see restoreFlow.step)
	screenCount
)

// Pane is the Backups pane.
type Pane struct {
	ctx  *kit.Context
	opts options

	screen screen
	// open is the file system whose timeline is shown.
	open string
	// pendingOpen is a file system or job a navigation asked for before
	// the data that names it arrived.
	pendingOpen string
	// jobsBack is where esc leaves the restore jobs list for.
	jobsBack screen

	fsData   *backend.FileSystemsData
	jobs     *backend.RestoreJobsData
	jobRows  []jobRow                              // the jobs in scope, joined with their file systems
	points   map[string]backend.RecoveryPointsData // by file system id
	states   map[backend.FeedKey]backend.FeedState
	index    *jobIndex
	scopeMap bool // false when the scope names a project no domain maps to

	fsTable    *table.Model[fsRow]
	pointTable *table.Model[domain.RecoveryPoint]
	jobTable   *table.Model[jobRow]

	flow *restoreFlow
	// review scrolls the request under review, which can be longer than
	// a small terminal.
	review *scroll.Model

	// followed is the restore job started here, highlighted and reported
	// on when it ends; selectJob is a job to put the cursor on once the
	// list has it.
	followed  string
	selectJob string
	reported  map[string]bool // followed jobs whose end was announced

	keys          [screenCount]*kit.KeyMap
	width, height int
	// newToken makes each restore form's IdempotencyToken.
	newToken func() string
}

var _ kit.Pane = (*Pane)(nil)

// New makes the pane; Init wires it to the shell's Context.
func New(opts ...Option) *Pane {
	p := &Pane{points: map[string]backend.RecoveryPointsData{}, states: map[backend.FeedKey]backend.FeedState{},
		index: newJobIndex(), reported: map[string]bool{}, scopeMap: true, newToken: newToken}
	for _, o := range opts {
		o(&p.opts)
	}
	return p
}

func (p *Pane) ID() kit.PaneID { return kit.PaneBackups }
func (p *Pane) Title() string  { return "Backups" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	now := ctx.Now
	p.fsTable = table.New(ctx.Ctx, kit.PaneBackups, "file-systems", fsColumns(now),
		table.WithKey(func(f fsRow) string { return f.ID }),
		table.WithEmpty[fsRow]("No EFS file systems in this region. Studio domains keep their users' home directories on one."))
	p.pointTable = table.New(ctx.Ctx, kit.PaneBackups, "points", pointColumns(now),
		table.WithKey(func(r domain.RecoveryPoint) string { return r.ARN }),
		table.WithEmpty[domain.RecoveryPoint]("No recovery points: AWS Backup has not backed this file system up (is it in a backup plan?)."))
	p.jobTable = table.New(ctx.Ctx, kit.PaneBackups, "jobs", jobColumns(now, func() string { return p.followed }),
		table.WithKey(func(j jobRow) string { return j.ID }),
		table.WithEmpty[jobRow]("No restore jobs in the last 30 days."))
	p.review = scroll.New("Review")
	p.keys[screenFileSystems], p.keys[screenPoints], p.keys[screenJobs] = p.listKeys()
	ctx.ReadyKeys(p.keys[:]...)
	p.resize(ctx.Width, ctx.Height)
	return nil
}

// keyMaps are the lists' key maps and, during a restore, its steps'.
func (p *Pane) keyMaps() []*kit.KeyMap {
	maps := p.keys[:]
	if p.flow != nil {
		maps = append(maps[:len(maps):len(maps)], p.flow.keys[:]...)
	}
	return maps
}

func (p *Pane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	if p.ctx == nil {
		return p, nil
	}
	cmd := p.update(msg)
	p.layout()
	return p, cmd
}

func (p *Pane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case kit.FeedMsg:
		return p.receive(msg.Update)
	case kit.FilterMsg:
		if t := p.activeTable(); t != nil {
			return t.SetFilter(msg.Text)
		}
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg:
		return p.rebuildRows()
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.keyMaps()...)
	case kit.ActionDoneMsg:
		return p.actionDone(msg)
	case kit.NavigateMsg:
		if msg.Pane == kit.PaneBackups {
			return p.Open(msg.Arg)
		}
	case tea.KeyMsg:
		return p.key(msg)
	case tea.MouseMsg:
		return p.mouse(msg)
	case kit.Routed:
		if msg.RouteTo() != kit.PaneBackups {
			return nil
		}
		for _, t := range p.tables() {
			if cmd, ok := t.Update(msg); ok {
				return cmd
			}
		}
	}
	return nil
}

// updater is what the pane asks of each of its tables.
type updater interface {
	Update(tea.Msg) (tea.Cmd, bool)
	SetFilter(string) tea.Cmd
	Filter() string
}

func (p *Pane) tables() []updater {
	out := []updater{p.fsTable, p.pointTable, p.jobTable}
	if p.flow != nil {
		out = append(out, p.flow.users)
	}
	return out
}

// activeTable is the list on screen, nil when there is none.
func (p *Pane) activeTable() updater {
	switch p.screen {
	case screenFileSystems:
		return p.fsTable
	case screenPoints:
		return p.pointTable
	case screenJobs:
		return p.jobTable
	case screenRestore:
		if p.flow.step == stepUser {
			return p.flow.users
		}
	}
	return nil
}

func (p *Pane) receive(u backend.Update) tea.Cmd {
	p.states[u.Key] = u.State
	switch d := u.Data.(type) {
	case backend.FileSystemsData:
		p.fsData = &d
		p.index.addFileSystems(d.FileSystems)
		return tea.Batch(p.rebuildRows(), p.resolvePending())
	case backend.RecoveryPointsData:
		if u.Key.Kind != backend.FeedRecoveryPoints {
			return nil
		}
		p.points[u.Key.Arg] = d
		p.index.addPoints(u.Key.Arg, d.Points)
		if f := p.flow; f != nil && f.step == stepForm && f.fs.ID == u.Key.Arg {
			// The point field was checked against what was known then.
			msg := ""
			if _, err := resolvePoint(d.Points, f.form.Value("point"), p.ctx.Now()); err != nil {
				msg = err.Error()
			}
			f.form.SetErrors(map[string]string{"point": msg})
		}
		var cmds []tea.Cmd
		if u.Key.Arg == p.open {
			cmds = append(cmds, p.pointTable.SetRows(d.Points))
		}
		return tea.Batch(append(cmds, p.rebuildJobs())...)
	case backend.RestoreJobsData:
		p.jobs = &d
		return tea.Batch(p.rebuildJobs(), p.resolvePending(), p.announce())
	}
	return nil
}

// rebuildRows refreshes the lists from the data and the scope.
func (p *Pane) rebuildRows() tea.Cmd {
	if p.fsData == nil {
		return p.rebuildJobs()
	}
	rows, mapped := fsRows(*p.fsData, p.ctx.Scope)
	p.scopeMap = mapped
	return tea.Batch(p.fsTable.SetRows(rows), p.rebuildJobs())
}

func (p *Pane) rebuildJobs() tea.Cmd {
	if p.jobs == nil {
		return nil
	}
	var inScope map[string]bool
	if p.ctx.Scope != "" && p.scopeMap && p.fsData != nil {
		inScope = map[string]bool{}
		rows, _ := fsRows(*p.fsData, p.ctx.Scope)
		for _, r := range rows {
			inScope[r.ID] = true
		}
	}
	p.jobRows = p.index.rows(p.jobs.Jobs, inScope)
	cmd := p.jobTable.SetRows(p.jobRows)
	if p.selectJob != "" && selectWhere(p.jobTable, func(j jobRow) bool { return j.ID == p.selectJob }) {
		p.selectJob = ""
	}
	return cmd
}

// selectWhere puts the table's cursor on the first shown row that pred
// accepts.
func selectWhere[T any](t *table.Model[T], pred func(T) bool) bool {
	for i := range t.Len() {
		t.MoveTo(i)
		if r, ok := t.Selected(); ok && pred(r) {
			return true
		}
	}
	t.MoveTo(0)
	return false
}

// fileSystem finds a file system by id in the latest data.
func (p *Pane) fileSystem(id string) (domain.FileSystem, bool) {
	if p.fsData == nil {
		return domain.FileSystem{}, false
	}
	for _, fs := range p.fsData.FileSystems {
		if fs.ID == id {
			return fs, true
		}
	}
	return domain.FileSystem{}, false
}

func (p *Pane) usersOf(fs domain.FileSystem) []domain.User {
	if p.fsData == nil || fs.DomainID == "" {
		return nil
	}
	return p.fsData.Users[fs.DomainID]
}

func (p *Pane) pointsOf(fsID string) []domain.RecoveryPoint { return p.points[fsID].Points }

func (p *Pane) resize(w, h int) {
	p.width, p.height = w, h
	p.layout()
}

func (p *Pane) Keys() []kit.Binding {
	if p.ctx == nil {
		return nil
	}
	if p.screen == screenRestore && p.flow != nil {
		keys := p.flow.keys[p.flow.step].Bindings()
		if p.flow.step == stepForm {
			keys = append(keys, p.flow.form.Keys()...)
		}
		return keys
	}
	if km := p.keys[p.screen]; km != nil {
		return km.Bindings()
	}
	return nil
}

func (p *Pane) Feeds() []backend.FeedKey {
	keys := []backend.FeedKey{fsFeed, jobsFeed}
	switch {
	case p.screen == screenRestore && p.flow != nil:
		keys = append(keys, pointsFeed(p.flow.fs.ID))
	case p.screen == screenPoints && p.open != "":
		keys = append(keys, pointsFeed(p.open))
	}
	return keys
}

func (p *Pane) Crumbs() []string {
	root := []string{"Backups"}
	switch p.screen {
	case screenPoints:
		fs, _ := p.fileSystem(p.open)
		fs.ID = p.open
		return append(root, kit.Sanitize(fsName(fs)))
	case screenJobs:
		return append(root, "Restore jobs")
	case screenRestore:
		f := p.flow
		out := append(root, kit.Sanitize(fsName(f.fs)), "Restore")
		switch f.step {
		case stepUser:
			return append(out, "choose the user")
		case stepReview:
			return append(out, "review")
		}
		if f.wholeFS {
			return append(out, "whole file system")
		}
		return append(out, kit.Sanitize(f.user.Name))
	}
	return root
}

func (p *Pane) Info() string {
	if p.ctx == nil {
		return ""
	}
	switch p.screen {
	case screenFileSystems:
		if p.fsData == nil {
			return ""
		}
		return countInfo(p.fsTable.Len(), p.fsTable.Total(), "file systems", p.fsTable.SortInfo())
	case screenPoints:
		d, ok := p.points[p.open]
		if !ok {
			return ""
		}
		info := countInfo(p.pointTable.Len(), p.pointTable.Total(), "recovery points", "")
		if len(d.Points) > 0 {
			info += " · newest " + kit.Age(d.Points[0].CreatedAt, p.ctx.Now()) // how fresh, not which day
		}
		return info
	case screenJobs:
		if p.jobs == nil {
			return ""
		}
		info := countInfo(p.jobTable.Len(), p.jobTable.Total(), "restore jobs", p.jobTable.SortInfo())
		if n := p.running(); n > 0 {
			info += fmt.Sprintf(" · %d running", n)
		}
		return info
	case screenRestore:
		if p.flow.step == stepUser {
			return countInfo(p.flow.users.Len(), p.flow.users.Total(), "users", "")
		}
	}
	return ""
}

func countInfo(shown, total int, noun, sort string) string {
	info := fmt.Sprintf("%d %s", total, noun)
	if shown != total {
		info = fmt.Sprintf("%d of %d %s", shown, total, noun)
	}
	if sort != "" {
		info += " · sort " + sort
	}
	return info
}

// running counts the restore jobs in scope that have not finished.
func (p *Pane) running() int {
	n := 0
	for _, j := range p.jobRows {
		if !j.Terminal() {
			n++
		}
	}
	return n
}

// Capturing is true while the restore form takes typed text.
func (p *Pane) Capturing() bool {
	return p.screen == screenRestore && p.flow != nil && p.flow.step == stepForm
}

func (p *Pane) Filter() (string, bool) {
	if p.ctx == nil {
		return "", false
	}
	if t := p.activeTable(); t != nil {
		return t.Filter(), true
	}
	return "", false
}

// fsName is "hdb-analytics fs-0hdb0001", or the id alone.
func fsName(fs domain.FileSystem) string {
	if fs.DomainName == "" {
		return fs.ID
	}
	return fs.DomainName + " " + fs.ID
}
