package table

import (
	tea "github.com/charmbracelet/bubbletea"
)

// wheelStep is how many rows one wheel notch scrolls.
const wheelStep = 3

// mouse handles a click or wheel at coordinates relative to the table: a
// click on a row selects it, a click on a column title sorts by it (again
// to reverse), and the wheel scrolls, keeping the cursor on screen.
func (m *Model[T]) mouse(msg tea.MouseMsg) (tea.Cmd, bool) {
	switch {
	case msg.Button == tea.MouseButtonWheelUp && msg.Action == tea.MouseActionPress:
		m.scroll(-wheelStep)
		return nil, true
	case msg.Button == tea.MouseButtonWheelDown && msg.Action == tea.MouseActionPress:
		m.scroll(wheelStep)
		return nil, true
	case msg.Button == tea.MouseButtonLeft && msg.Action == tea.MouseActionPress:
		if msg.Y < 0 || msg.Y >= m.height || msg.X < 0 || msg.X >= m.width {
			return nil, false
		}
		if msg.Y == 0 {
			return m.clickHeader(msg.X), true
		}
		if i := m.offset + msg.Y - 1; i < m.view.len() {
			m.MoveTo(i)
		}
		return nil, true
	}
	return nil, false
}

func (m *Model[T]) scroll(delta int) {
	h := m.bodyHeight()
	n := m.view.len()
	m.offset = max(0, min(m.offset+delta, n-h))
	if m.cursor < m.offset {
		m.cursor = m.offset
	}
	if h > 0 && m.cursor >= m.offset+h {
		m.cursor = m.offset + h - 1
	}
	m.cursor = max(0, min(m.cursor, n-1))
}

func (m *Model[T]) clickHeader(x int) tea.Cmd {
	if m.layout.widths == nil {
		return nil
	}
	at := gutter
	first := true
	for i, w := range m.layout.widths {
		if w < 0 {
			continue
		}
		if !first {
			at += sep
		}
		first = false
		if x >= at && x < at+w {
			if m.cols[i].Compare == nil {
				return nil
			}
			if i == m.sortCol {
				return m.SetSort(i, !m.desc)
			}
			return m.SetSort(i, false)
		}
		at += w
	}
	return nil
}
