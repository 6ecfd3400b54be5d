package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

func (m *model) helpKeys() *kit.KeyMap {
	const sec = "Help"
	scroll := func(to func(top, page, last int) int) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd { m.helpScroll(to); return nil }
	}
	return kit.NewKeyMap(
		kit.Binding{Name: "help.close", Keys: []string{"esc", "?", "q", "enter"}, Help: "close help", Section: sec,
			Run: func(tea.KeyMsg) tea.Cmd { m.help = false; return nil }},
		kit.Binding{Name: "help.down", Keys: []string{"j", "down"}, Help: "scroll down", Section: sec,
			Run: scroll(func(top, _, _ int) int { return top + 1 })},
		kit.Binding{Name: "help.up", Keys: []string{"k", "up"}, Help: "scroll up", Section: sec,
			Run: scroll(func(top, _, _ int) int { return top - 1 })},
		kit.Binding{Name: "help.pagedown", Keys: []string{"pgdown", "ctrl+f", " "}, Help: "page down", Section: sec,
			Run: scroll(func(top, page, _ int) int { return top + page })},
		kit.Binding{Name: "help.pageup", Keys: []string{"pgup", "ctrl+b"}, Help: "page up", Section: sec,
			Run: scroll(func(top, page, _ int) int { return top - page })},
		kit.Binding{Name: "help.top", Keys: []string{"g", "home"}, Help: "top", Section: sec,
			Run: scroll(func(_, _, _ int) int { return 0 })},
		kit.Binding{Name: "help.bottom", Keys: []string{"G", "end"}, Help: "bottom", Section: sec,
			Run: scroll(func(_, _, last int) int { return last })},
	)
}

// openHelp shows the help overlay from its top.
func (m *model) openHelp() {
	m.help, m.helpTop = true, 0
}

func (m *model) helpKey(msg tea.KeyMsg) tea.Cmd {
	cmd, _ := m.helpMap.Handle(msg)
	return cmd
}

// helpScroll moves the help overlay to the first line to returns, given
// the current one, the lines a page shows and the last first line; kept
// within the lines there are at the current size.
func (m *model) helpScroll(to func(top, page, last int) int) {
	p := m.helpPage(m.bodySize())
	last := p.lastTop()
	m.helpTop = min(max(0, to(min(m.helpTop, last), p.rows, last)), last)
}

// helpMouse scrolls the help overlay with the wheel; clicks do nothing,
// so a stray one cannot act behind it.
func (m *model) helpMouse(msg tea.MouseMsg) {
	if msg.Action != tea.MouseActionPress {
		return
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		m.helpScroll(func(top, _, _ int) int { return top - 3 })
	case tea.MouseButtonWheelDown:
		m.helpScroll(func(top, _, _ int) int { return top + 3 })
	}
}

// helpSection is a titled group of bindings.
type helpSection struct {
	title    string
	bindings []kit.Binding
}

// helpSections groups the visible pane's bindings, then the shell's, by
// section, in the order they are declared. It is generated, never written.
func (m *model) helpSections() []helpSection {
	var all []kit.Binding
	if s := m.slots[m.active]; s.inited {
		all = append(all, s.pane.Keys()...)
	}
	all = append(all, m.globalKeys.Bindings()...)
	all = append(all, m.quitKeys.Bindings()...)
	var out []helpSection
	index := map[string]int{}
	for _, b := range all {
		if b.Hidden || len(b.Keys) == 0 {
			continue
		}
		i, ok := index[b.Section]
		if !ok {
			i = len(out)
			index[b.Section] = i
			out = append(out, helpSection{title: b.Section})
		}
		out[i].bindings = append(out[i].bindings, b)
	}
	return out
}

// helpLabelWidth is the key column of the help overlay.
const helpLabelWidth = 13

// helpLabel is a binding's keys, as many as fit the key column.
func helpLabel(b kit.Binding) string {
	label := ""
	for _, k := range b.Keys {
		if k == " " {
			k = "space"
		}
		next := k
		if label != "" {
			next = label + "/" + k
		}
		if kit.Width(next) > helpLabelWidth && label != "" {
			break
		}
		label = next
	}
	return kit.Fit(label, helpLabelWidth, kit.AlignLeft)
}

// helpPage is the help overlay laid out for an area: a title, the grid
// of key columns one screen line each, and how many of those lines show
// at once. When they do not all fit, a footer says how to scroll.
type helpPage struct {
	title  string
	lines  []string
	rows   int
	footer bool
}

// lastTop is the highest first line that still fills the page.
func (p helpPage) lastTop() int { return max(0, len(p.lines)-p.rows) }

