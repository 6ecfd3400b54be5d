package ui

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/dialog"
)

// actionTimeout bounds one action's wait for AWS.
const actionTimeout = 2 * time.Minute

// confirmState is the open confirmation dialog and who asked for it.
type confirmState struct {
	id     uint64
	from   kit.PaneID
	dialog *dialog.Confirm
}

// actionDoneMsg is Service.Do's answer to dialog id.
type actionDoneMsg struct {
	id     uint64
	from   kit.PaneID
	req    backend.ActionRequest
	result backend.ActionResult
	err    error
}

// openConfirm shows the dialog for a pane's action request.
func (m *model) openConfirm(msg kit.ConfirmMsg) tea.Cmd {
	if msg.Req == nil {
		return nil
	}
	if m.confirm != nil {
		return m.notify(kit.LevelWarn, "Another action is waiting for confirmation.")
	}
	m.notes.seq++
	m.confirm = &confirmState{id: m.notes.seq, from: msg.Pane, dialog: dialog.ForAction(msg.Req, m.ctx.Identity)}
	m.help, m.prompt = false, nil
	return nil
}

func (m *model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	c := m.confirm
	switch c.dialog.Update(msg) {
	case dialog.Confirmed:
		c.dialog.SetRunning()
		return m.perform(c)
	case dialog.Cancelled:
		m.confirm = nil
		return m.notify(kit.LevelInfo, "Cancelled: nothing was sent.")
	case dialog.Dismissed:
		m.confirm = nil
		return m.notify(kit.LevelInfo, "Still waiting for AWS; the result will show here.")
	}
	return nil
}

// perform runs the action off the loop; everything it needs is captured
// now, not read from the model when it runs.
func (m *model) perform(c *confirmState) tea.Cmd {
	ctx, svc, req, id, from := m.ctx.Ctx, m.svc, c.dialog.Req, c.id, c.from
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, actionTimeout)
		defer cancel()
		res, err := svc.Do(ctx, req)
		return actionDoneMsg{id: id, from: from, req: req, result: res, err: err}
	}
}

// actionDone closes the dialog, reports the outcome, and tells the pane
// that asked.
func (m *model) actionDone(msg actionDoneMsg) tea.Cmd {
	if m.confirm != nil && m.confirm.id == msg.id {
		m.confirm = nil
	}
	var note tea.Cmd
	switch {
	case msg.err != nil:
		note = m.notify(kit.LevelError, msg.err.Error())
	case msg.result.Outcome == backend.OutcomeUnknown:
		note = m.notify(kit.LevelWarn, nonEmpty(msg.result.Message, "No answer from AWS; the list will show what happened."))
	default:
		note = m.notify(kit.LevelInfo, nonEmpty(msg.result.Message, "Done: "+msg.req.Action().Verb()+" ("+msg.req.Target()+")."))
	}
	return tea.Batch(note, m.route(msg.from, kit.ActionDoneMsg{Pane: msg.from, Req: msg.req, Result: msg.result, Err: msg.err}))
}

func nonEmpty(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
