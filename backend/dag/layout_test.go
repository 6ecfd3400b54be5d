package dag

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

// chainGraph builds a graph from "A>B" (depends-on) edge specs over the
// named nodes, in the order given.
func chainGraph(nodes []string, edges ...string) *Graph {
	g := &Graph{}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, Node{Name: n})
	}
	for _, e := range edges {
		from, to, _ := strings.Cut(e, ">")
		g.Edges = append(g.Edges, Edge{From: from, To: to})
	}
	return g
}

// layerNames lists each layer's slots: step names, "·" for dummies.
func layerNames(l *LayeredLayout) [][]string {
	out := make([][]string, len(l.Layers))
	for i, layer := range l.Layers {
		for _, s := range layer {
			name := s.Node
			if s.Dummy {
				name = "·"
			}
			out[i] = append(out[i], name)
		}
	}
	return out
}

// checkLayout verifies everything a renderer relies on, and recounts the
// crossings by brute force from the edge paths.
func checkLayout(t *testing.T, g *Graph, l *LayeredLayout) {
	t.Helper()
	known := map[string]bool{}
	for _, n := range g.Nodes {
		known[n.Name] = true
	}
	placed := map[string]int{}
	width := 0
	for li, layer := range l.Layers {
		width = max(width, len(layer))
		if len(layer) == 0 {
			t.Errorf("layer %d is empty", li)
		}
		for i, s := range layer {
			if s.Layer != li || s.Index != i {
				t.Errorf("slot at %d/%d says %d/%d", li, i, s.Layer, s.Index)
			}
			if s.Dummy {
				if s.Node != "" || s.Edge < 0 || s.Edge >= len(l.Edges) {
					t.Errorf("dummy %+v is malformed", s)
				}
				continue
			}
			placed[s.Node]++
			if s.Edge != -1 {
				t.Errorf("step slot %q has Edge %d", s.Node, s.Edge)
			}
			if r, ok := l.Find(s.Node); !ok || r != (SlotRef{li, i}) {
				t.Errorf("Find(%q) = %v, %v; slot is at %d/%d", s.Node, r, ok, li, i)
			}
		}
	}
	if width != l.Width {
		t.Errorf("Width = %d, widest layer has %d", l.Width, width)
	}
	for name := range known {
		if placed[name] != 1 {
			t.Errorf("step %q placed %d times", name, placed[name])
		}
	}
	if len(l.Edges) != len(g.Edges) {
		t.Fatalf("%d edge paths for %d edges", len(l.Edges), len(g.Edges))
	}
	dummyUse := map[SlotRef]int{}
	type seg struct{ layer, a, b int }
	var segs []seg
	for i, p := range l.Edges {
		e := g.Edges[i]
		if p.Edge != e {
			t.Errorf("path %d is for %+v, want %+v", i, p.Edge, e)
		}
		if !known[e.From] || !known[e.To] {
			if p.Points != nil {
				t.Errorf("edge %+v to an unknown step has points %v", e, p.Points)
			}
			continue
		}
		from, _ := l.Find(e.From)
		to, _ := l.Find(e.To)
		if len(p.Points) == 0 || p.Points[0] != from || p.Points[len(p.Points)-1] != to {
			t.Errorf("edge %s→%s: points %v do not run %v→%v", e.From, e.To, p.Points, from, to)
			continue
		}
		if e.From == e.To {
			if len(p.Points) != 1 {
				t.Errorf("self-loop %q has points %v", e.From, p.Points)
			}
			continue
		}
		step := 1
		if p.Reversed {
			step = -1
		}
		for k := 1; k < len(p.Points); k++ {
			a, b := p.Points[k-1], p.Points[k]
			if b.Layer != a.Layer+step {
				t.Errorf("edge %s→%s (reversed=%v) jumps from layer %d to %d", e.From, e.To, p.Reversed, a.Layer, b.Layer)
			}
			if k < len(p.Points)-1 {
				if s := l.Slot(b); !s.Dummy || s.Edge != i {
					t.Errorf("edge %s→%s passes through %+v, not its own dummy", e.From, e.To, s)
				}
				dummyUse[b]++
			}
			up, down := a, b
			if up.Layer > down.Layer {
				up, down = down, up
			}
			segs = append(segs, seg{up.Layer, up.Index, down.Index})
		}
	}
	for li, layer := range l.Layers {
		for i, s := range layer {
			if s.Dummy && dummyUse[SlotRef{li, i}] != 1 {
				t.Errorf("dummy at %d/%d is on %d paths", li, i, dummyUse[SlotRef{li, i}])
			}
		}
	}
	crossings := 0
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			x, y := segs[i], segs[j]
			if x.layer == y.layer && ((x.a < y.a && x.b > y.b) || (x.a > y.a && x.b < y.b)) {
				crossings++
			}
		}
	}
	if crossings != l.Crossings {
		t.Errorf("Crossings = %d, recount gives %d", l.Crossings, crossings)
	}
}

