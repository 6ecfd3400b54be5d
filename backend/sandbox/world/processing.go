package world

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// ProcessingS3Input mirrors SageMaker's shape.
type ProcessingS3Input struct {
	S3Uri                  string
	LocalPath              string
	S3DataType             string
	S3InputMode            string
	S3DataDistributionType string
}

// ProcessingInput mirrors SageMaker's shape.
type ProcessingInput struct {
	InputName  string
	AppManaged bool
	S3Input    *ProcessingS3Input
}

// ProcessingS3Output mirrors SageMaker's shape.
type ProcessingS3Output struct {
	S3Uri        string
	LocalPath    string
	S3UploadMode string
}

// ProcessingOutput mirrors SageMaker's shape.
type ProcessingOutput struct {
	OutputName string
	AppManaged bool
	S3Output   *ProcessingS3Output
}

// ProcessingOutputConfig mirrors SageMaker's shape.
type ProcessingOutputConfig struct {
	Outputs  []ProcessingOutput
	KmsKeyId string
}

// ProcessingClusterConfig mirrors SageMaker's shape.
type ProcessingClusterConfig struct {
	InstanceCount  int32
	InstanceType   string
	VolumeSizeInGB int32
}

// ProcessingResources mirrors SageMaker's shape.
type ProcessingResources struct {
	ClusterConfig ProcessingClusterConfig
}

// AppSpecification mirrors SageMaker's shape.
type AppSpecification struct {
	ImageUri            string
	ContainerEntrypoint []string
	ContainerArguments  []string
}

// ProcessingStoppingCondition mirrors SageMaker's shape.
type ProcessingStoppingCondition struct {
	MaxRuntimeInSeconds int32
}

// ProcessingJobSpec is CreateProcessingJob's request without the name.
type ProcessingJobSpec struct {
	ProcessingInputs       []ProcessingInput
	ProcessingOutputConfig ProcessingOutputConfig
	ProcessingResources    ProcessingResources
	StoppingCondition      ProcessingStoppingCondition
	AppSpecification       AppSpecification
	Environment            map[string]string
	RoleArn                string
	ExperimentConfig       ExperimentConfig
	Tags                   []Tag
}

// ProcessingJob is DescribeProcessingJob's answer (plus Tags).
type ProcessingJob struct {
	ProcessingJobName   string
	ProcessingJobArn    string
	ProcessingJobStatus string // InProgress, Completed, Failed, Stopping, Stopped
	ExitMessage         string
	FailureReason       string
	CreationTime        time.Time
	ProcessingStartTime time.Time
	ProcessingEndTime   time.Time
	LastModifiedTime    time.Time
	ProcessingJobSpec

	// Not AWS members: the pipeline execution and step that started the job.
	PipelineExecutionArn string
	PipelineStepName     string
}

// ProcessingJobSummary is one ListProcessingJobs entry.
type ProcessingJobSummary struct {
	ProcessingJobName   string
	ProcessingJobArn    string
	ProcessingJobStatus string
	CreationTime        time.Time
	ProcessingEndTime   time.Time
	LastModifiedTime    time.Time
	FailureReason       string
	ExitMessage         string
}

type processingJob struct {
	name      string
	spec      ProcessingJobSpec
	created   int64
	started   int64
	ended     int64
	outcome   string
	failure   string
	exitMsg   string
	gen       uint16
	exec      *execution
	step      string
	logLines  []string // what the job's script prints, decided at creation
	onEnd     func(at time.Time)
	stopReqAt int64
}

type processingStore struct {
	byName map[string]*processingJob
	list   []*processingJob // ascending creation
}

func (s *processingStore) init() { s.byName = map[string]*processingJob{} }

func (p *processingJob) statusAt(now int64) string {
	switch {
	case now >= p.ended:
		return p.outcome
	case p.stopReqAt != 0 && now >= p.stopReqAt:
		return "Stopping"
	default:
		return "InProgress"
	}
}

func (w *World) describeProcessing(p *processingJob, now int64) ProcessingJob {
	out := ProcessingJob{
		ProcessingJobName:   p.name,
		ProcessingJobArn:    w.ProcessingJobArn(p.name),
		ProcessingJobStatus: p.statusAt(now),
		CreationTime:        fromMs(p.created),
		LastModifiedTime:    fromMs(p.created),
		ProcessingJobSpec:   p.spec,
		PipelineStepName:    p.step,
	}
	if p.exec != nil {
		out.PipelineExecutionArn = p.exec.arn
	}
	if now >= p.started {
		out.ProcessingStartTime = fromMs(p.started)
		out.LastModifiedTime = fromMs(p.started)
	}
	if now >= p.ended {
		out.ProcessingEndTime = fromMs(p.ended)
		out.LastModifiedTime = fromMs(p.ended)
		out.FailureReason = p.failure
		out.ExitMessage = p.exitMsg
	}
	return out
}

