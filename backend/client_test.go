package backend

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/feed"
)

func TestCloseStopsEveryGoroutineAndClosesUpdates(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	f := projectAccount()
	clock := feed.NewFakeClock(t0)
	c, err := New(context.Background(), Options{Account: f.AWS(), PollClock: clock, Clock: f.Now})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []FeedKey{{Kind: FeedProjects}, {Kind: FeedTrainingJobs}, {Kind: FeedJobLogs, Arg: "hdb-r"}, {Kind: FeedEndpoints}} {
		c.Subscribe(k)
	}
	next(t, c, FeedKey{Kind: FeedEndpoints}) // feeds are running; nobody reads the rest
	c.Close()
	for range c.Updates() {
	}
}

func TestUnknownOrIncompleteFeedKeyReportsWhy(t *testing.T) {
	f := awsfake.New(t0)
	c, _ := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedTrainingJob}
	defer c.Subscribe(key)()
	if u := next(t, c, key); u.State.Err != "Feed training-job needs an argument." || !u.State.Stale {
		t.Fatalf("state = %+v", u.State)
	}
	key = FeedKey{Kind: "nonsense", Arg: "x"}
	defer c.Subscribe(key)()
	if u := next(t, c, key); u.State.Err != `No feed of kind "nonsense".` {
		t.Fatalf("state = %+v", u.State)
	}
}

func TestCallsReportsTheMeter(t *testing.T) {
	f := awsfake.New(t0)
	c, clock := newTestClient(t, f, Options{})
	key := FeedKey{Kind: FeedEndpoints}
	defer c.Subscribe(key)()
	next(t, c, key)
	f.Fail("sagemaker:ListEndpoints", awsfake.APIError("ThrottlingException", "Rate exceeded"))
	step(t, c, clock, f, key, 15*time.Second)
	// Two errors: the throttled list, and the first poll's Search, which
	// the fake refuses (and which is not asked again).
	s := c.Calls()
	if s.ByOp["sts:GetCallerIdentity"] != 1 || s.ByOp["sagemaker:ListEndpoints"] != 2 || s.ByOp["sagemaker:Search"] != 1 ||
		s.Errors != 2 || s.Throttl != 1 || s.Total < 4 {
		t.Fatalf("calls = %+v", s)
	}
}
