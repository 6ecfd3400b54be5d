package world_test

import (
	"runtime"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/scenario"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// BenchmarkGenerate100kJobs generates the default scenario scaled to about
// 100,000 training jobs and reports the heap it keeps.
func BenchmarkGenerate100kJobs(b *testing.B) {
	s, err := scenario.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var w *world.World
	for i := 0; i < b.N; i++ {
		res, err := scenario.Generate(s, scenario.Options{Seed: int64(i), Start: testStart, Clock: world.NewManualClock(testStart), Scale: 100000.0 / 360})
		if err != nil {
			b.Fatal(err)
		}
		w = res.World
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
	b.ReportMetric(float64(w.TrainingJobCount()), "jobs")
}

// BenchmarkListTrainingJobsPage pages through 100,000 jobs 100 at a time,
// as ListTrainingJobs handlers would.
func BenchmarkListTrainingJobsPage(b *testing.B) {
	w := world100k(b, 1)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		q := world.TrainingJobQuery{MaxResults: 100}
		for pb.Next() {
			page, err := w.TrainingJobs(q)
			if err != nil {
				b.Fatal(err)
			}
			q.After = page.Next
		}
	})
}

// BenchmarkListInProgressJobs is the "running first" query at 100,000 jobs.
func BenchmarkListInProgressJobs(b *testing.B) {
	w := world100k(b, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := w.TrainingJobs(world.TrainingJobQuery{StatusEquals: world.TrainingInProgress}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMetricDataDay computes a day of p99 latency at one-minute periods.
func BenchmarkMetricDataDay(b *testing.B) {
	w, _ := newWorld(b, 1)
	dims := map[string]string{"EndpointName": "hdb-resale-valuation-prod", "VariantName": "AllTraffic"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := w.MetricData(world.NamespaceSageMaker, "ModelLatency", dims, "p99", time.Minute, testStart.Add(-24*time.Hour), testStart); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogStreamsByLastEventTime lists the newest training streams of a
// 100,000-job account.
func BenchmarkLogStreamsByLastEventTime(b *testing.B) {
	w := world100k(b, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		page, err := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, OrderBy: "LastEventTime", Descending: true, Limit: 10})
		if err != nil || len(page.Streams) != 10 {
			b.Fatalf("%d streams, %v", len(page.Streams), err)
		}
	}
}

// world100k is the default scenario scaled to about 100,000 training jobs,
// as BenchmarkGenerate100kJobs makes it.
func world100k(b *testing.B, seed int64) *world.World {
	b.Helper()
	s, err := scenario.Default()
	if err != nil {
		b.Fatal(err)
	}
	res, err := scenario.Generate(s, scenario.Options{Seed: seed, Start: testStart, Clock: world.NewManualClock(testStart), Scale: 100000.0 / 360})
	if err != nil {
		b.Fatal(err)
	}
	return res.World
}
