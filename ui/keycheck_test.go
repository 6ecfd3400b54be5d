package ui

import (
	"strings"
	"testing"
)

// The built-in key maps must have no clashes of their own: the config
// check reports only those an override makes.
func TestBuiltinKeyMapsHaveNoClashes(t *testing.T) {
	scopes, err := KeyCatalog(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range scopes {
		owner := map[string]string{}
		for _, b := range sc.Bindings {
			for _, k := range b.Keys {
				if prev, ok := owner[k]; ok && prev != b.Name {
					t.Errorf("%s, %s: key %q is bound to both %s and %s", sc.Area, sc.Name, k, prev, b.Name)
				}
				owner[k] = b.Name
			}
		}
	}
}

func TestKeyCatalogListsEveryArea(t *testing.T) {
	scopes, err := KeyCatalog(map[string][]string{"table.down": {"n"}})
	if err != nil {
		t.Fatal(err)
	}
	var areas []string
	for _, sc := range scopes {
		if len(areas) == 0 || areas[len(areas)-1] != sc.Area {
			areas = append(areas, sc.Area)
		}
	}
	if got := strings.Join(areas, ","); got != "Shell,Projects,Training jobs,Pipelines,Registry,Endpoints,Backups" {
		t.Fatalf("areas %s", got)
	}
	// Projects lists all three of its screens, with the override applied.
	var projects []string
	for _, sc := range scopes {
		if sc.Area == "Projects" {
			projects = append(projects, sc.Name)
			if !sc.Complete {
				t.Errorf("Projects scope %s is not complete", sc.Name)
			}
			for _, b := range sc.Bindings {
				if b.Name == "table.down" && strings.Join(b.Keys, ",") != "n" {
					t.Errorf("override not applied in %s: %v", sc.Name, b.Keys)
				}
			}
		}
	}
	if got := strings.Join(projects, ","); got != "projects list,domains list,detail" {
		t.Fatalf("Projects scopes %s", got)
	}
}

func TestCheckKeyOverrides(t *testing.T) {
	cases := []struct {
		name      string
		overrides map[string][]string
		want      []string // "binding: text", in order; a trailing * matches any rest
	}{
		{"a clean rebind", map[string][]string{"table.down": {"n"}, "global.refresh": {"ctrl+l"}, "projects.scope": {"S"}}, nil},
		{"swapping two keys in one go", map[string][]string{"projects.scope": {"d"}, "projects.domains": {"s"}}, nil},
		{"two bindings of one screen on one key",
			map[string][]string{"projects.scope": {"d"}},
			[]string{`projects.scope: key "d" is bound to both projects.scope and projects.domains (Projects, projects list, and 1 other screen)`}},
		{"a pane key behind a global key",
			map[string][]string{"projects.domains": {"?"}},
			[]string{`projects.domains: key "?" of projects.domains is taken by global.help, which is looked at first (Projects, projects list, and 1 other screen)`}},
		{"a global key moved onto a pane's",
			map[string][]string{"global.refresh": {"s"}},
			[]string{`global.refresh: key "s" of projects.scope is taken by global.refresh, which is looked at first (Projects, projects list, and 2 other screens)`}},
		{"a table key everywhere: one problem",
			map[string][]string{"table.down": {"pgdown"}},
			[]string{`table.down: key "pgdown" is bound to both table.down and table.pagedown (Projects, projects list, and *`}},
		{"an unknown name with a suggestion",
			map[string][]string{"projects.scop": {"x"}},
			[]string{"projects.scop: no key binding has this name (did you mean projects.scope?)"}},
		{"an unknown global name",
			map[string][]string{"global.hlep": {"h"}},
			[]string{"global.hlep: no key binding has this name (did you mean global.help?)"}},
		{"keys that are not keys",
			map[string][]string{"table.down": {"ctlr+n", ""}, "table.up": {}},
			[]string{`table.down: "ctlr+n" is not a key agdash can read (keys are spelled like j, G, enter, ctrl+r, alt+1, f5, pgdown, shift+tab)`,
				"table.down: an empty key", "table.up: no keys given"}},
		{"named keys and alt are fine", map[string][]string{"table.down": {"ctrl+n", "alt+j", "f5", "down"}, "projects.scope": {"alt+s"}}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			problems, err := CheckKeyOverrides(c.overrides)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range problems {
				got = append(got, p.Error())
			}
			match := len(got) == len(c.want)
			for i := 0; match && i < len(got); i++ {
				if w, ok := strings.CutSuffix(c.want[i], "*"); ok {
					match = strings.HasPrefix(got[i], w)
				} else {
					match = got[i] == c.want[i]
				}
			}
			if !match {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}
