package table

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

func (m *Model[T]) bindings() *kit.KeyMap {
	move := func(delta func() int) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd { m.MoveTo(m.cursor + delta()); return nil }
	}
	page := func() int { return max(1, m.bodyHeight()) }
	return kit.NewKeyMap(
		kit.Binding{Name: "table.up", Keys: []string{"up", "k"}, Help: "up", Section: "Table", Run: move(func() int { return -1 })},
		kit.Binding{Name: "table.down", Keys: []string{"down", "j"}, Help: "down", Section: "Table", Run: move(func() int { return 1 })},
		kit.Binding{Name: "table.pageup", Keys: []string{"pgup", "ctrl+b"}, Help: "page up", Section: "Table", Run: move(func() int { return -page() })},
		kit.Binding{Name: "table.pagedown", Keys: []string{"pgdown", "ctrl+f", " "}, Help: "page down", Section: "Table", Run: move(page)},
		kit.Binding{Name: "table.top", Keys: []string{"home", "g"}, Help: "first row", Section: "Table", Run: func(tea.KeyMsg) tea.Cmd { m.MoveTo(0); return nil }},
		kit.Binding{Name: "table.bottom", Keys: []string{"end", "G"}, Help: "last row", Section: "Table", Run: func(tea.KeyMsg) tea.Cmd { m.MoveTo(m.view.len() - 1); return nil }},
		kit.Binding{Name: "table.sort", Keys: []string{"o"}, Help: "sort by next column", Section: "Table", Run: func(tea.KeyMsg) tea.Cmd { return m.nextSort() }},
		kit.Binding{Name: "table.reverse", Keys: []string{"O"}, Help: "reverse sort", Section: "Table", Run: func(tea.KeyMsg) tea.Cmd {
			if m.sortCol < 0 {
				return m.nextSort()
			}
			return m.SetSort(m.sortCol, !m.desc)
		}},
	)
}

// nextSort cycles through the sortable columns, then back to data order.
func (m *Model[T]) nextSort() tea.Cmd {
	for c := m.sortCol + 1; c < len(m.cols); c++ {
		if m.cols[c].Compare != nil {
			return m.SetSort(c, false)
		}
	}
	return m.SetSort(-1, false)
}

func lowerTitle(s string) string { return strings.ToLower(s) }
