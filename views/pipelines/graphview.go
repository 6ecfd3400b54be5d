package pipelines

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/pipelineparams"
	"github.com/agdash/agdash/views/kit"
	"github.com/agdash/agdash/views/pipelines/graph"
)

// The graph view has the execution above the graph and the selected step
// under it.
const (
	headerLines = 2
	footerLines = 1
)

// graphArea is the size the graph is drawn in.
func (p *Pane) graphArea() (w, h int) {
	return max(1, p.width), max(1, p.height-headerLines-footerLines)
}

// sceneKey is what a placed graph depends on.
type sceneKey struct {
	layout      *dag.LayeredLayout
	orientation graph.Orientation
	density     graph.Density
	w, h        int
}

// sceneNow is the graph placed for the current area and choices; placing
// a large graph takes a millisecond or so, so the last one is kept.
func (p *Pane) sceneNow() *graph.Scene {
	w, h := p.graphArea()
	key := sceneKey{p.g.layout, p.g.orientation, p.g.density, w, h}
	if p.g.scene == nil || p.g.sceneKey != key {
		p.g.scene, p.g.sceneKey = graph.Choose(p.g.layout, p.g.orientation, p.g.density, w, h), key
	}
	return p.g.scene
}

// graphBroken reports whether the execution's graph cannot be drawn, so
// its steps are listed instead.
func (p *Pane) graphBroken() bool {
	return p.exec != nil && (p.exec.GraphErr != "" || p.g.buildErr != "")
}

// follow moves the window so the selected step is in it.
func (p *Pane) follow() {
	if p.g.layout == nil {
		return
	}
	w, h := p.graphArea()
	sc := p.sceneNow()
	p.g.view = sc.Follow(p.g.selected, graph.Viewport{X: p.g.view.X, Y: p.g.view.Y, Width: w, Height: h})
}

// moveSelection follows an arrow key through the graph.
func (p *Pane) moveSelection(d graph.Direction) tea.Cmd {
	if p.g.layout == nil {
		return nil
	}
	p.g.selected = p.sceneNow().Move(p.g.selected, d)
	p.g.pinned = true
	p.follow()
	return nil
}

// pan moves the window by a quarter of its size; if the selected step
// leaves it, the step nearest the middle of the window is selected, so
// the selection is always in view.
func (p *Pane) pan(dx, dy int) tea.Cmd {
	if p.g.layout == nil {
		return nil
	}
	w, h := p.graphArea()
	sc := p.sceneNow()
	v := sc.Clamp(graph.Viewport{X: p.g.view.X + dx*max(4, w/4), Y: p.g.view.Y + dy*max(2, h/4), Width: w, Height: h})
	p.g.view = v
	p.g.pinned = true
	if !sc.Visible(p.g.selected, v) {
		if n, ok := sc.Nearest(v); ok {
			p.g.selected = n
		}
	}
	return nil
}

// graphMouse selects the step clicked on and pans with the wheel.
func (p *Pane) graphMouse(msg tea.MouseMsg) tea.Cmd {
	if msg.Action != tea.MouseActionPress || p.g.layout == nil {
		return nil
	}
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		return p.pan(0, -1)
	case tea.MouseButtonWheelDown:
		return p.pan(0, 1)
	case tea.MouseButtonLeft:
		x, y := msg.X+p.g.view.X, msg.Y-headerLines+p.g.view.Y
		for _, n := range p.sceneNow().Nodes {
			if n.Box.Contains(x, y) {
				p.g.selected, p.g.pinned = n.Step, true
				p.follow()
			}
		}
	}
	return nil
}

func (p *Pane) toggleOrientation() tea.Cmd {
	p.g.orientation = (p.g.orientation + 1) % 3
	p.g.view = graph.Viewport{}
	p.follow()
	return kit.Notify(kit.LevelInfo, "Graph orientation: "+p.g.orientation.String()+".")
}

