package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/agdash/agdash/views/kit"
)

// argKind is what a command takes after its name.
type argKind int

const (
	argNone argKind = iota
	argProject
	argTheme
	argProfile // required; completed from Options.Profiles
	argRegion  // required; completed from Options.Regions
	argCopy    // optional: name, arn (the default) or url
)

// command is one thing ":" understands.
type command struct {
	names []string // the first is canonical
	arg   argKind
	pane  kit.PaneID // for the pane commands
	help  string
}

// commandList is every command, the pane commands from the pane registry.
func commandList() []command {
	var cs []command
	for _, s := range paneSpecs() {
		cs = append(cs, command{names: s.commands, pane: s.id, help: "show " + s.title})
	}
	return append(cs,
		command{names: []string{"project"}, arg: argProject, help: "scope every pane to a project (:project - clears)"},
		command{names: []string{"theme"}, arg: argTheme, help: "switch colour theme"},
		command{names: []string{"profile"}, arg: argProfile, help: "switch AWS profile (in the sandbox: role or user)"},
		command{names: []string{"region"}, arg: argRegion, help: "switch AWS region"},
		command{names: []string{"console"}, help: "open the selected item in the AWS console"},
		command{names: []string{"copy"}, arg: argCopy, help: "copy the selected item's name, arn or console url"},
		command{names: []string{"help"}, help: "show keys and commands"},
		command{names: []string{"quit", "q", "q!"}, help: "quit agdash"},
	)
}

// parsed is a command line understood.
type parsed struct {
	cmd command
	arg string
}

// parseCommand reads a command line (without the ":"). projects are the
// known project names, nil when not loaded yet.
func parseCommand(line string, projects, themeNames []string) (parsed, error) {
	name, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	name, arg = strings.ToLower(name), strings.TrimSpace(arg)
	if name == "" {
		return parsed{}, fmt.Errorf("empty command")
	}
	for _, c := range commandList() {
		if !slices.Contains(c.names, name) {
			continue
		}
		switch c.arg {
		case argNone:
			if arg != "" {
				return parsed{}, fmt.Errorf(":%s takes no argument (got %q)", c.names[0], arg)
			}
		case argProject:
			if arg == "-" {
				arg = ""
			}
			if arg != "" && projects != nil && !slices.Contains(projects, arg) {
				return parsed{}, fmt.Errorf("no project named %q%s", arg, didYouMean(arg, projects))
			}
		case argProfile, argRegion:
			if arg == "" || strings.ContainsAny(arg, " \t") {
				return parsed{}, fmt.Errorf(":%s needs one name (tab completes)", c.names[0])
			}
		case argCopy:
			if arg == "" {
				arg = "arn"
			}
			if !slices.Contains(copyWhats, arg) {
				return parsed{}, fmt.Errorf(":copy takes %s (got %q)", strings.Join(copyWhats, ", "), arg)
			}
		case argTheme:
			if arg == "" {
				return parsed{}, fmt.Errorf(":theme needs a name: %s", strings.Join(themeNames, ", "))
			}
			if !slices.Contains(themeNames, arg) {
				return parsed{}, fmt.Errorf("no theme named %q: try %s", arg, strings.Join(themeNames, ", "))
			}
		}
		return parsed{cmd: c, arg: arg}, nil
	}
	return parsed{}, fmt.Errorf("unknown command %q: try :projects, :jobs, :pipelines, :registry, :endpoints, :backups, :project NAME, :profile NAME, :region NAME, :theme NAME, :console, :copy, :help or :quit", ":"+name)
}

// didYouMean names up to three known values sharing the longest prefix.
func didYouMean(s string, known []string) string {
	best, bestLen := []string{}, 0
	for _, k := range known {
		n := commonPrefixLen(strings.ToLower(s), strings.ToLower(k))
		switch {
		case n > bestLen:
			best, bestLen = []string{k}, n
		case n == bestLen && n > 0:
			best = append(best, k)
		}
	}
	if bestLen == 0 {
		if len(known) == 0 {
			return ""
		}
		best = known
	}
	if len(best) > 3 {
		best = best[:3]
	}
	return " (did you mean " + strings.Join(best, ", ") + "?)"
}

func commonPrefixLen(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// copyWhats are what :copy copies.
var copyWhats = []string{"name", "arn", "url"}

// completions are the full command lines that could complete line:
// command names while the first word is typed, then the argument's
// values (project names, themes). Sorted, case-insensitive prefix match.
func completions(line string, projects, themeNames []string) []string {
	return completeWith(line, func(k argKind) []string { return fixedValues(k, projects, themeNames) })
}

// fixedValues are the argument values the shell knows by itself.
func fixedValues(k argKind, projects, themeNames []string) []string {
	switch k {
	case argProject:
		return append(slices.Clone(projects), "-")
	case argTheme:
		return themeNames
	case argCopy:
		return copyWhats
	}
	return nil
}

// completeWith completes line, taking each kind of argument's values
// from values.
func completeWith(line string, values func(argKind) []string) []string {
	line = strings.TrimLeft(line, " ")
	name, arg, hasArg := strings.Cut(line, " ")
	lname := strings.ToLower(name)
	if !hasArg {
		var out []string
		for _, c := range commandList() {
			for _, n := range c.names {
				if strings.HasPrefix(n, lname) && len(n) > 1 {
					out = append(out, n)
					break // one name per command: the first that matches
				}
			}
		}
		sort.Strings(out)
		return out
	}
	var candidates []string
	for _, c := range commandList() {
		if slices.Contains(c.names, lname) && c.arg != argNone {
			candidates = values(c.arg)
		}
	}
	arg = strings.TrimLeft(arg, " ")
	var out []string
	for _, v := range candidates {
		if strings.HasPrefix(strings.ToLower(v), strings.ToLower(arg)) {
			out = append(out, lname+" "+v)
		}
	}
	sort.Strings(out)
	return out
}

// takesArg reports whether the completed command line needs an argument
// next, so completion can add the space.
func takesArg(line string) bool {
	for _, c := range commandList() {
		if slices.Contains(c.names, strings.ToLower(strings.TrimSpace(line))) {
			return c.arg != argNone
		}
	}
	return false
}

// longestCommonPrefix of the candidates.
func longestCommonPrefix(cs []string) string {
	if len(cs) == 0 {
		return ""
	}
	p := cs[0]
	for _, c := range cs[1:] {
		p = p[:commonPrefixLen(p, c)]
	}
	return p
}
