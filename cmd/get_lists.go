package cmd

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit"
)

// Each list reads its feed once and builds both the scripts' items and
// the table's cells. Tables say ages against the account's clock.

func listProjects(ctx context.Context, r *getRun) (listing, error) {
	d, err := fetch[backend.ProjectsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedProjects})
	if err != nil {
		return listing{}, err
	}
	ps := append([]domain.Project(nil), d.Projects...)
	sort.Slice(ps, func(i, j int) bool { return ps[i].Name < ps[j].Name })
	items := []projectOut{}
	l := listing{noun: "projects",
		header: []string{"NAME", "STATUS", "MEMBERS", "RUNNING JOBS", "ENDPOINTS", "PIPELINES", "FINDINGS", "AGE"}}
	for _, p := range ps {
		if !r.inScope(p.Name) {
			continue
		}
		items = append(items, projectRow(p))
		l.cells = append(l.cells, []string{p.Name, p.Status, strconv.Itoa(len(p.Members)), strconv.Itoa(p.Usage.RunningJobs),
			strconv.Itoa(p.Usage.Endpoints), strconv.Itoa(p.Usage.Pipelines), strconv.Itoa(p.FindingCount), age(p.CreatedAt, r)})
	}
	l.items = items
	return l, nil
}

func listJobs(ctx context.Context, r *getRun) (listing, error) {
	d, err := r.fetch.trainingJobs(ctx)
	if err != nil {
		return listing{}, err
	}
	items := []jobOut{}
	l := listing{noun: "training jobs",
		header: []string{"NAME", "STATUS", "SECONDARY", "PROJECT", "INSTANCE", "ELAPSED", "AGE"}}
	for _, j := range d.Jobs {
		if !r.inScope(j.Project()) {
			continue
		}
		items = append(items, jobRow(j.Job()))
		l.cells = append(l.cells, []string{j.Name(), j.Status(), j.SecondaryStatus(), j.Project(), j.InstanceType(),
			kit.Duration(j.Elapsed(r.now)), age(j.CreatedAt(), r)})
	}
	l.items = items
	return l, nil
}

func listPipelines(ctx context.Context, r *getRun) (listing, error) {
	d, err := fetch[backend.PipelinesData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedPipelines})
	if err != nil {
		return listing{}, err
	}
	items := []pipelineOut{}
	l := listing{noun: "pipelines",
		header: []string{"NAME", "PROJECT", "LAST STATUS", "LAST RUN", "RUNNING", "SUCCESS", "AGE"}}
	for _, p := range d.Pipelines {
		if !r.inScope(p.Project) {
			continue
		}
		last, lastAt := "", ""
		if e := p.LastExecution; e != nil {
			last, lastAt = e.Status, age(e.StartedAt, r)
		}
		items = append(items, pipelineRow(p))
		l.cells = append(l.cells, []string{p.Name, p.Project, last, lastAt, strconv.Itoa(p.Running), kit.Percent(p.SuccessRate), age(p.CreatedAt, r)})
	}
	l.items = items
	return l, nil
}

func listExecutions(ctx context.Context, r *getRun) (listing, error) {
	pls, err := fetch[backend.PipelinesData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedPipelines})
	if err != nil {
		return listing{}, err
	}
	if r.flags.pipeline != "" {
		var names []string
		for _, p := range pls.Pipelines {
			names = append(names, p.Name)
		}
		if err := mustExist("pipeline", r.flags.pipeline, names); err != nil {
			return listing{}, err
		}
		return pipelineExecutions(ctx, r, []string{r.flags.pipeline}, "executions of "+r.flags.pipeline)
	}
	// Without --pipeline: every pipeline of --project's, one list each.
	var names []string
	for _, p := range pls.Pipelines {
		if r.inScope(p.Project) {
			names = append(names, p.Name)
		}
	}
	return pipelineExecutions(ctx, r, names, "pipeline executions")
}

