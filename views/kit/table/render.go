package table

import (
	"strings"
	"unicode/utf8"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// spaces is sliced for padding so that drawing does not allocate it.
var spaces = strings.Repeat(" ", 512)

func pad(b *strings.Builder, n int) {
	for n > 0 {
		k := min(n, len(spaces))
		b.WriteString(spaces[:k])
		n -= k
	}
}

// painter writes runs of styled text, opening and closing a span only when
// the style changes, so a row of plain cells costs no escape sequences and
// a selected row costs one pair plus its highlights.
type painter struct {
	b    *strings.Builder
	cur  themes.Span
	open bool
}

func (p *painter) write(s themes.Span, text string) {
	if text == "" {
		return
	}
	if !p.open || s != p.cur {
		p.close()
		p.b.WriteString(s.Pre)
		p.cur, p.open = s, true
	}
	p.b.WriteString(text)
}

func (p *painter) pad(s themes.Span, n int) {
	for n > 0 {
		k := min(n, len(spaces))
		p.write(s, spaces[:k])
		n -= k
	}
}

func (p *painter) close() {
	if p.open && p.cur.Pre != "" {
		p.b.WriteString(p.cur.Post)
	}
	p.open = false
}

// View draws the table at the size given to SetSize: a header line and
// one line per visible row, every line exactly the table's width.
func (m *Model[T]) View(st *themes.Styles) string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.layout.width != m.width || m.layout.widths == nil {
		m.layout = layout{width: m.width, widths: columnWidths(m.cols, m.width)}
	}
	var b strings.Builder
	b.Grow(m.width * m.height * 2)
	m.header(&b, st)
	body := m.bodyHeight()
	lines := 0
	switch {
	case m.view.len() == 0 && body > 0:
		msg := m.empty
		if m.filter != "" {
			msg = "No rows match /" + kit.Sanitize(m.filter) + " (esc clears the filter)."
		}
		if m.pending {
			msg = "Working…"
		}
		b.WriteByte('\n')
		st.Muted.WriteTo(&b, kit.Fit(" "+msg, m.width, kit.AlignLeft))
		lines = 1
	default:
		end := min(m.view.len(), m.offset+body)
		for i := m.offset; i < end; i++ {
			b.WriteByte('\n')
			m.row(&b, st, i)
			lines++
		}
	}
	for ; lines < body; lines++ {
		b.WriteByte('\n')
		pad(&b, m.width)
	}
	return b.String()
}

func (m *Model[T]) header(b *strings.Builder, st *themes.Styles) {
	used := gutter
	pad(b, gutter)
	first := true
	for i, c := range m.cols {
		w := m.layout.widths[i]
		if w < 0 {
			continue
		}
		if !first {
			pad(b, sep)
			used += sep
		}
		first = false
		title, look := c.Title, st.TableHeader
		if i == m.sortCol {
			title, look = c.Title+arrow(m.desc), st.TableHeaderSorted
		}
		look.WriteTo(b, kit.Fit(title, w, c.Align))
		used += w
	}
	pad(b, m.width-used)
}

// row draws display row i.
func (m *Model[T]) row(b *strings.Builder, st *themes.Styles, i int) {
	row := m.view.data.rows[m.view.index(i)]
	selected := i == m.cursor
	matches := m.matchesAt(i)
	p := &painter{b: b}
	base := themes.Span{}
	hl := st.Match
	if selected {
		base, hl = st.RowSelected, st.MatchSelected
		p.write(base, ">")
	} else {
		p.pad(base, gutter)
	}
	used := gutter
	filterOff := 0
	first := true
	for ci, c := range m.cols {
		w := m.layout.widths[ci]
		tracked := c.Filter && matches != nil
		if w < 0 && !tracked {
			continue
		}
		text := kit.Sanitize(c.Text(row))
		var cellMatches []int
		if tracked {
			cellMatches = clip(matches, filterOff, len(text))
			filterOff += len(text) + 1
		}
		if w < 0 {
			continue
		}
		if !first {
			p.pad(base, sep)
			used += sep
		}
		first = false
		look := base
		if !selected && c.Look != nil {
			look = c.Look(row, st)
		}
		writeCell(p, text, w, c.Align, look, hl, cellMatches)
		used += w
	}
	p.pad(base, m.width-used)
	p.close()
}

// clip returns the matches that fall inside [off, off+n), relative to off.
func clip(matches []int, off, n int) []int {
	var out []int
	for _, x := range matches {
		if x >= off && x < off+n {
			out = append(out, x-off)
		}
	}
	return out
}

// writeCell writes text fitted to w cells in look, with the characters at
// the matched byte offsets in hl.
func writeCell(p *painter, text string, w int, a kit.Align, look, hl themes.Span, matches []int) {
	fitted := kit.Truncate(text, w)
	visible := fitted // the part of text that survived truncation
	tail := ""
	if fitted != text {
		visible, tail = fitted[:len(fitted)-len(kit.Ellipsis)], kit.Ellipsis
	}
	gap := w - kit.Width(fitted)
	left, right := 0, gap
	switch a {
	case kit.AlignRight:
		left, right = gap, 0
	case kit.AlignCenter:
		left, right = gap/2, gap-gap/2
	}
	p.pad(look, left)
	pos := 0
	for _, x := range matches {
		if x < pos || x >= len(visible) {
			continue
		}
		_, size := utf8.DecodeRuneInString(visible[x:])
		p.write(look, visible[pos:x])
		p.write(hl, visible[x:x+size])
		pos = x + size
	}
	p.write(look, visible[pos:])
	p.write(look, tail)
	p.pad(look, right)
}
