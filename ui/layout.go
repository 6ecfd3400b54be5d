package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

// The smallest terminal the shell draws its frame in.
const (
	minWidth  = 60
	minHeight = 15
)

// Rows of the frame around the pane: header, tabs and breadcrumb above;
// message line and status line below (plus the credentials banner when
// shown).
const (
	rowsAbove = 3
	rowsBelow = 2
)

func (m *model) tooSmall() bool { return m.width < minWidth || m.height < minHeight }

// bodySize is the pane's area.
func (m *model) bodySize() (int, int) {
	h := m.height - rowsAbove - rowsBelow
	if m.feeds.expired() {
		h--
	}
	return max(0, m.width), max(0, h)
}

// bodyTop is the screen row where the pane's area starts.
func (m *model) bodyTop() int { return rowsAbove }

func (m *model) resize(w, h int) tea.Cmd {
	m.width, m.height = max(0, w), max(0, h)
	return m.relayout()
}

// relayout tells the panes their area after anything that changes it.
func (m *model) relayout() tea.Cmd {
	bw, bh := m.bodySize()
	if bw == m.ctx.Width && bh == m.ctx.Height {
		return nil
	}
	m.ctx.Width, m.ctx.Height = bw, bh
	return m.broadcast(kit.SizeMsg{Width: bw, Height: bh})
}

// view draws the whole screen: exactly width×height cells.
func (m *model) view() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall() {
		return m.tooSmallView()
	}
	bw, bh := m.bodySize()
	var b strings.Builder
	b.WriteString(m.headerView(m.width))
	b.WriteByte('\n')
	b.WriteString(m.tabsView(m.width))
	b.WriteByte('\n')
	b.WriteString(m.crumbView(m.width))
	b.WriteByte('\n')
	// A long notification grows upward over the bottom of the pane rather
	// than resizing it, so nothing jumps when one comes and goes.
	msg := m.messageView(m.width)
	body := m.bodyView(bw, bh)
	if extra := strings.Count(msg, "\n"); extra > 0 {
		lines := strings.Split(body, "\n")
		body = strings.Join(lines[:max(0, len(lines)-extra)], "\n")
		if body == "" {
			msg = msg[strings.Index(msg, "\n")+1:]
		}
	}
	if body != "" {
		b.WriteString(body)
		b.WriteByte('\n')
	}
	if m.feeds.expired() {
		b.WriteString(m.bannerView(m.width))
		b.WriteByte('\n')
	}
	b.WriteString(msg)
	b.WriteByte('\n')
	b.WriteString(m.statusView(m.width))
	return b.String()
}

func (m *model) bodyView(w, h int) string {
	if m.help {
		return m.helpView(w, h)
	}
	s := m.slots[m.active]
	var body string
	if s.inited {
		body = kit.FitLines(s.pane.View(w, h), w, h)
	} else {
		body = kit.FitLines("", w, h)
	}
	if m.confirm != nil {
		body = overlayCenter(body, m.confirm.dialog.View(m.ctx.Styles, w-4), w)
	}
	return body
}

// tooSmallView says what size is needed, in as much of the message as
// fits; it never draws outside the terminal.
func (m *model) tooSmallView() string {
	msg := fmt.Sprintf("terminal too small (%dx%d): need at least %dx%d", m.width, m.height, minWidth, minHeight)
	lines := strings.Split(ansi.Wrap(msg, m.width, " "), "\n")
	return kit.FitLines(strings.Join(lines, "\n"), m.width, m.height)
}
