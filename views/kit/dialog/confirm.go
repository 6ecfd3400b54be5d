// Package dialog holds modal widgets the shell draws over a pane: the
// confirmation every mutating action goes through.
package dialog

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Outcome is what a key press decided.
type Outcome int

const (
	Undecided Outcome = iota
	Confirmed         // perform the action
	Cancelled         // close without acting
	Dismissed         // close while the action runs on; its result still arrives
)

// Confirm asks the user to confirm one action, showing exactly what will
// be sent. When the identity may not perform it, it says so instead and
// can only be closed.
type Confirm struct {
	Req     backend.ActionRequest
	title   string
	lines   []string
	refused string
	running bool
	keys    *kit.KeyMap
	outcome Outcome
}

// ForAction builds the dialog for req as id would perform it.
func ForAction(req backend.ActionRequest, id domain.Identity) *Confirm {
	verb := req.Action().Verb()
	c := &Confirm{
		Req:   req,
		title: strings.ToUpper(verb[:1]) + verb[1:] + "?",
	}
	c.lines = append(c.lines, "Target: "+kit.Sanitize(req.Target()), "")
	for _, l := range req.Plan() {
		c.lines = append(c.lines, kit.Sanitize(l))
	}
	if ok, why := id.MayPerform(req.Action()); !ok {
		c.refused = why
	}
	c.keys = kit.NewKeyMap(
		kit.Binding{Name: "dialog.confirm", Keys: []string{"y", "enter"}, Help: "confirm and send", Section: "Dialog", Run: func(tea.KeyMsg) tea.Cmd {
			switch {
			case c.running: // a second Enter while it runs does nothing
			case c.refused != "":
				c.outcome = Cancelled
			default:
				c.outcome = Confirmed
			}
			return nil
		}},
		kit.Binding{Name: "dialog.cancel", Keys: []string{"n", "esc"}, Help: "cancel", Section: "Dialog", Run: func(tea.KeyMsg) tea.Cmd {
			if c.running {
				c.outcome = Dismissed
			} else {
				c.outcome = Cancelled
			}
			return nil
		}},
		kit.Binding{Name: "dialog.cancel.q", Keys: []string{"q"}, Hidden: true, Run: func(tea.KeyMsg) tea.Cmd {
			if !c.running {
				c.outcome = Cancelled
			}
			return nil
		}},
	)
	return c
}

// Refused is why the action may not be performed, "" if it may.
func (c *Confirm) Refused() string { return c.refused }

// Running reports whether the action has been sent and not yet answered.
func (c *Confirm) Running() bool { return c.running }

// SetRunning marks the action as sent.
func (c *Confirm) SetRunning() { c.running = true }

// Update decides what a key means. Every key is the dialog's while it is
// open; keys it does not bind are ignored.
func (c *Confirm) Update(msg tea.KeyMsg) Outcome {
	c.outcome = Undecided
	c.keys.Handle(msg)
	return c.outcome
}

// Keys are the dialog's bindings, for help.
func (c *Confirm) Keys() []kit.Binding { return c.keys.Bindings() }

// View draws the dialog box, at most maxWidth cells wide. Plan lines wrap
// rather than being cut, so nothing that will be sent is hidden; a
// field's value continues under itself (see wrapLine).
func (c *Confirm) View(st *themes.Styles, maxWidth int) string {
	inner := max(10, min(maxWidth, 100)-4) // border and padding
	var b strings.Builder
	b.WriteString(st.DialogTitle.Render(c.title))
	for _, l := range c.lines {
		b.WriteByte('\n')
		b.WriteString(wrapLine(l, inner))
	}
	b.WriteString("\n\n")
	switch {
	case c.refused != "":
		b.WriteString(st.DialogDanger.Render(ansi.Wrap("refused: "+c.refused, inner, " ")))
		b.WriteByte('\n')
		b.WriteString(st.DialogHint.Render("enter/esc close"))
	case c.running:
		b.WriteString(st.DialogHint.Render("Sending… (esc hides this; the result will be reported)"))
	default:
		b.WriteString(st.DialogHint.Render("y/enter confirm · n/esc cancel"))
	}
	return st.Dialog.Render(b.String())
}
