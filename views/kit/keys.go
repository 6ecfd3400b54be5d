package kit

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/agdash/agdash/backend/domain"
)

// Binding is one key a pane or the shell answers to, declared beside its
// handler. Help and read-only mode are both derived from these, so they
// cannot drift from what the keys do.
type Binding struct {
	// Name is stable ("projects.open"); a config file rebinds keys by it.
	Name string
	// Keys as tea.KeyMsg.String() spells them: "enter", "j", "ctrl+r".
	Keys []string
	// Help says what the key does, in a few words.
	Help string
	// Section groups the binding in the help overlay.
	Section string
	// Mutates is true when the key leads to a change in AWS.
	Mutates bool
	// Action is the AWS action the key leads to, if any; Restrict asks
	// Identity.MayPerform about it.
	Action domain.Action
	// Hidden bindings work but are left out of help (aliases, mouse-only).
	Hidden bool
	// Run handles the key. It runs inside Update: it must not wait.
	Run func(tea.KeyMsg) tea.Cmd

	disabled string
}

// Disabled is why the binding is off, "" when it is on.
func (b Binding) Disabled() string { return b.disabled }

// Label is the keys as help shows them: "j/down".
func (b Binding) Label() string {
	out := make([]string, len(b.Keys))
	for i, k := range b.Keys {
		if k == " " {
			k = "space"
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

// KeyMap is an ordered set of bindings; the first whose keys match wins.
type KeyMap struct {
	bindings []*Binding
}

// NewKeyMap builds a key map from bindings, in help order.
func NewKeyMap(bs ...Binding) *KeyMap {
	m := &KeyMap{}
	m.Add(bs...)
	return m
}

// Add appends bindings.
func (m *KeyMap) Add(bs ...Binding) {
	for i := range bs {
		b := bs[i]
		m.bindings = append(m.bindings, &b)
	}
}

// Merge appends another map's bindings (a table's keys into its pane's).
// The bindings are shared, so rebinding either rebinds both.
func (m *KeyMap) Merge(o *KeyMap) {
	if o != nil {
		m.bindings = append(m.bindings, o.bindings...)
	}
}

// Handle runs the binding that msg selects. A disabled binding answers
// with a notification saying why instead of silently ignoring the key.
func (m *KeyMap) Handle(msg tea.KeyMsg) (tea.Cmd, bool) {
	b := m.match(msg.String())
	if b == nil {
		return nil, false
	}
	if b.disabled != "" {
		return Notify(LevelWarn, "Refused: "+b.Help+" — "+b.disabled+"."), true
	}
	if b.Run == nil {
		return nil, true
	}
	return b.Run(msg), true
}

// Has reports whether some binding (enabled or not) answers to key.
func (m *KeyMap) Has(key string) bool { return m.match(key) != nil }

func (m *KeyMap) match(key string) *Binding {
	for _, b := range m.bindings {
		if slices.Contains(b.Keys, key) {
			return b
		}
	}
	return nil
}

// Bindings returns copies of the bindings, in order, for help.
func (m *KeyMap) Bindings() []Binding {
	out := make([]Binding, 0, len(m.bindings))
	for _, b := range m.bindings {
		out = append(out, *b)
	}
	return out
}

// Restrict turns off every binding the identity may not use: mutating keys
// in read-only mode, and keys whose action the AG role may not perform,
// each with the reason. It is the one place read-only mode touches keys.
func (m *KeyMap) Restrict(id domain.Identity) {
	for _, b := range m.bindings {
		b.disabled = ""
		switch {
		case b.Action != "":
			if ok, why := id.MayPerform(b.Action); !ok {
				b.disabled = why
			}
		case b.Mutates && id.ReadOnly:
			b.disabled = "agdash is in read-only mode"
		}
	}
}

// Rebind gives the named binding new keys.
func (m *KeyMap) Rebind(name string, keys ...string) error {
	if len(keys) == 0 {
		return fmt.Errorf("key binding %q: no keys given", name)
	}
	for _, b := range m.bindings {
		if b.Name == name {
			b.Keys = slices.Clone(keys)
			return nil
		}
	}
	return fmt.Errorf("no key binding named %q", name)
}

// Apply rebinds by name from a config's overrides, ignoring names this map
// does not have (they belong to other panes).
func (m *KeyMap) Apply(overrides map[string][]string) {
	for _, b := range m.bindings {
		if keys, ok := overrides[b.Name]; ok && len(keys) > 0 {
			b.Keys = slices.Clone(keys)
		}
	}
}
