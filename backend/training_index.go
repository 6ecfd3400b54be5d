package backend

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// Paging limits of the training job list.
const (
	// backfillPagesPerPoll bounds how far one poll pages into jobs never
	// seen: the first poll shows the newest 5,000 at once, and an account
	// of 100,000 jobs fills in over a few polls instead of one long wait.
	backfillPagesPerPoll = 50
	// searchLag is how long a new job may be missing from Search's index.
	searchLag = 5 * time.Minute
	// youngTagReads bounds the ListTags calls for new jobs that Search has
	// not indexed yet; beyond it they wait to be old enough for Search.
	youngTagReads = 20
	// maxDescribesPerPoll bounds the running jobs one poll describes: at
	// SageMaker's pace of a few calls a second, more would stretch the poll.
	maxDescribesPerPoll = 40
)

// trainingIndex is the session's knowledge of training jobs, built to keep
// SageMaker calls flat however many jobs the account holds:
//
//   - The list pages newest first and stops at the first page that holds a
//     job already known, finished and unchanged (jobs never seen further
//     down are paged in by a bounded backfill). In steady state that is one
//     ListTrainingJobs per list interval.
//   - Running jobs are described every RunningJobs interval; a job that
//     finishes is described once more and then never again.
//   - A job's project is its sagemaker:project-name tag. ListTags per job
//     would cost one call per job (10,000 at first load), so instead one
//     Search for jobs carrying the tag, created since the start of the month
//     (as far back as usage is counted), answers for a hundred jobs per call,
//     and returns finished jobs in full so they need no describe. Later
//     searches run only when the list shows new jobs, and cover only them;
//     a running job's record also stands in for its first describe;
//     a new job younger than Search's indexing lag that Search did not
//     return gets one ListTags (tags are set when a job is created). Running
//     jobs older than the month get one ListTags each, once.
type trainingIndex struct {
	acct    *aws.Account
	tags    domain.TagKeys
	pollNow func() time.Time
	dataNow func() time.Time
	iv      Intervals

	mu            sync.Mutex
	jobs          map[string]*jobEntry
	listedAt      time.Time
	started       bool
	backfillToken string
	complete      bool
	searched      bool
	unresolved    map[string]bool // jobs of this month whose project is not known yet
	missing       map[string]bool // names SageMaker says do not exist
}

type jobEntry struct {
	job          domain.TrainingJob
	describedAt  time.Time // poll clock; zero if never described
	final        bool      // finished and known in full: never described again
	projectKnown bool

	metrics     []string // CloudWatch metric names of its hosts, once listed
	metricsRead bool
	curves      []domain.Series
	curvesAt    time.Time
	curvesFinal bool
}

func newTrainingIndex(acct *aws.Account, tags domain.TagKeys, pollNow, dataNow func() time.Time, iv Intervals) *trainingIndex {
	return &trainingIndex{
		acct: acct, tags: tags, pollNow: pollNow, dataNow: dataNow, iv: iv,
		jobs: map[string]*jobEntry{}, unresolved: map[string]bool{}, missing: map[string]bool{},
	}
}

// isDue reports whether something last done at last should be done again
// after every; a tenth of slack absorbs timer jitter.
func isDue(now, last time.Time, every time.Duration) bool {
	return last.IsZero() || now.Sub(last) >= every-every/10
}

// sync brings the index up to date: the list when due (and list is true),
// project tags of new jobs, and a describe of every running job that is due.
func (t *trainingIndex) sync(ctx context.Context, list bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.pollNow()
	if list && isDue(now, t.listedAt, t.iv.TrainingList) {
		if err := t.listLocked(ctx); err != nil {
			return err
		}
		if err := t.resolveProjectsLocked(ctx); err != nil {
			return err
		}
		t.listedAt = now
	}
	return t.describeRunningLocked(ctx, now)
}

func (t *trainingIndex) listLocked(ctx context.Context) error {
	if t.started {
		err := t.acct.ListTrainingJobs(ctx, "", func(page []domain.TrainingJob, _ string) bool {
			reachedKnown := false
			for _, j := range page {
				if e := t.jobs[j.Name]; e != nil && e.job.Terminal() && unchanged(e.job, j) {
					reachedKnown = true
				}
				t.mergeListedLocked(j)
			}
			return !reachedKnown
		})
		if err != nil {
			return err
		}
	}
	if t.complete {
		return nil
	}
	pages := 0
	err := t.acct.ListTrainingJobs(ctx, t.backfillToken, func(page []domain.TrainingJob, next string) bool {
		for _, j := range page {
			t.mergeListedLocked(j)
		}
		pages++
		t.started = true
		t.backfillToken = next
		t.complete = next == ""
		return !t.complete && pages < backfillPagesPerPoll
	})
	if err == nil && !t.started {
		t.started, t.complete = true, true // the account has no jobs
	}
	return err
}

