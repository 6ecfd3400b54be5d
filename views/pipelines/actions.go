package pipelines

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// currentExecution is the execution the keys act on: the open one, or the
// one under the cursor in the executions list.
func (p *Pane) currentExecution() (domain.PipelineExecution, bool) {
	switch p.mode {
	case modeGraph, modeStep:
		if p.exec != nil {
			return p.exec.Execution, true
		}
	case modeExecutions:
		if r, ok := p.execTable.Selected(); ok {
			return r.PipelineExecution, true
		}
	}
	return domain.PipelineExecution{}, false
}

// currentPipeline is the pipeline a new run would be of.
func (p *Pane) currentPipeline() (domain.Pipeline, bool) {
	if p.mode == modeList {
		return p.pipeTable.Selected()
	}
	if p.execs != nil && strings.EqualFold(p.execs.Pipeline.Name, p.pipeline) {
		return p.execs.Pipeline, true
	}
	if p.pipelines != nil {
		for _, pl := range p.pipelines.Pipelines {
			if strings.EqualFold(pl.Name, p.pipeline) {
				return pl, true
			}
		}
	}
	return domain.Pipeline{}, false
}

func (p *Pane) startRun() tea.Cmd {
	pl, ok := p.currentPipeline()
	if !ok {
		return kit.Notify(kit.LevelInfo, "The pipeline's parameters are not loaded yet.")
	}
	return p.openStart(pl)
}

// stopRun asks to stop the current execution, if it is running.
func (p *Pane) stopRun() tea.Cmd {
	e, ok := p.currentExecution()
	if !ok {
		return nil
	}
	name := kit.Sanitize(executionName(e))
	switch e.Status {
	case domain.ExecExecuting:
		return kit.Confirm(kit.PanePipelines, backend.StopExecution{ARN: e.ARN})
	case domain.ExecStopping:
		return kit.Notify(kit.LevelInfo, name+" is already stopping.")
	}
	return kit.Notify(kit.LevelWarn, "Only a running execution can be stopped; "+name+" is "+kit.Sanitize(e.Status)+".")
}

// retryRun asks to retry the current execution, if it failed.
func (p *Pane) retryRun() tea.Cmd {
	e, ok := p.currentExecution()
	if !ok {
		return nil
	}
	if e.Status != domain.ExecFailed {
		return kit.Notify(kit.LevelWarn, "Only a failed execution can be retried; "+kit.Sanitize(executionName(e))+" is "+kit.Sanitize(e.Status)+".")
	}
	return kit.Confirm(kit.PanePipelines, backend.RetryExecution{ARN: e.ARN, ClientToken: p.newToken()})
}

// actionDone follows an action this pane asked for: a started run opens
// in its graph; every outcome refreshes the feeds it changes.
func (p *Pane) actionDone(msg kit.ActionDoneMsg) tea.Cmd {
	var pipeline string
	switch req := msg.Req.(type) {
	case backend.StartExecution:
		pipeline = req.Pipeline
		if msg.Err == nil {
			p.start = nil
			if msg.Result.ID != "" {
				p.openGraph(msg.Result.ID)
			}
		}
	case backend.StopExecution, backend.RetryExecution:
		pipeline = p.pipeline
		if msg.Err == nil && p.arn != "" && p.arn == msg.Req.Target() {
			p.refresh(executionFeed(p.arn))
		}
	default:
		return nil
	}
	if pipeline != "" {
		p.refresh(executionsFeed(pipeline))
	}
	p.refresh(pipelinesFeed)
	return nil
}

func (p *Pane) refresh(key backend.FeedKey) {
	if p.ctx != nil && p.ctx.Service != nil {
		p.ctx.Service.Refresh(key)
	}
}

// selectedStep is the step the jump keys act on.
func (p *Pane) selectedStep() (domain.PipelineStep, bool) {
	if p.exec == nil {
		return domain.PipelineStep{}, false
	}
	if p.mode == modeGraph && p.graphBroken() {
		return p.stepTable.Selected()
	}
	s, ok := p.exec.Steps[p.g.selected]
	return s, ok
}

