package backend

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// benchAccount is the fake account the benchmark polls: 10,000 finished
// training jobs and 3 running, 20 endpoints, 5 pipelines with 10
// executions each.
func benchAccount() *awsfake.Account {
	f := bigAccount()
	for i := 0; i < 20; i++ {
		name := fmt.Sprintf("ep-%02d", i)
		f.AddEndpoints(awsfake.Endpoint{Name: name, Status: domain.EndpointInService, Config: name + "-cfg", Created: t0.Add(-48 * time.Hour),
			Variants: []awsfake.Variant{{Name: "AllTraffic", Current: 1, Desired: 1}}})
		f.AddEndpointConfigs(awsfake.EndpointConfig{Name: name + "-cfg",
			Variants: []awsfake.ConfigVariant{{Name: "AllTraffic", Model: name, InstanceType: "ml.m5.large", Count: 1}}})
	}
	for p := 0; p < 5; p++ {
		name := fmt.Sprintf("pipeline-%d", p)
		f.AddPipelines(awsfake.Pipeline{Name: name, Definition: trainDefinition, Created: t0.Add(-30 * 24 * time.Hour)})
		for e := 1; e <= 10; e++ {
			started := t0.Add(-time.Duration(e) * 24 * time.Hour)
			f.AddExecutions(awsfake.Execution{Pipeline: name, Status: domain.ExecSucceeded, Started: started, Modified: started.Add(time.Hour)})
		}
	}
	return f
}

// feedCallsPerMinute runs the training jobs, endpoints and pipelines
// feeds for two simulated minutes, then counts one more minute's calls.
func feedCallsPerMinute(b *testing.B) int64 {
	f := benchAccount()
	c, clock := newTestClient(b, f, Options{})
	go func() {
		for range c.Updates() {
		}
	}()
	for _, k := range []FeedKind{FeedTrainingJobs, FeedEndpoints, FeedPipelines} {
		defer c.Subscribe(FeedKey{Kind: k})()
	}
	tick := func() {
		idle(b, clock, 3)
		f.Advance(5 * time.Second)
		clock.Advance(5 * time.Second)
	}
	for range 24 {
		tick()
	}
	idle(b, clock, 3)
	before := c.Calls().Total
	for range 12 {
		tick()
	}
	idle(b, clock, 3)
	return c.Calls().Total - before
}

// naiveCallsPerMinute is what a poller that lists everything and
// describes everything each interval spends in a minute on the same
// account: the training list every 30s, endpoints every 15s (metrics one
// call per endpoint), pipelines every 30s.
func naiveCallsPerMinute(b *testing.B) int64 {
	f := benchAccount()
	acct := f.AWS()
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	before := f.Meter.Stats().Total
	for round := 0; round < 4; round++ {
		if round%2 == 0 {
			var names []string
			must(acct.ListTrainingJobs(ctx, "", func(page []domain.TrainingJob, _ string) bool {
				for _, j := range page {
					names = append(names, j.Name)
				}
				return true
			}))
			for _, n := range names {
				_, err := acct.DescribeTrainingJob(ctx, n)
				must(err)
			}
			ps, err := acct.Pipelines(ctx)
			must(err)
			for _, p := range ps {
				_, _, err := acct.DescribePipeline(ctx, p.Pipeline.Name)
				must(err)
				execs, err := acct.PipelineExecutions(ctx, p.Pipeline.Name, 10)
				must(err)
				for _, e := range execs {
					_, err := acct.DescribePipelineExecution(ctx, e.ARN)
					must(err)
				}
			}
		}
		eps, err := acct.Endpoints(ctx)
		must(err)
		for _, e := range eps {
			d, err := acct.DescribeEndpoint(ctx, e.Name)
			must(err)
			_, err = acct.DescribeEndpointConfig(ctx, d.ConfigName)
			must(err)
			_, err = acct.MetricData(ctx, endpointQueries("e", d, acct.Region, time.Minute), t0.Add(-time.Hour), t0)
			must(err)
		}
	}
	return f.Meter.Stats().Total - before
}

// BenchmarkFeedsVersusNaivePoller reports AWS calls per minute of the
// feeds and of a naive poller on a 10,000-job account, and their ratio.
func BenchmarkFeedsVersusNaivePoller(b *testing.B) {
	var feeds, naive int64
	for b.Loop() {
		feeds = feedCallsPerMinute(b)
		naive = naiveCallsPerMinute(b)
	}
	b.ReportMetric(float64(feeds), "feed-calls/min")
	b.ReportMetric(float64(naive), "naive-calls/min")
	b.ReportMetric(float64(naive)/float64(feeds), "naive/feeds")
}
