package kittest

import (
	"strings"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// Key is the key press Bubble Tea reports for name, spelled as
// tea.KeyMsg.String() spells it: "enter", "ctrl+s", "shift+tab",
// "pgdown", "alt+3", "space" (or " "), "j". Any other text is typed as
// runes in one message, as a paste would arrive.
func Key(name string) tea.KeyMsg {
	switch {
	case name == " " || name == "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case strings.HasPrefix(name, "alt+") && utf8.RuneCountInString(name) == 5:
		r, _ := utf8.DecodeRuneInString(name[4:])
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: true}
	case utf8.RuneCountInString(name) > 1:
		for t := tea.KeyType(-128); t < 128; t++ {
			if t != tea.KeyRunes && t != tea.KeySpace && (tea.Key{Type: t}).String() == name {
				return tea.KeyMsg{Type: t}
			}
		}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(name)}
}
