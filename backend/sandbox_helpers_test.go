package backend

import (
	"context"
	"net/http"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/feed"
	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// onSandbox is a Client on the sandbox, with the world's time on the
// sandbox's manual clock and the feeds' timers on a fake poll clock, both
// moved by the test.
type onSandbox struct {
	env   *sandboxtest.Env
	c     *Client
	clock *feed.FakeClock
}

// unlimited turns the meter's rate limits off: contract tests count calls,
// they do not wait for them.
func unlimited() map[string]float64 {
	out := map[string]float64{}
	for svc := range aws.DefaultRateLimits() {
		out[svc] = 0
	}
	return out
}

// sandboxOptions signs as who, with SDK retries off so each answer counts
// once; opts' other fields are kept.
func sandboxOptions(t testing.TB, env *sandboxtest.Env, who string, opts Options) Options {
	t.Helper()
	p, err := env.Principal(who)
	if err != nil {
		t.Fatal(err)
	}
	if opts.AWS.MaxAttempts == 0 {
		opts.AWS.MaxAttempts = 1
	}
	if opts.AWS.RateLimits == nil {
		opts.AWS.RateLimits = unlimited()
	}
	opts.AWS.EndpointURL, opts.AWS.Region = env.URL(), sandbox.Region
	opts.AWS.AccessKeyID, opts.AWS.SecretAccessKey = p.AccessKeyID, p.SecretAccessKey
	opts.Sandbox = true
	opts.Clock = env.Now
	if opts.Rand == nil {
		opts.Rand = func() float64 { return 0.5 }
	}
	return opts
}

// onNewSandbox starts the default sandbox and a Client on it as who.
func onNewSandbox(t testing.TB, who string) *onSandbox {
	t.Helper()
	return clientOn(t, sandboxtest.Start(t), who, Options{})
}

// clientOn builds a Client on env as who.
func clientOn(t testing.TB, env *sandboxtest.Env, who string, opts Options) *onSandbox {
	t.Helper()
	clock := feed.NewFakeClock(sandboxtest.Epoch)
	opts.PollClock = clock
	c, err := New(context.Background(), sandboxOptions(t, env, who, opts))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return &onSandbox{env: env, c: c, clock: clock}
}

// settled is the next complete delivery of key: data that is not an early
// part, skipping state-only updates and other keys.
func (s *onSandbox) settled(t testing.TB, key FeedKey) Update {
	t.Helper()
	for {
		u := next(t, s.c, key)
		if u.State.Err != "" {
			t.Fatalf("%s failed: %s", key, u.State.Err)
		}
		if u.Data != nil && !isEarly(u.Data) {
			return u
		}
	}
}

// advance waits until the feeds (n of them) are parked on their timers,
// then moves the world's clock and the poll clock by d.
func (s *onSandbox) advance(t testing.TB, n int, d time.Duration) {
	t.Helper()
	idle(t, s.clock, n)
	s.env.Clock.Advance(d)
	s.clock.Advance(d)
}

// serverCalls is how many calls the sandbox answered, by
// "signingname:Operation", since before.
func serverCalls(env *sandboxtest.Env, before map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for op, n := range env.Server().Calls() {
		if d := n - before[op]; d != 0 {
			out[op] = d
		}
	}
	return out
}

// clientCalls is how many calls the Client made, by "service:Operation",
// since before.
func clientCalls(c *Client, before map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for op, n := range c.Calls().ByOp {
		if d := n - before[op]; d != 0 {
			out[op] = d
		}
	}
	return out
}

// tagMap is a world resource's tags as a map.
func tagMap(tags []world.Tag) map[string]string {
	out := map[string]string{}
	for _, tg := range tags {
		out[tg.Key] = tg.Value
	}
	return out
}

// fields splits a space-separated tag value, nil for "".
func fields(s string) []string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return nil
	}
	return f
}

// sortedCopy is ss sorted, leaving ss as it was.
func sortedCopy(ss []string) []string {
	out := slices.Clone(ss)
	sort.Strings(out)
	return out
}

// sameTime compares times as AWS sends them: to the millisecond.
func sameTime(a, b time.Time) bool {
	return a.Truncate(time.Millisecond).Equal(b.Truncate(time.Millisecond))
}

// gatedTransport holds back the requests of one SageMaker operation until
// open is closed, so a test can see what a feed delivers before them.
type gatedTransport struct {
	op   string // e.g. "DescribeDomain"
	open chan struct{}
	next *http.Transport
}

// gatedClient is an HTTP client for Options.AWS.HTTPClient whose op
// requests wait for the returned func; its connections close with the test.
func gatedClient(t testing.TB, op string) (*http.Client, func()) {
	t.Helper()
	// The SDK adds a custom CA bundle only to its own client type; the
	// sandbox speaks plain HTTP anyway.
	t.Setenv("AWS_CA_BUNDLE", "")
	g := gatedTransport{op: op, open: make(chan struct{}), next: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(g.next.CloseIdleConnections)
	var once sync.Once
	return &http.Client{Transport: g}, func() { once.Do(func() { close(g.open) }) }
}

func (g gatedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Header.Get("X-Amz-Target") == "SageMaker."+g.op {
		select {
		case <-g.open:
		case <-r.Context().Done():
			return nil, r.Context().Err()
		}
	}
	return g.next.RoundTrip(r)
}
