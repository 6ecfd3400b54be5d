package kit

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
)

// PaneID names one of the six panes.
type PaneID string

const (
	PaneProjects  PaneID = "projects"
	PaneJobs      PaneID = "jobs"
	PanePipelines PaneID = "pipelines"
	PaneRegistry  PaneID = "registry"
	PaneEndpoints PaneID = "endpoints"
	PaneBackups   PaneID = "backups"
)

// Pane is what the shell routes to. A pane owns its state and updates
// itself; the shell only routes messages, draws the frame around it and
// runs the things panes ask for (confirmations, scope changes).
type Pane interface {
	ID() PaneID
	// Title is the pane's name on its tab.
	Title() string
	// Init is called once, when the pane is first shown.
	Init(ctx *Context) tea.Cmd
	// Update handles keys (when the shell does not), mouse events with
	// coordinates relative to the pane's area, and the kit messages:
	// FeedMsg, FilterMsg, ScopeMsg, ThemeMsg, SizeMsg, IdentityMsg,
	// Routed results.
	Update(msg tea.Msg) (Pane, tea.Cmd)
	// View draws exactly width×height cells (kit.FitLines helps).
	View(width, height int) string
	// Keys are the bindings active now, in help order.
	Keys() []Binding
	// Feeds are what the pane needs subscribed while it is visible; the
	// shell diffs this after every Update, so a drill-down may change it.
	Feeds() []backend.FeedKey
	// Crumbs is where the user is: ["Projects", "hdb-resale"].
	Crumbs() []string
	// Info is a short note for the right of the breadcrumb line
	// ("12 of 40 · sort name↑").
	Info() string
	// Capturing is true while the pane takes typed text (a form field):
	// the shell then passes every key to it, global keys included.
	Capturing() bool
	// Filter is the filter text and whether the current view can be
	// filtered at all.
	Filter() (text string, ok bool)
}
