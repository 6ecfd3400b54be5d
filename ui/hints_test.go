package ui

import (
	"strings"
	"testing"
)

// hintLine is the key reminder above the status line.
func hintLine(h *harness) string {
	lines := strings.Split(h.screen(), "\n")
	return strings.TrimSpace(lines[len(lines)-2])
}

func TestHintsNameTheKeysThatAnswer(t *testing.T) {
	h := newHarness(t, 120, 40).withProjects()
	if got := hintLine(h); got != "? help   : command   / filter   1-6 panes   enter open   esc back   q quit" {
		t.Fatalf("default hints = %q", got)
	}
	// In help, q closes help rather than quitting, so the hints say so.
	h.keys("?")
	if got := hintLine(h); got != "esc/? close help   ctrl+c quit" {
		t.Fatalf("hints in help = %q", got)
	}
	h.keys("q")
	if h.quit || h.m.help {
		t.Fatalf("q in help should close it: quit=%v help=%v", h.quit, h.m.help)
	}
}

func TestHintsFollowRebinding(t *testing.T) {
	h := newHarness(t, 120, 40, withOptions(func(o *Options) {
		o.KeyOverrides = map[string][]string{
			"global.help": {"f1"}, "global.quit": {"ctrl+q"}, "global.pane1": {"alt+1"}, "global.pane6": {"alt+6"},
			"help.close": {"f1", "esc"},
		}
	})).withProjects()
	if got := hintLine(h); got != "f1 help   : command   / filter   alt+1-alt+6 panes   enter open   esc back   ctrl+q quit" {
		t.Fatalf("rebound hints = %q", got)
	}
	h.keys("f1")
	if got := hintLine(h); got != "f1/esc close help   ctrl+c quit" {
		t.Fatalf("rebound hints in help = %q", got)
	}
}
