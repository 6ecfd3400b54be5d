package aws

import (
	"context"
	"time"

	sdk "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/domain"
)

// ListTrainingJobs pages through training jobs, newest first, starting at
// token ("" for the newest) and handing each page and the token of the
// page after it ("" at the end) to visit; visit returns false to stop
// (the caller has reached jobs it knows, or paged enough for now).
// aws sagemaker list-training-jobs --sort-by CreationTime --sort-order Descending [--next-token TOKEN]
func (a *Account) ListTrainingJobs(ctx context.Context, token string, visit func(page []domain.TrainingJob, next string) bool) error {
	in := &sagemaker.ListTrainingJobsInput{
		SortBy: types.SortByCreationTime, SortOrder: types.SortOrderDescending, MaxResults: sdk.Int32(100),
	}
	if token != "" {
		in.NextToken = sdk.String(token)
	}
	p := sagemaker.NewListTrainingJobsPaginator(a.SageMaker, in)
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		jobs := make([]domain.TrainingJob, 0, len(page.TrainingJobSummaries))
		for _, s := range page.TrainingJobSummaries {
			jobs = append(jobs, domain.TrainingJob{
				Name: str(s.TrainingJobName), ARN: str(s.TrainingJobArn), Status: string(s.TrainingJobStatus),
				SecondaryStatus: string(s.SecondaryStatus), CreatedAt: tm(s.CreationTime),
				LastModified: tm(s.LastModifiedTime), EndedAt: tm(s.TrainingEndTime),
			})
		}
		if !visit(jobs, str(page.NextToken)) {
			return nil
		}
	}
	return nil
}

// DescribeTrainingJob reads one job in full.
// aws sagemaker describe-training-job --training-job-name NAME
func (a *Account) DescribeTrainingJob(ctx context.Context, name string) (domain.TrainingJob, error) {
	out, err := a.SageMaker.DescribeTrainingJob(ctx, &sagemaker.DescribeTrainingJobInput{TrainingJobName: sdk.String(name)})
	if err != nil {
		return domain.TrainingJob{}, err
	}
	return jobFromDescribe(out, nil), nil
}

// SearchTrainingJobsWithTag pages through the jobs that carry tagKey and
// were created at or after since and before before (either zero for no
// bound), newest first, as full records with their tags, handing each page
// to visit with whether it is the last; visit returns false to stop. One
// Search page answers for up to 100 jobs, where ListTags would cost a call
// per job. A filter's time is whole seconds (YYYY-mm-dd'T'HH:MM:SS, as the
// API documents it), where CreationTime has milliseconds: since is rounded
// down and before up to the second, so the jobs of their seconds that lie
// outside the bounds may come too.
// aws sagemaker search --resource TrainingJob --sort-by CreationTime --sort-order Descending --search-expression '{"Operator":"And","Filters":[{"Name":"Tags.KEY","Operator":"Exists"},{"Name":"CreationTime","Operator":"GreaterThanOrEqualTo","Value":"SINCE"},{"Name":"CreationTime","Operator":"LessThan","Value":"BEFORE"}]}'
func (a *Account) SearchTrainingJobsWithTag(ctx context.Context, tagKey string, since, before time.Time, visit func(page []domain.TrainingJob, last bool) bool) error {
	filters := []types.Filter{{Name: sdk.String("Tags." + tagKey), Operator: types.OperatorExists}}
	if !since.IsZero() {
		filters = append(filters, types.Filter{
			Name: sdk.String("CreationTime"), Operator: types.OperatorGreaterThanOrEqualTo,
			Value: sdk.String(since.UTC().Format(time.RFC3339)),
		})
	}
	if !before.IsZero() {
		if whole := before.Truncate(time.Second); !whole.Equal(before) {
			before = whole.Add(time.Second)
		}
		filters = append(filters, types.Filter{
			Name: sdk.String("CreationTime"), Operator: types.OperatorLessThan,
			Value: sdk.String(before.UTC().Format(time.RFC3339)),
		})
	}
	p := sagemaker.NewSearchPaginator(a.SageMaker, &sagemaker.SearchInput{
		Resource:         types.ResourceTypeTrainingJob,
		SearchExpression: &types.SearchExpression{Filters: filters, Operator: types.BooleanOperatorAnd},
		SortBy:           sdk.String("CreationTime"),
		SortOrder:        types.SearchSortOrderDescending,
		MaxResults:       sdk.Int32(100),
	})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return err
		}
		var jobs []domain.TrainingJob
		for _, r := range page.Results {
			if r.TrainingJob != nil {
				jobs = append(jobs, jobFromSearch(*r.TrainingJob))
			}
		}
		if !visit(jobs, !p.HasMorePages()) {
			return nil
		}
	}
	return nil
}

