package backend

import (
	"context"

	"golang.org/x/sync/errgroup"

	"github.com/agdash/agdash/backend/feed"
)

// readConcurrency bounds the calls one fetch has in flight at once. The
// meter's rate limiter is what paces calls against AWS's limits; this only
// keeps a domain of a thousand users from opening a thousand connections.
const readConcurrency = 8

// each runs read for every index in [0, n), at most readConcurrency at
// once, and returns the first error (the others are cancelled). A panic
// in a read is returned as a *feed.PanicError: errgroup would let it
// end the program.
func each(ctx context.Context, n int, read func(ctx context.Context, i int) error) error {
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(readConcurrency)
	for i := range n {
		g.Go(func() error { return feed.Guard(func() error { return read(ctx, i) }) })
	}
	return g.Wait()
}

// together runs independent reads at the same time and returns the first
// error (the others are cancelled); a panic as in each.
func together(ctx context.Context, reads ...func(ctx context.Context) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, read := range reads {
		g.Go(func() error { return feed.Guard(func() error { return read(ctx) }) })
	}
	return g.Wait()
}
