package endpoints

import (
	"fmt"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
)

// listFeed is every endpoint with metrics, alarms and health.
var listFeed = backend.FeedKey{Kind: backend.FeedEndpoints}

// flashFor is how long a row stays highlighted after its health changed.
const flashFor = 30 * time.Second

// flashDoneMsg ends the highlight of one endpoint's health change.
type flashDoneMsg struct {
	name string
	id   uint64
}

func (flashDoneMsg) RouteTo() kit.PaneID { return kit.PaneEndpoints }

// Pane is the Endpoints pane.
type Pane struct {
	ctx     *kit.Context
	samples Samples
	health  health.Config
	// tick schedules a message (tea.Tick); tests replace it.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd

	data  *backend.EndpointsData
	state backend.FeedState
	cols  []table.Column[row]
	list  *table.Model[row]
	spark sparkMode
	watch watcher

	// open is the endpoint shown in detail, "" in the list.
	open      string
	sec       section
	window    int // index into windows
	one       *backend.EndpointData
	oneState  backend.FeedState
	logs      logBuffer
	logsState backend.FeedState
	detail    *scroll.Model

	// smoke is the smoke test's form or answer, drawn over the pane.
	smoke  *smoke
	answer *scroll.Model

	keys          struct{ list, detail, answer *kit.KeyMap }
	width, height int
}

var _ kit.Pane = (*Pane)(nil)

// Option configures the pane.
type Option func(*Pane)

// WithSamples supplies smoke-test payloads per endpoint (from the config
// file); endpoints without one get the built-in or the generic sample.
func WithSamples(s Samples) Option { return func(p *Pane) { p.samples = s } }

// WithHealth sets the thresholds the path verdict judges by; they should
// be the backend's, so that the verdict and the health reasons agree.
func WithHealth(c health.Config) Option { return func(p *Pane) { p.health = c } }

// WithTick schedules the pane's timers (the end of a row's highlight)
// with tick instead of tea.Tick: a shell driven by virtual time in tests.
func WithTick(tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd) Option {
	return func(p *Pane) { p.tick = tick }
}

// New makes the pane; Init wires it to the shell's Context.
func New(opts ...Option) *Pane {
	p := &Pane{tick: tea.Tick}
	for _, o := range opts {
		o(p)
	}
	return p
}

func (p *Pane) ID() kit.PaneID { return kit.PaneEndpoints }
func (p *Pane) Title() string  { return "Endpoints" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	p.cols = columns(func() sparkMode { return p.spark })
	p.list = table.New(ctx.Ctx, kit.PaneEndpoints, "endpoints", p.cols,
		table.WithKey(func(r row) string { return r.Name }),
		table.WithSort[row](healthCol, true),
		table.WithEmpty[row]("No SageMaker endpoints in this region."))
	p.setSparkTitle()
	p.detail = scroll.New("Detail")
	p.answer = scroll.New("Answer")
	p.keys.list, p.keys.detail, p.keys.answer = p.bindings()
	ctx.ReadyKeys(p.keys.list, p.keys.detail, p.keys.answer)
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
		if p.open == "" && p.smoke == nil {
			return p, p.list.SetFilter(msg.Text)
		}
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg:
		return p, p.setRows()
	case kit.ThemeMsg:
		p.refreshDetail()
		p.refreshAnswer()
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.keys.list, p.keys.detail, p.keys.answer)
	case kit.NavigateMsg:
		if msg.Pane == kit.PaneEndpoints && msg.Arg != "" {
			p.openEndpoint(msg.Arg)
			if msg.View == kit.ViewLogs {
				p.showSection(secLogs)
			}
		}
	case kit.ActionDoneMsg:
		p.actionDone(msg)
	case flashDoneMsg:
		if p.watch.unhighlight(msg.name, msg.id) {
			return p, p.setRows()
		}
	case tea.KeyMsg:
		return p, p.key(msg)
	case tea.MouseMsg:
		return p, p.mouse(msg)
	case kit.Routed:
		if msg.RouteTo() == kit.PaneEndpoints {
			cmd, _ := p.list.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	if p.smoke != nil && p.smoke.form != nil {
		return p.formKey(msg)
	}
	cmd, _ := p.keymap().Handle(msg)
	return cmd
}

