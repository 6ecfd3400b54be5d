package graph

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend/dag"
	"github.com/agdash/agdash/backend/domain"
)

// Statuses of a run of the sandbox's standard pipeline (PreprocessData,
// TrainModel, EvaluateModel, CheckModelQuality, RegisterModel or
// FailOnQuality) at several moments.
var (
	standardRunning = statuses("PreprocessData=Succeeded", "TrainModel=Executing")
	standardFailed  = func() map[string]domain.PipelineStep {
		s := statuses("PreprocessData=Succeeded", "TrainModel=Failed")
		st := s["TrainModel"]
		st.FailureReason = "AlgorithmError: Error in ranger(): mtry can not be larger than number of variables in data."
		s["TrainModel"] = st
		return s
	}()
	standardRegistered = func() map[string]domain.PipelineStep {
		s := statuses("PreprocessData=Succeeded", "TrainModel=Succeeded", "EvaluateModel=Succeeded",
			"CheckModelQuality=Succeeded", "RegisterModel=Succeeded")
		st := s["CheckModelQuality"]
		st.ConditionOutcome = "True"
		s["CheckModelQuality"] = st
		return s
	}()
	fanInRunning = statuses("ExtractTransactions=Succeeded", "ExtractGeoFeatures=Succeeded", "ExtractMacroIndicators=Executing")
)

// whole draws the entire scene, so the golden shows all of it.
func whole(t *testing.T, l *dag.LayeredLayout, o Orientation, compact bool, steps map[string]domain.PipelineStep, selected string) []byte {
	t.Helper()
	sc := Place(l, o, compact)
	v := Viewport{Width: sc.Width, Height: sc.Height}
	lines := sc.Render(Frame{Steps: steps, Now: now, Selected: selected, Styles: plain()}, v)
	checkFrame(t, lines, sc.Width, sc.Height)
	checkScene(t, sc)
	head := fmt.Sprintf("%v %s %dx%d, selected %q, %d crossings", o, density(compact), sc.Width, sc.Height, selected, sc.Crossings)
	return frame(head, lines)
}

func density(compact bool) string {
	if compact {
		return "compact"
	}
	return "full"
}

func TestSandboxPipelinesGolden(t *testing.T) {
	cases := []struct {
		name, pipeline string
		o              Orientation
		compact        bool
		steps          map[string]domain.PipelineStep
	}{
		{"hdb-resale-valuation_running_lr", "hdb-resale-valuation", LeftToRight, false, standardRunning},
		{"hdb-resale-valuation_running_tb", "hdb-resale-valuation", TopToBottom, false, standardRunning},
		{"hdb-resale-valuation_failed_tb_compact", "hdb-resale-valuation", TopToBottom, true, standardFailed},
		{"hdb-resale-valuation_registered_lr_compact", "hdb-resale-valuation", LeftToRight, true, standardRegistered},
		{"hdb-flat-demand_running_lr", "hdb-flat-demand", LeftToRight, false, fanInRunning},
		{"hdb-flat-demand_running_tb_compact", "hdb-flat-demand", TopToBottom, true, fanInRunning},
		{"mom-work-pass-fraud_lr", "mom-work-pass-fraud", LeftToRight, false, standardRegistered},
		{"mom-wsh-incident-risk_lr", "mom-wsh-incident-risk", LeftToRight, false, standardRunning},
		{"ssg-course-dropout_tb", "ssg-course-dropout", TopToBottom, false, fanInRunning},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, _ := sandboxLayout(t, c.pipeline)
			sc := Place(l, c.o, c.compact)
			golden.RequireEqual(t, whole(t, l, c.o, c.compact, c.steps, sc.Initial(c.steps)))
		})
	}
}

