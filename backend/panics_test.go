package backend

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/agdash/agdash/backend/feed"
)

// A feed whose fetch panics stays a feed: its state carries the panic in
// a sentence with the report's path, Options.OnPanic gets the stack, and
// the other feeds and the program go on.
func TestAPanickingFeedIsReportedAndTheClientGoesOn(t *testing.T) {
	var mu sync.Mutex
	var wheres []string
	var stack []byte
	jobs := FeedKey{Kind: FeedTrainingJobs}
	c, _ := newTestClient(t, scientistAccount(), Options{
		OnPanic: func(where string, value any, st []byte) string {
			mu.Lock()
			defer mu.Unlock()
			wheres, stack = append(wheres, where+": "+value.(string)), st
			return "/tmp/agdash-crash-7.txt"
		},
		WrapSpec: func(key FeedKey, spec feed.Spec) feed.Spec {
			if key == jobs {
				spec.Fetch = func(context.Context, any) (any, error) { panic("drill: a bug in the jobs feed") }
			}
			return spec
		},
	})
	defer c.Subscribe(jobs)()
	u := next(t, c, jobs)
	want := "Internal error (a bug in agdash): drill: a bug in the jobs feed; crash report in /tmp/agdash-crash-7.txt."
	if u.Data != nil || u.State.Err != want || !u.State.Stale || !u.State.Panicked || u.State.CrashReport != "/tmp/agdash-crash-7.txt" {
		t.Fatalf("update = %+v, want no data and error %q", u, want)
	}
	mu.Lock()
	if len(wheres) != 1 || wheres[0] != "feed training-jobs: drill: a bug in the jobs feed" || !strings.Contains(string(stack), "panics_test.go") {
		t.Fatalf("OnPanic got %q with stack\n%s", wheres, stack)
	}
	mu.Unlock()

	// Another feed still works.
	job := FeedKey{Kind: FeedTrainingJob, Arg: "hdb-r"}
	defer c.Subscribe(job)()
	if u := next(t, c, job); u.State.Err != "" || u.State.Panicked {
		t.Fatalf("a healthy feed beside the broken one failed: %+v", u.State)
	}
}

// A panic in one of a fetch's parallel reads comes back as an error; the
// errgroup underneath would otherwise end the program.
func TestAPanicInAParallelReadIsAnError(t *testing.T) {
	err := each(context.Background(), 4, func(_ context.Context, i int) error {
		if i == 2 {
			panic("read 2 broke")
		}
		return nil
	})
	var p *feed.PanicError
	if !errors.As(err, &p) || p.Value != "read 2 broke" {
		t.Fatalf("each = %v, want a *feed.PanicError", err)
	}
	err = together(context.Background(), func(context.Context) error { return nil }, func(context.Context) error { panic("together broke") })
	if !errors.As(err, &p) || p.Value != "together broke" {
		t.Fatalf("together = %v, want a *feed.PanicError", err)
	}
}