// toJob opens the selected step's training job in the Training jobs pane
// (its logs when logs is set).
func (p *Pane) toJob(logs bool) tea.Cmd {
	s, ok := p.selectedStep()
	if !ok {
		return nil
	}
	if s.TrainingJobARN == "" {
		why := "has no training job"
		if s.Type == "Training" {
			why = "has not started its training job yet"
		}
		return kit.Notify(kit.LevelInfo, kit.Sanitize(s.Name)+" "+why+".")
	}
	msg := kit.NavigateMsg{Pane: kit.PaneJobs, Arg: s.TrainingJobARN}
	if logs {
		msg.View = kit.ViewLogs
	}
	return func() tea.Msg { return msg }
}

// toModel opens the model package the selected step registered.
func (p *Pane) toModel() tea.Cmd {
	s, ok := p.selectedStep()
	if !ok {
		return nil
	}
	if s.ModelPackageARN == "" {
		return kit.Notify(kit.LevelInfo, kit.Sanitize(s.Name)+" has registered no model version.")
	}
	arn := s.ModelPackageARN
	return func() tea.Msg { return kit.NavigateMsg{Pane: kit.PaneRegistry, Arg: arn} }
}

// openStep shows the selected step in detail.
func (p *Pane) openStep() tea.Cmd {
	s, ok := p.selectedStep()
	if !ok {
		return nil
	}
	p.g.selected = s.Name
	p.mode = modeStep
	p.detail.GotoTop()
	p.refreshDetail()
	return nil
}

// openExecutions shows a pipeline's executions.
func (p *Pane) openExecutions(name string) {
	p.start = nil
	if name != p.pipeline {
		p.execs, p.execsState = nil, backend.FeedState{}
		p.execTable.SetRows(nil)
		p.pipeline = name
	}
	p.mode = modeExecutions
}

// selectExecution puts the executions list's cursor on arn, if listed.
func (p *Pane) selectExecution(arn string) {
	was := p.execTable.Cursor()
	for i := range p.execTable.Len() {
		p.execTable.MoveTo(i)
		if r, ok := p.execTable.Selected(); ok && r.ARN == arn {
			return
		}
	}
	p.execTable.MoveTo(was)
}

// openGraph shows an execution's step graph.
func (p *Pane) openGraph(arn string) {
	p.start = nil
	if arn != p.arn {
		p.exec, p.execState = nil, backend.FeedState{}
		p.g = graphState{orientation: p.g.orientation, density: p.g.density}
		p.stepTable.SetRows(nil)
		p.arn = arn
		if name := pipelineOf(arn); name != "" {
			p.pipeline = p.canonical(name)
		}
	}
	p.mode = modeGraph
}

// back goes up one level.
func (p *Pane) back() tea.Cmd {
	switch p.mode {
	case modeStep:
		p.mode = modeGraph
		p.follow()
	case modeGraph:
		if p.exec != nil {
			p.pipeline = p.canonical(p.exec.Execution.PipelineName)
		}
		p.openExecutions(p.pipeline)
		p.selectExecution(p.arn)
	case modeExecutions:
		p.mode = modeList
	}
	return nil
}

// canonical is the listed spelling of a pipeline name: ARNs spell names
// in lower case.
func (p *Pane) canonical(name string) string {
	if p.pipelines != nil {
		for _, pl := range p.pipelines.Pipelines {
			if strings.EqualFold(pl.Name, name) {
				return pl.Name
			}
		}
	}
	return name
}

// pipelineOf reads the pipeline's name from an execution or pipeline ARN
// (arn:aws:sagemaker:REGION:ACCOUNT:pipeline/NAME[/execution/ID]).
func pipelineOf(arn string) string {
	_, rest, ok := strings.Cut(arn, ":pipeline/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, "/")
	return name
}

// arrive opens what another pane jumped to: an execution ARN opens its
// graph; a pipeline's ARN or name opens its executions.
func (p *Pane) arrive(msg kit.NavigateMsg) tea.Cmd {
	if msg.Pane != kit.PanePipelines || strings.TrimSpace(msg.Arg) == "" {
		return nil
	}
	arg := strings.TrimSpace(msg.Arg)
	switch {
	case strings.HasPrefix(arg, "arn:") && strings.Contains(arg, "/execution/"):
		p.openGraph(arg)
	case strings.HasPrefix(arg, "arn:"):
		name := pipelineOf(arg)
		if name == "" {
			return kit.Notify(kit.LevelWarn, "Not a pipeline or execution ARN: "+kit.Sanitize(arg))
		}
		p.openExecutions(p.canonical(name))
	default:
		p.openExecutions(p.canonical(arg))
	}
	return nil
}
