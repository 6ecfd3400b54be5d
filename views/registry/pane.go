package registry

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
)

// mode is which of the pane's views is shown.
type mode int

const (
	modeGroups mode = iota
	modeVersions
	modeCompare
	modeDetail
	modeCount
)

var groupsFeed = backend.FeedKey{Kind: backend.FeedModelGroups}

func versionsFeed(group string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedModelVersions, Arg: group}
}

// Pane is the Registry pane.
type Pane struct {
	ctx  *kit.Context
	mode mode

	groupsData  *backend.ModelGroupsData
	groupsState backend.FeedState
	groups      *table.Model[domain.ModelGroup]

	// group is the open group; versionsData is its latest delivery.
	group         string
	versionsData  *backend.ModelVersionsData
	versionsState backend.FeedState
	versions      *table.Model[versionRow]
	heads         []string     // headline metric columns of the versions table
	marks         map[int]bool // versions marked for comparison

	cmp     *comparison
	cmpBody *scroll.Model
	cmpHead []string // the intro and header lines, drawn above cmpBody

	// detailVersion is the version shown in detail; detailFrom is where
	// esc goes back to.
	detailVersion int
	detailFrom    mode
	detail        *scroll.Model

	approval *approval
	export   *export
	// exporting is the export form while its file is written, to reopen
	// if the path is taken.
	exporting *export

	// last is the outcome of the last approval, shown with its version.
	last *actionNote
	// want is a version to open in detail once the group's versions
	// arrive (after a jump from another pane).
	want int

	keys          [modeCount]*kit.KeyMap
	width, height int
}

var _ kit.Pane = (*Pane)(nil)

// New makes the pane; Init wires it to the shell's Context.
func New() *Pane { return &Pane{marks: map[int]bool{}} }

func (p *Pane) ID() kit.PaneID { return kit.PaneRegistry }
func (p *Pane) Title() string  { return "Registry" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	p.groups = table.New(ctx.Ctx, kit.PaneRegistry, "groups", groupColumns(ctx.Now),
		table.WithKey(func(g domain.ModelGroup) string { return g.Name }),
		table.WithEmpty[domain.ModelGroup]("No model package groups. A project's pipeline creates its group when it first registers a model."))
	p.cmpBody = scroll.New("Comparison")
	p.detail = scroll.New("Version")
	p.buildVersionsTable(nil)
	p.keys[modeGroups], p.keys[modeCompare], p.keys[modeDetail] = p.groupBindings(), p.compareBindings(), p.detailBindings()
	ctx.ReadyKeys(p.keys[:]...)
	p.resize(ctx.Width, ctx.Height)
	return nil
}

// buildVersionsTable makes the versions table for a set of headline
// metric columns, keeping the selected version.
func (p *Pane) buildVersionsTable(heads []string) {
	selected := 0
	if p.versions != nil {
		if v, ok := p.versions.Selected(); ok {
			selected = v.Version
		}
	}
	p.heads = heads
	p.versions = table.New(p.ctx.Ctx, kit.PaneRegistry, "versions", versionColumns(func(n int) bool { return p.marks[n] }, heads, p.ctx.Now),
		table.WithKey(func(v versionRow) string { return strconv.Itoa(v.Version) }),
		table.WithEmpty[versionRow]("No versions registered in this group yet."))
	// Space marks a version here, so it no longer pages down.
	_ = p.versions.Keys().Rebind("table.pagedown", "pgdown", "ctrl+f")
	p.keys[modeVersions] = p.versionBindings()
	p.ctx.ReadyKeys(p.keys[modeVersions])
	if p.versionsData != nil {
		rows, _ := versionRows(p.versionsData.Versions)
		p.versions.SetRows(rows)
		p.selectVersion(selected)
	}
	p.resize(p.width, p.height)
}

