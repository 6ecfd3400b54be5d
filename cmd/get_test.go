package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// cli runs agdash in-process against a sandbox as an AWS endpoint, the
// way a script on a real account would run it: credentials in the
// environment, --endpoint-url and --region on the command line. The
// user's own config and AWS files are never read.
type cli struct {
	env  *sandboxtest.Env
	home string
}

func newCLI(t *testing.T, who string) *cli {
	t.Helper()
	env := sandboxtest.Start(t)
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	t.Setenv("AWS_ACCESS_KEY_ID", p.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", p.SecretAccessKey)
	t.Setenv("AWS_SESSION_TOKEN", p.SessionToken)
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(home, "no-aws-config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(home, "no-aws-credentials"))
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_REGION", "")
	t.Setenv("AWS_ENDPOINT_URL", "")
	return &cli{env: env, home: home}
}

func (c *cli) getenv(k string) string {
	switch k {
	case "HOME":
		return c.home
	case "XDG_CONFIG_HOME":
		return filepath.Join(c.home, ".config")
	}
	return ""
}

// run is `agdash ARGS --endpoint-url SANDBOX --region REGION`.
func (c *cli) run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	args = append(args, "--endpoint-url", c.env.URL(), "--region", sandbox.Region)
	code = executeWith(context.Background(), args, &out, &errb, c.getenv)
	return out.String(), errb.String(), code
}

// runOK is run for a command that must succeed: its stdout and stderr.
func (c *cli) runOK(t *testing.T, args ...string) (stdout, stderr string) {
	t.Helper()
	out, errOut, code := c.run(t, args...)
	if code != ExitOK {
		t.Fatalf("agdash %s: exit %d: %s", strings.Join(args, " "), code, errOut)
	}
	return out, errOut
}

// names reads the "name" (or other key) of each item of a JSON list.
func names(t *testing.T, out, key string) []string {
	t.Helper()
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("stdout is not a JSON list: %v\n%s", err, out)
	}
	var got []string
	for _, it := range items {
		v, _ := it[key].(string)
		got = append(got, v)
	}
	return got
}

func sorted(s []string) []string { s = slices.Clone(s); sort.Strings(s); return s }