// ProcessingJob is DescribeProcessingJob.
func (w *World) ProcessingJob(name string) (ProcessingJob, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	p := w.processing.byName[strings.ToLower(name)]
	if p == nil {
		return ProcessingJob{}, notFound("ProcessingJob", name)
	}
	return w.describeProcessing(p, ms(now)), nil
}

// ProcessingJobs is ListProcessingJobs, newest first, optionally filtered.
func (w *World) ProcessingJobs(statusEquals, nameContains string) []ProcessingJobSummary {
	now := w.rlock()
	defer w.mu.RUnlock()
	nowMs := ms(now)
	var out []ProcessingJobSummary
	for i := len(w.processing.list) - 1; i >= 0; i-- {
		p := w.processing.list[i]
		d := w.describeProcessing(p, nowMs)
		if statusEquals != "" && d.ProcessingJobStatus != statusEquals {
			continue
		}
		if nameContains != "" && !strings.Contains(strings.ToLower(p.name), strings.ToLower(nameContains)) {
			continue
		}
		out = append(out, ProcessingJobSummary{
			ProcessingJobName: d.ProcessingJobName, ProcessingJobArn: d.ProcessingJobArn,
			ProcessingJobStatus: d.ProcessingJobStatus, CreationTime: d.CreationTime,
			ProcessingEndTime: d.ProcessingEndTime, LastModifiedTime: d.LastModifiedTime,
			FailureReason: d.FailureReason, ExitMessage: d.ExitMessage,
		})
	}
	return out
}

// createProcessingJob starts a processing job for a pipeline step; callers
// hold the write lock. fail, if not empty, makes the job fail with it.
func (w *World) createProcessingJob(name string, spec ProcessingJobSpec, fail string, lines []string, exec *execution, step string, onEnd func(at time.Time)) (*processingJob, error) {
	if !jobNamePattern.MatchString(name) {
		return nil, invalid("Value '%s' at 'processingJobName' failed to satisfy constraint", name)
	}
	if w.processing.byName[strings.ToLower(name)] != nil {
		return nil, ErrInUse{Kind: "ProcessingJob", Name: name,
			Msg: "Processing job names must be unique within an AWS account and region, and a processing job with this name already exists (" + w.ProcessingJobArn(name) + ")"}
	}
	if spec.ProcessingResources.ClusterConfig.InstanceType == "" {
		return nil, invalid("ProcessingResources.ClusterConfig.InstanceType is required")
	}
	r := newRand(w.seed, "processing/"+name)
	now := ms(w.now)
	p := &processingJob{
		name: name, spec: spec, created: now, exec: exec, step: step, onEnd: onEnd, logLines: lines,
		outcome: "Completed",
	}
	p.started = now + int64(r.Range(120, 260))*1000
	p.ended = p.started + int64(r.Range(150, 600))*1000
	if fail != "" {
		p.outcome = "Failed"
		p.failure = fail
		p.exitMsg = fail
		p.ended = p.started + int64(r.Range(40, 200))*1000
	}
	w.processing.byName[strings.ToLower(name)] = p
	w.processing.list = append(w.processing.list, p)
	sort.SliceStable(w.processing.list, func(a, b int) bool { return w.processing.list[a].created < w.processing.list[b].created })
	w.scheduleProcessingEnd(p)
	return p, nil
}

func (w *World) scheduleProcessingEnd(p *processingJob) {
	p.gen++
	gen := p.gen
	w.schedule(fromMs(p.ended), func(at time.Time) {
		if p.gen != gen {
			return
		}
		if p.onEnd != nil {
			p.onEnd(at)
		}
	})
}

// stopProcessing stops a running processing job; callers hold the write lock.
func (w *World) stopProcessing(p *processingJob) {
	now := ms(w.now)
	if p.statusAt(now) != "InProgress" {
		return
	}
	p.stopReqAt = now
	p.outcome = "Stopped"
	p.failure = ""
	p.exitMsg = ""
	p.ended = now + 30000
	if p.started > now {
		p.started = p.ended
	}
	w.scheduleProcessingEnd(p)
}

func (w *World) processingStream(p *processingJob, now int64) (stream, bool) {
	if now < p.started || p.started >= p.ended {
		return stream{}, false
	}
	var ev []LogEvent
	add := func(ts int64, m string) {
		if ts <= p.ended {
			ev = append(ev, LogEvent{Timestamp: ts, IngestionTime: ts + 800, Message: m})
		}
	}
	span := p.ended - p.started
	n := len(p.logLines)
	for i, l := range p.logLines {
		add(p.started+1000+span*int64(i)/int64(n+1), l)
	}
	switch p.outcome {
	case "Failed":
		add(p.ended-500, "Traceback (most recent call last):")
		add(p.ended-400, p.failure)
	case "Stopped":
		add(p.ended-1000, "Received SIGTERM: stopping")
	}
	if len(ev) == 0 {
		return stream{}, false
	}
	name := p.name + "/algo-1-" + strconv.FormatInt(p.started/1000, 10)
	return stream{name: name, created: ev[0].Timestamp, src: sliceSource(ev)}, true
}
