package dag

// SlotRef is a place in a layout: a layer and an index within it.
type SlotRef struct {
	Layer, Index int
}

// Slot is one box position in a layer: a step, or a dummy that carries a
// long edge through a layer it crosses so the edge can be routed around
// the steps of that layer.
type Slot struct {
	Node  string // step name; "" for a dummy
	Type  string // step type; "" for a dummy
	Dummy bool
	// Edge is, for a dummy, the index in LayeredLayout.Edges (and in the
	// graph's Edges) of the edge passing through; -1 for a step.
	Edge  int
	Layer int
	Index int
}

// EdgePath is one graph edge routed through the layout.
type EdgePath struct {
	Edge Edge
	// Points runs from the edge's source slot, through one dummy per layer
	// crossed, to its target slot; consecutive points are in adjacent
	// layers. It is nil for an edge naming a step the graph does not have,
	// and a single point for an edge from a step to itself.
	Points []SlotRef
	// Reversed is true when the edge runs against the layer order because
	// it closes a cycle. Graphs from Build have no cycles, so never there;
	// a hand-made graph with one is still laid out rather than rejected.
	Reversed bool
}

// LayeredLayout is a graph placed in layers (ranks): everything a renderer
// needs to draw boxes and lines left to right or top to bottom. Layer 0
// holds the steps nothing waits on; every edge goes from a layer to a
// later one, through a dummy slot in each layer between.
type LayeredLayout struct {
	Layers [][]Slot
	// Edges has one entry per graph edge, in the graph's order.
	Edges []EdgePath
	// Crossings is how many pairs of edge segments cross between adjacent
	// layers in this order, the quantity the ordering minimised.
	Crossings int
	// Width is the number of slots in the widest layer.
	Width int

	at map[string]SlotRef
}

// Find returns the slot of the named step.
func (l *LayeredLayout) Find(step string) (SlotRef, bool) {
	r, ok := l.at[step]
	return r, ok
}

// Slot returns the slot at r; the zero Slot when r is outside the layout.
func (l *LayeredLayout) Slot(r SlotRef) Slot {
	if r.Layer < 0 || r.Layer >= len(l.Layers) || r.Index < 0 || r.Index >= len(l.Layers[r.Layer]) {
		return Slot{}
	}
	return l.Layers[r.Layer][r.Index]
}

// Layout places g's steps in layers, Sugiyama style:
//
//  1. cycles (only possible in a hand-made graph) are broken by reversing
//     the back edges a depth-first search finds;
//  2. each step's layer is the length of the longest path to it from a
//     step with no predecessor, so a condition's branch targets sit at
//     least one layer below it, and every edge points to a later layer;
//  3. an edge spanning several layers gets a dummy slot in each layer
//     between, so every segment joins adjacent layers;
//  4. within each layer, slots are ordered to reduce crossings: alternate
//     downward and upward weighted-median sweeps, each followed by
//     swapping neighbours while that removes crossings, keeping the best
//     order seen. Ties are broken by step name, so the result is
//     deterministic. Weakly connected components are kept side by side,
//     in the order of their first step in g.Nodes.
//
// Layout never fails: edges naming unknown steps are left out (their
// Points are nil), and a repeated node name is placed once.
func Layout(g *Graph) *LayeredLayout {
	out := &LayeredLayout{at: map[string]SlotRef{}}
	if g == nil || len(g.Nodes) == 0 {
		out.Edges = make([]EdgePath, 0)
		if g != nil {
			for _, e := range g.Edges {
				out.Edges = append(out.Edges, EdgePath{Edge: e})
			}
		}
		return out
	}
	s := newSugiyama(g)
	s.order()
	return s.result(out)
}
