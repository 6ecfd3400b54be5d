package scroll

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestScrollKeysAndWheel(t *testing.T) {
	m := New("Detail")
	var lines []string
	for i := 0; i < 30; i++ {
		lines = append(lines, fmt.Sprintf("line %02d", i))
	}
	m.SetContent(strings.Join(lines, "\n"))
	m.SetSize(20, 5)
	if !strings.HasPrefix(m.View(), "line 00") {
		t.Fatalf("top: %q", m.View())
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")})
	if m.YOffset() != 1 {
		t.Fatalf("j scrolled to %d", m.YOffset())
	}
	m.Update(tea.KeyMsg{Type: tea.KeyEnd})
	if m.YOffset() != 25 || !strings.Contains(m.View(), "line 29") {
		t.Fatalf("end scrolled to %d", m.YOffset())
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.YOffset() != 22 {
		t.Fatalf("wheel up scrolled to %d", m.YOffset())
	}
	if _, ok := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("z")}); ok {
		t.Fatal("an unbound key was handled")
	}
	m.SetSize(20, 40) // taller than the content: offset clamps to 0
	if m.YOffset() != 0 {
		t.Fatalf("after growing: offset %d", m.YOffset())
	}
}
