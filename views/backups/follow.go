package backups

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// follow shows the restore jobs with job selected and highlighted; the
// restore jobs feed polls faster while a job runs, and announce reports
// how it ends.
func (p *Pane) follow(id string) {
	p.followed = id
	if p.screen != screenJobs {
		p.jobsBack = p.screen
		if p.jobsBack == screenRestore {
			p.jobsBack = screenFileSystems
			if p.open != "" {
				p.jobsBack = screenPoints
			}
		}
	}
	p.screen = screenJobs
	p.selectJob = id
	p.jobTable.SetFilter("")
	if selectWhere(p.jobTable, func(j jobRow) bool { return j.ID == id }) {
		p.selectJob = ""
	}
}

// refreshJobs asks the backend to list the restore jobs now rather than
// at the feed's next tick, so a new job shows at once.
func (p *Pane) refreshJobs() tea.Cmd {
	svc := p.ctx.Service
	if svc == nil {
		return nil
	}
	return func() tea.Msg {
		svc.Refresh(jobsFeed)
		return nil
	}
}

// followedJob is the followed job in the latest list.
func (p *Pane) followedJob() (domain.RestoreJob, bool) {
	if p.jobs == nil || p.followed == "" {
		return domain.RestoreJob{}, false
	}
	for _, j := range p.jobs.Jobs {
		if j.ID == p.followed {
			return j, true
		}
	}
	return domain.RestoreJob{}, false
}

// announce tells the user, once, that the followed job has ended and how.
func (p *Pane) announce() tea.Cmd {
	j, ok := p.followedJob()
	if !ok || !j.Terminal() || p.reported[j.ID] {
		return nil
	}
	p.reported[j.ID] = true
	id := kit.Sanitize(j.ID)
	switch j.Status {
	case domain.RestoreCompleted:
		where := "the file system"
		if fsID := p.index.fsOf(j); fsID != "" {
			where = fsID
		}
		return kit.Notify(kit.LevelInfo, "Restore job "+id+" completed: the items are in a new aws-backup-restore_<timestamp> directory at the root of "+where+".")
	case domain.RestoreFailed:
		return kit.Notify(kit.LevelError, "Restore job "+id+" failed: "+kit.Sanitize(orDash(j.StatusMessage)))
	}
	return kit.Notify(kit.LevelWarn, "Restore job "+id+" ended "+kit.Sanitize(j.Status)+".")
}

// Open shows what a navigation names: a file system id opens its
// recovery point timeline, anything else is taken for a restore job id
// and selected in the restore jobs list. What is not listed yet opens
// when the data arrives.
func (p *Pane) Open(arg string) tea.Cmd {
	arg = strings.TrimSpace(arg)
	if arg == "" || p.ctx == nil {
		return nil
	}
	p.flow = nil
	p.pendingOpen = arg
	cmd := p.resolvePending()
	p.layout()
	return cmd
}

// resolvePending opens a navigation's target once the data names it.
func (p *Pane) resolvePending() tea.Cmd {
	arg := p.pendingOpen
	if arg == "" {
		return nil
	}
	if _, ok := p.fileSystem(arg); ok {
		p.pendingOpen = ""
		p.openFS(arg)
		return nil
	}
	if p.jobs != nil {
		for _, j := range p.jobs.Jobs {
			if j.ID == arg {
				p.pendingOpen = ""
				p.jobsBack = screenFileSystems
				p.screen = screenJobs
				p.jobTable.SetFilter("")
				selectWhere(p.jobTable, func(r jobRow) bool { return r.ID == arg })
				return nil
			}
		}
	}
	if p.fsData != nil && p.jobs != nil {
		p.pendingOpen = ""
		return kit.Notify(kit.LevelWarn, "Backups: no file system or restore job "+kit.Sanitize(arg)+".")
	}
	return nil
}
