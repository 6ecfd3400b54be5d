package sagemaker_test

import (
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sm "github.com/aws/aws-sdk-go-v2/service/sagemaker"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker/types"

	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
	"github.com/agdash/agdash/backend/sandbox/server/servertest"
	"github.com/agdash/agdash/backend/sandbox/world"
)

// newJobInput is a complete CreateTrainingJob request for project.
func newJobInput(name, project string) *sm.CreateTrainingJobInput {
	return &sm.CreateTrainingJobInput{
		TrainingJobName: aws.String(name),
		AlgorithmSpecification: &types.AlgorithmSpecification{
			TrainingImage:     aws.String("318224574112.dkr.ecr.ap-southeast-1.amazonaws.com/ag-r-ranger:4.3"),
			TrainingInputMode: types.TrainingInputModeFile,
			MetricDefinitions: []types.MetricDefinition{{Name: aws.String("validation:rmse"), Regex: aws.String("rmse=([0-9.]+)")}},
		},
		RoleArn: aws.String("arn:aws:iam::318224574112:role/AG-HDB-SageMakerExecutionRole"),
		InputDataConfig: []types.Channel{{
			ChannelName: aws.String("train"),
			DataSource: &types.DataSource{S3DataSource: &types.S3DataSource{
				S3DataType: types.S3DataTypeS3Prefix, S3Uri: aws.String("s3://hdb-resale-transactions/train/"),
				S3DataDistributionType: types.S3DataDistributionFullyReplicated}},
		}},
		OutputDataConfig:  &types.OutputDataConfig{S3OutputPath: aws.String("s3://ag-hdb-models/" + project + "/models")},
		ResourceConfig:    &types.ResourceConfig{InstanceType: types.TrainingInstanceTypeMlM5Xlarge, InstanceCount: aws.Int32(1), VolumeSizeInGB: aws.Int32(30)},
		StoppingCondition: &types.StoppingCondition{MaxRuntimeInSeconds: aws.Int32(86400)},
		HyperParameters:   map[string]string{"num_trees": "500", "mtry": "4"},
		Tags:              []types.Tag{{Key: aws.String("sagemaker:project-name"), Value: aws.String(project)}},
	}
}

// findJob is the first world job, oldest first, that describes as keep wants.
func findJob(t *testing.T, w *world.World, keep func(world.TrainingJob, []world.Tag) bool) world.TrainingJob {
	t.Helper()
	for _, s := range allJobs(t, w) {
		j, err := w.TrainingJob(s.TrainingJobName)
		if err != nil {
			t.Fatal(err)
		}
		tags, _ := w.Tags(j.TrainingJobArn)
		if keep(j, tags) {
			return j
		}
	}
	t.Fatal("the world has no such training job")
	return world.TrainingJob{}
}

func projectIs(tags []world.Tag, project string) bool {
	v, _ := world.TagValue(tags, "sagemaker:project-name")
	return v == project
}

