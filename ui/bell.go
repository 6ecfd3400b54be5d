package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// bel is the terminal bell (BEL, 0x07).
var bel = []byte{7}

// ring answers a pane's kit.BellMsg: the bell sounds only when the user
// asked for it (--bell). It is written beside the renderer's frames; a
// terminal takes a lone BEL anywhere between them.
func (m *model) ring() tea.Cmd {
	if !m.opts.Bell || m.deps.bell == nil {
		return nil
	}
	w := m.deps.bell
	return func() tea.Msg {
		_, _ = w.Write(bel) // a bell that cannot sound is no reason to stop
		return nil
	}
}
