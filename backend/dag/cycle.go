package dag

import (
	"fmt"
	"strings"
)

// findCycle returns the node indexes of one cycle (first node repeated at
// the end), or nil when the graph is acyclic. Kahn's algorithm removes
// every node not on or behind a cycle; each remaining node still has a
// predecessor among the remaining ones, so walking predecessors from any
// of them must come back to a node already seen. Both passes are linear
// and cannot loop forever.
func findCycle(n int, edges [][2]int) []int {
	indeg := make([]int, n)
	succ := make([][]int, n)
	pred := make([][]int, n)
	for _, e := range edges {
		succ[e[0]] = append(succ[e[0]], e[1])
		pred[e[1]] = append(pred[e[1]], e[0])
		indeg[e[1]]++
	}
	queue := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	removed := make([]bool, n)
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		removed[v] = true
		for _, w := range succ[v] {
			indeg[w]--
			if indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	start := -1
	for v := range n {
		if !removed[v] {
			start = v
			break
		}
	}
	if start < 0 {
		return nil
	}
	// Walk backwards through remaining predecessors until a repeat.
	seenAt := map[int]int{}
	var walk []int
	v := start
	for {
		if at, ok := seenAt[v]; ok {
			back := walk[at:]
			cycle := make([]int, 0, len(back)+1)
			for i := len(back) - 1; i >= 0; i-- {
				cycle = append(cycle, back[i])
			}
			return closeCycle(cycle)
		}
		seenAt[v] = len(walk)
		walk = append(walk, v)
		next := -1
		for _, u := range pred[v] {
			if !removed[u] {
				next = u
				break
			}
		}
		if next < 0 { // unreachable by the argument above; stay safe
			return nil
		}
		v = next
	}
}

// cycleError names the steps of a cycle in the order they wait on each other.
func cycleError(g *Graph, cycle []int) error {
	names := make([]string, len(cycle))
	for i, v := range cycle {
		names[i] = g.Nodes[v].Name
	}
	return fmt.Errorf("the steps form a cycle, so none of them could ever start: %s", strings.Join(names, " → "))
}

// closeCycle rotates a cycle to start at its earliest node in definition
// order, for a stable message, and repeats that node at the end.
func closeCycle(cycle []int) []int {
	first := 0
	for i, v := range cycle {
		if v < cycle[first] {
			first = i
		}
	}
	out := append(append([]int{}, cycle[first:]...), cycle[:first]...)
	return append(out, out[0])
}
