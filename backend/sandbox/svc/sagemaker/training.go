package sagemaker

import (
	"context"
	"strings"
	"time"

	"github.com/agdash/agdash/backend/sandbox/server"
	"github.com/agdash/agdash/backend/sandbox/svc/internal/optional"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// Training jobs: list (cheap at 100,000 jobs: the world pages by binary
// search over its sorted indexes), describe, and stop. Creating one is in
// training_create.go.

var trainingJobStatuses = []string{"InProgress", "Completed", "Failed", "Stopping", "Stopped", "Deleting"}

type ListTrainingJobsInput struct {
	CreationTimeAfter      *time.Time
	CreationTimeBefore     *time.Time
	LastModifiedTimeAfter  *time.Time
	LastModifiedTimeBefore *time.Time
	NameContains           *string
	StatusEquals           string
	SortBy                 string
	SortOrder              string
	TrainingPlanArnEquals  *string
	WarmPoolStatusEquals   string
	MaxResults             *int32
	NextToken              *string
}

type ListTrainingJobsOutput struct {
	TrainingJobSummaries []TrainingJobSummary
	NextToken            *string
}

// listTrainingJobs is `aws sagemaker list-training-jobs`: ascending by
// creation time unless asked otherwise, 10 a page by default and at most 100.
func (h handlers) listTrainingJobs(_ context.Context, _ *server.Call, in *ListTrainingJobsInput) (*ListTrainingJobsOutput, error) {
	for _, err := range []error{
		checkEnum("statusEquals", in.StatusEquals, trainingJobStatuses...),
		checkSort(in.SortBy, in.SortOrder, "Name", "CreationTime", "Status"),
		checkEnum("warmPoolStatusEquals", in.WarmPoolStatusEquals, "Available", "Terminated", "Reused", "InUse"),
	} {
		if err != nil {
			return nil, err
		}
	}
	size, err := pageSize(in.MaxResults, 10, 1, 100)
	if err != nil {
		return nil, err
	}
	// The cursor is only good for the sort it was made in.
	sortKey := in.SortBy + "/" + in.SortOrder + "/"
	pos, err := decodeToken("ListTrainingJobs", in.NextToken)
	if err != nil {
		return nil, err
	}
	after := ""
	if pos != "" {
		rest, ok := strings.CutPrefix(pos, sortKey)
		if !ok || rest == "" {
			return nil, invalidToken()
		}
		after = rest
	}
	out := &ListTrainingJobsOutput{TrainingJobSummaries: []TrainingJobSummary{}}
	// No sandbox job runs on a training plan or keeps a warm pool.
	if in.TrainingPlanArnEquals != nil || in.WarmPoolStatusEquals != "" {
		return out, nil
	}
	q := world.TrainingJobQuery{
		SortBy:       in.SortBy,
		SortOrder:    world.SortOrder(in.SortOrder),
		StatusEquals: world.TrainingJobStatus(in.StatusEquals),
		MaxResults:   size,
		After:        after,
	}
	if in.NameContains != nil {
		q.NameContains = *in.NameContains
	}
	q.CreationTimeAfter = optional.Value(in.CreationTimeAfter)
	q.CreationTimeBefore = optional.Value(in.CreationTimeBefore)
	q.LastModifiedTimeAfter = optional.Value(in.LastModifiedTimeAfter)
	q.LastModifiedTimeBefore = optional.Value(in.LastModifiedTimeBefore)
	page, err := h.w.TrainingJobs(q)
	if err != nil {
		return nil, fromWorld(err, nil)
	}
	out.TrainingJobSummaries = make([]TrainingJobSummary, len(page.Items))
	for i, s := range page.Items {
		out.TrainingJobSummaries[i] = TrainingJobSummary{
			TrainingJobName: s.TrainingJobName, TrainingJobArn: s.TrainingJobArn, TrainingJobStatus: string(s.TrainingJobStatus),
			SecondaryStatus: s.SecondaryStatus, CreationTime: s.CreationTime, TrainingEndTime: s.TrainingEndTime,
			LastModifiedTime: s.LastModifiedTime,
		}
	}
	if page.Next != "" {
		out.NextToken = encodeToken("ListTrainingJobs", sortKey+page.Next)
	}
	return out, nil
}

type DescribeTrainingJobInput struct {
	TrainingJobName string `aws:",required"`
}

// describeTrainingJob is `aws sagemaker describe-training-job --training-job-name NAME`.
func (h handlers) describeTrainingJob(_ context.Context, _ *server.Call, in *DescribeTrainingJobInput) (*TrainingJob, error) {
	j, err := h.w.TrainingJob(in.TrainingJobName)
	if err != nil {
		// What SageMaker really answers for an unknown job.
		return nil, fromWorld(err, func() *server.Error { return server.ValidationException("Requested resource not found.") })
	}
	out := trainingJobOut(j)
	return &out, nil
}

type StopTrainingJobInput struct {
	TrainingJobName string `aws:",required"`
}

type StopTrainingJobOutput struct{}

// stopTrainingJob is `aws sagemaker stop-training-job --training-job-name NAME`:
// the job goes Stopping, then Stopped; a job that has ended cannot be stopped.
func (h handlers) stopTrainingJob(_ context.Context, call *server.Call, in *StopTrainingJobInput) (*StopTrainingJobOutput, error) {
	notFound := func() *server.Error { return server.ResourceNotFound("Requested resource not found.") }
	j, err := h.w.TrainingJob(in.TrainingJobName)
	if err != nil {
		return nil, fromWorld(err, notFound)
	}
	tags, err := h.w.Tags(j.TrainingJobArn)
	if err != nil {
		return nil, fromWorld(err, notFound)
	}
	if err := call.Authorize(j.TrainingJobArn, projectOf(tags)); err != nil {
		return nil, err
	}
	if err := h.w.StopTrainingJob(in.TrainingJobName); err != nil {
		return nil, fromWorld(err, notFound)
	}
	return &StopTrainingJobOutput{}, nil
}
