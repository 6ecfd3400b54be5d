package registry

import (
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/metrics"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// page is a detail's text; values wrap where an ARN or URI may break
// (wrapURI).
type page struct{ kit.Page }

// row writes "  label  value", wrapping a long value under itself.
func (p *page) row(label string, value string, note string) {
	const labelW = 15
	indent := "  " + strings.Repeat(" ", labelW) + "  "
	w := max(10, p.Width-1-kit.Width(indent))
	lines := wrapURI(value, w)
	for i, l := range lines {
		if i == 0 {
			first := "  " + p.St.Muted.Render(kit.Fit(label, labelW, kit.AlignLeft)) + "  " + l
			if note != "" && len(lines) == 1 && kit.Width(l)+kit.Width(note)+2 <= w {
				first += "  " + p.St.Muted.Render(note)
			}
			p.Line(first)
			continue
		}
		p.Line(indent, l)
	}
	if note != "" && (len(lines) > 1 || kit.Width(lines[0])+kit.Width(note)+2 > w) {
		p.Line(indent, p.St.Muted.Render(note))
	}
}

// wrapped writes sanitised text wrapped at the page width.
func (p *page) wrapped(indent, text string) {
	w := max(10, p.Width-1-kit.Width(indent))
	for _, l := range wrapURI(kit.Sanitize(text), w) {
		p.Line(indent, l)
	}
}

// wrapURI wraps text at w cells after a space, "/" or ":", so that the
// names inside an ARN, S3 URI or image stay whole (a hyphenated name is
// not split as prose would be); a part longer than a line is cut.
func wrapURI(s string, w int) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '/' || s[i] == ':' {
			parts = append(parts, s[start:i+1])
			start = i + 1
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	var lines []string
	cur := ""
	for _, part := range parts {
		if kit.Width(cur)+kit.Width(part) <= w {
			cur += part
			continue
		}
		if cur != "" {
			lines = append(lines, strings.TrimRight(cur, " "))
		}
		cut := strings.Split(ansi.Hardwrap(part, w, true), "\n")
		lines = append(lines, cut[:len(cut)-1]...)
		cur = cut[len(cut)-1]
	}
	return append(lines, strings.TrimRight(cur, " "))
}

// versionDetail is one version: approval, lineage with the keys that jump
// to what produced it, metrics against the approved version, and the
// training job's hyperparameters.
func versionDetail(v domain.ModelVersion, group domain.ModelGroup, all []domain.ModelVersion, last string, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	approval := approvalWord(v.Approval)
	p.Line(st.Bold.Render(kit.Sanitize(v.Group)+" "+label(v.Version)), "  ", approvalLook(v.Approval, st).Render(approval))
	meta := "Registered " + kit.When(v.CreatedAt, now)
	if v.CreatedBy != "" {
		meta += " by " + kit.Sanitize(v.CreatedBy)
	}
	if v.Status != "" {
		meta += " · package " + kit.Sanitize(v.Status)
	}
	p.wrapped("", meta)
	if v.ARN != "" {
		p.wrapped("", v.ARN)
	}
	if v.Description != "" {
		p.wrapped("", v.Description)
	}
	if last != "" {
		p.Line()
		p.wrapped("", last)
	}

	p.Section("Approval")
	status := kit.Sanitize(v.Approval)
	if v.Approval == domain.ApprovalPending {
		status = "PendingManualApproval: waiting for an MLOps engineer"
	}
	p.row("status", approvalLook(v.Approval, st).Render(status), "")
	if v.ApprovalNote != "" {
		p.row("comment", kit.Sanitize(v.ApprovalNote), "")
	}
	if by := decidedBy(v); by != "" {
		p.row("decided by", kit.Sanitize(by)+", "+kit.Timestamp(v.LastModified, now), "")
	}

	p.Section("Lineage")
	l := v.Lineage
	project := kit.Sanitize(orDash(group.Project))
	if l.ProjectID != "" {
		project += " (id " + kit.Sanitize(l.ProjectID) + ")"
	}
	p.row("project", project, "")
	if l.PipelineName != "" {
		p.row("pipeline", kit.Sanitize(l.PipelineName), "")
	}
	if l.PipelineExecutionARN != "" {
		p.row("execution", kit.Sanitize(l.PipelineExecutionARN), "p: open in Pipelines")
	} else {
		p.row("execution", st.Muted.Render("not recorded (registered outside a pipeline)"), "")
	}
	if l.TrainingJobName != "" {
		p.row("training job", kit.Sanitize(l.TrainingJobName), "t: open in Training jobs")
	} else {
		p.row("training job", st.Muted.Render("not recorded"), "")
	}
	if len(l.InputData) == 0 {
		p.row("input data", st.Muted.Render("not known"), "")
	}
	for i, in := range l.InputData {
		name := ""
		if i == 0 {
			name = "input data"
		}
		p.row(name, kit.Sanitize(in), "")
	}
	p.row("model artefact", kit.Sanitize(orDash(l.ModelDataURL)), "")
	p.row("image", kit.Sanitize(orDash(l.Image)), "")
	p.row("evaluation", kit.Sanitize(orDash(v.MetricsURI)), "")

	p.Section(metricsTitle(v))
	versionMetrics(p, v, all)

	p.Section("Hyperparameters")
	if len(v.Hyperparameter) == 0 {
		p.Line("  ", st.Muted.Render("not known: the training job is not recorded or not readable"))
	}
	names := make([]string, 0, len(v.Hyperparameter))
	nameW := 0
	for k := range v.Hyperparameter {
		names = append(names, k)
		nameW = max(nameW, min(28, kit.Width(kit.Sanitize(k))))
	}
	sort.Strings(names)
	for _, k := range names {
		p.Line("  ", st.Muted.Render(kit.Fit(kit.Sanitize(k), nameW, kit.AlignLeft)), "  ", kit.Sanitize(v.Hyperparameter[k]))
	}
	return p.String()
}

func metricsTitle(v domain.ModelVersion) string {
	if v.Report.Format != "" {
		return "Metrics (" + kit.Sanitize(v.Report.Format) + ")"
	}
	return "Metrics"
}

// versionMetrics lists the version's metrics with the change against the
// approved version.
func versionMetrics(p *page, v domain.ModelVersion, all []domain.ModelVersion) {
	st := p.St
	switch reportNote(v) {
	case noteUnreadable:
		p.wrapped("  ", "✗ "+v.Report.Err)
		return
	case noteNoReport:
		p.Line("  ", st.Muted.Render("This version has no evaluation report."))
		return
	case noteLoading:
		p.Line("  ", st.Muted.Render("The evaluation report has not been loaded yet."))
		return
	}
	c, approved := againstApproved(v, all)
	if approved != 0 {
		p.Line("  ", st.Muted.Render("changes against "+label(approved)+", the approved version"))
	}
	// One line per metric, in columns: name, value, ± deviation, change,
	// relative change; each metric's numbers with the same decimals.
	type line struct {
		name, value, dev, delta, rel string
		verdict                      metrics.Verdict
	}
	var lines []line
	var nameW, valueW, devW, deltaW, relW int
	for _, r := range c.Rows {
		cell := r.Cells[0]
		if !cell.Present {
			continue
		}
		n := numbersOf(r)
		l := line{name: metricTitle(r), value: n.Value(cell.Value), verdict: cell.Verdict}
		if cell.HasStdDev {
			l.dev = "± " + n.Value(cell.StdDev)
		}
		switch {
		case !cell.HasDelta:
		case cell.Verdict == metrics.Equal:
			l.delta = "same"
		default:
			l.delta = n.Delta(cell.Delta)
			if cell.HasRelative {
				l.rel = relative(cell.Delta, cell.Relative)
			}
		}
		lines = append(lines, l)
		nameW, valueW = max(nameW, min(28, kit.Width(l.name))), max(valueW, kit.Width(l.value))
		devW, deltaW, relW = max(devW, kit.Width(l.dev)), max(deltaW, kit.Width(l.delta)), max(relW, kit.Width(l.rel))
	}
	for _, l := range lines {
		parts := []string{"  ", kit.Fit(l.name, nameW, kit.AlignLeft), "  ", kit.Fit(l.value, valueW, kit.AlignRight)}
		if devW > 0 {
			parts = append(parts, "  ", kit.Fit(l.dev, devW, kit.AlignLeft))
		}
		if deltaW > 0 {
			look := verdictLook(l.verdict, st)
			if l.verdict == metrics.Equal {
				look = st.Muted
			}
			change := kit.Fit(l.delta, deltaW, kit.AlignRight)
			if relW > 0 {
				change += "  " + kit.Fit(l.rel, relW, kit.AlignRight)
			}
			parts = append(parts, "  ", look.Render(change))
		}
		p.Line(parts...)
	}
}
