package backend

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/agdash/agdash/backend/aws/awsfake"
	"github.com/agdash/agdash/backend/domain"
)

// checkProjects fails if a job in d says a project that is not its own
// (want), or if a job whose project is not known yet was created after
// d.ProjectsUnknownUntil, the time after which d says every job's project
// is known. It returns how many jobs' projects are not known yet.
func checkProjects(t *testing.T, d TrainingJobsData, want map[string]string) (unknown int) {
	t.Helper()
	for _, j := range d.Jobs {
		if !j.ProjectKnown() {
			if j.Project() != "" {
				t.Fatalf("%s: project %q, yet not known", j.Name(), j.Project())
			}
			if d.ProjectsUnknownUntil.IsZero() || j.CreatedAt().After(d.ProjectsUnknownUntil) {
				t.Fatalf("%s (created %v) has no known project, yet the delivery says every job's after %v is known",
					j.Name(), j.CreatedAt(), d.ProjectsUnknownUntil)
			}
			unknown++
			continue
		}
		if j.Project() != want[j.Name()] {
			t.Fatalf("%s: project %q, want %q", j.Name(), j.Project(), want[j.Name()])
		}
	}
	return unknown
}

// projectsOf is each fake job's project tag, "" for none.
func projectsOf(jobs []awsfake.Job) map[string]string {
	out := map[string]string{}
	for _, j := range jobs {
		out[j.Name] = j.Tags["sagemaker:project-name"]
	}
	return out
}

// Jobs older than the month get their projects from the history search,
// five Search pages a poll, whether it runs ahead of the list's backfill or
// behind it; until it has been through a job's time, the job's project is
// not known (and the delivery says up to when), never "none". Once done it
// costs nothing.
func TestHistorySearchGivesOlderJobsTheirProjectsAndThenCostsNothing(t *testing.T) {
	f := bigAccount() // 9,460 of the 10,003 jobs are older than the month, 946 of them tagged
	var all []awsfake.Job
	for i := 1; i <= 10000; i++ {
		j := awsfake.Job{Name: fmt.Sprintf("hdb-resale-%05d", i)}
		if i%10 == 0 {
			j.Tags = map[string]string{"sagemaker:project-name": "hdb-resale"}
		}
		all = append(all, j)
	}
	for _, name := range []string{"run-a", "run-b", "run-old"} {
		all = append(all, awsfake.Job{Name: name, Tags: map[string]string{"sagemaker:project-name": "hdb-resale"}})
	}
	want := projectsOf(all)
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()

	month := monthStart(t0)
	d := next(t, c, jobsKey).Data.(TrainingJobsData)
	if !d.ProjectsUnknownUntil.Equal(month) {
		t.Fatalf("first delivery: projects unknown until %v, want the month's start %v", d.ProjectsUnknownUntil, month)
	}
	// The first poll lists 5,000 jobs: 542 of the month, known from the
	// month's search, and 4,458 older ones, not known yet.
	if unknown := checkProjects(t, d, want); unknown != 5000-542 {
		t.Fatalf("first delivery: %d jobs' projects unknown, want the 4,458 older ones", unknown)
	}
	if j := jobNamed(d.Jobs, "hdb-resale-00600"); j.ProjectKnown() || j.Project() != "" {
		t.Fatalf("an older tagged job before the history search: known %v, project %q; want not known", j.ProjectKnown(), j.Project())
	}

	// 947 tagged older jobs (run-old among them, 20 days old, which the
	// list reaches last) are 10 pages: two polls of five. The second poll
	// reads again the job of the second the first stopped at.
	var searches []int64
	for poll := 2; poll <= 5; poll++ {
		calls := delta(f, func() { d = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData) })
		searches = append(searches, calls["sagemaker:Search"])
		checkProjects(t, d, want)
	}
	if !slices.Equal(searches, []int64{historyPagesPerPoll, historyPagesPerPoll, 0, 0}) {
		t.Fatalf("Search calls in polls 2 to 5 = %v, want %d, %d, then none", searches, historyPagesPerPoll, historyPagesPerPoll)
	}
	if d.Loading || !d.ProjectsUnknownUntil.IsZero() || len(d.Jobs) != 10003 {
		t.Fatalf("after five polls: %d jobs, loading %v, projects unknown until %v; want all in and known", len(d.Jobs), d.Loading, d.ProjectsUnknownUntil)
	}
	if unknown := checkProjects(t, d, want); unknown != 0 {
		t.Fatalf("%d jobs' projects still unknown", unknown)
	}
	// Search's record of an older finished job fills in what the list
	// does not say: instances and billable time.
	if j := jobNamed(d.Jobs, "hdb-resale-09000"); !j.Detailed() || j.InstanceType() != "ml.m5.xlarge" || j.BillableSeconds() != 19*60 {
		t.Fatalf("older tagged job = %s ×%d billable %ds, detailed %v; want Search's record", j.InstanceType(), j.InstanceCount(), j.BillableSeconds(), j.Detailed())
	}
	if j := jobNamed(d.Jobs, "hdb-resale-09001"); !j.ProjectKnown() || j.Project() != "" {
		t.Fatalf("older untagged job: known %v, project %q; want known to have none", j.ProjectKnown(), j.Project())
	}

	calls := delta(f, func() {
		for range 12 {
			step(t, c, clock, f, jobsKey, 5*time.Second)
		}
	})
	if calls["sagemaker:Search"] != 0 || calls["sagemaker:ListTags"] != 0 {
		t.Fatalf("a minute after the history search was done cost %v; want no Search and no ListTags", calls)
	}
}

