package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// helpFooter is the help overlay's scrolling line, "" when it has none.
func helpFooter(t *testing.T, h *harness) string {
	t.Helper()
	out := h.screen()
	checkFrame(t, out, h.m.width, h.m.height)
	lines := strings.Split(out, "\n")
	// The overlay's last line sits above the key hints and the status line.
	if l := strings.TrimSpace(lines[len(lines)-3]); strings.HasPrefix(l, "lines ") {
		return l
	}
	return ""
}

func TestHelpScrollsOnASmallTerminal(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("?")
	const scrollKeys = "j/k down/up scroll   pgdown/pgup page   g/G top/bottom"
	if got := helpFooter(t, h); got != "lines 1-17 of 20 ↓   "+scrollKeys {
		t.Fatalf("footer at the top = %q\n%s", got, h.screen())
	}
	if lineOf(h.screen(), "6             Backups") != "" || lineOf(h.screen(), "Keys for Projects") == "" {
		t.Fatalf("the top of the help should show its title, not the last pane key:\n%s", h.screen())
	}
	for _, step := range []struct {
		keys []string
		want string
	}{
		{[]string{"j"}, "lines 2-18 of 20 ↑↓"},
		{[]string{"down", "down"}, "lines 4-20 of 20 ↑"},
		{[]string{"j"}, "lines 4-20 of 20 ↑"}, // the bottom holds
		{[]string{"k"}, "lines 3-19 of 20 ↑↓"},
		{[]string{"g"}, "lines 1-17 of 20 ↓"},
		{[]string{"up"}, "lines 1-17 of 20 ↓"}, // the top holds
		{[]string{"pgdown"}, "lines 4-20 of 20 ↑"},
		{[]string{"pgup"}, "lines 1-17 of 20 ↓"},
		{[]string{" "}, "lines 4-20 of 20 ↑"},
		{[]string{"home"}, "lines 1-17 of 20 ↓"},
		{[]string{"G"}, "lines 4-20 of 20 ↑"},
	} {
		h.keys(step.keys...)
		if got := helpFooter(t, h); got != step.want+"   "+scrollKeys {
			t.Fatalf("after %v the footer is %q, want %q\n%s", step.keys, got, step.want, h.screen())
		}
	}
	// At the bottom the last pane key shows, and the title stays put.
	if lineOf(h.screen(), "6             Backups") == "" {
		t.Fatalf("scrolled to the bottom, the last key is not shown:\n%s", h.screen())
	}
	if !strings.Contains(strings.Split(h.screen(), "\n")[3], "Keys for Projects and everywhere   esc or ? closes") {
		t.Fatalf("the title scrolled away:\n%s", h.screen())
	}
	// Closing and opening again starts from the top.
	h.keys("esc", "?")
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 1-17 of 20 ↓") {
		t.Fatalf("reopened help footer = %q", got)
	}
}

func TestHelpScrollsWithTheWheel(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("?")
	wheel := func(b tea.MouseButton) {
		h.send(tea.MouseMsg{X: 10, Y: 10, Button: b, Action: tea.MouseActionPress})
	}
	wheel(tea.MouseButtonWheelDown)
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 4-20 of 20 ↑") {
		t.Fatalf("wheel down: footer %q", got)
	}
	wheel(tea.MouseButtonWheelUp)
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 1-17 of 20 ↓") {
		t.Fatalf("wheel up: footer %q", got)
	}
}

func TestHelpFitsWithoutScrollingWhenThereIsRoom(t *testing.T) {
	h := newHarness(t, 120, 40).withProjects()
	h.keys("?", "G")
	if got := helpFooter(t, h); got != "" {
		t.Fatalf("help that fits has a scrolling footer %q:\n%s", got, h.screen())
	}
	if lineOf(h.screen(), "6             Backups") == "" || lineOf(h.screen(), "Keys for Projects") == "" {
		t.Fatalf("G moved help that fits:\n%s", h.screen())
	}
}

func TestHelpScrollFollowsResize(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("?", "G")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 25})
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 3-20 of 20 ↑") {
		t.Fatalf("a row taller, the bottom should stay in view: footer %q\n%s", got, h.screen())
	}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.keys("k")
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 1-17 of 20 ↓") {
		t.Fatalf("a scroll while everything fitted should leave the top: footer %q", got)
	}
}

