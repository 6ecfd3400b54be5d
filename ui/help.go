package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

func (m *model) helpKeys() *kit.KeyMap {
	return kit.NewKeyMap(kit.Binding{Name: "help.close", Keys: []string{"esc", "?", "q", "enter"}, Help: "close help", Section: "Help",
		Run: func(tea.KeyMsg) tea.Cmd { m.help = false; return nil }})
}

func (m *model) helpKey(msg tea.KeyMsg) tea.Cmd {
	cmd, _ := m.helpMap.Handle(msg)
	return cmd
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

// helpView draws the help overlay in columns filling width×height.
func (m *model) helpView(width, height int) string {
	st := m.ctx.Styles
	// Lay sections into columns, starting a new column rather than
	// splitting a section that would fit whole in one.
	rows := max(1, height-1)
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
	// The shortest columns that fit the width, sections kept whole where
	// they can be.
	fit := max(1, width/40)
	var columns [][]string
	for target := 1; target <= rows; target++ {
		columns = packHelp(blocks, target, rows)
		if len(columns) <= fit {
			break
		}
	}
	title := st.Bold.Render("Keys for "+m.slots[m.active].spec.title+" and everywhere") + st.Muted.Render("   esc or ? closes")
	shown := min(len(columns), fit)
	colWidth := width / max(1, shown)
	var b strings.Builder
	b.WriteString(" " + title)
	for r := 0; r < rows; r++ {
		b.WriteByte('\n')
		for c := 0; c < shown; c++ {
			cell := ""
			if r < len(columns[c]) {
				cell = columns[c][r]
			}
			b.WriteString(" " + kit.Fit(cell, colWidth-1, kit.AlignLeft))
		}
	}
	if len(columns) > shown {
		return kit.FitLines(b.String(), width, height-1) + "\n" + st.Muted.Render(kit.Fit(" … more keys: enlarge the terminal to see them all", width, kit.AlignLeft))
	}
	return kit.FitLines(b.String(), width, height)
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
