package world

import (
	"math"
	"strings"
	"time"
)

// jobFate is what the planner is told about a job's end.
type jobFate struct {
	outcome  TrainingJobStatus // Completed, Failed or Stopped; "" lets the world decide
	failure  int               // vocabulary index for Failed; -1 lets the world pick
	failText string            // a failure reason that is not in the vocabulary
	failAt   string            // phase for failText
	total    time.Duration     // if set, the job ends this long after creation
	quality  float64           // if set, the quality factor (1 = the profile's values)
}

// planJob fills j's plan from the world seed and the job's name.
func (w *World) planJob(j *trainingJob, f jobFate) {
	r := newRand(w.seed, "plan/"+j.name)
	gpu := isGPU(j.instanceType())
	start := r.Range(90, 300)
	if gpu {
		start = r.Range(180, 480)
	}
	minutes := 30.0
	if j.profile != nil && j.profile.TrainingMinutes > 0 {
		minutes = j.profile.TrainingMinutes
	}
	train := minutes * 60 * math.Exp(0.25*r.Norm()) * instanceSpeed(j.instanceType())
	j.dur = [4]int32{int32(start), int32(r.Range(20, 180)), int32(math.Max(train, 60)), int32(r.Range(15, 90))}
	j.trainPlan = j.dur[phaseTraining]
	j.quality = float32(math.Exp(0.045 * r.Norm()))
	if f.quality > 0 {
		j.quality = float32(f.quality)
	}
	j.failure = -1
	j.endPhase = phaseDone
	outcome := f.outcome
	failIdx := f.failure
	if outcome == "" {
		outcome = TrainingCompleted
		if r.Float64() < w.cfg.NewJobFailureRate {
			outcome = TrainingFailed
		}
	}
	switch outcome {
	case TrainingFailed:
		phase := phaseTraining
		if f.failText != "" {
			j.failText = f.failText
			phase = phaseIndex(f.failAt)
		} else {
			if failIdx < 0 || failIdx >= len(w.cfg.Failures) {
				failIdx = w.pickFailure(&r, j)
			}
			if failIdx >= 0 {
				j.failure = int16(failIdx)
				phase = phaseIndex(w.cfg.Failures[failIdx].Phase)
			} else {
				j.failText = "AlgorithmError: training script exited with a non-zero status (exit code 1)"
			}
		}
		j.endPhase = int8(phase)
		j.dur[phase] = int32(math.Max(5, float64(j.dur[phase])*r.Range(0.1, 0.95)))
	case TrainingStopped:
		j.endPhase = phaseTraining
		j.dur[phaseTraining] = int32(math.Max(30, float64(j.dur[phaseTraining])*r.Range(0.1, 0.8)))
		j.stopDur = int32(r.Range(20, 120))
	}
	j.outcome = outcome
	if f.total > 0 {
		j.fitTotal(f.total)
	}
}

// fitTotal stretches or shrinks the training phase so the job ends total
// after creation.
func (j *trainingJob) fitTotal(total time.Duration) {
	secs := int32(total / time.Second)
	other := int32(0)
	for i := 0; i < int(j.endPhase) && i < 4; i++ {
		if i != phaseTraining {
			other += j.dur[i]
		}
	}
	if j.endPhase == phaseDone {
		other += j.dur[phaseUploading]
	}
	other += j.stopDur
	if j.endPhase < phaseTraining {
		return
	}
	if t := secs - other; t > 30 {
		if j.endPhase == phaseTraining && j.dur[phaseTraining] < j.trainPlan {
			// A job cut short keeps its share of the planned run.
			j.trainPlan = int32(float64(t) * float64(j.trainPlan) / float64(j.dur[phaseTraining]))
		} else {
			j.trainPlan = t
		}
		j.dur[phaseTraining] = t
	}
}

