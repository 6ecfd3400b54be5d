package cmd

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/feed"
)

// A place that keeps panicking leaves one report, and a report that could
// not be written is no report.
func TestCrashReportsAreWrittenOncePerPlace(t *testing.T) {
	var writes int
	c := &crashReports{write: func(where string, _ any, _ []byte) (string, error) {
		writes++
		if where == "feed broken" {
			return "", errors.New("disk full")
		}
		return fmt.Sprintf("/tmp/agdash-crash-%d.txt", writes), nil
	}}
	if a, b := c.report("feed projects", "x", nil), c.report("feed projects", "y", nil); a != "/tmp/agdash-crash-1.txt" || b != a {
		t.Fatalf("reports %q and %q, want the first path twice", a, b)
	}
	if p := c.report("feed endpoints", "x", nil); p != "/tmp/agdash-crash-2.txt" {
		t.Fatalf("another place got %q", p)
	}
	if p := c.report("feed broken", "x", nil); p != "" || writes != 3 {
		t.Fatalf("a failed write gave %q after %d writes", p, writes)
	}
}

// The drills are off unless asked for, and the feed drill breaks only the
// projects feed's second poll.
func TestDrillsOnlyWhenAskedFor(t *testing.T) {
	if drillPanes("") != nil || drillFeeds("") != nil || drillPanes("feed") != nil || drillFeeds("view") != nil {
		t.Fatal("a drill is on without being asked for")
	}
	wrap := drillFeeds("feed")
	ok := func(context.Context, any) (any, error) { return "data", nil }
	jobs := wrap(backend.FeedKey{Kind: backend.FeedTrainingJobs}, feed.Spec{Fetch: ok})
	projects := wrap(backend.FeedKey{Kind: backend.FeedProjects}, feed.Spec{Fetch: ok})
	for i := 1; i <= 3; i++ {
		err := feed.Guard(func() error { _, err := projects.Fetch(context.Background(), nil); return err })
		var p *feed.PanicError
		if panicked := errors.As(err, &p); panicked != (i == 2) {
			t.Fatalf("poll %d: panicked %t", i, panicked)
		}
		if _, err := jobs.Fetch(context.Background(), nil); err != nil {
			t.Fatal(err)
		}
	}
}
