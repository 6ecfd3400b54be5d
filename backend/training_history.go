package backend

import (
	"context"
	"time"

	"github.com/agdash/agdash/backend/domain"
)

// historyPagesPerPoll bounds the Search pages one poll spends on the
// history search. It rides on every poll of the feed (5 s) beside the list
// backfill's 20 pages: 25 calls a poll are 5 a second, under the 8 a second
// the meter allows SageMaker, which leaves 3 a second to the running jobs'
// describes, the other feeds and teammates while both run; alone it is one
// call a second. It reads 500 tagged jobs a poll, 6,000 a minute: an
// account whose 100,000 jobs all carry a project has them all in about 17
// minutes, one of 10,000 in under two, and the jobs of the month before,
// which people look for first, come first.
const historyPagesPerPoll = 5

// historySearch walks back in time through the jobs that carry a project
// tag and were created before the month's search (until), with one
// Search per page, newest first, a few pages a poll. It keeps no paging
// token from one poll to the next (a token may expire): each poll searches
// again for jobs created before its floor, the oldest time it has seen.
// Search filters by whole seconds (CreationTime has milliseconds), so each
// poll asks for jobs created before the second after the floor's, which
// reads the floor's second again: jobs created in one second may be split
// between two polls. A job read twice is recorded the same twice. Every
// tagged job created after the floor (and before until) has been returned;
// a job of that time that was not has no project tag. Once a page comes
// back last, every job before until is answered for.
type historySearch struct {
	started bool
	// month and indexed bound what the month's search answered for: jobs
	// created from month on and before indexed (it ran, less Search's
	// indexing lag).
	month, indexed time.Time
	// until is where the history search starts: jobs created before it are
	// its own.
	until time.Time
	floor time.Time // the oldest creation time returned; until at first
	done  bool
}

// start begins the history search after the month's search, which
// covered jobs created from month on and was indexed up to indexed.
func (h *historySearch) start(month, indexed time.Time) {
	h.started, h.month, h.indexed = true, month, indexed
	h.until = month
	if indexed.Before(month) { // the month began less than searchLag ago
		h.until = indexed
	}
	h.floor = h.until
}

// covers reports whether a search has answered for jobs created at
// created, so that one it did not return has no project tag.
func (h *historySearch) covers(created time.Time) bool {
	switch {
	case !h.started:
		return false
	case !created.Before(h.until):
		return !created.Before(h.month) && created.Before(h.indexed)
	}
	return h.done || created.After(h.floor)
}

// projectsUnknownUntil is the time at or before which jobs may not have
// their project yet (now before any search); zero once the history search
// is done.
func (h *historySearch) projectsUnknownUntil(now time.Time) time.Time {
	switch {
	case h.done:
		return time.Time{}
	case !h.started:
		return now
	}
	return h.floor
}

// recentLocked reports whether a job created at created is left to the
// searches of new jobs (unresolved) rather than to the history search:
// it is of this month or younger than Search's indexing lag.
func (t *trainingIndex) recentLocked(created time.Time) bool {
	if t.history.started {
		return !created.Before(t.history.until)
	}
	now := t.dataNow()
	return !created.Before(monthStart(now)) || !created.Before(now.Add(-searchLag))
}

// searchHistoryLocked searches up to max pages further back in time, and
// records that the jobs it has been past without finding them have no
// project. Done, it costs nothing.
func (t *trainingIndex) searchHistoryLocked(ctx context.Context, max int) error {
	h := &t.history
	if !h.started || h.done {
		return nil
	}
	// The floor's second again, rounded up to whole seconds (the filter's
	// own rounding); at first, everything before until.
	before := h.until
	if h.floor.Before(h.until) {
		before = h.floor.Truncate(time.Second).Add(time.Second)
	}
	if whole := before.Truncate(time.Second); !whole.Equal(before) {
		before = whole.Add(time.Second)
	}
	oldest, pages := h.floor, 0
	err := t.acct.SearchTrainingJobsWithTag(ctx, t.tags.ProjectName, time.Time{}, before, func(page []domain.TrainingJob, last bool) bool {
		for _, j := range page {
			t.takeSearchedLocked(j)
			if j.CreatedAt.Before(oldest) {
				oldest = j.CreatedAt
			}
		}
		pages++
		if last {
			h.done = true
			return false
		}
		// At the poll's share of pages, stop, unless every job so far is of
		// the second the search began in: the next poll would begin there
		// again and read the same pages (more jobs of one second than the
		// share holds), so this one reads on until it is past.
		return pages < max || !oldest.Before(before.Add(-time.Second))
	})
	if oldest.Before(h.floor) {
		h.floor = oldest
	}
	t.markUntaggedLocked()
	return err
}

// markUntaggedLocked records that the jobs a search has answered for
// without returning them have no project tag.
func (t *trainingIndex) markUntaggedLocked() {
	for name, e := range t.jobs {
		if !e.sum.ProjectKnown() && !t.unresolved[name] && t.history.covers(e.sum.CreatedAt()) {
			t.replaceLocked(e, e.sum.WithProject(""))
		}
	}
}
