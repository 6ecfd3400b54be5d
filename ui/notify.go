package ui

import (
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// note is a transient message in the status area.
type note struct {
	id    uint64
	level kit.Level
	text  string
}

// notes holds the newest notification; each expires by its own id, so a
// newer one is not cut short by an older one's timer.
type notes struct {
	seq     uint64
	current *note
}

// noteExpiredMsg ends the notification with this id.
type noteExpiredMsg struct{ id uint64 }

// lifetime of a notification by level: errors stay longer.
func lifetime(l kit.Level) time.Duration {
	switch l {
	case kit.LevelError:
		return 12 * time.Second
	case kit.LevelWarn:
		return 7 * time.Second
	}
	return 4 * time.Second
}

func (n *notes) add(l kit.Level, text string) uint64 {
	n.seq++
	// Line by line: a caller may put a URL on a line of its own; every
	// line is still made inert, and the status area shows at most
	// maxNoteLines of them.
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = kit.Sanitize(l)
	}
	n.current = &note{id: n.seq, level: l, text: strings.Join(lines, "\n")}
	return n.seq
}

func (n *notes) expire(id uint64) {
	if n.current != nil && n.current.id == id {
		n.current = nil
	}
}

// notify shows a notification and schedules its end.
func (m *model) notify(l kit.Level, text string) tea.Cmd {
	id := m.notes.add(l, text)
	if m.deps.tick == nil {
		return nil
	}
	return m.deps.tick(lifetime(l), func(time.Time) tea.Msg { return noteExpiredMsg{id: id} })
}
