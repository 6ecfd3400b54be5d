package kit

import tea "github.com/charmbracelet/bubbletea"

// CopyMsg asks the shell to put Text on the user's clipboard (an OSC 52
// sequence, which works over SSH and in tmux with set-clipboard on). What
// names the text for the confirmation: "the comparison as Markdown".
type CopyMsg struct {
	Text string
	What string
}

// Copy returns a command that asks the shell to copy text.
func Copy(text, what string) tea.Cmd {
	return func() tea.Msg { return CopyMsg{Text: text, What: what} }
}
