package ui

import (
	"context"
	"io"
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// deps are the shell's ties to real time, swapped out in tests so that
// they are driven by messages and never sleep.
type deps struct {
	// tick schedules a message after d (tea.Tick); nil schedules nothing.
	tick func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd
	// live pumps the service's updates and animates the spinner.
	live bool
	// bell is where the terminal bell is written; nil rings nothing.
	bell io.Writer
	// clipboard is where OSC 52 copies are written; nil copies nothing.
	clipboard io.Writer
	// getenv reads the environment (tmux, SSH, DISPLAY); nil reads nothing.
	getenv func(string) string
	// browser opens a URL in the user's web browser; nil when there is
	// none (an SSH session without a display), and URLs are shown instead.
	browser func(ctx context.Context, url string) error
	// pollNow is the clock the backend stamps feed states on (the wall
	// clock); nil measures feed ages on the service's clock.
	pollNow func() time.Time
}

// slot is one pane in tab order.
type slot struct {
	spec   paneSpec
	pane   kit.Pane
	inited bool
}

// model is the root model. It routes; each concern lives in its own file.
type model struct {
	ctx      *kit.Context
	svc      backend.Service
	opts     Options
	renderer *lipgloss.Renderer
	noColor  bool
	deps     deps

	slots  []*slot
	active int
	feeds  *feedSet

	globalKeys *kit.KeyMap
	quitKeys   *kit.KeyMap
	promptMap  *kit.KeyMap
	helpMap    *kit.KeyMap
	prompt     *prompt
	help       bool
	helpTop    int // the help overlay's first line shown, when it scrolls
	confirm    *confirmState
	notes      notes

	swap  swapState
	creds credentialsState
	// crashed are the feeds a bug broke that the user was told of.
	crashed map[backend.FeedKey]bool

	spin     spinner.Model
	spinning bool
	calls    backend.CallStats
	projects []string // names, for :project completion

	width, height int
}

// newModel builds the shell for svc. styles are already built for the
// output; renderer rebuilds them on :theme.
func newModel(ctx context.Context, svc backend.Service, opts Options, renderer *lipgloss.Renderer, styles *themes.Styles, d deps) (*model, error) {
	id := svc.Identity()
	id.ReadOnly = id.ReadOnly || opts.ReadOnly
	m := &model{
		ctx: &kit.Context{Ctx: ctx, Service: svc, Identity: id, Styles: styles, Scope: opts.Project, KeyOverrides: opts.KeyOverrides,
			PollNow: d.pollNow},
		svc:      svc,
		opts:     opts,
		renderer: renderer,
		noColor:  styles.NoColor,
		deps:     d,
		feeds:    newFeedSet(svc),
		spin:     spinner.New(spinner.WithSpinner(spinner.MiniDot)),
	}
	m.slots = buildSlots(opts)
	if opts.Pane != "" {
		i := m.slotByCommand(opts.Pane)
		if i < 0 {
			return nil, CheckPane(opts.Pane)
		}
		m.active = i
	}
	m.globalKeys, m.quitKeys = m.bindings()
	m.promptMap, m.helpMap = m.promptKeys(), m.helpKeys()
	for _, km := range []*kit.KeyMap{m.globalKeys, m.quitKeys, m.promptMap, m.helpMap} {
		km.Apply(opts.KeyOverrides)
	}
	return m, nil
}

func (m *model) slotByCommand(name string) int {
	for i, s := range m.slots {
		if slices.Contains(s.spec.commands, name) || string(s.spec.id) == name {
			return i
		}
	}
	return -1
}

func (m *model) activePane() kit.Pane { return m.slots[m.active].pane }

func (m *model) Init() tea.Cmd {
	m.feeds.want(background, m.backgroundFeeds())
	cmds := []tea.Cmd{m.show(m.active), m.scheduleClock(), m.notices()}
	if m.deps.live {
		cmds = append(cmds, waitForUpdate(m.ctx.Ctx, m.svc.Updates()))
	}
	return tea.Batch(cmds...)
}

// clockMsg redraws ages and polls the service's feed states and counts.
type clockMsg struct{}

func (m *model) scheduleClock() tea.Cmd {
	if m.deps.tick == nil {
		return nil
	}
	return m.deps.tick(time.Second, func(time.Time) tea.Msg { return clockMsg{} })
}

func (m *model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m, m.resize(msg.Width, msg.Height)
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	case updateMsg:
		return m, m.receive(msg.u)
	case liveUpdateMsg:
		if msg.from != m.svc.Updates() {
			return m, nil // from a service :profile or :region replaced
		}
		return m, m.receive(msg.u)
	case updatesClosedMsg:
		return m, nil
	case reconnectedMsg:
		return m, m.reconnected(msg)
	case credentialsReloadedMsg:
		return m, m.credentialsReloaded(msg)
	case clockMsg:
		return m, m.clock()
	case spinner.TickMsg:
		return m, m.spinTick(msg)
	case kit.NotifyMsg:
		return m, m.notify(msg.Level, msg.Text)
	case noteExpiredMsg:
		m.notes.expire(msg.id)
		return m, nil
	case kit.ConfirmMsg:
		return m, m.openConfirm(msg)
	case actionDoneMsg:
		return m, m.actionDone(msg)
	case kit.ScopeRequestMsg:
		return m, m.setScope(msg.Project)
	case kit.BellMsg:
		return m, m.ring()
	case kit.CopyMsg:
		return m, m.copyText(msg)
	case kit.NavigateMsg:
		if i := m.slotByCommand(string(msg.Pane)); i >= 0 {
			shown := m.show(i)
			if msg.Arg == "" {
				return m, shown
			}
			return m, tea.Batch(shown, m.toSlot(i, msg)) // the pane opens what it names
		}
		return m, nil
	case kit.Routed:
		return m, m.route(msg.RouteTo(), msg)
	}
	return m, m.toActive(msg)
}

