package ui

import (
	"testing"

	"github.com/agdash/agdash/views/kit"
)

// A jump from one pane to another shows the target pane and hands it the
// message, so it can open what the message names.
func TestNavigateShowsThePaneAndHandsItTheTarget(t *testing.T) {
	stub := &stubPane{}
	h := newHarness(t, 80, 24, withStub(stub))
	h.withProjects()
	nav := kit.NavigateMsg{Pane: kit.PaneJobs, Arg: "hdb-resale-train-0412", View: kit.ViewLogs}
	h.send(nav)
	if h.m.activePane().ID() != kit.PaneJobs {
		t.Fatalf("showing %s, want the jobs pane", h.m.activePane().ID())
	}
	if got := navigations(stub); len(got) != 1 || got[0] != nav {
		t.Fatalf("the pane got %+v, want %+v once", got, nav)
	}
	// Without an argument the pane is only shown.
	h.keys("1")
	h.send(kit.NavigateMsg{Pane: kit.PaneJobs})
	if h.m.activePane().ID() != kit.PaneJobs {
		t.Fatal("the jobs pane is not shown")
	}
	if got := navigations(stub); len(got) != 1 {
		t.Fatalf("a bare jump was handed to the pane: %+v", got)
	}
}

func navigations(p *stubPane) []kit.NavigateMsg {
	var out []kit.NavigateMsg
	for _, m := range p.got {
		if n, ok := m.(kit.NavigateMsg); ok {
			out = append(out, n)
		}
	}
	return out
}
