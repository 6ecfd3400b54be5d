// Package backend is the façade the UI talks to: identity, polled feeds and
// actions. It knows AWS (through backend/aws) and nothing of the screen.
package backend

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// Service is everything the UI may ask of the backend. Methods that wait on
// the network take a context and are meant to be called from a tea.Cmd,
// never from Update or View.
type Service interface {
	// Identity is who agdash acts as. It is resolved when the service is
	// built; Refresh it with ReloadIdentity after credentials change.
	Identity() domain.Identity
	ReloadIdentity(ctx context.Context) (domain.Identity, error)

	// Now is the clock the data is measured against: the sandbox's virtual
	// clock in sandbox mode, the local clock otherwise.
	Now() time.Time

	// Subscribe starts (or joins) the feed for key; its results arrive on
	// Updates. The returned func unsubscribes; the feed stops when its last
	// subscriber leaves. Subscribing twice to the same key shares one feed.
	Subscribe(key FeedKey) (unsubscribe func())
	// Updates delivers every feed's results and state changes. It is never
	// closed while the service runs; it is closed by Close.
	Updates() <-chan Update
	// Refresh asks a running feed to poll now rather than at its next tick.
	Refresh(key FeedKey)
	// Feeds reports the state of every running feed, for the status line.
	Feeds() []FeedState

	// Calls is a snapshot of AWS calls made so far, per service and operation.
	Calls() CallStats

	// Do performs a user action: refused in read-only mode without any AWS
	// call, guarded against double submission, and with AWS errors turned
	// into an *ActionError that reads as a sentence.
	Do(ctx context.Context, req ActionRequest) (ActionResult, error)

	// Close stops every feed and goroutine.
	Close()
}

// FeedKind names a collection the backend can poll.
type FeedKind string

// The feeds, and the type of Update.Data each delivers.
const (
	FeedProjects       FeedKind = "projects"        // ProjectsData
	FeedTrainingJobs   FeedKind = "training-jobs"   // TrainingJobsData
	FeedTrainingJob    FeedKind = "training-job"    // TrainingJobData; Arg: job name
	FeedJobLogs        FeedKind = "job-logs"        // LogsData; Arg: job name
	FeedPipelines      FeedKind = "pipelines"       // PipelinesData
	FeedExecutions     FeedKind = "executions"      // ExecutionsData; Arg: pipeline name
	FeedExecution      FeedKind = "execution"       // ExecutionData; Arg: execution ARN
	FeedModelGroups    FeedKind = "model-groups"    // ModelGroupsData
	FeedModelVersions  FeedKind = "model-versions"  // ModelVersionsData; Arg: group name
	FeedEndpoints      FeedKind = "endpoints"       // EndpointsData
	FeedEndpoint       FeedKind = "endpoint"        // EndpointData; Arg: endpoint name
	FeedEndpointLogs   FeedKind = "endpoint-logs"   // LogsData; Arg: endpoint name
	FeedFileSystems    FeedKind = "file-systems"    // FileSystemsData
	FeedRecoveryPoints FeedKind = "recovery-points" // RecoveryPointsData; Arg: file system id
	FeedRestoreJobs    FeedKind = "restore-jobs"    // RestoreJobsData
)

// FeedKey identifies one feed: a kind and, for per-item feeds, its argument.
type FeedKey struct {
	Kind FeedKind
	Arg  string
}

func (k FeedKey) String() string {
	if k.Arg == "" {
		return string(k.Kind)
	}
	return string(k.Kind) + ":" + k.Arg
}

// Update is one delivery from a feed: new data, or only a state change
// (Data nil) such as an error or back-off.
type Update struct {
	Key   FeedKey
	Data  any
	State FeedState
}

// FeedState is how fresh a feed's data is and why.
type FeedState struct {
	Key         FeedKey
	Interval    time.Duration
	LastSuccess time.Time // zero until the first success
	LastAttempt time.Time
	NextAttempt time.Time
	// Err is the last attempt's error in a sentence, "" after a success.
	Err string
	// Stale is true when the last attempt failed (the data shown is from
	// LastSuccess) or when the data is older than two intervals.
	Stale bool
	// Expired is true when AWS rejected the credentials as expired;
	// the UI shows how to refresh them.
	Expired bool
	// AccessDenied is true when AWS refused the calls this feed needs.
	AccessDenied bool
	// Panicked is true when the last attempt hit a bug in agdash (a
	// recovered panic); CrashReport is where its report was written.
	Panicked    bool
	CrashReport string
	Fetching    bool
}

// Age of the data at now; zero when there is none yet.
func (s FeedState) Age(now time.Time) time.Duration {
	if s.LastSuccess.IsZero() {
		return 0
	}
	return now.Sub(s.LastSuccess)
}

// CallStats counts AWS calls per "service:Operation" (e.g. "sagemaker:ListTrainingJobs").
type CallStats struct {
	Total   int64
	ByOp    map[string]int64
	Errors  int64
	Throttl int64 // calls answered with a throttling error
}
