package ui

import (
	"fmt"
	"strings"
)

// KeysMarkdown is docs/KEYS.md: every key scope's bindings as tables,
// written from the same key maps the shell and panes run on, so the page
// cannot drift from the keys. A test fails when the file is out of date.
func KeysMarkdown() (string, error) {
	scopes, err := KeyCatalog(nil)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(`# Keys

<!-- Generated from the key maps by ui.KeysMarkdown; do not edit by hand.
     Regenerate: go test ./ui -run TestKeysDoc -update -->

Every key agdash answers to, by where it applies. The shell's global keys
are looked at before a pane's (so a pane cannot use them), except while a
form is taking typed text; ctrl+c quits from anywhere. In help (?) the
same keys are shown for the screen you are on, and keys your role may not
use are marked.

Rebind any key by its binding name in the config file's ` + "`keys:`" + ` section
(see [CONFIG.md](CONFIG.md)):

` + "```yaml" + `
keys:
  table.down: [j, down, ctrl+n]
  global.console: [ctrl+g]
` + "```" + `

` + "`agdash config check`" + ` reports names no binding has, keys agdash cannot read,
two bindings of one screen on one key, and pane keys hidden behind a
global key. Keys are spelled as Bubble Tea spells them: ` + "`j`, `G`, `enter`,\n`esc`, `ctrl+r`, `alt+1`, `shift+tab`, `pgdown`, `f5`, `space`." + `
`)
	area := ""
	for _, sc := range scopes {
		if sc.Area != area {
			area = sc.Area
			fmt.Fprintf(&b, "\n## %s\n", area)
		}
		fmt.Fprintf(&b, "\n### %s\n\n", sc.Name)
		if !sc.Complete {
			b.WriteString("Only this pane's first screen is listed: it does not list its other screens' keys yet (kit.KeyScoper).\n\n")
		}
		b.WriteString("| keys | binding | what it does |\n| --- | --- | --- |\n")
		for _, bd := range sc.Bindings {
			keys := make([]string, len(bd.Keys))
			for i, k := range bd.Keys {
				if k == " " {
					k = "space"
				}
				keys[i] = "`" + strings.ReplaceAll(k, "|", `\|`) + "`"
			}
			help := strings.ReplaceAll(bd.Help, "|", `\|`)
			if help == "" {
				help = "—"
			}
			if bd.Mutates || bd.Action != "" && bd.Action.Mutates() {
				help += " (changes AWS)"
			}
			if bd.Hidden {
				help += " (not shown in help)"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s |\n", strings.Join(keys, " "), bd.Name, help)
		}
	}
	b.WriteString("\n## Commands\n\nTyped after `:`; tab completes names and arguments.\n\n| command | what it does |\n| --- | --- |\n")
	for _, c := range commandList() {
		names := make([]string, len(c.names))
		for i, n := range c.names {
			names[i] = "`:" + strings.ReplaceAll(n+argHint(c.arg), "|", `\|`) + "`"
		}
		fmt.Fprintf(&b, "| %s | %s |\n", strings.Join(names, " "), c.help)
	}
	return b.String(), nil
}

// argHint is how a command's argument is written in the docs.
func argHint(k argKind) string {
	switch k {
	case argProject:
		return " NAME|-"
	case argTheme, argProfile, argRegion:
		return " NAME"
	case argCopy:
		return " [name|arn|url]"
	}
	return ""
}