func (p *Pane) toggleDensity() tea.Cmd {
	p.g.density = (p.g.density + 1) % 3
	p.g.view = graph.Viewport{}
	p.follow()
	return kit.Notify(kit.LevelInfo, "Step boxes: "+p.g.density.String()+".")
}

// graphView draws the execution, its graph (or its steps as a list when
// the definition cannot be drawn) and the selected step.
func (p *Pane) graphView(width, height int) string {
	if p.exec == nil {
		return kit.FitLines(p.placeholder(p.execState, "execution "+kit.Sanitize(executionID(p.arn))), width, height)
	}
	st := p.ctx.Styles
	var b strings.Builder
	b.WriteString(p.executionHeader(width))
	b.WriteByte('\n')
	gh := max(1, height-headerLines-footerLines)
	hint := ""
	switch {
	case p.graphBroken():
		why := p.exec.GraphErr
		if why == "" {
			why = p.g.buildErr
		}
		b.WriteString(st.StatusError.Render(kit.Truncate(" The step graph cannot be drawn: "+kit.Sanitize(why), width)))
		b.WriteString("\n" + st.Muted.Render(kit.Truncate(" Its steps as listed by SageMaker:", width)) + "\n")
		b.WriteString(p.stepTable.View(st))
		return kit.FitLines(b.String(), width, height)
	case p.g.layout == nil || len(p.g.layout.Layers) == 0:
		b.WriteString(kit.FitLines(" "+st.Muted.Render("This pipeline's definition has no steps."), width, gh))
	default:
		sc := p.sceneNow()
		v := sc.Follow(p.g.selected, graph.Viewport{X: p.g.view.X, Y: p.g.view.Y, Width: width, Height: gh})
		lines := sc.Render(graph.Frame{Steps: p.exec.Steps, Now: p.now(), Selected: p.g.selected, Styles: st}, v)
		b.WriteString(strings.Join(lines, "\n"))
		hint = panHint(sc.Beyond(v))
	}
	b.WriteByte('\n')
	b.WriteString(p.selectedLine(width, hint))
	return kit.FitLines(b.String(), width, height)
}

// executionHeader is the two lines above the graph: the execution's name,
// status, times and who started it; then its failure reason, or the
// parameters it changed.
func (p *Pane) executionHeader(width int) string {
	st := p.ctx.Styles
	e := p.exec.Execution
	now := p.now()
	status := kit.Sanitize(e.Status)
	var parts []string
	if e.Terminal() {
		parts = append(parts, "started "+kit.When(e.StartedAt, now),
			"took "+kit.Duration(e.Duration(now)))
	} else {
		parts = append(parts, "started "+kit.Timestamp(e.StartedAt, now), "running "+kit.Duration(e.Duration(now)))
	}
	if e.StartedBy != "" {
		parts = append(parts, "by "+kit.Sanitize(e.StartedBy))
	}
	head := " " + st.Bold.Render(kit.Sanitize(executionName(e))) + "  " + st.Status(kit.StatusFamily(e.Status)).Render(status) + "  "
	// The Registry's lineage names a run by its id: show it when the
	// display name differs and it fits whole.
	if id := executionID(e.ARN); id != executionName(e) {
		withID := append(parts[:len(parts):len(parts)], "id "+kit.Sanitize(id))
		if kit.Width(head)+kit.Width(strings.Join(withID, " · ")) <= width {
			parts = withID
		}
	}
	line1 := head + st.Muted.Render(strings.Join(parts, " · "))
	var line2 string
	switch {
	case e.FailureReason != "":
		line2 = st.Status(kit.StatusFamily(domain.ExecFailed)).Render(kit.Truncate(" ✗ "+kit.Sanitize(e.FailureReason), width))
	default:
		line2 = " " + st.Muted.Render("Parameters: ") + kit.Sanitize(p.changedParameters(e))
	}
	return kit.Fit(line1, width, kit.AlignLeft) + "\n" + kit.Fit(line2, width, kit.AlignLeft)
}

