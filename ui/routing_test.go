package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

func TestNumberKeysTabsAndCommandsSwitchPanes(t *testing.T) {
	h := newHarness(t, 80, 24)
	steps := []struct {
		keys []string
		want kit.PaneID
	}{
		{[]string{"2"}, kit.PaneJobs},
		{[]string{"6"}, kit.PaneBackups},
		{[]string{"tab"}, kit.PaneProjects}, // wraps
		{[]string{"shift+tab"}, kit.PaneBackups},
		{[]string{":", "type:registry", "enter"}, kit.PaneRegistry},
		{[]string{":", "type:ep", "enter"}, kit.PaneEndpoints},
		{[]string{":", "type:pipe", "tab", "enter"}, kit.PanePipelines},
		{[]string{"1"}, kit.PaneProjects},
	}
	for _, s := range steps {
		h.keys(s.keys...)
		if got := h.m.activePane().ID(); got != s.want {
			t.Fatalf("after %v the visible pane is %s, want %s", s.keys, got, s.want)
		}
	}
}

func TestGlobalKeysSuppressedWhileTypingAFilter(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("/", "type:q1:?2")
	if h.quit {
		t.Fatal("q in the filter quit agdash")
	}
	if h.m.activePane().ID() != kit.PaneProjects || h.m.help {
		t.Fatal("keys typed into the filter acted as global keys")
	}
	if text, _ := h.m.activePane().Filter(); text != "q1:?2" {
		t.Fatalf("filter text = %q", text)
	}
	h.keys("esc")
	if text, _ := h.m.activePane().Filter(); text != "" || h.m.prompt != nil {
		t.Fatalf("esc should clear the filter and close the prompt: %q", text)
	}
}

func TestFilterKeptAfterEnterAndClearedByEsc(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("/", "type:lta-bus", "enter")
	if !strings.Contains(h.screen(), "/lta-bus") || !strings.Contains(h.screen(), "1 of 4 projects") {
		t.Fatalf("the kept filter should show on the breadcrumb line:\n%s", h.screen())
	}
	if strings.Contains(h.screen(), "hdb-resale-valuation") {
		t.Fatal("filtered-out rows are shown")
	}
	h.keys("esc")
	if !strings.Contains(h.screen(), "hdb-resale-valuation") {
		t.Fatal("esc did not clear the kept filter")
	}
	// esc again (no filter) goes to the pane: from a detail, back.
	h.keys("enter")
	if !strings.Contains(h.screen(), "lta-bus-eta  UpdateInProgress") || !strings.Contains(h.screen(), "Members (2)") {
		t.Fatal("enter did not open the detail")
	}
	h.keys("esc")
	if strings.Contains(h.screen(), "Members (2)") {
		t.Fatal("esc did not go back")
	}
}

func TestCapturingPaneGetsEveryKey(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 80, 24, withStub(stub))
	h.keys("2", "i", "type:q1?:")
	if h.quit || h.m.activePane().ID() != kit.PaneJobs || h.m.help || h.m.prompt != nil {
		t.Fatal("global keys fired while the pane was taking text")
	}
	if stub.typed != "q1?:" {
		t.Fatalf("pane got %q", stub.typed)
	}
	h.keys("esc", "1")
	if h.m.activePane().ID() != kit.PaneProjects {
		t.Fatal("after the pane stopped capturing, 1 should switch panes")
	}
	h.keys("ctrl+c")
	if !h.quit {
		t.Fatal("ctrl+c should always quit")
	}
}

func TestQuit(t *testing.T) {
	h := newHarness(t, 80, 24)
	h.keys("q")
	if !h.quit {
		t.Fatal("q did not quit")
	}
	if got := h.svc.Subscribed(); len(got) != 0 {
		t.Fatalf("quitting left feeds subscribed: %v", got)
	}
	h2 := newHarness(t, 80, 24)
	h2.keys(":", "type:q", "enter")
	if !h2.quit {
		t.Fatal(":q did not quit")
	}
}

func TestVisiblePaneFeedsSubscribedAndHiddenOnesDropped(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 80, 24, withStub(stub), withPipelinesPlaceholder(),
		withOptions(func(o *Options) { o.BackgroundFeeds = []backend.FeedKey{} }))
	if got := strings.Join(h.svc.Subscribed(), ","); got != "projects" {
		t.Fatalf("on Projects: subscribed %s", got)
	}
	h.keys("2")
	if got := strings.Join(h.svc.Subscribed(), ","); got != "training-jobs" {
		t.Fatalf("on Training jobs: subscribed %s", got)
	}
	h.keys("3")
	if got := h.svc.Subscribed(); len(got) != 0 {
		t.Fatalf("on a placeholder: subscribed %v", got)
	}
	want := []string{"+projects", "-projects", "+training-jobs", "-training-jobs"}
	if got := h.svc.SubscriptionLog(); !slices.Equal(got, want) {
		t.Fatalf("subscription log %v, want %v", got, want)
	}
}

