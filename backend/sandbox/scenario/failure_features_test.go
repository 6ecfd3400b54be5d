package scenario

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/sandbox/world"
)

// missingColumn reads the column a Python training script did not find.
var missingColumn = regexp.MustCompile(`KeyError: '([^']+)'`)

// failureReasons are the failure reasons of every Failed training job, by
// the job's project ("" for none).
func failureReasons(t *testing.T, w *world.World) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	q := world.TrainingJobQuery{StatusEquals: world.TrainingFailed}
	for {
		page, err := w.TrainingJobs(q)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range page.Items {
			j, err := w.TrainingJob(s.TrainingJobName)
			if err != nil {
				t.Fatal(err)
			}
			project, _ := world.TagValue(j.Tags, "sagemaker:project-name")
			out[project] = append(out[project], j.FailureReason)
		}
		if page.Next == "" {
			return out
		}
		q.After = page.Next
	}
}

// A job that fails on a missing column names one its own project reads:
// the HDB demand model fails on a town or flat-type column, never on a
// work pass's.
func TestFailedJobsMissOneOfTheirOwnProjectsFeatures(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	features := map[string][]string{}
	for _, p := range s.Projects {
		features[p.Name] = p.Features
	}
	res, err := Generate(s, Options{Seed: 7, Scale: 2, Start: testStart, Clock: world.NewManualClock(testStart)})
	if err != nil {
		t.Fatal(err)
	}
	named := map[string]int{}
	for project, reasons := range failureReasons(t, res.World) {
		for _, r := range reasons {
			m := missingColumn.FindStringSubmatch(r)
			if m == nil {
				continue
			}
			if !slices.Contains(features[project], m[1]) {
				t.Errorf("a job of %q misses %q, not one of its features %v:\n%s", project, m[1], features[project], r)
			}
			named[project]++
		}
	}
	if len(named) < 3 {
		t.Errorf("jobs of %d projects fail on a missing column (%v), want at least 3 to see each name its own", len(named), named)
	}
}

// A job of no known project fails for other reasons than a missing
// column: there is no list of its columns to name one from.
func TestJobsOfNoProjectNameNoMissingColumn(t *testing.T) {
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	clock := world.NewManualClock(testStart)
	always := 1.0
	res, err := Generate(s, Options{Seed: 7, Start: testStart, Clock: clock, NewJobFailureRate: &always})
	if err != nil {
		t.Fatal(err)
	}
	w := res.World
	page, err := w.TrainingJobs(world.TrainingJobQuery{NameContains: "mom-fraud-xgb", StatusEquals: world.TrainingCompleted, MaxResults: 1})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("no job to copy: %v", err)
	}
	tmpl, err := w.TrainingJob(page.Items[0].TrainingJobName)
	if err != nil {
		t.Fatal(err)
	}
	spec := tmpl.TrainingJobSpec
	spec.Tags = nil
	spec.ExperimentConfig = world.ExperimentConfig{}
	spec.AlgorithmSpecification.TrainingImage = "318224574112.dkr.ecr.ap-southeast-1.amazonaws.com/scratch-sklearn:latest"
	const jobs = 30
	for i := range jobs {
		if _, err := w.CreateTrainingJob(world.CreateTrainingJobInput{TrainingJobName: fmt.Sprintf("scratch-%02d", i), TrainingJobSpec: spec}); err != nil {
			t.Fatal(err)
		}
	}
	clock.Advance(12 * time.Hour)
	failed := 0
	for i := range jobs {
		j, err := w.TrainingJob(fmt.Sprintf("scratch-%02d", i))
		if err != nil {
			t.Fatal(err)
		}
		if j.TrainingJobStatus != world.TrainingFailed {
			continue
		}
		failed++
		if strings.Contains(j.FailureReason, "KeyError") || strings.Contains(j.FailureReason, "{feature}") {
			t.Errorf("%s, of no project, names a missing column: %s", j.TrainingJobName, j.FailureReason)
		}
	}
	if failed < jobs/2 {
		t.Fatalf("only %d of %d jobs failed with every new job set to fail", failed, jobs)
	}
}
