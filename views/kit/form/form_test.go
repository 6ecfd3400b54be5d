package form

import (
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/themes"
)

func key(s string) tea.KeyMsg {
	switch s {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func typeText(f *Form, s string) Outcome {
	var out Outcome
	for _, r := range s {
		out, _ = f.Update(key(string(r)))
	}
	return out
}

func integer(s string) string {
	if _, err := strconv.Atoi(s); err != nil {
		return "must be a whole number"
	}
	return ""
}

func newParamsForm() *Form {
	return New("Start hdb-resale-valuation",
		Field{Name: "NumTrees", Label: "NumTrees", Hint: "Integer, default 500", Value: "500", Validate: integer},
		Field{Name: "Note", Label: "Description", Hint: "free text"},
	)
}

func TestFormSubmitsTypedValues(t *testing.T) {
	f := newParamsForm()
	for range 3 {
		f.Update(key("backspace"))
	}
	typeText(f, "800")
	if out, _ := f.Update(key("enter")); out != Editing {
		t.Fatalf("enter on the first of two fields = %v, want it to move on", out)
	}
	if f.Focused() != "Note" {
		t.Fatalf("focus after enter = %q, want Note", f.Focused())
	}
	typeText(f, " more trees ")
	out, _ := f.Update(key("enter"))
	if out != Submitted {
		t.Fatalf("enter on the last field = %v, want Submitted", out)
	}
	want := map[string]string{"NumTrees": "800", "Note": "more trees"}
	for k, v := range want {
		if got := f.Values()[k]; got != v {
			t.Errorf("Values()[%q] = %q, want %q", k, got, v)
		}
	}
}

func TestFormRefusesToSubmitAnInvalidField(t *testing.T) {
	f := newParamsForm()
	typeText(f, "x") // "500x"
	if out, _ := f.Update(key("ctrl+s")); out != Editing {
		t.Fatalf("submit with a bad integer = %v, want Editing", out)
	}
	if f.Focused() != "NumTrees" || f.Valid() {
		t.Fatalf("after a refused submit the bad field should have the focus (got %q) and the form be invalid", f.Focused())
	}
	view := f.View(themes.BuildNoColorPlain(), 60)
	if !strings.Contains(view, "✗ must be a whole number") {
		t.Fatalf("the error is not shown:\n%s", view)
	}
	f.Update(key("backspace"))
	if out, _ := f.Update(key("ctrl+s")); out != Submitted {
		t.Fatalf("submit after fixing = %v, want Submitted", out)
	}
}

func TestFormExternalErrorsShowAndBlock(t *testing.T) {
	f := newParamsForm()
	f.SetErrors(map[string]string{"Note": "descriptions may not mention secrets"})
	if f.Valid() {
		t.Fatal("a form with an external error reports valid")
	}
	if v := f.View(themes.BuildNoColorPlain(), 80); !strings.Contains(v, "descriptions may not mention secrets") {
		t.Fatalf("external error not shown:\n%s", v)
	}
}

func TestFormCancel(t *testing.T) {
	f := newParamsForm()
	if out, _ := f.Update(key("esc")); out != Cancelled {
		t.Fatalf("esc = %v, want Cancelled", out)
	}
}

func TestFormTabCyclesBothWays(t *testing.T) {
	f := newParamsForm()
	f.Update(key("shift+tab"))
	if f.Focused() != "Note" {
		t.Fatalf("shift+tab from the first field = %q, want the last (Note)", f.Focused())
	}
	f.Update(key("tab"))
	if f.Focused() != "NumTrees" {
		t.Fatalf("tab from the last field = %q, want the first", f.Focused())
	}
}

func TestFormViewSanitisesHostileLabels(t *testing.T) {
	f := New("t", Field{Name: "a", Label: "evil\x1b]52;c;aGk=\x07label", Hint: "hint\x1b[31mred"})
	v := f.View(themes.BuildNoColorPlain(), 60)
	if strings.ContainsRune(v, '\x1b') || strings.ContainsRune(v, '\x07') {
		t.Fatalf("escape or bell reached the view: %q", v)
	}
}