// nameOrderCrossings is the crossing count if every layer were simply
// sorted by name (dummies by their edge's ends): the baseline the
// ordering step must improve on.
func nameOrderCrossings(g *Graph, l *LayeredLayout) int {
	key := func(s Slot) string {
		if s.Dummy {
			e := l.Edges[s.Edge].Edge
			return e.From + "\x00" + e.To
		}
		return s.Node
	}
	newIndex := map[SlotRef]int{}
	for li, layer := range l.Layers {
		sorted := append([]Slot(nil), layer...)
		sort.SliceStable(sorted, func(i, j int) bool { return key(sorted[i]) < key(sorted[j]) })
		for i, s := range sorted {
			newIndex[SlotRef{li, s.Index}] = i
		}
	}
	type seg struct{ layer, a, b int }
	var segs []seg
	for _, p := range l.Edges {
		for k := 1; k < len(p.Points); k++ {
			a, b := p.Points[k-1], p.Points[k]
			if a.Layer > b.Layer {
				a, b = b, a
			}
			segs = append(segs, seg{a.Layer, newIndex[a], newIndex[b]})
		}
	}
	c := 0
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			x, y := segs[i], segs[j]
			if x.layer == y.layer && ((x.a < y.a && x.b > y.b) || (x.a > y.a && x.b < y.b)) {
				c++
			}
		}
	}
	return c
}

func TestLayoutHDBPipeline(t *testing.T) {
	def, err := ParseDefinition(readHDB(t))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Build(def)
	if err != nil {
		t.Fatal(err)
	}
	l := Layout(g)
	checkLayout(t, g, l)

	want := [][]string{
		{"PreprocessHDBData"},
		{"·", "TrainHDBModel"},
		{"EvaluateHDBModel", "·"},
		{"CheckRMSE", "·", "·"},
		{"FailHDBRMSE", "RegisterHDBModel"},
	}
	if got := layerNames(l); !reflect.DeepEqual(got, want) {
		t.Errorf("layers:\n got %v\nwant %v", got, want)
	}
	if l.Crossings != 0 {
		t.Errorf("Crossings = %d, want 0", l.Crossings)
	}
	if l.Width != 3 {
		t.Errorf("Width = %d, want 3", l.Width)
	}
	// Register reads the model artefacts of Train: that edge runs down
	// through a dummy in each of the two layers between.
	for i, p := range l.Edges {
		if p.Edge.From == "TrainHDBModel" && p.Edge.To == "RegisterHDBModel" {
			if len(p.Points) != 4 || p.Points[0].Layer != 1 || p.Points[3].Layer != 4 {
				t.Errorf("Train→Register points = %v", p.Points)
			}
			for _, r := range p.Points[1:3] {
				if s := l.Slot(r); !s.Dummy || s.Edge != i {
					t.Errorf("Train→Register passes %+v", s)
				}
			}
		}
		if p.Edge.From == "CheckRMSE" && p.Edge.To == "FailHDBRMSE" && p.Edge.Label != "else" {
			t.Errorf("Check→Fail label = %q", p.Edge.Label)
		}
	}
}

