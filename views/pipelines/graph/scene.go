package graph

import (
	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/views/kit"
)

// Orientation is the direction the pipeline flows in.
type Orientation int

const (
	// AutoOrientation lets the window's shape decide (see Choose).
	AutoOrientation Orientation = iota
	// LeftToRight puts each layer in a column: reads best in a wide terminal.
	LeftToRight
	// TopToBottom puts each layer in a row: suits a narrow terminal.
	TopToBottom
)

func (o Orientation) String() string {
	switch o {
	case LeftToRight:
		return "left to right"
	case TopToBottom:
		return "top to bottom"
	}
	return "auto"
}

// Density is how much a box says.
type Density int

const (
	// AutoDensity lets the window's size decide (see Choose).
	AutoDensity Density = iota
	// Full boxes show name, type, status and time on three lines.
	Full
	// Compact boxes show the status symbol and name on one line.
	Compact
)

func (d Density) String() string {
	switch d {
	case Full:
		return "full"
	case Compact:
		return "compact"
	}
	return "auto"
}

// Rect is a box on the grid.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the point is inside r.
func (r Rect) Contains(x, y int) bool { return x >= r.X && y >= r.Y && x < r.X+r.W && y < r.Y+r.H }

// Node is a placed step.
type Node struct {
	Step, Type string
	Box        Rect
	Layer      int
	// Index is the step's slot in its layer, dummies counted.
	Index int
}

// segment is a horizontal or vertical piece of line.
type segment struct{ x0, y0, x1, y1 int }

// mark is a piece of text on a line: an arrow head or a branch label.
type mark struct {
	x, y  int
	text  string
	label bool
}

// Scene is a layout placed on the character grid: where every step's box,
// every line, arrow head and branch label goes. It depends only on the
// layout, orientation and density, so it is made once and drawn every
// frame with the statuses of the moment.
type Scene struct {
	Orientation Orientation
	Compact     bool
	// Width and Height are the whole graph's size in cells.
	Width, Height int
	// Nodes are the steps in layer order, then slot order.
	Nodes []Node
	// Crossings is the layout's count of crossing edge pairs.
	Crossings int

	lines  []segment
	marks  []mark
	byName map[string]int
	// neighbours of each node, by index: steps in earlier and later layers
	// joined to it by an edge.
	before, after [][]int
}

// Node returns the placed step of that name.
func (s *Scene) Node(step string) (Node, bool) {
	if s == nil {
		return Node{}, false
	}
	i, ok := s.byName[step]
	if !ok {
		return Node{}, false
	}
	return s.Nodes[i], true
}

// Box sizes, in cells.
const (
	fullHeight    = 5 // border, name, type, status, border
	compactHeight = 3 // border, status symbol and name, border
	fullInnerMin  = 18
	fullInnerMax  = 26
	compactMin    = 8
	compactMax    = 20
	// padding is the space inside the border on each side.
	padding = 1
)

// boxWidth is a step's box width: its name (and, in full boxes, its type
// and a status line) with border and padding, within limits so that one
// long name cannot push the rest of the graph off the screen.
func boxWidth(name, typ string, compact bool) int {
	nw := kit.Width(kit.Sanitize(name))
	if compact {
		return clamp(2+nw, compactMin, compactMax) + 2 + 2*padding
	}
	return clamp(max(nw, kit.Width(kit.Sanitize(typ))), fullInnerMin, fullInnerMax) + 2 + 2*padding
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// Place lays out l on the grid in the orientation given (left to right
// unless TopToBottom), with compact
// boxes (one line: status symbol and name) or full ones (name, type,
// status and time). A nil or empty layout gives an empty scene.
func Place(l *dag.LayeredLayout, o Orientation, compact bool) *Scene {
	if o != TopToBottom {
		o = LeftToRight
	}
	s := &Scene{Orientation: o, Compact: compact, byName: map[string]int{}}
	if l == nil || len(l.Layers) == 0 {
		return s
	}
	s.Crossings = l.Crossings
	p := newPlacer(l, o, compact)
	p.positionCross()
	p.route()
	p.emit(s)
	return s
}
