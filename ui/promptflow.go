package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// promptKeys are the keys the prompt line answers to; every other key
// edits the text.
func (m *model) promptKeys() *kit.KeyMap {
	const sec = "Command line"
	return kit.NewKeyMap(
		kit.Binding{Name: "prompt.run", Keys: []string{"enter"}, Help: "run the command / keep the filter", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.promptEnter() }},
		kit.Binding{Name: "prompt.cancel", Keys: []string{"esc"}, Help: "cancel (a filter is cleared)", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.promptCancel() }},
		kit.Binding{Name: "prompt.complete", Keys: []string{"tab"}, Help: "complete", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { m.prompt.tab(false); return nil }},
		kit.Binding{Name: "prompt.completeback", Keys: []string{"shift+tab"}, Help: "previous completion", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { m.prompt.tab(true); return nil }},
	)
}

func (m *model) openPrompt(mode promptMode) {
	m.prompt = newPrompt(mode, "", func(line string) []string {
		return completeWith(line, m.argValues)
	})
}

// argValues are what the command line completes each argument from.
func (m *model) argValues(k argKind) []string {
	switch k {
	case argProfile:
		if m.opts.Profiles != nil {
			return m.opts.Profiles()
		}
		return nil
	case argRegion:
		return m.opts.Regions
	}
	return fixedValues(k, m.projects, themes.Names())
}

// openFilter starts typing a filter for the visible list, if it has one.
func (m *model) openFilter() tea.Cmd {
	text, ok := m.activePane().Filter()
	if !ok || !m.slots[m.active].inited {
		return m.notify(kit.LevelInfo, "Nothing to filter here.")
	}
	m.prompt = newPrompt(promptFilter, text, nil)
	return nil
}

func (m *model) promptKey(msg tea.KeyMsg) tea.Cmd {
	if cmd, ok := m.promptMap.Handle(msg); ok {
		return cmd
	}
	before := m.prompt.value()
	m.prompt.edit(msg)
	if m.prompt.mode == promptFilter && m.prompt.value() != before {
		return m.toActive(kit.FilterMsg{Text: m.prompt.value()})
	}
	return nil
}

func (m *model) promptEnter() tea.Cmd {
	p := m.prompt
	m.prompt = nil
	if p.mode == promptFilter {
		return nil // the filter is already applied as typed
	}
	if p.value() == "" {
		return nil
	}
	return m.runCommand(p.value())
}

func (m *model) promptCancel() tea.Cmd {
	p := m.prompt
	m.prompt = nil
	if p.mode == promptFilter {
		return m.toActive(kit.FilterMsg{Text: ""})
	}
	return nil
}

// runCommand carries out a command line.
func (m *model) runCommand(line string) tea.Cmd {
	var names []string
	if len(m.projects) > 0 {
		names = m.projects
	}
	c, err := parseCommand(line, names, themes.Names())
	if err != nil {
		return m.notify(kit.LevelError, err.Error())
	}
	switch {
	case c.cmd.pane != "":
		return m.show(m.slotByCommand(string(c.cmd.pane)))
	}
	switch c.cmd.names[0] {
	case "project":
		return m.setScope(c.arg)
	case "theme":
		return m.setTheme(c.arg)
	case "profile":
		return m.reconnect(c.arg, "")
	case "region":
		return m.reconnect("", c.arg)
	case "console":
		return m.openConsole()
	case "copy":
		return m.copySelected(c.arg)
	case "help":
		m.openHelp()
		return nil
	case "quit":
		return m.quit()
	}
	return m.notify(kit.LevelError, "command :"+c.cmd.names[0]+" is not wired up")
}