func (p *Pane) mouse(msg tea.MouseMsg) tea.Cmd {
	switch {
	case p.smoke != nil && p.smoke.form != nil:
		return nil
	case p.smoke != nil:
		cmd, _ := p.answer.Update(msg)
		return cmd
	case p.open != "":
		if msg.Y == 0 {
			return nil
		}
		msg.Y--
		cmd, _ := p.detail.Update(msg)
		return cmd
	}
	msg.Y -= p.bannerLines()
	cmd, _ := p.list.Update(msg)
	return cmd
}

// receive takes a feed delivery: the list (watched for health changes),
// or the open endpoint's detail or logs.
func (p *Pane) receive(u backend.Update) tea.Cmd {
	switch {
	case u.Key == listFeed:
		p.state = u.State
		data, ok := u.Data.(backend.EndpointsData)
		if !ok {
			p.resize(p.width, p.height) // the stale banner may come or go
			return nil
		}
		p.data = &data
		cmds := []tea.Cmd{p.watchChanges(data.Endpoints)}
		p.resize(p.width, p.height)
		cmds = append(cmds, p.setRows())
		p.refreshDetail()
		return tea.Batch(cmds...)
	case p.open == "" || u.Key.Arg != p.open:
		return nil
	case u.Key.Kind == backend.FeedEndpoint:
		p.oneState = u.State
		if d, ok := u.Data.(backend.EndpointData); ok {
			p.one = &d
		}
		p.refreshDetail()
	case u.Key.Kind == backend.FeedEndpointLogs:
		p.logsState = u.State
		if d, ok := u.Data.(backend.LogsData); ok {
			p.logs.add(d)
		}
		p.refreshDetail()
	}
	return nil
}

// watchChanges highlights the rows whose health changed, says so in the
// status line, and rings the bell when one turned CRIT.
func (p *Pane) watchChanges(eps []domain.Endpoint) tea.Cmd {
	changes := p.watch.observe(eps)
	var shown []change
	var cmds []tea.Cmd
	bell := false
	for _, c := range changes {
		id := p.watch.highlight(c.name)
		name := c.name
		cmds = append(cmds, p.tick(flashFor, func(time.Time) tea.Msg { return flashDoneMsg{name: name, id: id} }))
		if p.ctx.InScope(projectOf(eps, c.name)) {
			shown = append(shown, c)
			bell = bell || c.turnedCrit()
		}
	}
	if len(shown) > 0 {
		level, text := announcement(shown)
		cmds = append(cmds, kit.Notify(level, text))
	}
	if bell {
		cmds = append(cmds, kit.Bell())
	}
	return tea.Batch(cmds...)
}

func projectOf(eps []domain.Endpoint, name string) string {
	for _, e := range eps {
		if e.Name == name {
			return e.Project
		}
	}
	return ""
}

// setRows gives the table the endpoints in scope, with their highlights.
func (p *Pane) setRows() tea.Cmd {
	if p.data == nil {
		return nil
	}
	rows := make([]row, 0, len(p.data.Endpoints))
	for _, e := range p.data.Endpoints {
		if p.ctx.InScope(e.Project) {
			rows = append(rows, row{Endpoint: e, changed: p.watch.highlighted(e.Name)})
		}
	}
	return p.list.SetRows(rows)
}

// endpoint is the open endpoint as best known.
func (p *Pane) endpoint() (domain.Endpoint, bool) { return p.find(p.open) }

// find is the endpoint called name: from the list (whose metrics and
// health are the per-minute ones the list shows), else from the open
// endpoint's detail.
func (p *Pane) find(name string) (domain.Endpoint, bool) {
	if p.data != nil {
		for _, e := range p.data.Endpoints {
			if e.Name == name {
				return e, true
			}
		}
	}
	if p.one != nil && p.one.Endpoint.Name == name {
		return p.one.Endpoint, true
	}
	return domain.Endpoint{}, false
}

