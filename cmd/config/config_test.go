package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/health"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func problems(r Result) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.String())
	}
	return out
}

func TestNoFileMeansDefaults(t *testing.T) {
	r := Load(filepath.Join(t.TempDir(), "config.yaml"), false)
	if r.Found || !r.OK() || !reflect.DeepEqual(r.Config, Default()) {
		t.Fatalf("Load of a missing default file = %+v", r)
	}
	d := Default()
	if d.Intervals.Endpoints != 15*time.Second || d.TagKeys != domain.DefaultTagKeys() || d.Theme != "dark" ||
		d.Health.For("any") != health.DefaultThresholds() || d.BackendIntervals() != backend.DefaultIntervals() {
		t.Fatalf("Default() = %+v", d)
	}
}

func TestAMissingFileNamedOnTheCommandLineIsAProblem(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.yaml")
	r := Load(p, true)
	if got := strings.Join(problems(r), "\n"); got != "nope.yaml: cannot read it: no such file or directory" {
		t.Fatalf("problems: %q", got)
	}
	if !reflect.DeepEqual(r.Config, Default()) {
		t.Fatal("a problem must leave the defaults")
	}
}

// The file `agdash config init` writes says exactly what agdash does
// without one.
func TestDefaultFileIsTheDefaults(t *testing.T) {
	r := Load(writeFile(t, string(DefaultFile())), true)
	if !r.OK() {
		t.Fatalf("the default file has problems: %v", problems(r))
	}
	if !reflect.DeepEqual(r.Config, Default()) {
		t.Fatalf("the default file reads as\n%+v\nwant\n%+v", r.Config, Default())
	}
}

func TestEverySectionOverrides(t *testing.T) {
	r := Load(writeFile(t, `
theme: high-contrast
intervals:
  endpoints: 45s
  logs: 1s
health:
  default:
    warn_5xx_rate: 0.02
  endpoints:
    "*-staging":
      crit_5xx_rate: 0.3
tag_keys:
  role: moe:role
samples:
  hdb-resale-prod:
    body: '{"town":"BEDOK"}'
  "cpf-*":
    content_type: text/csv
    body: "55,1,0"
backups:
  restore_role_arn: arn:aws:iam::123456789012:role/ag-restore
keys:
  table.down: [n, down]
  projects.scope: S
  table.pagedown: space
`), true)
	if !r.OK() {
		t.Fatalf("problems: %v", problems(r))
	}
	c := r.Config
	if c.Theme != "high-contrast" {
		t.Errorf("theme %q", c.Theme)
	}
	if c.Intervals.Endpoints != 45*time.Second || c.Intervals.Logs != time.Second || c.Intervals.Projects != time.Minute {
		t.Errorf("intervals %+v: endpoints and logs set, the rest default", c.Intervals)
	}
	staging := c.Health.For("cpf-forecast-staging")
	if staging.Warn5xxRate != 0.02 || staging.Crit5xxRate != 0.3 || staging.WarnLatencyP99 != 500*time.Millisecond {
		t.Errorf("staging thresholds %+v", staging)
	}
	if c.TagKeys.Role != "moe:role" || c.TagKeys.Projects != "ag:projects" {
		t.Errorf("tag keys %+v: role set, the rest default", c.TagKeys)
	}
	if s, ok := c.SampleFor("hdb-resale-prod"); !ok || s.Body != `{"town":"BEDOK"}` || s.ContentType != "application/json" {
		t.Errorf("hdb sample %+v %v", s, ok)
	}
	if s, ok := c.SampleFor("cpf-retirement"); !ok || s.ContentType != "text/csv" {
		t.Errorf("cpf sample by pattern %+v %v", s, ok)
	}
	if _, ok := c.SampleFor("lta-bus-eta"); ok {
		t.Error("an endpoint with no sample got one")
	}
	if c.Backups.RestoreRoleARN != "arn:aws:iam::123456789012:role/ag-restore" {
		t.Errorf("restore role %q", c.Backups.RestoreRoleARN)
	}
	keys := c.KeyOverrides()
	if strings.Join(keys["table.down"], ",") != "n,down" || strings.Join(keys["projects.scope"], ",") != "S" || strings.Join(keys["table.pagedown"], ",") != " " {
		t.Errorf("keys %q", keys)
	}
}

