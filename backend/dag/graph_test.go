package dag

import (
	"reflect"
	"strings"
	"testing"

	"github.com/agdash/agdash/backend/domain"
)

func steps(s ...domain.StepDefinition) domain.PipelineDefinition {
	return domain.PipelineDefinition{Steps: s}
}

func TestBuildShapes(t *testing.T) {
	tests := []struct {
		name string
		def  domain.PipelineDefinition
		want []Edge
	}{
		{
			name: "fan-out",
			def: steps(
				domain.StepDefinition{Name: "Prep", Type: "Processing"},
				domain.StepDefinition{Name: "TrainXGB", Type: "Training", DependsOn: []string{"Prep"}},
				domain.StepDefinition{Name: "TrainGLM", Type: "Training", References: []string{"Prep"}},
				domain.StepDefinition{Name: "TrainRF", Type: "Training", DependsOn: []string{"Prep"}},
			),
			want: []Edge{
				{From: "Prep", To: "TrainXGB", Kind: DependsOn},
				{From: "Prep", To: "TrainGLM", Kind: Data},
				{From: "Prep", To: "TrainRF", Kind: DependsOn},
			},
		},
		{
			name: "fan-in",
			def: steps(
				domain.StepDefinition{Name: "A", Type: "Training"},
				domain.StepDefinition{Name: "B", Type: "Training"},
				domain.StepDefinition{Name: "C", Type: "Training"},
				domain.StepDefinition{Name: "Compare", Type: "Processing", References: []string{"A", "B", "C"}},
			),
			want: []Edge{
				{From: "A", To: "Compare", Kind: Data},
				{From: "B", To: "Compare", Kind: Data},
				{From: "C", To: "Compare", Kind: Data},
			},
		},
		{
			name: "diamond",
			def: steps(
				domain.StepDefinition{Name: "Top"},
				domain.StepDefinition{Name: "Left", DependsOn: []string{"Top"}},
				domain.StepDefinition{Name: "Right", DependsOn: []string{"Top"}},
				domain.StepDefinition{Name: "Bottom", DependsOn: []string{"Left", "Right"}},
			),
			want: []Edge{
				{From: "Top", To: "Left", Kind: DependsOn},
				{From: "Top", To: "Right", Kind: DependsOn},
				{From: "Left", To: "Bottom", Kind: DependsOn},
				{From: "Right", To: "Bottom", Kind: DependsOn},
			},
		},
		{
			name: "condition with both branches",
			def: steps(
				domain.StepDefinition{Name: "Eval", Type: "Processing"},
				domain.StepDefinition{Name: "Check", Type: "Condition", References: []string{"Eval"}, IfSteps: []string{"Register"}, ElseSteps: []string{"Fail"}},
				domain.StepDefinition{Name: "Register", Type: "RegisterModel"},
				domain.StepDefinition{Name: "Fail", Type: "Fail"},
			),
			want: []Edge{
				{From: "Eval", To: "Check", Kind: Data},
				{From: "Check", To: "Register", Kind: If, Label: "if true"},
				{From: "Check", To: "Fail", Kind: Else, Label: "else"},
			},
		},
		{
			name: "dependency and reference between the same pair are one data edge",
			def: steps(
				domain.StepDefinition{Name: "Train"},
				domain.StepDefinition{Name: "Eval", DependsOn: []string{"Train"}, References: []string{"Train"}},
			),
			want: []Edge{{From: "Train", To: "Eval", Kind: Data}},
		},
		{
			name: "branch label wins over dependency and reference",
			def: steps(
				domain.StepDefinition{Name: "Check", Type: "Condition", ElseSteps: []string{"Fail"}},
				domain.StepDefinition{Name: "Fail", DependsOn: []string{"Check"}, References: []string{"Check"}},
			),
			want: []Edge{{From: "Check", To: "Fail", Kind: Else, Label: "else"}},
		},
		{
			name: "no steps",
			def:  steps(),
			want: []Edge{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Build(tt.def)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g.Edges, tt.want) {
				t.Errorf("edges:\n got %+v\nwant %+v", g.Edges, tt.want)
			}
			if len(g.Nodes) != len(tt.def.Steps) {
				t.Errorf("%d nodes for %d steps", len(g.Nodes), len(tt.def.Steps))
			}
			for i, s := range tt.def.Steps {
				if g.Nodes[i] != (Node{Name: s.Name, Type: s.Type}) {
					t.Errorf("node %d = %+v, want step %q", i, g.Nodes[i], s.Name)
				}
			}
		})
	}
}

