package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// placeholder is a pane that is not built yet. It says so plainly, and
// what it will show, and subscribes to nothing.
type placeholder struct {
	id    kit.PaneID
	title string
	blurb string
	ctx   *kit.Context
}

func placeholderFor(id kit.PaneID, title, blurb string) func() kit.Pane {
	return func() kit.Pane { return &placeholder{id: id, title: title, blurb: blurb} }
}

func (p *placeholder) ID() kit.PaneID                     { return p.id }
func (p *placeholder) Title() string                      { return p.title }
func (p *placeholder) Init(ctx *kit.Context) tea.Cmd      { p.ctx = ctx; return nil }
func (p *placeholder) Update(tea.Msg) (kit.Pane, tea.Cmd) { return p, nil }
func (p *placeholder) Keys() []kit.Binding                { return nil }
func (p *placeholder) Feeds() []backend.FeedKey           { return nil }
func (p *placeholder) Crumbs() []string                   { return []string{p.title} }
func (p *placeholder) Info() string                       { return "not available yet" }
func (p *placeholder) Capturing() bool                    { return false }
func (p *placeholder) Filter() (string, bool)             { return "", false }

func (p *placeholder) View(width, height int) string {
	st := p.ctx.Styles
	w := max(10, min(width, 76)-2)
	var b strings.Builder
	b.WriteString("\n ")
	b.WriteString(st.Bold.Render(p.title + " is not available yet in this version of agdash."))
	b.WriteString("\n\n")
	for _, l := range strings.Split(ansi.Wrap("When it is, it will show: "+p.blurb, w, " "), "\n") {
		b.WriteString(" " + st.Muted.Render(l) + "\n")
	}
	b.WriteString("\n ")
	b.WriteString(st.Muted.Render("Press 1 for Projects, or : for commands."))
	return kit.FitLines(b.String(), width, height)
}
