package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// swapState is the shell's side of :profile and :region, which move the
// whole session to another account or region, as k9s switches contexts.
type swapState struct {
	// owned is true when the service came from Options.Reconnect: the
	// shell then closes it when it is done with it.
	owned bool
	// pending is what is being connected to, "" when nothing is.
	pending string
}

// reconnectedMsg is Options.Reconnect's answer.
type reconnectedMsg struct {
	what string // "profile on-call", "region eu-west-1"
	svc  backend.Service
	err  error
}

// reconnect asks cmd for a service on another profile or region, away
// from the update loop (it resolves credentials and asks STS who we are).
func (m *model) reconnect(profile, region string) tea.Cmd {
	what := "profile " + profile
	if profile == "" {
		what = "region " + region
	}
	switch {
	case m.opts.Reconnect == nil:
		return m.notify(kit.LevelWarn, "Switching profile or region is not available in this session.")
	case m.swap.pending != "":
		return m.notify(kit.LevelWarn, "Still connecting to "+m.swap.pending+"; wait for it first.")
	}
	m.swap.pending = what
	ctx, fn := m.ctx.Ctx, m.opts.Reconnect
	return tea.Batch(m.notify(kit.LevelInfo, "Connecting to "+what+"…"), func() tea.Msg {
		svc, err := fn(ctx, profile, region)
		return reconnectedMsg{what: what, svc: svc, err: err}
	})
}

// reconnected swaps the session onto the new service: the old one's feeds
// are unsubscribed (and it is closed if the shell owns it), every pane is
// built afresh (their data was the old account's), and the visible pane's
// feeds are subscribed on the new service. On error nothing changes.
func (m *model) reconnected(msg reconnectedMsg) tea.Cmd {
	m.swap.pending = ""
	if msg.err != nil || msg.svc == nil {
		why := "no service"
		if msg.err != nil {
			why = msg.err.Error()
		}
		return m.notify(kit.LevelError, "Still on "+m.where()+": could not switch to "+msg.what+": "+why)
	}
	m.feeds.closeAll()
	m.releaseService()
	m.svc, m.swap.owned = msg.svc, true
	m.feeds = newFeedSet(msg.svc)
	id := msg.svc.Identity()
	id.ReadOnly = id.ReadOnly || m.opts.ReadOnly
	m.ctx.Service, m.ctx.Identity = msg.svc, id
	m.projects = nil
	scope := m.ctx.Scope
	m.ctx.Scope = ""
	m.calls = msg.svc.Calls()

	m.slots = buildSlots(m.opts)
	m.feeds.want(background, m.backgroundFeeds())
	cmds := []tea.Cmd{m.show(m.active)}
	if m.deps.live {
		cmds = append(cmds, waitForUpdate(m.ctx.Ctx, msg.svc.Updates()))
	}
	text := "Now on " + m.where() + "."
	if scope != "" {
		text += " The project scope " + scope + " was cleared."
	}
	return tea.Batch(append(cmds, m.notify(kit.LevelInfo, text))...)
}

// where is the session's account, region and identity in words.
func (m *model) where() string {
	id := m.ctx.Identity
	parts := []string{}
	if id.Profile != "" {
		parts = append(parts, "profile "+id.Profile)
	}
	if id.Region != "" {
		parts = append(parts, id.Region)
	}
	if id.Account != "" {
		parts = append(parts, "account "+id.Account)
	}
	if id.Principal != "" {
		parts = append(parts, "as "+id.Principal)
	}
	if len(parts) == 0 {
		return "the current connection"
	}
	return strings.Join(parts, ", ")
}

// releaseService closes the service if the shell made it (through
// Reconnect); the one Run was given is its caller's to close.
func (m *model) releaseService() {
	if m.swap.owned {
		m.svc.Close()
		m.swap.owned = false
	}
}