func TestDescribeTrainingJobCompletedMatchesWorld(t *testing.T) {
	env := sandboxtest.Start(t)
	want := findJob(t, env.World(), func(j world.TrainingJob, _ []world.Tag) bool {
		return j.TrainingJobStatus == world.TrainingCompleted && len(j.FinalMetricDataList) > 0 && len(j.HyperParameters) > 0 &&
			len(j.AlgorithmSpecification.MetricDefinitions) > 0 && len(j.InputDataConfig) > 0
	})
	got, err := client(t, env, "data-scientist").DescribeTrainingJob(t.Context(), &sm.DescribeTrainingJobInput{TrainingJobName: aws.String(want.TrainingJobName)})
	if err != nil {
		t.Fatal(err)
	}
	wantStr(t, "TrainingJobName", got.TrainingJobName, want.TrainingJobName)
	wantStr(t, "TrainingJobArn", got.TrainingJobArn, want.TrainingJobArn)
	if got.TrainingJobStatus != types.TrainingJobStatusCompleted || got.SecondaryStatus != types.SecondaryStatusCompleted {
		t.Errorf("status %s/%s, want Completed/Completed", got.TrainingJobStatus, got.SecondaryStatus)
	}
	wantTime(t, "CreationTime", got.CreationTime, want.CreationTime)
	wantTime(t, "TrainingStartTime", got.TrainingStartTime, want.TrainingStartTime)
	wantTime(t, "TrainingEndTime", got.TrainingEndTime, want.TrainingEndTime)
	wantTime(t, "LastModifiedTime", got.LastModifiedTime, want.LastModifiedTime)
	if aws.ToInt32(got.TrainingTimeInSeconds) != want.TrainingTimeInSeconds || want.TrainingTimeInSeconds == 0 {
		t.Errorf("TrainingTimeInSeconds = %d, want %d", aws.ToInt32(got.TrainingTimeInSeconds), want.TrainingTimeInSeconds)
	}
	if aws.ToInt32(got.BillableTimeInSeconds) != want.BillableTimeInSeconds || want.BillableTimeInSeconds == 0 {
		t.Errorf("BillableTimeInSeconds = %d, want %d", aws.ToInt32(got.BillableTimeInSeconds), want.BillableTimeInSeconds)
	}
	if got.ModelArtifacts == nil || aws.ToString(got.ModelArtifacts.S3ModelArtifacts) != want.ModelArtifacts.S3ModelArtifacts ||
		!strings.HasSuffix(want.ModelArtifacts.S3ModelArtifacts, "/"+want.TrainingJobName+"/output/model.tar.gz") {
		t.Errorf("ModelArtifacts = %+v, want %s", got.ModelArtifacts, want.ModelArtifacts.S3ModelArtifacts)
	}
	if got.FailureReason != nil {
		t.Errorf("a completed job has FailureReason %q", *got.FailureReason)
	}

	if len(got.SecondaryStatusTransitions) != len(want.SecondaryStatusTransitions) {
		t.Fatalf("%d secondary status transitions, want %d", len(got.SecondaryStatusTransitions), len(want.SecondaryStatusTransitions))
	}
	for i, tr := range got.SecondaryStatusTransitions {
		w := want.SecondaryStatusTransitions[i]
		if string(tr.Status) != w.Status || aws.ToString(tr.StatusMessage) != w.StatusMessage {
			t.Errorf("transition %d = %s %q, want %s %q", i, tr.Status, aws.ToString(tr.StatusMessage), w.Status, w.StatusMessage)
		}
		wantTime(t, "transition StartTime", tr.StartTime, w.StartTime)
		wantTime(t, "transition EndTime", tr.EndTime, w.EndTime)
	}
	if !maps.Equal(got.HyperParameters, want.HyperParameters) {
		t.Errorf("HyperParameters = %v, want %v", got.HyperParameters, want.HyperParameters)
	}
	if len(got.InputDataConfig) != len(want.InputDataConfig) {
		t.Fatalf("%d input channels, want %d", len(got.InputDataConfig), len(want.InputDataConfig))
	}
	for i, ch := range got.InputDataConfig {
		w := want.InputDataConfig[i]
		wantStr(t, "ChannelName", ch.ChannelName, w.ChannelName)
		wantStr(t, "ContentType", ch.ContentType, w.ContentType)
		if ch.DataSource == nil || ch.DataSource.S3DataSource == nil {
			t.Fatalf("channel %s has no S3 data source", w.ChannelName)
		}
		wantStr(t, "S3Uri", ch.DataSource.S3DataSource.S3Uri, w.DataSource.S3DataSource.S3Uri)
		if string(ch.DataSource.S3DataSource.S3DataType) != w.DataSource.S3DataSource.S3DataType {
			t.Errorf("S3DataType = %s, want %s", ch.DataSource.S3DataSource.S3DataType, w.DataSource.S3DataSource.S3DataType)
		}
	}
	wantStr(t, "S3OutputPath", got.OutputDataConfig.S3OutputPath, want.OutputDataConfig.S3OutputPath)
	rc := got.ResourceConfig
	if string(rc.InstanceType) != want.ResourceConfig.InstanceType || aws.ToInt32(rc.InstanceCount) != want.ResourceConfig.InstanceCount ||
		aws.ToInt32(rc.VolumeSizeInGB) != want.ResourceConfig.VolumeSizeInGB {
		t.Errorf("ResourceConfig = %s×%d %dGB, want %+v", rc.InstanceType, aws.ToInt32(rc.InstanceCount), aws.ToInt32(rc.VolumeSizeInGB), want.ResourceConfig)
	}
	if aws.ToInt32(got.StoppingCondition.MaxRuntimeInSeconds) != want.StoppingCondition.MaxRuntimeInSeconds {
		t.Errorf("MaxRuntimeInSeconds = %d, want %d", aws.ToInt32(got.StoppingCondition.MaxRuntimeInSeconds), want.StoppingCondition.MaxRuntimeInSeconds)
	}
	as := got.AlgorithmSpecification
	wantStr(t, "TrainingImage", as.TrainingImage, want.AlgorithmSpecification.TrainingImage)
	if string(as.TrainingInputMode) != want.AlgorithmSpecification.TrainingInputMode {
		t.Errorf("TrainingInputMode = %s, want %s", as.TrainingInputMode, want.AlgorithmSpecification.TrainingInputMode)
	}
	if len(as.MetricDefinitions) != len(want.AlgorithmSpecification.MetricDefinitions) {
		t.Fatalf("%d metric definitions, want %d", len(as.MetricDefinitions), len(want.AlgorithmSpecification.MetricDefinitions))
	}
	for i, d := range as.MetricDefinitions {
		w := want.AlgorithmSpecification.MetricDefinitions[i]
		wantStr(t, "metric Name", d.Name, w.Name)
		wantStr(t, "metric Regex", d.Regex, w.Regex)
	}
	if len(got.FinalMetricDataList) != len(want.FinalMetricDataList) {
		t.Fatalf("%d final metrics, want %d", len(got.FinalMetricDataList), len(want.FinalMetricDataList))
	}
	for i, m := range got.FinalMetricDataList {
		w := want.FinalMetricDataList[i]
		wantStr(t, "MetricName", m.MetricName, w.MetricName)
		if m.Value == nil || *m.Value != float32(w.Value) {
			t.Errorf("%s = %v, want %v", w.MetricName, m.Value, w.Value)
		}
		wantTime(t, "metric Timestamp", m.Timestamp, w.Timestamp)
	}
	wantStr(t, "RoleArn", got.RoleArn, want.RoleArn)
	if got.EnableManagedSpotTraining == nil || *got.EnableManagedSpotTraining != want.EnableManagedSpotTraining {
		t.Errorf("EnableManagedSpotTraining = %v, want %v", got.EnableManagedSpotTraining, want.EnableManagedSpotTraining)
	}
}

