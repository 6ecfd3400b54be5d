package kit

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/themes"
)

// Page builds a detail's text line by line at a fixed width, for a
// scroll.Model to show: every line starts with the panes' one-cell left
// margin, and what it wraps fits the width. Panes embed it in a page type
// of their own for what only they write.
type Page struct {
	St    *themes.Styles
	Width int
	b     strings.Builder
	lines int
}

// Line writes one line from parts that are already sanitised and fit.
func (p *Page) Line(parts ...string) {
	if p.lines > 0 {
		p.b.WriteByte('\n')
	}
	p.lines++
	p.b.WriteByte(' ')
	for _, s := range parts {
		p.b.WriteString(s)
	}
}

// Blank writes an empty line.
func (p *Page) Blank() { p.Line() }

// Section starts a titled block after a blank line.
func (p *Page) Section(title string) {
	p.Blank()
	p.Line(p.St.HelpSection.Render(title))
}

// Row writes "  label  value" with the label, muted, padded to
// labelWidth.
func (p *Page) Row(label string, labelWidth int, value string) {
	p.Line("  ", p.St.Muted.Render(Fit(label, labelWidth, AlignLeft)), "  ", value)
}

// Wrapped writes text from AWS, sanitised, in look, wrapped after indent
// (which may be styled); later lines hang under the text. breaks are the
// characters a line may break after, as ansi.Wrap takes them: " -" for
// prose, " -/" where paths and ARNs are common.
func (p *Page) Wrapped(indent string, look themes.Span, text, breaks string) {
	iw := Width(indent)
	hang := strings.Repeat(" ", iw)
	for i, l := range strings.Split(ansi.Wrap(Sanitize(text), max(10, p.Width-2-iw), breaks), "\n") {
		lead := hang
		if i == 0 {
			lead = indent
		}
		p.Line(lead, look.Render(l))
	}
}

// Block writes lines already drawn (a chart), each after the margin.
func (p *Page) Block(text string) {
	for _, l := range strings.Split(text, "\n") {
		p.Line(l)
	}
}

// Lines is how many lines have been written.
func (p *Page) Lines() int { return p.lines }

// String is the text written so far.
func (p *Page) String() string { return p.b.String() }
