package world

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"time"
)

var jobNamePattern = regexp.MustCompile(`^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$`)

// CreateTrainingJob starts a job that then runs on the virtual clock. It
// returns the job's ARN.
func (w *World) CreateTrainingJob(in CreateTrainingJobInput) (string, error) {
	w.wlock()
	defer w.mu.Unlock()
	j, err := w.createTrainingJob(in, jobFate{failure: -1}, nil, "")
	if err != nil {
		return "", err
	}
	return w.TrainingJobArn(j.name), nil
}

func (w *World) validateTrainingSpec(name string, s *TrainingJobSpec) error {
	if !jobNamePattern.MatchString(name) {
		return invalid("1 validation error detected: Value '%s' at 'trainingJobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", name)
	}
	if s.AlgorithmSpecification.TrainingImage == "" {
		return invalid("AlgorithmSpecification.TrainingImage is required")
	}
	if s.RoleArn == "" {
		return invalid("1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null")
	}
	if !strings.HasPrefix(s.OutputDataConfig.S3OutputPath, "s3://") {
		return invalid("OutputDataConfig.S3OutputPath must be an s3:// URI")
	}
	if !strings.HasPrefix(s.ResourceConfig.InstanceType, "ml.") {
		return invalid("ResourceConfig.InstanceType '%s' is not a valid instance type", s.ResourceConfig.InstanceType)
	}
	if s.ResourceConfig.InstanceCount < 1 {
		return invalid("ResourceConfig.InstanceCount must be at least 1")
	}
	if s.StoppingCondition.MaxRuntimeInSeconds < 0 {
		return invalid("StoppingCondition.MaxRuntimeInSeconds must be positive")
	}
	for _, c := range s.InputDataConfig {
		if c.DataSource.S3DataSource == nil || !strings.HasPrefix(c.DataSource.S3DataSource.S3Uri, "s3://") {
			return invalid("Channel '%s' needs an S3 data source with an s3:// URI", c.ChannelName)
		}
	}
	for _, d := range s.AlgorithmSpecification.MetricDefinitions {
		if _, err := regexp.Compile(d.Regex); err != nil {
			return invalid("Metric definition '%s' has an invalid regex: %v", d.Name, err)
		}
	}
	if len(s.Tags) > 50 {
		return invalid("Too many tags: a resource can have at most 50")
	}
	return nil
}

// createTrainingJob creates and schedules a job; callers hold the write lock.
func (w *World) createTrainingJob(in CreateTrainingJobInput, fate jobFate, exec *execution, step string) (*trainingJob, error) {
	if err := w.validateTrainingSpec(in.TrainingJobName, &in.TrainingJobSpec); err != nil {
		return nil, err
	}
	if w.training.get(in.TrainingJobName) != nil {
		return nil, ErrInUse{Kind: "TrainingJob", Name: in.TrainingJobName,
			Msg: "Training job names must be unique within an AWS account and region, and a training job with this name already exists (" + w.TrainingJobArn(in.TrainingJobName) + ")"}
	}
	spec := in.TrainingJobSpec
	if exec != nil {
		// As SageMaker Pipelines tags the jobs its steps start.
		spec.Tags = append(slices.Clip(spec.Tags), Tag{Key: "sagemaker:pipeline-execution-arn", Value: exec.arn})
	}
	j := &trainingJob{
		name:    in.TrainingJobName,
		spec:    &spec,
		profile: w.profileFor(spec.Tags, spec.AlgorithmSpecification.TrainingImage),
		created: ms(w.now),
		exec:    exec,
		step:    step,
	}
	w.planJob(j, fate)
	if max := spec.StoppingCondition.MaxRuntimeInSeconds; max > 0 && j.endPhase == phaseDone {
		if ts, te, ok := j.trainingPhase(); ok && (te-j.created)/1000 > int64(max) && ts > 0 {
			j.outcome = TrainingStopped
			j.failText = ""
			j.endPhase = phaseTraining
			j.dur[phaseTraining] = int32(math.Max(1, float64(int64(max)-j.phaseStart(phaseTraining))))
			j.stopDur = 30
		}
	}
	w.training.insert(j)
	if art := j.artifactURI(); art != "" {
		w.training.byArtifact[art] = j
	}
	w.activate(j)
	return j, nil
}

// profileFor finds the model profile of a new job: by project tag, then by
// training image, then the generic one.
func (w *World) profileFor(tags []Tag, image string) *ModelProfile {
	if p, ok := TagValue(tags, "sagemaker:project-name"); ok {
		if prof := w.profiles[p]; prof != nil {
			return prof
		}
	}
	for _, prof := range w.sortedProfiles() {
		if prof.Image != "" && strings.HasPrefix(image, prof.Image) {
			return prof
		}
	}
	return &genericProfile
}

var genericProfile = ModelProfile{
	Language:        "python",
	Problem:         "binary",
	Quality:         map[string]float64{"auc": 0.86, "accuracy": 0.84, "precision": 0.71, "recall": 0.64, "f1": 0.67, "logloss": 0.38},
	TrainingMinutes: 20,
	Epochs:          20,
	Predictor:       "binary",
}

// activate puts a job that has not ended on the active list and schedules
// its end; a job that has ended just takes its terminal status.
func (w *World) activate(j *trainingJob) {
	end := j.endAt()
	if ms(w.now) >= end {
		j.status = j.outcome
		w.training.setActive(j, false)
		return
	}
	j.status = j.statusAt(ms(w.now))
	w.training.setActive(j, true)
	j.gen++
	gen := j.gen
	w.schedule(fromMs(end), func(at time.Time) {
		if j.gen != gen {
			return
		}
		j.status = j.outcome
		w.training.setActive(j, false)
		if j.exec != nil {
			w.onTrainingJobEnd(j, at)
		}
	})
}

// StopTrainingJob stops a running job: Stopping, then Stopped.
func (w *World) StopTrainingJob(name string) error {
	w.wlock()
	defer w.mu.Unlock()
	j := w.training.get(name)
	if j == nil {
		return notFound("TrainingJob", name)
	}
	return w.stopJob(j)
}

func (w *World) stopJob(j *trainingJob) error {
	now := ms(w.now)
	st := j.statusAt(now)
	if st != TrainingInProgress {
		return invalid("The request was rejected because the training job is in status %s.", st)
	}
	r := newRand(w.seed, "stop/"+j.name)
	off := (now - j.created) / 1000
	phase := phaseStarting
	for i := 0; i < 4; i++ {
		if off >= j.phaseStart(i) {
			phase = i
		}
	}
	j.endPhase = int8(phase)
	j.dur[phase] = int32(off - j.phaseStart(phase))
	j.outcome = TrainingStopped
	j.failure = -1
	j.failText = ""
	j.stopDur = int32(r.Range(20, 90))
	w.activate(j)
	return nil
}
