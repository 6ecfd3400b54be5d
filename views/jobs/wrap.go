package jobs

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"github.com/agdash/agdash/views/kit"
)

// rowEnd is where a row of at most w cells that starts at byte from of s
// ends, and how wide it is. A row holds at least one character, so text
// always advances. ascii says s is printable ASCII (one byte per cell),
// which skips the grapheme walk.
func rowEnd(s string, from, w int, ascii bool) (end, width int) {
	if ascii {
		end = min(len(s), from+max(1, w))
		return end, end - from
	}
	end = from
	g := graphemes.FromString(s[from:])
	for g.Next() {
		cw := kit.Width(g.Value())
		if width+cw > w && end > from {
			break
		}
		width += cw
		end = from + g.End()
	}
	return end, width
}

// rowCount is how many rows of w cells s takes when cut at any character.
func rowCount(s string, w int, ascii bool) int {
	if s == "" {
		return 1
	}
	if ascii {
		return (len(s) + max(1, w) - 1) / max(1, w)
	}
	n := 0
	for from := 0; from < len(s); n++ {
		from, _ = rowEnd(s, from, w, false)
	}
	return n
}

// wrapText breaks sanitised text into lines of at most w cells, between
// words where it can and inside a word longer than a line; line breaks in
// the text are kept. Nothing is cut: every character appears in the
// result.
func wrapText(text string, w int) []string {
	w = max(1, w)
	var out []string
	for _, para := range strings.Split(text, "\n") {
		out = append(out, wrapParagraph(para, w)...)
	}
	return out
}

func wrapParagraph(s string, w int) []string {
	if kit.Width(s) <= w {
		return []string{s}
	}
	var out []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		out = append(out, strings.TrimRight(line.String(), " "))
		line.Reset()
		lineW = 0
	}
	for len(s) > 0 {
		// The next word with the spaces that follow it.
		word := s
		if i := strings.IndexByte(s, ' '); i >= 0 {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			word = s[:j]
		}
		s = s[len(word):]
		trimmed := strings.TrimRight(word, " ")
		ww := kit.Width(trimmed)
		if lineW > 0 && lineW+ww > w {
			flush()
		}
		if ww > w { // longer than a line: cut it at characters
			ascii := isASCII(trimmed)
			for from := 0; from < len(trimmed); {
				end, cw := rowEnd(trimmed, from, w-lineW, ascii)
				if lineW > 0 && cw > w-lineW {
					flush()
					continue
				}
				line.WriteString(trimmed[from:end])
				lineW += cw
				from = end
				if from < len(trimmed) {
					flush()
				}
			}
			word = word[len(trimmed):]
			ww = 0
			trimmed = ""
		}
		line.WriteString(trimmed)
		lineW += ww
		if spaces := len(word) - len(trimmed); spaces > 0 && lineW < w {
			n := min(spaces, w-lineW)
			line.WriteString(word[len(trimmed) : len(trimmed)+n])
			lineW += n
		}
	}
	if line.Len() > 0 || len(out) == 0 {
		flush()
	}
	return out
}