// helpPage lays the sections into as many columns as the width allows,
// as short as they can be; if they cannot fit the height, they grow
// taller and the page scrolls.
func (m *model) helpPage(width, height int) helpPage {
	st := m.ctx.Styles
	var blocks [][]string // one per section
	for _, sec := range m.helpSections() {
		lines := []string{st.HelpSection.Render(sec.title)}
		for _, b := range sec.bindings {
			label := helpLabel(b)
			if why := b.Disabled(); why != "" {
				// The reason goes on its own line: it is the point.
				lines = append(lines, st.HelpDisabled.Render(label+" "+b.Help))
				for _, l := range strings.Split(ansi.Wrap("off: "+why, max(10, width/max(1, width/40)-4), " "), "\n") {
					lines = append(lines, "  "+st.Muted.Render(l))
				}
				continue
			}
			lines = append(lines, st.HelpKey.Render(label)+" "+st.HelpDesc.Render(b.Help))
		}
		blocks = append(blocks, lines)
	}
	fit := max(1, width/40)
	p := helpPage{title: " " + st.Bold.Render("Keys for "+m.slots[m.active].spec.title+" and everywhere") +
		st.Muted.Render("   "+strings.Join(firstN(keyList(m.helpMap, "help.close"), 2), " or ")+" closes")}
	// The shortest columns that fit the width, sections kept whole where
	// they can be.
	rows := max(1, height-1)
	var columns [][]string
	for target := 1; target <= rows; target++ {
		columns = packHelp(blocks, target, rows)
		if len(columns) <= fit {
			break
		}
	}
	if len(columns) > fit {
		// Too many keys for the screen: taller columns, and a footer line.
		p.footer, rows = true, max(1, height-2)
		total := 0
		for _, bl := range blocks {
			total += len(bl) + 1
		}
		for target := rows; target <= max(rows, total); target++ {
			columns = packHelp(blocks, target, target)
			if len(columns) <= fit {
				break
			}
		}
	}
	p.rows = rows
	colWidth := width / max(1, len(columns))
	tallest := 0
	for _, col := range columns {
		tallest = max(tallest, len(col))
	}
	for r := 0; r < tallest; r++ {
		var line strings.Builder
		for _, col := range columns {
			cell := ""
			if r < len(col) {
				cell = col[r]
			}
			line.WriteString(" " + kit.Fit(cell, colWidth-1, kit.AlignLeft))
		}
		p.lines = append(p.lines, line.String())
	}
	return p
}

// helpView draws the help overlay filling width×height, scrolled to the
// user's place.
func (m *model) helpView(width, height int) string {
	p := m.helpPage(width, height)
	top := min(m.helpTop, p.lastTop())
	end := min(len(p.lines), top+p.rows)
	body := kit.FitLines(p.title+"\n"+strings.Join(p.lines[top:end], "\n"), width, p.rows+1)
	if !p.footer {
		return kit.FitLines(body, width, height)
	}
	where := fmt.Sprintf(" lines %d-%d of %d", top+1, end, len(p.lines))
	// Arrows say which way there is more.
	switch {
	case top > 0 && end < len(p.lines):
		where += " ↑↓"
	case top > 0:
		where += " ↑"
	case end < len(p.lines):
		where += " ↓"
	}
	scroll := "   " + pairText(m.helpMap, "help.down", "help.up", 2) + " scroll"
	page := "   " + pairText(m.helpMap, "help.pagedown", "help.pageup", 1) + " page"
	ends := "   " + pairText(m.helpMap, "help.top", "help.bottom", 1) + " top/bottom"
	// On a narrow screen the page keys go first, then the ends: the
	// position and the line keys are what a user needs to move at all.
	footer := where + scroll + page + ends
	for _, f := range []string{where + scroll + ends, where + scroll} {
		if kit.Width(footer) <= width {
			break
		}
		footer = f
	}
	return body + "\n" + m.ctx.Styles.Muted.Render(kit.Fit(footer, width, kit.AlignLeft))
}

// keyList is the named binding's keys as the user would type them; help
// reads them from the key map, so a rebinding shows.
func keyList(km *kit.KeyMap, name string) []string {
	for _, b := range km.Bindings() {
		if b.Name == name {
			keys := make([]string, len(b.Keys))
			for i, k := range b.Keys {
				if k == " " {
					k = "space"
				}
				keys[i] = k
			}
			return keys
		}
	}
	return nil
}

// firstN is at most the first n of list.
func firstN(list []string, n int) []string { return list[:min(n, len(list))] }

// pairText is two opposite bindings' keys side by side, up to n pairs:
// "j/k down/up".
func pairText(km *kit.KeyMap, a, b string, n int) string {
	as, bs := keyList(km, a), keyList(km, b)
	var pairs []string
	for i := 0; i < min(n, len(as), len(bs)); i++ {
		pairs = append(pairs, as[i]+"/"+bs[i])
	}
	return strings.Join(pairs, " ")
}

// packHelp lays blocks into columns of at most target lines, starting a
// new column rather than splitting a block that fits in one; a block
// taller than rows is split.
func packHelp(blocks [][]string, target, rows int) [][]string {
	var columns [][]string
	var col []string
	for _, lines := range blocks {
		gap := 0
		if len(col) > 0 {
			gap = 1
		}
		if len(col)+gap+len(lines) > target && len(col) > 0 && len(lines) <= rows {
			columns, col, gap = append(columns, col), nil, 0
		}
		if gap == 1 {
			col = append(col, "")
		}
		for _, l := range lines {
			if len(col) >= max(target, min(rows, len(lines))) {
				columns, col = append(columns, col), nil
			}
			col = append(col, l)
		}
	}
	if len(col) > 0 {
		columns = append(columns, col)
	}
	return columns
}
