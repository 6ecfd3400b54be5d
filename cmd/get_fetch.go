package cmd

import (
	"context"
	"errors"
	"fmt"

	"github.com/agdash/agdash/backend"
	"github.com/agdash/agdash/backend/aws"
)

// fetcher reads feeds once for `agdash get`.
type fetcher struct{ c *backend.Client }

// fetch polls key once, with AWS's refusals turned into exit codes.
func fetch[T any](ctx context.Context, f fetcher, key backend.FeedKey) (T, error) {
	var zero T
	data, err := f.c.Fetch(ctx, key)
	if err != nil {
		return zero, fetchError(ctx, key, err)
	}
	d, ok := data.(T)
	if !ok {
		return zero, fmt.Errorf("feed %s delivered %T", key, data)
	}
	return d, nil
}

// fetchError says why a read failed, with the exit code scripts act on.
func fetchError(ctx context.Context, key backend.FeedKey, err error) error {
	switch {
	case ctx.Err() != nil && errors.Is(err, ctx.Err()):
		return withCode(ExitError, fmt.Errorf("reading %s took too long (--timeout): %w", key.Kind, ctx.Err()))
	case aws.IsExpired(err), aws.IsAccessDenied(err):
		return withCode(ExitAuth, aws.Explained(err))
	case aws.IsNotFound(err):
		return withCode(ExitNotFound, aws.Explained(err))
	}
	return withCode(ExitError, aws.Explained(err))
}

// trainingJobs reads the whole list with every job's project: a large
// account's jobs page in over several reads (TrainingJobsData.Loading),
// and the projects of its jobs before the month over several more
// (ProjectsUnknownUntil). Both are waited for, --project or not: the
// output names each job's project, and an empty one must mean none.
func (f fetcher) trainingJobs(ctx context.Context) (backend.TrainingJobsData, error) {
	for {
		d, err := fetch[backend.TrainingJobsData](ctx, f, backend.FeedKey{Kind: backend.FeedTrainingJobs})
		if err != nil || !d.Loading && d.ProjectsUnknownUntil.IsZero() {
			return d, err
		}
		if ctx.Err() != nil {
			return d, fetchError(ctx, backend.FeedKey{Kind: backend.FeedTrainingJobs}, ctx.Err())
		}
	}
}
