package endpoints

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// page builds a detail view's text, line by line, at a fixed width.
type page struct {
	b     strings.Builder
	st    *themes.Styles
	width int
	lines int
}

// line writes one line with the pane's one-cell left margin.
func (p *page) line(parts ...string) {
	if p.lines > 0 {
		p.b.WriteByte('\n')
	}
	p.lines++
	p.b.WriteByte(' ')
	for _, s := range parts {
		p.b.WriteString(s)
	}
}

// section starts a titled block after a blank line.
func (p *page) section(title string) {
	p.line()
	p.line(p.st.HelpSection.Render(title))
}

// wrapped writes text, sanitised, wrapped at the page width after a first
// line's indent; later lines hang under the text.
func (p *page) wrapped(indent, text string) { p.wrappedIn(themes.Span{}, indent, text) }

// wrappedIn is wrapped with every line of the text in span.
func (p *page) wrappedIn(span themes.Span, indent, text string) {
	w := max(10, p.width-2-kit.Width(indent))
	hang := strings.Repeat(" ", kit.Width(indent))
	for i, l := range strings.Split(ansi.Wrap(kit.Sanitize(text), w, " -/"), "\n") {
		if i == 0 {
			p.line(indent, span.Render(l))
		} else {
			p.line(hang, span.Render(l))
		}
	}
}

// wrappedIndent is wrapped after an indent already drawn (it may be
// styled) that takes w cells.
func (p *page) wrappedIndent(indent string, w int, text string) {
	hang := strings.Repeat(" ", w)
	for i, l := range strings.Split(ansi.Wrap(kit.Sanitize(text), max(10, p.width-2-w), " -/"), "\n") {
		if i == 0 {
			p.line(indent, l)
		} else {
			p.line(hang, l)
		}
	}
}

// row writes "  label  value" with the label padded to a column.
func (p *page) row(label string, labelWidth int, value string) {
	p.line("  ", p.st.Muted.Render(kit.Fit(label, labelWidth, kit.AlignLeft)), "  ", value)
}

// block writes lines already drawn (a chart), each after the margin.
func (p *page) block(text string) {
	for _, l := range strings.Split(text, "\n") {
		p.line(l)
	}
}

func (p *page) String() string { return p.b.String() }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
