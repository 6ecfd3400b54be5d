package dialog

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

// fieldPrefix is the "  Name: " of a plan line that is a field and its
// value: a name without spaces, then a colon and a space.
var fieldPrefix = regexp.MustCompile(`^ *[A-Za-z][A-Za-z0-9_.-]*: `)

// minHangWidth is the least room a field's value keeps; a field whose
// name leaves less continues two cells in from where it starts instead.
const minHangWidth = 20

// wrapLine wraps a plan line to width cells. A field's value (an ARN, a
// list of paths) continues under where it began, so that it reads as one
// value and not as a new line of the plan; another indented line
// continues two cells further in than it starts; prose continues at the
// left.
func wrapLine(l string, width int) string {
	if kit.Width(l) <= width {
		return l
	}
	lead := len(l) - len(strings.TrimLeft(l, " "))
	head, indent := l[:lead], lead+2
	if m := fieldPrefix.FindString(l); m != "" && width-kit.Width(m) >= minHangWidth {
		head, indent = m, kit.Width(m)
	}
	if lead == 0 && head == "" || width-indent < minHangWidth {
		return ansi.Wrap(l, width, " ")
	}
	// Every line of the body gets the continuation's measure, the first
	// too, so that none is longer than width.
	lines := wrapValue(l[len(head):], width-indent)
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	b.WriteString(head + lines[0])
	for _, rest := range lines[1:] {
		b.WriteString("\n" + pad + rest)
	}
	return b.String()
}

// wrapValue wraps text to width cells. Words break at hyphens, except in
// a value without spaces (an ARN, a token) where that would leave a line
// less than two thirds full ("ap-southeast-" alone, reading as a value of
// its own): such a value fills each line instead.
func wrapValue(text string, width int) []string {
	lines := strings.Split(ansi.Wrap(text, width, " "), "\n")
	if strings.Contains(text, " ") {
		return lines
	}
	for _, l := range lines[:len(lines)-1] {
		if 3*kit.Width(l) < 2*width {
			return strings.Split(ansi.Hardwrap(text, width, true), "\n")
		}
	}
	return lines
}
