package graph

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// checkScene verifies what every drawing relies on: boxes inside the
// scene and apart from each other, no line through a box, and an arrow
// head in front of every step that something leads to.
func checkScene(t *testing.T, sc *Scene) {
	t.Helper()
	for i, a := range sc.Nodes {
		b := a.Box
		if b.X < 0 || b.Y < 0 || b.X+b.W > sc.Width || b.Y+b.H > sc.Height {
			t.Errorf("%s's box %+v is outside the %dx%d scene", a.Step, b, sc.Width, sc.Height)
		}
		for _, o := range sc.Nodes[i+1:] {
			if b.X < o.Box.X+o.Box.W && o.Box.X < b.X+b.W && b.Y < o.Box.Y+o.Box.H && o.Box.Y < b.Y+b.H {
				t.Errorf("boxes of %s and %s overlap", a.Step, o.Step)
			}
		}
		for _, l := range sc.lines {
			x0, x1 := min(l.x0, l.x1), max(l.x0, l.x1)
			y0, y1 := min(l.y0, l.y1), max(l.y0, l.y1)
			inner := Rect{X: b.X + 1, Y: b.Y + 1, W: b.W - 2, H: b.H - 2}
			if x0 < inner.X+inner.W && inner.X <= x1 && y0 < inner.Y+inner.H && inner.Y <= y1 {
				t.Errorf("a line %+v runs through %s's box %+v", l, a.Step, b)
			}
		}
	}
	want := map[[2]int]bool{}
	for i := range sc.Nodes {
		if len(sc.before[i]) == 0 {
			continue
		}
		b := sc.Nodes[i].Box
		if sc.Orientation == LeftToRight {
			want[[2]int{b.X - 1, b.Y + b.H/2}] = true
		} else {
			want[[2]int{b.X + (b.W-1)/2, b.Y - 1}] = true
		}
	}
	got := map[[2]int]bool{}
	for _, m := range sc.marks {
		if !m.label {
			got[[2]int{m.x, m.y}] = true
		}
	}
	if fmt.Sprint(want) != fmt.Sprint(got) {
		t.Errorf("arrow heads at %v, want one before each step with a predecessor at %v", got, want)
	}
}

