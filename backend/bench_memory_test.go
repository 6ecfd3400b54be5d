package backend

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// heapScale is the sandbox's training history at ~100,000 jobs, as
// scripts/rss measures the whole binary (108,000 jobs).
const heapScale = 300

// BenchmarkTrainingIndexHeap100k reports the live heap that the training
// jobs feed holds once an account of ~100,000 jobs is all loaded, every
// job's project read (the history search's records included), through
// the real SDK client on the sandbox: the index and the list it delivers,
// measured after a GC as the heap in use after subscribing minus before
// (the world, the sandbox and the Client are already built). It is what
// the dashboard's resident memory grows by with the account's size.
//
//	go test -run '^$' -bench TrainingIndexHeap100k -benchtime 1x ./backend/
//
// With AGDASH_HEAP_PROFILE set, it writes a heap profile there at the
// moment it measures (-memprofile would write one after the Client is
// gone):
//
//	AGDASH_HEAP_PROFILE=/tmp/heap.prof go test -run '^$' -bench TrainingIndexHeap100k -benchtime 1x -memprofilerate 512 ./backend/
//	go tool pprof -sample_index=inuse_space -top /tmp/heap.prof
func BenchmarkTrainingIndexHeap100k(b *testing.B) {
	env := sandboxtest.Start(b, func(o *sandbox.Options) { o.Scale = heapScale })
	var live, jobs float64
	for b.Loop() {
		s := clientOn(b, env, "data-scientist", Options{})
		before := liveHeap()
		unsubscribe := s.c.Subscribe(jobsKey)
		d := slowJobs(b, s)
		for d.Loading || !d.ProjectsUnknownUntil.IsZero() { // every job in, with its project
			s.env.Clock.Advance(DefaultIntervals().RunningJobs)
			s.clock.Advance(DefaultIntervals().RunningJobs)
			d = slowJobs(b, s)
		}
		after := liveHeap()
		writeHeapProfile(b, os.Getenv("AGDASH_HEAP_PROFILE"))
		if len(d.Jobs) < 100000 {
			b.Fatalf("loaded %d jobs; want the ~100,000 of scale %d", len(d.Jobs), heapScale)
		}
		live, jobs = float64(after-before), float64(len(d.Jobs))
		runtime.KeepAlive(d)
		unsubscribe()
		s.c.Close()
	}
	b.ReportMetric(live/(1<<20), "live-MiB")
	b.ReportMetric(live/jobs, "B/job")
	b.ReportMetric(jobs, "jobs")
}

// slowJobs waits for the jobs feed's next delivery and for the feed to
// park on its timer again: at this scale a poll takes seconds, longer than
// the contract tests' deadline.
func slowJobs(b *testing.B, s *onSandbox) TrainingJobsData {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for {
		select {
		case u := <-s.c.Updates():
			if u.State.Err != "" {
				b.Fatalf("the jobs feed failed: %s", u.State.Err)
			}
			if d, ok := u.Data.(TrainingJobsData); ok && u.Key == jobsKey {
				if err := s.clock.BlockUntil(ctx, 1); err != nil {
					b.Fatal("the jobs feed never went idle")
				}
				return d
			}
		case <-ctx.Done():
			b.Fatal("no delivery of the jobs feed in five minutes")
		}
	}
}

// writeHeapProfile writes the live heap's profile to path, if not "".
func writeHeapProfile(b *testing.B, path string) {
	b.Helper()
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}
