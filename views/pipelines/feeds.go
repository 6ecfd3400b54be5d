package pipelines

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

var pipelinesFeed = backend.FeedKey{Kind: backend.FeedPipelines}

func executionsFeed(pipeline string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedExecutions, Arg: pipeline}
}

func executionFeed(arn string) backend.FeedKey {
	return backend.FeedKey{Kind: backend.FeedExecution, Arg: arn}
}

// receive takes a feed delivery. Deliveries for a pipeline or execution
// that is no longer open are dropped: a feed may still deliver once after
// the user has moved on.
func (p *Pane) receive(u backend.Update) tea.Cmd {
	switch u.Key.Kind {
	case backend.FeedPipelines:
		p.pipelinesState = u.State
		if data, ok := u.Data.(backend.PipelinesData); ok {
			p.pipelines = &data
			return p.showPipelines()
		}
	case backend.FeedExecutions:
		if u.Key.Arg != p.pipeline {
			return nil
		}
		p.execsState = u.State
		if data, ok := u.Data.(backend.ExecutionsData); ok {
			p.execs = &data
			return p.execTable.SetRows(executionRows(data))
		}
	case backend.FeedExecution:
		if u.Key.Arg != p.arn {
			return nil
		}
		p.execState = u.State
		if data, ok := u.Data.(backend.ExecutionData); ok {
			return p.receiveExecution(data)
		}
	}
	return nil
}

// showPipelines lists the pipelines in the shell's project scope.
func (p *Pane) showPipelines() tea.Cmd {
	if p.pipelines == nil || p.ctx == nil {
		return nil
	}
	rows := make([]domain.Pipeline, 0, len(p.pipelines.Pipelines))
	for _, pl := range p.pipelines.Pipelines {
		if p.ctx.InScope(pl.Project) {
			rows = append(rows, pl)
		}
	}
	return p.pipeTable.SetRows(rows)
}

func (p *Pane) receiveExecution(data backend.ExecutionData) tea.Cmd {
	first := p.exec == nil
	p.exec = &data
	if p.pipeline == "" {
		p.pipeline = data.Execution.PipelineName
	}
	if p.g.layout == nil && data.GraphErr == "" && p.g.buildErr == "" {
		if g, err := dag.Build(data.Definition); err != nil {
			p.g.buildErr = err.Error()
		} else {
			p.g.layout = dag.Layout(g)
		}
	}
	cmd := p.stepTable.SetRows(stepRows(data))
	if !p.g.pinned || first {
		p.g.selected = p.sceneNow().Initial(data.Steps)
	}
	p.follow()
	p.refreshDetail()
	return cmd
}

// placeholder says why a view has no data yet: loading, or the error.
func (p *Pane) placeholder(s backend.FeedState, what string) string {
	return kit.Awaiting{Denied: "AWS denied access to the " + what + ":", Failed: "Could not load the " + what + ":",
		Loading: "Loading the " + what + "…"}.View(p.ctx.Styles, s, p.width)
}
