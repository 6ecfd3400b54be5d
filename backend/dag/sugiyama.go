package dag

import (
	"sort"
)

// vertex is a slot while the layout is being computed.
type vertex struct {
	layer int
	comp  int
	key   string // tie-break: the step name, or the edge's ends for a dummy
	node  int    // node index; -1 for a dummy
	edge  int    // graph edge index for a dummy; -1 for a step
	up    []int  // neighbours in the previous layer
	down  []int  // neighbours in the next layer
}

// sugiyama holds the working state of one Layout call.
type sugiyama struct {
	g        *Graph
	nodes    []Node // unique by name, in g.Nodes order
	vs       []vertex
	layers   [][]int // vertex ids per layer, in the current order
	pos      []int   // vertex id → index in its layer
	paths    map[int][]int
	reversed map[int]bool
	selfLoop map[int]int // graph edge index → node index
}

func newSugiyama(g *Graph) *sugiyama {
	s := &sugiyama{g: g, paths: map[int][]int{}, reversed: map[int]bool{}, selfLoop: map[int]int{}}
	index := make(map[string]int, len(g.Nodes))
	for _, n := range g.Nodes {
		if _, dup := index[n.Name]; !dup {
			index[n.Name] = len(s.nodes)
			s.nodes = append(s.nodes, n)
		}
	}
	var edges []orientedEdge
	for i, e := range g.Edges {
		from, ok1 := index[e.From]
		to, ok2 := index[e.To]
		if ok1 && ok2 {
			edges = append(edges, orientedEdge{edge: i, from: from, to: to})
		}
	}
	n := len(s.nodes)
	acyclic, loops := orient(n, edges)
	for _, e := range loops {
		s.selfLoop[e.edge] = e.from
	}
	rank := longestPathRanks(n, acyclic)
	comp := components(n, acyclic)

	depth := 0
	for v := range n {
		s.vs = append(s.vs, vertex{layer: rank[v], comp: comp[v], key: s.nodes[v].Name, node: v, edge: -1})
		depth = max(depth, rank[v]+1)
	}
	for _, e := range acyclic {
		s.reversed[e.edge] = e.reversed
		ge := g.Edges[e.edge]
		path := []int{e.from}
		prev := e.from
		for l := rank[e.from] + 1; l < rank[e.to]; l++ {
			id := len(s.vs)
			s.vs = append(s.vs, vertex{layer: l, comp: comp[e.from], key: ge.From + "\x00" + ge.To, node: -1, edge: e.edge})
			s.link(prev, id)
			path = append(path, id)
			prev = id
		}
		s.link(prev, e.to)
		s.paths[e.edge] = append(path, e.to)
	}
	s.layers = make([][]int, depth)
	for id, v := range s.vs {
		s.layers[v.layer] = append(s.layers[v.layer], id)
	}
	s.pos = make([]int, len(s.vs))
	return s
}

func (s *sugiyama) link(a, b int) {
	s.vs[a].down = append(s.vs[a].down, b)
	s.vs[b].up = append(s.vs[b].up, a)
}

// Sweep limits: enough for pipelines (tens to a few hundred steps) to
// settle; the best order seen is kept, so stopping early costs only quality.
const (
	maxSweeps      = 24
	patienceSweeps = 4
)

// order reduces crossings within each layer.
func (s *sugiyama) order() {
	s.initialOrder()
	best := s.snapshot()
	bestCrossings := s.crossings()
	stale := 0
	for sweep := 0; sweep < maxSweeps && bestCrossings > 0 && stale < patienceSweeps; sweep++ {
		if sweep%2 == 0 {
			for l := 1; l < len(s.layers); l++ {
				s.sortLayer(l, true)
			}
		} else {
			for l := len(s.layers) - 2; l >= 0; l-- {
				s.sortLayer(l, false)
			}
		}
		s.transpose()
		if c := s.crossings(); c < bestCrossings {
			best, bestCrossings, stale = s.snapshot(), c, 0
		} else {
			stale++
		}
	}
	s.restore(best)
}

// initialOrder sorts layer 0 by name and each later layer by the mean
// position of its predecessors, keeping components apart.
func (s *sugiyama) initialOrder() {
	for l := range s.layers {
		if l == 0 {
			s.sortBy(l, func(int) float64 { return 0 })
			continue
		}
		s.sortBy(l, func(id int) float64 { return s.mean(s.vs[id].up) })
	}
}

// sortLayer orders layer l by the weighted median position of each slot's
// neighbours in the layer above (down sweep) or below (up sweep); a slot
// with no such neighbours keeps its current position as its value.
func (s *sugiyama) sortLayer(l int, useUp bool) {
	s.sortBy(l, func(id int) float64 {
		nbrs := s.vs[id].down
		if useUp {
			nbrs = s.vs[id].up
		}
		if len(nbrs) == 0 {
			return float64(s.pos[id])
		}
		return s.median(nbrs)
	})
}

