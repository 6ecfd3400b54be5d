package dag

import (
	"fmt"
	"sort"

	"github.com/agdash/agdash/backend/domain"
)

// EdgeKind says why one step comes after another.
type EdgeKind int

const (
	// DependsOn is an explicit DependsOn entry.
	DependsOn EdgeKind = iota
	// Data is a property reference: the later step reads the earlier one's output.
	Data
	// If leads from a condition step to a step it runs when the condition holds.
	If
	// Else leads from a condition step to a step it runs when the condition fails.
	Else
)

func (k EdgeKind) String() string {
	switch k {
	case DependsOn:
		return "depends-on"
	case Data:
		return "data"
	case If:
		return "if"
	case Else:
		return "else"
	}
	return fmt.Sprintf("EdgeKind(%d)", int(k))
}

// Labels of condition branches, as drawn beside their edges.
const (
	LabelIf   = "if true"
	LabelElse = "else"
)

// Node is one pipeline step.
type Node struct {
	Name string
	Type string
}

// Edge is "From must finish before To starts", with the strongest reason
// known: a branch beats a data reference, which beats a plain DependsOn.
type Edge struct {
	From, To string
	Kind     EdgeKind
	Label    string // LabelIf or LabelElse for branches, "" otherwise
}

// Graph is a pipeline's steps and the order between them. Nodes keep the
// definition's order; Edges are sorted by (From, To) in that order, with
// at most one edge per pair.
type Graph struct {
	Nodes []Node
	Edges []Edge
}

// Build turns a definition into its step graph. It fails, naming the
// steps concerned, on a duplicate step name, an edge to a step the
// definition does not have, or a cycle.
func Build(def domain.PipelineDefinition) (*Graph, error) {
	g := &Graph{Nodes: make([]Node, 0, len(def.Steps))}
	index := make(map[string]int, len(def.Steps))
	for _, s := range def.Steps {
		if s.Name == "" {
			return nil, fmt.Errorf("a step of type %q has no name", s.Type)
		}
		if _, dup := index[s.Name]; dup {
			return nil, fmt.Errorf("step name %q is used twice", s.Name)
		}
		index[s.Name] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{Name: s.Name, Type: s.Type})
	}
	if err := checkNames(def.Steps); err != nil {
		return nil, err
	}

	type pair struct{ from, to int }
	edges := map[pair]Edge{}
	add := func(from, to string, kind EdgeKind, label string) {
		p := pair{index[from], index[to]}
		if old, ok := edges[p]; ok && old.Kind >= kind {
			return
		}
		edges[p] = Edge{From: from, To: to, Kind: kind, Label: label}
	}
	for _, s := range def.Steps {
		for _, d := range s.DependsOn {
			add(d, s.Name, DependsOn, "")
		}
		for _, r := range s.References {
			add(r, s.Name, Data, "")
		}
		// Else first so that a step in both branches keeps the If label.
		for _, e := range s.ElseSteps {
			add(s.Name, e, Else, LabelElse)
		}
		for _, t := range s.IfSteps {
			add(s.Name, t, If, LabelIf)
		}
	}
	pairs := make([]pair, 0, len(edges))
	for p := range edges {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].from != pairs[j].from {
			return pairs[i].from < pairs[j].from
		}
		return pairs[i].to < pairs[j].to
	})
	g.Edges = make([]Edge, len(pairs))
	for i, p := range pairs {
		g.Edges[i] = edges[p]
	}
	if cycle := findCycle(len(g.Nodes), g.edgeIndexes(index)); cycle != nil {
		return nil, cycleError(g, cycle)
	}
	return g, nil
}

// edgeIndexes is the edge list as node-index pairs.
func (g *Graph) edgeIndexes(index map[string]int) [][2]int {
	out := make([][2]int, 0, len(g.Edges))
	for _, e := range g.Edges {
		from, ok1 := index[e.From]
		to, ok2 := index[e.To]
		if ok1 && ok2 {
			out = append(out, [2]int{from, to})
		}
	}
	return out
}
