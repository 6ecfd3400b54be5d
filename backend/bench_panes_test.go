package backend

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// A naive poller of one collection: every period, one round that lists
// everything and describes (and tags) everything listed.
type naiveRound struct {
	period time.Duration
	round  func(ctx context.Context, a *aws.Account) error
}

// paneLoad is what one pane polls: the feeds it subscribes to, what each
// operation they call may cost, and what a naive poller would do for the
// same screen.
type paneLoad struct {
	name    string
	feeds   func(b *testing.B, env *sandboxtest.Env) []FeedKey
	budgets map[string]budget
	naive   func(b *testing.B, env *sandboxtest.Env) []naiveRound
}

// BenchmarkPaneCallsPerMinute reports, for each pane, the AWS calls per
// minute its feeds make at steady state on the sandbox's default account
// (the world moving: jobs progress, executions advance, endpoints serve),
// beside a naive poller of the same screen on the same account, and their
// ratio. It fails when a pane breaks its budgets (see callLog.check): a
// collection listed more than once per its feed's interval, an item
// described more than once per interval, an item read again after it
// finished, or a call the pane has no budget for.
//
//	go test -run '^$' -bench PaneCallsPerMinute -benchtime 1x ./backend/
func BenchmarkPaneCallsPerMinute(b *testing.B) {
	for _, pane := range paneLoads() {
		b.Run(pane.name, func(b *testing.B) {
			var feeds, naive float64
			for b.Loop() {
				env := sandboxtest.Start(b)
				log := newCallLog()
				feeds = feedCallsPerMinuteOn(b, env, pane.feeds(b, env), log)
				if broken := log.check(measuredMinutes*time.Minute, pane.budgets); len(broken) > 0 {
					b.Fatalf("the %s pane's feeds broke their budgets:\n%s\ncalls in the window, by item:\n%s",
						pane.name, strings.Join(broken, "\n"), strings.Join(log.items(), "\n"))
				}
				naive = naiveCallsPerMinuteOn(b, env, pane.naive(b, env))
			}
			b.ReportMetric(feeds, "feed-calls/min")
			b.ReportMetric(naive, "naive-calls/min")
			b.ReportMetric(naive/feeds, "naive/feeds")
		})
	}
}

// feedCallsPerMinuteOn subscribes keys as a data scientist, lets the feeds
// run two simulated minutes, then counts five more and returns a minute's
// share. Both clocks move together, from one timer to the next.
func feedCallsPerMinuteOn(b *testing.B, env *sandboxtest.Env, keys []FeedKey, log *callLog) float64 {
	// The SDK adds a custom CA bundle only to its own client type; the
	// sandbox speaks plain HTTP anyway.
	b.Setenv("AWS_CA_BUNDLE", "")
	opts := Options{}
	opts.AWS.HTTPClient = log
	s := clientOn(b, env, "project-admin", opts)
	defer s.c.Close()
	for _, k := range keys {
		defer s.c.Subscribe(k)()
	}
	go func() {
		for range s.c.Updates() {
		}
	}()
	// run returns with the feeds parked: every poll due by then is done.
	run := func(d time.Duration) {
		end := s.clock.Now().Add(d)
		for {
			idle(b, s.clock, len(keys))
			if !s.clock.Now().Before(end) {
				return
			}
			next, _ := s.clock.NextDeadline()
			s.advance(b, len(keys), min(next, end.Sub(s.clock.Now())))
		}
	}
	run(2 * time.Minute)
	log.startCounting()
	before := s.c.Calls().Total
	run(measuredMinutes * time.Minute)
	return float64(s.c.Calls().Total-before) / measuredMinutes
}

// measuredMinutes is the window the benchmark counts, after warm-up.
const measuredMinutes = 5

