package world_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

func hdbJobInput(t *testing.T, w *world.World, name string) world.CreateTrainingJobInput {
	t.Helper()
	page, err := w.TrainingJobs(world.TrainingJobQuery{NameContains: "hdb-resale-ranger", StatusEquals: world.TrainingCompleted, MaxResults: 1})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("no template job: %v", err)
	}
	j, err := w.TrainingJob(page.Items[0].TrainingJobName)
	if err != nil {
		t.Fatal(err)
	}
	return world.CreateTrainingJobInput{TrainingJobName: name, TrainingJobSpec: j.TrainingJobSpec}
}

func TestTrainingJobRunsThroughItsStatusesAndLogs(t *testing.T) {
	w, c := newWorld(t, 1)
	in := hdbJobInput(t, w, "hdb-resale-ranger-test-1")
	arn, err := w.CreateTrainingJob(in)
	if err != nil {
		t.Fatal(err)
	}
	if arn != "arn:aws:sagemaker:ap-southeast-1:318224574112:training-job/hdb-resale-ranger-test-1" {
		t.Errorf("arn %s", arn)
	}
	var inUse world.ErrInUse
	if _, err := w.CreateTrainingJob(in); !errors.As(err, &inUse) {
		t.Errorf("a second job with the same name: %v", err)
	}
	seen := []string{}
	var token string
	var lines []string
	for i := 0; i < 24*60; i++ {
		j, err := w.TrainingJob(in.TrainingJobName)
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) == 0 || seen[len(seen)-1] != j.SecondaryStatus {
			seen = append(seen, j.SecondaryStatus)
		}
		if j.TrainingStartTime.IsZero() == false {
			page, err := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: in.TrainingJobName + "/"})
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Streams) == 1 {
				ev, err := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: page.Streams[0].LogStreamName, Token: token, StartFromHead: true})
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range ev.Events {
					lines = append(lines, e.Message)
				}
				if len(ev.Events) == 0 && token != "" && ev.NextForwardToken != token {
					t.Fatalf("an empty read moved the token from %s to %s", token, ev.NextForwardToken)
				}
				token = ev.NextForwardToken
			}
		}
		if j.TrainingJobStatus == world.TrainingCompleted {
			if j.TrainingEndTime.IsZero() || j.BillableTimeInSeconds <= 0 || j.ModelArtifacts.S3ModelArtifacts == "" || len(j.FinalMetricDataList) == 0 {
				t.Errorf("completed job lacks end time, billing, artefacts or metrics: %+v", j)
			}
			break
		}
		c.Advance(time.Minute)
	}
	want := []string{"Starting", "Downloading", "Training", "Uploading", "Completed"}
	if strings.Join(seen, ",") != strings.Join(want, ",") {
		t.Errorf("secondary statuses %v, want %v", seen, want)
	}
	// The tail read every line exactly once, in order.
	page, _ := w.LogStreams(world.LogStreamQuery{Group: world.TrainingLogGroup, Prefix: in.TrainingJobName + "/"})
	all, _ := w.LogEvents(world.LogEventsQuery{Group: world.TrainingLogGroup, Stream: page.Streams[0].LogStreamName, StartFromHead: true})
	if len(all.Events) < 30 || len(all.Events) != len(lines) {
		t.Fatalf("tail read %d lines, the stream has %d", len(lines), len(all.Events))
	}
	for i, e := range all.Events {
		if lines[i] != e.Message {
			t.Fatalf("line %d: tail read %q, stream has %q", i, lines[i], e.Message)
		}
	}
	if !strings.Contains(strings.Join(lines, "\n"), "validation:rmse=") {
		t.Error("logs carry no metric lines")
	}
	// Metrics were emitted during training.
	j, _ := w.TrainingJob(in.TrainingJobName)
	ts, vs, err := w.MetricData(world.NamespaceTraining, "validation:rmse", map[string]string{"Host": in.TrainingJobName + "/algo-1"}, "Average", time.Minute, j.CreationTime, j.TrainingEndTime.Add(time.Minute))
	if err != nil || len(ts) < 5 {
		t.Fatalf("validation:rmse has %d points (%v)", len(ts), err)
	}
	if vs[0] <= vs[len(vs)-1] {
		t.Errorf("validation:rmse did not fall: %v ... %v", vs[0], vs[len(vs)-1])
	}
}

