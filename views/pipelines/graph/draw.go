package graph

import (
	"time"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
)

// Input is everything the renderer draws from.
type Input struct {
	Layout *dag.LayeredLayout
	Steps  map[string]domain.PipelineStep
	Now    time.Time
	// Width and Height are the window's size in cells.
	Width, Height int
	Orientation   Orientation
	Density       Density
	Selected      string
	// X and Y are the window's top-left cell in the graph (the pan).
	X, Y   int
	Styles *themes.Styles
}

// Output is the drawing and where the window ended up.
type Output struct {
	Lines []string
	// View is the window after following the selection and clamping.
	View  Viewport
	Scene *Scene
}

// Draw is the renderer as one pure function: layout, statuses, size and
// selection in, lines out. The window moves as little as needed to show
// the selected step.
func Draw(in Input) Output {
	sc := Choose(in.Layout, in.Orientation, in.Density, in.Width, in.Height)
	v := sc.Follow(in.Selected, Viewport{X: in.X, Y: in.Y, Width: in.Width, Height: in.Height})
	return Output{
		Lines: sc.Render(Frame{Steps: in.Steps, Now: in.Now, Selected: in.Selected, Styles: in.Styles}, v),
		View:  v,
		Scene: sc,
	}
}

// Choose places the layout in the orientation and density asked for, or,
// where either is automatic, the first of left-to-right full, top-to-bottom
// full, left-to-right compact and top-to-bottom compact that fits in
// width×height; when none fits, the one that shows the largest share of
// the graph at once.
func Choose(l *dag.LayeredLayout, orientation Orientation, density Density, width, height int) *Scene {
	type option struct {
		o       Orientation
		compact bool
	}
	var opts []option
	for _, compact := range []bool{false, true} {
		if density == Full && compact || density == Compact && !compact {
			continue
		}
		for _, o := range []Orientation{LeftToRight, TopToBottom} {
			if orientation != AutoOrientation && o != orientation {
				continue
			}
			opts = append(opts, option{o, compact})
		}
	}
	var best *Scene
	bestShare := -1.0
	for _, op := range opts {
		sc := Place(l, op.o, op.compact)
		share := shown(width, sc.Width) * shown(height, sc.Height)
		if share >= 1 {
			return sc
		}
		if share > bestShare {
			best, bestShare = sc, share
		}
	}
	return best
}

// shown is the share of size a window of room shows.
func shown(room, size int) float64 {
	if size <= room {
		return 1
	}
	return float64(max(0, room)) / float64(size)
}
