package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// credentialsTimeout bounds one reload: resolving credentials (an SSO
// token refresh) and asking STS who we are.
const credentialsTimeout = 30 * time.Second

// credentialsReloadedMsg is the service's answer to a reload.
type credentialsReloadedMsg struct {
	svc backend.Service
	id  domain.Identity
	err error
}

// reloadCredentials is ctrl+r while the banner says the credentials
// expired: the backend resolves them again (the user has run aws sso login
// or changed their keys), learns who it is, and every feed polls at once.
// Nothing is dropped meanwhile: the panes keep their last data.
func (m *model) reloadCredentials() tea.Cmd {
	if m.creds.reloading {
		return m.notify(kit.LevelInfo, "Still reloading the AWS credentials…")
	}
	m.creds.reloading = true
	ctx, svc := m.ctx.Ctx, m.svc
	return tea.Batch(m.notify(kit.LevelInfo, "Reloading the AWS credentials…"), func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, credentialsTimeout)
		defer cancel()
		id, err := svc.ReloadIdentity(ctx)
		return credentialsReloadedMsg{svc: svc, id: id, err: err}
	})
}

// credentialsReloaded takes the new identity and refreshes every feed
// held (not only the visible pane's, or a background feed would keep the
// banner up until its back-off ends).
func (m *model) credentialsReloaded(msg credentialsReloadedMsg) tea.Cmd {
	m.creds.reloading = false
	if msg.svc != m.svc {
		return nil // :profile or :region replaced the service meanwhile
	}
	if msg.err != nil {
		return m.notify(kit.LevelError, "The credentials are still not accepted: "+msg.err.Error())
	}
	id := msg.id
	id.ReadOnly = id.ReadOnly || m.opts.ReadOnly
	m.ctx.Identity = id
	for key := range m.feeds.held {
		m.svc.Refresh(key)
	}
	return m.notify(kit.LevelInfo, "Credentials reloaded: acting as "+nonEmpty(id.Principal, "the configured identity")+"; refreshing every feed.")
}

// credentialsState is the shell's side of a reload.
type credentialsState struct {
	reloading bool
}