// naiveCallsPerMinuteOn runs each naive round once and scales its calls to
// a minute of its period.
func naiveCallsPerMinuteOn(b *testing.B, env *sandboxtest.Env, rounds []naiveRound) float64 {
	ctx := context.Background()
	acct, err := aws.New(ctx, sandboxOptions(b, env, "project-admin", Options{}).AWS)
	if err != nil {
		b.Fatal(err)
	}
	defer acct.Close()
	perMinute := 0.0
	for _, r := range rounds {
		before := acct.Meter.Stats().Total
		if err := r.round(ctx, acct); err != nil {
			b.Fatal(err)
		}
		perMinute += float64(acct.Meter.Stats().Total-before) * float64(time.Minute) / float64(r.period)
	}
	return perMinute
}

func paneLoads() []paneLoad {
	iv := DefaultIntervals()
	key := func(kind FeedKind, arg string) FeedKey { return FeedKey{Kind: kind, Arg: arg} }
	return []paneLoad{
		{
			name:  "projects",
			feeds: func(*testing.B, *sandboxtest.Env) []FeedKey { return []FeedKey{key(FeedProjects, "")} },
			budgets: map[string]budget{
				"sagemaker:ListDomains": {every: iv.Projects}, "sagemaker:ListUserProfiles": {every: iv.Projects},
				"sagemaker:ListApps": {every: iv.Projects}, "sagemaker:ListSpaces": {every: iv.Projects},
				"sagemaker:ListProjects": {every: iv.Projects}, "sagemaker:ListEndpoints": {every: iv.Projects},
				"sagemaker:ListPipelines": {every: iv.Projects}, "sagemaker:ListTrainingJobs": {every: iv.Projects},
				"sagemaker:Search": {every: iv.Projects},
				// Usage counts running jobs' hours; endpoints' instance counts.
				"sagemaker:DescribeTrainingJob": {every: iv.Projects, perItem: true},
				"sagemaker:DescribeEndpoint":    {every: iv.Projects, perItem: true},
			},
			naive: func(*testing.B, *sandboxtest.Env) []naiveRound {
				return []naiveRound{{iv.Projects, naiveProjects}}
			},
		},
		{
			name: "jobs",
			feeds: func(b *testing.B, env *sandboxtest.Env) []FeedKey {
				job := runningJobOf(b, env.World(), "hdb-resale-valuation")
				return []FeedKey{key(FeedTrainingJobs, ""), key(FeedTrainingJob, job), key(FeedJobLogs, job)}
			},
			budgets: map[string]budget{
				"sagemaker:ListTrainingJobs":    {every: iv.TrainingList},
				"sagemaker:DescribeTrainingJob": {every: iv.RunningJobs, perItem: true},
				"cloudwatch:GetMetricData":      {every: iv.TrainingList}, // the open job's curves
				"logs:DescribeLogStreams":       {every: streamRefresh},
				"logs:GetLogEvents":             {every: iv.Logs, perItem: true}, // per stream
			},
			naive: func(b *testing.B, env *sandboxtest.Env) []naiveRound {
				job := runningJobOf(b, env.World(), "hdb-resale-valuation")
				return []naiveRound{
					{iv.TrainingList, naiveJobs},
					{iv.RunningJobs, func(ctx context.Context, a *aws.Account) error { return naiveJob(ctx, a, job) }},
					{iv.Logs, func(ctx context.Context, a *aws.Account) error { return naiveLogs(ctx, a, job) }},
				}
			},
		},
		{
			name: "pipelines",
			feeds: func(b *testing.B, env *sandboxtest.Env) []FeedKey {
				running := runningExecutionOf(b, env, "hdb-resale-valuation")
				return []FeedKey{key(FeedPipelines, ""), key(FeedExecutions, "hdb-resale-valuation"), key(FeedExecution, running)}
			},
			budgets: map[string]budget{
				"sagemaker:ListPipelines":              {every: iv.Pipelines},
				"sagemaker:ListPipelineExecutions":     {every: iv.Pipelines, perItem: true}, // per pipeline
				"sagemaker:DescribePipelineExecution":  {every: iv.RunningJobs, perItem: true},
				"sagemaker:ListPipelineExecutionSteps": {every: iv.RunningJobs, perItem: true},
			},
			naive: func(b *testing.B, env *sandboxtest.Env) []naiveRound {
				running := runningExecutionOf(b, env, "hdb-resale-valuation")
				return []naiveRound{
					{iv.Pipelines, naivePipelines},
					{iv.Pipelines, func(ctx context.Context, a *aws.Account) error {
						return naiveExecutions(ctx, a, "hdb-resale-valuation", listedExecutions)
					}},
					{iv.RunningJobs, func(ctx context.Context, a *aws.Account) error { return naiveExecution(ctx, a, running) }},
				}
			},
		},
		{
			name: "registry",
			feeds: func(*testing.B, *sandboxtest.Env) []FeedKey {
				return []FeedKey{key(FeedModelGroups, ""), key(FeedModelVersions, "hdb-resale-valuation")}
			},
			budgets: map[string]budget{
				"sagemaker:ListModelPackageGroups": {every: iv.Registry},
				"sagemaker:ListModelPackages":      {every: iv.Registry, perItem: true}, // per group
			},
			naive: func(*testing.B, *sandboxtest.Env) []naiveRound {
				return []naiveRound{
					{iv.Registry, naiveGroups},
					{iv.Registry, func(ctx context.Context, a *aws.Account) error { return naiveVersions(ctx, a, "hdb-resale-valuation") }},
				}
			},
		},
		{
			name:  "endpoints",
			feeds: func(*testing.B, *sandboxtest.Env) []FeedKey { return []FeedKey{key(FeedEndpoints, "")} },
			budgets: map[string]budget{
				"sagemaker:ListEndpoints":    {every: iv.Endpoints},
				"sagemaker:DescribeEndpoint": {every: iv.Endpoints, perItem: true},
				"cloudwatch:DescribeAlarms":  {every: iv.Endpoints},
				"cloudwatch:GetMetricData":   {every: iv.Endpoints}, // every endpoint in one batch
			},
			naive: func(*testing.B, *sandboxtest.Env) []naiveRound {
				return []naiveRound{{iv.Endpoints, naiveEndpoints}}
			},
		},
		{
			name: "backups",
			feeds: func(b *testing.B, env *sandboxtest.Env) []FeedKey {
				return []FeedKey{key(FeedFileSystems, ""), key(FeedRecoveryPoints, firstFileSystem(env)), key(FeedRestoreJobs, "")}
			},
			budgets: map[string]budget{
				"efs:DescribeFileSystems":             {every: iv.Backups},
				"sagemaker:ListDomains":               {every: iv.Backups},
				"sagemaker:ListUserProfiles":          {every: iv.Backups},
				"backup:ListRecoveryPointsByResource": {every: iv.Backups},
				"backup:ListRestoreJobs":              {every: iv.RestoreIdle},
			},
			naive: func(b *testing.B, env *sandboxtest.Env) []naiveRound {
				fs := firstFileSystem(env)
				return []naiveRound{
					{iv.Backups, naiveFileSystems},
					{iv.Backups, func(ctx context.Context, a *aws.Account) error { return naiveRecoveryPoints(ctx, a, fs) }},
					{iv.RestoreIdle, naiveRestores},
				}
			},
		},
	}
}

