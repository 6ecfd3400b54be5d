package backend

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// trainingMetricsNamespace is where SageMaker puts the metrics a training
// job's algorithm emits, one series per host ("JOB/algo-1").
const trainingMetricsNamespace = "/aws/sagemaker/TrainingJobs"

// fetchTrainingJobs runs at the running-jobs cadence: running jobs are
// described every poll, the list is read only every TrainingList interval.
func (c *Client) fetchTrainingJobs(ctx context.Context, _ any) (any, error) {
	if err := c.training.sync(ctx, true); err != nil {
		return nil, err
	}
	return c.training.sorted(), nil
}

func (c *Client) fetchTrainingJob(ctx context.Context, name string) (any, error) {
	job, ok, err := c.training.job(ctx, name)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("training job %s does not exist", name)
	}
	curves, err := c.training.curves(ctx, job)
	if err != nil {
		return nil, err
	}
	return TrainingJobData{Job: job, Curves: curves}, nil
}

// curves reads a job's metric curves: the metric names once (per host
// 1), then one GetMetricData for every metric of every host, merged by
// average. While the job runs they are read at most every TrainingList
// interval (CloudWatch has one point a minute); once it has finished and
// been read after the end, never again.
func (t *trainingIndex) curves(ctx context.Context, job domain.TrainingJob) ([]domain.Series, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.jobs[job.Name] == nil {
		return nil, nil
	}
	e := t.curveState[job.Name]
	if e == nil {
		e = &curveEntry{}
		t.curveState[job.Name] = e
	}
	now := t.pollNow()
	if e.curvesFinal || (!e.curvesAt.IsZero() && !isDue(now, e.curvesAt, t.iv.TrainingList)) {
		return e.curves, nil
	}
	if !e.metricsRead || (len(e.metrics) == 0 && job.Running()) {
		refs, err := t.acct.ListMetrics(ctx, trainingMetricsNamespace, []aws.Dim{{Name: "Host", Value: job.Name + "/algo-1"}})
		if err != nil {
			return nil, err
		}
		e.metrics = e.metrics[:0]
		for _, r := range refs {
			e.metrics = append(e.metrics, r.Metric)
		}
		algorithmMetricsFirst(e.metrics, job.MetricNames)
		e.metricsRead = true
	}
	if len(e.metrics) == 0 {
		e.curvesAt, e.curvesFinal = now, job.Terminal()
		return nil, nil
	}
	hosts := max(job.InstanceCount, 1)
	var queries []aws.MetricQuery
	for i, m := range e.metrics {
		for h := 1; h <= hosts; h++ {
			queries = append(queries, aws.MetricQuery{
				ID: fmt.Sprintf("m%dh%d", i, h), Namespace: trainingMetricsNamespace, Metric: m,
				Dims: []aws.Dim{{Name: "Host", Value: fmt.Sprintf("%s/algo-%d", job.Name, h)}},
				Stat: "Average", Period: time.Minute,
			})
		}
	}
	start := job.StartedAt
	if start.IsZero() {
		start = job.CreatedAt
	}
	end := t.dataNow()
	if !job.EndedAt.IsZero() {
		end = job.EndedAt
	}
	series, err := t.acct.MetricData(ctx, queries, start.Add(-time.Minute), end.Add(time.Minute))
	if err != nil {
		return nil, err
	}
	curves := make([]domain.Series, len(e.metrics))
	for i, m := range e.metrics {
		var perHost []domain.Series
		for h := 1; h <= hosts; h++ {
			perHost = append(perHost, series[fmt.Sprintf("m%dh%d", i, h)])
		}
		curves[i] = mergeSeries(m, "", perHost, average)
	}
	e.curves, e.curvesAt, e.curvesFinal = curves, now, job.Terminal()
	return curves, nil
}

// algorithmMetricsFirst orders a job's metrics as a data scientist reads
// them: what the algorithm reports (validation:rmse, train:loss), in the
// order its metric definitions give, then the instance metrics (CPU,
// memory, disk) by name.
func algorithmMetricsFirst(metrics, defined []string) {
	rank := make(map[string]int, len(defined))
	for i, n := range defined {
		rank[n] = i
	}
	sort.SliceStable(metrics, func(i, j int) bool {
		ri, iDefined := rank[metrics[i]]
		rj, jDefined := rank[metrics[j]]
		switch {
		case iDefined && jDefined:
			return ri < rj
		case iDefined != jDefined:
			return iDefined
		}
		return metrics[i] < metrics[j]
	})
}