func (p *Pane) thresholds(name string) health.Thresholds { return p.health.For(name) }

func (p *Pane) resize(w, h int) {
	p.width, p.height = w, h
	p.list.SetSize(w, max(0, h-p.bannerLines()))
	p.detail.SetSize(w, max(0, h-1))
	p.answer.SetSize(w, h)
	p.refreshDetail()
	p.refreshAnswer()
}

// refreshDetail rebuilds the open section's text from the latest data.
func (p *Pane) refreshDetail() {
	if p.open == "" || p.ctx == nil {
		return
	}
	st, now := p.ctx.Styles, p.ctx.Now()
	e, ok := p.endpoint()
	if !ok {
		switch {
		case p.oneState.Err != "":
			p.detail.SetContent(" " + st.StatusError.Render("Could not read "+kit.Sanitize(p.open)+":") + "\n" + p.wrap(p.oneState.Err))
		default:
			p.detail.SetContent(" " + st.Muted.Render("Loading "+kit.Sanitize(p.open)+"…"))
		}
		return
	}
	switch p.sec {
	case secMetrics:
		p.detail.SetContent(p.metricsText(e))
	case secLogs:
		p.detail.SetContent(logsView(&p.logs, p.logsState, st, now, p.width))
	default:
		var cfg *backend.EndpointConfig
		if p.one != nil {
			cfg = &p.one.Config
		}
		p.detail.SetContent(overview(e, cfg, p.thresholds(e.Name), st, now, p.width))
	}
}

func (p *Pane) metricsText(e domain.Endpoint) string {
	st := p.ctx.Styles
	win := windows[p.window]
	var others []string
	for i, w := range windows {
		if i != p.window {
			others = append(others, windowName(w))
		}
	}
	head := " " + st.Bold.Render("Last "+windowName(win)) + st.Muted.Render("  (w: "+strings.Join(others, ", ")+")")
	switch {
	case p.one == nil && p.oneState.Err != "":
		return head + "\n " + st.StatusError.Render("Could not read the metrics:") + "\n" + p.wrap(p.oneState.Err)
	case p.one == nil:
		return head + "\n " + st.Muted.Render("Loading 24 h of metrics…")
	}
	if p.oneState.Err != "" {
		head += "\n" + p.wrap("Stale: "+p.oneState.Err)
	}
	d := *p.one
	d.Endpoint.Front = e.Front
	end := p.ctx.Now().Truncate(time.Minute)
	from := end.Add(-win)
	return head + "\n" + metricsView(charts(d, win, end), p.width, from, end, end.Location(), st)
}

// wrap indents sanitised text wrapped to the pane.
func (p *Pane) wrap(text string) string {
	return " " + strings.ReplaceAll(ansi.Wrap(kit.Sanitize(text), max(10, p.width-2), " "), "\n", "\n ")
}

func (p *Pane) refreshAnswer() {
	if p.smoke == nil || p.smoke.form != nil || p.ctx == nil {
		return
	}
	p.answer.SetContent(answerView(p.smoke, p.ctx.Styles, p.width))
}

// bannerLines is how many lines the stale-data warning takes above the
// list.
func (p *Pane) bannerLines() int {
	if p.data != nil && p.state.Stale {
		return 1
	}
	return 0
}

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	st := p.ctx.Styles
	switch {
	case p.smoke != nil && p.smoke.form != nil:
		return kit.FitLines(p.formView(), width, height)
	case p.smoke != nil:
		return kit.FitLines(p.answer.View(), width, height)
	case p.open != "":
		return kit.FitLines(sectionBar(p.sec, st, width)+"\n"+p.detail.View(), width, height)
	case p.data == nil:
		return kit.FitLines(p.placeholder(), width, height)
	}
	view := p.list.View(st)
	if p.bannerLines() > 0 {
		view = p.staleBanner(width) + "\n" + view
	}
	return kit.FitLines(view, width, height)
}

