package pipelines

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/pipelines/graph"
)

const section = "Pipelines"

// bindKeys declares the pane's keys beside what they do: a map per view.
func (p *Pane) bindKeys() {
	run := func(f func() tea.Cmd) func(tea.KeyMsg) tea.Cmd { return func(tea.KeyMsg) tea.Cmd { return f() } }
	start := kit.Binding{Name: "pipelines.start", Keys: []string{"r"}, Help: "start a run", Section: section,
		Mutates: true, Action: domain.ActionStartPipeline, Run: run(p.startRun)}
	stop := kit.Binding{Name: "pipelines.stop", Keys: []string{"x"}, Help: "stop (if running)", Section: section,
		Mutates: true, Action: domain.ActionStopPipeline, Run: run(p.stopRun)}
	retry := kit.Binding{Name: "pipelines.retry", Keys: []string{"R"}, Help: "retry (if failed)", Section: section,
		Mutates: true, Action: domain.ActionRetryPipeline, Run: run(p.retryRun)}
	back := kit.Binding{Name: "pipelines.back", Keys: []string{"esc", "backspace"}, Help: "back", Section: section, Run: run(p.back)}
	job := kit.Binding{Name: "pipelines.job", Keys: []string{"t"}, Help: "step's training job", Section: section,
		Run: run(func() tea.Cmd { return p.toJob(false) })}
	logs := kit.Binding{Name: "pipelines.logs", Keys: []string{"L"}, Help: "training job's logs", Section: section,
		Run: run(func() tea.Cmd { return p.toJob(true) })}
	model := kit.Binding{Name: "pipelines.model", Keys: []string{"m"}, Help: "model version made", Section: section,
		Run: run(p.toModel)}

	p.keys[modeList] = kit.NewKeyMap(
		kit.Binding{Name: "pipelines.open", Keys: []string{"enter"}, Help: "its executions", Section: section,
			Run: run(func() tea.Cmd {
				if pl, ok := p.pipeTable.Selected(); ok {
					p.openExecutions(pl.Name)
				}
				return nil
			})},
		start,
	)
	p.keys[modeList].Merge(p.pipeTable.Keys())

	p.keys[modeExecutions] = kit.NewKeyMap(
		kit.Binding{Name: "pipelines.graph", Keys: []string{"enter"}, Help: "its step graph", Section: section,
			Run: run(func() tea.Cmd {
				if r, ok := p.execTable.Selected(); ok {
					p.openGraph(r.ARN)
				}
				return nil
			})},
		start, stop, retry, back,
	)
	p.keys[modeExecutions].Merge(p.execTable.Keys())

	step := func(d graph.Direction) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd { return p.moveSelection(d) }
	}
	pan := func(dx, dy int) func(tea.KeyMsg) tea.Cmd { return func(tea.KeyMsg) tea.Cmd { return p.pan(dx, dy) } }
	const graphSection = "Step graph"
	p.keys[modeGraph] = kit.NewKeyMap(
		kit.Binding{Name: "pipelines.step", Keys: []string{"enter"}, Help: "step in detail", Section: graphSection, Run: run(p.openStep)},
		kit.Binding{Name: "graph.left", Keys: []string{"left"}, Help: "step to the left", Section: graphSection, Run: step(graph.Left)},
		kit.Binding{Name: "graph.right", Keys: []string{"right"}, Help: "step to the right", Section: graphSection, Run: step(graph.Right)},
		kit.Binding{Name: "graph.up", Keys: []string{"up"}, Help: "step above", Section: graphSection, Run: step(graph.Up)},
		kit.Binding{Name: "graph.down", Keys: []string{"down"}, Help: "step below", Section: graphSection, Run: step(graph.Down)},
		kit.Binding{Name: "graph.panleft", Keys: []string{"h", "shift+left"}, Help: "pan left", Section: graphSection, Run: pan(-1, 0)},
		kit.Binding{Name: "graph.pandown", Keys: []string{"j", "shift+down"}, Help: "pan down", Section: graphSection, Run: pan(0, 1)},
		kit.Binding{Name: "graph.panup", Keys: []string{"k", "shift+up"}, Help: "pan up", Section: graphSection, Run: pan(0, -1)},
		kit.Binding{Name: "graph.panright", Keys: []string{"l", "shift+right"}, Help: "pan right", Section: graphSection, Run: pan(1, 0)},
		kit.Binding{Name: "graph.orientation", Keys: []string{"o"}, Help: "flow: auto/across/down", Section: graphSection,
			Run: run(p.toggleOrientation)},
		kit.Binding{Name: "graph.density", Keys: []string{"z"}, Help: "boxes: auto/full/compact", Section: graphSection,
			Run: run(p.toggleDensity)},
		job, logs, model, stop, retry, back,
	)

	p.keys[modeStep] = kit.NewKeyMap(back, job, logs, model, stop, retry)
	p.keys[modeStep].Merge(p.detail.Keys())

	p.brokenKeys = kit.NewKeyMap(
		kit.Binding{Name: "pipelines.step", Keys: []string{"enter"}, Help: "step in detail", Section: section, Run: run(p.openStep)},
		job, logs, model, stop, retry, back,
	)
	p.brokenKeys.Merge(p.stepTable.Keys())

	p.ctx.ReadyKeys(p.allKeys()...)
}

func (p *Pane) allKeys() []*kit.KeyMap {
	out := append([]*kit.KeyMap(nil), p.keys[:]...)
	return append(out, p.brokenKeys)
}
