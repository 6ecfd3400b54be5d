package ui

import (
	"fmt"
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// crash is a recovered panic, with what the report needs.
type crash struct {
	value any
	stack []byte
	where string
}

// crashMsg carries a panic from a command's goroutine to the loop.
type crashMsg struct{ c crash }

// guard wraps the root model so that a panic in Init, Update, View or a
// command ends the program cleanly (Bubble Tea restores the terminal on
// tea.Quit) and leaves a report, instead of a broken terminal. View is
// rendered inside Update, where a panic can still return tea.Quit.
type guard struct {
	inner tea.Model
	frame string
	crash *crash
	// describe adds what the shell was doing to a crash (pane, size).
	describe func() string
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer g.recover("Init", &cmd)
	cmd = g.inner.Init()
	g.frame = g.inner.View()
	return wrapCmd(cmd)
}

func (g *guard) Update(msg tea.Msg) (model tea.Model, cmd tea.Cmd) {
	// Set before anything can panic: after a recovered panic Bubble Tea
	// still draws the model Update returns, and a nil one would panic
	// again, outside the guard.
	model = g
	if c, ok := msg.(crashMsg); ok && g.crash == nil {
		g.crash = &c.c
	}
	if g.crash != nil {
		return g, tea.Quit
	}
	defer g.recover(fmt.Sprintf("Update(%T)", msg), &cmd)
	next, cmd := g.inner.Update(msg)
	g.inner = next
	g.frame = g.inner.View()
	return g, wrapCmd(cmd)
}

func (g *guard) View() string {
	if g.crash != nil {
		return ""
	}
	return g.frame
}

func (g *guard) recover(where string, cmd *tea.Cmd) {
	r := recover()
	if r == nil {
		return
	}
	if g.describe != nil {
		where += "; " + safeDescribe(g.describe)
	}
	g.crash = &crash{value: r, stack: debug.Stack(), where: where}
	*cmd = tea.Quit
}

func safeDescribe(f func() string) (s string) {
	defer func() {
		if recover() != nil {
			s = "(state unavailable)"
		}
	}()
	return f()
}

// wrapCmd makes a command report its panic as a crashMsg. Batches are
// unwrapped so each of their commands is guarded too.
func wrapCmd(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{crash{value: r, stack: debug.Stack(), where: "a command"}}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(batch))
			for i, c := range batch {
				out[i] = wrapCmd(c)
			}
			return out
		}
		return msg
	}
}
