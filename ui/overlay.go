package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

// overlayCenter draws box over the middle of bg (both blocks of lines;
// bg exactly width cells wide), keeping bg visible around it.
func overlayCenter(bg, box string, width int) string {
	bgLines := strings.Split(bg, "\n")
	boxLines := strings.Split(box, "\n")
	bw := 0
	for _, l := range boxLines {
		bw = max(bw, kit.Width(l))
	}
	bw = min(bw, width)
	x := max(0, (width-bw)/2)
	y := max(0, (len(bgLines)-len(boxLines))/2)
	for i, l := range boxLines {
		row := y + i
		if row >= len(bgLines) {
			break
		}
		l = ansi.Truncate(l, bw, "")
		lw := kit.Width(l)
		left := ansi.Truncate(bgLines[row], x, "")
		right := ansi.TruncateLeft(bgLines[row], x+lw, "")
		reset := "" // end whatever style the cut left open; only needed if bg has any
		if strings.IndexByte(bgLines[row], 0x1b) >= 0 {
			reset = ansi.ResetStyle
		}
		bgLines[row] = left + strings.Repeat(" ", max(0, x-kit.Width(left))) + reset + l + reset + right
	}
	return strings.Join(bgLines, "\n")
}
