package jobs

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/dialog"
	"github.com/agdash/agdash/views/kit/kittest"
)

// sizes are the pane areas goldens are drawn at.
var sizes = kittest.PaneSizes()

// onCall is the read-only operations role.
func onCall() domain.Identity {
	return domain.Identity{Account: acct, ARN: "arn:aws:sts::" + acct + ":assumed-role/ag-on-call/lee.mh", Principal: "lee.mh",
		Role: domain.RoleOnCall, Region: "ap-southeast-1", Sandbox: true}
}

// fixture is a pane driven by messages, as the shell drives it, with
// what it asked the shell for.
type fixture struct {
	t    *testing.T
	p    *Pane
	ctx  *kit.Context
	svc  *kittest.Service
	msgs []tea.Msg // messages the pane's commands produced
}

func newFixture(t *testing.T, w, h int, id domain.Identity) *fixture {
	t.Helper()
	svc := kittest.NewService(id, now)
	ctx := &kit.Context{Ctx: context.Background(), Service: svc, Identity: id, Styles: themes.BuildNoColorPlain(), Width: w, Height: h}
	f := &fixture{t: t, p: New(), ctx: ctx, svc: svc}
	f.run(f.p.Init(ctx))
	return f
}

// send updates the pane and runs the command it returns.
func (f *fixture) send(msg tea.Msg) {
	f.t.Helper()
	_, cmd := f.p.Update(msg)
	f.run(cmd)
}

// run runs a command: the table's own results go back to the pane, the
// rest are kept as what the pane asked the shell for.
func (f *fixture) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			f.run(c)
		}
	case kit.Routed:
		if _, ok := msg.(kit.ActionDoneMsg); ok {
			f.msgs = append(f.msgs, msg)
			return
		}
		f.send(msg)
	default:
		f.msgs = append(f.msgs, msg)
	}
}

func (f *fixture) deliver(key backend.FeedKey, data any, state backend.FeedState) {
	f.t.Helper()
	state.Key = key
	f.send(kit.FeedMsg{Update: backend.Update{Key: key, Data: data, State: state}})
}

func fresh(key backend.FeedKey) backend.FeedState { return kittest.Fresh(key, now) }

func (f *fixture) withList() *fixture {
	f.deliver(listFeed, listJobs(), fresh(listFeed))
	return f
}

func (f *fixture) keys(ks ...string) {
	f.t.Helper()
	for _, k := range ks {
		f.send(kittest.Key(k))
	}
}

// last is the newest message of type T the pane asked for.
func last[T any](f *fixture) (T, bool) {
	for i := len(f.msgs) - 1; i >= 0; i-- {
		if m, ok := f.msgs[i].(T); ok {
			return m, true
		}
	}
	var zero T
	return zero, false
}

// screen is the pane as the shell frames it: its breadcrumb and info,
// then its area, then any dialog over it and the latest notification.
func (f *fixture) screen(w, h int) string {
	f.t.Helper()
	out := f.p.View(w, h)
	kittest.RequireBlock(f.t, out, w, h)
	head := strings.Join(f.p.Crumbs(), " > ") + " | " + f.p.Info()
	if text, ok := f.p.Filter(); ok && text != "" {
		head += " | /" + text
	}
	if c, ok := last[kit.ConfirmMsg](f); ok {
		box := dialog.ForAction(c.Req, f.ctx.Identity).View(f.ctx.Styles, w-4)
		out = kittest.Overlay(out, box, w)
	}
	tail := ""
	if n, ok := last[kit.NotifyMsg](f); ok {
		tail = "\n" + n.Level.String() + ": " + n.Text
	}
	return head + "\n" + out + tail
}
