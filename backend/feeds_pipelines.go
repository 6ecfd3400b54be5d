package backend

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

const (
	// recentExecutions is how many executions the pipelines list reads per
	// pipeline for its summary (success rate over the last ten).
	recentExecutions = 10
	// listedExecutions is how many executions the executions feed shows.
	listedExecutions = 30
)

// pipelineCache holds pipelines (listed; described when new or modified,
// for their definition's parameters; tags read once, by one Search for
// all), their recent executions (listed again only when ListPipelines
// shows a newer LastExecutionTime or one of them is still running), and
// executions: described while running, and once finished never again;
// their definitions and parameters are immutable, so read once.
type pipelineCache struct {
	acct *aws.Account
	tags domain.TagKeys

	mu         sync.Mutex
	pipelines  map[string]*pipelineEntry
	executions map[string]*execEntry // by ARN
	listedAt   time.Time
	search     searchable
}

type pipelineEntry struct {
	p              domain.Pipeline
	definition     string
	described      bool
	tagged         bool
	listedLastExec time.Time // LastExecutionTime as last listed
	lastExecution  time.Time // ... when the recent runs were read
	recent         []domain.PipelineExecution
	recentListed   bool
}

func (e *pipelineEntry) tagTarget() (string, string) { return e.p.Name, e.p.ARN }

func (e *pipelineEntry) setProject(project string) { e.p.Project, e.tagged = project, true }

type execEntry struct {
	exec      domain.PipelineExecution
	described bool
	// describedAt is when it was last described (poll clock): the
	// executions list and the execution's own feed share one describe per
	// RunningJobs interval.
	describedAt time.Time
	params      map[string]string
	defRead     bool
	def         domain.PipelineDefinition
	defErr      string
	steps       []domain.PipelineStep
	stepsDone   bool // listed after the execution finished: final
}

func newPipelineCache(acct *aws.Account, tags domain.TagKeys) *pipelineCache {
	return &pipelineCache{acct: acct, tags: tags, pipelines: map[string]*pipelineEntry{}, executions: map[string]*execEntry{}}
}

func (c *Client) fetchPipelines(ctx context.Context, _ any) (any, error) {
	ps, err := c.pipelines.syncList(ctx, c.pollClock.Now())
	if err != nil {
		return nil, err
	}
	return PipelinesData{Pipelines: ps}, nil
}

// syncCatalog lists the pipelines and reads the project tags of new ones,
// unless that was done less than maxAge ago: what project usage needs.
func (pc *pipelineCache) syncCatalog(ctx context.Context, now time.Time, maxAge time.Duration) error {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if !isDue(now, pc.listedAt, maxAge) {
		return nil
	}
	return pc.catalogLocked(ctx, now)
}

func (pc *pipelineCache) catalogLocked(ctx context.Context, now time.Time) error {
	listed, err := pc.acct.Pipelines(ctx)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	var untagged []*pipelineEntry
	for _, l := range listed {
		seen[l.Pipeline.Name] = true
		e := pc.pipelines[l.Pipeline.Name]
		if e == nil {
			e = &pipelineEntry{p: l.Pipeline}
			pc.pipelines[l.Pipeline.Name] = e
		}
		if e.described && !l.Pipeline.LastModified.IsZero() && !e.p.LastModified.Equal(l.Pipeline.LastModified) {
			e.described = false
		}
		e.listedLastExec = l.LastExecutionTime
		if !e.tagged {
			untagged = append(untagged, e)
		}
	}
	for name := range pc.pipelines {
		if !seen[name] {
			delete(pc.pipelines, name)
		}
	}
	if err := readProjectTags(ctx, pc.acct, &pc.search, aws.SearchPipelines, pc.tags.ProjectName, untagged); err != nil {
		return err
	}
	pc.listedAt = now
	return nil
}

