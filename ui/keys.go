package ui

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// bindings are the shell's own keys, declared beside what they do. quit
// holds ctrl+c, which works whatever is open.
func (m *model) bindings() (global, quit *kit.KeyMap) {
	const sec = "Global"
	global = kit.NewKeyMap(
		kit.Binding{Name: "global.help", Keys: []string{"?"}, Help: "help", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { m.openHelp(); return nil }},
		kit.Binding{Name: "global.command", Keys: []string{":"}, Help: "command line", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { m.openPrompt(promptCommand); return nil }},
		kit.Binding{Name: "global.filter", Keys: []string{"/"}, Help: "filter the list (fuzzy)", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.openFilter() }},
		kit.Binding{Name: "global.back", Keys: []string{"esc"}, Help: "clear filter / go back", Section: sec,
			Run: func(msg tea.KeyMsg) tea.Cmd {
				if text, ok := m.activePane().Filter(); ok && text != "" {
					return m.toActive(kit.FilterMsg{Text: ""})
				}
				return m.toActive(msg)
			}},
		kit.Binding{Name: "global.next", Keys: []string{"tab"}, Help: "next pane", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.show((m.active + 1) % len(m.slots)) }},
		kit.Binding{Name: "global.prev", Keys: []string{"shift+tab"}, Help: "previous pane", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.show((m.active + len(m.slots) - 1) % len(m.slots)) }},
		kit.Binding{Name: "global.refresh", Keys: []string{"ctrl+r"}, Help: "refresh now", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.refresh() }},
		kit.Binding{Name: "global.quit", Keys: []string{"q"}, Help: "quit", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.quit() }},
	)
	global.Add(m.selectionBindings()...)
	for i, s := range paneSpecs() {
		i := i
		global.Add(kit.Binding{Name: "global.pane" + strconv.Itoa(i+1), Keys: []string{strconv.Itoa(i + 1)}, Help: s.title, Section: "Panes",
			Run: func(tea.KeyMsg) tea.Cmd { return m.show(i) }})
	}
	quit = kit.NewKeyMap(kit.Binding{Name: "global.forcequit", Keys: []string{"ctrl+c"}, Help: "quit from anywhere", Section: sec,
		Run: func(tea.KeyMsg) tea.Cmd { return m.quit() }})
	return global, quit
}

// key routes a key press: ctrl+c always quits; an open dialog, prompt or
// help takes every key; a pane that is taking typed text gets every key;
// otherwise the shell's keys come first and the rest go to the pane.
func (m *model) key(msg tea.KeyMsg) tea.Cmd {
	// A burst of typed runes arrives as one message; each is its own key
	// press (so "/hdb" opens the filter and types "hdb"). A paste stays
	// whole, as text.
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
		cmds := make([]tea.Cmd, 0, len(msg.Runes))
		for _, r := range msg.Runes {
			cmds = append(cmds, m.key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
		}
		return tea.Batch(cmds...)
	}
	// Esc pressed twice quickly arrives as alt+esc.
	if msg.Type == tea.KeyEsc && msg.Alt {
		esc := tea.KeyMsg{Type: tea.KeyEsc}
		return tea.Batch(m.key(esc), m.key(esc))
	}
	if cmd, ok := m.quitKeys.Handle(msg); ok {
		return cmd
	}
	switch {
	case m.confirm != nil:
		return m.confirmKey(msg)
	case m.prompt != nil:
		return m.promptKey(msg)
	case m.help:
		return m.helpKey(msg)
	case m.activePane().Capturing():
		return m.toActive(msg)
	}
	if cmd, ok := m.globalKeys.Handle(msg); ok {
		return cmd
	}
	return m.toActive(msg)
}

func (m *model) refresh() tea.Cmd {
	if m.feeds.expired() {
		return m.reloadCredentials()
	}
	s := m.slots[m.active]
	if !s.inited {
		return nil
	}
	keys := s.pane.Feeds()
	for _, k := range keys {
		m.svc.Refresh(k)
	}
	if len(keys) == 0 {
		return m.notify(kit.LevelInfo, "Nothing to refresh here.")
	}
	return m.notify(kit.LevelInfo, "Refreshing "+strconv.Itoa(len(keys))+" feed(s).")
}

func (m *model) quit() tea.Cmd {
	m.feeds.closeAll()
	return tea.Quit
}
