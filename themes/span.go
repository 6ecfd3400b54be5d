package themes

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Span is a text style reduced to the escape sequences that open and close
// it, so hot paths (table rows) can colour a run of text without building or
// calling a lipgloss.Style each frame.
type Span struct {
	Pre, Post string
}

// sentinel is a private-use rune lipgloss passes through untouched.
const sentinel = "\uE000"

// spanOf renders a sentinel once and keeps what surrounds it. The style
// must be inline only (colours and attributes, no padding or borders).
func spanOf(st lipgloss.Style) Span {
	out := st.Render(sentinel)
	i := strings.Index(out, sentinel)
	if i < 0 {
		return Span{}
	}
	return Span{Pre: out[:i], Post: out[i+len(sentinel):]}
}

// Render wraps text in the span's sequences; empty text stays empty.
func (s Span) Render(text string) string {
	if text == "" || s.Pre == "" {
		return text
	}
	return s.Pre + text + s.Post
}

// WriteTo appends text, styled, to b.
func (s Span) WriteTo(b *strings.Builder, text string) {
	if text == "" {
		return
	}
	b.WriteString(s.Pre)
	b.WriteString(text)
	b.WriteString(s.Post)
}
