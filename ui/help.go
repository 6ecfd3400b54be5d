package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/themes"
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

// helpColumnWidth is the width help lays out columns for: as many as
// fit side by side.
const helpColumnWidth = 40

// helpPage lays the sections into as many columns as the width allows,
// as short as they can be; if they cannot fit the height, they grow
// taller and the page scrolls. Descriptions wrap in their column rather
// than being cut, and a column whose descriptions are long takes the
// room the others do not need.
func (m *model) helpPage(width, height int) helpPage {
	st := m.ctx.Styles
	sections := m.helpSections()
	p := helpPage{title: " " + st.Bold.Render("Keys for "+m.slots[m.active].spec.title+" and everywhere") +
		st.Muted.Render("   "+strings.Join(firstN(keyList(m.helpMap, "help.close"), 2), " or ")+" closes")}
	// The columns get an equal share to start with; when the sections
	// need fewer columns than fit, the share grows and is tried again, so
	// that descriptions wrap as little as they can.
	n := max(1, width/helpColumnWidth)
	var columns [][]helpSpan
	var blocks [][]string
	share := width
	for {
		share = width / n
		blocks = make([][]string, len(sections))
		heights := make([]int, len(sections))
		for i, sec := range sections {
			blocks[i] = renderHelpSection(st, sec, share-1)
			heights[i] = len(blocks[i])
		}
		columns, p.rows, p.footer = packHelpPage(heights, n, height)
		if len(columns) >= n || len(columns) == 0 {
			break
		}
		n = len(columns)
	}
	widths := helpWidths(sections, columns, share, width)
	tallest := 0
	cells := make([][]string, len(columns))
	for c, col := range columns {
		for i, sp := range col {
			if i > 0 {
				cells[c] = append(cells[c], "")
			}
			lines := blocks[sp.block]
			if sp.whole(len(lines)) && widths[c] != share {
				lines = renderHelpSection(st, sections[sp.block], widths[c]-1)
				sp.to = len(lines)
			}
			cells[c] = append(cells[c], lines[sp.from:sp.to]...)
		}
		tallest = max(tallest, len(cells[c]))
	}
	for r := 0; r < tallest; r++ {
		var line strings.Builder
		for c, col := range cells {
			cell := ""
			if r < len(col) {
				cell = col[r]
			}
			line.WriteString(" " + kit.Fit(cell, widths[c]-1, kit.AlignLeft))
		}
		p.lines = append(p.lines, line.String())
	}
	return p
}

// packHelpPage packs blocks of the given heights into at most n columns,
// the shortest that fit the height; when none fit, into taller columns
// above a footer line. It returns the columns, the lines a page shows,
// and whether the footer is needed.
func packHelpPage(heights []int, n, height int) ([][]helpSpan, int, bool) {
	rows := max(1, height-1)
	var columns [][]helpSpan
	for target := 1; target <= rows; target++ {
		columns = packHelp(heights, target, rows)
		if len(columns) <= n {
			return columns, rows, false
		}
	}
	// Too many keys for the screen: taller columns, and a footer line.
	rows = max(1, height-2)
	total := 0
	for _, h := range heights {
		total += h + 1
	}
	for target := rows; target <= max(rows, total); target++ {
		columns = packHelp(heights, target, target)
		if len(columns) <= n {
			break
		}
	}
	return columns, rows, true
}

// renderHelpSection is a section's lines for a column of width cells:
// its title, then a line per binding, its description wrapped under
// itself when it is longer than the column.
func renderHelpSection(st *themes.Styles, sec helpSection, width int) []string {
	lines := []string{st.HelpSection.Render(sec.title)}
	descW := width - helpLabelWidth - 1
	indent := strings.Repeat(" ", helpLabelWidth+1)
	for _, b := range sec.bindings {
		label := helpLabel(b)
		look := st.HelpDesc
		why := b.Disabled()
		if why != "" {
			look = st.HelpDisabled
		}
		for i, d := range helpDescLines(b.Help, descW) {
			switch {
			case i > 0:
				lines = append(lines, indent+look.Render(d))
			case why != "":
				lines = append(lines, st.HelpDisabled.Render(label+" "+d))
			default:
				lines = append(lines, st.HelpKey.Render(label)+" "+look.Render(d))
			}
		}
		if why != "" {
			// The reason goes on its own lines: it is the point.
			for _, l := range strings.Split(ansi.Wrap("off: "+why, max(10, width-2), " "), "\n") {
				lines = append(lines, "  "+st.Muted.Render(l))
			}
		}
	}
	return lines
}

