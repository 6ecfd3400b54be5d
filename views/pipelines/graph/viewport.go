package graph

// Clamp keeps the viewport over the scene: never past its right or bottom
// edge when the scene is larger than the window; a scene narrower than
// the window is centred in it, one shorter is at its top.
func (s *Scene) Clamp(v Viewport) Viewport {
	if s.Width < v.Width {
		v.X = -(v.Width - s.Width) / 2
	} else {
		v.X = clamp(v.X, 0, s.Width-v.Width)
	}
	v.Y = clamp(v.Y, 0, max(0, s.Height-v.Height))
	return v
}

// Follow moves the viewport as little as needed for the step's box to be
// in it (its top-left corner when the box is larger than the window).
func (s *Scene) Follow(step string, v Viewport) Viewport {
	n, ok := s.Node(step)
	if !ok {
		return s.Clamp(v)
	}
	v.X = follow(v.X, v.Width, n.Box.X, n.Box.W)
	v.Y = follow(v.Y, v.Height, n.Box.Y, n.Box.H)
	return s.Clamp(v)
}

// follow is one axis of Follow: the window [off, off+size) moved to show
// [at, at+length).
func follow(off, size, at, length int) int {
	switch {
	case length >= size || at < off:
		return at
	case at+length > off+size:
		return at + length - size
	}
	return off
}

// Visible reports whether the step's whole box is in the viewport.
func (s *Scene) Visible(step string, v Viewport) bool {
	n, ok := s.Node(step)
	if !ok {
		return false
	}
	b := n.Box
	return b.X >= v.X && b.Y >= v.Y && b.X+b.W <= v.X+v.Width && b.Y+b.H <= v.Y+v.Height
}

// Nearest is the step whose box is seen in the viewport (wholly if any
// is, else in part) with its centre nearest the viewport's centre; false
// when none is seen.
func (s *Scene) Nearest(v Viewport) (string, bool) {
	cx, cy := 2*v.X+v.Width, 2*v.Y+v.Height // doubled, to stay in integers
	best, bestD, bestWhole := "", 0, false
	for _, n := range s.Nodes {
		b := n.Box
		seen := b.X < v.X+v.Width && b.Y < v.Y+v.Height && b.X+b.W > v.X && b.Y+b.H > v.Y
		if !seen {
			continue
		}
		whole := s.Visible(n.Step, v)
		d := abs(2*b.X+b.W-cx) + 2*abs(2*b.Y+b.H-cy) // rows count double: cells are tall
		if best == "" || whole && !bestWhole || whole == bestWhole && d < bestD {
			best, bestD, bestWhole = n.Step, d, whole
		}
	}
	return best, best != ""
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Beyond reports on which sides of the viewport part of the scene lies
// out of sight, so the screen can say where panning leads.
func (s *Scene) Beyond(v Viewport) (left, right, up, down bool) {
	return v.X > 0, v.X+v.Width < s.Width, v.Y > 0, v.Y+v.Height < s.Height
}
