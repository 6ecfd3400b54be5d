package jobs

import (
	"slices"
	"strings"

	"github.com/agdash/agdash/backend/domain"
)

// scopedRows are the delivered jobs in scope, as rows in the list's own
// order (running first, then newest). The backend already delivers that
// order, so this is a check and a filter, O(n); it sorts only when the
// order was not kept.
func scopedRows(jobs []domain.TrainingJob, inScope func(project string) bool) []job {
	out := make([]job, 0, len(jobs))
	for i := range jobs {
		if inScope(jobs[i].Project) {
			out = append(out, &jobs[i])
		}
	}
	if !slices.IsSortedFunc(out, newestRunningFirst) {
		slices.SortStableFunc(out, newestRunningFirst)
	}
	return out
}

// find is the delivered job called name.
func find(jobs []domain.TrainingJob, name string) (job, bool) {
	for i := range jobs {
		if jobs[i].Name == name {
			return &jobs[i], true
		}
	}
	return nil, false
}

// findFold is the delivered job called name in any case (an ARN spells
// it in lower case); nil for "".
func findFold(jobs []domain.TrainingJob, name string) (job, bool) {
	if name == "" {
		return nil, false
	}
	if j, ok := find(jobs, name); ok {
		return j, true
	}
	for i := range jobs {
		if strings.EqualFold(jobs[i].Name, name) {
			return &jobs[i], true
		}
	}
	return nil, false
}