// staleBanner warns that the health shown is from the last good poll.
func (p *Pane) staleBanner(width int) string {
	s := p.state
	text := "⚠ Stale: "
	if !s.LastSuccess.IsZero() {
		text += "metrics from " + kit.ShortDuration(p.ctx.FeedAge(s)) + " ago; health may have changed since"
	} else {
		text += "health may have changed since the last poll"
	}
	if s.Err != "" {
		text += " — " + kit.Sanitize(s.Err)
	}
	return p.ctx.Styles.StatusStale.Render(kit.Fit(" "+text, width, kit.AlignLeft))
}

// placeholder says why there is no list yet: loading, or the error.
func (p *Pane) placeholder() string {
	return kit.Awaiting{Denied: "AWS denied access to the endpoints:", Failed: "Could not load the endpoints:",
		Loading: "Loading endpoints, their metrics and alarms…"}.View(p.ctx.Styles, p.state, p.width)
}

func (p *Pane) formView() string {
	st := p.ctx.Styles
	out := p.smoke.form.View(st, max(20, p.width-2))
	return " " + strings.ReplaceAll(out, "\n", "\n ")
}

func (p *Pane) Keys() []kit.Binding {
	if p.ctx == nil {
		return nil
	}
	if p.smoke != nil && p.smoke.form != nil {
		return p.smoke.form.Keys()
	}
	return p.keymap().Bindings()
}

func (p *Pane) keymap() *kit.KeyMap {
	switch {
	case p.smoke != nil:
		return p.keys.answer
	case p.open != "":
		return p.keys.detail
	}
	return p.keys.list
}

// Feeds are the list (always: it is what health changes are watched on),
// and the open endpoint's detail and, on the logs section, its logs.
func (p *Pane) Feeds() []backend.FeedKey {
	keys := []backend.FeedKey{listFeed}
	if p.open != "" {
		keys = append(keys, backend.FeedKey{Kind: backend.FeedEndpoint, Arg: p.open})
		if p.sec == secLogs {
			keys = append(keys, backend.FeedKey{Kind: backend.FeedEndpointLogs, Arg: p.open})
		}
	}
	return keys
}

func (p *Pane) Crumbs() []string {
	crumbs := []string{"Endpoints"}
	switch {
	case p.smoke != nil:
		crumbs = append(crumbs, kit.Sanitize(p.smoke.endpoint), "Smoke test")
	case p.open != "":
		crumbs = append(crumbs, kit.Sanitize(p.open))
		if p.sec != secOverview {
			crumbs = append(crumbs, p.sec.String())
		}
	}
	return crumbs
}

func (p *Pane) Info() string {
	if p.ctx == nil || p.data == nil || p.smoke != nil {
		return ""
	}
	if p.open != "" {
		if p.sec == secMetrics {
			return "last " + windowName(windows[p.window]) + " · w: window"
		}
		return ""
	}
	shown, total := p.list.Len(), p.list.Total()
	info := fmt.Sprintf("%d endpoints", total)
	if shown != total {
		info = fmt.Sprintf("%d of %d endpoints", shown, total)
	}
	var crit, warn int
	for _, e := range p.data.Endpoints {
		if !p.ctx.InScope(e.Project) {
			continue
		}
		switch e.Health.Level {
		case domain.HealthCrit:
			crit++
		case domain.HealthWarn:
			warn++
		}
	}
	if crit > 0 {
		info += fmt.Sprintf(" · %d CRIT", crit)
	}
	if warn > 0 {
		info += fmt.Sprintf(" · %d WARN", warn)
	}
	if s := p.list.SortInfo(); s != "" {
		info += " · sort " + s
	}
	return info
}

func (p *Pane) Capturing() bool { return p.smoke != nil && p.smoke.form != nil }

func (p *Pane) Filter() (string, bool) {
	if p.ctx == nil || p.open != "" || p.smoke != nil || p.data == nil {
		return "", false
	}
	return p.list.Filter(), true
}
