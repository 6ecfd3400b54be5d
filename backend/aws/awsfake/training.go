package awsfake

import (
	"context"
	"sort"
	"strings"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"
)

// Job is a training job in the fake account.
type Job struct {
	Name            string
	Status          string // InProgress, Completed, Failed, Stopping, Stopped
	SecondaryStatus string
	Created         time.Time
	Modified        time.Time
	Started         time.Time
	Ended           time.Time
	InstanceType    string
	InstanceCount   int
	Hyperparameters map[string]string
	FailureReason   string
	MetricNames     []string
	Tags            map[string]string
}

// AddJobs adds training jobs (their tags too).
func (f *Account) AddJobs(jobs ...Job) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, j := range jobs {
		j := j
		if j.Modified.IsZero() {
			j.Modified = j.Created
		}
		f.jobs = append(f.jobs, &j)
		f.jobByName[j.Name] = &j
		if j.Tags != nil {
			f.tags[f.arn("training-job", j.Name)] = j.Tags
		}
	}
	sort.SliceStable(f.jobs, func(a, b int) bool { return f.jobs[a].Created.After(f.jobs[b].Created) })
}

// SetJobStatus moves a job to status at the fake's now (ending it when
// the status is terminal).
func (f *Account) SetJobStatus(name, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	j := f.jobByName[name]
	j.Status, j.Modified = status, f.now
	if status == "Completed" || status == "Failed" || status == "Stopped" {
		j.Ended = f.now
	}
}

func (f *Account) ListTrainingJobs(ctx context.Context, in *sagemaker.ListTrainingJobsInput, _ ...func(*sagemaker.Options)) (*sagemaker.ListTrainingJobsOutput, error) {
	if err := f.call(ctx, "sagemaker", "ListTrainingJobs"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	jobs, next, err := page(f.jobs, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "ListTrainingJobs", err)
	}
	out := &sagemaker.ListTrainingJobsOutput{NextToken: next}
	for _, j := range jobs {
		out.TrainingJobSummaries = append(out.TrainingJobSummaries, types.TrainingJobSummary{
			TrainingJobName: sdk.String(j.Name), TrainingJobArn: sdk.String(f.arn("training-job", j.Name)),
			TrainingJobStatus: types.TrainingJobStatus(j.Status), SecondaryStatus: types.SecondaryStatus(j.SecondaryStatus),
			CreationTime: sdk.Time(j.Created), LastModifiedTime: sdk.Time(j.Modified), TrainingEndTime: timePtr(j.Ended),
		})
	}
	return out, nil
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return sdk.Time(t)
}

func (f *Account) sdkJobLocked(j *Job) types.TrainingJob {
	var metrics []types.MetricDefinition
	for _, m := range j.MetricNames {
		metrics = append(metrics, types.MetricDefinition{Name: sdk.String(m), Regex: sdk.String(m + "=(.*)")})
	}
	var tags []types.Tag
	for k, v := range f.tags[f.arn("training-job", j.Name)] {
		tags = append(tags, types.Tag{Key: sdk.String(k), Value: sdk.String(v)})
	}
	t := types.TrainingJob{
		TrainingJobName: sdk.String(j.Name), TrainingJobArn: sdk.String(f.arn("training-job", j.Name)),
		TrainingJobStatus: types.TrainingJobStatus(j.Status), SecondaryStatus: types.SecondaryStatus(j.SecondaryStatus),
		CreationTime: sdk.Time(j.Created), LastModifiedTime: sdk.Time(j.Modified), TrainingStartTime: timePtr(j.Started),
		TrainingEndTime: timePtr(j.Ended), HyperParameters: j.Hyperparameters, FailureReason: sdk.String(j.FailureReason),
		ResourceConfig: &types.ResourceConfig{
			InstanceType: types.TrainingInstanceType(j.InstanceType), InstanceCount: sdk.Int32(int32(j.InstanceCount)),
		},
		AlgorithmSpecification: &types.AlgorithmSpecification{TrainingImage: sdk.String("ag/r-train:latest"), MetricDefinitions: metrics},
		Tags:                   tags,
	}
	if !j.Ended.IsZero() && !j.Started.IsZero() {
		secs := int32(j.Ended.Sub(j.Started).Seconds())
		t.TrainingTimeInSeconds, t.BillableTimeInSeconds = sdk.Int32(secs), sdk.Int32(secs)
	}
	return t
}