func runningExecutionOf(b *testing.B, env *sandboxtest.Env, pipeline string) string {
	for _, e := range worldExecutions(b, env.World(), pipeline) {
		if !terminalExec(e.PipelineExecutionStatus) {
			return e.PipelineExecutionArn
		}
	}
	b.Fatalf("no running execution of %s", pipeline)
	return ""
}

func firstFileSystem(env *sandboxtest.Env) string { return env.World().FileSystems()[0].FileSystemId }

// The naive rounds. Each lists a collection and reads every item in full.

func naiveProjects(ctx context.Context, a *aws.Account) error {
	domains, err := a.Domains(ctx)
	if err != nil {
		return err
	}
	caller, err := a.Caller(ctx)
	if err != nil {
		return err
	}
	for _, d := range domains {
		if _, err := a.DescribeDomain(ctx, d.ID); err != nil {
			return err
		}
		users, err := a.UserProfiles(ctx, d.ID, "")
		if err != nil {
			return err
		}
		for _, u := range users {
			if _, err := a.DescribeUserProfile(ctx, u.DomainID, u.Name); err != nil {
				return err
			}
			if _, err := a.Tags(ctx, aws.UserProfileARN(caller.ARN, a.Region, u.DomainID, u.Name)); err != nil {
				return err
			}
		}
		if _, err := a.Apps(ctx, d.ID); err != nil {
			return err
		}
	}
	projects, err := a.Projects(ctx)
	if err != nil {
		return err
	}
	for _, p := range projects {
		d, err := a.DescribeProject(ctx, p.Name)
		if err != nil {
			return err
		}
		if _, err := a.ProductName(ctx, d.TemplateID); err != nil {
			return err
		}
		if _, err := a.Tags(ctx, p.ARN); err != nil {
			return err
		}
	}
	// Usage and findings need every job's instance type and project.
	if err := naiveJobs(ctx, a); err != nil {
		return err
	}
	if err := naiveEndpoints(ctx, a); err != nil {
		return err
	}
	return naivePipelineList(ctx, a)
}

