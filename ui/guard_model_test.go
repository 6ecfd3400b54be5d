package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// Bubble Tea draws whatever model Update returns, even the Update that
// ended in a panic: the guard must hand itself back, or the nil model
// panics again outside the guard and Bubble Tea prints its own stack
// over the user's terminal.
func TestGuardReturnsItselfFromAPanickingUpdate(t *testing.T) {
	for _, where := range []string{"Update", "View"} {
		t.Run(where, func(t *testing.T) {
			stub := &stubPane{panicIn: where}
			h := newHarness(t, 80, 24, withStub(stub))
			g := &guard{inner: h.m, describe: h.m.describeForCrash}
			g.Init()
			model, _ := g.Update(keyMsg("2"))
			if where == "Update" {
				model, _ = g.Update(keyMsg("x"))
			}
			if g.crash == nil {
				t.Fatal("the panic was not caught")
			}
			if model != tea.Model(g) {
				t.Fatalf("Update returned %#v after the panic, want the guard", model)
			}
			if model.View() != "" {
				t.Fatal("a crashed program should draw nothing")
			}
		})
	}
}
