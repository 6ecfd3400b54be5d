package jobs

import (
	"fmt"
	"math"
	"time"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/views/kit/kittest"
)

// now is the fixtures' clock: 1 June 2025, 10:00 in Singapore.
var now = kittest.Now

const (
	acct       = "123456789012"
	runningJob = "hdb-resale-train-20250601-0912"
	failedJob  = "lta-bus-eta-train-20250601-0730"
	pipeARN    = "arn:aws:sagemaker:ap-southeast-1:123456789012:pipeline/hdb-resale-train/execution/7x2kq9abc1de"
	failReason = "AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage \"torch.cuda.OutOfMemoryError: CUDA out of memory. " +
		"Tried to allocate 2.00 GiB (GPU 0; 15.78 GiB total capacity; 13.12 GiB already allocated; 1.02 GiB free)\"\n" +
		"Command \"/opt/conda/bin/python3.10 train.py --epochs 30 --batch-size 512\", exit code: 1"
)

func arn(name string) string {
	return "arn:aws:sagemaker:ap-southeast-1:" + acct + ":training-job/" + name
}

// running is a two-instance job in its training phase, started by a
// pipeline, with curves.
func running() domain.TrainingJob {
	created := now.Add(-48 * time.Minute)
	return domain.TrainingJob{
		Name: runningJob, ARN: arn(runningJob), Status: domain.JobInProgress, SecondaryStatus: "Training",
		CreatedAt: created, LastModified: now.Add(-40 * time.Minute), Project: "hdb-resale-valuation",
		Detailed: true, StartedAt: created.Add(3 * time.Minute), InstanceType: "ml.m5.2xlarge", InstanceCount: 2,
		BillableSeconds: 0, TrainingSeconds: 0,
		Transitions: []domain.StatusTransition{
			{Status: "Starting", Start: created, End: created.Add(3 * time.Minute), Message: "Preparing the instances for training"},
			{Status: "Downloading", Start: created.Add(3 * time.Minute), End: created.Add(8*time.Minute + 20*time.Second), Message: "Downloading input data"},
			{Status: "Training", Start: created.Add(8*time.Minute + 20*time.Second), Message: "Training image download completed. Training in progress."},
		},
		Hyperparameters: map[string]string{"num.trees": "800", "mtry": "4", "min.node.size": "5", "sample.fraction": "0.8", "seed": "20250601"},
		Inputs: []domain.InputChannel{
			{Name: "train", S3URI: "s3://hdb-resale-transactions/training/hdb-resale-valuation/train/", ContentType: "text/csv"},
			{Name: "validation", S3URI: "s3://hdb-resale-transactions/training/hdb-resale-valuation/validation/", ContentType: "text/csv"},
		},
		OutputPath:           "s3://ag-hdb-models/hdb-resale-valuation/output/",
		Image:                acct + ".dkr.ecr.ap-southeast-1.amazonaws.com/ag-r-ranger:4.3-1",
		MetricNames:          []string{"train:rmse", "validation:rmse"},
		PipelineExecutionARN: pipeARN, PipelineExecutionStep: "TrainResaleModel",
		RoleARN: "arn:aws:iam::" + acct + ":role/ag-hdb-resale-sagemaker-exec", StoppingMaxRuntimeHours: 4,
	}
}

// failed ran out of GPU memory.
func failed() domain.TrainingJob {
	created := now.Add(-2*time.Hour - 30*time.Minute)
	ended := created.Add(41 * time.Minute)
	return domain.TrainingJob{
		Name: failedJob, ARN: arn(failedJob), Status: domain.JobFailed, SecondaryStatus: "Failed",
		CreatedAt: created, LastModified: ended, EndedAt: ended, Project: "lta-bus-eta",
		Detailed: true, StartedAt: created.Add(4 * time.Minute), InstanceType: "ml.g4dn.xlarge", InstanceCount: 1,
		BillableSeconds: 2220, TrainingSeconds: 2220,
		Transitions: []domain.StatusTransition{
			{Status: "Starting", Start: created, End: created.Add(4 * time.Minute), Message: "Launching requested ML instances"},
			{Status: "Downloading", Start: created.Add(4 * time.Minute), End: created.Add(9 * time.Minute), Message: "Downloading input data"},
			{Status: "Training", Start: created.Add(9 * time.Minute), End: ended, Message: "Training image download completed. Training in progress."},
			{Status: "Failed", Start: ended, End: ended, Message: "Training job failed"},
		},
		Hyperparameters: map[string]string{"epochs": "30", "batch-size": "512", "learning-rate": "0.001"},
		Inputs:          []domain.InputChannel{{Name: "train", S3URI: "s3://lta-datamall-archive/bus-arrivals/2025/05/", ContentType: "application/x-parquet"}},
		OutputPath:      "s3://ag-lta-models/lta-bus-eta/output/",
		Image:           "763104351884.dkr.ecr.ap-southeast-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311",
		FinalMetrics:    []domain.MetricValue{{Name: "train:loss", Value: 0.41327, Timestamp: ended}},
		FailureReason:   failReason,
		RoleARN:         "arn:aws:iam::" + acct + ":role/ag-lta-sagemaker-exec",
	}
}