// Search filters by whole seconds, and many jobs may share one creation
// time: the history search loses none of them at a page's or a poll's
// edge, marks the untagged ones of a shared second as having no project,
// and gets past a second holding more jobs than a poll's share of pages.
func TestHistorySearchLosesNoJobSharingACreationTime(t *testing.T) {
	f := awsfake.New(t0)
	tag := map[string]string{"sagemaker:project-name": "hdb-resale"}
	var jobs []awsfake.Job
	add := func(name string, created time.Time, tags map[string]string) {
		jobs = append(jobs, awsfake.Job{Name: name, Status: domain.JobCompleted, SecondaryStatus: "Completed",
			Created: created, Ended: created.Add(time.Hour), Tags: tags})
	}
	for i := range 3 { // this month's: the month's search
		add(fmt.Sprintf("month-%d", i), t0.Add(-time.Duration(i+1)*time.Hour), tag)
	}
	// Newest first, the history search meets: 480 tagged jobs a minute
	// apart; 40 of one second at 400 ms past it, across the first poll's
	// end (the 500th job); 230 tagged and 20 untagged at the start of that
	// second; 200 a minute apart; a burst of 650 in one instant, more than
	// a poll's 5 pages; 120 a minute apart. Untagged jobs every 7 minutes
	// among them.
	top := time.Date(2025, 2, 28, 12, 0, 0, 0, time.UTC)
	for i := range 480 {
		add(fmt.Sprintf("recent-%03d", i), top.Add(-time.Duration(i)*time.Minute), tag)
	}
	tie := top.Add(-480 * time.Minute).Truncate(time.Second)
	for i := range 40 {
		add(fmt.Sprintf("tie-ms-%02d", i), tie.Add(400*time.Millisecond), tag)
	}
	for i := range 230 {
		add(fmt.Sprintf("tie-%03d", i), tie, tag)
	}
	for i := range 20 {
		add(fmt.Sprintf("tie-untagged-%02d", i), tie, nil)
	}
	for i := range 200 {
		add(fmt.Sprintf("mid-%03d", i), tie.Add(-time.Duration(i+1)*time.Minute), tag)
	}
	burst := tie.Add(-300 * time.Minute)
	for i := range 650 {
		add(fmt.Sprintf("burst-%03d", i), burst, tag)
	}
	for i := range 120 {
		add(fmt.Sprintf("old-%03d", i), burst.Add(-time.Duration(i+1)*time.Minute), tag)
	}
	for at := top; at.After(burst.Add(-130 * time.Minute)); at = at.Add(-7 * time.Minute) {
		add("untagged-"+at.Format("0102-1504"), at.Add(-30*time.Second), nil)
	}
	f.AddJobs(jobs...)
	want := projectsOf(jobs)
	c, clock := newTestClient(t, f, Options{})
	defer c.Subscribe(jobsKey)()
	d := next(t, c, jobsKey).Data.(TrainingJobsData)
	if d.Loading || len(d.Jobs) != len(jobs) {
		t.Fatalf("first delivery: %d of %d jobs, loading %v", len(d.Jobs), len(jobs), d.Loading)
	}
	checkProjects(t, d, want)

	// Poll 2: five pages, ending among the 40 jobs of 400 ms. Poll 3: from
	// that second again, five pages, ending in the burst. Poll 4: the
	// burst's 650 jobs and a page past them, 7 pages. Poll 5: the last.
	var searches []int64
	for range 6 {
		calls := delta(f, func() { d = step(t, c, clock, f, jobsKey, 5*time.Second).Data.(TrainingJobsData) })
		searches = append(searches, calls["sagemaker:Search"])
		checkProjects(t, d, want)
	}
	if !slices.Equal(searches, []int64{5, 5, 7, 1, 0, 0}) {
		t.Fatalf("Search calls in polls 2 to 7 = %v, want 5, 5, 7 (the burst), 1, then none", searches)
	}
	if unknown := checkProjects(t, d, want); unknown != 0 || !d.ProjectsUnknownUntil.IsZero() {
		t.Fatalf("%d jobs' projects unknown, projects unknown until %v; want every one known", unknown, d.ProjectsUnknownUntil)
	}
	for _, name := range []string{"tie-ms-39", "tie-229", "burst-649", "old-119"} {
		if j := jobNamed(d.Jobs, name); j.Project() != "hdb-resale" {
			t.Fatalf("%s: project %q, want hdb-resale", name, j.Project())
		}
	}
	if j := jobNamed(d.Jobs, "tie-untagged-00"); !j.ProjectKnown() || j.Project() != "" {
		t.Fatalf("untagged job of the shared second: known %v, project %q; want known to have none", j.ProjectKnown(), j.Project())
	}
}