func TestLayoutShapes(t *testing.T) {
	tests := []struct {
		name      string
		g         *Graph
		want      [][]string
		crossings int
	}{
		{
			name: "fan-out",
			g:    chainGraph([]string{"Prep", "TrainA", "TrainB", "TrainC"}, "Prep>TrainC", "Prep>TrainA", "Prep>TrainB"),
			want: [][]string{{"Prep"}, {"TrainA", "TrainB", "TrainC"}},
		},
		{
			name: "fan-in",
			g:    chainGraph([]string{"C", "B", "A", "Merge"}, "A>Merge", "B>Merge", "C>Merge"),
			want: [][]string{{"A", "B", "C"}, {"Merge"}},
		},
		{
			name: "diamond",
			g:    chainGraph([]string{"Top", "Right", "Left", "Bottom"}, "Top>Left", "Top>Right", "Left>Bottom", "Right>Bottom"),
			want: [][]string{{"Top"}, {"Left", "Right"}, {"Bottom"}},
		},
		{
			name: "skip edge goes through a dummy",
			g:    chainGraph([]string{"A", "B", "C"}, "A>B", "B>C", "A>C"),
			want: [][]string{{"A"}, {"·", "B"}, {"C"}},
		},
		{
			name: "disconnected components stay apart, in node order",
			g:    chainGraph([]string{"X1", "X2", "A1", "A2", "Lone"}, "X1>X2", "A1>A2"),
			want: [][]string{{"X1", "A1", "Lone"}, {"X2", "A2"}},
		},
		{
			name: "tree named in the worst order untangles",
			g: chainGraph([]string{"S", "A", "B", "C", "P", "Q", "R", "X", "Y", "Z"},
				"S>A", "S>B", "S>C", "A>R", "B>P", "C>Q", "P>Z", "Q>X", "R>Y"),
			want: [][]string{{"S"}, {"A", "B", "C"}, {"R", "P", "Q"}, {"Y", "Z", "X"}},
		},
		{
			name: "two crossed pairs",
			g:    chainGraph([]string{"A", "B", "Y", "Z", "R"}, "R>A", "R>B", "A>Z", "B>Y"),
			want: [][]string{{"R"}, {"A", "B"}, {"Z", "Y"}},
		},
		{
			name:      "K3,3 cannot do better than 9",
			g:         chainGraph([]string{"a", "b", "c", "x", "y", "z"}, "a>x", "a>y", "a>z", "b>x", "b>y", "b>z", "c>x", "c>y", "c>z"),
			want:      [][]string{{"a", "b", "c"}, {"x", "y", "z"}},
			crossings: 9,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Layout(tt.g)
			checkLayout(t, tt.g, l)
			if got := layerNames(l); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("layers:\n got %v\nwant %v", got, tt.want)
			}
			if l.Crossings != tt.crossings {
				t.Errorf("Crossings = %d, want %d", l.Crossings, tt.crossings)
			}
		})
	}
}

func TestLayoutReducesKnownCrossings(t *testing.T) {
	g := chainGraph([]string{"S", "A", "B", "C", "P", "Q", "R", "X", "Y", "Z"},
		"S>A", "S>B", "S>C", "A>R", "B>P", "C>Q", "P>Z", "Q>X", "R>Y")
	l := Layout(g)
	if naive := nameOrderCrossings(g, l); naive != 4 {
		t.Fatalf("sorted by name the tree has %d crossings; the test expects 4", naive)
	}
	if l.Crossings != 0 {
		t.Errorf("Crossings = %d after ordering, want 0", l.Crossings)
	}
}

func TestLayoutLongChain(t *testing.T) {
	var names, edges []string
	for i := range 40 {
		names = append(names, stepName(i))
		if i > 0 {
			edges = append(edges, stepName(i-1)+">"+stepName(i))
		}
	}
	g := chainGraph(names, edges...)
	l := Layout(g)
	checkLayout(t, g, l)
	if len(l.Layers) != 40 || l.Width != 1 || l.Crossings != 0 {
		t.Errorf("chain of 40: %d layers, width %d, %d crossings; want 40, 1, 0", len(l.Layers), l.Width, l.Crossings)
	}
	for i, layer := range l.Layers {
		if layer[0].Node != stepName(i) {
			t.Errorf("layer %d holds %q", i, layer[0].Node)
		}
	}
}

func TestLayoutSyntheticPipelines(t *testing.T) {
	for _, n := range []int{50, 200} {
		for seed := uint64(1); seed <= 3; seed++ {
			t.Run(fmt.Sprintf("%d steps seed %d", n, seed), func(t *testing.T) {
				g, err := Build(syntheticDefinition(n, seed))
				if err != nil {
					t.Fatal(err)
				}
				l := Layout(g)
				checkLayout(t, g, l)
				if naive := nameOrderCrossings(g, l); l.Crossings > naive {
					t.Errorf("ordering made it worse: %d crossings, %d sorted by name", l.Crossings, naive)
				}
				// Longest-path ranks: every edge goes down at least one layer,
				// and every step below layer 0 has a predecessor right above.
				hasPredAbove := map[string]bool{}
				for _, p := range l.Edges {
					from, _ := l.Find(p.Edge.From)
					to, _ := l.Find(p.Edge.To)
					if to.Layer <= from.Layer {
						t.Errorf("edge %s→%s goes from layer %d to %d", p.Edge.From, p.Edge.To, from.Layer, to.Layer)
					}
					if to.Layer == from.Layer+1 {
						hasPredAbove[p.Edge.To] = true
					}
				}
				for _, layer := range l.Layers[1:] {
					for _, s := range layer {
						if !s.Dummy && !hasPredAbove[s.Node] {
							t.Errorf("step %q at layer %d could sit higher", s.Node, s.Layer)
						}
					}
				}
			})
		}
	}
}

