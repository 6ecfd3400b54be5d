package ui

import (
	"io"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// copyText answers a pane's kit.CopyMsg: the text goes to the terminal's
// clipboard as one OSC 52 sequence (it works over SSH; inside tmux or
// screen it is wrapped so they pass it on), written in a single write
// beside the renderer's frames, and the user is told what was copied.
// The text travels base64 encoded, so nothing in it can act on the
// terminal.
func (m *model) copyText(msg kit.CopyMsg) tea.Cmd {
	what := msg.What
	if what == "" {
		what = "the text"
	}
	switch {
	case msg.Text == "":
		return m.notify(kit.LevelInfo, "Nothing to copy: "+what+" is empty.")
	case m.deps.clipboard == nil:
		return m.notify(kit.LevelWarn, "Cannot copy "+what+": agdash is not drawing on a terminal.")
	}
	w, seq := m.deps.clipboard, clipboardSequence(msg.Text, m.deps.getenv)
	first, _, more := strings.Cut(kit.Sanitize(strings.TrimSpace(msg.Text)), "\n")
	shown := kit.Truncate(first, 72)
	if more {
		shown += " …"
	}
	return func() tea.Msg {
		if _, err := io.WriteString(w, seq); err != nil {
			return kit.NotifyMsg{Level: kit.LevelError, Text: "Could not copy " + what + ": " + err.Error()}
		}
		return kit.NotifyMsg{Level: kit.LevelInfo, Text: "Copied " + what + " to the clipboard: " + shown}
	}
}