func TestStopTrainingJob(t *testing.T) {
	w, c := newWorld(t, 1)
	in := hdbJobInput(t, w, "hdb-resale-ranger-stop-me")
	if _, err := w.CreateTrainingJob(in); err != nil {
		t.Fatal(err)
	}
	c.Advance(8 * time.Minute)
	if err := w.StopTrainingJob(in.TrainingJobName); err != nil {
		t.Fatal(err)
	}
	j, _ := w.TrainingJob(in.TrainingJobName)
	if j.TrainingJobStatus != world.TrainingStopping || j.SecondaryStatus != "Stopping" {
		t.Errorf("after stop: %s / %s", j.TrainingJobStatus, j.SecondaryStatus)
	}
	until(t, w, c, 10*time.Minute, func() bool {
		j, _ := w.TrainingJob(in.TrainingJobName)
		return j.TrainingJobStatus == world.TrainingStopped
	})
	j, _ = w.TrainingJob(in.TrainingJobName)
	last := j.SecondaryStatusTransitions[len(j.SecondaryStatusTransitions)-1]
	if last.Status != "Stopped" || j.SecondaryStatusTransitions[len(j.SecondaryStatusTransitions)-2].Status != "Stopping" {
		t.Errorf("transitions %+v", j.SecondaryStatusTransitions)
	}
	wantValidation(t, w.StopTrainingJob(in.TrainingJobName))
	var nf world.ErrNotFound
	if err := w.StopTrainingJob("no-such-job"); !errors.As(err, &nf) || nf.Kind != "TrainingJob" {
		t.Errorf("stopping a missing job: %v", err)
	}
}

func TestCreateTrainingJobRejectsBadInput(t *testing.T) {
	w, _ := newWorld(t, 1)
	in := hdbJobInput(t, w, "bad_name!")
	_, err := w.CreateTrainingJob(in)
	wantValidation(t, err)
	in = hdbJobInput(t, w, "ok-name")
	in.ResourceConfig.InstanceType = "m5.large"
	_, err = w.CreateTrainingJob(in)
	wantValidation(t, err)
}

func TestTrainingJobPagesCoverEveryJobOnce(t *testing.T) {
	w, c := newWorld(t, 3)
	total := w.TrainingJobCount()
	for _, order := range []world.SortOrder{world.Descending, world.Ascending} {
		for _, by := range []string{"CreationTime", "Name"} {
			seen := map[string]bool{}
			q := world.TrainingJobQuery{SortBy: by, SortOrder: order, MaxResults: 37}
			var prev world.TrainingJobSummary
			for pages := 0; ; pages++ {
				page, err := w.TrainingJobs(q)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range page.Items {
					if seen[s.TrainingJobName] {
						t.Fatalf("%s %s: %s listed twice", by, order, s.TrainingJobName)
					}
					seen[s.TrainingJobName] = true
					if by == "CreationTime" && prev.TrainingJobName != "" {
						if (order == world.Descending && s.CreationTime.After(prev.CreationTime)) || (order == world.Ascending && s.CreationTime.Before(prev.CreationTime)) {
							t.Fatalf("%s out of order after %s", s.TrainingJobName, prev.TrainingJobName)
						}
					}
					prev = s
				}
				if pages == 2 && by == "CreationTime" && order == world.Ascending {
					// A job created between pages must not shift later pages.
					c.Advance(time.Second)
					if _, err := w.CreateTrainingJob(hdbJobInput(t, w, "between-pages")); err != nil {
						t.Fatal(err)
					}
					total++
				}
				if page.Next == "" {
					break
				}
				q.After = page.Next
			}
			if len(seen) != total && !(len(seen) == total-1 && !seen["between-pages"]) {
				t.Errorf("%s %s: listed %d of %d jobs", by, order, len(seen), total)
			}
		}
	}
}
