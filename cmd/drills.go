package cmd

import (
	"context"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/feed"
	"github.com/agdash/agdash/views/kit"
)

// panicDrillEnv names a hidden drill that makes agdash panic on purpose,
// so the end-to-end tests can check that a crash restores the terminal
// and leaves a report. It is not a user setting and appears in no help.
//
//	AGDASH_TEST_PANIC=view  the Backups pane (6) becomes a drill pane; "!" there makes its next View panic
//	AGDASH_TEST_PANIC=cmd   as view, but "!" returns a command that panics in its goroutine
//	AGDASH_TEST_PANIC=feed  the projects feed's second poll panics (the first shows data; ctrl+r polls again)
const panicDrillEnv = "AGDASH_TEST_PANIC"

// drillPanes replaces the Backups pane for the view and cmd drills.
func drillPanes(drill string) map[kit.PaneID]func() kit.Pane {
	if drill != "view" && drill != "cmd" {
		return nil
	}
	return map[kit.PaneID]func() kit.Pane{kit.PaneBackups: func() kit.Pane { return &drillPane{drill: drill} }}
}

// drillFeeds makes the projects feed's second poll panic, for the feed drill.
func drillFeeds(drill string) func(backend.FeedKey, feed.Spec) feed.Spec {
	if drill != "feed" {
		return nil
	}
	var polls atomic.Int64
	return func(key backend.FeedKey, spec feed.Spec) feed.Spec {
		if key.Kind != backend.FeedProjects {
			return spec
		}
		fetch := spec.Fetch
		spec.Fetch = func(ctx context.Context, prev any) (any, error) {
			if polls.Add(1) == 2 {
				panic("panic drill: the projects feed")
			}
			return fetch(ctx, prev)
		}
		return spec
	}
}

// drillPane is a pane that panics when told to.
type drillPane struct {
	drill string
	armed bool
}

func (p *drillPane) ID() kit.PaneID                 { return kit.PaneBackups }
func (p *drillPane) Title() string                  { return "Panic drill" }
func (p *drillPane) Init(*kit.Context) tea.Cmd      { return nil }
func (p *drillPane) Keys() []kit.Binding            { return nil }
func (p *drillPane) Feeds() []backend.FeedKey       { return nil }
func (p *drillPane) Crumbs() []string               { return []string{"Panic drill"} }
func (p *drillPane) Info() string                   { return "" }
func (p *drillPane) Capturing() bool                { return false }
func (p *drillPane) Filter() (text string, ok bool) { return "", false }

func (p *drillPane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "!" {
		if p.drill == "cmd" {
			return p, func() tea.Msg { panic("panic drill: a command") }
		}
		p.armed = true
	}
	return p, nil
}

func (p *drillPane) View(width, height int) string {
	if p.armed {
		panic("panic drill: View")
	}
	return kit.FitLines(" Panic drill ("+p.drill+"): press ! to panic", width, height)
}

// crashReports writes a crash report for each place that panicked, once:
// a feed that panics at every poll leaves one report, not one a minute.
type crashReports struct {
	write func(where string, value any, stack []byte) (string, error)
	mu    sync.Mutex
	paths map[string]string
}

func (c *crashReports) report(where string, value any, stack []byte) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.paths[where]; ok {
		return p
	}
	path, err := c.write(where, value, stack)
	if err != nil {
		return ""
	}
	if c.paths == nil {
		c.paths = map[string]string{}
	}
	c.paths[where] = path
	return path
}
