package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/agdash/agdash/cmd/config"
)

func configHome(t *testing.T) (func(string) string, string) {
	t.Helper()
	home := t.TempDir()
	xdg := filepath.Join(home, "xdg")
	return func(k string) string {
		switch k {
		case "HOME":
			return home
		case "XDG_CONFIG_HOME":
			return xdg
		}
		return ""
	}, filepath.Join(xdg, "agdash", "config.yaml")
}

func TestConfigInitPathAndCheck(t *testing.T) {
	getenv, want := configHome(t)
	out, _, code := runAgdash(t, getenv, "config", "path")
	if code != ExitOK || strings.TrimSpace(out) != want {
		t.Fatalf("config path = %q (exit %d), want %s", out, code, want)
	}
	out, _, code = runAgdash(t, getenv, "config", "check")
	if code != ExitOK || !strings.Contains(out, "no config file; agdash runs on its defaults") {
		t.Fatalf("check without a file: exit %d, %q", code, out)
	}

	out, errOut, code := runAgdash(t, getenv, "config", "init")
	if code != ExitOK || strings.TrimSpace(out) != want {
		t.Fatalf("config init: exit %d, %q %q", code, out, errOut)
	}
	data, err := os.ReadFile(want)
	if err != nil || string(data) != string(config.DefaultFile()) {
		t.Fatalf("config init wrote %q, %v", data, err)
	}
	_, errOut, code = runAgdash(t, getenv, "config", "init")
	if code != ExitUsage || !strings.Contains(errOut, "already exists; keep it, or overwrite it with --force") {
		t.Fatalf("a second init must refuse: exit %d, %q", code, errOut)
	}
	mustWrite(t, want, "theme: light\n")
	if _, _, code = runAgdash(t, getenv, "config", "init", "--force"); code != ExitOK {
		t.Fatalf("init --force: exit %d", code)
	}
	if data, _ := os.ReadFile(want); string(data) != string(config.DefaultFile()) {
		t.Fatal("init --force did not overwrite")
	}
	out, _, code = runAgdash(t, getenv, "config", "check")
	if code != ExitOK || strings.TrimSpace(out) != want+": ok" {
		t.Fatalf("check of the default file: exit %d, %q", code, out)
	}
}

func TestConfigCheckReportsEveryProblemWithItsLine(t *testing.T) {
	getenv, _ := configHome(t)
	path := filepath.Join(t.TempDir(), "agdash.yaml")
	mustWrite(t, path, "theme: dark\nintervals:\n  logs: 2 seconds\ncolour: red\n")
	out, errOut, code := runAgdash(t, getenv, "--config", path, "config", "check")
	if code != ExitError || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{
		`agdash.yaml:3: intervals.logs: "2 seconds" is not a duration`,
		`agdash.yaml:4: colour: unknown key "colour"`,
		"has 2 problem(s); agdash would run on its defaults",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if p, _, _ := runAgdash(t, getenv, "--config", path, "config", "path"); strings.TrimSpace(p) != path {
		t.Errorf("--config should be the path in use, got %q", p)
	}
}

func TestConfigCheckFindsKeyBindingConflicts(t *testing.T) {
	getenv, _ := configHome(t)
	path := filepath.Join(t.TempDir(), "keys.yaml")
	mustWrite(t, path, "keys:\n  table.down: [n]\n  projects.scope: d\n  projects.scop: x\n")
	_, errOut, code := runAgdash(t, getenv, "--config", path, "config", "check")
	if code != ExitError {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		`keys.yaml:3: keys.projects.scope: key "d" is bound to both projects.scope and projects.domains`,
		`keys.yaml:4: keys.projects.scop: no key binding has this name (did you mean projects.scope?)`,
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

// The key-binding examples a user is shown (commented in the default file,
// and in docs/CONFIG.md) are accepted as written: copying one never gets
// the whole file refused.
func TestDocumentedKeyBindingExamplesAreAccepted(t *testing.T) {
	var fromDefault []string
	inKeys := false
	for _, l := range strings.Split(string(config.DefaultFile()), "\n") {
		switch {
		case strings.HasPrefix(l, "keys:"):
			inKeys = true
		case inKeys && strings.HasPrefix(l, "#  "):
			fromDefault = append(fromDefault, strings.TrimPrefix(l, "#"))
		}
	}
	doc, err := os.ReadFile("../docs/CONFIG.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(doc), "```yaml\nkeys:\n")
	block, _, _ = strings.Cut(block, "```")
	if len(fromDefault) == 0 || !ok || strings.TrimSpace(block) == "" {
		t.Fatalf("no key-binding examples found (default file %q, CONFIG.md %v)", fromDefault, ok)
	}
	for name, keys := range map[string]string{
		"the default file's": strings.Join(fromDefault, "\n") + "\n",
		"docs/CONFIG.md's":   block,
	} {
		getenv, path := configHome(t)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		mustWrite(t, path, "keys:\n"+keys)
		out, errOut, code := runAgdash(t, getenv, "config", "check")
		if code != ExitOK || !strings.HasSuffix(strings.TrimSpace(out), ": ok") {
			t.Errorf("%s key-binding example is refused: exit %d\n%s%s\nthe example:\nkeys:\n%s", name, code, out, errOut, keys)
		}
	}
}