// pipelineExecutions lists the executions of the named pipelines, newest
// first; with more than one pipeline the table names each row's.
func pipelineExecutions(ctx context.Context, r *getRun, pipelines []string, noun string) (listing, error) {
	var execs []domain.PipelineExecution
	for _, name := range pipelines {
		d, err := fetch[backend.ExecutionsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedExecutions, Arg: name})
		if err != nil {
			return listing{}, err
		}
		if !r.inScope(d.Pipeline.Project) {
			continue
		}
		for _, e := range d.Executions {
			if e.PipelineName == "" {
				e.PipelineName = name
			}
			execs = append(execs, e)
		}
	}
	sort.SliceStable(execs, func(i, j int) bool { return execs[i].StartedAt.After(execs[j].StartedAt) })
	several := r.flags.pipeline == ""
	l := listing{noun: noun, header: []string{"EXECUTION", "STATUS", "STARTED BY", "DURATION", "AGE", "FAILURE"}}
	if several {
		l.header = append([]string{"PIPELINE"}, l.header...)
	}
	items := []executionOut{}
	for _, e := range execs {
		items = append(items, executionRow(e))
		row := []string{lastSegment(e.ARN), e.Status, e.StartedBy, kit.Duration(e.Duration(r.now)),
			age(e.StartedAt, r), kit.Truncate(e.FailureReason, 60)}
		if several {
			row = append([]string{e.PipelineName}, row...)
		}
		l.cells = append(l.cells, row)
	}
	l.items = items
	return l, nil
}

func listModels(ctx context.Context, r *getRun) (listing, error) {
	gs, err := fetch[backend.ModelGroupsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedModelGroups})
	if err != nil {
		return listing{}, err
	}
	if r.flags.group == "" {
		items := []modelGroupOut{}
		l := listing{noun: "model package groups",
			header: []string{"NAME", "PROJECT", "VERSIONS", "LATEST APPROVED", "PENDING", "AGE"}}
		for _, g := range gs.Groups {
			if !r.inScope(g.Project) {
				continue
			}
			approved := "-"
			if g.LatestApproved > 0 {
				approved = "v" + strconv.Itoa(g.LatestApproved)
			}
			items = append(items, modelGroupRow(g))
			l.cells = append(l.cells, []string{g.Name, g.Project, strconv.Itoa(g.Versions), approved, strconv.Itoa(g.Pending), age(g.CreatedAt, r)})
		}
		l.items = items
		return l, nil
	}
	var names []string
	for _, g := range gs.Groups {
		names = append(names, g.Name)
	}
	if err := mustExist("model package group", r.flags.group, names); err != nil {
		return listing{}, err
	}
	d, err := fetch[backend.ModelVersionsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedModelVersions, Arg: r.flags.group})
	if err != nil {
		return listing{}, err
	}
	items := []modelVersionOut{}
	l := listing{noun: "versions of " + r.flags.group,
		header: []string{"VERSION", "APPROVAL", "STATUS", "CREATED BY", "METRICS", "AGE"}}
	if !r.inScope(d.Group.Project) {
		l.items = items
		return l, nil
	}
	for _, v := range d.Versions {
		var metrics []string
		for _, m := range v.Report.Metrics {
			metrics = append(metrics, m.Name+"="+metricValue(m.Value))
		}
		items = append(items, modelVersionRow(v))
		l.cells = append(l.cells, []string{"v" + strconv.Itoa(v.Version), v.Approval, v.Status, v.CreatedBy,
			kit.Truncate(strings.Join(metrics, " "), 60), age(v.CreatedAt, r)})
	}
	l.items = items
	return l, nil
}

func listEndpoints(ctx context.Context, r *getRun) (listing, error) {
	d, err := fetch[backend.EndpointsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedEndpoints})
	if err != nil {
		return listing{}, err
	}
	items := []endpointOut{}
	l := listing{noun: "endpoints",
		header: []string{"NAME", "STATUS", "HEALTH", "STAGE", "PROJECT", "INSTANCES", "INV/MIN", "5XX", "P99", "AGE"}}
	for _, e := range d.Endpoints {
		if !r.inScope(e.Project) {
			continue
		}
		row := endpointRow(e)
		inv, r5, p99 := "-", "-", "-"
		if e.Metrics.Known {
			inv, r5, p99 = kit.ShortCount(e.Metrics.InvocationsPerMin), kit.Percent(e.Metrics.Rate5xx), e.Metrics.LatencyP99.Round(time.Millisecond).String()
		}
		items = append(items, row)
		l.cells = append(l.cells, []string{e.Name, e.Status, row.Health, e.Stage, e.Project, strconv.Itoa(row.Instances), inv, r5, p99, age(e.CreatedAt, r)})
	}
	l.items = items
	return l, nil
}

