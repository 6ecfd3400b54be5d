package world

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// execution is a pipeline execution's state.
type execution struct {
	pipeline    *pipeline
	def         *definition
	id, arn     string
	display     string
	description string
	status      string
	failure     string
	created     time.Time
	modified    time.Time
	createdBy   UserContext
	modifiedBy  UserContext
	params      map[string]any
	paramList   []Parameter
	steps       map[string]*stepRun
	started     []*stepRun // in first-start order
	fate        *ExecutionFate
}

// stepRun is one step's state within an execution.
type stepRun struct {
	def        *defStep
	status     string // "" until the step starts
	pending    bool   // its start is scheduled
	start, end time.Time
	failure    string
	attempt    int32
	meta       StepMetadata
	training   *trainingJob
	processing *processingJob
	outputs    any               // the step's properties, for Get Steps.<name>...
	files      map[string]string // property file name → S3 URI
	outcome    bool              // a condition's result
	listed     bool              // in execution.started
}

const stepFailureReason = "Step failure: One or multiple steps failed."

// StartPipelineExecution starts an execution; a repeated ClientRequestToken
// returns the execution it started before.
func (w *World) StartPipelineExecution(in StartPipelineExecutionInput) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	ex, err := w.startExecution(in, nil)
	if err != nil {
		return "", err
	}
	return ex.arn, nil
}

// StartPipelineExecution starts an execution at the builder's instant whose
// end is fixed by fate.
func (b *Builder) StartPipelineExecution(in StartPipelineExecutionInput, fate ExecutionFate) (string, error) {
	b.w.mu.Lock()
	defer b.w.mu.Unlock()
	ex, err := b.w.startExecution(in, &fate)
	if err != nil {
		return "", err
	}
	return ex.arn, nil
}

func (w *World) startExecution(in StartPipelineExecutionInput, fate *ExecutionFate) (*execution, error) {
	p := w.pipelineByName(in.PipelineName)
	if p == nil {
		return nil, notFound("Pipeline", in.PipelineName)
	}
	if in.ClientRequestToken != "" {
		if ex := p.tokens[in.ClientRequestToken]; ex != nil {
			return ex, nil
		}
	}
	given := map[string]*string{}
	for i := range in.PipelineParameters {
		prm := in.PipelineParameters[i]
		found := false
		for _, d := range p.def.params {
			if d.Name == prm.Name {
				found = true
			}
		}
		if !found {
			return nil, invalid("Pipeline parameter %s is not defined in the pipeline definition of %s", prm.Name, p.PipelineName)
		}
		v := prm.Value
		given[prm.Name] = &v
	}
	ex := &execution{
		pipeline: p, def: p.def, status: ExecutionExecuting,
		id: w.ids.String(lowerAlnum, 12), created: w.now, modified: w.now,
		description: in.PipelineExecutionDescription, params: map[string]any{},
		steps: map[string]*stepRun{}, fate: fate,
		createdBy: w.userContext(in.Caller),
	}
	ex.modifiedBy = ex.createdBy
	for _, d := range p.def.params {
		v, err := d.value(given[d.Name])
		if err != nil {
			return nil, err
		}
		ex.params[d.Name] = v
		ex.paramList = append(ex.paramList, Parameter{Name: d.Name, Value: scalarString(v)})
	}
	ex.arn = w.PipelineExecutionArn(p.PipelineName, ex.id)
	ex.display = in.PipelineExecutionDisplayName
	if ex.display == "" {
		ex.display = "execution-" + itoa(w.now.UnixMilli())
	}
	p.executions = append(p.executions, ex)
	p.LastRunTime = w.now
	w.pipelines.byArn[ex.arn] = ex
	if in.ClientRequestToken != "" {
		p.tokens[in.ClientRequestToken] = ex
	}
	w.tick(ex)
	return ex, nil
}

