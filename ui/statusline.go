package ui

import (
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// statusView is the bottom line: how fresh each of the visible pane's
// feeds is, and how many AWS calls agdash has made.
func (m *model) statusView(width int) string {
	st := m.ctx.Styles
	var parts []string
	for _, key := range m.shownFeeds() {
		parts = append(parts, m.feedStatus(key))
	}
	left := " " + strings.Join(parts, st.StatusLine.Render("  "))
	if len(parts) == 0 {
		left = " " + st.StatusLine.Render("no feeds on this pane")
	}
	c := m.calls
	calls := "AWS calls " + kit.Count(c.Total)
	if c.Throttl > 0 {
		calls += " · throttled " + kit.Count(c.Throttl)
	}
	if c.Errors > 0 {
		calls += " · errors " + kit.Count(c.Errors)
	}
	right := st.StatusLine.Render(calls) + " "
	lw, rw := kit.Width(left), kit.Width(right)
	if lw+rw+1 > width {
		return kit.FitLines(left, width, 1)
	}
	return left + strings.Repeat(" ", width-lw-rw) + right
}

// shownFeeds are the visible pane's feeds, in a stable order.
func (m *model) shownFeeds() []backend.FeedKey {
	s := m.slots[m.active]
	if !s.inited {
		return nil
	}
	keys := s.pane.Feeds()
	sort.SliceStable(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	return keys
}

// feedStatus is one feed's freshness: a spinner while fetching, its age,
// or "stale 2m: <error>".
func (m *model) feedStatus(key backend.FeedKey) string {
	st := m.ctx.Styles
	name := kit.Sanitize(string(key.Kind))
	s, ok := m.feeds.state(key)
	switch {
	case !ok:
		return st.StatusLine.Render(name + " waiting")
	case s.Fetching && s.Err == "":
		age := ""
		if !s.LastSuccess.IsZero() {
			age = " " + kit.ShortDuration(m.ctx.FeedAge(s)) + " ago"
		}
		return st.Accent.Render(m.spin.View()) + st.StatusLine.Render(" "+name+age)
	case s.Err != "":
		label := " failed: "
		if !s.LastSuccess.IsZero() {
			label = " stale " + kit.ShortDuration(m.ctx.FeedAge(s)) + ": "
		}
		span := st.StatusStale
		if s.LastSuccess.IsZero() || s.AccessDenied || s.Expired {
			span = st.StatusError
		}
		return span.Render(name + label + kit.Truncate(kit.Sanitize(s.Err), 60))
	case s.Stale:
		return st.StatusStale.Render(name + " stale " + kit.ShortDuration(m.ctx.FeedAge(s)))
	case s.LastSuccess.IsZero():
		return st.StatusLine.Render(name + " loading")
	}
	return st.StatusOK.Render(name) + st.StatusLine.Render(" "+kit.ShortDuration(m.ctx.FeedAge(s))+" ago")
}

// maxNoteLines is how tall a notification may grow.
const maxNoteLines = 4

// messageView is the line above the status line: the prompt while typing,
// else the newest notification, else a reminder of the main keys.
func (m *model) messageView(width int) string {
	st := m.ctx.Styles
	if m.prompt != nil {
		return m.prompt.view(st, width)
	}
	if n := m.notes.current; n != nil {
		span := st.NotifyInfo
		switch n.level {
		case kit.LevelWarn:
			span = st.NotifyWarn
		case kit.LevelError:
			span = st.NotifyError
		}
		lines := noteLines(n.level.String()+": "+n.text, max(10, width-2))
		if len(lines) > maxNoteLines {
			lines = lines[:maxNoteLines]
			lines[maxNoteLines-1] = kit.Truncate(lines[maxNoteLines-1]+" …", width-2)
		}
		for i, l := range lines {
			lines[i] = " " + span.Render(l)
		}
		return kit.FitLines(strings.Join(lines, "\n"), width, len(lines))
	}
	return kit.FitLines(" "+st.Muted.Render(kit.Truncate(m.hintText(), width-1)), width, 1)
}

// bannerView says what to do when the credentials have expired.
func (m *model) bannerView(width int) string {
	text := " AWS credentials expired: refresh your credentials, then press ctrl+r "
	if p := m.ctx.Identity.Profile; p != "" {
		text = " Credentials expired: run  aws sso login --profile " + kit.Sanitize(p) + "  then ctrl+r "
	}
	return m.ctx.Styles.Banner.Render(kit.Fit(text, width, kit.AlignLeft))
}

// fetching reports whether any shown feed is polling now.
func (m *model) fetching() bool {
	for _, key := range m.shownFeeds() {
		if s, ok := m.feeds.state(key); ok && s.Fetching {
			return true
		}
	}
	return false
}

// startSpinner animates the spinner while something is fetching; it stops
// by itself when nothing is.
func (m *model) startSpinner() tea.Cmd {
	if m.spinning || !m.deps.live || !m.fetching() {
		return nil
	}
	m.spinning = true
	return m.spin.Tick
}

func (m *model) spinTick(msg spinner.TickMsg) tea.Cmd {
	if !m.fetching() {
		m.spinning = false
		return nil
	}
	var cmd tea.Cmd
	m.spin, cmd = m.spin.Update(msg)
	return cmd
}

// noteLines wraps a notification at words; a line that is one long word
// (a URL on a line of its own) is cut only at the width, not at its
// hyphens, so that it reads and copies as one piece.
func noteLines(text string, width int) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		if !strings.Contains(para, " ") {
			out = append(out, strings.Split(ansi.Hardwrap(para, width, false), "\n")...)
			continue
		}
		out = append(out, strings.Split(ansi.Wrap(para, width, " "), "\n")...)
	}
	return out
}
