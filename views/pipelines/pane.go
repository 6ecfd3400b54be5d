// Package pipelines is the Pipelines pane: SageMaker Pipelines with a
// summary of their recent runs, each pipeline's executions, and each
// execution's step graph drawn as a DAG that follows the run live, with
// the detail of every step; a run is started with parameter overrides,
// stopped or retried from here.
package pipelines

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/scroll"
	"github.com/agdash/agdash/views/kit/table"
	"github.com/agdash/agdash/views/pipelines/graph"
)

// mode is the view the pane shows, from the list down to one step.
type mode int

const (
	modeList       mode = iota // every pipeline
	modeExecutions             // one pipeline's executions
	modeGraph                  // one execution's step graph
	modeStep                   // one step in detail
	modeCount
)

// Pane is the Pipelines pane.
type Pane struct {
	ctx *kit.Context
	// newToken makes the client token of each start or retry dialog.
	newToken func() string

	pipelines      *backend.PipelinesData
	pipelinesState backend.FeedState
	execs          *backend.ExecutionsData
	execsState     backend.FeedState
	exec           *backend.ExecutionData
	execState      backend.FeedState

	pipeTable *table.Model[domain.Pipeline]
	execTable *table.Model[execRow]
	stepTable *table.Model[domain.PipelineStep] // when the graph cannot be drawn
	detail    *scroll.Model

	mode     mode
	pipeline string // the pipeline whose executions are open
	arn      string // the execution whose graph is open
	g        graphState

	start *startForm // the start dialog, while open

	keys          [modeCount]*kit.KeyMap
	brokenKeys    *kit.KeyMap // the step list shown instead of a graph
	width, height int
}

// graphState is what the graph view keeps between frames.
type graphState struct {
	layout   *dag.LayeredLayout
	buildErr string // why the definition could not be laid out
	selected string
	// pinned is set once the user moves the selection or pans; until then
	// the selection follows the running step.
	pinned      bool
	orientation graph.Orientation
	density     graph.Density
	view        graph.Viewport
	scene       *graph.Scene
	sceneKey    sceneKey
}

var _ kit.Pane = (*Pane)(nil)

// New makes the pane; Init wires it to the shell's Context.
func New() *Pane { return &Pane{newToken: randomToken} }

// WithTokens makes client tokens with next instead of at random (tests).
func (p *Pane) WithTokens(next func() string) *Pane {
	p.newToken = next
	return p
}

func (p *Pane) ID() kit.PaneID { return kit.PanePipelines }
func (p *Pane) Title() string  { return "Pipelines" }

func (p *Pane) Init(ctx *kit.Context) tea.Cmd {
	p.ctx = ctx
	p.pipeTable = table.New(ctx.Ctx, kit.PanePipelines, "pipelines", pipelineColumns(p.now),
		table.WithKey(func(pl domain.Pipeline) string { return pl.Name }),
		table.WithEmpty[domain.Pipeline]("No SageMaker pipelines here. Pipelines come with a project's MLOps template."))
	p.execTable = table.New(ctx.Ctx, kit.PanePipelines, "executions", executionColumns(p.now),
		table.WithKey(func(r execRow) string { return r.ARN }),
		table.WithEmpty[execRow]("This pipeline has not run yet. r starts a run."))
	p.stepTable = table.New(ctx.Ctx, kit.PanePipelines, "steps", stepColumns(p.now),
		table.WithKey(func(s domain.PipelineStep) string { return s.Name }),
		table.WithEmpty[domain.PipelineStep]("No step has run yet."))
	p.detail = scroll.New("Step")
	p.bindKeys()
	p.resize(ctx.Width, ctx.Height)
	return nil
}

func (p *Pane) now() time.Time { return p.ctx.Now() }

func (p *Pane) Update(msg tea.Msg) (kit.Pane, tea.Cmd) {
	switch msg := msg.(type) {
	case kit.FeedMsg:
		return p, p.receive(msg.Update)
	case kit.FilterMsg:
		if l := p.list(); l != nil {
			return p, l.SetFilter(msg.Text)
		}
	case kit.SizeMsg:
		p.resize(msg.Width, msg.Height)
	case kit.ScopeMsg:
		return p, p.showPipelines()
	case kit.ThemeMsg:
		p.refreshDetail()
	case kit.IdentityMsg:
		kit.RestrictKeys(msg.Identity, p.allKeys()...)
	case kit.NavigateMsg:
		return p, p.arrive(msg)
	case kit.ActionDoneMsg:
		return p, p.actionDone(msg)
	case tea.KeyMsg:
		if p.start != nil {
			return p, p.formKey(msg)
		}
		cmd, _ := p.keymap().Handle(msg)
		return p, cmd
	case tea.MouseMsg:
		return p, p.mouse(msg)
	case kit.Routed:
		if msg.RouteTo() == kit.PanePipelines {
			for _, t := range []interface {
				Update(tea.Msg) (tea.Cmd, bool)
			}{p.pipeTable, p.execTable, p.stepTable} {
				if cmd, ok := t.Update(msg); ok {
					return p, cmd
				}
			}
		}
	default:
		if p.start != nil {
			_, cmd := p.start.form.Update(msg) // the text input's cursor blink
			return p, cmd
		}
	}
	return p, nil
}

