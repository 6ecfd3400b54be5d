package registry

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/views/kit"
)

// jumpToExecution opens the pipeline execution that registered the
// version in the Pipelines pane.
func (p *Pane) jumpToExecution() tea.Cmd {
	v, ok := p.target()
	if !ok {
		return nil
	}
	if v.Lineage.PipelineExecutionARN == "" {
		return kit.Notify(kit.LevelInfo, "No pipeline execution is recorded for "+label(v.Version)+".")
	}
	return navigate(kit.PanePipelines, v.Lineage.PipelineExecutionARN)
}

// jumpToJob opens the training job that produced the version in the
// Training jobs pane.
func (p *Pane) jumpToJob() tea.Cmd {
	v, ok := p.target()
	if !ok {
		return nil
	}
	if v.Lineage.TrainingJobName == "" {
		return kit.Notify(kit.LevelInfo, "No training job is recorded for "+label(v.Version)+".")
	}
	return navigate(kit.PaneJobs, v.Lineage.TrainingJobName)
}

func navigate(pane kit.PaneID, arg string) tea.Cmd {
	return func() tea.Msg { return kit.NavigateMsg{Pane: pane, Arg: arg} }
}

// arrive opens what another pane jumped to: a model package (version)
// ARN, a group ARN, "group/12", "group v12" or a group name.
func (p *Pane) arrive(arg string) {
	group, version := parseTarget(arg)
	if group == "" {
		return
	}
	if p.groupsData != nil {
		// ARNs spell names in lower case; the group may not.
		for _, g := range p.groupsData.Groups {
			if strings.EqualFold(g.Name, group) {
				group = g.Name
			}
		}
	}
	p.approval, p.export = nil, nil
	p.openGroup(group)
	p.want = version
	p.openWanted()
}

// parseTarget reads a navigation argument into a group and version (0
// for the group itself).
func parseTarget(arg string) (group string, version int) {
	s := strings.TrimSpace(arg)
	if strings.HasPrefix(s, "arn:") {
		// arn:aws:sagemaker:<region>:<account>:model-package/<group>/<n>
		// arn:aws:sagemaker:<region>:<account>:model-package-group/<group>
		parts := strings.SplitN(s, ":", 6)
		if len(parts) < 6 {
			return "", 0
		}
		res := parts[5]
		switch {
		case strings.HasPrefix(res, "model-package-group/"):
			return strings.TrimPrefix(res, "model-package-group/"), 0
		case strings.HasPrefix(res, "model-package/"):
			s = strings.TrimPrefix(res, "model-package/")
		default:
			return "", 0
		}
	}
	for _, sep := range []string{"/", ":", " v", " "} {
		if i := strings.LastIndex(s, sep); i > 0 {
			if n, err := strconv.Atoi(strings.TrimPrefix(s[i+len(sep):], "v")); err == nil && n > 0 {
				return strings.TrimSpace(s[:i]), n
			}
		}
	}
	return s, 0
}