func (p *Pane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	if p.ctx == nil {
		return p, nil
	}
	switch msg := msg.(type) {
	case kit.FeedMsg:
		return p, p.receive(msg.Update)
	case kit.FilterMsg:
		return p, p.setFilter(msg.Text)
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg:
		p.setGroupRows()
	case kit.ThemeMsg:
		p.refresh()
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.keys[:]...)
	case tea.KeyMsg:
		return p, p.key(msg)
	case tea.MouseMsg:
		return p, p.mouse(msg)
	case kit.ActionDoneMsg:
		p.actionDone(msg)
	case exportDoneMsg:
		return p, p.exportDone(msg)
	case kit.NavigateMsg:
		if msg.Pane == kit.PaneRegistry && msg.Arg != "" {
			p.arrive(msg.Arg)
			p.resize(p.width, p.height)
		}
	case kit.Routed:
		if msg.RouteTo() == kit.PaneRegistry {
			if cmd, ok := p.groups.Update(msg); ok {
				return p, cmd
			}
			cmd, _ := p.versions.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	switch {
	case p.approval != nil:
		out, cmd := p.approval.form.Update(msg)
		switch out {
		case form.Submitted:
			req := p.approval.request()
			p.approval = nil
			return kit.Confirm(kit.PaneRegistry, req)
		case form.Cancelled:
			p.approval = nil
		}
		return cmd
	case p.export != nil:
		out, cmd := p.export.update(msg)
		switch out {
		case form.Submitted:
			return p.runExport()
		case form.Cancelled:
			p.export = nil
		}
		return cmd
	}
	cmd, _ := p.keys[p.mode].Handle(msg)
	p.resize(p.width, p.height) // marks and results change the footer
	return cmd
}

func (p *Pane) mouse(msg tea.MouseMsg) tea.Cmd {
	if p.approval != nil || p.export != nil {
		return nil
	}
	var cmd tea.Cmd
	switch p.mode {
	case modeGroups:
		cmd, _ = p.groups.Update(msg)
	case modeVersions:
		cmd, _ = p.versions.Update(msg)
	case modeCompare:
		cmd, _ = p.cmpBody.Update(msg)
	case modeDetail:
		cmd, _ = p.detail.Update(msg)
	}
	return cmd
}

func (p *Pane) setFilter(text string) tea.Cmd {
	switch p.mode {
	case modeGroups:
		return p.groups.SetFilter(text)
	case modeVersions:
		return p.versions.SetFilter(text)
	}
	return nil
}

// receive takes a feed delivery for the groups or the open group.
func (p *Pane) receive(u backend.Update) tea.Cmd {
	switch {
	case u.Key == groupsFeed:
		p.groupsState = u.State
		if d, ok := u.Data.(backend.ModelGroupsData); ok {
			p.groupsData = &d
			return p.setGroupRows()
		}
	case u.Key == versionsFeed(p.group) && p.group != "":
		p.versionsState = u.State
		d, ok := u.Data.(backend.ModelVersionsData)
		if !ok {
			return nil
		}
		p.versionsData = &d
		rows, heads := versionRows(d.Versions)
		if !slices.Equal(heads, p.heads) {
			p.buildVersionsTable(heads)
		}
		cmd := p.versions.SetRows(rows)
		p.openWanted()
		p.refresh()
		return cmd
	}
	return nil
}

// setGroupRows shows the groups of the scoped project.
func (p *Pane) setGroupRows() tea.Cmd {
	if p.groupsData == nil {
		return nil
	}
	var rows []domain.ModelGroup
	for _, g := range p.groupsData.Groups {
		if p.ctx.InScope(g.Project) {
			rows = append(rows, g)
		}
	}
	return p.groups.SetRows(rows)
}

// openGroup shows a group's versions.
func (p *Pane) openGroup(name string) {
	if name != p.group {
		p.group = name
		p.versionsData = nil
		p.versionsState = backend.FeedState{}
		p.marks = map[int]bool{}
		p.cmp = nil
		p.buildVersionsTable(nil)
	}
	p.mode = modeVersions
}

// openWanted opens the version a jump asked for, once it has arrived.
func (p *Pane) openWanted() {
	if p.want == 0 || p.versionsData == nil {
		return
	}
	n := p.want
	p.want = 0
	if _, ok := findVersion(p.versionsData.Versions, n); ok {
		p.selectVersion(n)
		p.openDetail(n, modeVersions)
	}
}

func (p *Pane) selectVersion(n int) {
	for i := 0; i < p.versions.Len(); i++ {
		p.versions.MoveTo(i)
		if v, _ := p.versions.Selected(); v.Version == n {
			return
		}
	}
	p.versions.MoveTo(0)
}

func (p *Pane) openDetail(n int, from mode) {
	p.detailVersion, p.detailFrom = n, from
	p.mode = modeDetail
	p.detail.GotoTop()
	p.refresh()
}

func (p *Pane) resize(w, h int) {
	p.width, p.height = w, h
	if p.groups == nil {
		return
	}
	p.groups.SetSize(w, h)
	p.versions.SetSize(w, h-len(p.versionsFooter()))
	p.detail.SetSize(w, h)
	p.refresh()
}

// refresh rebuilds the comparison and detail texts from the latest data,
// styles and size.
func (p *Pane) refresh() {
	if p.ctx == nil || p.versionsData == nil {
		return
	}
	if p.cmp != nil {
		p.cmp = p.cmp.refresh(p.versionsData.Versions)
		p.layoutCompare()
	}
	if p.mode == modeDetail {
		p.refreshDetail()
	}
}

func (p *Pane) layoutCompare() {
	st := p.ctx.Styles
	l := p.cmp.layout(p.width)
	p.cmp.scrollTo(l.visible)
	intro := " " + st.Muted.Render(kit.Truncate(p.cmp.intro(), max(1, p.width-1)))
	p.cmpHead = append([]string{intro}, p.cmp.header(st, l)...)
	p.cmpBody.SetSize(p.width, max(0, p.height-len(p.cmpHead)))
	p.cmpBody.SetContent(p.cmp.body(st, l, p.width))
}

func (p *Pane) refreshDetail() {
	v, ok := findVersion(p.versionsData.Versions, p.detailVersion)
	if !ok {
		p.detail.SetContent(p.ctx.Styles.Muted.Render(" It is gone: " + label(p.detailVersion) + " is no longer in " + kit.Sanitize(p.group) + ". esc goes back."))
		return
	}
	last := ""
	if p.last.about(v.Group, v.Version) {
		last = p.last.line()
	}
	p.detail.SetContent(versionDetail(v, p.versionsData.Group, p.versionsData.Versions, last, p.ctx.Styles, p.ctx.Now(), p.width))
}

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	st := p.ctx.Styles
	switch {
	case p.approval != nil:
		return kit.FitLines(p.formView(p.approval.form), width, height)
	case p.export != nil:
		return kit.FitLines(p.formView(p.export.form), width, height)
	}
	switch p.mode {
	case modeVersions:
		if p.versionsData == nil {
			return kit.FitLines(p.placeholder(p.versionsState, "the versions of "+kit.Sanitize(p.group)), width, height)
		}
		out := p.versions.View(st)
		for _, l := range p.versionsFooter() {
			out += "\n" + l
		}
		return kit.FitLines(out, width, height)
	case modeCompare:
		if p.cmp == nil {
			return kit.FitLines("", width, height)
		}
		return kit.FitLines(strings.Join(p.cmpHead, "\n")+"\n"+p.cmpBody.View(), width, height)
	case modeDetail:
		return kit.FitLines(p.detail.View(), width, height)
	}
	if p.groupsData == nil {
		return kit.FitLines(p.placeholder(p.groupsState, "model package groups"), width, height)
	}
	return kit.FitLines(p.groups.View(st), width, height)
}

