package jobs

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// stop asks the shell to confirm stopping the job, if it is running.
func (p *Pane) stop() tea.Cmd {
	j, ok := p.current()
	if !ok {
		return nil
	}
	name := kit.Sanitize(j.Name)
	switch {
	case j.Status == domain.JobStopping:
		return kit.Notify(kit.LevelInfo, name+" is already stopping.")
	case j.Terminal():
		return kit.Notify(kit.LevelInfo, name+" has already "+statusVerb(j.Status)+"; only a running job can be stopped.")
	}
	return kit.Confirm(kit.PaneJobs, backend.StopTrainingJob{Name: j.Name})
}

func statusVerb(status string) string {
	switch status {
	case domain.JobCompleted:
		return "completed"
	case domain.JobFailed:
		return "failed"
	case domain.JobStopped:
		return "stopped"
	}
	return "finished (" + kit.Sanitize(status) + ")"
}

// actionDone refreshes the job's feeds after a stop, so Stopping shows
// without waiting for the next poll.
func (p *Pane) actionDone(msg kit.ActionDoneMsg) tea.Cmd {
	req, ok := msg.Req.(backend.StopTrainingJob)
	if !ok || msg.Err != nil || p.ctx.Service == nil {
		return nil
	}
	svc := p.ctx.Service
	return func() tea.Msg {
		svc.Refresh(listFeed)
		svc.Refresh(jobFeed(req.Name))
		return nil
	}
}

// copy asks the shell to put the job's name (or ARN) on the clipboard.
func (p *Pane) copy(arn bool) tea.Cmd {
	j, ok := p.current()
	if !ok {
		return nil
	}
	if !arn {
		return kit.Copy(j.Name, "the job's name")
	}
	if j.ARN == "" {
		return kit.Notify(kit.LevelInfo, "The ARN of "+kit.Sanitize(j.Name)+" is not known yet.")
	}
	return kit.Copy(j.ARN, "the job's ARN")
}

// toPipeline opens the pipeline execution that started the job.
func (p *Pane) toPipeline() tea.Cmd {
	j, ok := p.current()
	if !ok {
		return nil
	}
	name := kit.Sanitize(j.Name)
	switch {
	case j.PipelineExecutionARN != "":
		arn := j.PipelineExecutionARN
		return func() tea.Msg { return kit.NavigateMsg{Pane: kit.PanePipelines, Arg: arn} }
	case !j.Detailed && p.mode == modeList:
		return kit.Notify(kit.LevelInfo, "Whether a pipeline started "+name+" is known once it is open: press enter.")
	}
	return kit.Notify(kit.LevelInfo, name+" was not started by a pipeline.")
}

// arrive opens what another pane navigated to: a job's detail, or its
// logs when asked.
func (p *Pane) arrive(msg kit.NavigateMsg) tea.Cmd {
	if msg.Pane != kit.PaneJobs || msg.Arg == "" {
		return nil
	}
	name := jobName(msg.Arg)
	if p.data != nil {
		if j, ok := findFold(p.data.Jobs, name); ok {
			name = j.Name()
		}
	}
	p.openDetail(name)
	if msg.View == kit.ViewLogs {
		p.openLogs(modeDetail)
	}
	return nil
}

// adopt makes the open job's name the one AWS spells it with, once known:
// an ARN (a pipeline step's) spells it in lower case, SageMaker names
// being case-insensitive, but the job's log streams carry its own case.
// The job's feeds follow the new name.
func (p *Pane) adopt(name string) {
	if name != p.open && strings.EqualFold(name, p.open) {
		p.open = name
		p.gen++
	}
}

// jobName accepts a job's name or its ARN
// (arn:aws:sagemaker:REGION:ACCOUNT:training-job/NAME).
func jobName(arg string) string {
	if _, name, ok := strings.Cut(arg, ":training-job/"); ok && strings.HasPrefix(arg, "arn:") {
		return name
	}
	return arg
}