// tick starts every step whose dependencies have succeeded and settles the
// execution's status when nothing is left to run.
func (w *World) tick(ex *execution) {
	failed, busy := false, false
	for _, sr := range ex.steps {
		switch {
		case sr.pending || sr.status == StepExecuting || sr.status == StepStarting || sr.status == StepStopping:
			busy = true
		case sr.status == StepFailed:
			failed = true
		}
	}
	if ex.status == ExecutionExecuting && !failed {
		for _, name := range ex.def.order {
			if w.ready(ex, name) {
				sr := ex.steps[name]
				if sr == nil {
					sr = &stepRun{def: ex.def.steps[name]}
					ex.steps[name] = sr
				}
				sr.pending = true
				busy = true
				r := newRand(w.seed, ex.id+"/"+name+"/"+itoa(int64(sr.attempt)))
				at := w.now.Add(time.Duration(r.Range(2, 9) * float64(time.Second)))
				w.schedule(at, func(at time.Time) { w.startStep(ex, sr, at) })
			}
		}
	}
	if busy {
		return
	}
	switch ex.status {
	case ExecutionExecuting:
		if failed {
			ex.status = ExecutionFailed
			if ex.failure == "" {
				ex.failure = stepFailureReason
			}
		} else {
			ex.status = ExecutionSucceeded
		}
		ex.modified = w.now
	case ExecutionStopping:
		ex.status = ExecutionStopped
		ex.modified = w.now
	}
}

// ready reports whether a step may start now.
func (w *World) ready(ex *execution, name string) bool {
	if sr := ex.steps[name]; sr != nil && (sr.status != "" || sr.pending) {
		return false
	}
	s := ex.def.steps[name]
	if s.condition != "" {
		c := ex.steps[s.condition]
		if c == nil || c.status != StepSucceeded || c.outcome != s.branch {
			return false
		}
	}
	for _, dep := range s.deps {
		d := ex.steps[dep]
		if d == nil || d.status != StepSucceeded {
			return false
		}
	}
	return true
}

func (w *World) startStep(ex *execution, sr *stepRun, at time.Time) {
	sr.pending = false
	if ex.status != ExecutionExecuting {
		w.tick(ex)
		return
	}
	if !sr.listed {
		ex.started = append(ex.started, sr)
		sr.listed = true
	}
	sr.attempt++
	sr.status = StepExecuting
	sr.start = at
	sr.end = time.Time{}
	sr.failure = ""
	sr.meta = StepMetadata{}
	ex.modified = at
	if err := w.runStep(ex, sr); err != nil {
		w.endStep(ex, sr, StepFailed, err.Error())
	}
	w.tick(ex)
}

func (w *World) endStep(ex *execution, sr *stepRun, status, failure string) {
	sr.status = status
	sr.failure = failure
	sr.end = w.now
	ex.modified = w.now
}

