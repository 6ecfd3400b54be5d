package world

import "sort"

// TrainingJob is DescribeTrainingJob.
func (w *World) TrainingJob(name string) (TrainingJob, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	j := w.training.get(name)
	if j == nil {
		return TrainingJob{}, notFound("TrainingJob", name)
	}
	return w.describeJob(j, ms(now)), nil
}

func (w *World) describeJob(j *trainingJob, now int64) TrainingJob {
	spec := *j.spec
	spec.ResourceConfig.InstanceType = j.instanceType()
	spec.ResourceConfig.InstanceCount = j.instanceCount()
	spec.HyperParameters = j.hyperParameters()
	spec.Tags = j.jobTags()
	out := TrainingJob{
		TrainingJobName:            j.name,
		TrainingJobArn:             w.TrainingJobArn(j.name),
		TrainingJobStatus:          j.statusAt(now),
		SecondaryStatus:            j.secondaryAt(now),
		SecondaryStatusTransitions: j.transitions(now),
		CreationTime:               j.createdAt(),
		LastModifiedTime:           fromMs(j.lastChange(now)),
		TrainingJobSpec:            spec,
		PipelineStepName:           j.step,
	}
	if j.exec != nil {
		out.PipelineExecutionArn = j.exec.arn
	}
	end := j.endAt()
	if st := j.startedAt(); st != 0 && st <= now {
		out.TrainingStartTime = fromMs(st)
		if now >= end {
			out.TrainingTimeInSeconds = int32((end - st) / 1000)
			billable := float64(out.TrainingTimeInSeconds) * float64(j.instanceCount())
			if spec.EnableManagedSpotTraining {
				billable *= 0.32
			}
			out.BillableTimeInSeconds = int32(billable)
		}
	}
	if now >= end {
		out.TrainingEndTime = fromMs(end)
		switch j.outcome {
		case TrainingFailed:
			out.FailureReason = w.failureReason(j)
		case TrainingCompleted:
			out.ModelArtifacts.S3ModelArtifacts = j.artifactURI()
		}
	}
	out.FinalMetricDataList = w.finalMetrics(j, now)
	return out
}

// statusAt is the primary status at now (ms). A job whose end is due but
// whose end event has not run yet is still reported by its plan.
func (j *trainingJob) statusAt(now int64) TrainingJobStatus {
	if now >= j.endAt() {
		return j.outcome
	}
	if sr := j.stopRequestAt(); sr != 0 && now >= sr {
		return TrainingStopping
	}
	return TrainingInProgress
}

func (j *trainingJob) artifactURI() string {
	out := j.spec.OutputDataConfig.S3OutputPath
	if out == "" {
		return ""
	}
	if out[len(out)-1] != '/' {
		out += "/"
	}
	return out + j.name + "/output/model.tar.gz"
}

// hyperParameters applies the job's variant to the spec's values.
func (j *trainingJob) hyperParameters() map[string]string {
	if j.hpVariant == 0 || j.profile == nil || len(j.profile.HyperParameterChoices) == 0 {
		return j.spec.HyperParameters
	}
	out := make(map[string]string, len(j.spec.HyperParameters)+2)
	for k, v := range j.spec.HyperParameters {
		out[k] = v
	}
	keys := make([]string, 0, len(j.profile.HyperParameterChoices))
	for k := range j.profile.HyperParameterChoices {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		choices := j.profile.HyperParameterChoices[k]
		if len(choices) == 0 {
			continue
		}
		h := hashOf(uint64(j.hpVariant), uint64(i))
		out[k] = choices[h%uint64(len(choices))]
	}
	return out
}

func (j *trainingJob) summary(w *World, now int64) TrainingJobSummary {
	s := TrainingJobSummary{
		TrainingJobName:   j.name,
		TrainingJobArn:    w.TrainingJobArn(j.name),
		TrainingJobStatus: j.statusAt(now),
		SecondaryStatus:   j.secondaryAt(now),
		CreationTime:      j.createdAt(),
		LastModifiedTime:  fromMs(j.lastChange(now)),
	}
	if end := j.endAt(); now >= end {
		s.TrainingEndTime = fromMs(end)
	}
	return s
}

// TrainingJobCount is the number of training jobs in the account.
func (w *World) TrainingJobCount() int {
	w.rlock()
	defer w.mu.RUnlock()
	return len(w.training.byCreation)
}
