package main

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// jobsWorld plays the training-job feeds: the list (paged in for the
// first seconds, as a large account is), each subscribed job's detail
// with growing curves, and each subscribed job's logs at logRate lines a
// second. A job the user stops moves to Stopping, then Stopped.
type jobsWorld struct {
	svc     *kittest.Service
	start   time.Time
	logRate int

	mu      sync.Mutex
	jobs    []domain.TrainingJob
	stopped map[string]time.Time // stop requested at
}

const (
	demoRunning = "hdb-resale-train-20250601-0912"
	demoAcct    = "123456789012"
)

func newJobsWorld(svc *kittest.Service, logRate int, older int) *jobsWorld {
	w := &jobsWorld{svc: svc, start: svc.Now(), logRate: logRate, stopped: map[string]time.Time{}}
	now := w.start
	arn := func(n string) string { return "arn:aws:sagemaker:ap-southeast-1:" + demoAcct + ":training-job/" + n }
	job := func(name, status, project, itype string, count int, age, took time.Duration) domain.TrainingJob {
		created := now.Add(-age)
		j := domain.TrainingJob{Name: name, ARN: arn(name), Status: status, SecondaryStatus: status, CreatedAt: created,
			LastModified: created.Add(took), Project: project, InstanceType: itype, InstanceCount: count, Detailed: true,
			StartedAt: created.Add(3 * time.Minute), Image: demoAcct + ".dkr.ecr.ap-southeast-1.amazonaws.com/ag-r-ranger:4.3-1",
			RoleARN: "arn:aws:iam::" + demoAcct + ":role/ag-" + project + "-sagemaker-exec", OutputPath: "s3://ag-models/" + project + "/output/",
			Hyperparameters: map[string]string{"num.trees": "800", "mtry": "4", "min.node.size": "5"},
			Inputs:          []domain.InputChannel{{Name: "train", S3URI: "s3://ag-data/" + project + "/train/", ContentType: "text/csv"}},
			Transitions: []domain.StatusTransition{
				{Status: "Starting", Start: created, End: created.Add(3 * time.Minute), Message: "Preparing the instances for training"},
				{Status: "Downloading", Start: created.Add(3 * time.Minute), End: created.Add(8 * time.Minute), Message: "Downloading input data"},
			},
		}
		if status == domain.JobInProgress {
			j.SecondaryStatus = "Training"
			j.Transitions = append(j.Transitions, domain.StatusTransition{Status: "Training", Start: created.Add(8 * time.Minute),
				Message: "Training image download completed. Training in progress."})
			return j
		}
		end := created.Add(took)
		j.EndedAt = end
		j.BillableSeconds = int64(took.Seconds()) * int64(count)
		j.TrainingSeconds = int64(took.Seconds())
		j.Transitions = append(j.Transitions,
			domain.StatusTransition{Status: "Training", Start: created.Add(8 * time.Minute), End: end, Message: "Training image download completed. Training in progress."},
			domain.StatusTransition{Status: status, Start: end, End: end, Message: "Training job " + strings.ToLower(status)})
		j.FinalMetrics = []domain.MetricValue{{Name: "validation:rmse", Value: 21873.4, Timestamp: end}}
		return j
	}
	running := job(demoRunning, domain.JobInProgress, "hdb-resale-valuation", "ml.m5.2xlarge", 2, 48*time.Minute, 0)
	running.PipelineExecutionARN = "arn:aws:sagemaker:ap-southeast-1:" + demoAcct + ":pipeline/hdb-resale-train/execution/7x2kq9abc1de"
	running.PipelineExecutionStep = "TrainResaleModel"
	running.MetricNames = []string{"train:rmse", "validation:rmse"}
	running.StoppingMaxRuntimeHours = 4
	downloading := job("hdb-resale-train-0412", domain.JobInProgress, "hdb-resale-valuation", "ml.p3.2xlarge", 1, 6*time.Minute, 0)
	downloading.SecondaryStatus = "Downloading"
	downloading.Transitions = downloading.Transitions[:2]
	downloading.Transitions[1].End = time.Time{}
	failed := job("lta-bus-eta-train-20250601-0730", domain.JobFailed, "lta-bus-eta", "ml.g4dn.xlarge", 1, 150*time.Minute, 41*time.Minute)
	failed.FailureReason = "AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage \"torch.cuda.OutOfMemoryError: CUDA out of memory. " +
		"Tried to allocate 2.00 GiB (GPU 0; 15.78 GiB total capacity; 13.12 GiB already allocated; 1.02 GiB free)\"\n" +
		"Command \"/opt/conda/bin/python3.10 train.py --epochs 30 --batch-size 512\", exit code: 1"
	failed.FinalMetrics = nil
	w.jobs = []domain.TrainingJob{
		downloading, running,
		job("房屋转售-训练-0601", domain.JobCompleted, "hdb-resale-valuation", "ml.m5.xlarge", 1, 100*time.Minute, 30*time.Minute),
		failed,
		job("hdb-rental-forecast-0531", domain.JobCompleted, "hdb-rental-forecast", "ml.m5.xlarge", 1, 20*time.Hour, 52*time.Minute),
		job("moh-triage-nlp-0530", domain.JobStopped, "moh-triage-nlp", "ml.g5.2xlarge", 4, 40*time.Hour, 3*time.Hour),
	}
	for i := 0; i < older; i++ {
		j := job(fmt.Sprintf("hdb-resale-train-%05d", older-i), domain.JobCompleted, "hdb-resale-valuation", "ml.m5.xlarge", 1+i%2,
			48*time.Hour+time.Duration(i)*37*time.Minute, time.Duration(20+i%70)*time.Minute)
		j.Detailed = i%3 != 0
		w.jobs = append(w.jobs, j)
	}
	return w
}