func naiveJobs(ctx context.Context, a *aws.Account) error {
	var jobs []domain.TrainingJob
	err := a.ListTrainingJobs(ctx, "", func(page []domain.TrainingJob, _ string) bool {
		jobs = append(jobs, page...)
		return true
	})
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if _, err := a.DescribeTrainingJob(ctx, j.Name); err != nil {
			return err
		}
		if _, err := a.Tags(ctx, j.ARN); err != nil {
			return err
		}
	}
	return nil
}

func naiveJob(ctx context.Context, a *aws.Account, name string) error {
	j, err := a.DescribeTrainingJob(ctx, name)
	if err != nil {
		return err
	}
	refs, err := a.ListMetrics(ctx, trainingMetricsNamespace, []aws.Dim{{Name: "Host", Value: name + "/algo-1"}})
	if err != nil {
		return err
	}
	for i, r := range refs {
		q := aws.MetricQuery{ID: fmt.Sprintf("m%d", i), Namespace: trainingMetricsNamespace, Metric: r.Metric,
			Dims: []aws.Dim{{Name: "Host", Value: name + "/algo-1"}}, Stat: "Average", Period: time.Minute}
		if _, err := a.MetricData(ctx, []aws.MetricQuery{q}, j.CreatedAt, time.Now()); err != nil {
			return err
		}
	}
	return nil
}

// naiveLogs reads the whole log again every time.
func naiveLogs(ctx context.Context, a *aws.Account, job string) error {
	streams, err := a.LogStreams(ctx, trainingLogGroup, job+"/", 50)
	if err != nil {
		return err
	}
	for _, s := range streams {
		if _, _, err := a.LogEvents(ctx, trainingLogGroup, s.Name, "", 100); err != nil {
			return err
		}
	}
	return nil
}

func naivePipelineList(ctx context.Context, a *aws.Account) error {
	ps, err := a.Pipelines(ctx)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if _, _, err := a.DescribePipeline(ctx, p.Pipeline.Name); err != nil {
			return err
		}
		if _, err := a.Tags(ctx, p.Pipeline.ARN); err != nil {
			return err
		}
	}
	return nil
}

func naivePipelines(ctx context.Context, a *aws.Account) error {
	if err := naivePipelineList(ctx, a); err != nil {
		return err
	}
	ps, err := a.Pipelines(ctx)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := naiveExecutions(ctx, a, p.Pipeline.Name, recentExecutions); err != nil {
			return err
		}
	}
	return nil
}

func naiveExecutions(ctx context.Context, a *aws.Account, pipeline string, max int) error {
	execs, err := a.PipelineExecutions(ctx, pipeline, max)
	if err != nil {
		return err
	}
	for _, e := range execs {
		if _, err := a.DescribePipelineExecution(ctx, e.ARN); err != nil {
			return err
		}
	}
	return nil
}