// toActive hands a message to the visible pane and follows any change in
// the feeds it wants.
func (m *model) toActive(msg tea.Msg) tea.Cmd {
	return m.toSlot(m.active, msg)
}

func (m *model) toSlot(i int, msg tea.Msg) tea.Cmd {
	s := m.slots[i]
	if !s.inited {
		return nil
	}
	next, cmd := s.pane.Update(msg)
	if next != nil {
		s.pane = next
	}
	if i == m.active {
		return tea.Batch(cmd, m.syncFeeds())
	}
	return cmd
}

// route delivers a message addressed to a pane, visible or not.
func (m *model) route(id kit.PaneID, msg tea.Msg) tea.Cmd {
	for i, s := range m.slots {
		if s.spec.id == id {
			return m.toSlot(i, msg)
		}
	}
	return nil
}

// show makes slot i the visible pane: its feeds are subscribed (and the
// previous pane's dropped), it is initialised on first show, and it gets
// any data already at hand.
func (m *model) show(i int) tea.Cmd {
	if i < 0 || i >= len(m.slots) {
		return nil
	}
	if i != m.active {
		m.feeds.want(holder(m.slots[m.active].spec.id), nil)
	}
	m.active = i
	m.help = false
	if m.prompt != nil && m.prompt.mode == promptFilter {
		m.prompt = nil
	}
	return tea.Batch(m.initSlot(i), m.syncFeeds())
}

// initSlot initialises slot i's pane the first time it is needed: when
// shown, or when an alert feed reaches it while hidden.
func (m *model) initSlot(i int) tea.Cmd {
	s := m.slots[i]
	if s.inited {
		return nil
	}
	m.ctx.Width, m.ctx.Height = m.bodySize()
	cmd := s.pane.Init(m.ctx)
	s.inited = true
	return cmd
}

// syncFeeds subscribes what the visible pane wants now, and replays the
// last data of any feed it newly holds.
func (m *model) syncFeeds() tea.Cmd {
	s := m.slots[m.active]
	if !s.inited {
		return nil
	}
	added := m.feeds.want(holder(s.spec.id), s.pane.Feeds())
	var cmds []tea.Cmd
	for _, key := range added {
		if u, ok := m.feeds.cached(key); ok {
			next, cmd := s.pane.Update(kit.FeedMsg{Update: u})
			if next != nil {
				s.pane = next
			}
			cmds = append(cmds, cmd)
		}
	}
	return tea.Batch(append(cmds, m.startSpinner())...)
}

// receive routes a service update to the panes holding its feed.
func (m *model) receive(u backend.Update) tea.Cmd {
	u = m.feeds.record(u)
	if d, ok := u.Data.(backend.ProjectsData); ok {
		m.projects = m.projects[:0]
		for _, p := range d.Projects {
			m.projects = append(m.projects, p.Name)
		}
	}
	var cmds []tea.Cmd
	holders := m.feeds.holders(u.Key)
	for _, h := range holders {
		for i, s := range m.slots {
			if holder(s.spec.id) == h {
				cmds = append(cmds, m.toSlot(i, kit.FeedMsg{Update: u}))
			}
		}
	}
	cmds = append(cmds, m.alert(u, holders), m.crashNotice(u), m.startSpinner(), m.relayout()) // the credentials banner takes a row
	if m.deps.live {
		cmds = append(cmds, waitForUpdate(m.ctx.Ctx, m.svc.Updates()))
	}
	return tea.Batch(cmds...)
}

func (m *model) clock() tea.Cmd {
	m.feeds.refreshStates()
	m.calls = m.svc.Calls()
	return tea.Batch(m.startSpinner(), m.relayout(), m.scheduleClock())
}

// broadcast sends msg to every initialised pane.
func (m *model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i := range m.slots {
		cmds = append(cmds, m.toSlot(i, msg))
	}
	return tea.Batch(cmds...)
}

// setScope narrows every pane to a project ("" clears).
func (m *model) setScope(project string) tea.Cmd {
	m.ctx.Scope = project
	text := "Scoped every pane to project " + kit.Sanitize(project) + " (:project - clears)."
	if project == "" {
		text = "Scope cleared: every project is shown."
	}
	return tea.Batch(m.broadcast(kit.ScopeMsg{Project: project}), m.notify(kit.LevelInfo, text))
}

// setTheme rebuilds the styles and tells the panes.
func (m *model) setTheme(name string) tea.Cmd {
	if m.noColor {
		return m.notify(kit.LevelWarn, "NO_COLOR is set, so colours stay off whatever the theme.")
	}
	st, err := themes.New(name, m.renderer, false)
	if err != nil {
		return m.notify(kit.LevelError, err.Error())
	}
	m.ctx.Styles = st
	return tea.Batch(m.broadcast(kit.ThemeMsg{}), m.notify(kit.LevelInfo, "Theme "+name+"."))
}

func (m *model) View() string { return m.view() }
