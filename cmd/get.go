package cmd

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/agdash/agdash/cmd/logging"
)

// getFlags are `agdash get`'s own flags.
type getFlags struct {
	output     string
	pipeline   string
	group      string
	fileSystem string
	timeout    time.Duration
}

// getResource is one thing `agdash get` lists.
type getResource struct {
	name    string
	aliases []string
	help    string
	// flags are the get flags this resource takes, beyond -o.
	flags []string
	list  func(ctx context.Context, r *getRun) (listing, error)
}

func getResources() []getResource {
	return []getResource{
		{name: "projects", aliases: []string{"project"}, help: "SageMaker projects with members, limits, usage and findings", list: listProjects},
		{name: "jobs", aliases: []string{"job", "training-jobs"}, help: "training jobs, running first", list: listJobs},
		{name: "pipelines", aliases: []string{"pipeline"}, help: "pipelines with their last execution", list: listPipelines},
		{name: "executions", aliases: []string{"execution"}, help: "one pipeline's executions (--pipeline), or a project's (--project)", flags: []string{"pipeline"}, list: listExecutions},
		{name: "models", aliases: []string{"model", "model-groups"}, help: "model package groups, or one group's versions (--group)", flags: []string{"group"}, list: listModels},
		{name: "endpoints", aliases: []string{"endpoint"}, help: "endpoints with health, traffic and alarms", list: listEndpoints},
		{name: "recovery-points", aliases: []string{"recovery-point"}, help: "AWS Backup recovery points of the Studio file systems (--file-system)", flags: []string{"file-system"}, list: listRecoveryPoints},
		{name: "restore-jobs", aliases: []string{"restore-job"}, help: "AWS Backup restore jobs", list: listRestoreJobs},
	}
}

func findResource(name string) (getResource, bool) {
	for _, r := range getResources() {
		if r.name == name || slices.Contains(r.aliases, name) {
			return r, true
		}
	}
	return getResource{}, false
}

func resourceNames() []string {
	var out []string
	for _, r := range getResources() {
		out = append(out, r.name)
	}
	return out
}

func newGetCommand(o *globalOptions, stdout, stderr io.Writer) *cobra.Command {
	var f getFlags
	var lines []string
	for _, r := range getResources() {
		lines = append(lines, fmt.Sprintf("  %-16s %s", r.name, r.help))
	}
	cmd := &cobra.Command{
		Use:   "get RESOURCE",
		Short: "Print projects, jobs, pipelines, executions, models, endpoints, recovery points or restore jobs",
		Long: `Print what a dashboard pane shows, for scripts: the same backend, one read,
no terminal UI. Data goes to stdout and only data; errors and warnings go
to stderr.

Resources:
` + strings.Join(lines, "\n") + `

Output (-o): table (aligned, for people), json or yaml (for scripts). JSON
and YAML are lists of objects with snake_case field names and RFC 3339
timestamps in UTC; empty fields are left out. Field names are stable.

Exit codes: 0 ok, 1 error, 2 usage (a bad resource or flag), 3 credentials
missing, expired or refused, 4 the named pipeline, group or file system
does not exist.`,
		Example: `  agdash get endpoints
  agdash get jobs --project hdb-resale-valuation -o json | jq -r '.[] | select(.status=="Failed") | .name'
  agdash get executions --pipeline hdb-resale-valuation -o yaml
  agdash get models --group hdb-resale-valuation
  agdash --sandbox get recovery-points --file-system fs-0a1b2c3d`,
		Args: cobra.ExactArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, r := range getResources() {
				if strings.HasPrefix(r.name, prefix) {
					out = append(out, cobra.CompletionWithDesc(r.name, r.help))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			res, ok := findResource(args[0])
			if !ok {
				return withCode(ExitUsage, fmt.Errorf("no resource %q: get takes %s", args[0], strings.Join(resourceNames(), ", ")))
			}
			if err := f.check(cmd, res, o); err != nil {
				return withCode(ExitUsage, err)
			}
			return runGet(cmd.Context(), o, f, res, stdout, stderr)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", outputTable, "output format: table, json or yaml")
	fl.StringVar(&f.pipeline, "pipeline", "", "the pipeline whose executions to list (executions)")
	fl.StringVar(&f.group, "group", "", "list this model package group's versions (models)")
	fl.StringVar(&f.fileSystem, "file-system", "", "only this file system's recovery points, by id or name (recovery-points)")
	fl.DurationVar(&f.timeout, "timeout", 2*time.Minute, "give up after this long")
	_ = cmd.RegisterFlagCompletionFunc("output", fixedCompletion(outputFormats()))
	for _, name := range []string{"pipeline", "group", "file-system", "timeout"} {
		_ = cmd.RegisterFlagCompletionFunc(name, fixedCompletion(nil))
	}
	return cmd
}

// check refuses flags the resource does not take.
func (f getFlags) check(cmd *cobra.Command, res getResource, o *globalOptions) error {
	if !slices.Contains(outputFormats(), f.output) {
		return fmt.Errorf("no output format %q: use table, json or yaml", f.output)
	}
	for _, name := range []string{"pipeline", "group", "file-system"} {
		if cmd.Flags().Changed(name) && !slices.Contains(res.flags, name) {
			return fmt.Errorf("--%s does not apply to %s", name, res.name)
		}
	}
	if res.name == "executions" && f.pipeline == "" && o.project == "" {
		// Each execution costs a describe call: a whole account's would
		// spend minutes of the SageMaker rate limit the team shares.
		return fmt.Errorf("executions needs --pipeline NAME or --project NAME (agdash get pipelines lists both)")
	}
	if o.project != "" && (res.name == "recovery-points" || res.name == "restore-jobs") {
		return fmt.Errorf("--project does not apply to %s: backups belong to a Studio domain's file system, not a project", res.name)
	}
	if f.timeout <= 0 {
		return fmt.Errorf("--timeout must be positive")
	}
	return nil
}

// runGet connects, reads once and prints.
func runGet(ctx context.Context, o *globalOptions, f getFlags, res getResource, stdout, stderr io.Writer) error {
	logger, closeLog, err := logging.Open(o.logFile, slog.LevelInfo)
	if err != nil {
		return withCode(ExitUsage, err)
	}
	defer func() { _ = closeLog() }()
	cfg := loadConfig(o, logger)
	for _, n := range cfg.notices() {
		fmt.Fprintln(stderr, "agdash: warning:", n)
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	s, err := openSession(ctx, o, cfg.Config, logger)
	if err != nil {
		return err
	}
	defer s.close()
	s.oneShot = true
	c, err := s.connect(ctx, "", "")
	if err != nil {
		return err
	}
	defer c.Close()
	run := &getRun{fetch: fetcher{c}, now: c.Now(), flags: f, project: o.project}
	l, err := res.list(ctx, run)
	if err != nil {
		logger.Warn("get failed", "resource", res.name, "error", err.Error())
		return err
	}
	return l.print(stdout, stderr, f.output)
}

// getRun is one `agdash get`: what to read and the clock to age it by.
type getRun struct {
	fetch   fetcher
	now     time.Time
	flags   getFlags
	project string
}

// inScope reports whether something of project is in --project's scope.
func (r *getRun) inScope(project string) bool { return r.project == "" || r.project == project }
