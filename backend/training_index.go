package backend

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unique"

	"github.com/agdash/agdash/backend/aws"
	"github.com/agdash/agdash/backend/domain"
)

// Paging limits of the training job list.
const (
	// firstPages is how far the first poll pages: it shows the newest
	// 5,000 jobs at once.
	firstPages = 50
	// backfillPagesPerPoll is how far each later poll pages into older jobs
	// until the whole history is in. The backfill rides on every poll of
	// the feed (every RunningJobs interval, 5 s), not only the list's (30
	// s): 20 pages a poll is 4 calls a second, half of the SageMaker rate
	// the meter allows (8/s), so the other feeds and teammates keep the
	// other half while an account of 100,000 jobs fills in about four and a
	// half minutes instead of eleven. Once the history is in, the backfill
	// costs nothing: steady state is one ListTrainingJobs per list interval.
	backfillPagesPerPoll = 20
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
//     and returns finished jobs in full so they need no describe (the index
//     keeps what the list shows of them, see listFields; the rest is read
//     once if the job is opened). Later
//     searches run only when the list shows new jobs, and cover only them;
//     a running job's record also stands in for its first describe;
//     a new job younger than Search's indexing lag that Search did not
//     return gets one ListTags (tags are set when a job is created).
//   - Jobs older than the month are answered for by the history search
//     (historySearch): a few Search pages a poll, walking back in time,
//     until it has been through every tagged job; then it costs nothing.
//     Until it has reached a job's time, the job's project is not known
//     (TrainingJobSummary.ProjectKnown), which the list shows as such.
//     Running jobs older than the month get one ListTags each, once, so
//     that governance sees their project at once.
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
	history       historySearch
	missing       map[string]bool // names SageMaker says do not exist
	curveState    map[string]*curveEntry

	// order is every entry, running first then newest; resort is set when
	// a job was added, removed, or moved in that order. delivered is the
	// last list sorted returned, handed out again until a job changes
	// (changed).
	order     []*jobEntry
	resort    bool
	delivered []*domain.TrainingJobSummary
	changed   bool
}

// jobEntry is one job of the index. An account holds 100,000 of them,
// most known only from the list, so what only described jobs have is kept
// apart (detail).
type jobEntry struct {
	// sum is what the list shows, shared with the deliveries
	// (TrainingJobsData.Jobs) and never modified: a change replaces it
	// (setLocked). Whether the job's project is known is its
	// ProjectKnown.
	sum    *domain.TrainingJobSummary
	detail *jobDetail // nil until the job is known in full
}

// jobDetail is what the index knows of a job it has seen in full.
type jobDetail struct {
	// full is the job in full once described (or found running by
	// Search); a job known only from the list or from Search's record of
	// a finished job has none, and its details are read if it is opened.
	full        *domain.TrainingJob
	describedAt time.Time // poll clock; zero if never described
	final       bool      // finished and known in full: never described again
}

// full is the job in full, nil if not known.
func (e *jobEntry) full() *domain.TrainingJob {
	if e.detail == nil {
		return nil
	}
	return e.detail.full
}

// describedAt is when the job was last described; zero if never.
func (e *jobEntry) describedAt() time.Time {
	if e.detail == nil {
		return time.Time{}
	}
	return e.detail.describedAt
}

// final reports a job finished and known in full: never described again.
func (e *jobEntry) final() bool { return e.detail != nil && e.detail.final }

// details is the entry's detail, made when first needed.
func (e *jobEntry) details() *jobDetail {
	if e.detail == nil {
		e.detail = &jobDetail{}
	}
	return e.detail
}

// curveEntry is what is known of an opened job's metric curves.
type curveEntry struct {
	metrics     []string // CloudWatch metric names of its hosts, once listed
	metricsRead bool
	curves      []domain.Series
	curvesAt    time.Time
	curvesFinal bool
}

func newTrainingIndex(acct *aws.Account, tags domain.TagKeys, pollNow, dataNow func() time.Time, iv Intervals) *trainingIndex {
	return &trainingIndex{
		acct: acct, tags: tags, pollNow: pollNow, dataNow: dataNow, iv: iv,
		jobs: map[string]*jobEntry{}, unresolved: map[string]bool{}, missing: map[string]bool{}, curveState: map[string]*curveEntry{},
	}
}

// addLocked makes an entry for a job not known before; its project is
// s's if projectKnown, else not known yet.
func (t *trainingIndex) addLocked(s domain.TrainingJobSummary, projectKnown bool) *jobEntry {
	if !projectKnown {
		s = s.WithProjectUnknown()
	}
	e := &jobEntry{sum: &s}
	t.jobs[s.Name()] = e
	t.resort, t.changed = true, true
	return e
}

