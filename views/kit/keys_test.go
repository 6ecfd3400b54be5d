package kit

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
)

func keyMsg(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func testMap(ran *[]string) *KeyMap {
	run := func(name string) func(tea.KeyMsg) tea.Cmd {
		return func(tea.KeyMsg) tea.Cmd { *ran = append(*ran, name); return nil }
	}
	return NewKeyMap(
		Binding{Name: "t.open", Keys: []string{"enter", "o"}, Help: "open", Run: run("open")},
		Binding{Name: "t.stop", Keys: []string{"x"}, Help: "stop job", Mutates: true, Action: domain.ActionStopTrainingJob, Run: run("stop")},
		Binding{Name: "t.tag", Keys: []string{"T"}, Help: "tag", Mutates: true, Run: run("tag")},
		Binding{Name: "t.approve", Keys: []string{"a"}, Help: "approve", Mutates: true, Action: domain.ActionApproveModel, Run: run("approve")},
	)
}

func TestKeyMapDispatchesByKeys(t *testing.T) {
	var ran []string
	m := testMap(&ran)
	for _, k := range []string{"enter", "o", "x", "z"} {
		m.Handle(keyMsg(k))
	}
	if strings.Join(ran, ",") != "open,open,stop" {
		t.Fatalf("ran %v", ran)
	}
	if _, ok := m.Handle(keyMsg("z")); ok {
		t.Fatal("an unbound key was reported handled")
	}
}

func TestRestrictReadOnlyDisablesMutatingKeysWithReason(t *testing.T) {
	var ran []string
	m := testMap(&ran)
	m.Restrict(domain.Identity{Role: domain.RoleProjectAdmin, ReadOnly: true})
	cmd, ok := m.Handle(keyMsg("x"))
	if !ok || cmd == nil {
		t.Fatal("a disabled key should be handled with a notification")
	}
	n, isNotify := cmd().(NotifyMsg)
	if !isNotify || n.Level != LevelWarn || !strings.Contains(n.Text, "read-only mode") || !strings.Contains(n.Text, "stop job") {
		t.Fatalf("notification = %#v", cmd())
	}
	m.Handle(keyMsg("T"))
	m.Handle(keyMsg("enter"))
	if strings.Join(ran, ",") != "open" {
		t.Fatalf("ran %v: mutating keys ran in read-only mode", ran)
	}
	for _, b := range m.Bindings() {
		if (b.Disabled() != "") != b.Mutates {
			t.Errorf("%s: disabled=%q mutates=%v", b.Name, b.Disabled(), b.Mutates)
		}
	}
}

func TestRestrictByRole(t *testing.T) {
	var ran []string
	m := testMap(&ran)
	m.Restrict(domain.Identity{Role: domain.RoleDataScientist})
	byName := map[string]Binding{}
	for _, b := range m.Bindings() {
		byName[b.Name] = b
	}
	if byName["t.stop"].Disabled() != "" {
		t.Error("a data scientist may stop a training job")
	}
	if why := byName["t.approve"].Disabled(); !strings.Contains(why, "data scientist role may not approve a model version") {
		t.Errorf("approve disabled reason = %q", why)
	}
	// Restrict again with a wider identity re-enables.
	m.Restrict(domain.Identity{Role: domain.RoleMLOpsEngineer})
	m.Handle(keyMsg("a"))
	if strings.Join(ran, ",") != "approve" {
		t.Fatalf("ran %v", ran)
	}
}

func TestRebind(t *testing.T) {
	var ran []string
	m := testMap(&ran)
	if err := m.Rebind("t.open", "l"); err != nil {
		t.Fatal(err)
	}
	m.Handle(keyMsg("enter"))
	m.Handle(keyMsg("l"))
	if strings.Join(ran, ",") != "open" {
		t.Fatalf("ran %v", ran)
	}
	if err := m.Rebind("t.nope", "q"); err == nil || !strings.Contains(err.Error(), `"t.nope"`) {
		t.Fatalf("err = %v", err)
	}
	m.Apply(map[string][]string{"t.stop": {"S"}, "other.pane": {"q"}})
	m.Handle(keyMsg("S"))
	if strings.Join(ran, ",") != "open,stop" {
		t.Fatalf("ran %v", ran)
	}
	if got := (Binding{Keys: []string{"j", "down", " "}}).Label(); got != "j/down/space" {
		t.Fatalf("Label = %q", got)
	}
}

func TestSeqs(t *testing.T) {
	var s Seqs
	if s.Current("x", 0) {
		t.Fatal("zero is never current")
	}
	a := s.Next("x")
	b := s.Next("x")
	if s.Current("x", a) || !s.Current("x", b) {
		t.Fatal("only the latest request is current")
	}
	if c := s.Next("y"); !s.Current("y", c) || !s.Current("x", b) {
		t.Fatal("tags are independent")
	}
}