func TestDescribeTrainingJobFailedAndRunning(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "on-call")
	failed := findJob(t, env.World(), func(j world.TrainingJob, _ []world.Tag) bool { return j.TrainingJobStatus == world.TrainingFailed })
	got, err := c.DescribeTrainingJob(t.Context(), &sm.DescribeTrainingJobInput{TrainingJobName: aws.String(failed.TrainingJobName)})
	if err != nil {
		t.Fatal(err)
	}
	if got.TrainingJobStatus != types.TrainingJobStatusFailed || aws.ToString(got.FailureReason) != failed.FailureReason || failed.FailureReason == "" {
		t.Errorf("failed job: status %s, FailureReason %q; want Failed, %q", got.TrainingJobStatus, aws.ToString(got.FailureReason), failed.FailureReason)
	}
	if got.ModelArtifacts != nil {
		t.Errorf("a failed job has ModelArtifacts %v", aws.ToString(got.ModelArtifacts.S3ModelArtifacts))
	}

	running := findJob(t, env.World(), func(j world.TrainingJob, _ []world.Tag) bool { return j.TrainingJobStatus == world.TrainingInProgress })
	got, err = c.DescribeTrainingJob(t.Context(), &sm.DescribeTrainingJobInput{TrainingJobName: aws.String(running.TrainingJobName)})
	if err != nil {
		t.Fatal(err)
	}
	if got.TrainingJobStatus != types.TrainingJobStatusInProgress || string(got.SecondaryStatus) != running.SecondaryStatus {
		t.Errorf("running job: %s/%s, want InProgress/%s", got.TrainingJobStatus, got.SecondaryStatus, running.SecondaryStatus)
	}
	if got.TrainingEndTime != nil || got.TrainingTimeInSeconds != nil || got.BillableTimeInSeconds != nil {
		t.Errorf("a running job has end %v, training time %v, billable %v", got.TrainingEndTime, got.TrainingTimeInSeconds, got.BillableTimeInSeconds)
	}
	last := got.SecondaryStatusTransitions[len(got.SecondaryStatusTransitions)-1]
	if last.EndTime != nil || string(last.Status) != running.SecondaryStatus {
		t.Errorf("current transition %s ends at %v; want %s, still open", last.Status, last.EndTime, running.SecondaryStatus)
	}

	_, err = c.DescribeTrainingJob(t.Context(), &sm.DescribeTrainingJobInput{TrainingJobName: aws.String("no-such-job")})
	if msg := servertest.WantCode(t, err, "ValidationException"); msg != "Requested resource not found." {
		t.Errorf("not-found message %q", msg)
	}
}