// randomDefinition is a pipeline of n steps, each depending on up to three
// earlier ones, with a condition now and then.
func randomDefinition(r *rand.Rand, n int) []string {
	var lines []string
	for i := range n {
		line := fmt.Sprintf("S%02d", i)
		if i > 0 {
			var deps []string
			for k := 0; k < 1+r.IntN(3); k++ {
				deps = append(deps, fmt.Sprintf("S%02d", r.IntN(i)))
			}
			line += "<" + strings.Join(dedupe(deps), ",")
		}
		if i+2 < n && r.IntN(6) == 0 {
			line = strings.Replace(line, fmt.Sprintf("S%02d", i), fmt.Sprintf("S%02d:Condition", i), 1)
			line += fmt.Sprintf(" ?S%02d :S%02d", i+1+r.IntN(n-i-1), i+1+r.IntN(n-i-1))
		}
		lines = append(lines, line)
	}
	return lines
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func TestRandomGraphsPlaceCleanly(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for k := range 60 {
		lines := randomDefinition(r, 3+r.IntN(48))
		g, err := dag.Build(spec(lines...))
		if err != nil {
			continue // a condition branch to a step that also precedes it
		}
		l := dag.Layout(g)
		for _, o := range []Orientation{LeftToRight, TopToBottom} {
			for _, compact := range []bool{false, true} {
				sc := Place(l, o, compact)
				if len(sc.Nodes) != len(g.Nodes) {
					t.Fatalf("graph %d: %d of %d steps placed", k, len(sc.Nodes), len(g.Nodes))
				}
				checkScene(t, sc)
				lines := sc.Render(Frame{Now: now, Selected: sc.Nodes[0].Step, Styles: plain()}, Viewport{Width: sc.Width, Height: sc.Height})
				checkFrame(t, lines, sc.Width, sc.Height)
				if t.Failed() {
					t.Fatalf("graph %d %v %s:\n%s\n%s", k, o, density(compact), strings.Join(lines, "\n"), strings.Join(lines, "\n"))
				}
			}
		}
	}
}

func TestHostileAndWideNamesRenderInert(t *testing.T) {
	names := []string{
		"Prep\x1b]8;;http://evil.example/\x07click\x1b]8;;\x07",
		"Train\x1b[2J\x1b[31mred\rBEL\x07",
		"转售价格模型训练",
		"மாதிரி-பயிற்சி",
		"Latih🚀Model",
		"C1\u009b31mcontrol\u0085",
	}
	deps := [][]string{nil, {names[0]}, {names[0]}, {names[1], names[2]}, {names[3]}, {names[4]}}
	var def domain.PipelineDefinition
	for i, n := range names {
		def.Steps = append(def.Steps, domain.StepDefinition{Name: n, Type: "Processing\x1b[5m", DependsOn: deps[i]})
	}
	l := layoutOf(t, def)
	for _, o := range []Orientation{LeftToRight, TopToBottom} {
		for _, compact := range []bool{false, true} {
			sc := Place(l, o, compact)
			checkScene(t, sc)
			steps := statuses(names[0]+"=Succeeded", names[2]+"=Executing")
			out := sc.Render(Frame{Steps: steps, Now: now, Selected: names[2], Styles: plain()}, Viewport{Width: sc.Width, Height: sc.Height})
			checkFrame(t, out, sc.Width, sc.Height)
			text := strings.Join(out, "\n")
			for _, bad := range []string{"\x1b", "\a", "\r", "\u009b", "\u0085"} {
				if strings.Contains(text, bad) {
					t.Fatalf("%v %s: %q reached the screen:\n%s", o, density(compact), bad, text)
				}
			}
			for _, want := range []string{"转售价格", "Latih🚀", "Prepclick"} {
				if !strings.Contains(text, want) {
					t.Errorf("%v %s: %q is missing:\n%s", o, density(compact), want, text)
				}
			}
			// Every row of a box has its right border in the same column.
			for _, n := range sc.Nodes {
				for y := n.Box.Y; y < n.Box.Y+n.Box.H; y++ {
					row := out[y]
					if got := kit.Width(cut(row, n.Box.X+n.Box.W)); got != n.Box.X+n.Box.W {
						t.Errorf("row %d is misaligned", y)
					}
					last := lastRune(cut(row, n.Box.X+n.Box.W))
					if !strings.ContainsRune("│┃╮╯┓┛┤├┠┨", last) {
						t.Errorf("%v %s: box of %q row %d ends in %q:\n%s", o, density(compact), n.Step, y, last, text)
					}
				}
			}
		}
	}
}

// cut is the first w cells of a plain line.
func cut(s string, w int) string {
	used := 0
	for i, r := range s {
		rw := kit.Width(string(r))
		if used+rw > w {
			return s[:i]
		}
		used += rw
	}
	return s
}

func lastRune(s string) rune {
	r := []rune(s)
	if len(r) == 0 {
		return 0
	}
	return r[len(r)-1]
}

func TestEmptyLayoutDrawsBlank(t *testing.T) {
	for _, l := range []*dag.LayeredLayout{nil, dag.Layout(&dag.Graph{})} {
		out := Draw(Input{Layout: l, Width: 20, Height: 3, Styles: plain()})
		checkFrame(t, out.Lines, 20, 3)
		if strings.TrimSpace(strings.Join(out.Lines, "")) != "" {
			t.Errorf("an empty graph drew %q", out.Lines)
		}
		if got := out.Scene.Move("x", Right); got != "" {
			t.Errorf("Move in an empty scene = %q", got)
		}
	}
}