func TestLayoutIsDeterministic(t *testing.T) {
	def := syntheticDefinition(80, 7)
	g, err := Build(def)
	if err != nil {
		t.Fatal(err)
	}
	first := Layout(g)
	if again := Layout(g); !reflect.DeepEqual(first, again) {
		t.Fatal("two layouts of the same graph differ")
	}
	// Every synthetic step reads an earlier one, so the graph is one
	// component and node order must not matter.
	shuffled := &Graph{Nodes: append([]Node(nil), g.Nodes...), Edges: g.Edges}
	for i, j := 0, len(shuffled.Nodes)-1; i < j; i, j = i+1, j-1 {
		shuffled.Nodes[i], shuffled.Nodes[j] = shuffled.Nodes[j], shuffled.Nodes[i]
	}
	if got := Layout(shuffled); !reflect.DeepEqual(layerNames(got), layerNames(first)) {
		t.Error("reversing the node list changed the layout of a connected graph")
	}
}

func TestLayoutHandMadeGraphs(t *testing.T) {
	t.Run("cycle is drawn with one edge reversed", func(t *testing.T) {
		g := chainGraph([]string{"A", "B", "C"}, "A>B", "B>C", "C>A")
		l := Layout(g)
		checkLayout(t, g, l)
		var reversed []string
		for _, p := range l.Edges {
			if p.Reversed {
				reversed = append(reversed, p.Edge.From+">"+p.Edge.To)
			}
		}
		if !reflect.DeepEqual(reversed, []string{"C>A"}) {
			t.Errorf("reversed edges = %v, want [C>A]", reversed)
		}
		if got := layerNames(l); !reflect.DeepEqual(got, [][]string{{"A"}, {"B", "·"}, {"C"}}) {
			t.Errorf("layers = %v", got)
		}
	})
	t.Run("self-loop is one point", func(t *testing.T) {
		g := chainGraph([]string{"Retry", "Next"}, "Retry>Retry", "Retry>Next")
		l := Layout(g)
		checkLayout(t, g, l)
		if len(l.Edges[0].Points) != 1 || l.Slot(l.Edges[0].Points[0]).Node != "Retry" {
			t.Errorf("self-loop points = %v", l.Edges[0].Points)
		}
	})
	t.Run("edge to an unknown step is left out", func(t *testing.T) {
		g := chainGraph([]string{"A", "B"}, "A>B", "A>Ghost")
		l := Layout(g)
		checkLayout(t, g, l)
		if l.Edges[1].Points != nil || len(l.Layers) != 2 {
			t.Errorf("ghost edge points %v, %d layers", l.Edges[1].Points, len(l.Layers))
		}
	})
	t.Run("repeated node is placed once", func(t *testing.T) {
		g := chainGraph([]string{"A", "B", "A"}, "A>B")
		l := Layout(g)
		if got := layerNames(l); !reflect.DeepEqual(got, [][]string{{"A"}, {"B"}}) {
			t.Errorf("layers = %v", got)
		}
	})
	t.Run("nil and empty graphs", func(t *testing.T) {
		for _, g := range []*Graph{nil, {}} {
			l := Layout(g)
			if len(l.Layers) != 0 || l.Width != 0 || l.Crossings != 0 {
				t.Errorf("Layout(%v) = %+v", g, l)
			}
			if _, ok := l.Find("A"); ok {
				t.Error("Find on an empty layout found a step")
			}
			if s := l.Slot(SlotRef{0, 0}); s != (Slot{}) {
				t.Errorf("Slot outside the layout = %+v", s)
			}
		}
	})
}

func TestLayoutConditionBranchesBelowCondition(t *testing.T) {
	g, err := Build(steps(
		domain.StepDefinition{Name: "Prep"},
		domain.StepDefinition{Name: "Check", Type: "Condition", References: []string{"Prep"}, IfSteps: []string{"Deploy"}, ElseSteps: []string{"Alert"}},
		domain.StepDefinition{Name: "Deploy"},
		domain.StepDefinition{Name: "Alert"},
	))
	if err != nil {
		t.Fatal(err)
	}
	l := Layout(g)
	check, _ := l.Find("Check")
	for _, name := range []string{"Deploy", "Alert"} {
		if r, _ := l.Find(name); r.Layer != check.Layer+1 {
			t.Errorf("%s at layer %d, condition at %d", name, r.Layer, check.Layer)
		}
	}
}
