package graph

import (
	"github.com/agdash/agdash/backend/domain"
)

// Direction is an arrow key.
type Direction int

const (
	Left Direction = iota
	Right
	Up
	Down
)

// Move is the step an arrow key leads to from step. Along the flow (right
// when it runs left to right, down when it runs top to bottom) it follows
// an edge to the next step nearest in line, or, at a step with none, goes
// to the nearest step of the next layer that has one; against the flow
// likewise backwards. Across the flow it goes to the neighbour in the same
// layer, or, at the layer's end, to the nearest step further that way. It
// returns step itself when there is nowhere to go, and the first step
// when step is not in the scene.
func (s *Scene) Move(step string, d Direction) string {
	if len(s.Nodes) == 0 {
		return ""
	}
	i, ok := s.byName[step]
	if !ok {
		return s.Nodes[0].Step
	}
	forward, backward, next, prev := Right, Left, Down, Up
	if s.Orientation == TopToBottom {
		forward, backward, next, prev = Down, Up, Right, Left
	}
	var j int
	switch d {
	case forward:
		j = s.alongLayers(i, s.after[i], +1)
	case backward:
		j = s.alongLayers(i, s.before[i], -1)
	case next:
		j = s.acrossLayer(i, +1)
	case prev:
		j = s.acrossLayer(i, -1)
	default:
		j = i
	}
	return s.Nodes[j].Step
}

// cross is a node's centre across the flow, doubled.
func (s *Scene) cross(i int) int {
	b := s.Nodes[i].Box
	if s.Orientation == TopToBottom {
		return 2*b.X + b.W
	}
	return 2*b.Y + b.H
}

// alongLayers picks, among the linked steps, the one in the closest layer
// and, of those, the one nearest in line with i; without links, the
// nearest step of the closest layer that way.
func (s *Scene) alongLayers(i int, linked []int, dir int) int {
	layerGap := func(c int) int { return abs(s.Nodes[c].Layer - s.Nodes[i].Layer) }
	pick := func(cands []int) int {
		best := -1
		for _, c := range cands {
			switch {
			case best < 0, layerGap(c) < layerGap(best),
				layerGap(c) == layerGap(best) && abs(s.cross(c)-s.cross(i)) < abs(s.cross(best)-s.cross(i)):
				best = c
			}
		}
		return best
	}
	if j := pick(linked); j >= 0 {
		return j
	}
	layer := s.Nodes[i].Layer
	closest := -1
	var cands []int
	for k, n := range s.Nodes {
		d := (n.Layer - layer) * dir
		if d <= 0 {
			continue
		}
		if closest < 0 || d < closest {
			closest, cands = d, cands[:0]
		}
		if d == closest {
			cands = append(cands, k)
		}
	}
	if j := pick(cands); j >= 0 {
		return j
	}
	return i
}

// acrossLayer is the next step in i's layer in slot order (dir +1) or the
// previous one; at the layer's end, the step nearest that way in any
// layer, the layers apart weighing most.
func (s *Scene) acrossLayer(i, dir int) int {
	n := s.Nodes[i]
	best := -1
	for k, m := range s.Nodes {
		if m.Layer == n.Layer && (m.Index-n.Index)*dir > 0 {
			if best < 0 || abs(m.Index-n.Index) < abs(s.Nodes[best].Index-n.Index) {
				best = k
			}
		}
	}
	if best >= 0 {
		return best
	}
	score := func(k int) int {
		return abs(s.cross(k)-s.cross(i)) + 8*abs(s.Nodes[k].Layer-n.Layer)
	}
	for k := range s.Nodes {
		// Well to that side: a step barely off the line is not "beside".
		if (s.cross(k)-s.cross(i))*dir > 4 && (best < 0 || score(k) < score(best)) {
			best = k
		}
	}
	if best >= 0 {
		return best
	}
	return i
}

// Initial is the step to select when a graph opens: the first one
// running, else the first that failed, else the last that ran, else the
// first step.
func (s *Scene) Initial(steps map[string]domain.PipelineStep) string {
	if len(s.Nodes) == 0 {
		return ""
	}
	for _, want := range []func(domain.PipelineStep) bool{
		func(p domain.PipelineStep) bool { return Running(p.Status) },
		func(p domain.PipelineStep) bool { return p.Status == domain.StepFailed },
	} {
		for _, n := range s.Nodes {
			if p, ok := steps[n.Step]; ok && want(p) {
				return n.Step
			}
		}
	}
	last := ""
	for _, n := range s.Nodes {
		if p, ok := steps[n.Step]; ok && p.Status != domain.StepNotStarted && p.Status != "" {
			last = n.Step
		}
	}
	if last != "" {
		return last
	}
	return s.Nodes[0].Step
}