func (f *Account) DescribeTrainingJob(ctx context.Context, in *sagemaker.DescribeTrainingJobInput, _ ...func(*sagemaker.Options)) (*sagemaker.DescribeTrainingJobOutput, error) {
	if err := f.call(ctx, "sagemaker", "DescribeTrainingJob"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	j := f.jobByName[sdk.ToString(in.TrainingJobName)]
	if j == nil {
		return nil, wrap("sagemaker", "DescribeTrainingJob", notFound("Requested resource"))
	}
	t := f.sdkJobLocked(j)
	return &sagemaker.DescribeTrainingJobOutput{
		TrainingJobName: t.TrainingJobName, TrainingJobArn: t.TrainingJobArn, TrainingJobStatus: t.TrainingJobStatus,
		SecondaryStatus: t.SecondaryStatus, CreationTime: t.CreationTime, LastModifiedTime: t.LastModifiedTime,
		TrainingStartTime: t.TrainingStartTime, TrainingEndTime: t.TrainingEndTime, HyperParameters: t.HyperParameters,
		FailureReason: t.FailureReason, ResourceConfig: t.ResourceConfig, AlgorithmSpecification: t.AlgorithmSpecification,
		TrainingTimeInSeconds: t.TrainingTimeInSeconds, BillableTimeInSeconds: t.BillableTimeInSeconds,
	}, nil
}

func (f *Account) StopTrainingJob(ctx context.Context, in *sagemaker.StopTrainingJobInput, _ ...func(*sagemaker.Options)) (*sagemaker.StopTrainingJobOutput, error) {
	if err := f.call(ctx, "sagemaker", "StopTrainingJob"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	name := sdk.ToString(in.TrainingJobName)
	j := f.jobByName[name]
	if j == nil {
		return nil, wrap("sagemaker", "StopTrainingJob", notFound("Requested resource"))
	}
	j.Status, j.Modified = "Stopping", f.now
	f.Stopped = append(f.Stopped, name)
	return &sagemaker.StopTrainingJobOutput{}, nil
}

// Search serves Resource TrainingJob with filters on tags ("Tags.KEY"
// Exists or Equals) and CreationTime (GreaterThan[OrEqualTo],
// LessThan[OrEqualTo]), newest first.
func (f *Account) Search(ctx context.Context, in *sagemaker.SearchInput, _ ...func(*sagemaker.Options)) (*sagemaker.SearchOutput, error) {
	if in.Resource != types.ResourceTypeTrainingJob {
		// Like an emulator that searches training jobs only, so agdash
		// reads the other resources one by one.
		return nil, f.refuse(ctx, "sagemaker", "Search", APIError("ValidationException", "the fake searches training jobs only"))
	}
	if err := f.call(ctx, "sagemaker", "Search"); err != nil {
		return nil, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var matched []*Job
	for _, j := range f.jobs {
		if f.matchesLocked(j, in.SearchExpression) {
			matched = append(matched, j)
		}
	}
	jobs, next, err := page(matched, in.NextToken, in.MaxResults, 10)
	if err != nil {
		return nil, wrap("sagemaker", "Search", err)
	}
	out := &sagemaker.SearchOutput{NextToken: next}
	for _, j := range jobs {
		t := f.sdkJobLocked(j)
		out.Results = append(out.Results, types.SearchRecord{TrainingJob: &t})
	}
	return out, nil
}

func (f *Account) matchesLocked(j *Job, expr *types.SearchExpression) bool {
	if expr == nil {
		return true
	}
	tags := f.tags[f.arn("training-job", j.Name)]
	for _, flt := range expr.Filters {
		name := sdk.ToString(flt.Name)
		if key, ok := strings.CutPrefix(name, "Tags."); ok {
			v, has := tags[key]
			switch flt.Operator {
			case types.OperatorExists:
				if !has {
					return false
				}
			case types.OperatorEquals, "":
				if !has || v != sdk.ToString(flt.Value) {
					return false
				}
			}
			continue
		}
		if name == "CreationTime" {
			at, err := time.Parse(time.RFC3339, sdk.ToString(flt.Value))
			if err != nil {
				continue
			}
			c := j.Created.Compare(at)
			switch flt.Operator {
			case types.OperatorGreaterThanOrEqualTo:
				if c < 0 {
					return false
				}
			case types.OperatorGreaterThan:
				if c <= 0 {
					return false
				}
			case types.OperatorLessThan:
				if c >= 0 {
					return false
				}
			case types.OperatorLessThanOrEqualTo:
				if c > 0 {
					return false
				}
			}
		}
	}
	return true
}
