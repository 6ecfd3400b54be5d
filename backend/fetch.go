package backend

import "context"

// Fetch polls the feed for key once, outside the feed engine, and returns
// its data (the type the feed delivers) or the error as AWS gave it, so
// that aws.IsNotFound, aws.IsAccessDenied and aws.IsExpired work on it.
// It is what `agdash get` uses. The session caches are the feeds', so a
// collection that loads in pages (a large account's training jobs: see
// TrainingJobsData.Loading) completes over repeated calls.
func (c *Client) Fetch(ctx context.Context, key FeedKey) (any, error) {
	return c.spec(key).Fetch(ctx, nil)
}