func unchanged(known, listed domain.TrainingJob) bool {
	return known.Status == listed.Status && known.LastModified.Equal(listed.LastModified)
}

// mergeListedLocked takes a list summary into the index.
func (t *trainingIndex) mergeListedLocked(j domain.TrainingJob) {
	e := t.jobs[j.Name]
	if e == nil {
		t.jobs[j.Name] = &jobEntry{job: j}
		if !j.CreatedAt.Before(monthStart(t.dataNow())) {
			t.unresolved[j.Name] = true
		}
		return
	}
	if unchanged(e.job, j) {
		return
	}
	e.job.Status, e.job.SecondaryStatus = j.Status, j.SecondaryStatus
	e.job.LastModified, e.job.EndedAt = j.LastModified, j.EndedAt
	e.final = false
}

func monthStart(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, t.Location())
}

// resolveProjectsLocked finds the project tag of jobs listed since the
// last search (see trainingIndex).
func (t *trainingIndex) resolveProjectsLocked(ctx context.Context) error {
	if t.searched && len(t.unresolved) == 0 {
		return t.tagOldRunningLocked(ctx)
	}
	since := monthStart(t.dataNow())
	if t.searched {
		since = time.Time{}
		for name := range t.unresolved {
			if c := t.jobs[name].job.CreatedAt; since.IsZero() || c.Before(since) {
				since = c
			}
		}
	}
	err := t.acct.SearchTrainingJobsWithTag(ctx, t.tags.ProjectName, since, func(page []domain.TrainingJob) bool {
		for _, j := range page {
			t.takeSearchedLocked(j)
		}
		return true
	})
	if err != nil {
		return err
	}
	t.searched = true
	cutoff := t.dataNow().Add(-searchLag)
	var young []*jobEntry
	for name := range t.unresolved {
		e := t.jobs[name]
		if e.job.CreatedAt.Before(cutoff) {
			e.projectKnown = true // old enough to be indexed: it has no project tag
			delete(t.unresolved, name)
			continue
		}
		if len(young) < youngTagReads && e.job.ARN != "" {
			young = append(young, e)
		}
	}
	if err := t.readTagsLocked(ctx, young); err != nil {
		return err
	}
	return t.tagOldRunningLocked(ctx)
}

// takeSearchedLocked records a Search record: its project, and, for a
// finished job, everything a describe would have said.
func (t *trainingIndex) takeSearchedLocked(j domain.TrainingJob) {
	e := t.jobs[j.Name]
	if e == nil {
		e = &jobEntry{job: j}
		t.jobs[j.Name] = e
	}
	e.projectKnown = true
	delete(t.unresolved, j.Name)
	project := j.Tags[t.tags.ProjectName]
	switch {
	case j.Terminal() && !e.final:
		e.job, e.final = j, true
	case !j.Terminal() && !e.job.Terminal() && e.describedAt.IsZero():
		// A running job's record stands in for its first describe (the
		// next is due an interval later); the list's status is fresher
		// than Search's index.
		listed := e.job
		e.job, e.describedAt = j, t.pollNow()
		e.job.Status, e.job.SecondaryStatus, e.job.LastModified = listed.Status, listed.SecondaryStatus, listed.LastModified
	}
	e.job.Project, e.job.Tags = project, j.Tags
}

// tagOldRunningLocked reads, once, the tags of running jobs that Search did
// not cover (created before this month).
func (t *trainingIndex) tagOldRunningLocked(ctx context.Context) error {
	var old []*jobEntry
	for _, e := range t.jobs {
		if e.projectKnown || e.job.Terminal() || e.job.ARN == "" || t.unresolved[e.job.Name] {
			continue
		}
		old = append(old, e)
	}
	return t.readTagsLocked(ctx, old)
}

