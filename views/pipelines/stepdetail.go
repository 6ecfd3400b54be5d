package pipelines

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/pipelines/graph"
)

// page is a detail's text; text wraps at spaces, hyphens and slashes.
type page struct{ kit.Page }

func (p *page) wrapped(indent, text string, look themes.Span) { p.Wrapped(indent, look, text, " -/") }

func (p *page) row(label, value string) { p.Row(label, labelWidth, value) }

const labelWidth = 10

// refreshDetail rebuilds the step detail from the latest data.
func (p *Pane) refreshDetail() {
	if p.mode != modeStep || p.exec == nil || p.ctx == nil {
		return
	}
	p.detail.SetContent(stepDetail(*p.exec, p.g.selected, p.ctx.Styles, p.now(), p.width))
}

// stepDetail is everything known of one step of an execution.
func stepDetail(data backend.ExecutionData, name string, st *themes.Styles, now time.Time, width int) string {
	p := &page{kit.Page{St: st, Width: width}}
	s, ok := data.Steps[name]
	if !ok {
		p.Line(st.Muted.Render("The step " + kit.Sanitize(name) + " is not in this execution. esc goes back."))
		return p.String()
	}
	var def domain.StepDefinition
	for _, d := range data.Definition.Steps {
		if d.Name == name {
			def = d
		}
	}
	fam := st.Status(kit.StatusFamily(s.Status))
	p.Line(st.Bold.Render(kit.Sanitize(s.Name)), "  ", fam.Render(graph.Symbol(s.Status)+" "+graph.StatusText(s.Status)))
	typ := s.Type
	if typ == "" {
		typ = def.Type
	}
	p.wrapped("", kit.Sanitize(orDash(typ))+" step of "+kit.Sanitize(data.Execution.PipelineName)+", execution "+
		kit.Sanitize(executionName(data.Execution)), st.Muted)

	p.Line()
	p.row("status", fam.Render(graph.StatusText(s.Status)))
	p.row("started", when(s.StartedAt, now))
	p.row("ended", when(s.EndedAt, now))
	switch d := graph.Elapsed(s, now); {
	case s.StartedAt.IsZero():
		p.row("duration", "-")
	case graph.Running(s.Status):
		p.row("duration", kit.Duration(d)+" so far")
	case !s.StartedAt.IsZero() && !s.EndedAt.IsZero():
		p.row("duration", kit.Duration(d))
	default:
		p.row("duration", "-")
	}
	attempts := "-"
	if s.AttemptCount > 0 {
		attempts = strconv.Itoa(s.AttemptCount)
	}
	p.row("attempts", attempts)

	if s.FailureReason != "" {
		p.Section("Failure reason")
		p.wrapped("  ", s.FailureReason, st.Status(themes.FamilyFailed))
	}
	if typ == "Condition" {
		p.Section("Condition")
		p.wrapped("  ", conditionText(s, def), st.Text)
	}
	if s.TrainingJobARN != "" {
		p.Section("Training job")
		p.wrapped("  ", lastPart(s.TrainingJobARN, "training-job/"), st.Text)
		p.Line("  ", st.Muted.Render("t its detail · L its logs, in the Training jobs pane"))
	}
	if s.ProcessingJobARN != "" {
		p.Section("Processing job")
		p.wrapped("  ", lastPart(s.ProcessingJobARN, "processing-job/"), st.Text)
	}
	if s.ModelPackageARN != "" {
		p.Section("Model package registered")
		p.wrapped("  ", modelPackageLabel(s.ModelPackageARN), st.Text)
		p.wrapped("  ", s.ModelPackageARN, st.Muted)
		p.Line("  ", st.Muted.Render("m opens it in the Registry pane"))
	}
	before, after := neighbours(data.Definition, name)
	if len(before)+len(after) > 0 {
		p.Section("In the graph")
		if len(before) > 0 {
			p.row("waits for", kit.Sanitize(strings.Join(before, ", ")))
		}
		if len(after) > 0 {
			p.row("leads to", kit.Sanitize(strings.Join(after, ", ")))
		}
	}
	if def.Arguments != "" {
		p.Section("Arguments")
		var pretty bytes.Buffer
		text := def.Arguments
		if json.Indent(&pretty, []byte(def.Arguments), "", "  ") == nil {
			text = pretty.String()
		}
		for _, l := range strings.Split(kit.SanitizeLines(text), "\n") {
			for _, w := range strings.Split(ansi.Hardwrap(l, max(10, width-4), true), "\n") {
				p.Line("  ", st.Muted.Render(w))
			}
		}
	}
	return p.String()
}

func when(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return kit.FullTimestamp(t, now) + " (" + kit.Age(t, now) + ")"
}

// conditionText says how a condition step came out and which branch ran.
func conditionText(s domain.PipelineStep, def domain.StepDefinition) string {
	branch := func(steps []string) string {
		if len(steps) == 0 {
			return "nothing"
		}
		return strings.Join(steps, ", ")
	}
	switch strings.ToLower(s.ConditionOutcome) {
	case "true":
		return "Evaluated true: the \"if true\" branch runs (" + branch(def.IfSteps) + "); the \"else\" branch (" + branch(def.ElseSteps) + ") is skipped."
	case "false":
		return "Evaluated false: the \"else\" branch runs (" + branch(def.ElseSteps) + "); the \"if true\" branch (" + branch(def.IfSteps) + ") is skipped."
	}
	return "Not evaluated yet. If true: " + branch(def.IfSteps) + ". Else: " + branch(def.ElseSteps) + "."
}

// neighbours are the steps a step waits for and the steps that wait for it.
func neighbours(def domain.PipelineDefinition, name string) (before, after []string) {
	add := func(list []string, v string) []string {
		for _, x := range list {
			if x == v {
				return list
			}
		}
		return append(list, v)
	}
	for _, d := range def.Steps {
		for _, dep := range append(append([]string(nil), d.DependsOn...), d.References...) {
			if d.Name == name {
				before = add(before, dep)
			}
			if dep == name {
				after = add(after, d.Name)
			}
		}
		for _, b := range append(append([]string(nil), d.IfSteps...), d.ElseSteps...) {
			if d.Name == name {
				after = add(after, b)
			}
			if b == name {
				before = add(before, d.Name)
			}
		}
	}
	return before, after
}

// lastPart is what follows marker in an ARN (a job's name), or the ARN.
func lastPart(arn, marker string) string {
	if _, rest, ok := strings.Cut(arn, marker); ok {
		return rest
	}
	return arn
}

// modelPackageLabel reads "group v12" from a model package ARN
// (arn:aws:sagemaker:REGION:ACCOUNT:model-package/GROUP/12).
func modelPackageLabel(arn string) string {
	rest := lastPart(arn, "model-package/")
	if i := strings.LastIndex(rest, "/"); i > 0 {
		return rest[:i] + " v" + rest[i+1:]
	}
	return rest
}
