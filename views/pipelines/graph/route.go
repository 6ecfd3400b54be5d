package graph

import (
	"sort"

	"github.com/agdash/agdash/views/kit"
)

// seg is one edge's piece between adjacent layers.
type seg struct {
	from, to int // slot ids, from in the earlier layer
	cu, cv   int // cross positions where it leaves and arrives
	label    string
	arrow    bool
}

// bundle is a group of segments that share one track in a channel: those
// splitting from one slot, or those merging into one.
type bundle struct {
	segs     []int
	src, dst map[int]bool // cross positions of its source-side and target-side lines
	lo, hi   int          // the track's extent
	first    int          // lowest segment index, for a stable order
	track    int          // which track it runs on
}

// channel is the space between two layers, where lines turn.
type channel struct {
	segs     []seg
	straight []int // segments that need no track
	bundles  []*bundle
	tracks   int
	labelW   int // widest branch label
	length   int // cells along the layer axis
}

// Channel geometry along the layer axis: cells before the first track,
// between tracks, and after the last one up to and including the arrow
// head (more when a label sits there).
func (p *placer) pre() int { return 1 }

func (p *placer) step() int {
	if p.o == LeftToRight {
		return 2
	}
	return 1
}

func (p *placer) post(labelW int) int {
	if p.o == LeftToRight {
		if labelW > 0 {
			return labelW + 5 // ─ label ─▶ with a space either side
		}
		return 2 // ─▶
	}
	if labelW > 0 {
		return 2 // the label across the line, ▼
	}
	return 1 // ▼
}

// route groups each channel's segments into tracks, orders the tracks and
// sizes the channel.
func (p *placer) route() {
	if len(p.layers) == 0 {
		return
	}
	p.channels = make([]*channel, len(p.layers)-1)
	for i := range p.channels {
		p.channels[i] = &channel{}
	}
	for _, e := range p.l.Edges {
		if len(e.Points) < 2 {
			continue
		}
		for k := 0; k+1 < len(e.Points); k++ {
			a, okA := p.id[e.Points[k]]
			b, okB := p.id[e.Points[k+1]]
			if !okA || !okB {
				continue
			}
			first := k == 0
			arrowAtB := k+1 == len(e.Points)-1 && !e.Reversed
			if p.slots[a].layer > p.slots[b].layer {
				a, b = b, a
				arrowAtB = false
			}
			if p.slots[b].layer != p.slots[a].layer+1 {
				continue
			}
			sg := seg{from: a, to: b, cu: p.slots[a].c, cv: p.slots[b].c, arrow: arrowAtB && p.slots[b].node}
			if first && !e.Reversed && e.Edge.Label != "" {
				sg.label = e.Edge.Label
			}
			ch := p.channels[p.slots[a].layer]
			ch.segs = append(ch.segs, sg)
			ch.labelW = max(ch.labelW, kit.Width(sg.label))
		}
	}
	for _, ch := range p.channels {
		ch.bundle()
		ch.order()
		ch.share()
		n := ch.tracks
		switch {
		case n > 0:
			ch.length = p.pre() + (n-1)*p.step() + p.post(ch.labelW) + 1
		case p.o == LeftToRight && ch.labelW > 0:
			ch.length = ch.labelW + 5 // ─ label ─▶
		case p.o == LeftToRight:
			ch.length = 3 // ──▶
		case ch.labelW > 0:
			ch.length = 2 // label, ▼
		default:
			ch.length = 1 // ▼
		}
	}
}

// bundle decides which segments share a track: those merging into a slot
// from slots with no other segment here, and those splitting from one slot.
// A segment alone between its two slots, on one line, is drawn straight.
func (ch *channel) bundle() {
	out, in := map[int]int{}, map[int]int{}
	for _, s := range ch.segs {
		out[s.from]++
		in[s.to]++
	}
	byKey := map[[2]int]*bundle{}
	for i, s := range ch.segs {
		var key [2]int
		switch {
		case s.cu == s.cv && out[s.from] == 1 && in[s.to] == 1:
			ch.straight = append(ch.straight, i)
			continue
		case in[s.to] >= 2 && out[s.from] == 1:
			key = [2]int{1, s.to}
		default:
			key = [2]int{0, s.from}
		}
		b := byKey[key]
		if b == nil {
			b = &bundle{src: map[int]bool{}, dst: map[int]bool{}, lo: s.cu, hi: s.cu, first: i}
			byKey[key] = b
			ch.bundles = append(ch.bundles, b)
		}
		b.segs = append(b.segs, i)
		b.src[s.cu], b.dst[s.cv] = true, true
		b.lo, b.hi = min(b.lo, s.cu, s.cv), max(b.hi, s.cu, s.cv)
	}
}

// order puts the tracks left to right (or top to bottom) so that lines
// cross as little as possible and never run into an unrelated line's end:
// it starts from the tracks' extents and swaps neighbours while that
// lowers the cost.
func (ch *channel) order() {
	bs := ch.bundles
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].lo != bs[j].lo {
			return bs[i].lo < bs[j].lo
		}
		if bs[i].hi != bs[j].hi {
			return bs[i].hi < bs[j].hi
		}
		return bs[i].first < bs[j].first
	})
	for improved := true; improved; {
		improved = false
		for i := 0; i+1 < len(bs); i++ {
			if pairCost(bs[i+1], bs[i]) < pairCost(bs[i], bs[i+1]) {
				bs[i], bs[i+1] = bs[i+1], bs[i]
				improved = true
			}
		}
	}
}

// share puts bundles on tracks in their order, letting a bundle share an
// earlier one's track when the two are apart (with a cell between), so a
// channel of many short jogs stays narrow.
func (ch *channel) share() {
	for i, b := range ch.bundles {
		b.track = 0
		for _, e := range ch.bundles[:i] {
			if b.lo <= e.hi+1 && e.lo <= b.hi+1 {
				b.track = max(b.track, e.track+1)
			}
		}
		ch.tracks = max(ch.tracks, b.track+1)
	}
}

// pairCost is the cost of x's track coming before y's. y's source-side
// lines run past x's track, and x's target-side lines past y's: each
// crossing costs 1. A source-side line of y on the row of a target-side
// line of x would overlap it and join two unrelated lines: that costs
// far more than any number of crossings.
func pairCost(x, y *bundle) int {
	cost := 0
	for r := range y.src {
		switch {
		case x.dst[r]:
			cost += 1000
		case r > x.lo && r < x.hi:
			cost++
		}
	}
	for r := range x.dst {
		if !y.src[r] && r > y.lo && r < y.hi {
			cost++
		}
	}
	return cost
}
