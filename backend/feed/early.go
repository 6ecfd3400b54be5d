package feed

import "context"

type earlyKey struct{}

// Early hands data to a feed's subscribers before the fetch that ctx
// belongs to has finished, so that a fetch with a useful part in hand
// (projects listed, their members still being read) shows it at once.
// The data must be of the type the fetch returns, and complete enough to
// draw; it is not the feed's data (the next fetch still gets the last
// complete data as prev, a late joiner gets nothing from it) and does not
// count as a success. Outside a feed's fetch Early does nothing.
func Early(ctx context.Context, data any) {
	if deliver, ok := ctx.Value(earlyKey{}).(func(any)); ok && data != nil {
		deliver(data)
	}
}

// withEarly is f's fetch context, through which Early reaches e.
func (e *Engine[K]) withEarly(f *feed[K]) context.Context {
	return context.WithValue(f.ctx, earlyKey{}, func(data any) {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.feeds[f.key] == f {
			e.out.put(Update[K]{Key: f.key, Data: data, State: f.state})
		}
	})
}