// versionsFooter is what is shown under the versions table: the marks and
// the outcome of the last approval in this group.
func (p *Pane) versionsFooter() []string {
	if p.ctx == nil {
		return nil
	}
	st := p.ctx.Styles
	var out []string
	if n := len(p.marks); n > 0 {
		var ls []string
		for _, v := range p.markedVersions() {
			ls = append(ls, label(v))
		}
		out = append(out, " "+st.Accent.Render(markSymbol+" marked: "+strings.Join(ls, " "))+st.Muted.Render(" · c compares them · space unmarks"))
	}
	if p.last != nil && p.last.group == p.group {
		look := st.Status(kit.StatusFamily("completed"))
		if !p.last.ok {
			look = st.StatusError
		}
		// AWS's refusal is the point of the line: wrap it, up to three lines.
		wrapped := strings.Split(ansi.Wrap(p.last.line(), max(10, p.width-2), " "), "\n")
		if len(wrapped) > maxAnswerLines {
			wrapped = append(wrapped[:maxAnswerLines-1], kit.Truncate(strings.Join(wrapped[maxAnswerLines-1:], " "), max(10, p.width-2)))
		}
		for _, l := range wrapped {
			out = append(out, " "+look.Render(l))
		}
	}
	return out
}

// maxAnswerLines bounds the last answer from AWS under the versions list.
const maxAnswerLines = 3

