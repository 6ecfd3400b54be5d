package kit

import tea "github.com/charmbracelet/bubbletea"

// BellMsg asks the shell to ring the terminal bell (an endpoint turned
// CRIT). The shell rings only when the user asked for bells (--bell), so
// panes may raise it freely.
type BellMsg struct{}

// Bell returns a command that asks the shell to ring the bell.
func Bell() tea.Cmd { return func() tea.Msg { return BellMsg{} } }
