package dialog

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
	"github.com/agdash/agdash/views/kit/kittest"
)

var (
	enter = tea.KeyMsg{Type: tea.KeyEnter}
	esc   = tea.KeyMsg{Type: tea.KeyEsc}
	yes   = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("y")}
	other = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}
)

func plain() *themes.Styles { return themes.BuildNoColorPlain() }

func TestConfirmShowsPlanVerbatim(t *testing.T) {
	req := backend.StopTrainingJob{Name: "hdb-train-\x1b[31m3"}
	c := ForAction(req, domain.Identity{Role: domain.RoleDataScientist})
	out := c.View(plain(), 80)
	for _, want := range []string{"Stop a training job?", "Target: hdb-train-3", "sagemaker:StopTrainingJob", "  TrainingJobName: hdb-train-3",
		"The job moves to Stopping, then Stopped; SageMaker saves the model", "y/enter confirm · n/esc cancel"} {
		if !strings.Contains(out, want) {
			t.Errorf("dialog lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[31m") {
		t.Fatal("AWS text reached the dialog unsanitised")
	}
}

func TestConfirmKeys(t *testing.T) {
	c := ForAction(backend.StopTrainingJob{Name: "j"}, domain.Identity{})
	if c.Update(other) != Undecided {
		t.Fatal("an unbound key decided something")
	}
	if c.Update(yes) != Confirmed {
		t.Fatal("y should confirm")
	}
	c.SetRunning()
	if c.Update(enter) != Undecided {
		t.Fatal("a second Enter while the action runs must do nothing")
	}
	if !strings.Contains(c.View(plain(), 80), "Sending…") {
		t.Fatal("a running dialog should say it is sending")
	}
	if c.Update(esc) != Dismissed {
		t.Fatal("esc while running hides the dialog")
	}
	c2 := ForAction(backend.StopTrainingJob{Name: "j"}, domain.Identity{})
	if c2.Update(esc) != Cancelled {
		t.Fatal("esc cancels")
	}
}

func TestConfirmRefusedInReadOnlyMode(t *testing.T) {
	c := ForAction(backend.StopTrainingJob{Name: "j"}, domain.Identity{Role: domain.RoleProjectAdmin, ReadOnly: true})
	if c.Refused() == "" {
		t.Fatal("read-only mode should refuse a mutating action")
	}
	out := c.View(plain(), 80)
	if !strings.Contains(out, "refused: agdash is in read-only mode") || strings.Contains(out, "y/enter confirm") {
		t.Fatalf("refused dialog:\n%s", out)
	}
	if c.Update(yes) != Cancelled {
		t.Fatal("confirming a refused action should only close it")
	}
}

func TestConfirmRefusedByRole(t *testing.T) {
	req := backend.SetApproval{ModelPackageARN: "arn:aws:sagemaker:ap-southeast-1:123456789012:model-package/hdb/3", Group: "hdb", Version: 3, Approve: true, Note: "best rmse"}
	c := ForAction(req, domain.Identity{Role: domain.RoleDataScientist})
	out := c.View(plain(), 60)
	if !strings.Contains(flatten(out), "refused: the data scientist role may not approve a model version") {
		t.Fatalf("refused dialog:\n%s", out)
	}
	// The long ARN wraps inside the box instead of being cut, and goes on
	// under where it began.
	var arnLines []string
	for _, l := range strings.Split(out, "\n") {
		inner := strings.TrimRight(strings.Trim(l, "│┌┐└┘─"), " ")
		if strings.Contains(inner, "ModelPackageArn:") || len(arnLines) == 1 {
			arnLines = append(arnLines, inner)
		}
	}
	hang := strings.Repeat(" ", 1+len("  ModelPackageArn: ")) // the box's padding, then the field's name
	if len(arnLines) != 2 || !strings.HasPrefix(arnLines[1], hang) ||
		arnLines[0]+strings.TrimPrefix(arnLines[1], hang) != "   ModelPackageArn: "+req.ModelPackageARN {
		t.Fatalf("ARN lost or not under its field: %q\n%s", arnLines, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 60 {
			t.Fatalf("line wider than 60: %q", l)
		}
	}
}

// flatten joins a box's lines into one line of words.
func flatten(box string) string {
	box = strings.NewReplacer("│", " ", "┌", " ", "┐", " ", "└", " ", "┘", " ", "─", " ").Replace(box)
	return strings.Join(strings.Fields(box), " ")
}

// The confirmation on an 80×24 screen, for requests whose values do not
// fit one line: an ARN continues under itself, not at the dialog's edge.
func TestConfirmGolden(t *testing.T) {
	const run = "arn:aws:sagemaker:ap-southeast-1:318224574112:pipeline/hdb-resale-valuation/execution/qj8v5vugukzm"
	for _, tc := range []struct {
		name string
		req  backend.ActionRequest
	}{
		{"stop_execution", backend.StopExecution{ARN: run}},
		{"retry_execution", backend.RetryExecution{ARN: run, ClientToken: "agdash-retry-7f3c2a1b9e8d4c6f0a5b3e2d1c9f8a7b"}},
		{"approve", backend.SetApproval{
			ModelPackageARN: "arn:aws:sagemaker:ap-southeast-1:318224574112:model-package/hdb-resale-valuation/14",
			Group:           "hdb-resale-valuation", Version: 14, Approve: true,
			Note: "rmse 31,000.5 beats v12 (31,800.4) on the May 2025 hold-out; mae and r2 better too, mape unchanged within noise"}},
	} {
		t.Run(tc.name+"_80x24", func(t *testing.T) {
			bg := strings.TrimSuffix(strings.Repeat(strings.Repeat(" ", 80)+"\n", 24), "\n")
			box := ForAction(tc.req, domain.Identity{Role: domain.RoleMLOpsEngineer}).View(plain(), 80-4)
			out := kittest.Overlay(bg, box, 80)
			kittest.RequireBlock(t, out, 80, 24)
			for i, l := range strings.Split(box, "\n") {
				if w := ansi.StringWidth(l); w > 76 {
					t.Errorf("box line %d is %d cells, wider than 76: %q", i, w, l)
				}
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// A value that wraps continues under where it began, broken at a hyphen
// unless that leaves a short line; an indented line that is not a field
// continues two cells further in; prose at the left.
func TestWrapLineKeepsContinuationsIndented(t *testing.T) {
	for _, tc := range []struct {
		line  string
		width int
		want  string
	}{
		{"  PipelineExecutionArn: arn:aws:sagemaker:ap-southeast-1:1:pipeline/p/execution/abcdefghijkl", 50,
			"  PipelineExecutionArn: arn:aws:sagemaker:ap-south\n                        east-1:1:pipeline/p/execut\n                        ion/abcdefghijkl"},
		{"Target: arn:aws:sagemaker:ap-southeast-1:1:model-package/g/3", 40,
			"Target: arn:aws:sagemaker:ap-southeast-\n        1:1:model-package/g/3"},
		{"    NumTrees = 800 (default 500, the value of the last good run)", 40,
			"    NumTrees = 800 (default 500, the\n      value of the last good run)"},
		{"Items are restored into a new directory at the file system root.", 40,
			"Items are restored into a new directory\nat the file system root."},
		// A name too long to hang the value under: two cells in instead.
		{"  ParameterNameThatIsVeryLong: value one two three four", 40,
			"  ParameterNameThatIsVeryLong: value\n    one two three four"},
		{"  Short: fits", 40, "  Short: fits"},
	} {
		got := wrapLine(tc.line, tc.width)
		if got != tc.want {
			t.Errorf("wrapLine(%q, %d) =\n%s\nwant\n%s", tc.line, tc.width, got, tc.want)
		}
		for _, l := range strings.Split(got, "\n") {
			if ansi.StringWidth(l) > tc.width {
				t.Errorf("line %q is wider than %d", l, tc.width)
			}
		}
	}
}
