package kit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/displaywidth"
	"github.com/clipperhouse/uax29/v2/graphemes"
)

// Ellipsis ends text cut to fit.
const Ellipsis = "…"

// Align is how text sits in a cell wider than itself.
type Align int

const (
	AlignLeft Align = iota
	AlignRight
	AlignCenter
)

// Width is how many terminal cells s takes. Wide characters (CJK, emoji)
// take two. It follows x/ansi's grapheme widths with one correction: a
// spacing combining mark (Unicode category Mc, such as the Tamil vowel
// signs in "று") takes a cell of its own, as xterm, VTE, tmux, Alacritty
// and Konsole draw it; without this, rows with Tamil names push their
// later columns out of line in those terminals. Escape sequences count
// for nothing.
func Width(s string) int {
	if isPlainASCII(s) {
		return len(s)
	}
	if strings.IndexByte(s, 0x1b) >= 0 {
		s = ansi.Strip(s)
	}
	w := 0
	g := graphemes.FromString(s)
	for g.Next() {
		w += clusterWidth(g.Value())
	}
	return w
}

func isPlainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

func clusterWidth(c string) int {
	if len(c) == 1 {
		return 1
	}
	w := displaywidth.String(c)
	_, size := utf8.DecodeRuneInString(c)
	for _, r := range c[size:] {
		if unicode.Is(unicode.Mc, r) {
			w++
		}
	}
	return w
}

// Truncate cuts s to at most w cells, ending with an ellipsis when it cut.
// A character that would straddle the edge is dropped whole.
func Truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	if strings.IndexByte(s, 0x1b) >= 0 {
		return cutStyled(s, w, Ellipsis)
	}
	room := w - 1 // for the ellipsis
	used, end := 0, 0
	g := graphemes.FromString(s)
	for g.Next() {
		cw := clusterWidth(g.Value())
		if used+cw > room {
			break
		}
		used += cw
		end = g.End()
	}
	return s[:end] + Ellipsis
}

// Fit returns s truncated or padded with spaces to exactly w cells.
func Fit(s string, w int, a Align) string {
	if w <= 0 {
		return ""
	}
	s = Truncate(s, w)
	gap := w - Width(s)
	if gap <= 0 {
		return s
	}
	switch a {
	case AlignRight:
		return strings.Repeat(" ", gap) + s
	case AlignCenter:
		return strings.Repeat(" ", gap/2) + s + strings.Repeat(" ", gap-gap/2)
	}
	return s + strings.Repeat(" ", gap)
}

// FitLines makes a block exactly w cells wide and h lines tall, so that a
// pane can never push the shell's frame out of place.
func FitLines(block string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	var b strings.Builder
	rest := block
	for i := 0; i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		line := ""
		if rest != "" || i == 0 {
			line, rest, _ = strings.Cut(rest, "\n")
		}
		lw := Width(line)
		if lw > w {
			line = cutStyled(line, w, "")
			lw = Width(line)
		}
		b.WriteString(line)
		b.WriteString(strings.Repeat(" ", max(0, w-lw)))
	}
	return b.String()
}

// cutStyled cuts text that may hold escape sequences to at most w cells
// as Width counts them. x/ansi counts a spacing combining mark (Tamil's
// vowel signs) as no cell, so where the two disagree the cut is made
// shorter until the text fits: a line of Tamil never spills past w.
func cutStyled(s string, w int, tail string) string {
	for n := w; n > 0; n-- {
		if out := ansi.Truncate(s, n, tail); Width(out) <= w {
			return out
		}
	}
	return ""
}