func (w *World) jobName(ex *execution, step string) string {
	r := newRand(w.seed, ex.id+"/job/"+step+"/"+itoa(int64(w.eventSeq)))
	name := "pipelines-" + ex.id + "-" + step
	if len(name) > 52 {
		name = name[:52]
	}
	return strings.TrimRight(name, "-") + "-" + r.String(lowerAlnum+"ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)
}

// runStep does a step's work; an error fails the step.
func (w *World) runStep(ex *execution, sr *stepRun) error {
	s := sr.def
	args, err := w.resolve(ex, s.Args)
	if err != nil && s.Type != "Condition" {
		return err
	}
	switch s.Type {
	case "Training":
		return w.runTrainingStep(ex, sr, args)
	case "Processing":
		return w.runProcessingStep(ex, sr, args)
	case "Condition":
		conds, _ := s.Args["Conditions"].([]any)
		ok, err := w.evalConditions(ex, conds)
		if err != nil {
			return err
		}
		sr.outcome = ok
		outcome := "False"
		if ok {
			outcome = "True"
		}
		sr.meta.Condition = &ConditionMetadata{Outcome: outcome}
		sr.outputs = map[string]any{"Outcome": outcome}
		w.endStep(ex, sr, StepSucceeded, "")
	case "RegisterModel":
		pkg, err := w.registerFromStep(ex, args)
		if err != nil {
			return err
		}
		sr.meta.RegisterModel = &ArnMetadata{Arn: pkg.ModelPackageArn}
		sr.outputs = map[string]any{"ModelPackageArn": pkg.ModelPackageArn}
		w.endStep(ex, sr, StepSucceeded, "")
	case "Fail":
		m, _ := args.(map[string]any)
		msg := scalarString(m["ErrorMessage"])
		sr.meta.Fail = &FailMetadata{ErrorMessage: msg}
		w.endStep(ex, sr, StepFailed, msg)
		ex.failure = msg
	}
	return nil
}

func (w *World) runTrainingStep(ex *execution, sr *stepRun, args any) error {
	var spec TrainingJobSpec
	if err := decodeArgs(args, &spec); err != nil {
		return fmt.Errorf("invalid training arguments: %v", err)
	}
	spec.Tags = mergeTags(ex.pipeline.Tags, spec.Tags)
	spec.ExperimentConfig = ExperimentConfig{ExperimentName: strings.ToLower(ex.pipeline.PipelineName), TrialName: ex.id}
	fate := jobFate{failure: -1}
	if f := ex.fate; f != nil {
		fate.outcome = TrainingCompleted
		if f.FailStep == sr.def.Name {
			fate.outcome = TrainingFailed
			fate.failure = f.FailureIndex
		}
		// A fated run's model is as good as its fate says: typical, or
		// clearly below the bar.
		fate.quality = 0.94 + 0.1*unitOf(hashOf(w.seed, hashString(ex.id+"/"+sr.def.Name)))
		if f.BadQuality {
			fate.quality = 1.5
		}
	}
	j, err := w.createTrainingJob(CreateTrainingJobInput{TrainingJobName: w.jobName(ex, sr.def.Name), TrainingJobSpec: spec}, fate, ex, sr.def.Name)
	if err != nil {
		return err
	}
	sr.training = j
	sr.meta.TrainingJob = &ArnMetadata{Arn: w.TrainingJobArn(j.name)}
	return nil
}

// onTrainingJobEnd settles the step of a pipeline-started training job.
func (w *World) onTrainingJobEnd(j *trainingJob, at time.Time) {
	ex := j.exec
	sr := ex.steps[j.step]
	if sr == nil || sr.training != j {
		return
	}
	d := w.describeJob(j, ms(at))
	sr.outputs = toTree(d)
	switch j.outcome {
	case TrainingCompleted:
		w.endStep(ex, sr, StepSucceeded, "")
	case TrainingStopped:
		w.endStep(ex, sr, StepStopped, "")
	default:
		w.endStep(ex, sr, StepFailed, d.FailureReason)
	}
	w.tick(ex)
}

func (w *World) runProcessingStep(ex *execution, sr *stepRun, args any) error {
	var spec ProcessingJobSpec
	if err := decodeArgs(args, &spec); err != nil {
		return fmt.Errorf("invalid processing arguments: %v", err)
	}
	spec.Tags = mergeTags(ex.pipeline.Tags, spec.Tags)
	spec.ExperimentConfig = ExperimentConfig{ExperimentName: strings.ToLower(ex.pipeline.PipelineName), TrialName: ex.id}
	fail := ""
	if f := ex.fate; f != nil {
		if f.FailStep == sr.def.Name {
			fail = f.FailureReason
			if fail == "" {
				fail = "AlgorithmError: See job logs for more information"
			}
		}
	} else {
		r := newRand(w.seed, "processing-fail/"+ex.id+"/"+sr.def.Name+"/"+itoa(int64(sr.attempt)))
		if r.Float64() < w.cfg.NewJobFailureRate/3 {
			fail = "AlgorithmError: See job logs for more information"
		}
	}
	lines := processingLines(sr.def, spec)
	var p *processingJob
	p, err := w.createProcessingJob(w.jobName(ex, sr.def.Name), spec, fail, lines, ex, sr.def.Name, func(at time.Time) {
		w.onProcessingEnd(ex, sr, p, at)
	})
	if err != nil {
		return err
	}
	sr.processing = p
	sr.meta.ProcessingJob = &ArnMetadata{Arn: w.ProcessingJobArn(p.name)}
	return nil
}

func (w *World) onProcessingEnd(ex *execution, sr *stepRun, p *processingJob, at time.Time) {
	if sr.processing != p {
		return
	}
	d := w.describeProcessing(p, ms(at))
	sr.outputs = toTree(d)
	switch p.outcome {
	case "Completed":
		if err := w.writePropertyFiles(sr, d); err != nil {
			w.endStep(ex, sr, StepFailed, err.Error())
		} else {
			w.endStep(ex, sr, StepSucceeded, "")
		}
	case "Stopped":
		w.endStep(ex, sr, StepStopped, "")
	default:
		w.endStep(ex, sr, StepFailed, d.FailureReason)
	}
	w.tick(ex)
}

// writePropertyFiles writes a finished evaluation step's report files.
func (w *World) writePropertyFiles(sr *stepRun, d ProcessingJob) error {
	if len(sr.def.files) == 0 {
		return nil
	}
	sr.files = map[string]string{}
	var source *trainingJob
	for _, in := range d.ProcessingInputs {
		if in.S3Input == nil {
			continue
		}
		uri := in.S3Input.S3Uri
		if j := w.training.byArtifact[uri]; j != nil {
			source = j
		}
	}
	for _, f := range sr.def.files {
		var out string
		for _, o := range d.ProcessingOutputConfig.Outputs {
			if o.OutputName == f.OutputName && o.S3Output != nil {
				out = o.S3Output.S3Uri
			}
		}
		if out == "" {
			return fmt.Errorf("property file %s names output %s, which the step does not have", f.Name, f.OutputName)
		}
		uri := strings.TrimSuffix(out, "/") + "/" + f.FilePath
		var body []byte
		if source != nil {
			body = EvaluationReport(source.profile, float64(source.quality), hashString(source.name))
		} else {
			body = []byte(`{"metrics": {}}`)
		}
		b, key, _ := splitS3(uri)
		w.putObject(b, key, body, "application/json", nil)
		sr.files[f.Name] = uri
	}
	return nil
}

func processingLines(s *defStep, spec ProcessingJobSpec) []string {
	var lines []string
	for _, in := range spec.ProcessingInputs {
		if in.S3Input != nil {
			lines = append(lines, "Reading input "+in.InputName+" from "+in.S3Input.LocalPath)
		}
	}
	for _, o := range spec.ProcessingOutputConfig.Outputs {
		if o.S3Output != nil {
			lines = append(lines, "Writing output "+o.OutputName+" to "+o.S3Output.LocalPath)
		}
	}
	if len(s.files) > 0 {
		lines = append(lines, "Loading model from /opt/ml/processing/model/model.tar.gz", "Scoring the held-out test set", "Wrote evaluation report to /opt/ml/processing/evaluation/evaluation.json")
	}
	return lines
}

// decodeArgs turns resolved step arguments into a request struct.
func decodeArgs(args any, out any) error {
	b, err := json.Marshal(args)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, out)
}