// setLocked replaces an entry's summary with s, made from a list or a
// describe, which do not read tags: a project not known stays so.
func (t *trainingIndex) setLocked(e *jobEntry, s domain.TrainingJobSummary) {
	if !e.sum.ProjectKnown() {
		s = s.WithProjectUnknown()
	}
	t.replaceLocked(e, s)
}

// replaceLocked replaces an entry's summary, project and all, keeping the
// list's order when the job's place in it has not moved.
func (t *trainingIndex) replaceLocked(e *jobEntry, s domain.TrainingJobSummary) {
	if e.sum.Equal(s) {
		return // a describe that found nothing new: the delivered list stands
	}
	if e.sum.Running() != s.Running() || !e.sum.CreatedAt().Equal(s.CreatedAt()) || e.sum.Name() != s.Name() {
		t.resort = true
	}
	e.sum, t.changed = &s, true
}

// setFullLocked records a job known in full, and its summary.
func (t *trainingIndex) setFullLocked(e *jobEntry, j domain.TrainingJob) {
	e.details().full = &j
	t.setLocked(e, j.Summary())
}

// removeLocked forgets a job.
func (t *trainingIndex) removeLocked(name string) {
	delete(t.jobs, name)
	delete(t.unresolved, name)
	delete(t.curveState, name)
	t.resort, t.changed = true, true
}

// isDue reports whether something last done at last should be done again
// after every; a tenth of slack absorbs timer jitter.
func isDue(now, last time.Time, every time.Duration) bool {
	return last.IsZero() || now.Sub(last) >= every-every/10
}

// sync brings the index up to date: the list when due (and list is true),
// or else the next pages of the backfill while the history is not all in;
// project tags of new jobs; the next pages of the history search while it
// runs; and a describe of every running job that is due.
func (t *trainingIndex) sync(ctx context.Context, list bool) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.pollNow()
	searched := t.searched
	switch {
	case list && isDue(now, t.listedAt, t.iv.TrainingList):
		if err := t.listLocked(ctx); err != nil {
			return err
		}
		if err := t.resolveProjectsLocked(ctx); err != nil {
			return err
		}
		t.listedAt = now
	case list && !t.complete:
		if err := t.backfillLocked(ctx, backfillPagesPerPoll); err != nil {
			return err
		}
		if err := t.resolveProjectsLocked(ctx); err != nil {
			return err
		}
	}
	// The history search starts at the poll after the month's search, so
	// that the first poll's data comes as soon as it did without it.
	if list && searched {
		if err := t.searchHistoryLocked(ctx, historyPagesPerPoll); err != nil {
			return err
		}
	}
	return t.describeRunningLocked(ctx, now)
}

