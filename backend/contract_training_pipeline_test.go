package backend

import (
	"testing"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// A job a pipeline step started leads back to that execution: through the
// tag SageMaker Pipelines puts on it (DescribeTrainingJob does not say), in
// the list for this month's jobs and in the job's own view for any job.
func TestSandboxPipelineJobsLeadToTheirExecution(t *testing.T) {
	s := onNewSandbox(t, "data-scientist")
	w := s.env.World()
	month := monthStart(s.env.Now())
	want := map[string]string{} // job name → execution ARN, this month's
	var oldest world.TrainingJob
	for _, ws := range worldJobs(t, w) {
		j, err := w.TrainingJob(ws.TrainingJobName)
		if err != nil {
			t.Fatal(err)
		}
		if j.PipelineExecutionArn == "" {
			continue
		}
		if !ws.CreationTime.Before(month) {
			want[j.TrainingJobName] = j.PipelineExecutionArn
		}
		oldest = j
	}
	if len(want) == 0 || oldest.TrainingJobName == "" {
		t.Fatal("the world ran no pipeline this month: the check proves nothing")
	}

	defer s.c.Subscribe(jobsKey)()
	d := s.settled(t, jobsKey).Data.(TrainingJobsData)
	for _, j := range d.Jobs {
		arn, fromPipeline := want[j.Name()]
		if !j.CreatedAt().Before(month) && j.PipelineExecutionARN() != arn {
			t.Errorf("%s lists pipeline execution %q, want %q (pipeline job: %v)", j.Name(), j.PipelineExecutionARN(), arn, fromPipeline)
		}
	}

	key := FeedKey{Kind: FeedTrainingJob, Arg: oldest.TrainingJobName}
	defer s.c.Subscribe(key)()
	if got := s.settled(t, key).Data.(TrainingJobData).Job.PipelineExecutionARN; got != oldest.PipelineExecutionArn {
		t.Fatalf("opened %s (created %v) leads to %q, want %q", oldest.TrainingJobName, oldest.CreationTime, got, oldest.PipelineExecutionArn)
	}
}