// minHelpDescWidth is the narrowest a description wraps to; below it, a
// wrapped description would be a column of fragments, so it is cut.
const minHelpDescWidth = 10

// helpDescLines is a description in lines of at most width cells.
func helpDescLines(help string, width int) []string {
	switch {
	case kit.Width(help) <= width:
		return []string{help}
	case width < minHelpDescWidth:
		return []string{kit.Truncate(help, max(1, width))}
	}
	return strings.Split(ansi.Wrap(help, width, " "), "\n")
}

// helpNatural is the width a section's lines take unwrapped, with the
// cell before each column. A section with a disabled key takes at least
// the share: its reason is prose that wraps to any width, and narrower it
// would take more lines than the packing counted.
func helpNatural(sec helpSection, share int) int {
	w := kit.Width(sec.title)
	for _, b := range sec.bindings {
		w = max(w, helpLabelWidth+1+kit.Width(b.Help))
		if b.Disabled() != "" {
			w = max(w, share-1)
		}
	}
	return w + 1
}

// helpWidths shares width among the columns: a column whose sections are
// narrower than the equal share gives the rest to those whose
// descriptions are wider, which wrap only if it is still not enough.
// When everything fits, the spare room is shared evenly, so the columns
// spread across the overlay. A column holding part of a section split
// across columns keeps the share its lines were laid out for.
func helpWidths(sections []helpSection, columns [][]helpSpan, share, width int) []int {
	natural := make([]int, len(columns))
	sum := 0
	for c, col := range columns {
		for _, sp := range col {
			natural[c] = max(natural[c], helpNatural(sections[sp.block], share))
			if sp.from != 0 || sp.partial {
				natural[c] = share
				break
			}
		}
		natural[c] = max(natural[c], helpLabelWidth+2)
		sum += natural[c]
	}
	// When all fits, the narrow columns are raised to a common level;
	// otherwise the wide ones are capped at a level never below the equal
	// share. Either way the level is the highest whose total still fits.
	fit, from := func(w, l int) int { return min(w, l) }, share
	if sum <= width {
		fit, from = func(w, l int) int { return max(w, l) }, 0
	}
	level := from
	for l := from; l <= width; l++ {
		total := 0
		for _, w := range natural {
			total += fit(w, l)
		}
		if total > width {
			break
		}
		level = l
	}
	widths := make([]int, len(columns))
	for c, w := range natural {
		widths[c] = fit(w, level)
	}
	return widths
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

// helpSpan is the part of a block a column shows: lines [from, to) of
// block; partial when the block goes on in the next column.
type helpSpan struct {
	block, from, to int
	partial         bool
}

// whole reports whether the span is all of a block of n lines.
func (sp helpSpan) whole(n int) bool { return sp.from == 0 && sp.to == n && !sp.partial }

// packHelp lays blocks of the given heights into columns of at most
// target lines, starting a new column rather than splitting a block that
// fits in one; a block taller than rows is split. Blocks in one column
// are a blank line apart.
func packHelp(heights []int, target, rows int) [][]helpSpan {
	var columns [][]helpSpan
	var col []helpSpan
	used := 0
	flush := func() {
		columns, col, used = append(columns, col), nil, 0
	}
	for b, h := range heights {
		gap := 0
		if used > 0 {
			gap = 1
		}
		if used+gap+h > target && used > 0 && h <= rows {
			flush()
			gap = 0
		}
		used += gap
		for l := 0; l < h; l++ {
			if used >= max(target, min(rows, h)) {
				col[len(col)-1].partial = col[len(col)-1].block == b
				flush()
			}
			if len(col) == 0 || col[len(col)-1].block != b {
				col = append(col, helpSpan{block: b, from: l, to: l})
			}
			col[len(col)-1].to = l + 1
			used++
		}
	}
	if len(col) > 0 {
		columns = append(columns, col)
	}
	return columns
}
