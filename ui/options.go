package ui

import (
	"context"
	"io"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/health"
	"github.com/agdash/agdash/views/endpoints"
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
	// Bell rings the terminal bell when a pane raises kit.BellMsg (the
	// Endpoints pane does when an endpoint turns CRIT). The endpoints feed
	// then stays subscribed in the background, so that the bell rings
	// whatever pane is visible.
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
	// Reconnect builds a service for another AWS profile or region, for
	// :profile and :region; an empty profile or region keeps the current
	// one. nil turns both commands off. The shell owns each service it
	// returns and closes it when it is replaced in turn or when Run
	// returns; the service given to Run stays the caller's.
	Reconnect func(ctx context.Context, profile, region string) (backend.Service, error)
	// Profiles lists what :profile completes (the AWS config file's
	// profiles, or the sandbox's roles and users); nil completes nothing.
	Profiles func() []string
	// Regions lists what :region completes.
	Regions []string
	// Samples are the config file's smoke-test payloads per endpoint.
	Samples endpoints.Samples
	// Health are the endpoint health thresholds the backend judges by, so
	// that the Endpoints pane's verdicts agree with it.
	Health health.Config
	// RestoreRoleARN is the IAM role restores run as ("" lets the Backups
	// pane choose the backup's own role or AWS Backup's default).
	RestoreRoleARN string
	// Notices are shown when the shell starts: problems with the config
	// file, each a sentence that says where.
	Notices []string
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
