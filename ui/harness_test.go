package ui

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/kittest"
)

// timer is a tick the shell asked for; tests fire it by hand.
type timer struct {
	d  time.Duration
	fn func(time.Time) tea.Msg
}

// harness drives the shell with messages, as Bubble Tea would, but with
// no real time: ticks are recorded, not slept, and every other command is
// run at once and its message fed back.
type harness struct {
	t      *testing.T
	svc    *kittest.Service
	m      *model
	timers []timer
	quit   bool
}

type harnessOpt func(*Options, *domain.Identity, *themes.Styles)

func withColour(name string) harnessOpt {
	return func(_ *Options, _ *domain.Identity, st *themes.Styles) {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.TrueColor)
		s, err := themes.New(name, r, false)
		if err != nil {
			panic(err)
		}
		*st = *s
	}
}

func withIdentity(id domain.Identity) harnessOpt {
	return func(_ *Options, i *domain.Identity, _ *themes.Styles) { *i = id }
}

func withOptions(f func(*Options)) harnessOpt {
	return func(o *Options, _ *domain.Identity, _ *themes.Styles) { f(o) }
}

func newHarness(t *testing.T, w, h int, opts ...harnessOpt) *harness {
	t.Helper()
	o := Options{}
	id := kittest.Admin()
	st := *themes.BuildNoColorPlain()
	for _, f := range opts {
		f(&o, &id, &st)
	}
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	if !st.NoColor {
		r.SetColorProfile(termenv.TrueColor)
	}
	hs := &harness{t: t, svc: kittest.NewService(id, kittest.Now)}
	d := deps{tick: func(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
		hs.timers = append(hs.timers, timer{d, fn})
		return nil
	}}
	m, err := newModel(context.Background(), hs.svc, o, r, &st, d)
	if err != nil {
		t.Fatal(err)
	}
	hs.m = m
	hs.run(m.Init())
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	return hs
}

// send updates the shell with msg and runs what it returns.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.m.Update(msg)
	h.run(cmd)
}

// sendRaw updates the shell and returns its command without running it.
func (h *harness) sendRaw(msg tea.Msg) tea.Cmd {
	_, cmd := h.m.Update(msg)
	return cmd
}

// run executes cmd and feeds its messages back, batches included. A
// command that does not return in time fails the test rather than hang.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(10 * time.Second):
		h.t.Fatal("a command blocked: the shell returned a command that waits")
	}
	switch msg := msg.(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
	case tea.QuitMsg:
		h.quit = true
	default:
		h.send(msg)
	}
}

// keys types each key; names as tea.KeyMsg.String() spells them, or
// plain text typed rune by rune when prefixed with "type:".
func (h *harness) keys(ks ...string) {
	h.t.Helper()
	for _, k := range ks {
		if text, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range text {
				h.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
			}
			continue
		}
		h.send(keyMsg(k))
	}
}

// deliver feeds a service update to the shell.
func (h *harness) deliver(key backend.FeedKey, data any, state backend.FeedState) {
	h.t.Helper()
	state.Key = key
	h.send(updateMsg{backend.Update{Key: key, Data: data, State: state}})
}

func (h *harness) screen() string { return h.m.View() }

// fire sends every recorded timer message of type T.
func fire[T tea.Msg](h *harness) {
	var keep []timer
	var due []tea.Msg
	for _, tm := range h.timers {
		if msg, ok := tm.fn(time.Time{}).(T); ok {
			due = append(due, msg)
		} else {
			keep = append(keep, tm)
		}
	}
	h.timers = keep
	for _, msg := range due {
		h.send(msg)
	}
}

var projectsKey = backend.FeedKey{Kind: backend.FeedProjects}

func freshProjects() backend.FeedState {
	return kittest.Fresh(projectsKey, kittest.Now.Add(-12*time.Second))
}

// withProjects delivers the fixture projects.
func (h *harness) withProjects() *harness {
	h.deliver(projectsKey, kittest.Projects(), freshProjects())
	return h
}