func TestBackgroundFeedStaysAndReplaysToPane(t *testing.T) {
	h := newHarness(t, 80, 24, withOptions(func(o *Options) { o.Pane = "jobs" }))
	if got := strings.Join(h.svc.Subscribed(), ","); got != "projects,training-jobs" {
		t.Fatalf("background set and the jobs pane: subscribed %s", got)
	}
	// The projects feed delivers while Projects is hidden: the shell keeps
	// it for completion, and replays it when Projects is shown.
	h.withProjects()
	h.keys(":", "type:project lta", "tab")
	if h.m.prompt.value() != "project lta-bus-eta" {
		t.Fatalf("completion from the background feed: %q", h.m.prompt.value())
	}
	h.keys("esc", "1")
	if !strings.Contains(h.screen(), "lta-bus-eta") {
		t.Fatalf("Projects shown after the data arrived should draw it at once:\n%s", h.screen())
	}
	h.keys("2")
	if got := strings.Join(h.svc.Subscribed(), ","); got != "projects,training-jobs" {
		t.Fatalf("after leaving Projects the background feed should stay beside the jobs pane's: %s", got)
	}
}

func TestUpdatesRoutedOnlyToSubscribedPanes(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 80, 24, withStub(stub))
	h.keys("2", "1")
	stub.got = nil
	h.deliver(backend.FeedKey{Kind: backend.FeedTrainingJobs}, backend.TrainingJobsData{}, backend.FeedState{})
	for _, m := range stub.got {
		if _, ok := m.(kit.FeedMsg); ok {
			t.Fatal("a hidden pane got a feed update")
		}
	}
	h.keys("2")
	stub.got = nil
	h.deliver(backend.FeedKey{Kind: backend.FeedTrainingJobs}, backend.TrainingJobsData{}, backend.FeedState{})
	got := 0
	for _, m := range stub.got {
		if _, ok := m.(kit.FeedMsg); ok {
			got++
		}
	}
	if got != 1 {
		t.Fatalf("the visible pane got %d feed updates, want 1", got)
	}
}

func TestCommandModeScopeAndTheme(t *testing.T) {
	h := newHarness(t, 100, 30).withProjects()
	h.keys(":", "type:project hdb-rental-forecast", "enter")
	if h.m.ctx.Scope != "hdb-rental-forecast" || !strings.Contains(h.screen(), "project hdb-rental-forecast") {
		t.Fatalf("scope not shown in the header:\n%s", h.screen())
	}
	if !strings.Contains(h.screen(), "info: Scoped every pane to project hdb-rental-forecast") {
		t.Fatal("no notification for the scope")
	}
	h.keys(":", "type:project -", "enter")
	if h.m.ctx.Scope != "" {
		t.Fatal(":project - did not clear the scope")
	}
	h.keys(":", "type:project nope", "enter")
	if h.m.ctx.Scope != "" || !strings.Contains(h.screen(), `error: no project named "nope"`) {
		t.Fatalf("an unknown project should be refused:\n%s", h.screen())
	}
	// The pane's s key scopes the same way.
	h.keys("down", "down", "s")
	if h.m.ctx.Scope != "lta-bus-eta" {
		t.Fatalf("s scoped to %q", h.m.ctx.Scope)
	}
	h.keys(":", "type:theme light", "enter")
	if !strings.Contains(h.screen(), "NO_COLOR is set") {
		t.Fatalf("in no-colour mode :theme should explain why nothing changes:\n%s", h.screen())
	}
}

func TestThemeSwitchRebuildsStyles(t *testing.T) {
	h := newHarness(t, 100, 30, withColour("dark")).withProjects()
	h.keys(":", "type:theme high-contrast", "enter")
	if h.m.ctx.Styles.Name != "high-contrast" {
		t.Fatalf("theme is %s", h.m.ctx.Styles.Name)
	}
	if !strings.Contains(h.screen(), "38;2;0;255;0") { // high-contrast's bright green for the fresh feed
		t.Fatal("the screen is not drawn with the new theme")
	}
}

