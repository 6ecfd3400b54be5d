package projects

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// bindings declares the pane's keys beside what they do: a map for each
// list (with its table's keys) and one for a detail.
func (p *Pane) bindings() (projects, domains, detail *kit.KeyMap) {
	scope := kit.Binding{Name: "projects.scope", Keys: []string{"s"}, Help: "scope all panes to it", Section: "Projects",
		Run: func(tea.KeyMsg) tea.Cmd { return p.scopeSelected() }}
	list := []kit.Binding{
		{Name: "projects.open", Keys: []string{"enter"}, Help: "open details", Section: "Projects",
			Run: func(tea.KeyMsg) tea.Cmd { p.openSelected(); return nil }},
		scope,
		{Name: "projects.domains", Keys: []string{"d"}, Help: "projects / Studio domains", Section: "Projects",
			Run: func(tea.KeyMsg) tea.Cmd { p.showDomains = !p.showDomains; return nil }},
	}
	projects = kit.NewKeyMap(list...)
	projects.Merge(p.projects.Keys())
	domains = kit.NewKeyMap(list...)
	domains.Merge(p.domains.Keys())
	detail = kit.NewKeyMap(
		kit.Binding{Name: "projects.back", Keys: []string{"esc", "backspace"}, Help: "back to the list", Section: "Projects",
			Run: func(tea.KeyMsg) tea.Cmd { p.open = ""; return nil }},
		scope,
	)
	detail.Merge(p.detail.Keys())
	return projects, domains, detail
}

// openSelected shows the selected project (or domain) in detail.
func (p *Pane) openSelected() {
	if p.showDomains {
		if d, ok := p.domains.Selected(); ok {
			p.open = d.ID
		}
	} else if pr, ok := p.projects.Selected(); ok {
		p.open = pr.Name
	}
	if p.open != "" {
		p.detail.GotoTop()
		p.refreshDetail()
	}
}

// scopeSelected asks the shell to scope every pane to the project under
// the cursor (or in detail).
func (p *Pane) scopeSelected() tea.Cmd {
	if p.showDomains {
		return kit.Notify(kit.LevelInfo, "Scoping works on projects: press d to list projects.")
	}
	name := p.open
	if name == "" {
		pr, ok := p.projects.Selected()
		if !ok {
			return nil
		}
		name = pr.Name
	}
	return kit.RequestScope(name)
}
