package backups

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/kit/form"
)

const section = "Backups"

// restoreBinding is the key that starts a restore: it mutates AWS, so
// roles that may not restore see it disabled with the reason.
func restoreBinding(help string, run func() tea.Cmd) kit.Binding {
	return kit.Binding{Name: "backups.restore", Keys: []string{"r"}, Help: help, Section: section,
		Mutates: true, Action: domain.ActionStartRestore, Run: func(tea.KeyMsg) tea.Cmd { return run() }}
}

// listKeys declares the keys of the three lists beside what they do.
func (p *Pane) listKeys() (fileSystems, points, jobs *kit.KeyMap) {
	jobsKey := kit.Binding{Name: "backups.jobs", Keys: []string{"R"}, Help: "restore jobs", Section: section,
		Run: func(tea.KeyMsg) tea.Cmd { p.toggleJobs(); return nil }}

	fileSystems = kit.NewKeyMap(
		kit.Binding{Name: "backups.open", Keys: []string{"enter"}, Help: "recovery point timeline", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if r, ok := p.fsTable.Selected(); ok {
					p.openFS(r.ID)
				}
				return nil
			}},
		restoreBinding("restore files", func() tea.Cmd {
			r, ok := p.fsTable.Selected()
			if !ok {
				return nil
			}
			return p.startRestore(r.FileSystem, "newest")
		}),
		jobsKey,
	)
	fileSystems.Merge(p.fsTable.Keys())

	points = kit.NewKeyMap(
		kit.Binding{Name: "backups.back", Keys: []string{"esc", "backspace"}, Help: "back to the file systems", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { p.screen, p.open = screenFileSystems, ""; return nil }},
		restoreBinding("restore from this point", func() tea.Cmd {
			fs, ok := p.fileSystem(p.open)
			if !ok {
				return kit.Notify(kit.LevelWarn, "File system "+kit.Sanitize(p.open)+" is not in the list (yet).")
			}
			spec := "newest"
			if rp, ok := p.pointTable.Selected(); ok {
				spec = pointSpec(p.pointsOf(p.open), p.pointIndex(rp.ARN), p.ctx.Now())
			}
			return p.startRestore(fs, spec)
		}),
	)
	for d := 1; d <= 9; d++ {
		n := strconv.Itoa(d)
		points.Add(kit.Binding{Name: "backups.daysago" + n, Keys: []string{"alt+" + n}, Section: section,
			Help: "N days ago (alt+1…9)", Hidden: d > 1,
			Run: func(tea.KeyMsg) tea.Cmd { return p.pickDay(d) }})
	}
	points.Add(jobsKey)
	points.Merge(p.pointTable.Keys())

	jobs = kit.NewKeyMap(
		kit.Binding{Name: "backups.jobs.back", Keys: []string{"esc", "backspace", "R"}, Help: "back", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { p.toggleJobs(); return nil }},
		kit.Binding{Name: "backups.jobs.open", Keys: []string{"enter"}, Help: "its file system's timeline", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if j, ok := p.jobTable.Selected(); ok && j.FS.ID != "" {
					p.openFS(j.FS.ID)
				}
				return nil
			}},
	)
	jobs.Merge(p.jobTable.Keys())
	return fileSystems, points, jobs
}

// flowKeys declares the keys of each step of a restore flow.
func (p *Pane) flowKeys(f *restoreFlow) [3]*kit.KeyMap {
	var out [3]*kit.KeyMap
	out[stepUser] = kit.NewKeyMap(
		kit.Binding{Name: "backups.user.choose", Keys: []string{"enter"}, Help: "restore this user's files", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.chooseUser() }},
		kit.Binding{Name: "backups.user.cancel", Keys: []string{"esc"}, Help: "cancel the restore", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.leaveFlow() }},
	)
	out[stepUser].Merge(f.users.Keys())
	out[stepForm] = kit.NewKeyMap(
		kit.Binding{Name: "backups.form.wholefs", Keys: []string{"ctrl+t"}, Help: "paths in the home / on the whole file system", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.toggleWholeFS() }},
		kit.Binding{Name: "backups.form.addpath", Keys: []string{"ctrl+o"}, Help: "another path", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.addPath() }},
	)
	out[stepReview] = kit.NewKeyMap(
		kit.Binding{Name: "backups.review.confirm", Keys: []string{"enter"}, Help: "ask to confirm this restore", Section: section,
			Mutates: true, Action: domain.ActionStartRestore, Run: func(tea.KeyMsg) tea.Cmd { return p.confirmAgain() }},
		kit.Binding{Name: "backups.review.edit", Keys: []string{"esc", "e"}, Help: "edit the request", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				p.flow.step, p.flow.err = stepForm, ""
				return nil
			}},
	)
	out[stepReview].Merge(p.review.Keys())
	p.ctx.ReadyKeys(out[:]...)
	return out
}

// key routes a key press to the keys of what is on screen.
func (p *Pane) key(msg tea.KeyMsg) tea.Cmd {
	if p.screen != screenRestore || p.flow == nil {
		if km := p.keys[p.screen]; km != nil {
			cmd, _ := km.Handle(msg)
			return cmd
		}
		return nil
	}
	f := p.flow
	if cmd, ok := f.keys[f.step].Handle(msg); ok {
		return cmd
	}
	if f.step != stepForm {
		return nil
	}
	out, cmd := f.form.Update(msg)
	switch out {
	case form.Submitted:
		return p.submit()
	case form.Cancelled:
		if f.noUsers {
			return p.leaveFlow()
		}
		f.step = stepUser
	}
	return cmd
}

// leaveFlow ends the restore flow without sending anything.
func (p *Pane) leaveFlow() tea.Cmd {
	back := p.flow.back
	p.flow = nil
	p.screen = back
	if back == screenPoints && p.open == "" {
		p.screen = screenFileSystems
	}
	return kit.Notify(kit.LevelInfo, "Restore cancelled: nothing was sent.")
}

// toggleJobs shows the restore jobs, or goes back from them.
func (p *Pane) toggleJobs() {
	if p.screen == screenJobs {
		p.screen = p.jobsBack
		if p.screen == screenPoints && p.open == "" {
			p.screen = screenFileSystems
		}
		return
	}
	p.jobsBack = p.screen
	p.screen = screenJobs
}

// openFS shows a file system's recovery point timeline.
func (p *Pane) openFS(id string) {
	if p.open != id {
		p.pointTable.SetRows(p.pointsOf(id))
		p.pointTable.MoveTo(0)
	}
	p.open = id
	p.screen = screenPoints
}

// pickDay puts the cursor on the recovery point taken d days ago.
func (p *Pane) pickDay(d int) tea.Cmd {
	points := p.pointsOf(p.open)
	i := pointOnDay(points, p.ctx.Now(), d)
	if i < 0 {
		return kit.Notify(kit.LevelWarn, "No recovery point from "+daysPhrase(d)+" ("+p.ctx.Now().AddDate(0, 0, -d).Format("Jan 02")+").")
	}
	arn := points[i].ARN
	if !selectWhere(p.pointTable, func(r domain.RecoveryPoint) bool { return r.ARN == arn }) {
		return kit.Notify(kit.LevelWarn, "The point from "+daysPhrase(d)+" is hidden by the filter (esc clears it).")
	}
	return nil
}

// pointIndex is a point's position in the file system's list.
func (p *Pane) pointIndex(arn string) int {
	for i, rp := range p.pointsOf(p.open) {
		if rp.ARN == arn {
			return i
		}
	}
	return -1
}
