package ui

import (
	"flag"
	"os"
	"strings"
	"testing"
)

const keysDocPath = "../docs/KEYS.md"

// TestKeysDoc fails when docs/KEYS.md no longer matches the key maps.
// Regenerate it with: go test ./ui -run TestKeysDoc -update
func TestKeysDoc(t *testing.T) {
	want, err := KeysMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(keysDocPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(keysDocPath)
	if err != nil {
		t.Fatalf("%v (generate it with: go test ./ui -run TestKeysDoc -update)", err)
	}
	if string(got) != want {
		t.Fatalf("docs/KEYS.md is out of date with the key maps; regenerate it with: go test ./ui -run TestKeysDoc -update")
	}
}

func TestKeysDocNamesEveryBinding(t *testing.T) {
	doc, err := KeysMarkdown()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| `?` | `global.help` | help |",
		"| `W` | `global.console` | open in the AWS console |",
		"| `s` | `projects.scope` | scope all panes to it |",
		"| `ctrl+c` | `global.forcequit` | quit from anywhere |",
		"| `pgdown` `ctrl+f` `space` | `table.pagedown` |",
		"## Projects\n\n### projects list",
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("the keys doc lacks %q", want)
		}
	}
}
