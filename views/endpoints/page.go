package endpoints

import (
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// page is a detail's text; text wraps at spaces, hyphens and slashes.
type page struct{ kit.Page }

func (p *page) wrapped(indent, text string) { p.wrappedIn(themes.Span{}, indent, text) }

// wrappedIn is wrapped with every line of the text in look.
func (p *page) wrappedIn(look themes.Span, indent, text string) { p.Wrapped(indent, look, text, " -/") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