func (t *trainingIndex) listLocked(ctx context.Context) error {
	if t.started {
		err := t.acct.ListTrainingJobs(ctx, "", func(page []domain.TrainingJob, _ string) bool {
			reachedKnown := false
			for _, j := range page {
				if e := t.jobs[j.Name]; e != nil && e.sum.Terminal() && unchanged(e.sum, j) {
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
	pages := backfillPagesPerPoll
	if !t.started {
		pages = firstPages
	}
	return t.backfillLocked(ctx, pages)
}

// backfillLocked pages up to max pages further into jobs never seen.
func (t *trainingIndex) backfillLocked(ctx context.Context, max int) error {
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
		return !t.complete && pages < max
	})
	if err == nil && !t.started {
		t.started, t.complete = true, true // the account has no jobs
	}
	return err
}

func unchanged(known *domain.TrainingJobSummary, listed domain.TrainingJob) bool {
	return known.Status() == listed.Status && known.LastModified().Equal(listed.LastModified)
}

// mergeListedLocked takes a list summary into the index. A new job's
// project is known at once if a search has been through its time without
// returning it (then it has no project tag); else a job of this month waits
// for the next search (unresolved), an older one for the history search.
func (t *trainingIndex) mergeListedLocked(j domain.TrainingJob) {
	e := t.jobs[j.Name]
	if e == nil {
		switch {
		case t.history.covers(j.CreatedAt):
			t.addLocked(j.Summary(), true)
		case t.recentLocked(j.CreatedAt):
			e = t.addLocked(j.Summary(), false)
			t.unresolved[e.sum.Name()] = true
		default:
			t.addLocked(j.Summary(), false)
		}
		return
	}
	if unchanged(e.sum, j) {
		return
	}
	s := e.sum.Job()
	s.Status, s.SecondaryStatus, s.LastModified, s.EndedAt = j.Status, j.SecondaryStatus, j.LastModified, j.EndedAt
	t.setLocked(e, s.Summary())
	if d := e.detail; d != nil {
		if f := d.full; f != nil {
			f.Status, f.SecondaryStatus = shared(j.Status), shared(j.SecondaryStatus)
			f.LastModified, f.EndedAt = j.LastModified, j.EndedAt
		}
		d.final = false
	}
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
	now := t.dataNow()
	since := monthStart(now)
	if t.searched {
		since = time.Time{}
		for name := range t.unresolved {
			if c := t.jobs[name].sum.CreatedAt(); since.IsZero() || c.Before(since) {
				since = c
			}
		}
	}
	err := t.acct.SearchTrainingJobsWithTag(ctx, t.tags.ProjectName, since, time.Time{}, func(page []domain.TrainingJob, _ bool) bool {
		for _, j := range page {
			t.takeSearchedLocked(j)
		}
		return true
	})
	if err != nil {
		return err
	}
	if !t.searched {
		t.history.start(since, now.Add(-searchLag))
		t.searched = true
	}
	cutoff := now.Add(-searchLag)
	var young []*jobEntry
	for name := range t.unresolved {
		e := t.jobs[name]
		if e.sum.CreatedAt().Before(cutoff) {
			t.replaceLocked(e, e.sum.WithProject("")) // old enough to be indexed: it has no project tag
			delete(t.unresolved, name)
			continue
		}
		if len(young) < youngTagReads && e.sum.ARN() != "" {
			young = append(young, e)
		}
	}
	t.shrinkUnresolvedLocked()
	if err := t.readTagsLocked(ctx, young); err != nil {
		return err
	}
	return t.tagOldRunningLocked(ctx)
}

// takeSearchedLocked records a Search record: its project, and, for a
// finished job, what the list shows of it (a describe would say no more).
func (t *trainingIndex) takeSearchedLocked(j domain.TrainingJob) {
	j.Project = shared(j.Tags[t.tags.ProjectName])
	j.PipelineExecutionARN = strings.Clone(j.Tags[domain.TagPipelineExecutionARN])
	e := t.jobs[j.Name]
	if e == nil {
		e = t.addLocked(j.Summary(), true)
	}
	delete(t.unresolved, j.Name)
	switch {
	case j.Terminal() && !e.final() && e.full() == nil:
		// Only its summary: a month of records in full would hold tens of
		// megabytes that no list reads. Opening the job reads the rest.
		t.replaceLocked(e, j.Summary())
	case j.Terminal() && !e.final():
		// It ran in this session and has finished: known in full.
		e.detail.full, e.detail.final = &j, true
		t.replaceLocked(e, j.Summary())
	case !j.Terminal() && !e.sum.Terminal() && e.describedAt().IsZero():
		// A running job's record stands in for its first describe (the
		// next is due an interval later); the list's status is fresher
		// than Search's index.
		listed := e.sum
		j.Status, j.SecondaryStatus, j.LastModified = listed.Status(), listed.SecondaryStatus(), listed.LastModified()
		d := e.details()
		d.full, d.describedAt = &j, t.pollNow()
		t.replaceLocked(e, j.Summary())
	default:
		s := e.sum.Job()
		s.Project, s.PipelineExecutionARN = j.Project, j.PipelineExecutionARN
		t.replaceLocked(e, s.Summary())
		if f := e.full(); f != nil {
			f.Project, f.Tags, f.PipelineExecutionARN = j.Project, j.Tags, j.PipelineExecutionARN
		}
	}
}

// tagOldRunningLocked reads, once, the tags of running jobs that Search did
// not cover (created before this month).
func (t *trainingIndex) tagOldRunningLocked(ctx context.Context) error {
	var old []*jobEntry
	for _, e := range t.jobs {
		if e.sum.ProjectKnown() || e.sum.Terminal() || e.sum.ARN() == "" || t.unresolved[e.sum.Name()] {
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
		tags[i], err = t.acct.Tags(ctx, entries[i].sum.ARN())
		return err
	})
	if err != nil {
		return err
	}
	for i, e := range entries {
		s := e.sum.Job()
		s.Project = shared(tags[i][t.tags.ProjectName])
		s.PipelineExecutionARN = strings.Clone(tags[i][domain.TagPipelineExecutionARN])
		t.replaceLocked(e, s.Summary())
		if f := e.full(); f != nil {
			f.Tags, f.Project, f.PipelineExecutionARN = tags[i], s.Project, s.PipelineExecutionARN
		}
		delete(t.unresolved, s.Name)
	}
	t.shrinkUnresolvedLocked()
	return nil
}

func (t *trainingIndex) describeRunningLocked(ctx context.Context, now time.Time) error {
	var due []*jobEntry
	for _, e := range t.jobs {
		if e.sum.Terminal() && (e.final() || e.describedAt().IsZero()) {
			continue // finished: described in full once, or never needed
		}
		if isDue(now, e.describedAt(), t.iv.RunningJobs) {
			due = append(due, e)
		}
	}
	// Least recently described first, so that when more jobs run than one
	// poll may describe, each still gets its turn.
	sort.Slice(due, func(i, j int) bool { return due[i].describedAt().Before(due[j].describedAt()) })
	due = due[:min(len(due), maxDescribesPerPoll)]
	names := make([]string, len(due))
	for i, e := range due {
		names[i] = e.sum.Name()
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
			t.removeLocked(name)
			t.missing[name] = true
			continue
		}
		e := t.jobs[name]
		if e == nil {
			e = t.addLocked(d.Summary(), false)
		}
		// A describe does not say what the tags said.
		d.Project = e.sum.Project()
		if d.PipelineExecutionARN == "" {
			d.PipelineExecutionARN = e.sum.PipelineExecutionARN()
		}
		if f := e.full(); f != nil {
			d.Tags = f.Tags
		}
		t.setFullLocked(e, *d)
		e.detail.describedAt, e.detail.final = now, d.Terminal()
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
	if e == nil || e.full() == nil || (!e.final() && isDue(now, e.describedAt(), t.iv.RunningJobs)) {
		if err := t.describeLocked(ctx, []string{name}, now); err != nil {
			return domain.TrainingJob{}, false, err
		}
		if e = t.jobs[name]; e == nil {
			return domain.TrainingJob{}, false, nil
		}
		if !e.sum.ProjectKnown() && e.sum.ARN() != "" {
			if err := t.readTagsLocked(ctx, []*jobEntry{e}); err != nil {
				return domain.TrainingJob{}, false, err
			}
		}
	}
	return *e.full(), true, nil
}

// sorted is every job, running first, then newest first, with how far the
// list and the jobs' projects are known. The list and its jobs are
// shared: callers must not modify them. While nothing changes it is the
// same list; when only jobs' contents change (a running job's status), it
// is rebuilt in the order already known, without sorting.
func (t *trainingIndex) sorted() TrainingJobsData {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.resort || t.order == nil {
		// The order is rebuilt in place: a new list each time would be
		// 800 kB of garbage per new job at 100,000 jobs.
		t.order = slices.Grow(t.order[:0], len(t.jobs))
		for _, e := range t.jobs {
			t.order = append(t.order, e)
		}
		clear(t.order[len(t.order):cap(t.order)]) // removed jobs' entries
		slices.SortFunc(t.order, func(a, b *jobEntry) int { return a.sum.NewerFirst(b.sum) })
		t.resort, t.changed = false, true
	}
	if t.changed || t.delivered == nil {
		t.delivered = make([]*domain.TrainingJobSummary, len(t.order))
		for i, e := range t.order {
			t.delivered[i] = e.sum
		}
		t.changed = false
	}
	return TrainingJobsData{Jobs: t.delivered, Loading: !t.complete, ProjectsUnknownUntil: t.history.projectsUnknownUntil(t.dataNow())}
}

// finished reports whether the job called name is known and has finished:
// one lookup, where selected would walk every job.
func (t *trainingIndex) finished(name string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.jobs[name]
	return e != nil && e.sum.Terminal()
}

// selected returns the jobs that keep returns true for, in no order.
func (t *trainingIndex) selected(keep func(domain.TrainingJobSummary) bool) []domain.TrainingJobSummary {
	t.mu.Lock()
	defer t.mu.Unlock()
	// A month of jobs is tens of thousands: the jobs are counted first so
	// that the list of them is made once, at its size. Summaries, not full
	// records: a summary is what the list and governance read, and copying
	// the month's full records on every projects poll was megabytes of
	// garbage each time.
	n := 0
	for _, e := range t.jobs {
		if keep(*e.sum) {
			n++
		}
	}
	out := make([]domain.TrainingJobSummary, 0, n)
	for _, e := range t.jobs {
		if keep(*e.sum) {
			out = append(out, *e.sum)
		}
	}
	return out
}

// touch makes the next sync describe a job at once (after an action on it).
func (t *trainingIndex) touch(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e := t.jobs[name]; e != nil && e.detail != nil {
		e.detail.describedAt, e.detail.final = time.Time{}, false
	}
}

// shrinkUnresolvedLocked lets go of the table of unresolved jobs once
// they are all resolved: a map keeps its size when emptied, and the first
// search leaves a month of jobs' worth.
func (t *trainingIndex) shrinkUnresolvedLocked() {
	if len(t.unresolved) == 0 {
		t.unresolved = map[string]bool{}
	}
}

// shared is s, one copy for every equal string.
func shared(s string) string {
	if s == "" {
		return ""
	}
	return unique.Make(s).Value()
}
