package ui

import (
	"strconv"
	"strings"
)

// hintText is the reminder of the main keys under the pane, read from the
// key maps so that a rebinding shows. While help is open its own keys are
// the ones that answer (q closes help there), so those are shown; its
// scrolling keys are in its own footer when it scrolls.
func (m *model) hintText() string {
	first := func(name string) string {
		if ks := keyList(m.globalKeys, name); len(ks) > 0 {
			return ks[0]
		}
		return ""
	}
	var parts []string
	add := func(keys, what string) {
		if keys != "" {
			parts = append(parts, keys+" "+what)
		}
	}
	if m.help {
		add(strings.Join(firstN(keyList(m.helpMap, "help.close"), 2), "/"), "close help")
		add(strings.Join(firstN(keyList(m.quitKeys, "global.forcequit"), 1), ""), "quit")
		return strings.Join(parts, "   ")
	}
	add(first("global.help"), "help")
	add(first("global.command"), "command")
	add(first("global.filter"), "filter")
	if from, to := first("global.pane1"), first("global.pane"+strconv.Itoa(len(m.slots))); from != "" && to != "" {
		add(from+"-"+to, "panes")
	}
	parts = append(parts, "enter open") // the panes' own key, the same in each
	add(first("global.back"), "back")
	add(first("global.quit"), "quit")
	return strings.Join(parts, "   ")
}
