package kit

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
)

// Routed is a message addressed to one pane. The shell delivers it to that
// pane whether or not it is visible.
type Routed interface{ RouteTo() PaneID }

// --- shell → pane ---

// FeedMsg carries a backend Update to a pane subscribed to its key.
type FeedMsg struct{ Update backend.Update }

// FilterMsg sets the pane's filter text ("" clears it).
type FilterMsg struct{ Text string }

// ScopeMsg tells panes the project scope changed (Context.Scope has it).
type ScopeMsg struct{ Project string }

// ThemeMsg tells panes Context.Styles changed.
type ThemeMsg struct{}

// SizeMsg is the pane's drawing area after a resize.
type SizeMsg struct{ Width, Height int }

// IdentityMsg tells panes Context.Identity changed (e.g. after a
// credentials reload); keys must be restricted again.
type IdentityMsg struct{ Identity domain.Identity }

// ActionDoneMsg is the answer to an action the pane asked for.
type ActionDoneMsg struct {
	Pane   PaneID
	Req    backend.ActionRequest
	Result backend.ActionResult
	Err    error
}

func (m ActionDoneMsg) RouteTo() PaneID { return m.Pane }

// --- pane → shell ---

// ConfirmMsg asks the shell to confirm and perform an action.
type ConfirmMsg struct {
	Pane PaneID
	Req  backend.ActionRequest
}

// ScopeRequestMsg asks the shell to scope every pane to a project, as
// ":project NAME" does ("" clears the scope).
type ScopeRequestMsg struct{ Project string }

// NavigateMsg asks the shell to show another pane and, with Arg, to open
// something there: a training job's name, a pipeline execution's ARN, a
// model package's ARN. The shell hands the message on to that pane.
type NavigateMsg struct {
	Pane PaneID
	Arg  string
	// View asks for one view of Arg ("" for the pane's detail): ViewLogs.
	View string
}

// ViewLogs asks the Training jobs pane for a job's logs.
const ViewLogs = "logs"

// Level is a notification's severity.
type Level int

const (
	LevelInfo Level = iota
	LevelWarn
	LevelError
)

func (l Level) String() string {
	switch l {
	case LevelWarn:
		return "warn"
	case LevelError:
		return "error"
	}
	return "info"
}

// NotifyMsg is a transient message for the status area.
type NotifyMsg struct {
	Level Level
	Text  string
}

// Notify returns a command that shows a notification.
func Notify(level Level, text string) tea.Cmd {
	return func() tea.Msg { return NotifyMsg{Level: level, Text: text} }
}

// Confirm returns a command that asks the shell to confirm req.
func Confirm(pane PaneID, req backend.ActionRequest) tea.Cmd {
	return func() tea.Msg { return ConfirmMsg{Pane: pane, Req: req} }
}

// RequestScope returns a command that scopes every pane to project.
func RequestScope(project string) tea.Cmd {
	return func() tea.Msg { return ScopeRequestMsg{Project: project} }
}