// shapes are hand-made graphs, by the spec notation.
var shapes = map[string][]string{
	"fan-out":   {"Prepare", "TrainXGBoost:Training<Prepare", "TrainRanger:Training<Prepare", "TrainGLM:Training<Prepare"},
	"fan-in":    {"ExtractSales", "ExtractGeo", "ExtractMacro", "BuildFeatures<ExtractSales,ExtractGeo,ExtractMacro"},
	"diamond":   {"Prepare", "TrainA:Training<Prepare", "TrainB:Training<Prepare", "Compare<TrainA,TrainB"},
	"condition": {"Evaluate", "CheckQuality:Condition<Evaluate ?Register :FailQuality", "Register:RegisterModel", "FailQuality:Fail", "Deploy<Register"},
	"long-name": {"Prepare", "NormaliseResalePricesByFlatTypeTownAndStoreyRangeForTheLastTenYears<Prepare", "Train:Training<NormaliseResalePricesByFlatTypeTownAndStoreyRangeForTheLastTenYears"},
}

// conditionElse is the condition shape after its condition was false.
func conditionElse() map[string]domain.PipelineStep {
	s := statuses("Evaluate=Succeeded", "CheckQuality=Succeeded", "FailQuality=Failed")
	c := s["CheckQuality"]
	c.ConditionOutcome = "False"
	s["CheckQuality"] = c
	f := s["FailQuality"]
	f.FailureReason = "Model quality below the bar: RMSE = 47210 against threshold 44000"
	s["FailQuality"] = f
	return s
}

func TestShapesGolden(t *testing.T) {
	steps := map[string]map[string]domain.PipelineStep{
		"fan-out":   statuses("Prepare=Succeeded", "TrainXGBoost=Executing", "TrainRanger=Executing", "TrainGLM=Starting"),
		"fan-in":    statuses("ExtractSales=Succeeded", "ExtractGeo=Failed", "ExtractMacro=Stopped"),
		"diamond":   statuses("Prepare=Succeeded", "TrainA=Succeeded", "TrainB=Executing"),
		"condition": conditionElse(),
		"long-name": statuses("Prepare=Succeeded", "NormaliseResalePricesByFlatTypeTownAndStoreyRangeForTheLastTenYears=Executing"),
	}
	for name, lines := range shapes {
		for _, o := range []Orientation{LeftToRight, TopToBottom} {
			for _, compact := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s_%s_%s", name, short(o), density(compact)), func(t *testing.T) {
					l := layoutOf(t, spec(lines...))
					sc := Place(l, o, compact)
					golden.RequireEqual(t, whole(t, l, o, compact, steps[name], sc.Initial(steps[name])))
				})
			}
		}
	}
}

func short(o Orientation) string {
	if o == TopToBottom {
		return "tb"
	}
	return "lr"
}

func TestFiftyStepsGolden(t *testing.T) {
	l := layoutOf(t, fiftySteps())
	if n := len(Place(l, LeftToRight, true).Nodes); n != 50 {
		t.Fatalf("%d steps placed, want 50", n)
	}
	running := statuses("Extract1=Succeeded", "Extract2=Succeeded", "Extract3=Succeeded", "Extract4=Succeeded",
		"Extract5=Succeeded", "Extract6=Succeeded", "Clean1=Succeeded", "Clean2=Succeeded", "Clean3=Succeeded",
		"BuildFeatures=Succeeded", "Train1=Succeeded", "Train2=Executing", "Train3=Failed", "Train4=Executing")
	t.Run("lr_compact", func(t *testing.T) { golden.RequireEqual(t, whole(t, l, LeftToRight, true, running, "Train2")) })
	t.Run("tb_compact", func(t *testing.T) { golden.RequireEqual(t, whole(t, l, TopToBottom, true, running, "Train2")) })
	// In a 120×35 window the selection decides what is seen.
	t.Run("window_120x35", func(t *testing.T) {
		out := Draw(Input{Layout: l, Steps: running, Now: now, Width: 120, Height: 35, Selected: "Train2", Styles: plain()})
		checkFrame(t, out.Lines, 120, 35)
		if !out.Scene.Visible("Train2", out.View) {
			t.Fatalf("the selected step is not in view %+v", out.View)
		}
		golden.RequireEqual(t, frame(describe(out), out.Lines))
	})
}

