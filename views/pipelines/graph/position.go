package graph

import (
	"math"
	"sort"

	"github.com/agdash/agdash/backend/dag"
)

// slot is a layout slot while it is being placed. Along the cross axis
// (rows when the graph flows left to right, columns when it flows down) it
// takes ext cells; lines attach at c, which is before cells past its start.
type slot struct {
	layer, index int
	node         bool
	name, typ    string
	ext, before  int
	c            int
	// up and down are the slots joined to it in the previous and next
	// layer, by slot id.
	up, down []int
}

func (s *slot) start() int { return s.c - s.before }

// placer is the working state of one Place call.
type placer struct {
	l        *dag.LayeredLayout
	o        Orientation
	compact  bool
	slots    []slot
	layers   [][]int // slot ids per layer, in the layout's order
	id       map[dag.SlotRef]int
	span     []int // each layer's extent along the layer axis
	start    []int // each layer's first cell along the layer axis
	channels []*channel
	extent   int // cells along the cross axis
}

func newPlacer(l *dag.LayeredLayout, o Orientation, compact bool) *placer {
	p := &placer{l: l, o: o, compact: compact, id: map[dag.SlotRef]int{}}
	height := fullHeight
	if compact {
		height = compactHeight
	}
	p.layers = make([][]int, len(l.Layers))
	p.span = make([]int, len(l.Layers))
	for li, layer := range l.Layers {
		p.span[li] = 1
		for _, s := range layer {
			sl := slot{layer: li, index: s.Index, node: !s.Dummy, name: s.Node, typ: s.Type, ext: 1}
			if sl.node {
				w := boxWidth(s.Node, s.Type, compact)
				if o == LeftToRight {
					sl.ext, sl.before = height, height/2
					p.span[li] = max(p.span[li], w)
				} else {
					sl.ext, sl.before = w, (w-1)/2
					p.span[li] = max(p.span[li], height)
				}
			}
			id := len(p.slots)
			p.id[dag.SlotRef{Layer: li, Index: s.Index}] = id
			p.slots = append(p.slots, sl)
			p.layers[li] = append(p.layers[li], id)
		}
	}
	for _, e := range l.Edges {
		for k := 0; k+1 < len(e.Points); k++ {
			a, okA := p.id[e.Points[k]]
			b, okB := p.id[e.Points[k+1]]
			if !okA || !okB {
				continue
			}
			if p.slots[a].layer > p.slots[b].layer {
				a, b = b, a
			}
			if p.slots[b].layer != p.slots[a].layer+1 {
				continue
			}
			p.slots[a].down = append(p.slots[a].down, b)
			p.slots[b].up = append(p.slots[b].up, a)
		}
	}
	return p
}

// gap is the space kept between neighbouring slots of a layer: a blank
// row or two blank columns round a box; dummies (lines passing through)
// may run on adjacent rows, or a column apart when vertical.
func (p *placer) gap(a, b *slot) int {
	if p.o == LeftToRight {
		if a.node || b.node {
			return 1
		}
		return 0
	}
	if a.node || b.node {
		return 2
	}
	return 1
}

// sweeps is how many down-and-up passes settle the cross positions; the
// result changes little after a few.
const sweeps = 6

// positionCross gives every slot its cross-axis position: each layer is
// packed in the layout's order, then slots are pulled towards the median
// of their neighbours, layer by layer, down and up, so chains run straight
// and a step sits between the steps it splits into or merges from.
func (p *placer) positionCross() {
	for li := range p.layers {
		p.settle(li, func(id int) float64 { return 0 })
	}
	toward := func(nbrs func(*slot) []int) func(int) float64 {
		return func(id int) float64 {
			s := &p.slots[id]
			ns := nbrs(s)
			if len(ns) == 0 {
				return float64(s.c)
			}
			cs := make([]int, len(ns))
			for i, n := range ns {
				cs[i] = p.slots[n].c
			}
			return median(cs)
		}
	}
	ups := toward(func(s *slot) []int { return s.up })
	downs := toward(func(s *slot) []int { return s.down })
	for range sweeps {
		for li := 1; li < len(p.layers); li++ {
			p.settle(li, ups)
		}
		for li := len(p.layers) - 2; li >= 0; li-- {
			p.settle(li, downs)
		}
	}
	for li := 1; li < len(p.layers); li++ {
		p.settle(li, ups)
	}
	for range 2 {
		for li := range p.layers {
			p.straighten(li)
		}
	}
	lo := math.MaxInt
	for i := range p.slots {
		lo = min(lo, p.slots[i].start())
	}
	for i := range p.slots {
		p.slots[i].c -= lo
		p.extent = max(p.extent, p.slots[i].start()+p.slots[i].ext)
	}
}

// settle places layer li's slots as near their wanted positions as the
// order and the gaps between them allow, by least squares: the pool
// adjacent violators algorithm on positions shifted by each slot's
// minimum offset from the first.
func (p *placer) settle(li int, want func(id int) float64) {
	ids := p.layers[li]
	n := len(ids)
	if n == 0 {
		return
	}
	off := make([]int, n)
	for i := 1; i < n; i++ {
		a, b := &p.slots[ids[i-1]], &p.slots[ids[i]]
		off[i] = off[i-1] + (a.ext - a.before) + p.gap(a, b) + b.before
	}
	type block struct {
		sum   float64
		count int
	}
	var blocks []block
	var firsts []int
	for i, id := range ids {
		blocks = append(blocks, block{sum: want(id) - float64(off[i]), count: 1})
		firsts = append(firsts, i)
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/float64(a.count) <= b.sum/float64(b.count) {
				break
			}
			blocks = blocks[:len(blocks)-1]
			firsts = firsts[:len(firsts)-1]
			blocks[len(blocks)-1] = block{sum: a.sum + b.sum, count: a.count + b.count}
		}
	}
	for k, bl := range blocks {
		end := n
		if k+1 < len(firsts) {
			end = firsts[k+1]
		}
		v := int(math.Floor(bl.sum/float64(bl.count) + 0.5))
		for i := firsts[k]; i < end; i++ {
			p.slots[ids[i]].c = v + off[i]
		}
	}
}

// straighten moves each step of layer li in line with its only
// predecessor (or, having none or several, its only successor) where the
// gaps to its neighbours allow: rounding in settle can leave a step a
// cell off, which would put a needless jog in a straight line.
func (p *placer) straighten(li int) {
	ids := p.layers[li]
	for i, id := range ids {
		s := &p.slots[id]
		if !s.node {
			continue
		}
		var target int
		switch {
		case len(s.up) == 1:
			target = p.slots[s.up[0]].c
		case len(s.down) == 1:
			target = p.slots[s.down[0]].c
		default:
			continue
		}
		lo, hi := math.MinInt, math.MaxInt
		if i > 0 {
			a := &p.slots[ids[i-1]]
			lo = a.c + (a.ext - a.before) + p.gap(a, s) + s.before
		}
		if i+1 < len(ids) {
			b := &p.slots[ids[i+1]]
			hi = b.c - b.before - p.gap(s, b) - (s.ext - s.before)
		}
		if target >= lo && target <= hi {
			s.c = target
		}
	}
}

func median(v []int) float64 {
	sort.Ints(v)
	m := len(v) / 2
	if len(v)%2 == 1 {
		return float64(v[m])
	}
	return float64(v[m-1]+v[m]) / 2
}
