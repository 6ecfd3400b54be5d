package backend

import (
	"context"
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

// pipelineCache holds pipelines (described when new or modified), their
// recent executions (listed again only when ListPipelines shows a newer
// LastExecutionTime or one of them is still running), and executions:
// described while running, and once finished never again; their
// definitions and parameters are immutable, so read once.
type pipelineCache struct {
	acct *aws.Account
	tags domain.TagKeys

	mu         sync.Mutex
	pipelines  map[string]*pipelineEntry
	executions map[string]*execEntry // by ARN
}

type pipelineEntry struct {
	p             domain.Pipeline
	definition    string
	tagged        bool
	lastExecution time.Time // from the list, when the recent runs were read
	recent        []domain.PipelineExecution
	recentListed  bool
}

type execEntry struct {
	exec      domain.PipelineExecution
	described bool
	params    map[string]string
	defRead   bool
	def       domain.PipelineDefinition
	defErr    string
	steps     []domain.PipelineStep
	stepsDone bool // listed after the execution finished: final
}

func newPipelineCache(acct *aws.Account, tags domain.TagKeys) *pipelineCache {
	return &pipelineCache{acct: acct, tags: tags, pipelines: map[string]*pipelineEntry{}, executions: map[string]*execEntry{}}
}

func (c *Client) fetchPipelines(ctx context.Context, _ any) (any, error) {
	ps, err := c.pipelines.syncList(ctx)
	if err != nil {
		return nil, err
	}
	return PipelinesData{Pipelines: ps}, nil
}

func (pc *pipelineCache) syncList(ctx context.Context) ([]domain.Pipeline, error) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	listed, err := pc.acct.Pipelines(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]domain.Pipeline, 0, len(listed))
	for _, l := range listed {
		seen[l.Pipeline.Name] = true
		e, err := pc.pipelineLocked(ctx, l.Pipeline.Name, l.Pipeline.LastModified)
		if err != nil {
			return nil, err
		}
		if !e.recentListed || !e.lastExecution.Equal(l.LastExecutionTime) || anyRunning(e.recent) {
			recent, err := pc.executionsLocked(ctx, l.Pipeline.Name, recentExecutions)
			if err != nil {
				return nil, err
			}
			e.recent, e.recentListed, e.lastExecution = recent, true, l.LastExecutionTime
		}
		out = append(out, summarise(e.p, e.recent))
	}
	for name := range pc.pipelines {
		if !seen[name] {
			delete(pc.pipelines, name)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// pipelineLocked returns a pipeline, described when new or when its
// LastModifiedTime moved (zero modified: describe only if unknown), with
// its tags read once.
func (pc *pipelineCache) pipelineLocked(ctx context.Context, name string, modified time.Time) (*pipelineEntry, error) {
	e := pc.pipelines[name]
	if e == nil || (!modified.IsZero() && !e.p.LastModified.Equal(modified)) {
		p, def, err := pc.acct.DescribePipeline(ctx, name)
		if err != nil {
			return nil, err
		}
		// A definition with a broken reference still declares its
		// parameters, which starting a run needs.
		parsed, _ := parseDefinition(def)
		p.Parameters = parsed.Parameters
		if e == nil {
			e = &pipelineEntry{}
			pc.pipelines[name] = e
		}
		p.Project = e.p.Project
		e.p, e.definition = p, def
	}
	if !e.tagged && e.p.ARN != "" {
		tags, err := pc.acct.Tags(ctx, e.p.ARN)
		if err != nil {
			return nil, err
		}
		e.p.Project, e.tagged = tags[pc.tags.ProjectName], true
	}
	return e, nil
}

// executionsLocked lists a pipeline's newest executions and describes
// those that are new or still running.
func (pc *pipelineCache) executionsLocked(ctx context.Context, pipeline string, max int) ([]domain.PipelineExecution, error) {
	listed, err := pc.acct.PipelineExecutions(ctx, pipeline, max)
	if err != nil {
		return nil, err
	}
	out := make([]domain.PipelineExecution, 0, len(listed))
	for _, l := range listed {
		x := pc.executions[l.ARN]
		if x == nil {
			x = &execEntry{exec: l}
			pc.executions[l.ARN] = x
		}
		if !x.described || !x.exec.Terminal() || x.exec.Status != l.Status {
			if err := pc.describeExecLocked(ctx, x, l.ARN); err != nil {
				return nil, err
			}
		}
		out = append(out, x.exec)
	}
	return out, nil
}

func (pc *pipelineCache) describeExecLocked(ctx context.Context, x *execEntry, arn string) error {
	d, err := pc.acct.DescribePipelineExecution(ctx, arn)
	if err != nil {
		return err
	}
	if d.PipelineName == "" {
		d.PipelineName = x.exec.PipelineName
	}
	d.Parameters, d.Steps = x.params, x.exec.Steps
	x.exec, x.described = d, true
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
	e, err := pc.pipelineLocked(ctx, pipeline, time.Time{})
	if err != nil {
		return nil, err
	}
	execs, err := pc.executionsLocked(ctx, pipeline, listedExecutions)
	if err != nil {
		return nil, err
	}
	if len(execs) >= recentExecutions {
		e.recent = execs[:recentExecutions]
	} else {
		e.recent = execs
	}
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
	finishedBefore := x.described && x.exec.Terminal()
	if !finishedBefore {
		if err := pc.describeExecLocked(ctx, x, arn); err != nil {
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