// readTagsLocked reads jobs' tags, and so their projects, all at once.
func (t *trainingIndex) readTagsLocked(ctx context.Context, entries []*jobEntry) error {
	tags := make([]map[string]string, len(entries))
	err := each(ctx, len(entries), func(ctx context.Context, i int) (err error) {
		tags[i], err = t.acct.Tags(ctx, entries[i].job.ARN)
		return err
	})
	if err != nil {
		return err
	}
	for i, e := range entries {
		e.job.Tags, e.job.Project, e.projectKnown = tags[i], tags[i][t.tags.ProjectName], true
		delete(t.unresolved, e.job.Name)
	}
	return nil
}

func (t *trainingIndex) describeRunningLocked(ctx context.Context, now time.Time) error {
	var due []*jobEntry
	for _, e := range t.jobs {
		if e.job.Terminal() && (e.final || e.describedAt.IsZero()) {
			continue // finished: described in full once, or never needed
		}
		if isDue(now, e.describedAt, t.iv.RunningJobs) {
			due = append(due, e)
		}
	}
	// Least recently described first, so that when more jobs run than one
	// poll may describe, each still gets its turn.
	sort.Slice(due, func(i, j int) bool { return due[i].describedAt.Before(due[j].describedAt) })
	due = due[:min(len(due), maxDescribesPerPoll)]
	names := make([]string, len(due))
	for i, e := range due {
		names[i] = e.job.Name
	}
	return t.describeLocked(ctx, names, now)
}

// describeLocked describes jobs, all at once, and records them; a job
// that no longer exists leaves the index.
func (t *trainingIndex) describeLocked(ctx context.Context, names []string, now time.Time) error {
	described := make([]*domain.TrainingJob, len(names))
	err := each(ctx, len(names), func(ctx context.Context, i int) error {
		d, err := t.acct.DescribeTrainingJob(ctx, names[i])
		if aws.IsNotFound(err) {
			return nil
		}
		described[i] = &d
		return err
	})
	if err != nil {
		return err
	}
	for i, d := range described {
		name := names[i]
		if d == nil {
			delete(t.jobs, name)
			delete(t.unresolved, name)
			t.missing[name] = true
			continue
		}
		e := t.jobs[name]
		if e == nil {
			e = &jobEntry{}
			t.jobs[name] = e
		}
		d.Project, d.Tags = e.job.Project, e.job.Tags
		e.job, e.describedAt, e.final = *d, now, d.Terminal()
	}
	return nil
}

// job returns one job, described if it is unknown, running and due, or
// finished but never seen in full.
func (t *trainingIndex) job(ctx context.Context, name string) (domain.TrainingJob, bool, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.pollNow()
	e := t.jobs[name]
	if e == nil && t.missing[name] {
		return domain.TrainingJob{}, false, nil
	}
	if e == nil || (!e.final && isDue(now, e.describedAt, t.iv.RunningJobs)) {
		if err := t.describeLocked(ctx, []string{name}, now); err != nil {
			return domain.TrainingJob{}, false, err
		}
		if e = t.jobs[name]; e == nil {
			return domain.TrainingJob{}, false, nil
		}
		if !e.projectKnown && e.job.ARN != "" {
			if err := t.readTagsLocked(ctx, []*jobEntry{e}); err != nil {
				return domain.TrainingJob{}, false, err
			}
		}
	}
	return e.job, true, nil
}

// sorted is every job, running first, then newest first.
func (t *trainingIndex) sorted() (jobs []domain.TrainingJob, loading bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	jobs = make([]domain.TrainingJob, 0, len(t.jobs))
	for _, e := range t.jobs {
		jobs = append(jobs, e.job)
	}
	sort.Slice(jobs, func(i, j int) bool {
		if ri, rj := jobs[i].Running(), jobs[j].Running(); ri != rj {
			return ri
		}
		if !jobs[i].CreatedAt.Equal(jobs[j].CreatedAt) {
			return jobs[i].CreatedAt.After(jobs[j].CreatedAt)
		}
		return jobs[i].Name < jobs[j].Name
	})
	return jobs, !t.complete
}

// selected returns the jobs that keep returns true for, in no order.
func (t *trainingIndex) selected(keep func(domain.TrainingJob) bool) []domain.TrainingJob {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out []domain.TrainingJob
	for _, e := range t.jobs {
		if keep(e.job) {
			out = append(out, e.job)
		}
	}
	return out
}

// touch makes the next sync describe a job at once (after an action on it).
func (t *trainingIndex) touch(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e := t.jobs[name]; e != nil {
		e.describedAt, e.final = time.Time{}, false
	}
}
