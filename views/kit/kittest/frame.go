package kittest

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/views/kit"
)

// RequireBlock fails t unless out is exactly w×h cells (h lines of w
// cells each), as the shell needs a pane's View to be.
func RequireBlock(t testing.TB, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), h, out)
	}
	for i, l := range lines {
		if got := kit.Width(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
}

// Overlay draws box over the middle of bg, as the shell draws a dialog
// over a pane, for goldens of a pane with its confirmation.
func Overlay(bg, box string, width int) string {
	bgLines := strings.Split(bg, "\n")
	boxLines := strings.Split(box, "\n")
	bw := 0
	for _, l := range boxLines {
		bw = max(bw, kit.Width(l))
	}
	x := max(0, (width-bw)/2)
	y := max(0, (len(bgLines)-len(boxLines))/2)
	for i, l := range boxLines {
		if y+i >= len(bgLines) {
			break
		}
		row := bgLines[y+i]
		right := ansi.TruncateLeft(row, x+kit.Width(l), "")
		bgLines[y+i] = ansi.Truncate(row, x, "") + l + right
	}
	return strings.Join(bgLines, "\n")
}