func naiveExecution(ctx context.Context, a *aws.Account, arn string) error {
	if _, err := a.DescribePipelineExecution(ctx, arn); err != nil {
		return err
	}
	if _, err := a.ExecutionDefinition(ctx, arn); err != nil {
		return err
	}
	if _, err := a.ExecutionParameters(ctx, arn); err != nil {
		return err
	}
	_, err := a.ExecutionSteps(ctx, arn)
	return err
}

func naiveGroups(ctx context.Context, a *aws.Account) error {
	groups, err := a.ModelGroups(ctx)
	if err != nil {
		return err
	}
	for _, g := range groups {
		if _, err := a.Tags(ctx, g.ARN); err != nil {
			return err
		}
		if _, err := a.ModelVersions(ctx, g.Name); err != nil {
			return err
		}
	}
	return nil
}

func naiveVersions(ctx context.Context, a *aws.Account, group string) error {
	versions, err := a.ModelVersions(ctx, group)
	if err != nil {
		return err
	}
	for _, l := range versions {
		v, err := a.DescribeModelVersion(ctx, l.ARN)
		if err != nil {
			return err
		}
		if v.MetricsURI != "" {
			if _, err := a.GetObject(ctx, v.MetricsURI, maxReportBytes); err != nil && !aws.IsNotFound(err) {
				return err
			}
		}
		if v.Lineage.TrainingJobName != "" {
			if _, err := a.DescribeTrainingJob(ctx, v.Lineage.TrainingJobName); err != nil && !aws.IsNotFound(err) {
				return err
			}
		}
	}
	return nil
}

// naiveEndpoints reads every endpoint in full and its metrics one
// endpoint at a time.
func naiveEndpoints(ctx context.Context, a *aws.Account) error {
	eps, err := a.Endpoints(ctx)
	if err != nil {
		return err
	}
	for _, l := range eps {
		e, err := a.DescribeEndpoint(ctx, l.Name)
		if err != nil {
			return err
		}
		if _, err := a.DescribeEndpointConfig(ctx, e.ConfigName); err != nil {
			return err
		}
		if _, err := a.Tags(ctx, e.ARN); err != nil {
			return err
		}
		end := time.Now().Truncate(time.Minute)
		if _, err := a.MetricData(ctx, endpointQueries("e", e, a.Region, listMetricsPeriod), end.Add(-listMetricsWindow), end); err != nil {
			return err
		}
	}
	if _, err := a.Alarms(ctx); err != nil {
		return err
	}
	_, err = a.APIFronts(ctx)
	return err
}

func naiveFileSystems(ctx context.Context, a *aws.Account) error {
	if _, err := a.FileSystems(ctx); err != nil {
		return err
	}
	domains, err := a.Domains(ctx)
	if err != nil {
		return err
	}
	for _, d := range domains {
		if _, err := a.DescribeDomain(ctx, d.ID); err != nil {
			return err
		}
		users, err := a.UserProfiles(ctx, d.ID, "")
		if err != nil {
			return err
		}
		for _, u := range users {
			if _, err := a.DescribeUserProfile(ctx, u.DomainID, u.Name); err != nil {
				return err
			}
		}
	}
	return nil
}

func naiveRecoveryPoints(ctx context.Context, a *aws.Account, fsID string) error {
	fss, err := a.FileSystems(ctx)
	if err != nil {
		return err
	}
	for _, fs := range fss {
		if fs.ID != fsID {
			continue
		}
		points, err := a.RecoveryPoints(ctx, fs.ARN)
		if err != nil {
			return err
		}
		for _, p := range points {
			if _, err := a.DescribeRecoveryPoint(ctx, p.Vault, p.ARN); err != nil {
				return err
			}
		}
	}
	return nil
}

func naiveRestores(ctx context.Context, a *aws.Account) error {
	jobs, err := a.RestoreJobs(ctx, time.Time{})
	if err != nil {
		return err
	}
	for _, j := range jobs {
		if _, err := a.DescribeRestoreJob(ctx, j.ID); err != nil {
			return err
		}
	}
	return nil
}