// syncList lists the pipelines, describes new and modified ones, and
// reads the recent executions of those that ran since or still run, all
// pipelines at once.
func (pc *pipelineCache) syncList(ctx context.Context, now time.Time) ([]domain.Pipeline, error) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if err := pc.catalogLocked(ctx, now); err != nil {
		return nil, err
	}
	entries := make([]*pipelineEntry, 0, len(pc.pipelines))
	for _, e := range pc.pipelines {
		entries = append(entries, e)
	}
	recent := make([][]domain.PipelineExecution, len(entries))
	relisted := make([]bool, len(entries))
	err := each(ctx, len(entries), func(ctx context.Context, i int) error {
		e := entries[i]
		if err := pc.describeLocked(ctx, e); err != nil {
			return err
		}
		if e.recentListed && e.lastExecution.Equal(e.listedLastExec) && !anyRunning(e.recent) {
			return nil
		}
		var err error
		recent[i], err = pc.acct.PipelineExecutions(ctx, e.p.Name, recentExecutions)
		relisted[i] = err == nil
		return err
	})
	if err != nil {
		return nil, err
	}
	out := make([]domain.Pipeline, 0, len(entries))
	for i, e := range entries {
		if relisted[i] {
			e.recent = pc.takeListedLocked(recent[i])
			e.recentListed, e.lastExecution = true, e.listedLastExec
		}
		out = append(out, summarise(e.p, e.recent))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// describeLocked reads a pipeline's definition (for its parameters) if it
// is new or was modified.
func (pc *pipelineCache) describeLocked(ctx context.Context, e *pipelineEntry) error {
	if e.described {
		return nil
	}
	p, def, err := pc.acct.DescribePipeline(ctx, e.p.Name)
	if err != nil {
		return err
	}
	// A definition with a broken reference still declares its
	// parameters, which starting a run needs.
	parsed, _ := parseDefinition(def)
	p.Parameters = parsed.Parameters
	p.Project = e.p.Project
	e.p, e.definition, e.described = p, def, true
	return nil
}

// pipelineLocked returns a pipeline, listed when unknown, described and
// tagged.
func (pc *pipelineCache) pipelineLocked(ctx context.Context, name string, now time.Time) (*pipelineEntry, error) {
	if pc.pipelines[name] == nil {
		if err := pc.catalogLocked(ctx, now); err != nil {
			return nil, err
		}
	}
	e := pc.pipelines[name]
	if e == nil {
		return nil, fmt.Errorf("pipeline %s does not exist", name)
	}
	return e, pc.describeLocked(ctx, e)
}

// takeListedLocked records listed executions as the list summary says
// them (status, start, failure reason), keeping what a describe added.
func (pc *pipelineCache) takeListedLocked(listed []domain.PipelineExecution) []domain.PipelineExecution {
	out := make([]domain.PipelineExecution, 0, len(listed))
	for _, l := range listed {
		x := pc.executions[l.ARN]
		if x == nil {
			x = &execEntry{exec: l}
			pc.executions[l.ARN] = x
		}
		if x.exec.Status != l.Status {
			x.exec.Status, x.exec.FailureReason, x.described = l.Status, l.FailureReason, false
		}
		out = append(out, x.exec)
	}
	return out
}

// executionsLocked lists a pipeline's newest executions and describes
// those that are new, or still running and not described for every (who
// started them, when they ended), all at once.
func (pc *pipelineCache) executionsLocked(ctx context.Context, pipeline string, max int, now time.Time, every time.Duration) ([]domain.PipelineExecution, error) {
	listed, err := pc.acct.PipelineExecutions(ctx, pipeline, max)
	if err != nil {
		return nil, err
	}
	pc.takeListedLocked(listed)
	var due []*execEntry
	for _, l := range listed {
		if x := pc.executions[l.ARN]; !x.described || !x.exec.Terminal() && isDue(now, x.describedAt, every) {
			due = append(due, x)
		}
	}
	err = each(ctx, len(due), func(ctx context.Context, i int) error {
		return pc.describeExecLocked(ctx, due[i], due[i].exec.ARN, now)
	})
	if err != nil {
		return nil, err
	}
	if err := pc.readParamsLocked(ctx, listed); err != nil {
		return nil, err
	}
	out := make([]domain.PipelineExecution, 0, len(listed))
	for _, l := range listed {
		out = append(out, pc.executions[l.ARN].exec)
	}
	return out, nil
}

// readParamsLocked reads the parameters of listed executions that have
// none yet, so the list can show what differs from the defaults. An
// execution's parameters never change: one call each per session.
func (pc *pipelineCache) readParamsLocked(ctx context.Context, listed []domain.PipelineExecution) error {
	var unread []*execEntry
	for _, l := range listed {
		if x := pc.executions[l.ARN]; x.params == nil {
			unread = append(unread, x)
		}
	}
	got := make([]map[string]string, len(unread))
	err := each(ctx, len(unread), func(ctx context.Context, i int) error {
		params, err := pc.acct.ExecutionParameters(ctx, unread[i].exec.ARN)
		got[i] = params
		return err
	})
	if err != nil {
		return err
	}
	for i, x := range unread {
		x.params, x.exec.Parameters = got[i], got[i]
	}
	return nil
}

func (pc *pipelineCache) describeExecLocked(ctx context.Context, x *execEntry, arn string, now time.Time) error {
	d, err := pc.acct.DescribePipelineExecution(ctx, arn)
	if err != nil {
		return err
	}
	if d.PipelineName == "" {
		d.PipelineName = x.exec.PipelineName
	}
	d.Parameters, d.Steps = x.params, x.exec.Steps
	x.exec, x.described, x.describedAt = d, true, now
	return nil
}

func anyRunning(execs []domain.PipelineExecution) bool {
	for _, e := range execs {
		if !e.Terminal() {
			return true
		}
	}
	return false
}

// summarise fills a pipeline's last execution, running count and success
// rate over its last ten finished executions.
func summarise(p domain.Pipeline, recent []domain.PipelineExecution) domain.Pipeline {
	p.LastExecution, p.Running, p.SuccessRate = nil, 0, -1
	finished, succeeded := 0, 0
	for i, e := range recent {
		if i == 0 {
			last := e
			p.LastExecution = &last
		}
		if !e.Terminal() {
			p.Running++
			continue
		}
		if finished < 10 {
			finished++
			if e.Status == domain.ExecSucceeded {
				succeeded++
			}
		}
	}
	if finished > 0 {
		p.SuccessRate = float64(succeeded) / float64(finished)
	}
	return p
}

func (c *Client) fetchExecutions(ctx context.Context, pipeline string) (any, error) {
	pc := c.pipelines
	pc.mu.Lock()
	defer pc.mu.Unlock()
	now := c.pollClock.Now()
	e, err := pc.pipelineLocked(ctx, pipeline, now)
	if err != nil {
		return nil, err
	}
	execs, err := pc.executionsLocked(ctx, pipeline, listedExecutions, now, c.intervals.RunningJobs)
	if err != nil {
		return nil, err
	}
	e.recent = execs[:min(len(execs), recentExecutions)]
	e.recentListed = true
	return ExecutionsData{Pipeline: summarise(e.p, e.recent), Executions: execs}, nil
}

// executionInterval polls a running execution at the running-jobs cadence.
func (c *Client) executionInterval(data any) time.Duration {
	if d, ok := data.(ExecutionData); ok && !d.Execution.Terminal() {
		return c.intervals.RunningJobs
	}
	return 0
}

func (c *Client) fetchExecution(ctx context.Context, arn string) (any, error) {
	pc := c.pipelines
	pc.mu.Lock()
	defer pc.mu.Unlock()
	x := pc.executions[arn]
	if x == nil {
		x = &execEntry{}
		pc.executions[arn] = x
	}
	// Finished and described: never again. Running: once per interval,
	// which the executions list may already have spent.
	now := c.pollClock.Now()
	if !x.described || !x.exec.Terminal() && isDue(now, x.describedAt, c.intervals.RunningJobs) {
		if err := pc.describeExecLocked(ctx, x, arn, now); err != nil {
			return nil, err
		}
	}
	if !x.defRead {
		def, err := pc.acct.ExecutionDefinition(ctx, arn)
		if err != nil {
			return nil, err
		}
		if x.def, err = parseDefinition(def); err != nil {
			x.defErr = err.Error()
		} else {
			x.defErr = graphError(x.def)
		}
		x.defRead = true
	}
	if x.params == nil {
		params, err := pc.acct.ExecutionParameters(ctx, arn)
		if err != nil {
			return nil, err
		}
		x.params = params
		x.exec.Parameters = params
	}
	if !x.stepsDone {
		steps, err := pc.acct.ExecutionSteps(ctx, arn)
		if err != nil {
			return nil, err
		}
		x.steps = steps
		x.exec.Steps = steps
		x.stepsDone = x.exec.Terminal()
	}
	return ExecutionData{
		Execution:  x.exec,
		Definition: x.def,
		Steps:      stepsByName(x.def, x.steps),
		GraphErr:   x.defErr,
	}, nil
}

// stepsByName has one entry per step of the definition (NotStarted until
// the execution reaches it) and one per step the execution listed.
func stepsByName(def domain.PipelineDefinition, listed []domain.PipelineStep) map[string]domain.PipelineStep {
	out := make(map[string]domain.PipelineStep, len(def.Steps))
	types := map[string]string{}
	for _, d := range def.Steps {
		types[d.Name] = d.Type
		out[d.Name] = domain.PipelineStep{Name: d.Name, Type: d.Type, Status: domain.StepNotStarted}
	}
	for _, s := range listed {
		if t := types[s.Name]; t != "" {
			s.Type = t
		}
		out[s.Name] = s
	}
	return out
}

// list returns the pipelines known so far, for project usage.
func (pc *pipelineCache) list() []domain.Pipeline {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	out := make([]domain.Pipeline, 0, len(pc.pipelines))
	for _, e := range pc.pipelines {
		out = append(out, e.p)
	}
	return out
}
