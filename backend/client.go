package backend

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
	"github.com/agdash/agdash/backend/feed"
)

// Client is the Service over a real (or sandbox, or fake) AWS account.
type Client struct {
	acct      *aws.Account
	readOnly  bool
	sandbox   bool
	intervals Intervals
	tags      domain.TagKeys
	health    HealthConfig
	now       func() time.Time
	pollClock feed.Clock

	engine  *feed.Engine[FeedKey]
	updates chan Update
	cancel  context.CancelFunc
	wg      sync.WaitGroup

	idMu     sync.RWMutex
	identity domain.Identity

	inflight inflight
	wrapSpec func(FeedKey, feed.Spec) feed.Spec

	// Session caches, shared by the feeds that read the same collections.
	studio    *studioCache
	projects  projectCache
	training  *trainingIndex
	endpoints *endpointCache
	pipelines *pipelineCache
	registry  *registryCache
	backups   *backupCache
}

var _ Service = (*Client)(nil)

// New builds the AWS clients (or takes opts.Account), resolves who the
// caller is, and starts the feed engine. It fails when the configuration
// cannot be loaded or AWS will not say who the caller is.
func New(ctx context.Context, opts Options) (*Client, error) {
	acct := opts.Account
	if acct == nil {
		var err error
		if acct, err = aws.New(ctx, opts.AWS); err != nil {
			return nil, err
		}
	}
	c := &Client{
		acct:      acct,
		readOnly:  opts.ReadOnly,
		sandbox:   opts.Sandbox,
		intervals: opts.Intervals.withDefaults(),
		tags:      opts.TagKeys,
		health:    opts.Health,
		now:       opts.Clock,
		pollClock: opts.PollClock,
		updates:   make(chan Update),
	}
	if c.tags.Role == "" {
		c.tags = domain.DefaultTagKeys()
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.pollClock == nil {
		c.pollClock = feed.RealClock()
	}
	c.studio = newStudioCache(acct, c.tags)
	c.training = newTrainingIndex(acct, c.tags, c.pollClock.Now, c.now, c.intervals)
	c.endpoints = newEndpointCache(acct, c.tags, c.pollClock.Now)
	c.pipelines = newPipelineCache(acct, c.tags)
	c.registry = newRegistryCache(acct, c.tags)
	c.backups = newBackupCache(acct)

	if err := c.loadIdentity(ctx); err != nil {
		if opts.Account == nil {
			acct.Close()
		}
		return nil, err
	}
	runCtx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.engine = feed.New[FeedKey](runCtx, feed.Options{Clock: c.pollClock, Rand: opts.Rand, OnPanic: panicReporter(opts.OnPanic)})
	c.wrapSpec = opts.WrapSpec
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		c.pump(runCtx)
	}()
	return c, nil
}

// pump turns the engine's updates into the Service's, until the engine
// stops; then it closes Updates.
func (c *Client) pump(ctx context.Context) {
	defer close(c.updates)
	for u := range c.engine.Updates() {
		select {
		case c.updates <- Update{Key: u.Key, Data: u.Data, State: c.feedState(u.Key, u.State)}:
		case <-ctx.Done():
			return
		}
	}
}

// feedState says how fresh a feed is, in the Service's words. Its times
// are on the poll clock (the wall clock outside tests), not on Now.
func (c *Client) feedState(k FeedKey, s feed.State) FeedState {
	fs := FeedState{
		Key: k, Interval: s.Interval, LastSuccess: s.LastSuccess, LastAttempt: s.LastAttempt,
		NextAttempt: s.NextAttempt, Fetching: s.Fetching,
	}
	if s.Err != nil {
		fs.Err = aws.Sentence(s.Err)
		fs.Stale = true
		fs.Expired = aws.IsExpired(s.Err)
		fs.AccessDenied = aws.IsAccessDenied(s.Err)
		var p *feed.PanicError
		if errors.As(s.Err, &p) {
			fs.Panicked, fs.CrashReport = true, p.Report
		}
	} else if !s.LastSuccess.IsZero() && c.pollClock.Now().Sub(s.LastSuccess) > 2*s.Interval {
		fs.Stale = true
	}
	return fs
}

// Identity is who agdash acts as.
func (c *Client) Identity() domain.Identity {
	c.idMu.RLock()
	defer c.idMu.RUnlock()
	return c.identity
}

// ReloadIdentity resolves the credentials again (after aws sso login, or
// new keys in the credentials file) and asks AWS who the caller is now.
// On error the identity in hand stays.
func (c *Client) ReloadIdentity(ctx context.Context) (domain.Identity, error) {
	if err := c.acct.ReloadCredentials(ctx); err != nil {
		return domain.Identity{}, fmt.Errorf("reload the AWS credentials: %w", err)
	}
	if err := c.loadIdentity(ctx); err != nil {
		return domain.Identity{}, err
	}
	return c.Identity(), nil
}

// loadIdentity asks AWS who the caller is, with the credentials in hand.
func (c *Client) loadIdentity(ctx context.Context) error {
	id, err := c.resolveIdentity(ctx)
	if err != nil {
		return aws.Explained(err)
	}
	c.idMu.Lock()
	c.identity = id
	c.idMu.Unlock()
	return nil
}

// Now is the clock the data is measured against.
func (c *Client) Now() time.Time { return c.now() }

// Subscribe starts or joins the feed for key.
func (c *Client) Subscribe(key FeedKey) (unsubscribe func()) {
	spec := c.spec(key)
	if c.wrapSpec != nil {
		spec = c.wrapSpec(key, spec)
	}
	return c.engine.Subscribe(key, spec)
}

// Updates delivers every feed's results.
func (c *Client) Updates() <-chan Update { return c.updates }

// Refresh makes a running feed poll now.
func (c *Client) Refresh(key FeedKey) { c.engine.Refresh(key) }

// Feeds reports every running feed's state.
func (c *Client) Feeds() []FeedState {
	states := c.engine.States()
	out := make([]FeedState, 0, len(states))
	for _, s := range states {
		out = append(out, c.feedState(s.Key, s.State))
	}
	sortFeedStates(out)
	return out
}

// Calls is a snapshot of the AWS calls made so far.
func (c *Client) Calls() CallStats {
	s := c.acct.Meter.Stats()
	return CallStats{Total: s.Total, ByOp: s.ByOp, Errors: s.Errors, Throttl: s.Throttles}
}

// Close stops every feed and goroutine and closes Updates.
func (c *Client) Close() {
	c.engine.Close()
	c.cancel()
	c.wg.Wait()
	c.acct.Close()
}
