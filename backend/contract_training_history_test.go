package backend

import (
	"maps"
	"sort"
	"testing"

	"github.com/agdash/agdash/backend/sandbox"
	"github.com/agdash/agdash/backend/sandbox/sandboxtest"
)

// Jobs created before the month get the project the world tags them
// with, through the history search, at most historyPagesPerPoll Search
// calls a poll and none once it is done; a job whose tag was removed is
// known to have none; and a list scoped to the featured project holds its
// jobs from before the month.
func TestSandboxOlderJobsGetTheWorldsProjectsFromTheHistorySearch(t *testing.T) {
	env := sandboxtest.Start(t, func(o *sandbox.Options) { o.Scale = 5 })
	w := env.World()
	month := monthStart(env.Now())
	// Every job of the default world carries a project; a few older ones
	// lose theirs, as when someone removes the tag.
	older := 0
	for _, s := range worldJobs(t, w) {
		if !s.CreationTime.Before(month) {
			continue
		}
		if older%50 == 7 {
			if err := w.DeleteTags(s.TrainingJobArn, []string{"sagemaker:project-name"}); err != nil {
				t.Fatal(err)
			}
		}
		older++
	}
	want := map[string]string{}
	olderTagged, olderUntagged, featuredOlder := 0, 0, 0
	for _, s := range worldJobs(t, w) {
		tags, err := w.Tags(s.TrainingJobArn)
		if err != nil {
			t.Fatal(err)
		}
		p := tagMap(tags)["sagemaker:project-name"]
		want[s.TrainingJobName] = p
		if s.CreationTime.Before(month) {
			switch {
			case p == "":
				olderUntagged++
			case p == "hdb-resale-valuation":
				featuredOlder++
				olderTagged++
			default:
				olderTagged++
			}
		}
	}
	if olderTagged < 1000 || olderUntagged < 10 || featuredOlder < 100 {
		t.Fatalf("the world has %d tagged and %d untagged jobs before the month, %d of them hdb-resale-valuation's; the test needs more",
			olderTagged, olderUntagged, featuredOlder)
	}

	s := clientOn(t, env, "data-scientist", Options{})
	defer s.c.Subscribe(jobsKey)()
	d := s.settled(t, jobsKey).Data.(TrainingJobsData)
	if d.Loading || len(d.Jobs) != len(want) || !d.ProjectsUnknownUntil.Equal(month) {
		t.Fatalf("first delivery: %d of %d jobs (loading %v), projects unknown until %v; want all listed, projects unknown before %v",
			len(d.Jobs), len(want), d.Loading, d.ProjectsUnknownUntil, month)
	}
	if unknown := checkProjects(t, d, want); unknown < olderTagged {
		t.Fatalf("first delivery: %d jobs' projects unknown, want at least the %d tagged older ones", unknown, olderTagged)
	}

	// The world stands still (only the poll clock moves), so that every
	// Search is the history search's: no new job needs one.
	var searches []int64
	for poll := 2; !d.ProjectsUnknownUntil.IsZero() && poll <= 20; poll++ {
		clientBefore, serverBefore := maps.Clone(s.c.Calls().ByOp), env.Server().Calls()
		idle(t, s.clock, 1)
		s.clock.Advance(DefaultIntervals().RunningJobs)
		d = s.settled(t, jobsKey).Data.(TrainingJobsData)
		client, server := clientCalls(s.c, clientBefore), serverCalls(env, serverBefore)
		if client["sagemaker:Search"] != server["sagemaker:Search"] {
			t.Fatalf("poll %d: the client counted %d Search calls, the sandbox answered %d", poll, client["sagemaker:Search"], server["sagemaker:Search"])
		}
		searches = append(searches, client["sagemaker:Search"])
		checkProjects(t, d, want)
	}
	if !d.ProjectsUnknownUntil.IsZero() {
		t.Fatalf("the history search is not done after 20 polls (Search calls %v)", searches)
	}
	// 1,500-odd tagged jobs are 16 pages or so: full polls of
	// historyPagesPerPoll, then the rest.
	pages := int64(0)
	for i, n := range searches {
		if n > historyPagesPerPoll || (i < len(searches)-1 && n != historyPagesPerPoll) || n == 0 {
			t.Fatalf("Search calls per poll = %v; want %d a poll until the last", searches, historyPagesPerPoll)
		}
		pages += n
	}
	if min := int64(olderTagged+99) / 100; pages < min || pages > min+int64(len(searches)) {
		t.Fatalf("the history search took %d pages for %d tagged jobs; want %d, plus at most one a poll for the second it reads again", pages, olderTagged, min)
	}
	if unknown := checkProjects(t, d, want); unknown != 0 {
		t.Fatalf("%d jobs' projects still unknown", unknown)
	}
	// Search's record of an older finished job gives its instances and
	// billable time too.
	checked := 0
	for _, j := range d.Jobs {
		if !j.CreatedAt().Before(month) || j.Project() == "" || j.Running() {
			continue
		}
		wj, err := w.TrainingJob(j.Name())
		if err != nil {
			t.Fatal(err)
		}
		if !j.Detailed() || j.InstanceType() != wj.ResourceConfig.InstanceType || j.InstanceCount() != int(wj.ResourceConfig.InstanceCount) ||
			j.BillableSeconds() != int64(wj.BillableTimeInSeconds) || !sameTime(j.StartedAt(), wj.TrainingStartTime) {
			t.Fatalf("%s = %s ×%d billable %ds started %v; want the world's %s ×%d billable %ds started %v", j.Name(), j.InstanceType(),
				j.InstanceCount(), j.BillableSeconds(), j.StartedAt(), wj.ResourceConfig.InstanceType, wj.ResourceConfig.InstanceCount,
				wj.BillableTimeInSeconds, wj.TrainingStartTime)
		}
		checked++
	}
	if checked < 1000 {
		t.Fatalf("checked %d older finished jobs' records, want the tagged ones", checked)
	}

	// What the jobs pane shows under :project hdb-resale-valuation: every
	// job the world tags so, the older ones included.
	var scoped, wantScoped []string
	for _, j := range d.Jobs {
		if j.Project() == "hdb-resale-valuation" {
			scoped = append(scoped, j.Name())
		}
	}
	for name, p := range want {
		if p == "hdb-resale-valuation" {
			wantScoped = append(wantScoped, name)
		}
	}
	sort.Strings(scoped)
	sort.Strings(wantScoped)
	if len(scoped) != len(wantScoped) || len(scoped) < featuredOlder {
		t.Fatalf("scoped to hdb-resale-valuation: %d jobs, want the world's %d (%d of them before the month)", len(scoped), len(wantScoped), featuredOlder)
	}
	for i := range scoped {
		if scoped[i] != wantScoped[i] {
			t.Fatalf("scoped list has %s where the world has %s", scoped[i], wantScoped[i])
		}
	}

	// Done: a minute of polls makes no Search.
	clientBefore := maps.Clone(s.c.Calls().ByOp)
	for range 12 {
		idle(t, s.clock, 1)
		s.clock.Advance(DefaultIntervals().RunningJobs)
		s.settled(t, jobsKey)
	}
	if n := clientCalls(s.c, clientBefore)["sagemaker:Search"]; n != 0 {
		t.Fatalf("a minute after the history search was done made %d Search calls, want none", n)
	}
}
