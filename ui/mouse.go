package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// mouse: a click on a tab shows that pane; events in the pane's area go
// to the pane with coordinates relative to it. While a dialog, the help
// or the prompt is open a click does nothing, so a stray one cannot act
// behind them; the wheel scrolls the help.
func (m *model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.tooSmall() || m.confirm != nil || m.prompt != nil {
		return nil
	}
	if m.help {
		m.helpMouse(msg)
		return nil
	}
	if msg.Y == 1 {
		if msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft {
			if i := m.tabAt(msg.X); i >= 0 {
				return m.show(i)
			}
		}
		return nil
	}
	_, bh := m.bodySize()
	top := m.bodyTop()
	if msg.Y < top || msg.Y >= top+bh {
		return nil
	}
	msg.Y -= top
	return m.toActive(msg)
}