// listJobs is a training-jobs delivery: running first, then newest.
func listJobs() backend.TrainingJobsData {
	j := func(name, status, secondary, project, itype string, count int, age, took time.Duration, billable int64) domain.TrainingJob {
		created := now.Add(-age)
		job := domain.TrainingJob{Name: name, ARN: arn(name), Status: status, SecondaryStatus: secondary, CreatedAt: created,
			LastModified: created.Add(took), Project: project, InstanceType: itype, InstanceCount: count, BillableSeconds: billable,
			Detailed: itype != ""}
		if status != domain.JobInProgress && status != domain.JobStopping {
			job.EndedAt = created.Add(took)
		}
		return job
	}
	return backend.TrainingJobsData{Jobs: summaries(
		running(),
		j("hdb-resale-train-0412", domain.JobInProgress, "Downloading", "hdb-resale-valuation", "ml.p3.2xlarge", 1, 6*time.Minute, 0, 0),
		j("hdb-rental-forecast-0601", domain.JobStopping, "Stopping", "hdb-rental-forecast", "ml.m5.xlarge", 1, 25*time.Minute, 0, 0),
		failed(),
		j("hdb-rental-forecast-0531", domain.JobCompleted, "Completed", "hdb-rental-forecast", "ml.m5.xlarge", 1, 20*time.Hour, 52*time.Minute, 2940),
		j("moh-triage-nlp-0530", domain.JobStopped, "Stopped", "moh-triage-nlp", "ml.g5.2xlarge", 4, 40*time.Hour, 3*time.Hour, 41_400),
		j("hdb-resale-train-20250528-0900", domain.JobCompleted, "Completed", "hdb-resale-valuation", "", 0, 4*24*time.Hour, 95*time.Minute, 0),
	)}
}

// projectsUnread is the list while the projects of its two oldest jobs
// (of moh-triage-nlp and hdb-resale-valuation) are still being read.
func projectsUnread() backend.TrainingJobsData {
	d := listJobs()
	for _, i := range []int{5, 6} {
		s := d.Jobs[i].WithProjectUnknown()
		d.Jobs[i] = &s
	}
	d.ProjectsUnknownUntil = d.Jobs[5].CreatedAt()
	return d
}

// summaries is jobs as a delivery of the list holds them.
func summaries(jobs ...domain.TrainingJob) []*domain.TrainingJobSummary {
	out := make([]*domain.TrainingJobSummary, len(jobs))
	for i := range jobs {
		s := jobs[i].Summary()
		out[i] = &s
	}
	return out
}

// detailOf is the job's own feed delivery, with curves for jobs that
// trained.
func detailOf(job domain.TrainingJob) backend.TrainingJobData {
	d := backend.TrainingJobData{Job: job}
	start := job.StartedAt.Add(6 * time.Minute)
	end := now
	if !job.EndedAt.IsZero() {
		end = job.EndedAt
	}
	for k, name := range []string{"train:rmse", "validation:rmse"} {
		s := domain.Series{Label: name}
		for t := start; !t.After(end); t = t.Add(time.Minute) {
			x := t.Sub(start).Minutes()
			s.Times = append(s.Times, t)
			s.Values = append(s.Values, 21000+48000*math.Exp(-x/9)+float64(k)*2500+300*math.Sin(x))
		}
		d.Curves = append(d.Curves, s)
	}
	return d
}

// logLines is a python training toolkit's output on two hosts, the last
// line at the fixtures' clock.
func logLines(job string, n int) backend.LogsData {
	streams := []domain.LogStream{
		{Group: "/aws/sagemaker/TrainingJobs", Name: job + "/algo-1-1748741520"},
		{Group: "/aws/sagemaker/TrainingJobs", Name: job + "/algo-2-1748741520"},
	}
	start := now.Add(-time.Duration(n) * 5 * time.Second)
	var events []domain.LogEvent
	for i := 0; i < n; i++ {
		host := i%2 + 1
		at := start.Add(time.Duration(i) * 5 * time.Second)
		msg := fmt.Sprintf("[algo-%d] worker finished iteration %d", host, i/2)
		switch {
		case i%7 == 0:
			msg = fmt.Sprintf("#metrics iter %d/400 train:rmse=%.5f validation:rmse=%.5f", i/2, 24000+9000/float64(i+1), 25500+9000/float64(i+1))
		case i%11 == 0:
			msg = at.UTC().Format("2006-01-02 15:04:05,000") + " sagemaker-training-toolkit WARNING  No GPUs detected (normal if no gpus installed); " +
				"falling back to CPU training, which may be much slower for large ranger forests"
		}
		events = append(events, domain.LogEvent{Stream: streams[host-1].Name, Timestamp: at, Message: msg})
	}
	return backend.LogsData{Group: "/aws/sagemaker/TrainingJobs", Streams: streams, Events: events, Reset: true}
}