// collect is f of every item of xs, in order.
func collect[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func TestGetEachResourceAsJSONMatchesTheSandbox(t *testing.T) {
	c := newCLI(t, "on-call")
	w := c.env.World()

	// Lists whose items are the sandbox's, in any order.
	for _, tc := range []struct {
		res, key string
		want     []string
	}{
		{"pipelines", "name", collect(w.Pipelines(), func(p world.Pipeline) string { return p.PipelineName })},
		{"models", "name", collect(w.ModelPackageGroups(), func(g world.ModelPackageGroup) string { return g.ModelPackageGroupName })},
		{"restore-jobs", "id", collect(w.RestoreJobs(""), func(j world.RestoreJob) string { return j.RestoreJobId })},
	} {
		t.Run(tc.res, func(t *testing.T) {
			out, _ := c.runOK(t, "get", tc.res, "-o", "json")
			if got := names(t, out, tc.key); !slices.Equal(sorted(got), sorted(tc.want)) {
				t.Fatalf("%s %v, want %v", tc.res, got, tc.want)
			}
		})
	}
	t.Run("projects", func(t *testing.T) {
		out, _ := c.runOK(t, "get", "projects", "-o", "json")
		want := collect(w.Projects(), func(p world.Project) string { return p.ProjectName })
		if got := names(t, out, "name"); !slices.Equal(got, sorted(want)) {
			t.Fatalf("projects %v, want %v", got, sorted(want))
		}
		var items []projectOut
		_ = json.Unmarshal([]byte(out), &items)
		products := map[string]string{} // project name → its product id
		for _, p := range w.Projects() {
			products[p.ProjectName] = p.ServiceCatalogProvisioningDetails.ProductId
		}
		for _, p := range items {
			if p.Name == sandbox.FeaturedProject && (len(p.Members) == 0 || p.ID == "" || p.CreatedAt == "") {
				t.Errorf("the featured project lacks members, id or creation time: %+v", p)
			}
			// On-call may not read Service Catalog: the template is
			// given by its product id, in both fields.
			if want := products[p.Name]; !strings.HasPrefix(want, "prod-") || p.TemplateID != want || p.Template != want {
				t.Errorf("%s: template %q, template_id %q; want both %q", p.Name, p.Template, p.TemplateID, want)
			}
		}
	})
	t.Run("jobs", func(t *testing.T) {
		out, _ := c.runOK(t, "get", "jobs", "-o", "json")
		var want []string
		status, project := map[string]string{}, map[string]string{}
		w.EachTrainingJob(func(s world.TrainingJobSummary, tags []world.Tag) bool {
			want = append(want, s.TrainingJobName)
			status[s.TrainingJobName] = string(s.TrainingJobStatus)
			project[s.TrainingJobName] = tagValue(tags, "sagemaker:project-name")
			return true
		})
		var items []jobOut
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, j := range items {
			got = append(got, j.Name)
			if status[j.Name] != j.Status {
				t.Fatalf("job %s is %s, the sandbox says %s", j.Name, j.Status, status[j.Name])
			}
			// Older jobs' too: get waits for the history search.
			if project[j.Name] != j.Project {
				t.Fatalf("job %s is of project %q, the sandbox says %q", j.Name, j.Project, project[j.Name])
			}
		}
		if !slices.Equal(sorted(got), sorted(want)) {
			t.Fatalf("%d jobs listed, the sandbox has %d", len(got), len(want))
		}
	})
	t.Run("executions", func(t *testing.T) {
		pipeline := w.Pipelines()[0].PipelineName
		out, _ := c.runOK(t, "get", "executions", "--pipeline", pipeline, "-o", "json")
		execs, err := w.PipelineExecutions(pipeline, world.ExecutionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		want := collect(execs, func(e world.PipelineExecutionSummary) string { return e.PipelineExecutionArn })
		if got := names(t, out, "arn"); len(want) == 0 || !slices.Equal(sorted(got), sorted(want)) {
			t.Fatalf("executions %v, want %v", got, want)
		}
		for _, p := range names(t, out, "pipeline") {
			if p != pipeline {
				t.Fatalf("an execution of %q in the list of %q", p, pipeline)
			}
		}
	})
	t.Run("model versions", func(t *testing.T) {
		group := w.ModelPackageGroups()[0].ModelPackageGroupName
		out, _ := c.runOK(t, "get", "models", "--group", group, "-o", "json")
		pkgs, err := w.ModelPackages(world.ModelPackageQuery{Group: group})
		if err != nil {
			t.Fatal(err)
		}
		approval := map[string]string{}
		for _, p := range pkgs {
			approval[p.ModelPackageArn] = p.ModelApprovalStatus
		}
		var items []modelVersionOut
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		if len(items) != len(pkgs) || len(items) == 0 {
			t.Fatalf("%d versions listed, the sandbox has %d", len(items), len(pkgs))
		}
		for _, v := range items {
			if v.Group != group || approval[v.ARN] != v.Approval {
				t.Fatalf("version %+v; the sandbox says %q", v, approval[v.ARN])
			}
		}
	})
	t.Run("endpoints", func(t *testing.T) {
		out, _ := c.runOK(t, "get", "endpoints", "-o", "json")
		var items []endpointOut
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{}
		for _, e := range w.Endpoints() {
			want[e.EndpointName] = e.EndpointStatus
		}
		if len(items) != len(want) {
			t.Fatalf("%d endpoints, the sandbox has %d", len(items), len(want))
		}
		for _, e := range items {
			if want[e.Name] != e.Status || e.Health == "" {
				t.Fatalf("endpoint %+v; the sandbox says %q", e, want[e.Name])
			}
		}
	})
	t.Run("recovery points", func(t *testing.T) {
		out, _ := c.runOK(t, "get", "recovery-points", "-o", "json")
		points, err := w.RecoveryPoints(world.RecoveryPointQuery{})
		if err != nil {
			t.Fatal(err)
		}
		want := collect(points, func(p world.RecoveryPoint) string { return p.RecoveryPointArn })
		if got := names(t, out, "arn"); len(want) == 0 || !slices.Equal(sorted(got), sorted(want)) {
			t.Fatalf("%d recovery points listed, the sandbox has %d", len(got), len(want))
		}
		// One file system's only.
		fs := w.FileSystems()[0].FileSystemId
		out, _ = c.runOK(t, "get", "recovery-points", "--file-system", fs, "-o", "json")
		ids := names(t, out, "file_system_id")
		if len(ids) == 0 || slices.ContainsFunc(ids, func(s string) bool { return s != fs }) {
			t.Fatalf("--file-system %s listed %v", fs, ids)
		}
	})
}

func TestGetTableAndYAMLCarryTheSameItems(t *testing.T) {
	c := newCLI(t, "on-call")
	for _, res := range resourceNames() {
		t.Run(res, func(t *testing.T) {
			args := []string{"get", res}
			switch res {
			case "executions":
				args = append(args, "--pipeline", c.env.World().Pipelines()[0].PipelineName)
			case "models":
				args = append(args, "--group", c.env.World().ModelPackageGroups()[0].ModelPackageGroupName)
			}
			jsonOut, _ := c.runOK(t, append(args, "-o", "json")...)
			var fromJSON []map[string]any
			if err := json.Unmarshal([]byte(jsonOut), &fromJSON); err != nil {
				t.Fatal(err)
			}
			yamlOut, _ := c.runOK(t, append(args, "-o", "yaml")...)
			var fromYAML []map[string]any
			if err := yaml.Unmarshal([]byte(yamlOut), &fromYAML); err != nil {
				t.Fatalf("stdout is not YAML: %v", err)
			}
			if len(fromYAML) != len(fromJSON) {
				t.Fatalf("yaml has %d items, json %d", len(fromYAML), len(fromJSON))
			}
			for i := range fromJSON {
				for _, key := range []string{"name", "arn", "id", "status", "created_at"} {
					if j, ok := fromJSON[i][key]; ok && j != fromYAML[i][key] {
						t.Fatalf("item %d %s: json %v, yaml %v", i, key, j, fromYAML[i][key])
					}
				}
			}
			tableOut, errOut := c.runOK(t, args...)
			lines := strings.Split(strings.TrimRight(tableOut, "\n"), "\n")
			if len(fromJSON) == 0 {
				if tableOut != "" || !strings.HasPrefix(errOut, "No ") {
					t.Fatalf("an empty table should print nothing and say so on stderr: %q %q", tableOut, errOut)
				}
				return
			}
			if len(lines) != len(fromJSON)+1 {
				t.Fatalf("table has %d lines for %d items:\n%s", len(lines), len(fromJSON), tableOut)
			}
			if strings.ToUpper(lines[0]) != lines[0] {
				t.Fatalf("the first line should be the header: %q", lines[0])
			}
			// Columns are aligned: every row's second column starts where
			// the header's does.
			col := strings.Index(lines[0], "   ") + 3
			for col < len(lines[0]) && lines[0][col] == ' ' {
				col++
			}
			for _, l := range lines[1:] {
				if len(l) <= col || l[col-1] != ' ' || l[col] == ' ' {
					t.Fatalf("row not aligned at column %d:\n%s\n%s", col, lines[0], l)
				}
			}
		})
	}
}

func TestGetExitCodes(t *testing.T) {
	c := newCLI(t, "on-call")
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"a resource get does not know", []string{"get", "notebooks"}, ExitUsage, `no resource "notebooks": get takes projects, jobs, pipelines, executions, models, endpoints, recovery-points, restore-jobs`},
		{"no resource at all", []string{"get"}, ExitUsage, "accepts 1 arg(s), received 0"},
		{"a bad output format", []string{"get", "jobs", "-o", "csv"}, ExitUsage, `no output format "csv"`},
		{"executions of no pipeline and no project", []string{"get", "executions"}, ExitUsage, "executions needs --pipeline NAME or --project NAME"},
		{"a flag of another resource", []string{"get", "jobs", "--group", "x"}, ExitUsage, "--group does not apply to jobs"},
		{"--project on backups", []string{"get", "restore-jobs", "--project", "hdb-resale-valuation"}, ExitUsage, "--project does not apply to restore-jobs"},
		{"a pipeline that does not exist", []string{"get", "executions", "--pipeline", "hdb-resale-trian"}, ExitNotFound, `no pipeline named "hdb-resale-trian" (did you mean`},
		{"a group that does not exist", []string{"get", "models", "--group", "no-such-group"}, ExitNotFound, `no model package group named "no-such-group"`},
		{"a file system that does not exist", []string{"get", "recovery-points", "--file-system", "fs-nope"}, ExitNotFound, `no file system named "fs-nope"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := c.run(t, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.code, errOut)
			}
			if out != "" {
				t.Fatalf("an error must leave stdout empty, got %q", out)
			}
			if !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("stderr %q lacks %q", errOut, tc.stderr)
			}
		})
	}
}

// With --project instead of --pipeline, executions lists every pipeline
// of the project's, newest first, and the table says which pipeline each
// row is of.
func TestGetExecutionsOfAProject(t *testing.T) {
	c := newCLI(t, "on-call")
	w := c.env.World()
	var want []string
	for _, p := range w.Pipelines() {
		if project, _ := world.TagValue(p.Tags, "sagemaker:project-name"); project != sandbox.FeaturedProject {
			continue
		}
		execs, err := w.PipelineExecutions(p.PipelineName, world.ExecutionQuery{})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, collect(execs, func(e world.PipelineExecutionSummary) string { return e.PipelineExecutionArn })...)
	}
	out, _ := c.runOK(t, "get", "executions", "--project", sandbox.FeaturedProject, "-o", "json")
	var items []executionOut
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	got := collect(items, func(e executionOut) string { return e.ARN })
	if len(want) == 0 || !slices.Equal(sorted(got), sorted(want)) {
		t.Fatalf("%d executions listed, the project's pipelines have %d", len(got), len(want))
	}
	for i := 1; i < len(items); i++ {
		if items[i].StartedAt > items[i-1].StartedAt {
			t.Fatalf("not newest first: %s started %s, after %s started %s", items[i].ARN, items[i].StartedAt, items[i-1].ARN, items[i-1].StartedAt)
		}
	}

	out, _ = c.runOK(t, "get", "executions", "--project", sandbox.FeaturedProject)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "PIPELINE ") || len(lines) != len(want)+1 {
		t.Fatalf("the table should have a PIPELINE column and a row per execution (%d):\n%s", len(want), out)
	}
	for _, l := range lines[1:] {
		if first, _, _ := strings.Cut(l, " "); !slices.ContainsFunc(w.Pipelines(), func(p world.Pipeline) bool {
			project, _ := world.TagValue(p.Tags, "sagemaker:project-name")
			return p.PipelineName == first && project == sandbox.FeaturedProject
		}) {
			t.Fatalf("a row of pipeline %q, which is not %s's:\n%s", first, sandbox.FeaturedProject, out)
		}
	}
}

func TestGetWithCredentialsAWSRefusesExitsAuth(t *testing.T) {
	c := newCLI(t, "on-call")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	out, errOut, code := c.run(t, "get", "endpoints")
	if code != ExitAuth || out != "" || !strings.Contains(errOut, "cannot reach AWS as the configured identity") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// tagValue is the value of the tag called key, "" without one.
func tagValue(tags []world.Tag, key string) string {
	for _, tg := range tags {
		if tg.Key == key {
			return tg.Value
		}
	}
	return ""
}

// get jobs --project lists every job of the project, those created before
// the month included: it waits for the search that reads their projects.
func TestGetJobsOfAProjectIncludesItsOlderJobs(t *testing.T) {
	c := newCLI(t, "data-scientist")
	w := c.env.World()
	month := time.Date(time.Now().Year(), time.Now().Month(), 1, 0, 0, 0, 0, time.Local)
	var want []string
	older := 0
	w.EachTrainingJob(func(s world.TrainingJobSummary, tags []world.Tag) bool {
		if tagValue(tags, "sagemaker:project-name") == sandbox.FeaturedProject {
			want = append(want, s.TrainingJobName)
			if s.CreationTime.Before(month) {
				older++
			}
		}
		return true
	})
	if older < 10 {
		t.Fatalf("the sandbox has %d jobs of %s before this month; the test needs some", older, sandbox.FeaturedProject)
	}
	out, _ := c.runOK(t, "get", "jobs", "--project", sandbox.FeaturedProject, "-o", "json")
	if got := names(t, out, "name"); !slices.Equal(sorted(got), sorted(want)) {
		t.Fatalf("--project %s listed %d jobs, the sandbox has %d (%d of them before this month)", sandbox.FeaturedProject, len(got), len(want), older)
	}
}

func TestGetProjectScope(t *testing.T) {
	c := newCLI(t, "on-call")
	out, _ := c.runOK(t, "get", "endpoints", "--project", sandbox.FeaturedProject, "-o", "json")
	projects := names(t, out, "project")
	if len(projects) == 0 || slices.ContainsFunc(projects, func(p string) bool { return p != sandbox.FeaturedProject }) {
		t.Fatalf("--project listed endpoints of %v", projects)
	}
}

// An AWS that cannot be reached, or that fails, is exit 1, not the
// credentials' exit 3: a script must not send its user to log in again
// over a network outage.
func TestGetWhenAWSCannotBeReachedExitsError(t *testing.T) {
	c := newCLI(t, "on-call")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	_ = ln.Close()
	var out, errb bytes.Buffer
	code := executeWith(context.Background(), []string{"get", "endpoints", "--endpoint-url", closed, "--region", sandbox.Region}, &out, &errb, c.getenv)
	if code != ExitError || out.String() != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d", code, out.String(), errb.String(), ExitError)
	}
	if s := errb.String(); !strings.Contains(s, "Could not reach AWS for sts:GetCallerIdentity") ||
		!strings.Contains(s, "Is anything serving "+closed+" (--endpoint-url)?") || strings.Contains(s, "credentials") {
		t.Fatalf("stderr should say AWS could not be reached, and where, without blaming credentials: %q", s)
	}

	if err := c.env.Server().SetFaults(server.Faults{ServerErrorRate: 1}); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := c.run(t, "get", "endpoints")
	if code != ExitError || !strings.Contains(errOut, "failed on AWS's side (We encountered an internal error") {
		t.Fatalf("AWS failing every call: exit %d, stderr %q; want exit %d", code, errOut, ExitError)
	}
}

// --sandbox runs the embedded account in-process, as the role asked for;
// a config problem is a warning on stderr, never on stdout.
func TestGetOnTheEmbeddedSandbox(t *testing.T) {
	c := newCLI(t, "on-call")
	cfg := filepath.Join(c.home, "bad.yaml")
	if err := writeText(cfg, "intervals:\n  endpoints: soon\n"); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := executeWith(context.Background(), []string{"--sandbox", "--sandbox-role", "project-admin", "--config", cfg, "get", "projects", "-o", "json"}, &out, &errb, c.getenv)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if got := names(t, out.String(), "name"); !slices.Contains(got, sandbox.FeaturedProject) {
		t.Fatalf("projects %v lack %s", got, sandbox.FeaturedProject)
	}
	// A project admin reads the template's name from Service Catalog.
	var items []projectOut
	if err := json.Unmarshal(out.Bytes(), &items); err != nil {
		t.Fatal(err)
	}
	for _, p := range items {
		if p.Name == sandbox.FeaturedProject && (p.Template != "R model build, train and deploy (plumber)" || !strings.HasPrefix(p.TemplateID, "prod-")) {
			t.Errorf("the featured project's template is %q (%q), want its product's name and id", p.Template, p.TemplateID)
		}
	}
	if !strings.Contains(errb.String(), `agdash: warning: Config file not applied, agdash runs on its defaults: bad.yaml:2: intervals.endpoints: "soon" is not a duration`) {
		t.Fatalf("stderr: %q", errb.String())
	}
}

// A scenario file names its account's region; --sandbox signs for it, so
// an account described in London works as the embedded one does.
func TestGetOnASandboxScenarioInAnotherRegion(t *testing.T) {
	c := newCLI(t, "on-call")
	yaml, err := os.ReadFile("../backend/sandbox/scenario/default.yaml")
	if err != nil {
		t.Fatal(err)
	}
	london := filepath.Join(c.home, "london.yaml")
	text := strings.Replace(string(yaml), "\nregion: "+sandbox.Region+"\n", "\nregion: eu-west-2\n", 1)
	if text == string(yaml) {
		t.Fatal("the embedded scenario has no top-level region line to change")
	}
	if err := writeText(london, text); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := executeWith(context.Background(), []string{"--sandbox", "--sandbox-scenario", london, "get", "endpoints", "-o", "json"}, &out, &errb, c.getenv)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	arns := names(t, out.String(), "arn")
	if len(arns) == 0 || slices.ContainsFunc(arns, func(a string) bool { return !strings.HasPrefix(a, "arn:aws:sagemaker:eu-west-2:") }) {
		t.Fatalf("endpoints of the London account: %v", arns)
	}
}