func listRecoveryPoints(ctx context.Context, r *getRun) (listing, error) {
	fss, err := fetch[backend.FileSystemsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedFileSystems})
	if err != nil {
		return listing{}, err
	}
	var chosen []domain.FileSystem
	var known []string
	for _, fs := range fss.FileSystems {
		known = append(known, fs.ID)
		if want := r.flags.fileSystem; want == "" || want == fs.ID || want == fs.Name {
			chosen = append(chosen, fs)
		}
	}
	if r.flags.fileSystem != "" && len(chosen) == 0 {
		return listing{}, mustExist("file system", r.flags.fileSystem, known)
	}
	items := []recoveryPointOut{}
	l := listing{noun: "recovery points",
		header: []string{"RECOVERY POINT", "FILE SYSTEM", "DOMAIN", "STATUS", "SIZE", "PLAN", "AGE"}}
	for _, fs := range chosen {
		d, err := fetch[backend.RecoveryPointsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedRecoveryPoints, Arg: fs.ID})
		if err != nil {
			return listing{}, err
		}
		for _, p := range d.Points {
			items = append(items, recoveryPointRow(fs.ID, p))
			l.cells = append(l.cells, []string{lastSegment(p.ARN), fs.ID, fs.DomainName, p.Status, kit.Bytes(p.SizeBytes), p.PlanName, age(p.CreatedAt, r)})
		}
	}
	l.items = items
	return l, nil
}

func listRestoreJobs(ctx context.Context, r *getRun) (listing, error) {
	d, err := fetch[backend.RestoreJobsData](ctx, r.fetch, backend.FeedKey{Kind: backend.FeedRestoreJobs})
	if err != nil {
		return listing{}, err
	}
	items := []restoreJobOut{}
	l := listing{noun: "restore jobs",
		header: []string{"ID", "STATUS", "PROGRESS", "AGE", "COMPLETED", "RESTORED TO"}}
	for _, j := range d.Jobs {
		completed := ""
		if !j.CompletedAt.IsZero() {
			completed = age(j.CompletedAt, r)
		}
		items = append(items, restoreJobRow(j))
		l.cells = append(l.cells, []string{j.ID, j.Status, j.PercentDone, age(j.CreatedAt, r), completed, lastSegment(j.CreatedResourceARN)})
	}
	l.items = items
	return l, nil
}

// metricValue writes a metric for people: four significant digits, and
// large values (an RMSE of 37,540 dollars) whole, never as 3.754e+04.
func metricValue(v float64) string {
	if math.Abs(v) >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// age is how old t is on the account's clock, kubectl style: 5m, 3d.
func age(t time.Time, r *getRun) string {
	if t.IsZero() {
		return "-"
	}
	return kit.ShortDuration(r.now.Sub(t))
}

// mustExist fails with ExitNotFound, naming close matches, when name is
// not among known.
func mustExist(what, name string, known []string) error {
	for _, k := range known {
		if k == name {
			return nil
		}
	}
	return withCode(ExitNotFound, fmt.Errorf("no %s named %q%s", what, name, closeMatches(name, known)))
}

// closeMatches names up to three known values that share the longest
// prefix with s.
func closeMatches(s string, known []string) string {
	best, bestLen := []string{}, 1
	for _, k := range known {
		n := 0
		for n < len(s) && n < len(k) && s[n] == k[n] {
			n++
		}
		switch {
		case n > bestLen:
			best, bestLen = []string{k}, n
		case n == bestLen:
			best = append(best, k)
		}
	}
	if len(best) == 0 {
		return ""
	}
	if len(best) > 3 {
		best = best[:3]
	}
	return " (did you mean " + strings.Join(best, ", ") + "?)"
}
