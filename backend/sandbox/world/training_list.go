package world

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// TrainingJobQuery is ListTrainingJobs' filters and paging. SortBy is
// "CreationTime" (default), "Name" or "Status"; SortOrder defaults to
// Ascending, as AWS's does. After is the Next of the previous page.
type TrainingJobQuery struct {
	SortBy                 string
	SortOrder              SortOrder
	StatusEquals           TrainingJobStatus
	NameContains           string
	CreationTimeAfter      time.Time
	CreationTimeBefore     time.Time
	LastModifiedTimeAfter  time.Time
	LastModifiedTimeBefore time.Time
	MaxResults             int // 1..100; default 100
	After                  string
}

// TrainingJobPage is one page of summaries; Next is empty on the last page.
type TrainingJobPage struct {
	Items []TrainingJobSummary
	Next  string
}

// TrainingJobs is ListTrainingJobs. Pages are found by binary search over
// the world's sorted indexes, so a page costs the same at 100,000 jobs as at
// 100. The cursor names the last item returned, so jobs created between
// pages neither repeat nor vanish.
func (w *World) TrainingJobs(q TrainingJobQuery) (TrainingJobPage, error) {
	now := w.rlock()
	defer w.mu.RUnlock()
	limit := q.MaxResults
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	order := q.SortOrder
	if order == "" {
		order = Ascending
	}
	if order != Ascending && order != Descending {
		return TrainingJobPage{}, invalid("Value '%s' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [Ascending, Descending]", order)
	}
	nowMs := ms(now)
	match := func(j *trainingJob) bool { return q.matches(j, nowMs) }
	switch q.SortBy {
	case "", "CreationTime":
		return w.pageSorted(w.candidates(q, w.training.byCreation), order, q.After, limit, nowMs, match,
			func(j *trainingJob) string { return strconv.FormatInt(j.created, 10) + "|" + j.name },
			func(c string) func(j *trainingJob) bool {
				created, name := splitCursor(c)
				return func(j *trainingJob) bool {
					return j.created > created || (j.created == created && j.name > name)
				}
			})
	case "Name":
		if q.StatusEquals == TrainingInProgress || q.StatusEquals == TrainingStopping {
			return w.pageByScan(q, order, limit, nowMs, match)
		}
		return w.pageSorted(w.training.byStream, order, q.After, limit, nowMs, match,
			func(j *trainingJob) string { return j.name },
			func(c string) func(j *trainingJob) bool {
				return func(j *trainingJob) bool { return streamLess(c, j.name) }
			})
	case "Status":
		return w.pageByScan(q, order, limit, nowMs, match)
	default:
		return TrainingJobPage{}, invalid("Value '%s' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [Name, CreationTime, Status]", q.SortBy)
	}
}

// candidates narrows a scan to the active jobs when only they can match.
func (w *World) candidates(q TrainingJobQuery, all []*trainingJob) []*trainingJob {
	if q.StatusEquals == TrainingInProgress || q.StatusEquals == TrainingStopping {
		return w.training.active
	}
	return all
}

func splitCursor(c string) (int64, string) {
	i := strings.IndexByte(c, '|')
	if i < 0 {
		return 0, ""
	}
	v, _ := strconv.ParseInt(c[:i], 10, 64)
	return v, c[i+1:]
}

// pageSorted pages through an ascending index. key renders an item's
// cursor; greater(c) reports whether an item sorts after cursor c.
func (w *World) pageSorted(idx []*trainingJob, order SortOrder, after string, limit int, now int64,
	match func(*trainingJob) bool, key func(*trainingJob) string, greater func(string) func(*trainingJob) bool) (TrainingJobPage, error) {
	var page TrainingJobPage
	page.Items = make([]TrainingJobSummary, 0, limit)
	var last *trainingJob
	// take adds j to the page if it matches; it reports false once the
	// page is full, having set its cursor.
	take := func(j *trainingJob) bool {
		if !match(j) {
			return true
		}
		if len(page.Items) == limit {
			page.Next = key(last)
			return false
		}
		page.Items = append(page.Items, j.summary(w, now))
		last = j
		return true
	}
	if order == Ascending {
		i := 0
		if after != "" {
			g := greater(after)
			i = sort.Search(len(idx), func(k int) bool { return g(idx[k]) })
		}
		for i < len(idx) && take(idx[i]) {
			i++
		}
		return page, nil
	}
	i := len(idx) - 1
	if after != "" {
		// The first item that is not after the cursor, minus the cursor itself.
		g := greater(after)
		i = sort.Search(len(idx), func(k int) bool { return g(idx[k]) }) - 1
		for i >= 0 && key(idx[i]) == after {
			i--
		}
	}
	for i >= 0 && take(idx[i]) {
		i--
	}
	return page, nil
}

// pageByScan serves sorts without an index (Status) by filtering and
// sorting; its cursor is an offset.
func (w *World) pageByScan(q TrainingJobQuery, order SortOrder, limit int, now int64, match func(*trainingJob) bool) (TrainingJobPage, error) {
	var hits []*trainingJob
	for _, j := range w.candidates(q, w.training.byCreation) {
		if match(j) {
			hits = append(hits, j)
		}
	}
	less := func(a, b *trainingJob) bool {
		if q.SortBy == "Name" {
			return a.name < b.name
		}
		sa, sb := a.statusAt(now), b.statusAt(now)
		if sa != sb {
			return sa < sb
		}
		return creationLess(a, b)
	}
	sort.Slice(hits, func(a, b int) bool {
		if order == Descending {
			return less(hits[b], hits[a])
		}
		return less(hits[a], hits[b])
	})
	off := 0
	if q.After != "" {
		v, err := strconv.Atoi(strings.TrimPrefix(q.After, "o|"))
		if err != nil || v < 0 {
			return TrainingJobPage{}, invalid("Invalid pagination token")
		}
		off = v
	}
	var page TrainingJobPage
	for i := off; i < len(hits) && len(page.Items) < limit; i++ {
		page.Items = append(page.Items, hits[i].summary(w, now))
	}
	if off+limit < len(hits) {
		page.Next = "o|" + strconv.Itoa(off+limit)
	}
	return page, nil
}

func (q TrainingJobQuery) matches(j *trainingJob, now int64) bool {
	if q.StatusEquals != "" && j.statusAt(now) != q.StatusEquals {
		return false
	}
	if q.NameContains != "" && !strings.Contains(strings.ToLower(j.name), strings.ToLower(q.NameContains)) {
		return false
	}
	if !q.CreationTimeAfter.IsZero() && j.created <= ms(q.CreationTimeAfter) {
		return false
	}
	if !q.CreationTimeBefore.IsZero() && j.created >= ms(q.CreationTimeBefore) {
		return false
	}
	if !q.LastModifiedTimeAfter.IsZero() || !q.LastModifiedTimeBefore.IsZero() {
		lm := j.lastChange(now)
		if !q.LastModifiedTimeAfter.IsZero() && lm <= ms(q.LastModifiedTimeAfter) {
			return false
		}
		if !q.LastModifiedTimeBefore.IsZero() && lm >= ms(q.LastModifiedTimeBefore) {
			return false
		}
	}
	return true
}
