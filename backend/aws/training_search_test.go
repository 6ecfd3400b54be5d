package aws_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// A Search filter's time is whole seconds: the bounds are rounded outward
// (since down, before up), so no job inside them is lost to the rounding,
// and visit learns which page is the last.
func TestSearchTrainingJobsWithTagBoundsByWholeSeconds(t *testing.T) {
	f := awsfake.New(t0)
	at := t0.Add(-24 * time.Hour)
	tag := map[string]string{"sagemaker:project-name": "hdb-resale"}
	for i, created := range []time.Time{at.Add(-time.Second), at, at.Add(400 * time.Millisecond), at.Add(time.Second)} {
		f.AddJobs(awsfake.Job{Name: fmt.Sprintf("job-%d", i), Status: domain.JobCompleted, Created: created, Tags: tag})
	}
	f.AddJobs(awsfake.Job{Name: "untagged", Status: domain.JobCompleted, Created: at})
	for _, tc := range []struct {
		since, before time.Time
		want          []string
	}{
		{time.Time{}, at.Add(200 * time.Millisecond), []string{"job-2", "job-1", "job-0"}}, // before rounds up to at+1s
		{time.Time{}, at, []string{"job-0"}},
		{at.Add(400 * time.Millisecond), time.Time{}, []string{"job-3", "job-2", "job-1"}}, // since rounds down to at
		{at, at.Add(time.Second), []string{"job-2", "job-1"}},
	} {
		var got []string
		lasts := 0
		err := f.AWS().SearchTrainingJobsWithTag(context.Background(), "sagemaker:project-name", tc.since, tc.before,
			func(page []domain.TrainingJob, last bool) bool {
				for _, j := range page {
					got = append(got, j.Name)
				}
				if last {
					lasts++
				}
				return true
			})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tc.want) || lasts != 1 {
			t.Errorf("since %v before %v: %v (%d last pages), want %v and one last page", tc.since, tc.before, got, lasts, tc.want)
		}
	}
}