// sortBy orders layer l by (component, value, name) and updates positions.
func (s *sugiyama) sortBy(l int, value func(id int) float64) {
	layer := s.layers[l]
	vals := make(map[int]float64, len(layer))
	for _, id := range layer {
		vals[id] = value(id)
	}
	sort.SliceStable(layer, func(i, j int) bool {
		a, b := &s.vs[layer[i]], &s.vs[layer[j]]
		if a.comp != b.comp {
			return a.comp < b.comp
		}
		if va, vb := vals[layer[i]], vals[layer[j]]; va != vb {
			return va < vb
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return layer[i] < layer[j]
	})
	for i, id := range layer {
		s.pos[id] = i
	}
}

func (s *sugiyama) mean(nbrs []int) float64 {
	if len(nbrs) == 0 {
		return 0
	}
	sum := 0
	for _, n := range nbrs {
		sum += s.pos[n]
	}
	return float64(sum) / float64(len(nbrs))
}

// median is Gansner et al.'s weighted median of the neighbours' positions:
// the middle one, or for an even count an interpolation biased towards
// the side where the neighbours are packed more tightly.
func (s *sugiyama) median(nbrs []int) float64 {
	p := make([]int, len(nbrs))
	for i, n := range nbrs {
		p[i] = s.pos[n]
	}
	sort.Ints(p)
	m := len(p) / 2
	switch {
	case len(p)%2 == 1:
		return float64(p[m])
	case len(p) == 2:
		return float64(p[0]+p[1]) / 2
	}
	left := float64(p[m-1] - p[0])
	right := float64(p[len(p)-1] - p[m])
	if left+right == 0 {
		return float64(p[m-1]+p[m]) / 2
	}
	return (float64(p[m-1])*right + float64(p[m])*left) / (left + right)
}

// transpose swaps neighbouring slots of the same component while a swap
// removes crossings. Each swap strictly lowers the total, so it ends.
func (s *sugiyama) transpose() {
	for improved := true; improved; {
		improved = false
		for _, layer := range s.layers {
			for i := 0; i+1 < len(layer); i++ {
				v, w := layer[i], layer[i+1]
				if s.vs[v].comp != s.vs[w].comp {
					continue
				}
				if s.pairCrossings(w, v) < s.pairCrossings(v, w) {
					layer[i], layer[i+1] = w, v
					s.pos[v], s.pos[w] = i+1, i
					improved = true
				}
			}
		}
	}
}

// pairCrossings counts crossings between v's and w's edges (to both
// neighbouring layers) if v were left of w.
func (s *sugiyama) pairCrossings(v, w int) int {
	count := func(a, b []int) int {
		c := 0
		for _, x := range a {
			for _, y := range b {
				if s.pos[x] > s.pos[y] {
					c++
				}
			}
		}
		return c
	}
	return count(s.vs[v].up, s.vs[w].up) + count(s.vs[v].down, s.vs[w].down)
}

func (s *sugiyama) snapshot() [][]int {
	out := make([][]int, len(s.layers))
	for l, layer := range s.layers {
		out[l] = append([]int(nil), layer...)
	}
	return out
}

func (s *sugiyama) restore(layers [][]int) {
	s.layers = layers
	for _, layer := range layers {
		for i, id := range layer {
			s.pos[id] = i
		}
	}
}

// crossings counts crossing segment pairs over all adjacent layer pairs.
func (s *sugiyama) crossings() int {
	total := 0
	for l := 0; l+1 < len(s.layers); l++ {
		var lower []int
		for _, id := range s.layers[l] { // in order of upper position
			start := len(lower)
			for _, w := range s.vs[id].down {
				lower = append(lower, s.pos[w])
			}
			sort.Ints(lower[start:])
		}
		total += inversions(lower, len(s.layers[l+1]))
	}
	return total
}

// inversions counts pairs i < j with a[i] > a[j], for values in [0, n),
// with a Fenwick tree: O(len(a) log n).
func inversions(a []int, n int) int {
	tree := make([]int, n+1)
	count := 0
	for i, x := range a {
		// Elements so far that are ≤ x.
		le := 0
		for j := x + 1; j > 0; j -= j & -j {
			le += tree[j]
		}
		count += i - le
		for j := x + 1; j <= n; j += j & -j {
			tree[j]++
		}
	}
	return count
}

// result turns the final order into the exported layout.
func (s *sugiyama) result(out *LayeredLayout) *LayeredLayout {
	out.Layers = make([][]Slot, len(s.layers))
	for l, layer := range s.layers {
		out.Layers[l] = make([]Slot, len(layer))
		for i, id := range layer {
			v := s.vs[id]
			slot := Slot{Layer: l, Index: i, Edge: v.edge}
			if v.node >= 0 {
				slot.Node, slot.Type = s.nodes[v.node].Name, s.nodes[v.node].Type
				out.at[slot.Node] = SlotRef{Layer: l, Index: i}
			} else {
				slot.Dummy = true
			}
			out.Layers[l][i] = slot
		}
		out.Width = max(out.Width, len(layer))
	}
	out.Edges = make([]EdgePath, len(s.g.Edges))
	for i, e := range s.g.Edges {
		p := EdgePath{Edge: e, Reversed: s.reversed[i]}
		if node, ok := s.selfLoop[i]; ok {
			p.Points = []SlotRef{s.ref(node)}
		} else if ids, ok := s.paths[i]; ok {
			p.Points = make([]SlotRef, len(ids))
			for k, id := range ids {
				p.Points[k] = s.ref(id)
			}
			if p.Reversed { // listed source first, as the edge reads
				for a, b := 0, len(p.Points)-1; a < b; a, b = a+1, b-1 {
					p.Points[a], p.Points[b] = p.Points[b], p.Points[a]
				}
			}
		}
		out.Edges[i] = p
	}
	out.Crossings = s.crossings()
	return out
}

func (s *sugiyama) ref(id int) SlotRef {
	return SlotRef{Layer: s.vs[id].layer, Index: s.pos[id]}
}
