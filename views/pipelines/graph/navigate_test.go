package graph

import (
	"strings"
	"testing"
)

func TestMoveFollowsEdgesAndLayers(t *testing.T) {
	l, _ := sandboxLayout(t, "hdb-resale-valuation")
	for _, o := range []Orientation{LeftToRight, TopToBottom} {
		sc := Place(l, o, false)
		forward, backward, across := Right, Left, Down
		if o == TopToBottom {
			forward, backward, across = Down, Up, Right
		}
		walk := func(from string, ds ...Direction) string {
			var path []string
			for _, d := range ds {
				from = sc.Move(from, d)
				path = append(path, from)
			}
			return strings.Join(path, " ")
		}
		// Along the flow: the next layer's step first, even where an edge
		// skips layers (TrainModel also feeds RegisterModel directly).
		if got := walk("PreprocessData", forward, forward, forward, forward); got != "TrainModel EvaluateModel CheckModelQuality FailOnQuality" &&
			got != "TrainModel EvaluateModel CheckModelQuality RegisterModel" {
			t.Errorf("%v forward: %s", o, got)
		}
		if got := walk("RegisterModel", backward, backward); got != "CheckModelQuality EvaluateModel" {
			t.Errorf("%v backward: %s", o, got)
		}
		// Across: the condition's two branches are neighbours.
		a := sc.Move("FailOnQuality", across)
		if a != "RegisterModel" || sc.Move(a, across) != "RegisterModel" {
			t.Errorf("%v across from FailOnQuality: %s, then %s", o, a, sc.Move(a, across))
		}
		// The ends stay put.
		if got := sc.Move("PreprocessData", backward); got != "PreprocessData" {
			t.Errorf("%v back from the first step: %s", o, got)
		}
		if got := sc.Move("nonsense", forward); got != sc.Nodes[0].Step {
			t.Errorf("%v from an unknown step: %s", o, got)
		}
	}
}

func TestMoveAcrossAFanOut(t *testing.T) {
	l := layoutOf(t, spec(shapes["fan-out"]...))
	sc := Place(l, LeftToRight, true)
	var got []string
	for s := "TrainGLM"; ; {
		got = append(got, s)
		next := sc.Move(s, Down)
		if next == s {
			break
		}
		s = next
	}
	if strings.Join(got, " ") != "TrainGLM TrainRanger TrainXGBoost" {
		t.Errorf("down through the fan-out: %v", got)
	}
	if back := sc.Move("TrainRanger", Left); back != "Prepare" {
		t.Errorf("left from a branch: %s", back)
	}
	if fwd := sc.Move("Prepare", Right); fwd != "TrainRanger" {
		t.Errorf("right from the split goes to the branch in line with it, got %s", fwd)
	}
}

func TestFollowClampAndNearest(t *testing.T) {
	l := layoutOf(t, fiftySteps())
	sc := Place(l, LeftToRight, true)
	v := Viewport{Width: 60, Height: 10}
	v = sc.Follow("Done", v)
	if !sc.Visible("Done", v) || v.X+v.Width != sc.Width {
		t.Errorf("following the last step: %+v of %dx%d", v, sc.Width, sc.Height)
	}
	// Following a step already in view does not move the window.
	if again := sc.Follow("Done", v); again != v {
		t.Errorf("the window moved from %+v to %+v", v, again)
	}
	if c := sc.Clamp(Viewport{X: -50, Y: 1000, Width: 60, Height: 10}); c.X != 0 || c.Y != sc.Height-10 {
		t.Errorf("clamped to %+v", c)
	}
	// A scene narrower than the window is centred in it.
	small := Place(layoutOf(t, spec("A", "B<A")), LeftToRight, true)
	if c := small.Clamp(Viewport{X: 5, Width: small.Width + 10, Height: 10}); c.X != -5 {
		t.Errorf("a small scene should be centred: %+v", c)
	}
	n, ok := sc.Nearest(Viewport{X: 0, Y: 0, Width: 40, Height: 12})
	if !ok || !sc.Visible(n, Viewport{X: 0, Y: 0, Width: 40, Height: 12}) {
		t.Errorf("nearest %q %v", n, ok)
	}
	if _, ok := sc.Nearest(Viewport{X: sc.Width + 5, Width: 10, Height: 5}); ok {
		t.Error("a window past the scene has no nearest step")
	}
}

func TestBeyondSaysWhereTheSceneContinues(t *testing.T) {
	sc := Place(layoutOf(t, fiftySteps()), LeftToRight, true)
	type sides struct{ left, right, up, down bool }
	beyond := func(v Viewport) sides {
		l, r, u, d := sc.Beyond(v)
		return sides{l, r, u, d}
	}
	cases := []struct {
		name string
		v    Viewport
		want sides
	}{
		{"top-left corner", Viewport{Width: 40, Height: 10}, sides{right: true, down: true}},
		{"bottom-right corner", Viewport{X: sc.Width - 40, Y: sc.Height - 10, Width: 40, Height: 10}, sides{left: true, up: true}},
		{"middle", Viewport{X: 10, Y: 5, Width: 40, Height: 10}, sides{true, true, true, true}},
		{"the whole scene", Viewport{Width: sc.Width, Height: sc.Height}, sides{}},
		{"centred in a wider window", sc.Clamp(Viewport{Width: sc.Width + 20, Height: sc.Height + 5}), sides{}},
	}
	for _, c := range cases {
		if got := beyond(c.v); got != c.want {
			t.Errorf("%s %+v of %dx%d: %+v, want %+v", c.name, c.v, sc.Width, sc.Height, got, c.want)
		}
	}
}

func TestChooseFitsTheWindow(t *testing.T) {
	l, _ := sandboxLayout(t, "hdb-resale-valuation")
	full := Place(l, LeftToRight, false)
	cases := []struct {
		w, h    int
		o       Orientation
		compact bool
	}{
		{full.Width, full.Height, LeftToRight, false}, // fits as is
		{200, 60, LeftToRight, false},                 // roomy
		{80, 60, TopToBottom, false},                  // tall and narrow
		{120, 32, TopToBottom, true},                  // only compact boxes flowing down fit
		{60, 20, TopToBottom, true},                   // nothing fits: fewest screens
	}
	for _, c := range cases {
		sc := Choose(l, AutoOrientation, AutoDensity, c.w, c.h)
		if sc.Orientation != c.o || sc.Compact != c.compact {
			t.Errorf("%dx%d: %v %s, want %v %s", c.w, c.h, sc.Orientation, density(sc.Compact), c.o, density(c.compact))
		}
	}
	if sc := Choose(l, TopToBottom, Full, 10, 10); sc.Orientation != TopToBottom || sc.Compact {
		t.Error("a chosen orientation and density are kept whatever the size")
	}
}

func BenchmarkPlaceFiftySteps(b *testing.B) {
	l := layoutOf(b, fiftySteps())
	for b.Loop() {
		Place(l, LeftToRight, true)
	}
}

func BenchmarkDrawFiftyStepsWindow(b *testing.B) {
	l := layoutOf(b, fiftySteps())
	steps := statuses("Extract1=Succeeded", "Train2=Executing")
	for b.Loop() {
		Draw(Input{Layout: l, Steps: steps, Now: now, Width: 120, Height: 35, Selected: "Train2", Styles: plain()})
	}
}