// StopTrainingJob asks SageMaker to stop a job.
// aws sagemaker stop-training-job --training-job-name NAME
func (a *Account) StopTrainingJob(ctx context.Context, name string) error {
	_, err := a.SageMaker.StopTrainingJob(ctx, &sagemaker.StopTrainingJobInput{TrainingJobName: sdk.String(name)})
	return err
}

// jobFromSearch converts a Search record, which carries the same fields as
// DescribeTrainingJob plus the tags.
func jobFromSearch(t types.TrainingJob) domain.TrainingJob {
	return jobFromDescribe(&sagemaker.DescribeTrainingJobOutput{
		AlgorithmSpecification: t.AlgorithmSpecification, BillableTimeInSeconds: t.BillableTimeInSeconds,
		CreationTime: t.CreationTime, FailureReason: t.FailureReason, FinalMetricDataList: t.FinalMetricDataList,
		HyperParameters: t.HyperParameters, InputDataConfig: t.InputDataConfig, LastModifiedTime: t.LastModifiedTime,
		ModelArtifacts: t.ModelArtifacts, OutputDataConfig: t.OutputDataConfig, ResourceConfig: t.ResourceConfig,
		RoleArn: t.RoleArn, SecondaryStatus: t.SecondaryStatus, SecondaryStatusTransitions: t.SecondaryStatusTransitions,
		StoppingCondition: t.StoppingCondition, TrainingEndTime: t.TrainingEndTime, TrainingJobArn: t.TrainingJobArn,
		TrainingJobName: t.TrainingJobName, TrainingJobStatus: t.TrainingJobStatus, TrainingStartTime: t.TrainingStartTime,
		TrainingTimeInSeconds: t.TrainingTimeInSeconds,
	}, sageMakerTags(t.Tags))
}

func jobFromDescribe(d *sagemaker.DescribeTrainingJobOutput, tags map[string]string) domain.TrainingJob {
	j := domain.TrainingJob{
		Name: str(d.TrainingJobName), ARN: str(d.TrainingJobArn), Status: string(d.TrainingJobStatus),
		SecondaryStatus: string(d.SecondaryStatus), CreatedAt: tm(d.CreationTime), LastModified: tm(d.LastModifiedTime),
		EndedAt: tm(d.TrainingEndTime), Detailed: true, StartedAt: tm(d.TrainingStartTime),
		BillableSeconds: int64(i32(d.BillableTimeInSeconds)), TrainingSeconds: int64(i32(d.TrainingTimeInSeconds)),
		Hyperparameters: d.HyperParameters, FailureReason: str(d.FailureReason), RoleARN: str(d.RoleArn), Tags: tags,
	}
	if r := d.ResourceConfig; r != nil {
		j.InstanceType = string(r.InstanceType)
		j.InstanceCount = i32(r.InstanceCount)
		if j.InstanceType == "" && len(r.InstanceGroups) > 0 {
			j.InstanceType = string(r.InstanceGroups[0].InstanceType)
			for _, g := range r.InstanceGroups {
				j.InstanceCount += i32(g.InstanceCount)
			}
		}
	}
	for _, t := range d.SecondaryStatusTransitions {
		j.Transitions = append(j.Transitions, domain.StatusTransition{
			Status: string(t.Status), Start: tm(t.StartTime), End: tm(t.EndTime), Message: str(t.StatusMessage),
		})
	}
	for _, c := range d.InputDataConfig {
		in := domain.InputChannel{Name: str(c.ChannelName), ContentType: str(c.ContentType)}
		if c.DataSource != nil && c.DataSource.S3DataSource != nil {
			in.S3URI = str(c.DataSource.S3DataSource.S3Uri)
		}
		j.Inputs = append(j.Inputs, in)
	}
	if d.OutputDataConfig != nil {
		j.OutputPath = str(d.OutputDataConfig.S3OutputPath)
	}
	if d.ModelArtifacts != nil {
		j.ModelArtifact = str(d.ModelArtifacts.S3ModelArtifacts)
	}
	if alg := d.AlgorithmSpecification; alg != nil {
		j.Image = str(alg.TrainingImage)
		if j.Image == "" {
			j.Image = str(alg.AlgorithmName)
		}
		for _, m := range alg.MetricDefinitions {
			j.MetricNames = append(j.MetricNames, str(m.Name))
		}
	}
	for _, m := range d.FinalMetricDataList {
		j.FinalMetrics = append(j.FinalMetrics, domain.MetricValue{Name: str(m.MetricName), Value: f32(m.Value), Timestamp: tm(m.Timestamp)})
	}
	if s := d.StoppingCondition; s != nil && s.MaxRuntimeInSeconds != nil {
		j.StoppingMaxRuntimeHours = float64(*s.MaxRuntimeInSeconds) / 3600
	}
	return j
}
