package feed

import (
	"context"
	"sync"
)

// outbox holds at most one pending update per key and hands them to the
// consumer in the order keys became pending. put never blocks.
type outbox[K comparable] struct {
	ch   chan Update[K]
	wake chan struct{}

	mu      sync.Mutex
	pending map[K]Update[K]
	order   []K
}

func newOutbox[K comparable]() *outbox[K] {
	return &outbox[K]{ch: make(chan Update[K]), wake: make(chan struct{}, 1), pending: map[K]Update[K]{}}
}

// put queues u, folding it into a pending update for the same key: a
// state-only update keeps the pending data, Mergeable data absorbs the
// pending data, anything else replaces it.
func (o *outbox[K]) put(u Update[K]) {
	o.mu.Lock()
	if p, ok := o.pending[u.Key]; ok {
		switch {
		case u.Data == nil:
			u.Data = p.Data
		case p.Data != nil:
			if m, ok := u.Data.(Mergeable); ok {
				u.Data = m.MergeAfter(p.Data)
			}
		}
	} else {
		o.order = append(o.order, u.Key)
	}
	o.pending[u.Key] = u
	o.mu.Unlock()
	select {
	case o.wake <- struct{}{}:
	default:
	}
}

func (o *outbox[K]) next() (Update[K], bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.order) == 0 {
		return Update[K]{}, false
	}
	k := o.order[0]
	o.order = o.order[1:]
	u := o.pending[k]
	delete(o.pending, k)
	return u, true
}

// run hands pending updates to the consumer until ctx ends, then closes ch.
func (o *outbox[K]) run(ctx context.Context) {
	defer close(o.ch)
	for {
		u, ok := o.next()
		if !ok {
			select {
			case <-o.wake:
				continue
			case <-ctx.Done():
				return
			}
		}
		select {
		case o.ch <- u:
		case <-ctx.Done():
			return
		}
	}
}
