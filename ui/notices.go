package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// notices shows Options.Notices (problems with the config file) when the
// shell starts: the first in full, with a count of the rest.
func (m *model) notices() tea.Cmd {
	n := m.opts.Notices
	if len(n) == 0 {
		return nil
	}
	text := n[0]
	if len(n) > 1 {
		text += " (and " + strconv.Itoa(len(n)-1) + " more: run agdash config check)"
	}
	return m.notify(kit.LevelError, text)
}
