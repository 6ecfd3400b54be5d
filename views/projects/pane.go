package projects

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
)

// feed is the one feed this pane reads.
var feed = backend.FeedKey{Kind: backend.FeedProjects}

// Pane is the Projects pane.
type Pane struct {
	ctx *kit.Context

	data     *backend.ProjectsData
	state    backend.FeedState
	projects *table.Model[domain.Project]
	domains  *table.Model[domainRow]
	// showDomains lists Studio domains instead of projects.
	showDomains bool
	// open is the name (or domain id) of the item shown in detail, "" in
	// the list.
	open   string
	detail *scroll.Model

	keys          [3]*kit.KeyMap // projects list, domains list, detail
	width, height int
}

var _ kit.Pane = (*Pane)(nil)

// New makes the pane; Init wires it to the shell's Context.
func New() *Pane { return &Pane{} }

func (p *Pane) ID() kit.PaneID { return kit.PaneProjects }
func (p *Pane) Title() string  { return "Projects" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	p.projects = table.New(ctx.Ctx, kit.PaneProjects, "projects", projectColumns(func() string { return p.ctx.Scope }, p.loading),
		table.WithKey(func(pr domain.Project) string { return pr.Name }),
		table.WithEmpty[domain.Project]("No SageMaker projects in this region. Projects are made from MLOps templates in SageMaker Studio."))
	p.domains = table.New(ctx.Ctx, kit.PaneProjects, "domains", domainColumns(),
		table.WithKey(func(d domainRow) string { return d.ID }),
		table.WithEmpty[domainRow]("No SageMaker Studio domains in this region."))
	p.detail = scroll.New("Detail")
	p.keys[0], p.keys[1], p.keys[2] = p.bindings()
	ctx.ReadyKeys(p.keys[:]...)
	p.resize(ctx.Width, ctx.Height)
	return nil
}

func (p *Pane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case kit.FeedMsg:
		return p, p.receive(msg.Update)
	case kit.FilterMsg:
		if p.open != "" {
			return p, nil
		}
		return p, p.list().SetFilter(msg.Text)
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg, kit.ThemeMsg:
		p.refreshDetail()
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.keys[:]...)
	case tea.KeyMsg:
		cmd, _ := p.keymap().Handle(msg)
		return p, cmd
	case tea.MouseMsg:
		if p.open != "" {
			cmd, _ := p.detail.Update(msg)
			return p, cmd
		}
		cmd, _ := p.list().Update(msg)
		return p, cmd
	case kit.Routed:
		if msg.RouteTo() == kit.PaneProjects {
			if cmd, ok := p.projects.Update(msg); ok {
				return p, cmd
			}
			cmd, _ := p.domains.Update(msg)
			return p, cmd
		}
	}
	return p, nil
}

// list is the table the list view shows now.
type lister interface {
	SetFilter(string) tea.Cmd
	Update(tea.Msg) (tea.Cmd, bool)
	Filter() string
}

func (p *Pane) list() lister {
	if p.showDomains {
		return p.domains
	}
	return p.projects
}

func (p *Pane) receive(u backend.Update) tea.Cmd {
	if u.Key != feed {
		return nil
	}
	p.state = u.State
	data, ok := u.Data.(backend.ProjectsData)
	if !ok {
		return nil
	}
	p.data = &data
	c1 := p.projects.SetRows(data.Projects)
	c2 := p.domains.SetRows(domainRows(data.Domains, data.Users, data.Apps))
	p.refreshDetail()
	return tea.Batch(c1, c2)
}

func (p *Pane) resize(w, h int) {
	p.width, p.height = w, h
	p.projects.SetSize(w, h)
	p.domains.SetSize(w, h)
	p.detail.SetSize(w, h)
	p.refreshDetail()
}

// refreshDetail rebuilds the detail text from the latest data.
func (p *Pane) refreshDetail() {
	if p.open == "" || p.data == nil || p.ctx == nil {
		return
	}
	now := p.ctx.Now()
	if p.showDomains {
		for _, d := range domainRows(p.data.Domains, p.data.Users, p.data.Apps) {
			if d.ID == p.open {
				p.detail.SetContent(domainDetail(d, *p.data, p.ctx.Styles, now, p.width))
				return
			}
		}
	} else {
		for _, pr := range p.data.Projects {
			if pr.Name == p.open {
				p.detail.SetContent(projectDetail(pr, *p.data, p.ctx.Styles, now, p.width))
				return
			}
		}
	}
	p.detail.SetContent(p.ctx.Styles.Muted.Render("It is gone: " + kit.Sanitize(p.open) + " is no longer in the list. esc goes back."))
}

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	st := p.ctx.Styles
	switch {
	case p.open != "":
		return kit.FitLines(p.detail.View(), width, height)
	case p.data == nil:
		return kit.FitLines(p.placeholder(), width, height)
	case p.showDomains:
		return kit.FitLines(p.domains.View(st), width, height)
	}
	return kit.FitLines(p.projects.View(st), width, height)
}

// placeholder says why there is no list yet: loading, or the error.
func (p *Pane) placeholder() string {
	return kit.Awaiting{Denied: "AWS denied access to the projects:", Failed: "Could not load projects:",
		Loading: "Loading projects and Studio domains…"}.View(p.ctx.Styles, p.state, p.width)
}

func (p *Pane) Keys() []kit.Binding {
	if p.ctx == nil {
		return nil
	}
	return p.keymap().Bindings()
}

func (p *Pane) keymap() *kit.KeyMap {
	switch {
	case p.open != "":
		return p.keys[2]
	case p.showDomains:
		return p.keys[1]
	}
	return p.keys[0]
}

func (p *Pane) Feeds() []backend.FeedKey { return []backend.FeedKey{feed} }

func (p *Pane) Crumbs() []string {
	root := "Projects"
	if p.showDomains {
		root = "Studio domains"
	}
	if p.open == "" {
		return []string{root}
	}
	name := p.open
	if p.showDomains && p.data != nil {
		for _, d := range p.data.Domains {
			if d.ID == p.open {
				name = d.Name
			}
		}
	}
	return []string{root, kit.Sanitize(name)}
}

func (p *Pane) Info() string {
	if p.ctx == nil || p.data == nil || p.open != "" {
		return ""
	}
	var shown, total int
	var sort, noun string
	if p.showDomains {
		shown, total, sort, noun = p.domains.Len(), p.domains.Total(), p.domains.SortInfo(), "domains"
	} else {
		shown, total, sort, noun = p.projects.Len(), p.projects.Total(), p.projects.SortInfo(), "projects"
	}
	info := fmt.Sprintf("%d %s", total, noun)
	if shown != total {
		info = fmt.Sprintf("%d of %d %s", shown, total, noun)
	}
	if sort != "" {
		info += " · sort " + sort
	}
	if p.loading() && !p.showDomains {
		info += " · reading members and usage…"
	}
	return info
}

// loading reports that the projects are listed but their members, usage
// and findings are not read yet (the first poll's early delivery).
func (p *Pane) loading() bool { return p.data != nil && p.data.Loading }

func (p *Pane) Capturing() bool { return false }

func (p *Pane) Filter() (string, bool) {
	if p.ctx == nil || p.open != "" || p.data == nil {
		return "", false
	}
	return p.list().Filter(), true
}