func TestTabCompletionCycles(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys(":", "type:proj", "tab")
	if v := h.m.prompt.value(); v != "project" {
		t.Fatalf("tab to the common prefix: %q", v)
	}
	h.keys("tab")
	if v := h.m.prompt.value(); v != "project" {
		t.Fatalf("first cycle: %q", v)
	}
	h.keys("tab")
	if v := h.m.prompt.value(); v != "projects" {
		t.Fatalf("second cycle: %q", v)
	}
	h.keys("backspace", "type: h", "tab")
	if v := h.m.prompt.value(); v != "project hdb-re" {
		t.Fatalf("argument completion: %q", v)
	}
	h.keys("type:sa", "tab")
	if v := h.m.prompt.value(); v != "project hdb-resale-valuation" {
		t.Fatalf("unique completion: %q", v)
	}
	h.keys("esc")
	h.keys(":", "type:th", "tab")
	if v := h.m.prompt.value(); v != "theme " {
		t.Fatalf("a command taking an argument completes with a space: %q", v)
	}
}

func TestMouseTabsAndRows(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	press := func(x, y int) {
		h.send(tea.MouseMsg{X: x, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	}
	// Tabs at 80 columns: "[1 Projects] 2 Training jobs  3 Pipelines ..."
	press(20, 1)
	if h.m.activePane().ID() != kit.PaneJobs {
		t.Fatalf("click on the second tab showed %s", h.m.activePane().ID())
	}
	press(3, 1)
	if h.m.activePane().ID() != kit.PaneProjects {
		t.Fatal("click on the first tab")
	}
	press(10, 6) // screen row 6 = table row 3 (header at row 3)
	if !strings.Contains(lineOf(h.screen(), "lta-bus-eta"), ">") {
		t.Fatalf("click did not select lta-bus-eta:\n%s", h.screen())
	}
	h.keys("?")
	press(20, 1)
	if h.m.activePane().ID() != kit.PaneProjects {
		t.Fatal("a click behind the help overlay acted")
	}
}

func lineOf(screen, s string) string {
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}

func TestNoBindingCollisionsWithGlobalKeys(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	global := map[string]string{}
	for _, b := range h.m.globalKeys.Bindings() {
		for _, k := range b.Keys {
			global[k] = b.Name
		}
	}
	check := func(where string, bs []kit.Binding) {
		for _, b := range bs {
			for _, k := range b.Keys {
				if g, ok := global[k]; ok && k != "esc" {
					t.Errorf("%s: %s binds %q, which the shell takes first (%s)", where, b.Name, k, g)
				}
			}
		}
	}
	check("projects list", h.m.activePane().Keys())
	h.keys("enter")
	check("projects detail", h.m.activePane().Keys())
	h.keys("esc", "d")
	check("domains list", h.m.activePane().Keys())
}

func TestTinySizesNeverPanic(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	for _, sz := range [][2]int{{1, 1}, {0, 0}, {20, 5}, {59, 15}, {60, 15}, {2, 40}, {300, 3}, {60, 14}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for _, k := range []string{"?", "esc", "enter", "down", "esc", "/", "type:h", "esc", ":", "type:j", "esc"} {
			h.keys(k)
			out := h.screen()
			if sz[0] > 0 && sz[1] > 0 {
				checkFrame(t, out, sz[0], sz[1])
			}
		}
	}
}

// Fast typing (or tmux send-keys) delivers several runes in one message.
func TestRuneBurstsAreSeparateKeys(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/rsl")})
	if h.m.prompt == nil || h.m.prompt.value() != "rsl" {
		t.Fatalf("a burst should open the filter and type into it: %+v", h.m.prompt)
	}
	h.keys("esc")
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("jj")})
	if !strings.Contains(lineOf(h.screen(), "lta-bus-eta"), ">") {
		t.Fatalf("jj should move down twice:\n%s", h.screen())
	}
	// A paste is text, not keys: outside a prompt it does nothing.
	h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("q2"), Paste: true})
	if h.quit || h.m.activePane().ID() != kit.PaneProjects {
		t.Fatal("a paste acted as key presses")
	}
}

func TestDoubleEscArrivesAsAltEsc(t *testing.T) {
	h := newHarness(t, 80, 24).withProjects()
	h.keys("/", "type:hdb", "enter", "enter") // filter kept, detail open
	h.send(tea.KeyMsg{Type: tea.KeyEsc, Alt: true})
	// The first leaves the detail, the second clears the filter.
	if text, _ := h.m.activePane().Filter(); text != "" || strings.Contains(h.screen(), "Members (") {
		t.Fatalf("filter %q after two escs:\n%s", text, h.screen())
	}
}
