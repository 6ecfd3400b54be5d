package pipelines

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
	"github.com/agdash/agdash/views/pipelines/graph"
)

type graphViewport = graph.Viewport

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

// harness drives a pane with messages, as the shell would.
type harness struct {
	t      *testing.T
	p      *Pane
	ctx    *kit.Context
	svc    *kittest.Service
	tokens int
	w, h   int
	// confirmed is the action a state's drive asked to confirm, for the
	// golden's dialog.
	confirmed backend.ActionRequest
}

func newHarness(t *testing.T, w, h int, id domain.Identity) *harness {
	t.Helper()
	svc := kittest.NewService(id, now)
	hs := &harness{t: t, svc: svc, w: w, h: h}
	hs.ctx = &kit.Context{Ctx: context.Background(), Service: svc, Identity: id, Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	hs.p = New().WithTokens(func() string {
		hs.tokens++
		return fmt.Sprintf("00000000-0000-4000-8000-%012d", hs.tokens)
	})
	hs.p.Init(hs.ctx)
	return hs
}

func (h *harness) fail(key backend.FeedKey, err string) {
	h.send(kit.FeedMsg{Update: backend.Update{Key: key, State: backend.FeedState{Key: key, Err: err, Stale: true}}})
}

func (h *harness) deliver(key backend.FeedKey, data any) {
	h.send(kit.FeedMsg{Update: backend.Update{Key: key, Data: data, State: kittest.Fresh(key, now)}})
}

// send updates the pane and runs what it returns, feeding routed answers
// (a table's sorted rows) back to it; it returns the other messages.
func (h *harness) send(msg tea.Msg) []tea.Msg {
	_, cmd := h.p.Update(msg)
	return h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range m {
			out = append(out, h.run(c)...)
		}
		return out
	case kit.Routed:
		if _, ok := m.(kit.ActionDoneMsg); !ok && m.RouteTo() == kit.PanePipelines {
			return h.send(m)
		}
	}
	return []tea.Msg{msg}
}

// press sends keys one by one and returns every message they led to.
func (h *harness) press(keys ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range keys {
		out = append(out, h.send(kittest.Key(k))...)
	}
	return out
}

// typeText types text into the focused form field.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (h *harness) view() string { return h.p.View(h.w, h.h) }

// screen is the pane as a golden file shows it: breadcrumbs and info,
// then the pane's lines.
func (h *harness) screen() string {
	h.t.Helper()
	out := h.view()
	kittest.RequireBlock(h.t, out, h.w, h.h)
	return strings.Join(h.p.Crumbs(), " > ") + " | " + h.p.Info() + "\n" + out
}

// confirms are the actions the pane asked the shell to confirm.
func confirms(msgs []tea.Msg) []backend.ActionRequest {
	var out []backend.ActionRequest
	for _, m := range msgs {
		if c, ok := m.(kit.ConfirmMsg); ok {
			out = append(out, c.Req)
		}
	}
	return out
}

func notes(msgs []tea.Msg) []string {
	var out []string
	for _, m := range msgs {
		if n, ok := m.(kit.NotifyMsg); ok {
			out = append(out, n.Text)
		}
	}
	return out
}

func navigations(msgs []tea.Msg) []kit.NavigateMsg {
	var out []kit.NavigateMsg
	for _, m := range msgs {
		if n, ok := m.(kit.NavigateMsg); ok {
			out = append(out, n)
		}
	}
	return out
}

// Drives to each view a user reaches.

func (h *harness) list() {
	h.deliver(pipelinesFeed, pipelinesData(h.t))
}

func (h *harness) executions() {
	h.list()
	h.press("down", "enter")
	h.deliver(executionsFeed(hdb), executionsData(h.t))
}

func (h *harness) graphOf(arn string, data backend.ExecutionData) {
	h.send(kit.NavigateMsg{Pane: kit.PanePipelines, Arg: arn})
	h.deliver(executionFeed(arn), data)
}

func viewOf(h *harness, w, hh int) graphViewport {
	return graphViewport{X: h.p.g.view.X, Y: h.p.g.view.Y, Width: w, Height: hh}
}