func TestCreateTrainingJobRunsToCompletion(t *testing.T) {
	env := sandboxtest.Start(t)
	c := client(t, env, "lim-jia-hui") // data scientist of hdb-resale-valuation
	out, err := c.CreateTrainingJob(t.Context(), newJobInput("hdb-resale-ranger-probe", "hdb-resale-valuation"))
	if err != nil {
		t.Fatal(err)
	}
	wantArn := "arn:aws:sagemaker:ap-southeast-1:318224574112:training-job/hdb-resale-ranger-probe"
	wantStr(t, "TrainingJobArn", out.TrainingJobArn, wantArn)

	in := &sm.DescribeTrainingJobInput{TrainingJobName: aws.String("hdb-resale-ranger-probe")}
	d, err := c.DescribeTrainingJob(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if d.TrainingJobStatus != types.TrainingJobStatusInProgress || d.SecondaryStatus != types.SecondaryStatusStarting {
		t.Errorf("new job is %s/%s, want InProgress/Starting", d.TrainingJobStatus, d.SecondaryStatus)
	}
	wantTime(t, "CreationTime", d.CreationTime, env.Now())
	if d.HyperParameters["num_trees"] != "500" || d.ResourceConfig.InstanceType != types.TrainingInstanceTypeMlM5Xlarge {
		t.Errorf("the job does not keep its request: %v, %s", d.HyperParameters, d.ResourceConfig.InstanceType)
	}
	tags, err := c.ListTags(t.Context(), &sm.ListTagsInput{ResourceArn: aws.String(wantArn)})
	if err != nil {
		t.Fatal(err)
	}
	if tagMap(tags.Tags)["sagemaker:project-name"] != "hdb-resale-valuation" {
		t.Errorf("tags = %v", tagMap(tags.Tags))
	}

	seen := map[types.SecondaryStatus]bool{}
	deadline := env.Now().Add(6 * time.Hour)
	for d.TrainingJobStatus == types.TrainingJobStatusInProgress && env.Now().Before(deadline) {
		env.Clock.Advance(time.Minute)
		if d, err = c.DescribeTrainingJob(t.Context(), in); err != nil {
			t.Fatal(err)
		}
		seen[d.SecondaryStatus] = true
	}
	if d.TrainingJobStatus != types.TrainingJobStatusCompleted {
		t.Fatalf("after six hours the job is %s (%s)", d.TrainingJobStatus, aws.ToString(d.FailureReason))
	}
	if !seen[types.SecondaryStatusTraining] {
		t.Error("polled every minute, the job never showed secondary status Training")
	}
	var path []string
	for _, tr := range d.SecondaryStatusTransitions {
		path = append(path, string(tr.Status))
	}
	if got := strings.Join(path, ","); got != "Starting,Downloading,Training,Uploading,Completed" {
		t.Errorf("secondary status transitions %s", got)
	}
	if got := aws.ToString(d.ModelArtifacts.S3ModelArtifacts); got != "s3://ag-hdb-models/hdb-resale-valuation/models/hdb-resale-ranger-probe/output/model.tar.gz" {
		t.Errorf("ModelArtifacts = %s", got)
	}
	if len(d.FinalMetricDataList) == 0 || aws.ToInt32(d.BillableTimeInSeconds) <= 0 {
		t.Errorf("completed job has %d final metrics and %d billable seconds", len(d.FinalMetricDataList), aws.ToInt32(d.BillableTimeInSeconds))
	}
}

func TestCreateTrainingJobRefusals(t *testing.T) {
	env := sandboxtest.Start(t)
	ds := client(t, env, "lim-jia-hui")
	if _, err := ds.CreateTrainingJob(t.Context(), newJobInput("hdb-twice", "hdb-resale-valuation")); err != nil {
		t.Fatal(err)
	}
	_, err := ds.CreateTrainingJob(t.Context(), newJobInput("HDB-TWICE", "hdb-resale-valuation"))
	servertest.WantCode(t, err, "ResourceInUse")

	// Another project's job: refused, and not created.
	before := env.World().TrainingJobCount()
	_, err = ds.CreateTrainingJob(t.Context(), newJobInput("mom-fraud-by-hdb", "mom-work-pass-fraud"))
	servertest.WantCode(t, err, "AccessDeniedException")
	_, err = ds.CreateTrainingJob(t.Context(), newJobInput("hdb-control-job", "hdb-resale-valuation"))
	if err != nil {
		t.Fatal(err) // control: the data scientist may create in its own project
	}
	_, err = client(t, env, "on-call").CreateTrainingJob(t.Context(), newJobInput("oncall-job-2", "hdb-resale-valuation"))
	servertest.WantCode(t, err, "AccessDeniedException")
	if got := env.World().TrainingJobCount(); got != before+1 {
		t.Errorf("%d jobs after one allowed and two denied creations, want %d", got, before+1)
	}

	raw := uncheckedClient(t, env, "lim-jia-hui")
	noRole := newJobInput("hdb-no-role", "hdb-resale-valuation")
	noRole.RoleArn = nil
	_, err = raw.CreateTrainingJob(t.Context(), noRole)
	if msg := servertest.WantCode(t, err, "ValidationException"); !strings.Contains(msg, "RoleArn") {
		t.Errorf("message %q does not name RoleArn", msg)
	}
	noPath := newJobInput("hdb-no-output", "hdb-resale-valuation")
	noPath.OutputDataConfig.S3OutputPath = nil
	_, err = raw.CreateTrainingJob(t.Context(), noPath)
	if msg := servertest.WantCode(t, err, "ValidationException"); !strings.Contains(msg, "S3OutputPath") {
		t.Errorf("message %q does not name S3OutputPath", msg)
	}
	badName := newJobInput("bad_name!", "hdb-resale-valuation")
	_, err = ds.CreateTrainingJob(t.Context(), badName)
	servertest.WantCode(t, err, "ValidationException")
	badMode := newJobInput("hdb-bad-mode", "hdb-resale-valuation")
	badMode.AlgorithmSpecification.TrainingInputMode = "Stream"
	_, err = ds.CreateTrainingJob(t.Context(), badMode)
	servertest.WantCode(t, err, "ValidationException")
}

func TestStopTrainingJob(t *testing.T) {
	env := sandboxtest.Start(t)
	w := env.World()
	mine := findJob(t, w, func(j world.TrainingJob, tags []world.Tag) bool {
		return j.TrainingJobStatus == world.TrainingInProgress && projectIs(tags, "hdb-resale-valuation")
	})
	theirs := findJob(t, w, func(j world.TrainingJob, tags []world.Tag) bool {
		return j.TrainingJobStatus == world.TrainingInProgress && projectIs(tags, "hdb-flat-demand")
	})
	ds := client(t, env, "lim-jia-hui")

	// Denied: another project's job, and on-call; nothing changes.
	_, err := ds.StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String(theirs.TrainingJobName)})
	servertest.WantCode(t, err, "AccessDeniedException")
	_, err = client(t, env, "on-call").StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String(mine.TrainingJobName)})
	servertest.WantCode(t, err, "AccessDeniedException")
	for _, name := range []string{mine.TrainingJobName, theirs.TrainingJobName} {
		if j, _ := w.TrainingJob(name); j.TrainingJobStatus != world.TrainingInProgress {
			t.Errorf("%s is %s after denied stops", name, j.TrainingJobStatus)
		}
	}

	if _, err := ds.StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String(mine.TrainingJobName)}); err != nil {
		t.Fatal(err)
	}
	in := &sm.DescribeTrainingJobInput{TrainingJobName: aws.String(mine.TrainingJobName)}
	d, err := ds.DescribeTrainingJob(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if d.TrainingJobStatus != types.TrainingJobStatusStopping {
		t.Fatalf("right after StopTrainingJob the job is %s, want Stopping", d.TrainingJobStatus)
	}
	for i := 0; i < 10 && d.TrainingJobStatus == types.TrainingJobStatusStopping; i++ {
		env.Clock.Advance(30 * time.Second)
		if d, err = ds.DescribeTrainingJob(t.Context(), in); err != nil {
			t.Fatal(err)
		}
	}
	if d.TrainingJobStatus != types.TrainingJobStatusStopped || d.SecondaryStatus != types.SecondaryStatusStopped || d.TrainingEndTime == nil {
		t.Errorf("after five minutes the job is %s/%s, end %v; want Stopped/Stopped with an end time", d.TrainingJobStatus, d.SecondaryStatus, d.TrainingEndTime)
	}

	_, err = ds.StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String(mine.TrainingJobName)})
	servertest.WantCode(t, err, "ValidationException")
	done := findJob(t, w, func(j world.TrainingJob, tags []world.Tag) bool {
		return j.TrainingJobStatus == world.TrainingCompleted && projectIs(tags, "hdb-resale-valuation")
	})
	_, err = ds.StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String(done.TrainingJobName)})
	if msg := servertest.WantCode(t, err, "ValidationException"); !strings.Contains(msg, "Completed") {
		t.Errorf("message %q does not say the job is Completed", msg)
	}
	_, err = ds.StopTrainingJob(t.Context(), &sm.StopTrainingJobInput{TrainingJobName: aws.String("no-such-job")})
	servertest.WantCode(t, err, "ResourceNotFound")
}
