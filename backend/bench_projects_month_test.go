package backend

import (
	"fmt"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// BenchmarkProjectsUsageOfAMonth is the part of every projects poll that
// grows with the account: picking this month's and the running jobs out
// of the training index, and counting each project's usage and findings
// from them, at 16,000 jobs this month (a busy agency's month at 100,000
// jobs in all) and 20 running. Its B/op is garbage made on every poll.
//
//	go test -run '^$' -bench ProjectsUsageOfAMonth -benchmem ./backend/
func BenchmarkProjectsUsageOfAMonth(b *testing.B) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	started := monthStart(now)
	idx := newTrainingIndex(nil, domain.TagKeys{}, func() time.Time { return now }, func() time.Time { return now }, DefaultIntervals())
	projects := []domain.Project{
		{Name: "hdb-resale-valuation", Limits: domain.InstanceLimits{Training: []string{"ml.m5.xlarge"}}},
		{Name: "mom-work-pass-fraud", Limits: domain.InstanceLimits{Training: []string{"ml.m5.2xlarge"}}},
	}
	for i := range 16000 {
		j := domain.TrainingJob{
			Name:    fmt.Sprintf("%s-%05d", projects[i%2].Name, i),
			ARN:     fmt.Sprintf("arn:aws:sagemaker:ap-southeast-1:123456789012:training-job/%s-%05d", projects[i%2].Name, i),
			Status:  domain.JobCompleted,
			Project: projects[i%2].Name, InstanceType: "ml.m5.xlarge", InstanceCount: 1,
			CreatedAt: started.Add(time.Duration(i) * time.Minute), TrainingSeconds: 1800,
		}
		j.EndedAt = j.CreatedAt.Add(40 * time.Minute)
		if i < 20 {
			j.Status, j.EndedAt, j.InstanceType = domain.JobInProgress, time.Time{}, "ml.p3.2xlarge"
		}
		e := idx.addLocked(j.Summary(), true)
		if i%4 == 0 { // opened in this session: known in full
			e.details().full = &j
		}
	}
	var findings []domain.Finding
	var annotated []domain.Project
	b.ReportAllocs()
	for b.Loop() {
		jobs := idx.selected(func(j domain.TrainingJobSummary) bool { return j.Running() || !j.CreatedAt().Before(started) })
		annotated, findings = annotateProjects(projects, nil, jobs, nil, nil, nil, now)
	}
	if len(findings) != 20 || annotated[0].Usage.RunningJobs != 10 {
		b.Fatalf("%d findings and %d running jobs in %s; want 20 and 10", len(findings), annotated[0].Usage.RunningJobs, annotated[0].Name)
	}
}