func describe(out Output) string {
	return fmt.Sprintf("%v %s, view %d,%d %dx%d of %dx%d", out.Scene.Orientation, density(out.Scene.Compact),
		out.View.X, out.View.Y, out.View.Width, out.View.Height, out.Scene.Width, out.Scene.Height)
}

func TestNarrowTerminalGolden(t *testing.T) {
	l, _ := sandboxLayout(t, "hdb-resale-valuation")
	sc := Place(l, LeftToRight, false)
	out := Draw(Input{Layout: l, Steps: standardRunning, Now: now, Width: 60, Height: 20, Selected: sc.Initial(standardRunning), Styles: plain()})
	checkFrame(t, out.Lines, 60, 20)
	if out.Scene.Orientation != TopToBottom || !out.Scene.Compact {
		t.Errorf("at 60×20 the graph should flow down in compact boxes, got %v %s", out.Scene.Orientation, density(out.Scene.Compact))
	}
	if !out.Scene.Visible("TrainModel", out.View) {
		t.Errorf("the running step is out of view %+v", out.View)
	}
	golden.RequireEqual(t, frame(describe(out), out.Lines))
}

func TestSelectionMovedGolden(t *testing.T) {
	l, _ := sandboxLayout(t, "hdb-resale-valuation")
	in := Input{Layout: l, Steps: standardRunning, Now: now, Width: 80, Height: 19, Orientation: LeftToRight, Density: Full, Styles: plain()}
	sc := Choose(l, in.Orientation, in.Density, in.Width, in.Height)
	in.Selected = sc.Initial(standardRunning)
	if in.Selected != "TrainModel" {
		t.Fatalf("initial selection %q, want the running step", in.Selected)
	}
	var path []string
	for _, d := range []Direction{Right, Right, Down} {
		in.Selected = sc.Move(in.Selected, d)
		path = append(path, in.Selected)
	}
	if got := strings.Join(path, " → "); got != "EvaluateModel → CheckModelQuality → RegisterModel" {
		t.Errorf("right, right, down went %s", got)
	}
	out := Draw(in)
	checkFrame(t, out.Lines, 80, 19)
	if !out.Scene.Visible("RegisterModel", out.View) {
		t.Fatalf("the selected step is not in view %+v", out.View)
	}
	golden.RequireEqual(t, frame(describe(out)+", selected "+in.Selected, out.Lines))
}

func TestPannedViewGolden(t *testing.T) {
	l := layoutOf(t, fiftySteps())
	sc := Place(l, LeftToRight, true)
	v := sc.Clamp(Viewport{X: 70, Y: 6, Width: 100, Height: 24})
	sel, ok := sc.Nearest(v)
	if !ok {
		t.Fatal("no step in view")
	}
	lines := sc.Render(Frame{Now: now, Selected: sel, Styles: plain()}, v)
	checkFrame(t, lines, 100, 24)
	if !sc.Visible(sel, v) {
		t.Errorf("nearest step %s is not wholly visible", sel)
	}
	golden.RequireEqual(t, frame(fmt.Sprintf("view %d,%d %dx%d, selected %s", v.X, v.Y, v.Width, v.Height, sel), lines))
}

func TestElapsedOfRunningStepsTicks(t *testing.T) {
	l, _ := sandboxLayout(t, "hdb-resale-valuation")
	sc := Place(l, LeftToRight, false)
	train, _ := sc.Node("TrainModel")
	v := Viewport{X: train.Box.X, Y: train.Box.Y, Width: train.Box.W, Height: train.Box.H}
	draw := func(at time.Time) string {
		return strings.Join(sc.Render(Frame{Steps: standardRunning, Now: at, Styles: plain()}, v), "\n")
	}
	started := standardRunning["TrainModel"].StartedAt
	if got := draw(started.Add(75 * time.Second)); !strings.Contains(got, "● Executing 1m15s") {
		t.Errorf("after 75 s:\n%s", got)
	}
	if got := draw(started.Add(2*time.Hour + 3*time.Minute)); !strings.Contains(got, "● Executing 2h03m") {
		t.Errorf("after 2 h 3 min:\n%s", got)
	}
}
