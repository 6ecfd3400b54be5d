package world

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// epochSample is one reported training iteration.
type epochSample struct {
	ts int64   // ms
	p  float64 // progress through the planned training
	i  int     // 1-based iteration
}

// epochs lists the iterations the job reports up to its end.
func (j *trainingJob) epochs() []epochSample {
	ts, _, ok := j.trainingPhase()
	if !ok {
		return nil
	}
	n := j.epochCount()
	end := j.endAt()
	if j.outcome == TrainingStopped {
		end = j.stopRequestAt()
	}
	plan := int64(j.trainPlan) * 1000
	first := ts + 10000
	span := plan - 15000
	if span < int64(n)*1000 {
		span = int64(n) * 1000
	}
	out := make([]epochSample, 0, n)
	for i := 1; i <= n; i++ {
		t := first + span*int64(i)/int64(n)
		if t > end {
			break
		}
		out = append(out, epochSample{ts: t, p: float64(t-ts) / float64(plan), i: i})
	}
	return out
}

func (j *trainingJob) streamName(host int) string {
	return j.name + "/algo-" + strconv.Itoa(host) + "-" + strconv.FormatInt(j.startedAt()/1000, 10)
}

// trainingStreams lists the job's log streams visible at now: one per
// instance once the instances have started.
func (w *World) trainingStreams(j *trainingJob, now int64) []stream {
	st := j.startedAt()
	if st == 0 || st > now {
		return nil
	}
	n := int(j.instanceCount())
	out := make([]stream, 0, n)
	for h := 1; h <= n; h++ {
		host := h
		lines := sliceSource(w.trainingLog(j, host))
		if len(lines) == 0 || lines[0].Timestamp > now {
			continue
		}
		var src eventSource = lines
		if steps, ok := j.stepLog(host); ok {
			src = mergeSources(lines, steps)
		}
		out = append(out, stream{name: j.streamName(host), created: lines[0].Timestamp, src: src})
	}
	if n >= 10 {
		// algo-10 sorts before algo-2.
		sortStreams(out)
	}
	return out
}

func sortStreams(ss []stream) {
	for i := 1; i < len(ss); i++ {
		for k := i; k > 0 && ss[k].name < ss[k-1].name; k-- {
			ss[k], ss[k-1] = ss[k-1], ss[k]
		}
	}
}

// trainingLog generates the container log of one instance of a job. The
// lines are a pure function of the job's plan, so they never need storing.
func (w *World) trainingLog(j *trainingJob, host int) []LogEvent {
	lang := "python"
	if j.profile != nil && j.profile.Language != "" {
		lang = j.profile.Language
	}
	var ev []LogEvent
	add := func(ts int64, msg string) {
		ev = append(ev, LogEvent{Timestamp: ts, IngestionTime: ts + 700 + int64(len(ev)%5)*97, Message: msg})
	}
	end := j.endAt()
	failLines := func(at int64) {
		if j.outcome != TrainingFailed {
			return
		}
		var lines []string
		if j.failure >= 0 && int(j.failure) < len(w.cfg.Failures) {
			lines = w.cfg.Failures[j.failure].Log
		}
		for k, l := range lines {
			add(at-int64(len(lines)-k)*150, w.expand(j, l))
		}
		if lang == "python" {
			add(at, toolkitTime(at)+" sagemaker-training-toolkit ERROR    Reporting training FAILURE")
		}
	}
	ts, _, reached := j.trainingPhase()
	if !reached {
		// Failed while downloading: only the failure is logged.
		if j.startedAt() != 0 {
			failLines(end)
		}
		return ev
	}
	if lang == "r" {
		add(ts+1200, "Loading required package: ranger")
		add(ts+1900, "Loading required package: data.table")
		add(ts+2600, `[1] "Reading training data from /opt/ml/input/data/train"`)
		if host == 1 {
			add(ts+6100, `[1] "Rows: 187,412 (train) / 20,824 (validation); features: 11"`)
		}
	} else {
		add(ts+300, "bash: cannot set terminal process group (-1): Inappropriate ioctl for device")
		add(ts+310, "bash: no job control in this shell")
		add(ts+2100, toolkitTime(ts+2100)+" sagemaker-training-toolkit INFO     Imported framework sagemaker_training")
		if isGPU(j.instanceType()) {
			add(ts+2600, toolkitTime(ts+2600)+" sagemaker-training-toolkit INFO     GPUs detected (normal if no gpus installed)")
		} else {
			add(ts+2600, toolkitTime(ts+2600)+" sagemaker-training-toolkit INFO     No GPUs detected (normal if no gpus installed)")
		}
		add(ts+3400, toolkitTime(ts+3400)+" sagemaker-training-toolkit INFO     Invoking user training script.")
		if host == 1 {
			add(ts+6100, "Reading training data from /opt/ml/input/data/train (187412 rows), validation (20824 rows)")
		}
	}
	curves := w.curves(j)
	for _, e := range j.epochs() {
		if e.ts > end {
			break
		}
		if host != 1 {
			add(e.ts, fmt.Sprintf("[algo-%d] worker finished iteration %d", host, e.i))
			continue
		}
		var b strings.Builder
		if lang == "r" {
			b.WriteString(`[1] "`)
		} else {
			b.WriteString("#metrics ")
		}
		fmt.Fprintf(&b, "iter %d/%d", e.i, j.epochCount())
		for k, c := range curves {
			fmt.Fprintf(&b, " %s=%s", c.name, formatMetric(c.value(e.p, noiseAt(j, e.i, k))))
		}
		if lang == "r" {
			b.WriteString(`"`)
		}
		add(e.ts, b.String())
	}
	switch j.outcome {
	case TrainingCompleted:
		up := j.created + j.phaseStart(phaseUploading)*1000
		if host == 1 {
			if lang == "r" {
				add(up-2000, `[1] "Model saved to /opt/ml/model/model.rds"`)
			} else {
				add(up-2000, "Saving model to /opt/ml/model/model.joblib")
				add(up-500, toolkitTime(up-500)+" sagemaker-training-toolkit INFO     Reporting training SUCCESS")
			}
		} else if lang == "python" {
			add(up-500, toolkitTime(up-500)+" sagemaker-training-toolkit INFO     Reporting training SUCCESS")
		}
	case TrainingFailed:
		failLines(end)
	case TrainingStopped:
		sr := j.stopRequestAt()
		if sr >= ts {
			add(sr+800, "Received SIGTERM: stopping the training script")
		}
	}
	return ev
}

func noiseAt(j *trainingJob, i, k int) float64 {
	return unitOf(hashOf(hashString(j.name), uint64(i), uint64(k)))*2 - 1
}

func formatMetric(v float64) string {
	if v >= 100 {
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strconv.FormatFloat(v, 'f', 5, 64)
}

// toolkitTime formats a timestamp the way the SageMaker training toolkit does.
func toolkitTime(t int64) string {
	return time.UnixMilli(t).UTC().Format("2006-01-02 15:04:05,000")
}

func (j *trainingJob) epochCount() int {
	if j.profile != nil && j.profile.Epochs > 0 {
		return j.profile.Epochs
	}
	return 30
}