func TestBuildHDBPipeline(t *testing.T) {
	def, err := ParseDefinition(readHDB(t))
	if err != nil {
		t.Fatal(err)
	}
	g, err := Build(def)
	if err != nil {
		t.Fatal(err)
	}
	want := []Edge{
		{From: "PreprocessHDBData", To: "TrainHDBModel", Kind: Data},
		{From: "PreprocessHDBData", To: "EvaluateHDBModel", Kind: Data},
		{From: "TrainHDBModel", To: "EvaluateHDBModel", Kind: Data},
		{From: "TrainHDBModel", To: "RegisterHDBModel", Kind: Data},
		{From: "EvaluateHDBModel", To: "CheckRMSE", Kind: Data},
		{From: "EvaluateHDBModel", To: "RegisterHDBModel", Kind: Data},
		{From: "CheckRMSE", To: "RegisterHDBModel", Kind: If, Label: LabelIf},
		{From: "CheckRMSE", To: "FailHDBRMSE", Kind: Else, Label: LabelElse},
	}
	if !reflect.DeepEqual(g.Edges, want) {
		t.Errorf("edges:\n got %+v\nwant %+v", g.Edges, want)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name string
		def  domain.PipelineDefinition
		want string
		not  string
	}{
		{
			name: "three-step cycle",
			def: steps(
				domain.StepDefinition{Name: "A", DependsOn: []string{"C"}},
				domain.StepDefinition{Name: "B", References: []string{"A"}},
				domain.StepDefinition{Name: "C", DependsOn: []string{"B"}},
			),
			want: "A → B → C → A",
		},
		{
			name: "cycle behind a chain names only the cycle",
			def: steps(
				domain.StepDefinition{Name: "Start"},
				domain.StepDefinition{Name: "Train", DependsOn: []string{"Start", "Tune"}},
				domain.StepDefinition{Name: "Tune", References: []string{"Train"}},
				domain.StepDefinition{Name: "After", DependsOn: []string{"Tune"}},
			),
			want: "Train → Tune → Train",
			not:  "Start",
		},
		{
			name: "cycle through a condition branch",
			def: steps(
				domain.StepDefinition{Name: "Check", Type: "Condition", IfSteps: []string{"Retrain"}, References: []string{"Retrain"}},
				domain.StepDefinition{Name: "Retrain"},
			),
			want: "Check → Retrain → Check",
		},
		{
			name: "step waiting on itself",
			def:  steps(domain.StepDefinition{Name: "Loop", DependsOn: []string{"Loop"}}),
			want: "Loop → Loop",
		},
		{
			name: "unknown reference",
			def:  steps(domain.StepDefinition{Name: "Eval", References: []string{"Train"}}),
			want: `step "Eval" refers to unknown step "Train"`,
		},
		{
			name: "unknown branch",
			def:  steps(domain.StepDefinition{Name: "Check", ElseSteps: []string{"Fail"}}),
			want: `step "Check" branches to unknown step "Fail"`,
		},
		{
			name: "duplicate name",
			def:  steps(domain.StepDefinition{Name: "Train"}, domain.StepDefinition{Name: "Train"}),
			want: `step name "Train" is used twice`,
		},
		{
			name: "nameless step",
			def:  steps(domain.StepDefinition{Type: "Fail"}),
			want: `a step of type "Fail" has no name`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Build(tt.def)
			if err == nil {
				t.Fatalf("no error; graph %+v", g)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
			if tt.not != "" && strings.Contains(err.Error(), tt.not) {
				t.Errorf("error %q names %q, which is not in the cycle", err, tt.not)
			}
		})
	}
}

func TestBuildLongCycleDoesNotHang(t *testing.T) {
	var def domain.PipelineDefinition
	const n = 5000
	for i := range n {
		def.Steps = append(def.Steps, domain.StepDefinition{Name: stepName(i), DependsOn: []string{stepName((i + n - 1) % n)}})
	}
	_, err := Build(def)
	if err == nil {
		t.Fatal("a 5000-step ring built without error")
	}
	if !strings.HasSuffix(err.Error(), stepName(n-1)+" → "+stepName(0)) {
		t.Errorf("error ends %q", err.Error()[len(err.Error())-40:])
	}
}

func TestEdgeKindString(t *testing.T) {
	for k, want := range map[EdgeKind]string{DependsOn: "depends-on", Data: "data", If: "if", Else: "else", EdgeKind(9): "EdgeKind(9)"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", int(k), k.String(), want)
		}
	}
}
