package ui

import (
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// backgroundFeeds are the feeds kept subscribed whatever pane is visible:
// the options' set and, with bells on, every pane's alert feeds.
func (m *model) backgroundFeeds() []backend.FeedKey {
	keys := m.opts.backgroundFeeds()
	if !m.opts.Bell {
		return keys
	}
	keys = slices.Clone(keys)
	for _, s := range m.slots {
		for _, k := range s.spec.alerts {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// alert hands an update of an alert feed to the panes that watch it and
// did not get it as its holder (they are hidden), starting a pane never
// shown yet; the pane then rings (kit.BellMsg) and notifies as if it were
// visible. Only with bells on: otherwise hidden panes stay quiet.
func (m *model) alert(u backend.Update, delivered []holder) tea.Cmd {
	if !m.opts.Bell {
		return nil
	}
	var cmds []tea.Cmd
	for i, s := range m.slots {
		if !slices.Contains(s.spec.alerts, u.Key) || slices.Contains(delivered, holder(s.spec.id)) {
			continue
		}
		cmds = append(cmds, m.initSlot(i), m.toSlot(i, kit.FeedMsg{Update: u}))
	}
	return tea.Batch(cmds...)
}
