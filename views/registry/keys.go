package registry

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

const section = "Registry"

// The bindings of each view, declared beside what they do.

func (p *Pane) groupBindings() *kit.KeyMap {
	m := kit.NewKeyMap(
		kit.Binding{Name: "registry.open", Keys: []string{"enter"}, Help: "open the group's versions", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if g, ok := p.groups.Selected(); ok {
					p.openGroup(g.Name)
				}
				return nil
			}},
	)
	m.Merge(p.groups.Keys())
	return m
}

// decisionBindings approve and reject the version in view; the kit turns
// them off, with the reason, for roles that may not.
func (p *Pane) decisionBindings() []kit.Binding {
	return []kit.Binding{
		{Name: "registry.approve", Keys: []string{"a"}, Help: "approve the version", Section: section,
			Mutates: true, Action: domain.ActionApproveModel,
			Run: func(tea.KeyMsg) tea.Cmd { return p.startApproval(true) }},
		{Name: "registry.reject", Keys: []string{"r"}, Help: "reject the version", Section: section,
			Mutates: true, Action: domain.ActionRejectModel,
			Run: func(tea.KeyMsg) tea.Cmd { return p.startApproval(false) }},
	}
}

func (p *Pane) versionBindings() *kit.KeyMap {
	m := kit.NewKeyMap(
		kit.Binding{Name: "registry.detail", Keys: []string{"enter"}, Help: "lineage and details", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if v, ok := p.versions.Selected(); ok {
					p.openDetail(v.Version, modeVersions)
				}
				return nil
			}},
		kit.Binding{Name: "registry.mark", Keys: []string{" "}, Help: "mark for comparison", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if v, ok := p.versions.Selected(); ok {
					if p.marks[v.Version] {
						delete(p.marks, v.Version)
					} else {
						p.marks[v.Version] = true
					}
				}
				return nil
			}},
		kit.Binding{Name: "registry.compare", Keys: []string{"c"}, Help: "compare the marked versions", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.openCompare() }},
		kit.Binding{Name: "registry.unmark", Keys: []string{"x"}, Help: "clear the marks", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { p.marks = map[int]bool{}; return nil }},
	)
	m.Add(p.decisionBindings()...)
	m.Add(p.jumpBindings()...)
	m.Add(kit.Binding{Name: "registry.back", Keys: []string{"esc", "backspace"}, Help: "back to the groups", Section: section,
		Run: func(tea.KeyMsg) tea.Cmd { p.mode = modeGroups; return nil }})
	m.Merge(p.versions.Keys())
	return m
}

func (p *Pane) compareBindings() *kit.KeyMap {
	move := func(d int) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd {
			if p.cmp != nil {
				p.cmp.move(d)
			}
			return nil
		}
	}
	m := kit.NewKeyMap(
		kit.Binding{Name: "registry.left", Keys: []string{"left", "h"}, Help: "previous version column", Section: section, Run: move(-1)},
		kit.Binding{Name: "registry.right", Keys: []string{"right", "l"}, Help: "next version column", Section: section, Run: move(1)},
		kit.Binding{Name: "registry.compare.detail", Keys: []string{"enter"}, Help: "lineage of the version", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if p.cmp != nil {
					p.openDetail(p.cmp.focusedVersion(), modeCompare)
				}
				return nil
			}},
		kit.Binding{Name: "registry.export", Keys: []string{"e"}, Help: "export (CSV, Markdown, clipboard)", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd {
				if p.cmp != nil {
					p.export = newExport(p.group, p.cmp.labels())
				}
				return nil
			}},
	)
	m.Add(p.decisionBindings()...)
	m.Add(kit.Binding{Name: "registry.compare.back", Keys: []string{"esc", "backspace"}, Help: "back to the versions", Section: section,
		Run: func(tea.KeyMsg) tea.Cmd { p.mode = modeVersions; return nil }})
	m.Merge(p.cmpBody.Keys())
	return m
}

func (p *Pane) detailBindings() *kit.KeyMap {
	m := kit.NewKeyMap(p.jumpBindings()...)
	m.Add(p.decisionBindings()...)
	m.Add(kit.Binding{Name: "registry.detail.back", Keys: []string{"esc", "backspace"}, Help: "back", Section: section,
		Run: func(tea.KeyMsg) tea.Cmd { p.mode = p.detailFrom; return nil }})
	m.Merge(p.detail.Keys())
	return m
}

func (p *Pane) jumpBindings() []kit.Binding {
	return []kit.Binding{
		{Name: "registry.pipeline", Keys: []string{"p"}, Help: "open the pipeline execution", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.jumpToExecution() }},
		{Name: "registry.job", Keys: []string{"t"}, Help: "open the training job", Section: section,
			Run: func(tea.KeyMsg) tea.Cmd { return p.jumpToJob() }},
	}
}

// target is the version an action applies to: the selected row, the
// focused comparison column, or the version in detail.
func (p *Pane) target() (domain.ModelVersion, bool) {
	if p.versionsData == nil {
		return domain.ModelVersion{}, false
	}
	n := 0
	switch p.mode {
	case modeVersions:
		v, ok := p.versions.Selected()
		if !ok {
			return domain.ModelVersion{}, false
		}
		n = v.Version
	case modeCompare:
		if p.cmp == nil {
			return domain.ModelVersion{}, false
		}
		n = p.cmp.focusedVersion()
	case modeDetail:
		n = p.detailVersion
	}
	return findVersion(p.versionsData.Versions, n)
}

// startApproval opens the comment form for approving or rejecting.
func (p *Pane) startApproval(approve bool) tea.Cmd {
	v, ok := p.target()
	switch {
	case !ok:
		return nil
	case approve && v.Approval == domain.ApprovalApproved:
		return kit.Notify(kit.LevelInfo, label(v.Version)+" is already approved.")
	case !approve && v.Approval == domain.ApprovalRejected:
		return kit.Notify(kit.LevelInfo, label(v.Version)+" is already rejected.")
	case v.ARN == "":
		return kit.Notify(kit.LevelWarn, "AWS gave no ARN for "+label(v.Version)+", so it cannot be updated.")
	}
	p.approval = newApproval(v, approve, p.versionsData.Versions)
	return nil
}

// openCompare compares the marked versions. With fewer than two marked,
// it compares the marked (or selected) version with the approved one.
func (p *Pane) openCompare() tea.Cmd {
	if p.versionsData == nil {
		return nil
	}
	nums := p.markedVersions()
	if len(nums) < 2 {
		if len(nums) == 0 {
			v, ok := p.versions.Selected()
			if !ok {
				return nil
			}
			nums = []int{v.Version}
		}
		if a := approvedVersion(p.versionsData.Versions); a == 0 || a == nums[0] {
			return kit.Notify(kit.LevelInfo, "Mark two or more versions with space, then press c to compare them.")
		}
	}
	p.cmp = newComparison(p.group, p.versionsData.Versions, nums)
	p.mode = modeCompare
	p.cmpBody.GotoTop()
	p.layoutCompare()
	return nil
}
