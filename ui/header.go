package ui

import (
	"strconv"
	"strings"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// headerView is the identity line: who, where, and the badges that must
// never be missed (SANDBOX, READ-ONLY, the project scope). Badges keep
// their place; identity details give way from the right when narrow.
func (m *model) headerView(width int) string {
	st := m.ctx.Styles
	id := m.ctx.Identity
	var badges []string
	badgeW := 0
	addBadge := func(span themes.Span, text string) {
		text = " " + text + " "
		badges = append(badges, span.Render(text))
		badgeW += kit.Width(text) + 1
	}
	if m.ctx.Scope != "" {
		addBadge(st.BadgeScope, "project "+kit.Truncate(kit.Sanitize(m.ctx.Scope), 32))
	}
	if id.Sandbox {
		addBadge(st.BadgeSandbox, "SANDBOX")
	}
	if id.ReadOnly {
		addBadge(st.BadgeReadOnly, "READ-ONLY")
	}

	who := kit.Sanitize(nonEmpty(id.Principal, "unknown principal"))
	role := "(" + id.Role.Label() + ")"
	type item struct{ label, value string }
	var items []item
	items = append(items, item{"", kit.Sanitize(nonEmpty(id.Region, "no region"))}, item{"acct ", kit.Sanitize(nonEmpty(id.Account, "?"))})
	if id.Profile != "" {
		items = append(items, item{"profile ", kit.Sanitize(id.Profile)})
	}
	if id.Endpoint != "" && !id.Sandbox {
		items = append(items, item{"endpoint ", kit.Sanitize(id.Endpoint)})
	}

	room := width - badgeW - 1
	var b strings.Builder
	used := 0
	write := func(span themes.Span, s string) {
		b.WriteString(span.Render(s))
		used += kit.Width(s)
	}
	// Who and in what role come first. When narrow, the app's own name
	// goes, then the user's name gives way while the role stays whole (it
	// is what says what the user may do).
	const app, minName = " agdash", 3
	principal := func(avail int) string {
		switch {
		case kit.Width(who)+1+kit.Width(role) <= avail:
			return who + " " + role
		case kit.Width(role)+1+minName <= avail:
			return kit.Truncate(who, avail-kit.Width(role)-1) + " " + role
		}
		return kit.Truncate(who+" "+role, avail)
	}
	if kit.Width(app)+3+kit.Width(who)+1+kit.Width(role) <= room {
		write(st.HeaderApp, app)
		write(st.HeaderLabel, " │ ")
	} else {
		write(st.HeaderValue, " ")
	}
	if avail := room - used; avail > 0 {
		write(st.HeaderValue, principal(avail))
	}
	for _, it := range items {
		if used+3+kit.Width(it.label)+kit.Width(it.value) > room {
			break
		}
		write(st.HeaderLabel, " │ "+it.label)
		write(st.HeaderValue, it.value)
	}
	gap := max(1, width-used-badgeW+1)
	b.WriteString(strings.Repeat(" ", gap))
	b.WriteString(strings.Join(badges, " "))
	return kit.FitLines(b.String(), width, 1)
}

// tabSpan is where a tab is drawn, for clicks.
type tabSpan struct{ from, to, slot int }

// tabs lays out the tab line: full titles when they fit, short ones
// otherwise. Every tab keeps its number, and the active one is bracketed
// so it shows without colour too.
func (m *model) tabs(width int) ([]string, []tabSpan) {
	for _, short := range []bool{false, true} {
		var labels []string
		var spans []tabSpan
		at := 0
		for i, s := range m.slots {
			title := s.spec.title
			if short {
				title = s.spec.short
			}
			l := " " + strconv.Itoa(i+1) + " " + title + " "
			if i == m.active {
				l = "[" + l[1:len(l)-1] + "]"
			}
			w := kit.Width(l)
			spans = append(spans, tabSpan{from: at, to: at + w, slot: i})
			labels = append(labels, l)
			at += w
		}
		if at <= width || short {
			return labels, spans
		}
	}
	return nil, nil
}

func (m *model) tabsView(width int) string {
	st := m.ctx.Styles
	labels, _ := m.tabs(width)
	var b strings.Builder
	for i, l := range labels {
		if i == m.active {
			b.WriteString(st.TabActive.Render(l))
		} else {
			b.WriteString(st.TabInactive.Render(l))
		}
	}
	return kit.FitLines(b.String(), width, 1)
}

// tabAt is the slot whose tab is at column x, or -1.
func (m *model) tabAt(x int) int {
	_, spans := m.tabs(m.width)
	for _, s := range spans {
		if x >= s.from && x < s.to {
			return s.slot
		}
	}
	return -1
}

// crumbView is where the user is (Projects > hdb-resale) and, on the
// right, the filter in force and the pane's own note.
func (m *model) crumbView(width int) string {
	st := m.ctx.Styles
	var left strings.Builder
	left.WriteByte(' ')
	crumbs := []string{m.slots[m.active].spec.title}
	if s := m.slots[m.active]; s.inited {
		crumbs = s.pane.Crumbs()
	}
	if m.help {
		crumbs = append(crumbs, "Help")
	}
	for i, c := range crumbs {
		if i > 0 {
			left.WriteString(st.CrumbSep.Render(" > "))
		}
		left.WriteString(st.Crumb.Render(kit.Sanitize(c)))
	}
	var right []string
	if s := m.slots[m.active]; s.inited && !m.help {
		if text, ok := s.pane.Filter(); ok && text != "" && (m.prompt == nil || m.prompt.mode != promptFilter) {
			right = append(right, st.Accent.Render("/"+kit.Sanitize(text)))
		}
		if info := s.pane.Info(); info != "" {
			right = append(right, st.Muted.Render(info))
		}
	}
	r := strings.Join(right, "  ")
	lw, rw := kit.Width(left.String()), kit.Width(r)
	if lw+rw+2 > width {
		return kit.FitLines(left.String(), width, 1)
	}
	return left.String() + strings.Repeat(" ", width-lw-rw-1) + r + " "
}
