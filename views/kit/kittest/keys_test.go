package kittest

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Every key a test names comes back as Bubble Tea would report it, so
// that the key maps, which match on KeyMsg.String(), see the same press.
func TestKeySpellsAsBubbleTeaDoes(t *testing.T) {
	for _, name := range []string{"enter", "esc", "tab", "shift+tab", "up", "down", "left", "right", "shift+left",
		"pgup", "pgdown", "home", "end", "backspace", "ctrl+c", "ctrl+k", "ctrl+r", "ctrl+s", "ctrl+t", "ctrl+o", "ctrl+u",
		"alt+3", "j", "G", "?", ":", "/", "é"} {
		if got := Key(name).String(); got != name {
			t.Errorf("Key(%q).String() = %q", name, got)
		}
	}
	if k := Key("enter"); k.Type != tea.KeyEnter {
		t.Errorf("enter is %v", k.Type)
	}
	if k := Key("space"); k.Type != tea.KeySpace || k.String() != " " {
		t.Errorf("space is %v %q", k.Type, k.String())
	}
	if k := Key("hdb"); k.Type != tea.KeyRunes || string(k.Runes) != "hdb" {
		t.Errorf("text is %+v", k)
	}
}