func TestHelpFooterShowsReboundKeys(t *testing.T) {
	h := newHarness(t, 80, 24, withOptions(func(o *Options) {
		o.KeyOverrides = map[string][]string{"help.down": {"n"}, "help.up": {"p"}, "help.close": {"x"}}
	})).withProjects()
	h.keys("?")
	if got := helpFooter(t, h); !strings.Contains(got, "   n/p scroll   ") {
		t.Fatalf("rebound footer = %q", got)
	}
	if lineOf(h.screen(), "Keys for Projects and everywhere   x closes") == "" {
		t.Fatalf("the title should name the rebound close key:\n%s", h.screen())
	}
	h.keys("n")
	if got := helpFooter(t, h); !strings.HasPrefix(got, "lines 2-18 of 20") {
		t.Fatalf("rebound n did not scroll: %q", got)
	}
	h.keys("x")
	if h.m.help {
		t.Fatal("the rebound close key did not close help")
	}
}

func TestHelpScrolledGolden(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("?", "G")
	out := h.screen()
	checkFrame(t, out, 80, 24)
	golden.RequireEqual(t, []byte(out))
}

// longHelpKeys are bindings whose descriptions are longer than an equal
// share of an 80- or 120-column help overlay leaves them, one of them
// refused to a data scientist.
func longHelpKeys() []kit.Binding {
	none := func(tea.KeyMsg) tea.Cmd { return nil }
	return []kit.Binding{
		{Name: "stub.export", Keys: []string{"e"}, Help: "export (CSV, Markdown, clipboard)", Section: "Training jobs", Run: none},
		{Name: "stub.overview", Keys: []string{"o"}, Help: "overview: health, path, variants, alarms", Section: "Training jobs", Run: none},
		{Name: "stub.approve", Keys: []string{"a"}, Help: "approve the version after reading its comparison", Section: "Training jobs",
			Mutates: true, Action: domain.ActionApproveModel, Run: none},
	}
}

// Help gives a description the room there is: a column of long ones
// takes what the others do not need (at 120 columns, "export (CSV,
// Markdown, clipboard)" whole, where an equal share cut it at 25 cells),
// and what still does not fit wraps under itself; nothing is cut.
func TestHelpDescriptionsAreNotCut(t *testing.T) {
	for _, tc := range []struct {
		w, h  int
		lines [][2]string // a line's start, and the next line's text under the descriptions
	}{
		{80, 24, [][2]string{
			{" e             export (CSV, Markdown, ", "clipboard)"},
			{" o             overview: health, path, ", "variants, alarms"},
			{" a             approve the version after ", "reading its comparison"},
		}},
		{120, 40, [][2]string{
			{" e             export (CSV, Markdown, clipboard) ", "o             overview: health, path, variants,"},
			{" o             overview: health, path, variants, ", "alarms"},
			{" a             approve the version after reading its ", "comparison"},
		}},
	} {
		h := newHarness(t, tc.w, tc.h, withStub(&stubPane{moreKeys: longHelpKeys()}), withIdentity(kittest.Scientist()))
		h.keys("2", "?")
		out := h.screen()
		checkFrame(t, out, tc.w, tc.h)
		if strings.Contains(out, "…") {
			t.Errorf("%dx%d: help cuts something:\n%s", tc.w, tc.h, out)
		}
		lines := strings.Split(out, "\n")
		for _, want := range tc.lines {
			found := false
			for i, l := range lines[:len(lines)-1] {
				if strings.HasPrefix(l, want[0]) {
					found = true
					next := lines[i+1]
					if !strings.HasPrefix(next, strings.Repeat(" ", 15)+want[1]) && !strings.HasPrefix(next, " "+want[1]) {
						t.Errorf("%dx%d: after %q comes %q, want %q under the descriptions", tc.w, tc.h, want[0], next, want[1])
					}
				}
			}
			if !found {
				t.Errorf("%dx%d: no line starts %q:\n%s", tc.w, tc.h, want[0], out)
			}
		}
	}
}