func phaseIndex(name string) int {
	for i, n := range phaseNames {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return phaseTraining
}

// instanceSpeed scales training time by instance size.
func instanceSpeed(t string) float64 {
	switch {
	case isGPU(t):
		return 0.35
	case strings.HasSuffix(t, ".24xlarge"), strings.HasSuffix(t, ".16xlarge"):
		return 0.4
	case strings.HasSuffix(t, ".12xlarge"), strings.HasSuffix(t, ".8xlarge"):
		return 0.5
	case strings.HasSuffix(t, ".4xlarge"):
		return 0.65
	case strings.HasSuffix(t, ".2xlarge"):
		return 0.8
	case strings.HasSuffix(t, ".xlarge"):
		return 1
	default:
		return 1.4
	}
}

// pickFailure draws a vocabulary entry that fits the job's language and
// hardware; -1 if none fits.
func (w *World) pickFailure(r *Rand, j *trainingJob) int {
	lang := ""
	if j.profile != nil {
		lang = j.profile.Language
	}
	gpu := isGPU(j.instanceType())
	var idx []int
	var weights []float64
	features := j.profile != nil && len(j.profile.Features) > 0
	for i, f := range w.cfg.Failures {
		if f.Language != "" && f.Language != lang {
			continue
		}
		if f.GPU && !gpu {
			continue
		}
		if !features && f.namesFeature() {
			continue // a missing column must be one the project reads
		}
		idx = append(idx, i)
		wt := f.Weight
		if wt <= 0 {
			wt = 1
		}
		weights = append(weights, wt)
	}
	if len(idx) == 0 {
		return -1
	}
	return idx[r.Pick(weights)]
}

// phaseStart is the offset of phase i from creation, in seconds.
func (j *trainingJob) phaseStart(i int) int64 {
	var s int64
	for k := 0; k < i && k < 4; k++ {
		s += int64(j.dur[k])
	}
	return s
}

// stopRequestAt is when a stopped job's Stopping began (ms); 0 otherwise.
func (j *trainingJob) stopRequestAt() int64 {
	if j.outcome != TrainingStopped {
		return 0
	}
	p := int(j.endPhase)
	return j.created + (j.phaseStart(p)+int64(j.dur[p]))*1000
}

// endAt is when the job reaches its terminal status (ms).
func (j *trainingJob) endAt() int64 {
	switch j.outcome {
	case TrainingStopped:
		return j.stopRequestAt() + int64(j.stopDur)*1000
	case TrainingFailed:
		p := int(j.endPhase)
		return j.created + (j.phaseStart(p)+int64(j.dur[p]))*1000
	default:
		return j.created + j.phaseStart(4)*1000
	}
}

// startedAt is TrainingStartTime (ms), 0 if the job never left Starting.
func (j *trainingJob) startedAt() int64 {
	if j.endPhase == phaseStarting {
		return 0
	}
	return j.created + int64(j.dur[0])*1000
}

// trainingPhase returns the start and end (ms) of the Training phase as
// planned, and whether the job reaches it.
func (j *trainingJob) trainingPhase() (int64, int64, bool) {
	if j.endPhase < phaseTraining {
		return 0, 0, false
	}
	s := j.created + j.phaseStart(phaseTraining)*1000
	return s, s + int64(j.dur[phaseTraining])*1000, true
}

// secondaryAt is the secondary status at now (ms).
func (j *trainingJob) secondaryAt(now int64) string {
	end := j.endAt()
	if now >= end {
		switch j.outcome {
		case TrainingStopped:
			return SecondaryStopped
		case TrainingFailed:
			return SecondaryFailed
		default:
			return SecondaryCompleted
		}
	}
	if sr := j.stopRequestAt(); sr != 0 && now >= sr {
		return SecondaryStopping
	}
	off := (now - j.created) / 1000
	for i := 0; i < 4; i++ {
		if off < j.phaseStart(i+1) || i == int(j.endPhase) {
			return phaseNames[i]
		}
	}
	return SecondaryUploading
}

var phaseMessages = [4]string{
	"Preparing the instances for training",
	"Downloading input data",
	"Training image download completed. Training in progress.",
	"Uploading generated training model",
}

// transitions lists SecondaryStatusTransitions as seen at now (ms).
func (j *trainingJob) transitions(now int64) []SecondaryStatusTransition {
	end := j.endAt()
	last := int(j.endPhase)
	if last > phaseUploading {
		last = phaseUploading
	}
	out := make([]SecondaryStatusTransition, 0, 6)
	for i := 0; i <= last; i++ {
		s := j.created + j.phaseStart(i)*1000
		if s > now {
			break
		}
		e := s + int64(j.dur[i])*1000
		tr := SecondaryStatusTransition{Status: phaseNames[i], StartTime: fromMs(s), StatusMessage: phaseMessages[i]}
		if i == 0 && now < e {
			tr.StatusMessage = "Launching requested ML instances"
		}
		if e <= now {
			tr.EndTime = fromMs(e)
		}
		out = append(out, tr)
	}
	switch {
	case j.outcome == TrainingStopped && now >= j.stopRequestAt():
		sr := j.stopRequestAt()
		tr := SecondaryStatusTransition{Status: SecondaryStopping, StartTime: fromMs(sr), StatusMessage: "Stopping the training job"}
		if now >= end {
			tr.EndTime = fromMs(end)
			out = append(out, tr, SecondaryStatusTransition{Status: SecondaryStopped, StartTime: fromMs(end), EndTime: fromMs(end), StatusMessage: "Training job stopped"})
		} else {
			out = append(out, tr)
		}
	case now >= end && j.outcome == TrainingFailed:
		out = append(out, SecondaryStatusTransition{Status: SecondaryFailed, StartTime: fromMs(end), EndTime: fromMs(end), StatusMessage: "Training job failed"})
	case now >= end:
		out = append(out, SecondaryStatusTransition{Status: SecondaryCompleted, StartTime: fromMs(end), EndTime: fromMs(end), StatusMessage: "Training job completed"})
	}
	return out
}

// lastChange is LastModifiedTime (ms) at now.
func (j *trainingJob) lastChange(now int64) int64 {
	if end := j.endAt(); now >= end {
		return end
	}
	last := j.created
	for i := 0; i < 4; i++ {
		s := j.created + j.phaseStart(i)*1000
		if s <= now {
			last = s
		}
	}
	if sr := j.stopRequestAt(); sr != 0 && sr <= now {
		last = sr
	}
	return last
}

// failureReason expands the job's failure text.
func (w *World) failureReason(j *trainingJob) string {
	text := j.failText
	if j.failure >= 0 && int(j.failure) < len(w.cfg.Failures) {
		text = w.cfg.Failures[j.failure].Reason
	}
	return w.expand(j, text)
}

func (w *World) expand(j *trainingJob, text string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	bucket := "sagemaker-" + w.region + "-" + w.account
	if len(j.spec.InputDataConfig) > 0 && j.spec.InputDataConfig[0].DataSource.S3DataSource != nil {
		if b, _, ok := splitS3(j.spec.InputDataConfig[0].DataSource.S3DataSource.S3Uri); ok {
			bucket = b
		}
	}
	return strings.NewReplacer(
		"{job}", j.name,
		"{bucket}", bucket,
		"{instance_type}", j.instanceType(),
		"{project}", j.projectName(),
		"{image}", j.spec.AlgorithmSpecification.TrainingImage,
		"{feature}", j.missingFeature(),
	).Replace(text)
}

// missingFeature is the input column a job that fails on its data lacks:
// one of its project's features, the same for the job every time.
func (j *trainingJob) missingFeature() string {
	if j.profile == nil || len(j.profile.Features) == 0 {
		return "target" // no project's columns known: the label column
	}
	f := j.profile.Features
	return f[hashString(j.name)%uint64(len(f))]
}

// namesFeature reports whether the failure names one of the project's
// columns, in its reason or its log.
func (f FailureReason) namesFeature() bool {
	if strings.Contains(f.Reason, "{feature}") {
		return true
	}
	for _, l := range f.Log {
		if strings.Contains(l, "{feature}") {
			return true
		}
	}
	return false
}

// metricCurve describes one algorithm metric of a job.
type metricCurve struct {
	name        string
	final       float64
	lowerBetter bool
	start       float64
}

// curves lists the job's algorithm metrics with their final values.
func (w *World) curves(j *trainingJob) []metricCurve {
	defs := j.spec.AlgorithmSpecification.MetricDefinitions
	out := make([]metricCurve, 0, len(defs))
	q := float64(j.quality)
	for _, d := range defs {
		base, lower := profileMetric(j.profile, d.Name)
		out = append(out, qualityCurve(d.Name, base, lower, q))
	}
	return out
}

// profileMetric finds the value a good run reaches for a training metric
// name such as "validation:rmse" or "train:loss".
func profileMetric(p *ModelProfile, name string) (float64, bool) {
	key := name
	if i := strings.LastIndexAny(name, ":-_"); i >= 0 {
		key = name[i+1:]
	}
	key = strings.ToLower(key)
	lower := strings.Contains(key, "loss") || strings.Contains(key, "rmse") || strings.Contains(key, "mae") ||
		strings.Contains(key, "mse") || strings.Contains(key, "error")
	train := strings.HasPrefix(name, "train")
	if p != nil {
		if v, ok := p.Quality[key]; ok {
			if train && lower {
				v *= 0.86
			} else if train {
				v = math.Min(0.999, v*1.03)
			}
			return v, lower
		}
	}
	if lower {
		if train {
			return 0.21, true
		}
		return 0.25, true
	}
	return 0.85, false
}

func qualityCurve(name string, base float64, lower bool, q float64) metricCurve {
	c := metricCurve{name: name, lowerBetter: lower}
	switch {
	case lower:
		c.final = base * q
		c.start = c.final * 2.6
	case strings.Contains(name, "auc"):
		c.final = 0.5 + (base-0.5)/q
		c.start = 0.55
	default:
		c.final = 1 - (1-base)*q*q
		if c.final < 0 {
			c.final = 0
		}
		c.start = math.Min(0.2, c.final/2)
	}
	return c
}

// value is the metric at training progress p in [0,1], with small noise.
func (c metricCurve) value(p float64, noise float64) float64 {
	k := 4.0
	shape := (math.Exp(-k*p) - math.Exp(-k)) / (1 - math.Exp(-k))
	v := c.final + (c.start-c.final)*shape
	if p < 1 {
		v *= 1 + 0.01*noise*(1-p)
	}
	return v
}

// finalMetrics is FinalMetricDataList at now (ms).
func (w *World) finalMetrics(j *trainingJob, now int64) []MetricData {
	ts, te, ok := j.trainingPhase()
	if !ok || now < ts {
		return nil
	}
	end := te
	if j.outcome == TrainingFailed && int(j.endPhase) == phaseTraining {
		end = j.endAt()
	}
	if now < end {
		return nil
	}
	p := j.progress(end)
	curves := w.curves(j)
	out := make([]MetricData, 0, len(curves))
	for _, c := range curves {
		out = append(out, MetricData{MetricName: c.name, Value: round4(c.value(p, 0)), Timestamp: fromMs(end)})
	}
	return out
}

func round4(v float64) float64 {
	if math.Abs(v) >= 100 {
		return math.Round(v*100) / 100
	}
	return math.Round(v*10000) / 10000
}

// progress is how far through its planned training the job is at t (ms).
func (j *trainingJob) progress(t int64) float64 {
	ts, _, ok := j.trainingPhase()
	if !ok || t <= ts || j.trainPlan <= 0 {
		return 0
	}
	p := float64(t-ts) / 1000 / float64(j.trainPlan)
	if p > 1 {
		p = 1
	}
	return p
}
