package cmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeHome is an environment with its own AWS config and credentials
// files, and nothing else.
func fakeHome(t *testing.T) func(string) string {
	t.Helper()
	home := t.TempDir()
	aws := filepath.Join(home, ".aws")
	if err := os.MkdirAll(aws, 0o700); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(aws, "config"), `[default]
region = ap-southeast-1

[profile ag-prod]
sso_session = ag
sso_account_id = 123456789012

[profile ag-oncall]
role_arn = arn:aws:iam::123456789012:role/AG-OnCall-ReadOnly
source_profile = default

[sso-session ag]
sso_start_url = https://ag.awsapps.com/start
`)
	mustWrite(t, filepath.Join(aws, "credentials"), "[default]\naws_access_key_id = AKIA\n\n[legacy-keys]\naws_access_key_id = AKIB\n")
	return func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}
}

func mustWrite(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func runAgdash(t *testing.T, getenv func(string) string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := executeWith(context.Background(), args, &out, &errb, getenv)
	return out.String(), errb.String(), code
}

// candidates are __complete's answer without the directive line.
func candidates(t *testing.T, getenv func(string) string, args ...string) []string {
	t.Helper()
	out, errOut, code := runAgdash(t, getenv, append([]string{"__complete"}, args...)...)
	if code != ExitOK {
		t.Fatalf("__complete %v: exit %d: %s", args, code, errOut)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.HasPrefix(l, ":") || l == "" {
			continue
		}
		name, _, _ := strings.Cut(l, "\t")
		got = append(got, name)
	}
	return got
}

func TestCompletionScripts(t *testing.T) {
	getenv := fakeHome(t)
	for shell, marker := range map[string]string{
		"bash": "__start_agdash",
		"zsh":  "#compdef agdash",
		"fish": "complete -c agdash",
	} {
		out, errOut, code := runAgdash(t, getenv, "completion", shell)
		if code != ExitOK || !strings.Contains(out, marker) || errOut != "" {
			t.Errorf("completion %s: exit %d, script lacks %q (stderr %q)", shell, code, marker, errOut)
		}
	}
}

func TestDynamicCompletion(t *testing.T) {
	getenv := fakeHome(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--profile", ""}, "ag-oncall,ag-prod,default,legacy-keys"},
		{[]string{"get", "jobs", "--profile", "ag-"}, "ag-oncall,ag-prod"},
		{[]string{"--region", "ap-southeast-"}, "ap-southeast-1,ap-southeast-2,ap-southeast-3,ap-southeast-4,ap-southeast-5,ap-southeast-7"},
		{[]string{"--theme", ""}, "colorblind,dark,high-contrast,light"},
		{[]string{"--pane", "re"}, "registry"},
		{[]string{"get", ""}, "projects,jobs,pipelines,executions,models,endpoints,recovery-points,restore-jobs"},
		{[]string{"get", "r"}, "recovery-points,restore-jobs"},
		{[]string{"get", "jobs", "-o", ""}, "table,json,yaml"},
		{[]string{"get", "jobs", "--output", "j"}, "json"},
	}
	for _, c := range cases {
		if got := strings.Join(candidates(t, getenv, c.args...), ","); got != c.want {
			t.Errorf("__complete %q = %q, want %q", c.args, got, c.want)
		}
	}
	roles := candidates(t, getenv, "--sandbox-role", "")
	for _, want := range []string{"data-scientist", "mlops-engineer", "project-admin", "on-call", "lim-jia-hui", "tan-wei-ming"} {
		if !strings.Contains(","+strings.Join(roles, ",")+",", ","+want+",") {
			t.Errorf("--sandbox-role completes %v, lacking %s", roles, want)
		}
	}
}

// A flag whose values only AWS knows completes nothing, never the names
// of the files in the current directory.
func TestNamesOnlyAWSKnowsCompleteNoFiles(t *testing.T) {
	getenv := fakeHome(t)
	for _, args := range [][]string{
		{"--project", ""}, {"--endpoint-url", ""}, {"get", "executions", "--pipeline", ""},
		{"get", "models", "--group", ""}, {"get", "recovery-points", "--file-system", ""}, {"get", "jobs", "--timeout", ""},
	} {
		out, errOut, code := runAgdash(t, getenv, append([]string{"__complete"}, args...)...)
		if code != ExitOK || strings.TrimSpace(out) != ":4" {
			t.Errorf("__complete %q: exit %d, answer %q (stderr %q); want no candidates and no file completion (:4)", args, code, out, errOut)
		}
	}
}

func TestAWSProfilesHonourTheEnvironment(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "cfg")
	mustWrite(t, cfg, "[profile from-env]\n[default]\n")
	env := map[string]string{"AWS_CONFIG_FILE": cfg, "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "none")}
	if got := strings.Join(awsProfiles(func(k string) string { return env[k] }), ","); got != "default,from-env" {
		t.Fatalf("profiles %q", got)
	}
	if got := awsProfiles(func(string) string { return "" }); len(got) != 0 {
		t.Fatalf("no HOME and no files should list nothing, got %v", got)
	}
}
