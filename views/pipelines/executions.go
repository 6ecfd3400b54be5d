package pipelines

import (
	"strconv"
	"strings"

	"github.com/agdash/agdash/views/kit"
)

// executionsHeader is the line above a pipeline's executions: its
// project, how its recent runs went and how many run now.
func (p *Pane) executionsHeader(width int) string {
	st := p.ctx.Styles
	pl := p.execs.Pipeline
	parts := []string{}
	if pl.Project != "" {
		parts = append(parts, "project "+kit.Sanitize(pl.Project))
	}
	if pl.SuccessRate >= 0 {
		parts = append(parts, successRate(pl.SuccessRate)+" of recent runs succeeded")
	}
	if pl.Running > 0 {
		parts = append(parts, strconv.Itoa(pl.Running)+" running")
	}
	parts = append(parts, strconv.Itoa(len(pl.Parameters))+" parameters")
	line := " " + st.Bold.Render(kit.Sanitize(orDash(pl.Name))) + "  " + st.Muted.Render(strings.Join(parts, " · "))
	return kit.Fit(line, width, kit.AlignLeft)
}
