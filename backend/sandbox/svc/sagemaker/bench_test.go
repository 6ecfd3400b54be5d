package sagemaker_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// BenchmarkListTrainingJobs100k pages through a 100,000-job account 100
// jobs a request, with the real SDK client over loopback, from several
// goroutines at once, and reports requests per second.
//
//	go test -run '^$' -bench ListTrainingJobs100k -benchtime 10s ./backend/sandbox/svc/sagemaker/
func BenchmarkListTrainingJobs100k(b *testing.B) {
	// The account is built once; the sub-benchmark is what b.N calibrates.
	env := sandboxtest.Start(b, func(o *sandbox.Options) { o.Scale = 100000.0 / 360 })
	if n := env.World().TrainingJobCount(); n < 100000 {
		b.Fatalf("the account has %d training jobs, want at least 100,000", n)
	}
	c := client(b, env, "data-scientist")
	b.Run("pages-of-100", func(b *testing.B) {
		b.SetParallelism(4)
		b.ReportAllocs()
		cpu0, cpuOK := processCPU()
		b.RunParallel(func(pb *testing.PB) {
			in := &sm.ListTrainingJobsInput{MaxResults: aws.Int32(100)}
			for pb.Next() {
				out, err := c.ListTrainingJobs(b.Context(), in)
				if err != nil {
					b.Error(err)
					return
				}
				if len(out.TrainingJobSummaries) != 100 && out.NextToken != nil {
					b.Errorf("a middle page has %d jobs", len(out.TrainingJobSummaries))
					return
				}
				in.NextToken = out.NextToken // back to the first page after the last
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
		// Client and server share the process, so this is the CPU a request
		// costs end to end; 2 cores / it is the machine's ceiling.
		if cpu1, ok := processCPU(); ok && cpuOK {
			b.ReportMetric(float64((cpu1-cpu0).Microseconds())/float64(b.N), "cpu-µs/req")
		}
	})
}
