package dialog

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/themes"
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
	// The long ARN wraps inside the box instead of being cut.
	if !strings.Contains(strings.ReplaceAll(out, "\n", ""), "123456789012") {
		t.Fatalf("ARN lost:\n%s", out)
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
