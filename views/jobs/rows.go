package jobs

import (
	"slices"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// scopedRows are the delivered jobs in scope, as rows in the list's own
// order (running first, then newest). The backend already delivers that
// order, so this is a check and a filter, O(n); it sorts only when the
// order was not kept. When every job is in scope the rows are the
// delivered list itself (neither side modifies it), not a copy of 100,000
// pointers per delivery.
func scopedRows(jobs []*domain.TrainingJobSummary, inScope func(project string) bool) []job {
	all := true
	for _, j := range jobs {
		if !inScope(j.Project()) {
			all = false
			break
		}
	}
	if all && slices.IsSortedFunc(jobs, newestRunningFirst) {
		return jobs
	}
	out := make([]job, 0, len(jobs))
	for _, j := range jobs {
		if inScope(j.Project()) {
			out = append(out, j)
		}
	}
	if !slices.IsSortedFunc(out, newestRunningFirst) {
		slices.SortStableFunc(out, newestRunningFirst)
	}
	return out
}

// find is the delivered job called name.
func find(jobs []*domain.TrainingJobSummary, name string) (job, bool) {
	for _, j := range jobs {
		if j.Name() == name {
			return j, true
		}
	}
	return nil, false
}

// findFold is the delivered job called name in any case (an ARN spells
// it in lower case); nil for "".
func findFold(jobs []*domain.TrainingJobSummary, name string) (job, bool) {
	if name == "" {
		return nil, false
	}
	if j, ok := find(jobs, name); ok {
		return j, true
	}
	for _, j := range jobs {
		if strings.EqualFold(j.Name(), name) {
			return j, true
		}
	}
	return nil, false
}

// sameList reports whether two deliveries are the same list: the backend
// shares its list between deliveries until a job in it changes.
func sameList(a, b []*domain.TrainingJobSummary) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
