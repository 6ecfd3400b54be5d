package graph

import (
	"strings"
	"time"

	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit"
)

// Frame is what changes from one drawing of a scene to the next.
type Frame struct {
	// Steps are the execution's steps by name; a step missing here has not
	// started.
	Steps map[string]domain.PipelineStep
	// Now measures the elapsed time of running steps.
	Now      time.Time
	Selected string
	Styles   *themes.Styles
}

// Viewport is the window onto the scene: its top-left cell and size.
type Viewport struct{ X, Y, Width, Height int }

// Render draws the part of the scene the viewport shows: exactly Height
// lines of Width cells.
func (s *Scene) Render(f Frame, v Viewport) []string {
	st := f.Styles
	if st == nil {
		st = &themes.Styles{}
	}
	c := newCanvas(v.Width, v.Height)
	dx, dy := -v.X, -v.Y
	for _, n := range s.Nodes {
		r := n.Box
		r.X, r.Y = r.X+dx, r.Y+dy
		if r.X >= v.Width || r.Y >= v.Height || r.X+r.W <= 0 || r.Y+r.H <= 0 {
			continue
		}
		step := stepOf(f.Steps, n)
		c.fill(r)
		c.box(r, st.Status(kit.StatusFamily(step.Status)), n.Step == f.Selected)
	}
	for _, l := range s.lines {
		c.line(l.x0+dx, l.y0+dy, l.x1+dx, l.y1+dy, st.Muted, false)
	}
	for _, m := range s.marks {
		style := st.Muted
		if m.label {
			style = st.Text
		}
		c.text(m.x+dx, m.y+dy, m.text, kit.Width(m.text), style)
	}
	for _, n := range s.Nodes {
		r := n.Box
		r.X, r.Y = r.X+dx, r.Y+dy
		if r.X >= v.Width || r.Y >= v.Height || r.X+r.W <= 0 || r.Y+r.H <= 0 {
			continue
		}
		s.label(c, r, n, stepOf(f.Steps, n), f, st)
	}
	return c.lines(0, 0, v.Width, v.Height)
}

func stepOf(steps map[string]domain.PipelineStep, n Node) domain.PipelineStep {
	if s, ok := steps[n.Step]; ok {
		return s
	}
	return domain.PipelineStep{Name: n.Step, Type: n.Type, Status: domain.StepNotStarted}
}

// label writes a box's text: name, type and status line in a full box;
// the status symbol, name and (if there is room) a running step's elapsed
// time in a compact one.
func (s *Scene) label(c *canvas, r Rect, n Node, step domain.PipelineStep, f Frame, st *themes.Styles) {
	x := r.X + 1 + padding
	inner := r.W - 2 - 2*padding
	status := st.Status(kit.StatusFamily(step.Status))
	nameStyle := st.Bold
	if n.Step == f.Selected {
		nameStyle = st.RowSelected
	}
	name := kit.Sanitize(n.Step)
	elapsed := ""
	if d := Elapsed(step, f.Now); d > 0 || Running(step.Status) {
		elapsed = kit.Duration(d)
	}
	if s.Compact {
		y := r.Y + r.H/2
		used := c.text(x, y, Symbol(step.Status), 1, status) + 1
		nw := kit.Width(name)
		if Running(step.Status) && nw+1+kit.Width(elapsed) <= inner-used {
			c.text(x+used, y, name, nw, nameStyle)
			c.text(x+used+nw+1, y, elapsed, kit.Width(elapsed), status)
			return
		}
		c.text(x+used, y, name, inner-used, nameStyle)
		return
	}
	y := r.Y + 1
	c.text(x, y, name, inner, nameStyle)
	typ := kit.Sanitize(n.Type)
	if step.Type == "Condition" || n.Type == "Condition" {
		if o := kit.Sanitize(step.ConditionOutcome); o != "" {
			typ += ": " + strings.ToLower(o)
		}
	}
	c.text(x, y+1, typ, inner, st.Muted)
	line := Symbol(step.Status) + " " + StatusText(step.Status)
	if elapsed != "" {
		line += " " + elapsed
	}
	c.text(x, y+2, line, inner, status)
}