func (p *Pane) mouse(msg tea.MouseMsg) tea.Cmd {
	switch p.mode {
	case modeStep:
		cmd, _ := p.detail.Update(msg)
		return cmd
	case modeGraph:
		if p.graphBroken() {
			msg.Y -= headerLines
			cmd, _ := p.stepTable.Update(msg)
			return cmd
		}
		return p.graphMouse(msg)
	case modeExecutions:
		msg.Y -= 1 // the pipeline's summary line
		cmd, _ := p.execTable.Update(msg)
		return cmd
	}
	cmd, _ := p.pipeTable.Update(msg)
	return cmd
}

// lister is a filterable table of the list views.
type lister interface {
	SetFilter(string) tea.Cmd
	Filter() string
}

// list is the table the current view filters, nil when it has none.
func (p *Pane) list() lister {
	switch {
	case p.start != nil:
		return nil
	case p.mode == modeList:
		return p.pipeTable
	case p.mode == modeExecutions:
		return p.execTable
	case p.mode == modeGraph && p.graphBroken():
		return p.stepTable
	}
	return nil
}

func (p *Pane) resize(w, h int) {
	p.width, p.height = w, h
	p.pipeTable.SetSize(w, h)
	p.execTable.SetSize(w, max(0, h-1))
	p.stepTable.SetSize(w, max(0, h-headerLines-2))
	p.detail.SetSize(w, h)
	p.refreshDetail()
	if p.mode == modeGraph {
		p.follow()
	}
}

func (p *Pane) View(width, height int) string {
	if p.ctx == nil {
		return kit.FitLines("", width, height)
	}
	st := p.ctx.Styles
	if p.start != nil {
		return kit.FitLines(p.start.view(st, max(20, width-2), height), width, height)
	}
	switch p.mode {
	case modeStep:
		return kit.FitLines(p.detail.View(), width, height)
	case modeGraph:
		return p.graphView(width, height)
	case modeExecutions:
		if p.execs == nil {
			return kit.FitLines(p.placeholder(p.execsState, "executions of "+kit.Sanitize(p.pipeline)), width, height)
		}
		return kit.FitLines(p.executionsHeader(width)+"\n"+p.execTable.View(st), width, height)
	}
	if p.pipelines == nil {
		return kit.FitLines(p.placeholder(p.pipelinesState, "pipelines"), width, height)
	}
	return kit.FitLines(p.pipeTable.View(st), width, height)
}

func (p *Pane) Keys() []kit.Binding {
	if p.ctx == nil {
		return nil
	}
	if p.start != nil {
		return p.start.form.Keys()
	}
	return p.keymap().Bindings()
}

func (p *Pane) keymap() *kit.KeyMap {
	if p.mode == modeGraph && p.graphBroken() {
		return p.brokenKeys
	}
	return p.keys[p.mode]
}

func (p *Pane) Feeds() []backend.FeedKey {
	switch p.mode {
	case modeGraph, modeStep:
		return []backend.FeedKey{executionFeed(p.arn)}
	case modeExecutions:
		return []backend.FeedKey{pipelinesFeed, executionsFeed(p.pipeline)}
	}
	return []backend.FeedKey{pipelinesFeed}
}

func (p *Pane) Crumbs() []string {
	out := []string{"Pipelines"}
	if p.mode >= modeExecutions && p.pipeline != "" {
		out = append(out, kit.Sanitize(p.pipeline))
	}
	if p.mode >= modeGraph {
		out = append(out, p.executionLabel())
	}
	if p.mode == modeStep {
		out = append(out, kit.Sanitize(p.g.selected))
	}
	if p.start != nil {
		out = append(out, "start a run")
	}
	return out
}

func (p *Pane) Info() string {
	if p.ctx == nil || p.start != nil {
		return ""
	}
	count := func(shown, total int, noun, sort string) string {
		info := kit.Noun(total, noun)
		if shown != total {
			info = fmt.Sprintf("%d of %s", shown, kit.Noun(total, noun))
		}
		if sort != "" {
			info += " · sort " + sort
		}
		return info
	}
	switch p.mode {
	case modeList:
		if p.pipelines != nil {
			return count(p.pipeTable.Len(), p.pipeTable.Total(), "pipelines", p.pipeTable.SortInfo())
		}
	case modeExecutions:
		if p.execs != nil {
			return count(p.execTable.Len(), p.execTable.Total(), "executions", p.execTable.SortInfo())
		}
	case modeGraph:
		return p.graphInfo()
	}
	return ""
}

func (p *Pane) Capturing() bool { return p.start != nil }

func (p *Pane) Filter() (string, bool) {
	if p.ctx == nil {
		return "", false
	}
	if l := p.list(); l != nil {
		return l.Filter(), true
	}
	return "", false
}