// changedParameters says which parameters the run changed from the
// pipeline's defaults, with the default each replaced.
func (p *Pane) changedParameters(e domain.PipelineExecution) string {
	if e.Parameters == nil {
		return notRead
	}
	declared := p.exec.Definition.Parameters
	changed := pipelineparams.Changed(declared, e.Parameters)
	if len(changed) == 0 {
		return "all defaults"
	}
	var parts []string
	for _, d := range declared {
		if v, ok := changed[d.Name]; ok {
			parts = append(parts, d.Name+"="+v+" (default "+d.Default+")")
			delete(changed, d.Name)
		}
	}
	for k, v := range changed {
		parts = append(parts, k+"="+v)
	}
	return strings.Join(parts, ", ")
}

// panHint says where the graph goes on out of sight and how to get
// there: "more ▸ ▾ · h/j/k/l pan"; "" when the whole graph is in view.
func panHint(left, right, up, down bool) string {
	var arrows []string
	for _, a := range []struct {
		on    bool
		arrow string
	}{{left, "◂"}, {right, "▸"}, {up, "▴"}, {down, "▾"}} {
		if a.on {
			arrows = append(arrows, a.arrow)
		}
	}
	if len(arrows) == 0 {
		return ""
	}
	return "more " + strings.Join(arrows, " ") + " · h/j/k/l pan"
}

// selectedLine is the line under the graph: the selected step in words,
// then, at the right, where the graph goes on out of sight (hint) when it
// does, else the legend of the status symbols, when there is room. The
// hint matters more than the step's failure reason: without it a user
// cannot tell the graph is cut.
func (p *Pane) selectedLine(width int, hint string) string {
	st := p.ctx.Styles
	s, ok := p.exec.Steps[p.g.selected]
	if !ok {
		if hint != "" {
			return st.Accent.Render(kit.Truncate(" "+hint, width))
		}
		return st.Muted.Render(kit.Truncate(" "+graph.Legend, width))
	}
	fam := st.Status(kit.StatusFamily(s.Status))
	text := graph.Symbol(s.Status) + " " + graph.StatusText(s.Status)
	if d := graph.Elapsed(s, p.now()); d > 0 {
		text += " " + kit.Duration(d)
	}
	left := " ▸ " + st.Bold.Render(kit.Sanitize(s.Name)) + " " + st.Muted.Render(kit.Sanitize(s.Type)) + "  " + fam.Render(text)
	if s.FailureReason != "" {
		left += "  " + fam.Render(kit.Sanitize(s.FailureReason))
	}
	if hint != "" {
		right := hint + " "
		room := width - kit.Width(right) - 2
		if room < 12 {
			return kit.Fit(left, width, kit.AlignLeft)
		}
		return kit.Fit(left, room, kit.AlignLeft) + "  " + st.Accent.Render(right)
	}
	legend := graph.Legend + " "
	if kit.Width(left)+2+kit.Width(legend) <= width && s.FailureReason == "" {
		return left + strings.Repeat(" ", width-kit.Width(left)-kit.Width(legend)) + st.Muted.Render(legend)
	}
	return kit.Fit(left, width, kit.AlignLeft)
}

// graphInfo is the breadcrumb note: progress and how the graph is drawn.
func (p *Pane) graphInfo() string {
	if p.exec == nil {
		return ""
	}
	done := 0
	for _, s := range p.exec.Steps {
		if s.Status == domain.StepSucceeded {
			done++
		}
	}
	info := fmt.Sprintf("%d/%d steps succeeded", done, len(p.exec.Steps))
	if p.g.layout != nil && !p.graphBroken() {
		info += " · " + p.sceneNow().Orientation.String() // the line under the graph says where it pans
	}
	return info
}

// executionLabel names the open execution for the breadcrumbs.
func (p *Pane) executionLabel() string {
	if p.exec != nil {
		return kit.Sanitize(executionName(p.exec.Execution))
	}
	return kit.Sanitize(executionID(p.arn))
}