// stubPane is a pane that asks for a confirmation on "x", captures typed
// text after "i" until esc, and can be told to panic.
type stubPane struct {
	ctx        *kit.Context
	keys       *kit.KeyMap
	capturing  bool
	typed      string
	panicIn    string
	noRestrict bool // leave refusals to the dialog
	moreKeys   []kit.Binding
	got        []tea.Msg
}

func (p *stubPane) ID() kit.PaneID { return kit.PaneJobs }
func (p *stubPane) Title() string  { return "Training jobs" }
func (p *stubPane) Init(ctx *kit.Context) tea.Cmd {
	if p.panicIn == "Init" {
		panic("stub pane failed to start")
	}
	p.ctx = ctx
	p.keys = kit.NewKeyMap(
		kit.Binding{Name: "stub.stop", Keys: []string{"x"}, Help: "stop job", Section: "Training jobs", Mutates: true,
			Action: domain.ActionStopTrainingJob, Run: func(tea.KeyMsg) tea.Cmd {
				return kit.Confirm(kit.PaneJobs, backend.StopTrainingJob{Name: "hdb-resale-train-0412"})
			}},
		kit.Binding{Name: "stub.edit", Keys: []string{"i"}, Help: "type a note", Section: "Training jobs",
			Run: func(tea.KeyMsg) tea.Cmd { p.capturing = true; return nil }},
	)
	for _, b := range p.moreKeys {
		p.keys.Add(b)
	}
	if !p.noRestrict {
		p.keys.Restrict(ctx.Identity)
	}
	return nil
}
func (p *stubPane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	p.got = append(p.got, msg)
	if p.panicIn == "Update" {
		if _, ok := msg.(tea.KeyMsg); ok {
			panic("stub pane failed on a key")
		}
	}
	if k, ok := msg.(tea.KeyMsg); ok {
		if p.capturing {
			if k.Type == tea.KeyEsc {
				p.capturing = false
			} else {
				p.typed += k.String()
			}
			return p, nil
		}
		cmd, _ := p.keys.Handle(k)
		return p, cmd
	}
	return p, nil
}
func (p *stubPane) View(w, h int) string {
	if p.panicIn == "View" {
		panic("stub pane failed to draw")
	}
	return kit.FitLines(" stub jobs pane; typed: "+p.typed, w, h)
}
func (p *stubPane) Keys() []kit.Binding { return p.keys.Bindings() }
func (p *stubPane) Feeds() []backend.FeedKey {
	return []backend.FeedKey{{Kind: backend.FeedTrainingJobs}}
}
func (p *stubPane) Crumbs() []string       { return []string{"Training jobs"} }
func (p *stubPane) Info() string           { return "" }
func (p *stubPane) Capturing() bool        { return p.capturing }
func (p *stubPane) Filter() (string, bool) { return "", false }

func withStub(p *stubPane) harnessOpt {
	return withPane(kit.PaneJobs, func() kit.Pane { return p })
}

// withPane replaces one pane's constructor, as Options.Panes does for a
// pane under development.
func withPane(id kit.PaneID, build func() kit.Pane) harnessOpt {
	return withOptions(func(o *Options) {
		if o.Panes == nil {
			o.Panes = map[kit.PaneID]func() kit.Pane{}
		}
		o.Panes[id] = build
	})
}

// withPipelinesPlaceholder puts the placeholder where Pipelines is: a
// pane under development.
func withPipelinesPlaceholder() harnessOpt {
	return withPane(kit.PanePipelines, placeholderFor(kit.PanePipelines, "Pipelines",
		"Pipelines and their executions, each execution's step graph with per-step status, step details and failure reasons; start an execution with parameter overrides, stop, retry."))
}

// keyMsg is the key press Bubble Tea reports for k (kittest.Key).
func keyMsg(k string) tea.KeyMsg { return kittest.Key(k) }