// toTree renders a description as the generic tree property paths walk.
func toTree(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}

// StopPipelineExecution stops an executing execution and its running jobs.
func (w *World) StopPipelineExecution(arn string) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	ex := w.pipelines.byArn[arn]
	if ex == nil {
		return "", notFound("PipelineExecution", arn)
	}
	switch ex.status {
	case ExecutionStopping, ExecutionStopped:
		return ex.arn, nil
	case ExecutionExecuting:
	default:
		return "", invalid("Pipeline execution %s is in status %s and cannot be stopped.", arn, ex.status)
	}
	ex.status = ExecutionStopping
	ex.modified = w.now
	for _, name := range ex.def.order {
		sr := ex.steps[name]
		if sr == nil {
			continue
		}
		sr.pending = false
		if sr.status != StepExecuting {
			continue
		}
		sr.status = StepStopping
		switch {
		case sr.training != nil:
			_ = w.stopJob(sr.training)
		case sr.processing != nil:
			w.stopProcessing(sr.processing)
		default:
			sr.status = StepStopped
		}
	}
	w.tick(ex)
	return ex.arn, nil
}

// RetryPipelineExecution re-runs a failed execution's failed steps (and
// whatever had not run because of them).
func (w *World) RetryPipelineExecution(arn string) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	ex := w.pipelines.byArn[arn]
	if ex == nil {
		return "", notFound("PipelineExecution", arn)
	}
	if ex.status != ExecutionFailed {
		return "", invalid("Pipeline execution %s is in status %s. Only executions in Failed status can be retried.", arn, ex.status)
	}
	ex.status = ExecutionExecuting
	ex.failure = ""
	ex.fate = nil
	ex.modified = w.now
	for _, sr := range ex.steps {
		if sr.status == StepFailed || sr.status == StepStopped {
			sr.status = ""
			sr.training = nil
			sr.processing = nil
			sr.outputs = nil
		}
	}
	w.tick(ex)
	return ex.arn, nil
}
