package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
)

// KeyProblem is a key binding from the config file that cannot work.
type KeyProblem struct {
	// Binding is the name the config file rebinds.
	Binding string
	Text    string
}

func (p KeyProblem) Error() string { return p.Binding + ": " + p.Text }

// CheckKeyOverrides finds the config file's key bindings that cannot
// work: keys agdash cannot read, names no binding has, two bindings of one
// screen on the same key, and a pane's key taken by a global one (global
// keys are looked at first). Only clashes that involve an overridden
// binding are reported: the built-in maps are tested to have none.
func CheckKeyOverrides(overrides map[string][]string) ([]KeyProblem, error) {
	if len(overrides) == 0 {
		return nil, nil
	}
	scopes, err := KeyCatalog(overrides)
	if err != nil {
		return nil, err
	}
	var problems []KeyProblem
	names := sortedNames(overrides)
	for _, name := range names {
		for _, k := range overrides[name] {
			if why := badKey(k); why != "" {
				problems = append(problems, KeyProblem{name, why})
			}
		}
		if len(overrides[name]) == 0 {
			problems = append(problems, KeyProblem{name, "no keys given"})
		}
	}
	problems = append(problems, unknownNames(names, scopes)...)
	problems = append(problems, keyClashes(scopes, overrides)...)
	return problems, nil
}

// badKey says why k is not a key as Bubble Tea spells them ("" if it is).
func badKey(k string) string {
	base := strings.TrimPrefix(k, "alt+")
	switch {
	case k == "":
		return "an empty key"
	case utf8.RuneCountInString(base) == 1:
		r, _ := utf8.DecodeRuneInString(base)
		if unicode.IsPrint(r) {
			return ""
		}
	case teaKeyNames()[base]:
		return ""
	}
	return fmt.Sprintf("%q is not a key agdash can read (keys are spelled like j, G, enter, ctrl+r, alt+1, f5, pgdown, shift+tab)", k)
}

// teaKeyNames are the names Bubble Tea gives keys that are not runes.
func teaKeyNames() map[string]bool {
	names := map[string]bool{}
	for t := tea.KeyType(-128); t < 128; t++ {
		if t == tea.KeyRunes {
			continue
		}
		if s := (tea.Key{Type: t}).String(); s != "" {
			names[s] = true
		}
	}
	return names
}

// unknownNames are overrides no binding answers to. Names of a pane that
// cannot list all its key maps are given the benefit of the doubt.
func unknownNames(names []string, scopes []KeyScope) []KeyProblem {
	known := map[string]bool{}
	checkable := map[string]bool{"global": true, "prompt": true, "help": true}
	complete := true
	for _, sc := range scopes {
		for _, b := range sc.Bindings {
			known[b.Name] = true
		}
		if sc.pane != "" {
			checkable[string(sc.pane)] = sc.Complete
			complete = complete && sc.Complete
		}
	}
	all := make([]string, 0, len(known))
	for n := range known {
		all = append(all, n)
	}
	sort.Strings(all)
	var out []KeyProblem
	for _, name := range names {
		prefix, _, _ := strings.Cut(name, ".")
		if known[name] || !(complete || checkable[prefix]) {
			continue
		}
		out = append(out, KeyProblem{name, "no key binding has this name" + didYouMean(name, all)})
	}
	return out
}

// keyClashes finds two bindings on one key in a scope, and pane bindings
// behind a global key, where an override is involved.
func keyClashes(scopes []KeyScope, overrides map[string][]string) []KeyProblem {
	overridden := func(name string) bool { _, ok := overrides[name]; return ok }
	global := map[string]string{} // key → binding name
	for _, sc := range scopes {
		if sc.global {
			for _, b := range sc.Bindings {
				for _, k := range b.Keys {
					if _, taken := global[k]; !taken {
						global[k] = b.Name
					}
				}
			}
		}
	}
	// A clash in a widget every pane shares (the table's keys) is one
	// problem, not one per screen.
	type clash struct {
		binding, text, where string
		more                 int
	}
	var order []string
	found := map[string]*clash{}
	report := func(a, b, key, text, where string) {
		name := a
		if !overridden(a) {
			name = b
		}
		id := name + "\x00" + key + "\x00" + text
		if c, ok := found[id]; ok {
			c.more++
			return
		}
		order = append(order, id)
		found[id] = &clash{binding: name, text: text, where: where}
	}
	for _, sc := range scopes {
		owner := map[string]string{}
		where := sc.Area + ", " + sc.Name
		for _, b := range sc.Bindings {
			for _, k := range b.Keys {
				prev, clash := owner[k]
				switch {
				case clash && prev != b.Name && (overridden(prev) || overridden(b.Name)):
					report(b.Name, prev, k, fmt.Sprintf("key %q is bound to both %s and %s", k, prev, b.Name), where)
				case !clash:
					owner[k] = b.Name
				}
				// esc reaches the pane through global.back when there is
				// no filter to clear, so it is not taken.
				if g, taken := global[k]; taken && !sc.global && sc.Area != "Shell" && g != "global.back" && (overridden(g) || overridden(b.Name)) {
					report(b.Name, g, k, fmt.Sprintf("key %q of %s is taken by %s, which is looked at first", k, b.Name, g), where)
				}
			}
		}
	}
	out := make([]KeyProblem, 0, len(order))
	for _, id := range order {
		c := found[id]
		where := c.where
		switch c.more {
		case 0:
		case 1:
			where += ", and 1 other screen"
		default:
			where += fmt.Sprintf(", and %d other screens", c.more)
		}
		out = append(out, KeyProblem{c.binding, c.text + " (" + where + ")"})
	}
	return out
}

func sortedNames(m map[string][]string) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
