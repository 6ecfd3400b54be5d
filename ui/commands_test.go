package ui

import (
	"strings"
	"testing"

	"github.com/agdash/agdash/views/kit"
)

var (
	testProjects = []string{"hdb-rental-forecast", "hdb-resale-valuation", "lta-bus-eta"}
	testThemes   = []string{"colorblind", "dark", "high-contrast", "light"}
)

func TestParseCommand(t *testing.T) {
	cases := []struct {
		line      string
		canonical string
		pane      kit.PaneID
		arg       string
	}{
		{"projects", "projects", kit.PaneProjects, ""},
		{"  JOBS ", "jobs", kit.PaneJobs, ""},
		{"training", "jobs", kit.PaneJobs, ""},
		{"pipelines", "pipelines", kit.PanePipelines, ""},
		{"registry", "registry", kit.PaneRegistry, ""},
		{"endpoints", "endpoints", kit.PaneEndpoints, ""},
		{"backups", "backups", kit.PaneBackups, ""},
		{"project hdb-resale-valuation", "project", "", "hdb-resale-valuation"},
		{"project", "project", "", ""},
		{"project -", "project", "", ""},
		{"theme light", "theme", "", "light"},
		{"q", "quit", "", ""},
		{"quit", "quit", "", ""},
		{"help", "help", "", ""},
	}
	for _, c := range cases {
		p, err := parseCommand(c.line, testProjects, testThemes)
		if err != nil {
			t.Errorf("parseCommand(%q): %v", c.line, err)
			continue
		}
		if p.cmd.names[0] != c.canonical || p.cmd.pane != c.pane || p.arg != c.arg {
			t.Errorf("parseCommand(%q) = %s pane=%q arg=%q", c.line, p.cmd.names[0], p.cmd.pane, p.arg)
		}
	}
}

func TestParseCommandErrors(t *testing.T) {
	cases := map[string]string{
		"fly":               `unknown command ":fly": try :projects, :jobs`,
		"jobs now":          `:jobs takes no argument (got "now")`,
		"project hdb-resal": `no project named "hdb-resal" (did you mean hdb-resale-valuation?)`,
		"project zzz":       `no project named "zzz" (did you mean hdb-rental-forecast, hdb-resale-valuation, lta-bus-eta?)`,
		"theme":             ":theme needs a name: colorblind, dark, high-contrast, light",
		"theme solarized":   `no theme named "solarized"`,
		"":                  "empty command",
	}
	for line, want := range cases {
		_, err := parseCommand(line, testProjects, testThemes)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseCommand(%q) error = %v, want it to contain %q", line, err, want)
		}
	}
	// Before the projects feed has answered, any name is accepted.
	if p, err := parseCommand("project anything", nil, testThemes); err != nil || p.arg != "anything" {
		t.Errorf("with no project list: %v %v", p, err)
	}
}

func TestCompletions(t *testing.T) {
	cases := map[string]string{
		"":                "backups,console,copy,endpoints,help,jobs,pipelines,profile,project,projects,quit,region,registry,theme",
		"pro":             "profile,project,projects",
		"PROJ":            "project,projects",
		"copy ":           "copy arn,copy name,copy url",
		"profile ":        "", // the shell knows no profiles of its own: Options.Profiles supplies them
		"j":               "jobs",
		"pi":              "pipelines",
		"zz":              "",
		"project ":        "project -,project hdb-rental-forecast,project hdb-resale-valuation,project lta-bus-eta",
		"project hdb-":    "project hdb-rental-forecast,project hdb-resale-valuation",
		"project HDB-RES": "project hdb-resale-valuation",
		"theme h":         "theme high-contrast",
		"jobs ":           "",
	}
	for line, want := range cases {
		if got := strings.Join(completions(line, testProjects, testThemes), ","); got != want {
			t.Errorf("completions(%q) = %q, want %q", line, got, want)
		}
	}
	if longestCommonPrefix([]string{"project hdb-rental-forecast", "project hdb-resale-valuation"}) != "project hdb-re" {
		t.Error("longestCommonPrefix")
	}
	if !takesArg("project") || !takesArg("theme") || takesArg("jobs") {
		t.Error("takesArg")
	}
}
