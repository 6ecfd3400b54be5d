package feed

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"
)

// Options configure an Engine. Zero values pick the defaults.
type Options struct {
	Clock Clock
	// Rand returns a number in [0,1) for back-off jitter.
	Rand func() float64
	// MaxBackoff caps the wait after failures (DefaultMaxBackoff).
	MaxBackoff time.Duration
	// OnPanic, when set, is told of a fetch that panicked (key in words)
	// and returns where it wrote the crash report ("" for nowhere).
	OnPanic func(key string, p *PanicError) (report string)
}

// Engine runs feeds for the keys that have subscribers and delivers their
// updates on one channel.
type Engine[K comparable] struct {
	opts   Options
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu    sync.Mutex
	feeds map[K]*feed[K]
	out   *outbox[K]
	// cooling are the states of failing feeds that stopped while backing
	// off: see rememberBackoff.
	cooling map[K]State
}

// New starts an engine; it stops when ctx ends or Close is called.
func New[K comparable](ctx context.Context, opts Options) *Engine[K] {
	if opts.Clock == nil {
		opts.Clock = RealClock()
	}
	if opts.Rand == nil {
		opts.Rand = rand.Float64
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = DefaultMaxBackoff
	}
	ctx, cancel := context.WithCancel(ctx)
	e := &Engine[K]{opts: opts, ctx: ctx, cancel: cancel, feeds: map[K]*feed[K]{}, cooling: map[K]State{}, out: newOutbox[K]()}
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		e.out.run(ctx)
	}()
	return e
}

// Updates delivers every feed's updates; it is closed when the engine stops.
func (e *Engine[K]) Updates() <-chan Update[K] { return e.out.ch }

// Subscribe starts the feed for key with spec, or joins it if it runs
// (spec is then ignored and the feed's latest data is delivered again).
// The returned func leaves; the feed stops when its last subscriber leaves.
func (e *Engine[K]) Subscribe(key K, spec Spec) (unsubscribe func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f := e.feeds[key]
	switch {
	case e.ctx.Err() != nil:
		return func() {}
	case f == nil:
		ctx, cancel := context.WithCancel(e.ctx)
		f = &feed[K]{key: key, spec: spec, ctx: ctx, cancel: cancel, refresh: make(chan struct{}, 1), resume: make(chan struct{}, 1)}
		f.state.Interval = spec.Interval
		if f.firstWait = e.recallBackoff(f); f.firstWait > 0 {
			e.out.put(Update[K]{Key: key, State: f.state}) // its error, until it polls
		}
		e.feeds[key] = f
		e.wg.Add(1)
		go func() {
			defer e.wg.Done()
			e.run(f)
		}()
	case !f.state.LastAttempt.IsZero() && !f.state.Fetching:
		// A joiner gets what the feed has: its data (all of it, for an
		// increment feed) or, before any success, its error.
		data := f.data
		if inc, ok := data.(Incremental); ok {
			data = inc.Snapshot()
		}
		e.out.put(Update[K]{Key: key, Data: data, State: f.state})
	}
	f.refs++
	var once sync.Once
	return func() { once.Do(func() { e.leave(f) }) }
}

func (e *Engine[K]) leave(f *feed[K]) {
	e.mu.Lock()
	defer e.mu.Unlock()
	f.refs--
	if f.refs > 0 {
		return
	}
	f.cancel()
	if e.feeds[f.key] == f {
		delete(e.feeds, f.key)
		e.rememberBackoff(f)
	}
}

// Refresh makes a running feed poll now. Requests made while a poll is
// under way coalesce into one more poll.
func (e *Engine[K]) Refresh(key K) {
	e.mu.Lock()
	f := e.feeds[key]
	e.mu.Unlock()
	if f == nil {
		return
	}
	select {
	case f.refresh <- struct{}{}:
	default:
	}
}

// Keyed is a feed's key with its state.
type Keyed[K comparable] struct {
	Key   K
	State State
}

// States reports every running feed.
func (e *Engine[K]) States() []Keyed[K] {
	e.mu.Lock()
	defer e.mu.Unlock()
	out := make([]Keyed[K], 0, len(e.feeds))
	for k, f := range e.feeds {
		out = append(out, Keyed[K]{Key: k, State: f.state})
	}
	return out
}

// Running reports whether key has a running feed.
func (e *Engine[K]) Running(key K) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, ok := e.feeds[key]
	return ok
}

// Close stops every feed and waits for their goroutines; Updates is then closed.
func (e *Engine[K]) Close() {
	e.cancel()
	e.wg.Wait()
}
