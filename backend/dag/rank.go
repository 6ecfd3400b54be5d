package dag

// orientedEdge is a graph edge as laid out: from a lower layer to a higher one.
type orientedEdge struct {
	edge     int // index in the graph's Edges
	from, to int // node indexes in layout orientation
	reversed bool
}

// orient keeps the edges between known nodes, drops self-loops (returned
// separately) and reverses the back edges of a depth-first search, which
// leaves an acyclic set.
func orient(n int, edges []orientedEdge) (acyclic, selfLoops []orientedEdge) {
	succ := make([][]int, n) // indexes into edges
	for i, e := range edges {
		if e.from == e.to {
			selfLoops = append(selfLoops, e)
			continue
		}
		succ[e.from] = append(succ[e.from], i)
	}
	const (
		white = iota
		grey
		black
	)
	color := make([]int, n)
	reverse := make([]bool, len(edges))
	type frame struct{ v, next int }
	for root := range n {
		if color[root] != white {
			continue
		}
		stack := []frame{{v: root}}
		color[root] = grey
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.next == len(succ[top.v]) {
				color[top.v] = black
				stack = stack[:len(stack)-1]
				continue
			}
			ei := succ[top.v][top.next]
			top.next++
			w := edges[ei].to
			switch color[w] {
			case white:
				color[w] = grey
				stack = append(stack, frame{v: w})
			case grey:
				reverse[ei] = true
			}
		}
	}
	for i, e := range edges {
		if e.from == e.to {
			continue
		}
		if reverse[i] {
			e.from, e.to, e.reversed = e.to, e.from, true
		}
		acyclic = append(acyclic, e)
	}
	return acyclic, selfLoops
}

// longestPathRanks gives each node the length of the longest path reaching
// it from a node with no predecessor. edges must be acyclic.
func longestPathRanks(n int, edges []orientedEdge) []int {
	indeg := make([]int, n)
	succ := make([][]int, n)
	for _, e := range edges {
		succ[e.from] = append(succ[e.from], e.to)
		indeg[e.to]++
	}
	rank := make([]int, n)
	queue := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, w := range succ[v] {
			rank[w] = max(rank[w], rank[v]+1)
			indeg[w]--
			if indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	return rank
}

// components labels each node with its weakly connected component,
// numbered in order of the component's first node.
func components(n int, edges []orientedEdge) []int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	find := func(v int) int {
		for parent[v] != v {
			parent[v] = parent[parent[v]]
			v = parent[v]
		}
		return v
	}
	for _, e := range edges {
		a, b := find(e.from), find(e.to)
		if a != b {
			// The smaller index becomes the root so roots are first nodes.
			if a < b {
				parent[b] = a
			} else {
				parent[a] = b
			}
		}
	}
	label := make([]int, n)
	number := map[int]int{}
	for v := range n {
		r := find(v)
		if _, ok := number[r]; !ok {
			number[r] = len(number)
		}
		label[v] = number[r]
	}
	return label
}