// noteStops marks the jobs the user asked to stop since the last look:
// the demo's service records every action (another part of the demo
// answers them), so the world watches the requests rather than taking
// over the answers.
func (w *jobsWorld) noteStops(seen int) int {
	reqs := w.svc.Requests()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, r := range reqs[min(seen, len(reqs)):] {
		if stop, ok := r.(backend.StopTrainingJob); ok {
			if _, already := w.stopped[stop.Name]; !already {
				w.stopped[stop.Name] = w.svc.Now()
			}
		}
	}
	return len(reqs)
}

// snapshot is the jobs as they stand at now.
func (w *jobsWorld) snapshot(now time.Time) []domain.TrainingJob {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make([]domain.TrainingJob, len(w.jobs))
	copy(out, w.jobs)
	for i := range out {
		at, ok := w.stopped[out[i].Name]
		if !ok || out[i].Terminal() {
			continue
		}
		j := &out[i]
		j.Transitions = append([]domain.StatusTransition(nil), j.Transitions...)
		j.Transitions[len(j.Transitions)-1].End = at
		if now.Sub(at) < 5*time.Second {
			j.Status, j.SecondaryStatus = domain.JobStopping, "Stopping"
			j.Transitions = append(j.Transitions, domain.StatusTransition{Status: "Stopping", Start: at, Message: "Stopping the training job"})
			continue
		}
		end := at.Add(5 * time.Second)
		j.Status, j.SecondaryStatus, j.EndedAt, j.LastModified = domain.JobStopped, "Stopped", end, end
		j.BillableSeconds = int64(end.Sub(j.StartedAt).Seconds()) * int64(max(1, j.InstanceCount))
		j.Transitions = append(j.Transitions,
			domain.StatusTransition{Status: "Stopping", Start: at, End: end, Message: "Stopping the training job"},
			domain.StatusTransition{Status: "Stopped", Start: end, End: end, Message: "Training job stopped"})
	}
	return out
}

