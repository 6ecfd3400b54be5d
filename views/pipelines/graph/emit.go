package graph

import "github.com/agdash/agdash/views/kit"

// emit turns the placed slots and routed channels into the scene's boxes,
// lines and marks, in screen coordinates.
func (p *placer) emit(s *Scene) {
	p.start = make([]int, len(p.layers))
	for li := 1; li < len(p.layers); li++ {
		p.start[li] = p.start[li-1] + p.span[li-1] + p.channels[li-1].length
	}
	last := len(p.layers) - 1
	along := p.start[last] + p.span[last]
	s.Width, s.Height = along, p.extent
	if p.o == TopToBottom {
		s.Width, s.Height = p.extent, along
	}

	// xy maps (along the layers, across them) to screen cells.
	xy := func(a, c int) (int, int) {
		if p.o == LeftToRight {
			return a, c
		}
		return c, a
	}
	addLine := func(a0, c0, a1, c1 int) {
		x0, y0 := xy(a0, c0)
		x1, y1 := xy(a1, c1)
		s.lines = append(s.lines, segment{x0, y0, x1, y1})
	}

	nodeOf := map[int]int{} // slot id → index in s.Nodes
	for li, ids := range p.layers {
		for _, id := range ids {
			sl := &p.slots[id]
			if !sl.node {
				addLine(p.start[li], sl.c, p.start[li]+p.span[li]-1, sl.c)
				continue
			}
			x, y := xy(p.start[li], sl.start())
			w, h := xy(p.span[li], sl.ext)
			nodeOf[id] = len(s.Nodes)
			s.byName[sl.name] = len(s.Nodes)
			s.Nodes = append(s.Nodes, Node{Step: sl.name, Type: sl.typ, Box: Rect{X: x, Y: y, W: w, H: h}, Layer: li, Index: sl.index})
		}
	}

	arrow := "▶"
	if p.o == TopToBottom {
		arrow = "▼"
	}
	for li, ch := range p.channels {
		first := p.start[li] + p.span[li] // first cell of the channel
		srcEnd := first - 1
		arrowAt := p.start[li+1] - 1
		end := func(sg seg) int {
			if p.slots[sg.to].node {
				return arrowAt
			}
			return p.start[li+1]
		}
		for _, i := range ch.straight {
			sg := ch.segs[i]
			addLine(srcEnd, sg.cu, end(sg), sg.cv)
		}
		for _, b := range ch.bundles {
			t := first + p.pre() + b.track*p.step()
			for _, i := range b.segs {
				sg := ch.segs[i]
				addLine(srcEnd, sg.cu, t, sg.cu)
				addLine(t, sg.cu, t, sg.cv)
				addLine(t, sg.cv, end(sg), sg.cv)
			}
		}
		for _, sg := range ch.segs {
			if sg.arrow {
				x, y := xy(arrowAt, sg.cv)
				s.marks = append(s.marks, mark{x: x, y: y, text: arrow})
			}
			if sg.label == "" {
				continue
			}
			if p.o == LeftToRight {
				x, y := xy(arrowAt-3-kit.Width(sg.label), sg.cv)
				s.marks = append(s.marks, mark{x: x, y: y, text: " " + sg.label + " ", label: true})
			} else {
				x, y := xy(arrowAt-1, sg.cv-kit.Width(sg.label)/2)
				s.marks = append(s.marks, mark{x: x, y: y, text: sg.label, label: true})
			}
		}
	}

	s.before = make([][]int, len(s.Nodes))
	s.after = make([][]int, len(s.Nodes))
	for _, e := range p.l.Edges {
		a, okA := s.byName[e.Edge.From]
		b, okB := s.byName[e.Edge.To]
		if !okA || !okB || a == b {
			continue
		}
		if s.Nodes[a].Layer > s.Nodes[b].Layer {
			a, b = b, a
		}
		s.after[a] = appendOnce(s.after[a], b)
		s.before[b] = appendOnce(s.before[b], a)
	}
}

func appendOnce(list []int, v int) []int {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