// markedVersions are the marked version numbers, newest first.
func (p *Pane) markedVersions() []int {
	var out []int
	for v := range p.marks {
		out = append(out, v)
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

func (p *Pane) formView(f *form.Form) string {
	w := max(20, min(p.width-2, 100))
	lines := strings.Split(f.View(p.ctx.Styles, w), "\n")
	return "\n " + strings.Join(lines, "\n ")
}

// placeholder says why there is no list yet: loading, or the error.
func (p *Pane) placeholder(s backend.FeedState, what string) string {
	return kit.Awaiting{Denied: "AWS denied access to " + what + ":", Failed: "Could not load " + what + ":",
		Loading: "Loading " + what + "…"}.View(p.ctx.Styles, s, p.width)
}

func (p *Pane) Keys() []kit.Binding {
	switch {
	case p.ctx == nil:
		return nil
	case p.approval != nil:
		return p.approval.form.Keys()
	case p.export != nil:
		return p.export.form.Keys()
	}
	return p.keys[p.mode].Bindings()
}

func (p *Pane) Feeds() []backend.FeedKey {
	if p.mode == modeGroups || p.group == "" {
		return []backend.FeedKey{groupsFeed}
	}
	return []backend.FeedKey{versionsFeed(p.group)}
}

func (p *Pane) Crumbs() []string {
	out := []string{"Registry"}
	if p.mode == modeGroups {
		return out
	}
	out = append(out, kit.Sanitize(p.group))
	switch p.mode {
	case modeCompare:
		if p.cmp != nil {
			out = append(out, "compare "+strings.Join(p.cmp.labels(), " "))
		}
	case modeDetail:
		out = append(out, label(p.detailVersion))
	}
	switch {
	case p.approval != nil && p.approval.approve:
		out = append(out, "approve "+label(p.approval.version.Version))
	case p.approval != nil:
		out = append(out, "reject "+label(p.approval.version.Version))
	case p.export != nil:
		out = append(out, "export")
	}
	return out
}

func (p *Pane) Info() string {
	if p.ctx == nil {
		return ""
	}
	switch p.mode {
	case modeGroups:
		if p.groupsData == nil {
			return ""
		}
		info := count(p.groups.Len(), p.groups.Total(), "group", "groups")
		if p.ctx.Scope != "" {
			info += " in " + kit.Sanitize(p.ctx.Scope)
		}
		if s := p.groups.SortInfo(); s != "" {
			info += " · sort " + s
		}
		return info
	case modeVersions:
		if p.versionsData == nil {
			return ""
		}
		info := count(p.versions.Len(), p.versions.Total(), "version", "versions")
		if n := len(p.marks); n > 0 {
			info += fmt.Sprintf(" · %d marked", n)
		}
		if s := p.versions.SortInfo(); s != "" {
			info += " · sort " + s
		}
		return info
	case modeCompare:
		if p.cmp == nil {
			return ""
		}
		l := p.cmp.layout(p.width)
		n := len(p.cmp.versions)
		if l.visible >= n {
			return count(n, n, "version", "versions")
		}
		first, last := p.cmp.versions[p.cmp.offset], p.cmp.versions[min(n, p.cmp.offset+l.visible)-1]
		return fmt.Sprintf("%s–%s of %d versions · ←/→ scroll", label(first.Version), label(last.Version), n)
	}
	return ""
}

func count(shown, total int, one, many string) string {
	noun := many
	if total == 1 {
		noun = one
	}
	if shown != total {
		return fmt.Sprintf("%d of %d %s", shown, total, noun)
	}
	return fmt.Sprintf("%d %s", total, noun)
}

func (p *Pane) Capturing() bool { return p.approval != nil || p.export != nil }

func (p *Pane) Filter() (string, bool) {
	if p.ctx == nil || p.Capturing() {
		return "", false
	}
	switch p.mode {
	case modeGroups:
		return p.groups.Filter(), p.groupsData != nil
	case modeVersions:
		return p.versions.Filter(), p.versionsData != nil
	}
	return "", false
}
