// Package scroll is a scrollable block of text (a detail view, a log)
// driven through named key bindings, so help and rebinding cover it.
package scroll

import (
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// Model wraps a bubbles viewport with kit bindings.
type Model struct {
	vp   viewport.Model
	keys *kit.KeyMap
}

// New makes an empty scroll area; section names its bindings in help.
func New(section string) *Model {
	m := &Model{vp: viewport.New(0, 0)}
	step := func(f func()) func(tea.KeyMsg) tea.Cmd { return func(tea.KeyMsg) tea.Cmd { f(); return nil } }
	m.keys = kit.NewKeyMap(
		kit.Binding{Name: "scroll.up", Keys: []string{"up", "k"}, Help: "scroll up", Section: section, Run: step(func() { m.vp.ScrollUp(1) })},
		kit.Binding{Name: "scroll.down", Keys: []string{"down", "j"}, Help: "scroll down", Section: section, Run: step(func() { m.vp.ScrollDown(1) })},
		kit.Binding{Name: "scroll.pageup", Keys: []string{"pgup", "ctrl+b"}, Help: "page up", Section: section, Run: step(func() { m.vp.PageUp() })},
		kit.Binding{Name: "scroll.pagedown", Keys: []string{"pgdown", "ctrl+f", " "}, Help: "page down", Section: section, Run: step(func() { m.vp.PageDown() })},
		kit.Binding{Name: "scroll.top", Keys: []string{"home", "g"}, Help: "top", Section: section, Run: step(func() { m.vp.GotoTop() })},
		kit.Binding{Name: "scroll.bottom", Keys: []string{"end", "G"}, Help: "bottom", Section: section, Run: step(func() { m.vp.GotoBottom() })},
	)
	return m
}

// SetContent replaces the text, keeping the scroll position where it can.
func (m *Model) SetContent(s string) { m.vp.SetContent(s) }

// SetSize sets the visible area.
func (m *Model) SetSize(w, h int) {
	m.vp.Width, m.vp.Height = max(0, w), max(0, h)
	m.vp.SetYOffset(m.vp.YOffset) // re-clamp
}

// GotoTop scrolls to the first line.
func (m *Model) GotoTop() { m.vp.GotoTop() }

// Keys are the scrolling bindings.
func (m *Model) Keys() *kit.KeyMap { return m.keys }

// Update handles scrolling keys and the mouse wheel.
func (m *Model) Update(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		return m.keys.Handle(msg)
	case tea.MouseMsg:
		if msg.Action != tea.MouseActionPress {
			return nil, false
		}
		switch msg.Button {
		case tea.MouseButtonWheelUp:
			m.vp.ScrollUp(3)
			return nil, true
		case tea.MouseButtonWheelDown:
			m.vp.ScrollDown(3)
			return nil, true
		}
	}
	return nil, false
}

// YOffset is the first visible line.
func (m *Model) YOffset() int { return m.vp.YOffset }

// View draws the visible lines.
func (m *Model) View() string { return m.vp.View() }
