package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// crashNotice tells the user, once per feed, that a bug in agdash broke
// it: the status line has room for the error, not for the report's path.
// The feed keeps its last data and tries again; the rest goes on.
func (m *model) crashNotice(u backend.Update) tea.Cmd {
	if !u.State.Panicked || m.crashed[u.Key] {
		return nil
	}
	if m.crashed == nil {
		m.crashed = map[backend.FeedKey]bool{}
	}
	m.crashed[u.Key] = true
	text := "A bug in agdash broke the " + kit.Sanitize(u.Key.String()) + " feed"
	if u.State.CrashReport != "" {
		text += " (crash report: " + kit.Sanitize(u.State.CrashReport) + ")"
	}
	text += "; it keeps its last data and retries."
	return m.notify(kit.LevelError, text)
}
