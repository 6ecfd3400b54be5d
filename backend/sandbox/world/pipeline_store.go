package world

import (
	"sort"
	"strings"
	"time"
)

type pipeline struct {
	Pipeline
	def        *definition
	tokens     map[string]*execution
	executions []*execution // ascending creation
}

type pipelineStore struct {
	byName map[string]*pipeline // lower-case name
	byArn  map[string]*execution
}

func (s *pipelineStore) init() {
	s.byName = map[string]*pipeline{}
	s.byArn = map[string]*execution{}
}

// AddPipeline registers a pipeline during Build; its definition must parse.
func (b *Builder) AddPipeline(p Pipeline) error {
	w := b.w
	w.mu.Lock()
	defer w.mu.Unlock()
	def, err := parseDefinition(p.PipelineDefinition)
	if err != nil {
		return err
	}
	if w.pipelines.byName[strings.ToLower(p.PipelineName)] != nil {
		return invalid("pipeline %s already exists", p.PipelineName)
	}
	p.PipelineArn = w.PipelineArn(p.PipelineName)
	if p.PipelineStatus == "" {
		p.PipelineStatus = "Active"
	}
	if p.PipelineDisplayName == "" {
		p.PipelineDisplayName = p.PipelineName
	}
	if p.CreationTime.IsZero() {
		p.CreationTime = w.now
	}
	if p.LastModifiedTime.IsZero() {
		p.LastModifiedTime = p.CreationTime
	}
	w.pipelines.byName[strings.ToLower(p.PipelineName)] = &pipeline{Pipeline: p, def: def, tokens: map[string]*execution{}}
	return nil
}

// Pipelines is ListPipelines, by name.
func (w *World) Pipelines() []Pipeline {
	w.rlock()
	defer w.mu.RUnlock()
	out := make([]Pipeline, 0, len(w.pipelines.byName))
	for _, p := range w.pipelines.byName {
		out = append(out, p.Pipeline)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].PipelineName < out[b].PipelineName })
	return out
}

// Pipeline is DescribePipeline (by name or ARN).
func (w *World) Pipeline(name string) (Pipeline, error) {
	w.rlock()
	defer w.mu.RUnlock()
	p := w.pipelineByName(name)
	if p == nil {
		return Pipeline{}, notFound("Pipeline", name)
	}
	return p.Pipeline, nil
}

func (w *World) pipelineByName(name string) *pipeline {
	if a, ok := ParseArn(name); ok {
		name = strings.TrimPrefix(a.Resource, "pipeline/")
	}
	return w.pipelines.byName[strings.ToLower(name)]
}

// ExecutionQuery filters ListPipelineExecutions; SortOrder defaults to
// Descending by creation time.
type ExecutionQuery struct {
	CreatedAfter  time.Time
	CreatedBefore time.Time
	SortOrder     SortOrder
}

// PipelineExecutions is ListPipelineExecutions.
func (w *World) PipelineExecutions(pipelineName string, q ExecutionQuery) ([]PipelineExecutionSummary, error) {
	w.rlock()
	defer w.mu.RUnlock()
	p := w.pipelineByName(pipelineName)
	if p == nil {
		return nil, notFound("Pipeline", pipelineName)
	}
	out := make([]PipelineExecutionSummary, 0, len(p.executions))
	for _, ex := range p.executions {
		if !q.CreatedAfter.IsZero() && !ex.created.After(q.CreatedAfter) {
			continue
		}
		if !q.CreatedBefore.IsZero() && !ex.created.Before(q.CreatedBefore) {
			continue
		}
		out = append(out, PipelineExecutionSummary{
			PipelineExecutionArn: ex.arn, PipelineExecutionDisplayName: ex.display,
			PipelineExecutionDescription: ex.description, PipelineExecutionStatus: ex.status,
			PipelineExecutionFailureReason: ex.failure, StartTime: ex.created,
		})
	}
	if q.SortOrder != Ascending {
		for i, k := 0, len(out)-1; i < k; i, k = i+1, k-1 {
			out[i], out[k] = out[k], out[i]
		}
	}
	return out, nil
}

// PipelineExecution is DescribePipelineExecution.
func (w *World) PipelineExecution(arn string) (PipelineExecution, error) {
	w.rlock()
	defer w.mu.RUnlock()
	ex := w.pipelines.byArn[arn]
	if ex == nil {
		return PipelineExecution{}, notFound("PipelineExecution", arn)
	}
	return ex.describe(), nil
}

func (ex *execution) describe() PipelineExecution {
	return PipelineExecution{
		PipelineArn: ex.pipeline.PipelineArn, PipelineExecutionArn: ex.arn,
		PipelineExecutionDisplayName: ex.display, PipelineExecutionStatus: ex.status,
		PipelineExecutionDescription: ex.description, FailureReason: ex.failure,
		CreationTime: ex.created, LastModifiedTime: ex.modified,
		CreatedBy: ex.createdBy, LastModifiedBy: ex.modifiedBy,
		PipelineExperimentConfig: PipelineExperimentConfig{ExperimentName: strings.ToLower(ex.pipeline.PipelineName), TrialName: ex.id},
		PipelineParameters:       ex.paramList,
	}
}

// PipelineExecutionSteps is ListPipelineExecutionSteps: the steps that have
// started, by start time (Descending by default, as AWS lists them).
func (w *World) PipelineExecutionSteps(arn string, order SortOrder) ([]PipelineExecutionStep, error) {
	w.rlock()
	defer w.mu.RUnlock()
	ex := w.pipelines.byArn[arn]
	if ex == nil {
		return nil, notFound("PipelineExecution", arn)
	}
	out := make([]PipelineExecutionStep, 0, len(ex.started))
	for _, sr := range ex.started {
		out = append(out, PipelineExecutionStep{
			StepName: sr.def.Name, StepDisplayName: sr.def.DisplayName, StepDescription: sr.def.Description,
			StepStatus: sr.status, FailureReason: sr.failure, StartTime: sr.start, EndTime: sr.end,
			AttemptCount: sr.attempt, Metadata: sr.meta, StepType: sr.def.Type,
		})
	}
	sort.SliceStable(out, func(a, b int) bool {
		if order == Ascending {
			return out[a].StartTime.Before(out[b].StartTime)
		}
		return out[a].StartTime.After(out[b].StartTime)
	})
	return out, nil
}