func TestInvalidFilesAreReportedWithLinesAndLeaveTheDefaults(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"bad YAML", "theme: dark\nintervals:\n  endpoints: 15s\n   logs: 2s\n",
			[]string{"config.yaml:4: not valid YAML: mapping values are not allowed in this context"}},
		{"an unknown top-level key", "theme: dark\ncolour: red\n",
			[]string{`config.yaml:2: colour: unknown key "colour" (known keys: backups, health, intervals, keys, samples, tag_keys, theme)`}},
		{"a misspelt top-level key", "tag_key:\n  role: x\n",
			[]string{`config.yaml:1: tag_key: unknown key "tag_key" (did you mean tag_keys?)`}},
		{"an unknown nested key", "health:\n  default:\n    warn_5xx: 0.02\n",
			[]string{`config.yaml:3: health.default.warn_5xx: unknown key "warn_5xx" (did you mean warn_5xx_rate?)`}},
		{"a bad duration", "intervals:\n  running_jobs: 5s\n  endpoints: 15 secs\n",
			[]string{`config.yaml:3: intervals.endpoints: "15 secs" is not a duration (write Go durations such as 15s, 2m or 1h30m)`}},
		{"a number for a duration", "intervals:\n  endpoints: 15\n",
			[]string{`config.yaml:2: intervals.endpoints: "15" is not a duration (write Go durations such as 15s, 2m or 1h30m)`}},
		{"a too-short interval", "intervals:\n  endpoints: 100ms\n",
			[]string{"config.yaml:2: intervals.endpoints: 100ms is too short: poll at most once a second (SageMaker's rate limits are shared by the whole account)"}},
		{"a rate given as a percentage", "health:\n  endpoints:\n    hdb-resale-prod:\n      warn_5xx_rate: 5\n",
			[]string{"config.yaml:3: health.endpoints.hdb-resale-prod: warn_5xx_rate is 5; rates are fractions between 0 and 1 (0.01 is 1%)"}},
		{"warn above crit", "health:\n  default:\n    warn_latency_p99: 3s\n",
			[]string{"config.yaml:2: health.default: warn_latency_p99 (3s) is above crit_latency_p99 (2s)"}},
		{"text for a number", "health:\n  default:\n    warn_cpu: high\n",
			[]string{`config.yaml:3: health.default.warn_cpu: "high" is not a number`}},
		{"an unknown theme", "theme: solarized\n",
			[]string{`config.yaml:1: theme: no theme named "solarized" (themes: colorblind, dark, high-contrast, light)`}},
		{"a bad role ARN", "backups:\n  restore_role_arn: ag-restore\n",
			[]string{`config.yaml:2: backups.restore_role_arn: "ag-restore" is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)`}},
		{"a sample without a body", "samples:\n  hdb-resale-prod:\n    content_type: json\n",
			[]string{"config.yaml:2: samples.hdb-resale-prod: has no body",
				`config.yaml:3: samples.hdb-resale-prod.content_type: "json" is not a content type (like application/json or text/csv)`}},
		{"a key set twice", "theme: dark\ntheme: light\n",
			[]string{`config.yaml:2: theme: "theme" is set twice (first at line 1)`}},
		{"a mapping for a key binding", "keys:\n  table.down:\n    key: n\n",
			[]string{"config.yaml:3: keys.table.down.key: a key binding is one key or a list of keys"}},
		{"a section that is not a mapping", "intervals: fast\n",
			[]string{`config.yaml:1: intervals: expected a mapping of settings, not "fast"`}},
		{"several problems, all reported", "theme: solarized\nintervals:\n  logs: forever\n",
			[]string{`config.yaml:3: intervals.logs: "forever" is not a duration (write Go durations such as 15s, 2m or 1h30m)`,
				`config.yaml:1: theme: no theme named "solarized" (themes: colorblind, dark, high-contrast, light)`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Load(writeFile(t, c.text), true)
			if got := problems(r); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			if !reflect.DeepEqual(r.Config, Default()) {
				t.Errorf("a file with problems must leave the defaults, got %+v", r.Config)
			}
		})
	}
}

func TestRejectPointsAtTheKeyAndDropsTheFile(t *testing.T) {
	r := Load(writeFile(t, "theme: light\nkeys:\n  table.down: n\n  projects.scope: d\n"), true)
	if !r.OK() || r.Config.Theme != "light" {
		t.Fatalf("the file should read cleanly: %v", problems(r))
	}
	r.Reject("keys.projects.scope", `key "d" is bound to both projects.scope and projects.domains`)
	if got := strings.Join(problems(r), "\n"); got != `config.yaml:4: keys.projects.scope: key "d" is bound to both projects.scope and projects.domains` {
		t.Fatalf("problem %q", got)
	}
	if !reflect.DeepEqual(r.Config, Default()) {
		t.Fatal("a rejected file must leave the defaults")
	}
}

func TestAnEmptyFileIsTheDefaults(t *testing.T) {
	r := Load(writeFile(t, "# nothing yet\n"), true)
	if !r.OK() || !r.Found || !reflect.DeepEqual(r.Config, Default()) {
		t.Fatalf("an empty file: %+v", r)
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_CONFIG_HOME": "/home/alice/.cfg", "HOME": "/home/alice"}, "/home/alice/.cfg/agdash/config.yaml"},
		{map[string]string{"HOME": "/home/alice"}, "/home/alice/.config/agdash/config.yaml"},
		{map[string]string{"XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/alice"}, "/home/alice/.config/agdash/config.yaml"},
	}
	for _, c := range cases {
		if got, err := DefaultPath(env(c.env)); err != nil || got != c.want {
			t.Errorf("DefaultPath(%v) = %q, %v; want %q", c.env, got, err, c.want)
		}
	}
	if _, err := DefaultPath(env(nil)); err == nil {
		t.Error("no HOME and no XDG_CONFIG_HOME should be an error")
	}
}
