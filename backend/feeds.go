package backend

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/agdash/agdash/backend/feed"
)

// spec is the one place that ties each feed kind to its fetch and interval.
func (c *Client) spec(key FeedKey) feed.Spec {
	iv := c.intervals
	arg := key.Arg
	withArg := func(f func(context.Context, string) (any, error)) func(context.Context, any) (any, error) {
		return func(ctx context.Context, _ any) (any, error) { return f(ctx, arg) }
	}
	switch key.Kind {
	case FeedProjects:
		return feed.Spec{Interval: iv.Projects, Fetch: c.fetchProjects}
	case FeedTrainingJobs:
		return feed.Spec{Interval: iv.RunningJobs, Fetch: c.fetchTrainingJobs}
	case FeedPipelines:
		return feed.Spec{Interval: iv.Pipelines, Fetch: c.fetchPipelines}
	case FeedModelGroups:
		return feed.Spec{Interval: iv.Registry, Fetch: c.fetchModelGroups}
	case FeedEndpoints:
		return feed.Spec{Interval: iv.Endpoints, Fetch: c.fetchEndpoints}
	case FeedFileSystems:
		return feed.Spec{Interval: iv.Backups, Fetch: c.fetchFileSystems}
	case FeedRestoreJobs:
		return feed.Spec{Interval: iv.RestoreIdle, Fetch: c.fetchRestoreJobs, NextInterval: c.restoreInterval}
	}
	if arg == "" {
		return failing(iv.Projects, fmt.Errorf("feed %s needs an argument", key.Kind))
	}
	switch key.Kind {
	case FeedTrainingJob:
		return feed.Spec{Interval: iv.RunningJobs, Fetch: withArg(c.fetchTrainingJob)}
	case FeedJobLogs:
		return feed.Spec{Interval: iv.Logs, NextInterval: c.jobLogsInterval(arg),
			Fetch: func(ctx context.Context, prev any) (any, error) { return c.fetchJobLogs(ctx, arg, prev) }}
	case FeedExecutions:
		return feed.Spec{Interval: iv.Pipelines, Fetch: withArg(c.fetchExecutions)}
	case FeedExecution:
		return feed.Spec{Interval: iv.Pipelines, Fetch: withArg(c.fetchExecution), NextInterval: c.executionInterval}
	case FeedModelVersions:
		return feed.Spec{Interval: iv.Registry, Fetch: withArg(c.fetchModelVersions)}
	case FeedEndpoint:
		return feed.Spec{Interval: iv.Endpoints, Fetch: withArg(c.fetchEndpoint)}
	case FeedEndpointLogs:
		return feed.Spec{Interval: iv.Logs,
			Fetch: func(ctx context.Context, prev any) (any, error) { return c.fetchEndpointLogs(ctx, arg, prev) }}
	case FeedRecoveryPoints:
		return feed.Spec{Interval: iv.Backups, Fetch: withArg(c.fetchRecoveryPoints)}
	}
	return failing(iv.Projects, fmt.Errorf("no feed of kind %q", key.Kind))
}

// failing is a feed that reports a mistake in its key rather than polling.
func failing(interval time.Duration, err error) feed.Spec {
	return feed.Spec{Interval: interval, Fetch: func(context.Context, any) (any, error) { return nil, err }}
}

func sortFeedStates(states []FeedState) {
	sort.Slice(states, func(i, j int) bool { return states[i].Key.String() < states[j].Key.String() })
}
