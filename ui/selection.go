package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// selectionBindings are the shell's keys on the selected item of any pane
// that implements kit.Selector.
func (m *model) selectionBindings() []kit.Binding {
	const sec = "Global"
	return []kit.Binding{
		{Name: "global.console", Keys: []string{"W"}, Help: "open in the AWS console", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.openConsole() }},
		{Name: "global.copyarn", Keys: []string{"Y"}, Help: "copy its ARN (or name)", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { return m.copySelected("arn") }},
	}
}

// selected asks the visible pane what is selected.
func (m *model) selected() (kit.Resource, bool, tea.Cmd) {
	s := m.slots[m.active]
	sel, ok := s.pane.(kit.Selector)
	if !ok || !s.inited {
		return kit.Resource{}, false, m.notify(kit.LevelInfo, s.spec.title+" cannot say what is selected yet.")
	}
	r, ok := sel.Selected()
	if !ok {
		return kit.Resource{}, false, m.notify(kit.LevelInfo, "Nothing is selected.")
	}
	return r, true, nil
}

// copySelected copies the selected item's "name", "arn" (its name when it
// has none) or console "url".
func (m *model) copySelected(what string) tea.Cmd {
	r, ok, cmd := m.selected()
	if !ok {
		return cmd
	}
	n := noun(r.Kind)
	name := r.Name
	if name == "" {
		name = r.ID
	}
	switch what {
	case "name":
		return m.copyText(kit.CopyMsg{Text: name, What: "the " + n + "'s name"})
	case "url":
		url, err := consoleURL(r, m.ctx.Identity.Region)
		if err != nil {
			return m.notify(kit.LevelError, "No console link: "+err.Error()+".")
		}
		return m.copyText(kit.CopyMsg{Text: url, What: "the " + n + "'s console URL"})
	}
	if r.ARN == "" {
		return m.copyText(kit.CopyMsg{Text: name, What: "the " + n + "'s name (it has no ARN)"})
	}
	return m.copyText(kit.CopyMsg{Text: r.ARN, What: "the " + n + "'s ARN"})
}

// openConsole opens the selected item's AWS console page in the browser;
// where there is none (an SSH session) or in the sandbox, whose resources
// are not in the real console, it shows the URL and copies it.
func (m *model) openConsole() tea.Cmd {
	r, ok, cmd := m.selected()
	if !ok {
		return cmd
	}
	url, err := consoleURL(r, m.ctx.Identity.Region)
	if err != nil {
		return m.notify(kit.LevelError, "No console link: "+err.Error()+".")
	}
	show := func(why string) tea.Cmd {
		if m.deps.clipboard != nil {
			why += " (copied to the clipboard)"
		}
		// The URL on a line of its own: it wraps as one piece.
		return tea.Batch(m.notify(kit.LevelInfo, why+":\n"+url), m.copyURL(url))
	}
	switch {
	case m.ctx.Identity.Sandbox:
		return show("The sandbox's resources are not in the real AWS console; this is where it would be")
	case m.deps.browser == nil:
		return show("No browser here; the console page is")
	}
	open, ctx, n := m.deps.browser, m.ctx.Ctx, noun(r.Kind)
	return func() tea.Msg {
		if err := open(ctx, url); err != nil {
			return kit.NotifyMsg{Level: kit.LevelWarn, Text: "Could not open a browser (" + err.Error() + "); the console page is:\n" + url}
		}
		return kit.NotifyMsg{Level: kit.LevelInfo, Text: "Opened the " + n + " in the AWS console."}
	}
}

// copyURL puts a URL on the clipboard without a notification of its own
// (the caller shows the URL).
func (m *model) copyURL(url string) tea.Cmd {
	if m.deps.clipboard == nil {
		return nil
	}
	w, seq := m.deps.clipboard, clipboardSequence(url, m.deps.getenv)
	return func() tea.Msg {
		_, _ = w.Write([]byte(seq))
		return nil
	}
}
