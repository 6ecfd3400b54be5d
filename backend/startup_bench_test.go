package backend

import (
	"context"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// firstDataFeeds are the feeds a pane opens with, in pane order.
var firstDataFeeds = []FeedKind{
	FeedProjects, FeedTrainingJobs, FeedPipelines, FeedModelGroups, FeedEndpoints, FeedFileSystems, FeedRestoreJobs,
}

// BenchmarkStartToFirstData measures, against the sandbox on its real
// HTTP port and with the default rate limits, the wall time from
// backend.New to the first Update of a feed that carries data with
// something in it: what a user waits for after `agdash --sandbox` before
// a pane shows anything. Each feed gets a fresh Client (fresh caches,
// fresh rate-limit buckets), as when agdash starts on that pane; the
// projects feed is the one every start runs.
//
//	go test -run '^$' -bench StartToFirstData -benchtime 3x ./backend/
func BenchmarkStartToFirstData(b *testing.B) {
	env := sandboxtest.Start(b)
	p, err := env.Principal("data-scientist")
	if err != nil {
		b.Fatal(err)
	}
	for _, kind := range firstDataFeeds {
		b.Run(string(kind), func(b *testing.B) {
			var first, complete time.Duration
			var calls int64
			n := 0
			for b.Loop() {
				r := timeToFirstData(b, env, p.AccessKeyID, p.SecretAccessKey, kind)
				first += r.first
				complete += r.complete
				calls += r.calls
				n++
			}
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(n) / 1000 }
			b.ReportMetric(ms(first), "ms-to-data")
			b.ReportMetric(ms(complete), "ms-to-complete")
			b.ReportMetric(float64(calls)/float64(n), "calls-to-data")
		})
	}
}

// firstData is how long a feed took to show something, and to show all.
type firstData struct {
	first, complete time.Duration
	calls           int64 // AWS calls by the first data, identity included
}

// timeToFirstData starts a Client, subscribes to kind and measures until
// the feed delivered non-empty data and then complete data (the same
// delivery, for feeds that do not deliver early).
func timeToFirstData(b *testing.B, env *sandboxtest.Env, key, secret string, kind FeedKind) firstData {
	ctx := context.Background()
	start := time.Now()
	c, err := New(ctx, Options{
		AWS: aws.Options{
			EndpointURL: env.URL(), Region: sandbox.Region, AccessKeyID: key, SecretAccessKey: secret,
		},
		Sandbox: true,
		Clock:   env.Now,
	})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	defer c.Subscribe(FeedKey{Kind: kind})()
	var r firstData
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case u := <-c.Updates():
			if u.State.Err != "" {
				b.Fatalf("%s: %s", kind, u.State.Err)
			}
			if !hasData(u.Data) {
				continue
			}
			if r.first == 0 {
				r.first, r.calls = time.Since(start), c.Calls().Total
			}
			if !isEarly(u.Data) {
				r.complete = time.Since(start)
				return r
			}
		case <-timeout:
			b.Fatalf("%s delivered no complete data in two minutes", kind)
		}
	}
}

// hasData reports whether a feed's data has anything a pane would show.
func hasData(d any) bool {
	switch d := d.(type) {
	case ProjectsData:
		return len(d.Projects) > 0
	case TrainingJobsData:
		return len(d.Jobs) > 0
	case PipelinesData:
		return len(d.Pipelines) > 0
	case ModelGroupsData:
		return len(d.Groups) > 0
	case EndpointsData:
		return len(d.Endpoints) > 0
	case FileSystemsData:
		return len(d.FileSystems) > 0
	case RestoreJobsData:
		return len(d.Jobs) > 0
	}
	return false
}

// isEarly reports data delivered before its poll finished.
func isEarly(d any) bool {
	p, ok := d.(ProjectsData)
	return ok && p.Loading
}
