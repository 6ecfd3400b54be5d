package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

var screenSizes = []struct{ w, h int }{{80, 24}, {120, 40}}

// shellStates drives the shell into each state a user can see.
var shellStates = []struct {
	name  string
	opts  []harnessOpt
	drive func(h *harness)
}{
	{name: "loading", drive: func(h *harness) {}},
	{name: "data", drive: func(h *harness) {
		h.svc.SetCalls(backend.CallStats{Total: 42, Throttl: 1})
		h.withProjects()
		h.send(clockMsg{})
	}},
	{name: "empty", drive: func(h *harness) { h.deliver(projectsKey, backend.ProjectsData{}, freshProjects()) }},
	{name: "error_no_data", drive: func(h *harness) {
		h.deliver(projectsKey, nil, backend.FeedState{Err: "sagemaker:ListProjects: ThrottlingException: Rate exceeded", LastAttempt: kittest.Now})
	}},
	{name: "stale", drive: func(h *harness) {
		h.withProjects()
		s := freshProjects()
		s.LastSuccess = kittest.Now.Add(-2 * time.Minute)
		s.Err, s.Stale = "connection reset by peer", true
		h.deliver(projectsKey, nil, s)
	}},
	{name: "fetching", drive: func(h *harness) {
		h.withProjects()
		s := freshProjects()
		s.Fetching = true
		h.deliver(projectsKey, nil, s)
	}},
	{name: "filter_typing", drive: func(h *harness) { h.withProjects(); h.keys("/", "type:hdb") }},
	{name: "filter_applied", drive: func(h *harness) { h.withProjects(); h.keys("/", "type:rsl", "enter") }},
	{name: "command_suggestions", drive: func(h *harness) { h.withProjects(); h.keys(":", "type:project hdb") }},
	{name: "help", drive: func(h *harness) { h.withProjects(); h.keys("?") }},
	{name: "help_long_keys", opts: []harnessOpt{withStub(&stubPane{moreKeys: longHelpKeys()}), withIdentity(kittest.Scientist())},
		drive: func(h *harness) { h.keys("2", "?") }},
	{name: "detail", drive: func(h *harness) { h.withProjects(); h.keys("enter") }},
	{name: "scoped_readonly", opts: []harnessOpt{withOptions(func(o *Options) { o.ReadOnly = true; o.Project = "lta-bus-eta" })},
		drive: func(h *harness) { h.withProjects() }},
	{name: "confirm", opts: []harnessOpt{withStub(&stubPane{})}, drive: func(h *harness) { h.keys("2", "x") }},
	{name: "refused_key", opts: []harnessOpt{withStub(&stubPane{}), withIdentity(func() (id domain.Identity) {
		id = kittest.Scientist()
		id.ReadOnly = true
		return
	}())}, drive: func(h *harness) { h.keys("2", "x") }},
	{name: "confirm_refused", opts: []harnessOpt{withStub(&stubPane{noRestrict: true}), withIdentity(func() (id domain.Identity) {
		id = kittest.Scientist()
		id.ReadOnly = true
		return
	}())}, drive: func(h *harness) { h.keys("2", "x") }},
	{name: "placeholder", opts: []harnessOpt{withPipelinesPlaceholder()}, drive: func(h *harness) { h.keys("3") }},
	{name: "expired", opts: []harnessOpt{withIdentity(kittest.Scientist())}, drive: func(h *harness) {
		h.withProjects()
		s := freshProjects()
		s.Err, s.Expired, s.Stale = "ExpiredTokenException: the security token included in the request is expired", true, true
		h.deliver(projectsKey, nil, s)
	}},
	{name: "notification", drive: func(h *harness) { h.withProjects(); h.keys(":", "type:fly", "enter") }},
}

func TestShellGolden(t *testing.T) {
	for _, sz := range screenSizes {
		for _, s := range shellStates {
			t.Run(fmt.Sprintf("%s_%dx%d", s.name, sz.w, sz.h), func(t *testing.T) {
				h := newHarness(t, sz.w, sz.h, s.opts...)
				s.drive(h)
				out := h.screen()
				checkFrame(t, out, sz.w, sz.h)
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// Colour goldens: the same screens with the dark and colour-blind themes.
func TestShellColourGolden(t *testing.T) {
	for _, theme := range []string{"dark", "colorblind"} {
		t.Run(theme, func(t *testing.T) {
			h := newHarness(t, 80, 24, withColour(theme))
			h.withProjects()
			h.keys("/", "type:hdb", "enter")
			out := h.screen()
			checkFrame(t, out, 80, 24)
			golden.RequireEqualEscape(t, []byte(out), true)
		})
	}
}

func TestTooSmallGolden(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{59, 24}, {80, 14}, {20, 5}} {
		t.Run(fmt.Sprintf("%dx%d", sz.w, sz.h), func(t *testing.T) {
			h := newHarness(t, sz.w, sz.h)
			h.withProjects()
			out := h.screen()
			checkFrame(t, out, sz.w, sz.h)
			if !strings.Contains(strings.ReplaceAll(out, "\n", " "), "need") {
				t.Fatalf("no size advice:\n%s", out)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// checkFrame asserts the screen is exactly w×h cells.
func checkFrame(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Fatalf("screen has %d lines, want %d:\n%s", len(lines), h, out)
	}
	for i, l := range lines {
		if got := kit.Width(l); got != w {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, got, w, l)
		}
	}
}
