package ui

import (
	"io"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
)

// Options are how cmd starts the shell.
type Options struct {
	// Pane to show first, by any of its commands ("projects", "jobs", …);
	// "" for Projects.
	Pane string
	// Theme is a built-in theme name; "" for the default.
	Theme string
	// ReadOnly shows and treats the session as read-only (the backend
	// refuses mutating calls by itself too).
	ReadOnly bool
	// Project scopes every pane to one project from the start.
	Project string
	// Mouse turns on clicks and the wheel.
	Mouse bool
	// NoColor draws without colour; NO_COLOR in the environment does too.
	NoColor bool
	// Bell rings the terminal bell when an endpoint turns CRIT. Reserved:
	// the Endpoints pane will raise it.
	Bell bool
	// BackgroundFeeds stay subscribed whatever pane is visible. nil means
	// the default (projects, for :project completion and the scope);
	// an empty, non-nil slice means none.
	BackgroundFeeds []backend.FeedKey
	// KeyOverrides rebind keys by binding name ("table.down": ["n"]).
	KeyOverrides map[string][]string
	// CrashDir is where crash reports go; "" for the system temp dir.
	CrashDir string
	// Version is written into crash reports.
	Version string
	// Panes replaces pane constructors by id (tests, or a pane under
	// development).
	Panes map[kit.PaneID]func() kit.Pane
	// Input and Output default to the terminal.
	Input  io.Reader
	Output io.Writer
}

// backgroundFeeds resolves the default.
func (o Options) backgroundFeeds() []backend.FeedKey {
	if o.BackgroundFeeds == nil {
		return []backend.FeedKey{{Kind: backend.FeedProjects}}
	}
	return o.BackgroundFeeds
}