// run plays the feeds until ctx ends.
func (w *jobsWorld) run(ctx context.Context) {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	logsSent := map[string]time.Time{} // job → time of the last log line sent
	seen := 0                          // actions looked at
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		seen = w.noteStops(seen)
		now := w.svc.Now()
		subs := w.svc.Subscribed()
		for _, key := range subs {
			kind, arg, _ := strings.Cut(key, ":")
			switch backend.FeedKind(kind) {
			case backend.FeedTrainingJobs:
				if i%8 == 0 {
					w.sendList(now)
				}
			case backend.FeedTrainingJob:
				if i%8 == 0 {
					w.sendJob(arg, now)
				}
			case backend.FeedJobLogs:
				w.sendLogs(arg, now, logsSent)
			}
		}
		for job := range logsSent {
			if !contains(subs, string(backend.FeedJobLogs)+":"+job) {
				delete(logsSent, job) // a new subscription starts over
			}
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (w *jobsWorld) sendList(now time.Time) {
	jobs := w.snapshot(now)
	key := backend.FeedKey{Kind: backend.FeedTrainingJobs}
	loading := now.Sub(w.start) < 6*time.Second
	if loading {
		jobs = jobs[:min(len(jobs), 6+int(now.Sub(w.start)/time.Second)*100)]
	}
	state := backend.FeedState{Key: key, Interval: 2 * time.Second, LastSuccess: now, LastAttempt: now, NextAttempt: now.Add(2 * time.Second)}
	list := make([]*domain.TrainingJobSummary, len(jobs))
	for i := range jobs {
		s := jobs[i].Summary()
		list[i] = &s
	}
	w.svc.Send(backend.Update{Key: key, Data: backend.TrainingJobsData{Jobs: list, Loading: loading}, State: state})
}

func (w *jobsWorld) sendJob(name string, now time.Time) {
	key := backend.FeedKey{Kind: backend.FeedTrainingJob, Arg: name}
	state := backend.FeedState{Key: key, Interval: 2 * time.Second, LastSuccess: now, LastAttempt: now}
	for _, j := range w.snapshot(now) {
		if j.Name != name {
			continue
		}
		d := backend.TrainingJobData{Job: j}
		if j.Status != domain.JobFailed {
			d.Curves = curves(j, now)
		}
		w.svc.Send(backend.Update{Key: key, Data: d, State: state})
		return
	}
	state.Err = "training job " + name + " does not exist"
	w.svc.Send(backend.Update{Key: key, State: state})
}

// curves are a loss falling with noise, one point a minute from the
// training phase on.
func curves(j domain.TrainingJob, now time.Time) []domain.Series {
	start := j.CreatedAt.Add(9 * time.Minute)
	end := now
	if !j.EndedAt.IsZero() {
		end = j.EndedAt
	}
	var out []domain.Series
	for k, name := range []string{"train:rmse", "validation:rmse"} {
		s := domain.Series{Label: name}
		for t := start; !t.After(end); t = t.Add(time.Minute) {
			x := t.Sub(start).Minutes()
			s.Times = append(s.Times, t)
			s.Values = append(s.Values, 21000+48000*math.Exp(-x/9)+float64(k)*2500+300*math.Sin(x))
		}
		out = append(out, s)
	}
	return out
}

// sendLogs sends the lines written since the last delivery; the first
// delivery of a subscription carries the last minute and Reset.
func (w *jobsWorld) sendLogs(job string, now time.Time, sent map[string]time.Time) {
	key := backend.FeedKey{Kind: backend.FeedJobLogs, Arg: job}
	var j domain.TrainingJob
	for _, x := range w.snapshot(now) {
		if x.Name == job {
			j = x
		}
	}
	streams := []domain.LogStream{}
	for h := 1; h <= max(1, j.InstanceCount); h++ {
		streams = append(streams, domain.LogStream{Group: "/aws/sagemaker/TrainingJobs", Name: fmt.Sprintf("%s/algo-%d-1748741520", job, h)})
	}
	end := now
	if !j.EndedAt.IsZero() && j.EndedAt.Before(end) {
		end = j.EndedAt
	}
	last, ok := sent[job]
	reset := !ok
	if reset {
		last = end.Add(-time.Minute)
	}
	step := time.Second / time.Duration(max(1, w.logRate))
	var events []domain.LogEvent
	for t := last.Add(step).Truncate(step); !t.After(end); t = t.Add(step) {
		n := t.UnixNano() / int64(step)
		host := int(n%int64(len(streams))) + 1
		msg := fmt.Sprintf("[algo-%d] worker finished iteration %d", host, n%100000)
		switch {
		case n%13 == 0:
			msg = fmt.Sprintf("#metrics iter %d train:rmse=%.5f validation:rmse=%.5f", n%100000, 21000+float64(n%997), 23500+float64(n%991))
		case n%29 == 0:
			msg = t.UTC().Format("2006-01-02 15:04:05,000") + " sagemaker-training-toolkit WARNING  No GPUs detected (normal if no gpus installed); falling back to CPU training"
		}
		events = append(events, domain.LogEvent{Stream: streams[host-1].Name, Timestamp: t, Message: msg})
		last = t
	}
	if j.Status == domain.JobFailed && reset {
		events = append(events,
			domain.LogEvent{Stream: streams[0].Name, Timestamp: j.EndedAt, Message: "Traceback (most recent call last):\n  File \"/opt/ml/code/train.py\", line 188, in <module>"},
			domain.LogEvent{Stream: streams[0].Name, Timestamp: j.EndedAt, Message: "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB"})
	}
	sent[job] = last
	if len(events) == 0 && !reset {
		return
	}
	state := backend.FeedState{Key: key, Interval: time.Second, LastSuccess: now, LastAttempt: now}
	w.svc.Send(backend.Update{Key: key, Data: backend.LogsData{Group: "/aws/sagemaker/TrainingJobs", Streams: streams, Events: events, Reset: reset}, State: state})
}
